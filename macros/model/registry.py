"""Every kind of data, declared once. Loading, checking, pages, macros, print, PDFs, the schema and
the bad-input tests are all derived from this list, so a new kind is one model, one template and
one entry here (see README.md, "Add a kind").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import create_model

from .base import Model
from .committee import ChangeEntry, LocalContact, SiteSettings
from .portfolio import (
    CaseStudy,
    Course,
    FactorList,
    GlossaryTerm,
    KeyMessages,
    QuestionSet,
    ReadyReckoner,
    Reference,
    ResistanceType,
    Resource,
    Tool,
    TrainingResource,
)
from .trainers import ITEM_FIELDS, Pack

Local = Literal["add", "replace", "merge"]


@dataclass(frozen=True)
class Kind:
    """One kind of data: where it is written, what it links to, and how the site shows it."""

    name: str  # the top-level key in a data file, and the attribute of SiteData
    model: type[Model]
    label: str  # one entry, in messages: "case study"
    plural: str
    single: bool = False  # given once, as a mapping (the ready reckoner, the settings)
    key: str | None = "id"  # the field that names an entry uniquely
    links: dict[str, str] = field(default_factory=dict)  # field (dotted through lists) -> the kind it names
    folder: str | None = None  # a page per entry at <folder>/<id>/ ...
    template: str | None = None  # ... made from this template in overrides/portfolio/
    searchable: bool = True
    search_weight: float = 1.0  # how its pages rank against others that match as well (1: like a prose page)
    qr_code: bool = False  # its printed page carries a QR code of its address (when SITE_URL is set)
    index: str | None = None  # macro listing every entry (its template has the same name)
    placed_by: str | None = None  # macro showing one entry in prose: name('<id>'), or name() for a single kind
    printed_after: str | None = None  # the whole-portfolio print puts the entry pages after this page
    pdf: str | None = None  # PDF file name: per entry, formatted with `entry`; for a single kind, of `print_page`
    # Editable downloads (macros/outputs/): a Word handout and a slide deck, named like `pdf`. A name
    # without `{entry` is one document of every entry (the five behaviours in one handout).
    word: str | None = None
    slides: str | None = None
    print_page: str | None = None  # the content page that prints a single kind
    local: Local | None = None  # what a committee may do in data/local/: add entries, replace core ones, or merge fields
    script: str | None = None  # a script its index or placing macro needs (assets/javascripts/), loaded only where placed
    most: int | None = None  # at most this many entries in a file, where each costs every page work ...
    why_most: str = ""  # ... and why, for the message
    sort_key: Callable[[Any], Any] | None = None
    newest_first: bool = False

    @property
    def file(self) -> str:
        return f"{self.name}.yml"

    def src(self, entry_id: str) -> str:
        """The source path of an entry's own page."""
        return f"{self.folder}/{entry_id}.md"

    def key_of(self, entry: Any) -> str | None:
        return getattr(entry, self.key) if self.key else None

    @staticmethod
    def per_entry(name: str) -> bool:
        """True when a download's file name is made per entry (it names `{entry...}`)."""
        return "{entry" in name


KINDS: list[Kind] = [
    Kind("resistance_types", ResistanceType, "resistance type", "resistance types",
         links={"quotes.reference": "references"}, folder="resistance", template="resistance_type.md", search_weight=1.2,
         index="resistance_type_index", printed_after="resistance/index.md", word="resistant-behaviours.docx"),
    Kind("case_studies", CaseStudy, "case study", "case studies",
         links={"illustrates": "resistance_types"}, folder="case-studies", template="case_study.md", qr_code=True,
         index="case_study_index", printed_after="case-studies/index.md",
         pdf="case-study-{entry.number:02d}-{entry.id}.pdf", word="case-study-{entry.number:02d}-{entry.id}.docx",
         sort_key=lambda case: case.number),
    Kind("factor_lists", FactorList, "factor list", "factor lists", placed_by="factor_list"),
    Kind("key_messages", KeyMessages, "set of key messages", "sets of key messages", placed_by="key_messages"),
    Kind("question_sets", QuestionSet, "question set", "question sets",
         links={"addresses": "resistance_types"}, folder="checklists", template="checklist.md", searchable=False,
         placed_by="question_set", pdf="checklist-{entry.id}.pdf", word="checklist-{entry.id}.docx"),
    Kind("courses", Course, "course", "courses",
         links={"addresses": "resistance_types", "tools": "tools"}, folder="courses", template="course.md",
         index="course_catalogue", printed_after="courses/index.md", local="replace", script="catalogue.js"),
    Kind("training_resources", TrainingResource, "training resource", "training resources",
         folder="training-resources", template="training_resource.md",
         index="training_resource_index", printed_after="courses/index.md"),
    Kind("tools", Tool, "tool", "tools",
         links={"addresses": "resistance_types"}, folder="tools", template="tool.md",
         index="tool_index", printed_after="tools/index.md"),
    Kind("resources", Resource, "resource", "resources",
         links={"reference": "references"}, folder="resources", template="resource.md",
         index="resource_table", printed_after="resources/index.md", local="replace"),
    Kind("references", Reference, "reference", "references", index="bibliography"),
    Kind("glossary", GlossaryTerm, "glossary term", "glossary terms", key="term", index="glossary_table", most=1000,
         why_most="every term is looked for on every page, so a longer glossary makes every build slow"),
    Kind("contacts", LocalContact, "local contact", "local contacts", index="local_contacts", local="add"),
    Kind("changelog", ChangeEntry, "change", "changes", key=None, index="changelog",
         sort_key=lambda change: change.date, newest_first=True),
    Kind("ready_reckoner", ReadyReckoner, "ready reckoner", "ready reckoners", single=True, key=None,
         placed_by="ready_reckoner", pdf="ready-reckoner.pdf", print_page="appendix/ready-reckoner-blank.md",
         script="reckoner.js", word="ready-reckoner.docx"),
    Kind("packs", Pack, "training pack", "training packs",
         links={f"sessions.items.{name}": kind for name, kind in ITEM_FIELDS.items()}, folder="packs", template="pack.md",
         searchable=False, index="pack_index", local="add", word="pack-{entry.id}.docx", slides="pack-{entry.id}.pptx"),
    Kind("site", SiteSettings, "set of site settings", "site settings", single=True, key=None, local="merge"),
]
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
ENTRY_PAGES: list[Kind] = [kind for kind in KINDS if kind.folder]


def data_file_model() -> type[Model]:
    """What one YAML file may hold (any kinds, keyed by name): the JSON Schema's root, for editors."""
    fields = {kind.name: ((kind.model | None) if kind.single else list[kind.model], None if kind.single else []) for kind in KINDS}
    model = create_model("DataFile", __base__=Model, **fields)  # type: ignore[call-overload]
    model.__doc__ = "What one YAML file in data/ may hold: any of the kinds, keyed by name. Lists from several files are joined."
    return model
