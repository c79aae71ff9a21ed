"""Each Word download, whole: a handout per case study and per checklist, the ready reckoner on one
A4 page, the resistant behaviours, and a training pack's handout (cover, contents, the items in
order with the trainer's notes, space for notes, and the references cited)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...load import Project
from ...model.portfolio import CaseStudy, QuestionSet, ReadyReckoner, ResistanceType
from ...model.trainers import Pack
from ..edition import Edition
from ..sources import RECKONER_SRC, title_of
from ..text import Run, plain, runs
from . import items
from .document import default_footer, open_document, set_properties
from .lists import STYLE
from .lists import number as numbered
from .parts import TRAINER_LABEL, address, references, site_note, trainer_note, writing_lines
from .writer import Writer, internal_link

BEHAVIOURS_PAGE = "resistance/index.md"


def _start(project: Project, edition: Edition, title: str, subject: str, category: str = "Handout", margins_cm: float = 2.0) -> Writer:
    document, style_ids = open_document(edition, margins_cm)
    set_properties(document, edition, title, subject, category)
    if edition.handout_template is None:
        default_footer(document, style_ids, edition, title)
    return Writer(document, edition, project, style_ids)


def _finish(writer: Writer, path: Path, level: int = 2) -> None:
    references(writer, level)
    site_note(writer, writer.edition.made_from)
    writer.document.save(str(path))


def case_study_handout(path: Path, project: Project, edition: Edition, case: CaseStudy) -> None:
    writer = _start(project, edition, plain_runs(title_of("case_studies", case)), "A case study from Part Two of Working with Resistance")
    items.case_study(writer, case, 1)
    writer.heading(2, "Notes")
    writing_lines(writer, 8)
    address(writer, f"case-studies/{case.id}.md", "This case study online", qr_code=True)
    _finish(writer, path)


def checklist_handout(path: Path, project: Project, edition: Edition, questions: QuestionSet) -> None:
    writer = _start(project, edition, plain_runs(title_of("question_sets", questions)), "Questions from Working with Resistance, as a checklist")
    items.checklist(writer, questions, 1)
    address(writer, f"checklists/{questions.id}.md", "This checklist online")
    _finish(writer, path)


def reckoner_handout(path: Path, project: Project, edition: Edition, sheet: ReadyReckoner) -> None:
    writer = _start(project, edition, plain(sheet.title), "The appendix of Working with Resistance, to fill in at visits", "Form", margins_cm=1.5)
    items.reckoner(writer, sheet, 1)
    address(writer, RECKONER_SRC, "This sheet online")
    _finish(writer, path)


def behaviours_handout(path: Path, project: Project, edition: Edition, behaviours: list[ResistanceType]) -> None:
    title = project.prose.titles.get(BEHAVIOURS_PAGE) or "Resistant behaviours"
    writer = _start(project, edition, plain(title), "The resistant behaviours of Part One of Working with Resistance")
    writer.heading(1, title, BEHAVIOURS_PAGE)
    for behaviour in behaviours:
        items.behaviour(writer, behaviour, 2)
    address(writer, BEHAVIOURS_PAGE, "These behaviours online")
    _finish(writer, path)


def pack_handout(path: Path, project: Project, edition: Edition, pack: Pack) -> None:
    kind = "Example training pack" if pack.example else "Training pack"
    writer = _start(project, edition, plain(pack.title), f"{kind} made from Working with Resistance", "Training pack")
    _cover(writer, pack, kind)
    _contents(writer, pack)
    number = 0
    for session_index, session in enumerate(pack.sessions, 1):
        heading = [Run(f"Session {session_index}: "), *runs(session.title)]
        writer.heading(1, heading, bookmark=f"session_{session_index}", new_page=True)
        if session.duration:
            writer.paragraph([Run("Duration: ", bold=True), *runs(session.duration)])
        for item in session.items:
            number += 1
            entry = entry_of(project, item.kind, item.entry_id)
            items.SECTIONS[item.kind](writer, entry, 2, note=item.notes, bookmark=f"item_{number}")
    writer.heading(1, "Notes", new_page=True)
    writing_lines(writer, 20)
    address(writer, f"packs/{pack.id}.md", "This pack online")
    _finish(writer, path, level=1)


def _cover(writer: Writer, pack: Pack, kind: str) -> None:
    edition = writer.edition
    writer.heading(0, pack.title, f"packs/{pack.id}.md")
    writer.paragraph(kind, style="Subtitle")
    for label, value in (("Audience", pack.audience), ("Duration", pack.duration),
                         ("Edition", f"{edition.settings.site_name}, version {edition.settings.version}"),
                         ("Built", edition.build_date), ("Prepared by", edition.committee)):
        writer.paragraph([Run(f"{label}: ", bold=True), *runs(value)])
    if pack.example:
        site_note(writer, f"This is an example pack from the {edition.settings.site_name} site: it only selects and orders items from the "
                          "portfolio. Copy it and change it for your own training (see “For trainers” on the site).")
    if pack.about:
        trainer_note(writer, pack.about, f"packs/{pack.id}.md", label="About this pack")
    site_note(writer, f"Every item is the text of the *Working with Resistance* practitioner portfolio (West of Scotland Child "
                      f"Protection Consortium, 2016), word for word. Shaded paragraphs marked “{TRAINER_LABEL}” are the pack’s "
                      "own words, not the portfolio’s.")


def _contents(writer: Writer, pack: Pack) -> None:
    """Every session and item, each a link to its heading (Word and PDF readers follow them)."""
    writer.heading(1, "Contents", new_page=True)
    sessions = writer.numbering.new_list("number")
    number = 0
    for session_index, session in enumerate(pack.sessions, 1):
        line = writer.new_paragraph(STYLE["number"])
        numbered(line, sessions, 0)
        internal_link(writer, line, [Run(f"Session {session_index}: "), *runs(session.title)], f"session_{session_index}")
        entries = writer.numbering.new_list("bullet", 1)
        for item in session.items:
            number += 1
            sub = writer.new_paragraph(STYLE["bullet"])
            numbered(sub, entries, 1)
            internal_link(writer, sub, title_of(item.kind, entry_of(writer.project, item.kind, item.entry_id)), f"item_{number}")


def entry_of(project: Project, kind: str, entry_id: str | None) -> Any:
    """The entry a pack item names (checked when the data was loaded)."""
    return getattr(project.data, kind) if entry_id is None else project.data.by_id[kind][entry_id]


def plain_runs(found: list[Run]) -> str:
    return "".join(run.text for run in found).strip()


# Each kind's Word download (the registry's `word` names the file): per entry, or of every entry.
WRITERS: dict[str, Callable[..., None]] = {
    "case_studies": case_study_handout,
    "question_sets": checklist_handout,
    "ready_reckoner": reckoner_handout,
    "resistance_types": behaviours_handout,
    "packs": pack_handout,
}
