"""Every kind of data: each module here declares one (`KIND`), with its model and all its behaviour, so a new
kind is one new module. They are found here and put in order (`rank`); a kind whose fields depend on the
others (a training pack names items of any kind that can go in one) is completed from them.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from dataclasses import replace

from pydantic import Field, create_model

from ..base import Model
from ..kind import Kind


def _discover() -> list[Kind]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            found.append(importlib.import_module(f"{__name__}.{module.name}").KIND)
    found.sort(key=lambda kind: kind.rank)
    found = [_replaceable(kind) for kind in found]
    return [_replaceable(replace(kind, **kind.assemble(found))) if kind.assemble else kind for kind in found]


def _replaceable(kind: Kind) -> Kind:
    """A withdrawn entry's `replaced_by` names an entry of its own kind: a link, checked and kept both ways like any other."""
    if kind.model is not None and "replaced_by" in kind.model.model_fields:
        return replace(kind, links={**kind.links, "replaced_by": kind.name})
    return kind


KINDS: list[Kind] = _discover()
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
ENTRY_PAGES: list[Kind] = [kind for kind in KINDS if kind.pages]
CITED: Kind = next(kind for kind in KINDS if kind.cited)  # the reference list, which `cite:` links point to


def explained(data) -> dict[str, str]:
    """Every term the data explains wherever it is used (the glossary's), with what it stands for."""
    return dict(kind.explains(entry) for kind in KINDS if kind.explains for entry in getattr(data, kind.name))


def about(kind: Kind) -> str:
    """What a kind holds, in an editor's words: its module's docstring, on one line."""
    return " ".join((sys.modules[kind.model.__module__].__doc__ or "").split())


def _summary(kind: Kind) -> str:
    """The first sentence of what a kind holds, and the shape it is written in: an editor's hover over its name."""
    first = re.split(r"(?<=\.)\s+(?=[A-Z])", about(kind))[0]
    shape = "Given once, not as a list: its fields follow, indented." if kind.single else f"A list: each {kind.label} starts with a dash (-)."
    return f"{first} {shape}"


def data_file_model() -> type[Model]:
    """What one YAML file may hold (any kinds, keyed by name): the JSON Schema's root, for editors."""
    fields = {kind.name: ((kind.model | None) if kind.single else list[kind.model], Field(None if kind.single else [], description=_summary(kind)))
              for kind in KINDS}
    model = create_model("DataFile", __base__=Model, **fields)  # type: ignore[call-overload]
    model.__doc__ = "What one YAML file in data/ may hold: any of the kinds, keyed by name. Lists from several files are joined."
    return model
