"""Libraries that mkdocs-macros imports at start but a build of this site never uses, loaded on first use.

mkdocs-macros imports `requests` (about 90 ms, most of its own start-up) for one thing: asking PyPI
whether a package named under its `modules:` setting exists. This site names none, and such a request
would go to another host. The portfolio plugin is loaded before mkdocs-macros (mkdocs.yml), so it can
put a module in place that loads `requests` the first time anything in it is used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

UNUSED_BY_THE_BUILD = ("requests",)


class _LoadedOnFirstUse(types.ModuleType):
    """Stands in for a module until something in it is used, then loads it and takes on its contents (so
    a module that imported this one uses the real one through it). Python's own LazyLoader loads on any
    attribute, and `import` itself reads `__spec__`: this answers that without loading."""

    def __getattr__(self, attribute: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, attribute)


def load_on_first_use(name: str) -> None:
    """Make `import name` give a module that is loaded when first used; one already imported, or not
    installed, is left as it is."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _LoadedOnFirstUse(name)
    stand_in.__spec__ = spec
    sys.modules[name] = stand_in


def defer_unused_imports() -> None:
    for name in UNUSED_BY_THE_BUILD:
        load_on_first_use(name)
