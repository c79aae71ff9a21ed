"""Pydantic's validation errors, reworded for a committee member editing YAML by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, get_args

from pydantic import BaseModel

from .errors import Loc, did_you_mean


def reason(error: dict, model: type[BaseModel]) -> tuple[Loc, str]:
    """One pydantic error on `model` as (field path, plain-English reason)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        moved = getattr(model_at(model, loc[:-1]), "moved_fields", {}).get(name)
        return loc, moved or f"unknown field '{name}'{did_you_mean(name, fields_at(model, loc[:-1]))}"
    if kind == "missing":
        return loc, "this required field is missing"
    if kind in ("string_type", "string_sub_type"):
        return loc, f"expected text, got {describe(given)}; put quotes around it if it is meant as text"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"expected a whole number, got {describe(given)}"
    if kind == "bool_type":
        return loc, f"expected true or false, got {describe(given)}"
    if kind == "list_type":
        return loc, f"expected a list (lines starting with '- '), got {describe(given)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return loc, f"expected a group of fields ('name: value' lines), got {describe(given)}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return loc, f"expected a date written as YYYY-MM-DD, got {describe(given)}"
    if kind == "too_short":
        return loc, "must not be empty"
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return loc, f"{describe(given)} is not one of the allowed values: {allowed}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return loc, error["msg"].lower()
    if kind == "value_error":
        return loc, str(error["ctx"]["error"])
    if kind == "string_too_long":
        return loc, f"is too long; at most {error['ctx']['max_length']} characters are allowed"
    return loc, error["msg"]


def describe(value: Any) -> str:
    """A value as a message quotes it: short, and dates as YAML wrote them."""
    if isinstance(value, (dict, list)):
        return "a group of fields" if isinstance(value, dict) else "a list"
    if isinstance(value, (date, datetime)):
        return value.isoformat()  # YAML reads an unquoted 2010-08-06 as a date
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model found at `loc` under `model` (list indexes skipped), if a model is there."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        inner = next(model_args(info.annotation), None) if info else None
        if inner is None:
            return None
        model = inner
    return model


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The fields of the model found at `loc` under `model`, for 'did you mean' on an unknown key."""
    found = model_at(model, loc)
    return list(found.model_fields) if found else []


def model_args(annotation: Any) -> Iterator[type[BaseModel]]:
    """The pydantic models inside a field's type (`list[Quote] | None` gives Quote)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from model_args(arg)
