"""The macros a prose page in `content/` may call, and the one value it may name: all a page can do.

Prose is written by committees' editors, so a page is not trusted like code: it may call these macros
with literal arguments (`{{ question_set('supervision') }}`), show `{{ build_date }}`, and nothing else
(load/prose_template.py checks each page). Each kind's index and placing macros follow from the
registry; the others are the committee's settings and the site's own controls. The build registers an
implementation for exactly these (engine/macros.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .kind import Kind
from .kinds import KINDS
from .kinds.site import SiteSettings


@dataclass(frozen=True)
class ProseMacro:
    """One macro: its name, what it shows, and the one literal argument it takes, if any."""

    name: str
    doc: str
    parameter: str | None = None  # "id" (an entry of `kind`) or "path" (a setting)
    kind: Kind | None = None  # the kind it lists (an index) or places

    @property
    def places(self) -> bool:
        """True for a macro that shows one entry, named by id."""
        return self.parameter == "id"

    def usage(self) -> str:
        example = {"id": "'an-id'", "path": "'committee_name'"}.get(self.parameter or "", "")
        return f"{{{{ {self.name}({example}) }}}}"


def _catalogue() -> dict[str, ProseMacro]:
    found: list[ProseMacro] = []
    for kind in KINDS:
        if kind.index:
            found.append(ProseMacro(kind.index, f"every entry of {kind.file} ({kind.plural})", kind=kind))
        if kind.placed_by:
            if kind.single:
                found.append(ProseMacro(kind.placed_by, f"the {kind.label} ({kind.file})", kind=kind))
            else:
                found.append(ProseMacro(kind.placed_by, f"one {kind.label} from {kind.file}, by id", "id", kind))
    found += [
        ProseMacro("setting", "one of the committee's settings (data/site.yml), e.g. setting('committee_name')", "path"),
        ProseMacro("contact_list", "the committee's contact as a list: name, mail link and telephone"),
        ProseMacro("contact_email", "the committee's contact address as a mail link"),
        ProseMacro("download_list", "every Word and PowerPoint file the build wrote, in a table"),
        ProseMacro("save_for_offline", "the \"Save for offline use\" control"),
    ]
    return {macro.name: macro for macro in found}


MACROS: dict[str, ProseMacro] = _catalogue()
# Values a page may show as they are: `{{ build_date }}`.
VARIABLES = {"build_date": "the day the site was built"}


def _paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    paths = []
    for name, info in model.model_fields.items():
        inner = next((arg for arg in (info.annotation, *getattr(info.annotation, "__args__", ())) if isinstance(arg, type) and issubclass(arg, BaseModel)), None)
        paths += _paths(inner, f"{prefix}{name}.") if inner else [f"{prefix}{name}"]
    return paths


# Every setting `setting('...')` may show: each field of the settings, by its dotted path (not a list of ids a
# committee gives to change what the site offers, which is no text for a page).
SETTING_PATHS = tuple(path for path in _paths(SiteSettings) if path not in SiteSettings.not_shown)
