"""`./run schema`: write the JSON Schema of the data files, that of a prose page's front matter, and
docs/kinds.md, for editors.

Editors with YAML support (VS Code's YAML extension reads .vscode/settings.json) then check fields, show
each field's description and suggest names while a committee edits data/. Each kind's model
(macros/model/kinds/) and the front matter's (macros/model/pages.py) are the source; tests fail when a
committed file is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from ..model.kinds import data_file_model
from ..model.pages import PageFields
from .kinds_doc import write_kinds_doc

SCHEMA = Path("schema") / "data.schema.json"
FRONT_MATTER_SCHEMA = Path("schema") / "front-matter.schema.json"


def _schema(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema()
    schema["title"] = title
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def data_schema() -> str:
    return _schema(data_file_model(), "Working with Resistance portfolio data file")


def front_matter_schema() -> str:
    """The front matter a page of content/ may hold (docs/kinds.md, "Front matter of a prose page")."""
    return _schema(PageFields, "Front matter of a page of content/: the YAML between the two --- lines at its top")


def main(argv: list[str] | None = None) -> int:
    SCHEMA.parent.mkdir(exist_ok=True)
    for path, text in ((SCHEMA, data_schema()), (FRONT_MATTER_SCHEMA, front_matter_schema())):
        path.write_text(text, encoding="utf-8")
        print(path)
    print(write_kinds_doc())
    return 0


if __name__ == "__main__":
    sys.exit(main())
