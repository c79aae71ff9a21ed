"""The committed JSON Schemas for editors match the models (regenerate with ./run schema)."""

from macros.commands.schema import FRONT_MATTER_SCHEMA, SCHEMA, data_schema, front_matter_schema
from tests.helpers import ROOT


def test_committed_schema_is_current():
    assert (ROOT / SCHEMA).read_text(encoding="utf-8") == data_schema(), "run ./run schema and commit schema/data.schema.json"


def test_committed_front_matter_schema_is_current():
    assert (ROOT / FRONT_MATTER_SCHEMA).read_text(encoding="utf-8") == front_matter_schema(), "run ./run schema and commit schema/front-matter.schema.json"
