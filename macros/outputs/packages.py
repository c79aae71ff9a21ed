"""A committee's Word or PowerPoint template read as a package the libraries can open.

Committees may save their template as a document (.docx, .pptx) or as a template (.dotx, .potx):
a template is the same package with another content type, so it is retyped in memory. A package
with macros is refused: no download may carry one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

CONTENT_TYPES = "[Content_Types].xml"


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
