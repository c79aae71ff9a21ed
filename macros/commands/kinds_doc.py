"""docs/kinds.md, written by `./run schema` from the kinds themselves: every data file, what it holds, its
pages and macros, and every field an editor may write, and the front matter a prose page may hold
(model/pages.py), so the editors' reference cannot fall behind the code.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from pathlib import Path

from annotated_types import Ge, Le, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model.kinds import BY_NAME, KINDS, about
from ..model.pages import PageFields

KINDS_DOC = Path("docs") / "kinds.md"

# What each text check accepts, in an editor's words (the checks are in macros/model/text.py and the kinds).
CHECKS = {
    "check_id": "an id: lower-case letters, digits and hyphens",
    "check_text": "one line of text",
    "check_markdown": "text, in Markdown (paragraphs, lists, *emphasis*, links)",
    "check_section": "a section of a page of `content/`: its file and a heading, `folder/page.md#the-heading`",
    "check_url": "a web address, `https://...`",
    "check_email": "an email address",
    "_colour": "a colour, `#rrggbb`",
}
LOCAL = {"add": "yes: add", "replace": "yes: add or replace", "merge": "yes: change fields"}
HEADER = """# Every kind of data, and its fields

Written by `./run schema` from the kinds themselves (`macros/model/kinds/`): do not edit it by hand; a test
fails when it is out of date. Each file of `data/` holds one or more kinds, each under its name
(`case_studies:`); a kind given once (the ready reckoner, the settings, the book) is a mapping, the others a
list of entries. How to edit them: [editors.md](editors.md). The front matter a page of `content/` may hold is
at the end: [Front matter of a prose page](#front-matter).

| file | what it holds | its own pages | macro for `content/` | in `data/local/` |
| --- | --- | --- | --- | --- |
"""


def _first_clause(doc: str) -> str:
    text = " ".join(doc.split())
    return text.split(" (data/")[0].split(": ")[0].rstrip(".")


def _unwrap(annotation):
    """The annotation without `| None`, and whether None was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    return annotation, False


def _metadata(annotation) -> list:
    found = []
    while typing.get_origin(annotation) is typing.Annotated:
        found.extend(annotation.__metadata__)
        annotation = typing.get_args(annotation)[0]
    return found


def _describe(annotation, metadata: list, linked: str | None) -> str:
    annotation, _ = _unwrap(annotation)
    metadata = [*metadata, *_metadata(annotation)]
    metadata += [inner for item in metadata if isinstance(item, FieldInfo) for inner in item.metadata]
    base = typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation
    if typing.get_origin(base) is list:
        least = next((m.min_length for m in metadata if isinstance(m, MinLen)), 0)
        each = _describe(typing.get_args(base)[0], [], linked)
        return f"a list{' (at least one)' if least else ''}, each {each}"
    if typing.get_origin(base) is typing.Literal:
        return "one of " + ", ".join(f"`{value}`" for value in typing.get_args(base))
    if isinstance(base, type) and issubclass(base, BaseModel):
        return f"the fields of `{base.__name__}`, below"
    if base is bool:
        return "`true` or `false`"
    if base is date:
        return "a date, `2027-03-31`"
    if base in (int, float):
        low = next((m.ge for m in metadata if isinstance(m, Ge)), None)
        high = next((m.le for m in metadata if isinstance(m, Le)), None)
        noun = "a whole number" if base is int else "a number"
        return f"{noun} from {low} to {high}" if low is not None and high is not None else noun
    for item in metadata:
        name = getattr(getattr(item, "func", None), "__name__", "")
        if name in CHECKS:
            words = CHECKS[name]
            return f"the id of a {BY_NAME[linked].label} (`{BY_NAME[linked].file}`)" if name == "check_id" and linked else words
    pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
    return f"text matching `{pattern}`" if pattern else "text"


def _field_help(field: FieldInfo) -> str:
    if field.description:
        return field.description
    for item in _metadata(_unwrap(field.annotation)[0]):
        if isinstance(item, FieldInfo) and item.description:
            return item.description
    return ""


def _help(field: FieldInfo) -> str:
    """The field's description, without the "Optional: " the table's "needed" column already says."""
    text = _field_help(field).strip().rstrip(".")
    return text[10].upper() + text[11:] if text.startswith("Optional: ") and not field.is_required() else text


def _required(field: FieldInfo) -> str:
    if field.is_required():
        return "yes"
    default = field.get_default()
    return f"no (`{str(default).lower()}`)" if isinstance(default, bool) and default else "no"


def _nested(annotation) -> list[type[BaseModel]]:
    found = []
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            found.append(arg)
        elif arg is not annotation:
            found.extend(_nested(arg))
    return found


def _field_tables(kind, model: type[BaseModel], path: str, heading: str, seen: set) -> list[str]:
    """A table of the model's fields, then one of each model nested in them; `kind` gives links and unique
    fields (None for the front matter, which has neither)."""
    links, unique = (kind.links, kind.unique) if kind else ({}, ())
    lines = [heading, "", "| field | needed | what to write |", "| --- | --- | --- |"]
    inner = []
    for name, field in model.model_fields.items():
        dotted = f"{path}{name}"
        what = _describe(field.annotation, list(field.metadata), links.get(dotted))
        notes = [_help(field), "No two entries may share it" if not path and name in unique else ""]
        help_text = ". ".join(note for note in notes if note)
        lines.append(f"| `{name}` | {_required(field)} | {what}{'. ' + help_text + '.' if help_text else ''} |")
        for sub in _nested(field.annotation):
            if sub not in seen:
                seen.add(sub)
                inner.append((sub, f"{dotted}.", f"#### `{sub.__name__}`: each `{name}` of {model.__name__}"))
    lines.append("")
    for sub, sub_path, sub_heading in inner:
        lines.extend(_field_tables(kind, sub, sub_path, sub_heading, seen))
    return lines


def front_matter_doc() -> list[str]:
    """The section on a prose page's front matter: every field the loader accepts (load/prose_front_matter.py)."""
    listed = ", ".join(f"`{kind.name}`" for kind in KINDS if not kind.single)
    intro = f"""## <a id="front-matter"></a>Front matter of a prose page

A page of `content/` may begin with front matter: lines of YAML between two lines of `---`, as
`content/c4eo-summary.md` does:

```yaml
---
keywords: ["C4EO", "highly resistant families", "directors' summary"]
pdf: c4eo-summary.pdf
---
```

These are all the fields it may hold: any other is an error at its line, which names them. Front matter is
never rendered, so no value may hold `{{{{`, `{{%` or `{{#`, and `description` may not hold a double quote
(`"`). `needs` names a kind given as a list of entries:
{listed}.
`schema/front-matter.schema.json` holds the same fields, for editors that check front matter against a JSON Schema.
"""
    return [intro, *_field_tables(None, PageFields, "", "Its fields:", {PageFields})]


def kinds_doc() -> str:
    rows, sections = [], []
    for kind in KINDS:
        placed = kind.placed_by and (f"`{kind.placed_by}()`" if kind.single else f"`{kind.placed_by}('<id>')`")
        macros = ", ".join(name for name in (kind.index and f"`{kind.index}()`", placed) if name)
        page = f"`/{kind.folder}/<id>/`" if kind.folder else ("none: shown where its macro is" if macros else "none")
        rows.append(f"| [`{kind.file}`](#{kind.name}) | {_first_clause(about(kind))} | {page} | {macros} | {LOCAL.get(kind.local, 'no')} |")
        shape = "given once, as a mapping" if kind.single else "a list of entries"
        heading = f'### <a id="{kind.name}"></a>`{kind.name}` in `{kind.file}`: {shape}'
        sections += [heading, "", about(kind), ""]
        sections += _field_tables(kind, kind.model, "", f"Each {kind.label}:" if not kind.single else "Its fields:", {kind.model})
    sections += front_matter_doc()
    return HEADER + "\n".join(rows) + "\n\n## The kinds\n\n" + "\n".join(sections).rstrip() + "\n"


def write_kinds_doc() -> Path:
    KINDS_DOC.parent.mkdir(exist_ok=True)
    KINDS_DOC.write_text(kinds_doc(), encoding="utf-8")
    return KINDS_DOC
