"""The data model: one frozen pydantic model per kind, safe text types, vocabularies, and the
registry that declares each kind once (registry.py). Nothing here imports mkdocs."""
