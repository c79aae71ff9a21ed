"""A committee's Word or PowerPoint template read as a package the libraries can open.

Committees may save their template as a document (.docx, .pptx) or as a template (.dotx, .potx):
a template is the same package with another content type, so it is retyped in memory. A package
with macros is refused: no download may carry one.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

CONTENT_TYPES = "[Content_Types].xml"
# A relationship to something outside the package that the program fetches when the file opens (a linked
# picture, an attached template, an embedded object), unlike a hyperlink, which waits for a click.
_EXTERNAL = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
_TARGET = re.compile(rb'Target="([^"]*)"')


class TemplateProblem(Exception):
    """A committee's template cannot be used; the message says why, in words for its author."""


def as_document(path: Path, template_type: bytes, document_type: bytes, save_as: str) -> bytes:
    """The package at `path`, typed as a document; `save_as` names the format to ask for ("a Word Document (.docx)")."""
    raw = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = archive.namelist()
            if any("vbaproject" in name.lower() for name in names):
                raise TemplateProblem(f"it holds macros; save it as {save_as}, which cannot")
            fetched = _fetched_from_elsewhere(archive, names)
            if fetched:
                raise TemplateProblem(f"it loads {fetched} from outside the file when opened; save a copy without linked pictures or templates (Word: File, Info, Edit Links to Files, Break Link)")
            if template_type not in archive.read(CONTENT_TYPES):
                return raw
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as retyped:
                for name in names:
                    data = archive.read(name)
                    retyped.writestr(name, data.replace(template_type, document_type) if name == CONTENT_TYPES else data)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        raise TemplateProblem(f"it cannot be opened as a package of that kind; open it and save it as {save_as}") from None


def _fetched_from_elsewhere(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    """The first address outside the package that opening it would fetch, if any."""
    for name in names:
        if not name.endswith(".rels"):
            continue
        for relationship in _EXTERNAL.findall(archive.read(name)):
            if b'TargetMode="External"' in relationship and b"/hyperlink\"" not in relationship:
                target = _TARGET.search(relationship)
                return repr(target.group(1).decode("utf-8", "replace")[:80]) if target else "a file"
    return None
