"""The committed JSON Schema for editors matches the models (regenerate with ./run schema)."""

from macros.commands.schema import SCHEMA, data_schema
from tests.helpers import ROOT


def test_committed_schema_is_current():
    assert (ROOT / SCHEMA).read_text(encoding="utf-8") == data_schema(), "run ./run schema and commit schema/data.schema.json"
