"""What `./run` does besides building and testing: `python -m macros <command>`."""
