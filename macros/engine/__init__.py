"""The mkdocs side: the `portfolio` plugin and the macros for `content/` pages. Every mkdocs
import of the project is in this package; each hook hands over to a named module."""
