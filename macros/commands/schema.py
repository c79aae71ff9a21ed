"""`./run schema`: write the JSON Schema of the data files, and docs/kinds.md, for editors.

Editors with YAML support (VS Code's YAML extension reads .vscode/settings.json) then check
fields and suggest names while a committee edits data/. Each kind's model (macros/model/kinds/) is the
source; tests fail when either committed file is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..model.kinds import data_file_model
from .kinds_doc import write_kinds_doc

SCHEMA = Path("schema") / "data.schema.json"


def data_schema() -> str:
    schema = data_file_model().model_json_schema()
    schema["title"] = "Working with Resistance portfolio data file"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    SCHEMA.parent.mkdir(exist_ok=True)
    SCHEMA.write_text(data_schema(), encoding="utf-8")
    print(SCHEMA)
    print(write_kinds_doc())
    return 0


if __name__ == "__main__":
    sys.exit(main())
