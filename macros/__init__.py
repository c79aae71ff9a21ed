"""The Working with Resistance portfolio site generator.

    model/     one pydantic model per kind of data, and the registry that declares each kind once
    load/      read data/ and content/, validate, cross-link: one Project per build
    render/    Jinja templates (overrides/portfolio/) into page Markdown and HTML; no mkdocs here
    engine/    the mkdocs plugin and the macros for content/ pages: thin hooks over the above
    commands/  what ./run does: python -m macros <command>

mkdocs-macros loads this package (`module_name: macros`) and calls `define_env`.
"""


def define_env(env):
    """Register the macros that prose pages call (mkdocs-macros' entry point)."""
    from .engine.macros import register

    register(env)
