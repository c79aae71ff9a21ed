"""Write the planned downloads, reusing a file whose inputs have not changed since a build made it.

A download's fingerprint covers everything it is made from: the entries it shows and the ones they
link to, the references they cite, the single kinds (the settings, the ready reckoner), the pages'
titles, the build's date and address, the committee's template, and the code and libraries that
write it. Files are kept under their fingerprint, so a reused file is always the one those inputs
make, and two builds never write the same file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import import_module
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..caches import in_cache, prune_unused
from ..load import Project
from ..load.links import CITE, named_ids
from ..model.kinds import BY_NAME, CITED, KINDS
from .downloads import Download
from .edition import Edition
from .packages import TemplateProblem

PACKAGE = Path(__file__).resolve().parents[1]  # macros/
LIBRARIES = ("python-docx", "python-pptx", "segno", "Markdown", "lxml")


class DownloadFailure(Exception):
    """A download could not be written; the message names it and says why."""


@functools.cache
def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}".encode())
    return digest.hexdigest()


def _file_digest(path: Path | None) -> str:
    if path is None:
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dump(value: Any) -> str:
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, list):
        return "[" + ",".join(_dump(item) for item in value) + "]"
    return json.dumps(value, sort_keys=True, default=str)


def _related(project: Project, kind: str, entry: Any, depth: int = 2) -> list[Any]:
    """The entry, the entries it names through the registry's links (and theirs), and what they cite."""
    found: list[Any] = []
    pending = [(kind, item) for item in (entry if isinstance(entry, list) else [entry])]
    for level in range(depth + 1):
        following = []
        for name, item in pending:
            if any(item is seen for seen in found):
                continue
            found.append(item)
            if level < depth and name in BY_NAME:
                for path, target in BY_NAME[name].links.items():
                    for _, ref in named_ids(item, path):
                        following.append((target, project.data.by_id[target][ref]))
        pending = following
    cited = sorted({ref for item in found for ref in CITE.findall(_dump(item))})
    references = project.data.by_id[CITED.name]
    return found + [references[ref] for ref in cited if ref in references]


def shared_fingerprint(project: Project, edition: Edition) -> dict[str, str]:
    """Per format, the inputs every download of that format shares: code, build, template, single kinds, page titles."""
    common = hashlib.sha256()
    common.update(json.dumps([_code_fingerprint(), edition.build_date, edition.site_url or ""]).encode())
    for kind in KINDS:
        if kind.single:
            common.update(_dump(project.data.every(kind.name)).encode())
    common.update(json.dumps(project.prose.titles, sort_keys=True).encode())
    common.update(json.dumps(sorted(project.prose.placements.items())).encode())
    templates = {"docx": edition.handout_template, "pptx": edition.slides_template}
    return {fmt: hashlib.sha256((common.hexdigest() + _file_digest(template)).encode()).hexdigest() for fmt, template in templates.items()}


def fingerprint(project: Project, shared: dict[str, str], download: Download) -> str:
    """A download's own inputs (its entries, what they link to and cite) on top of what its format shares."""
    digest = hashlib.sha256(f"{shared[download.format]}\n{download.path}".encode())
    for item in _related(project, download.kind, download.entry):
        digest.update(_dump(item).encode())
    return digest.hexdigest()[:24]


def place_downloads(project: Project, edition: Edition, planned: list[Download], cache_dir: Path) -> tuple[list[tuple[Download, Path]], list[tuple[Download, Path]]]:
    """Each planned download with its file in `cache_dir` (named by its fingerprint), and those not written yet."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    shared = shared_fingerprint(project, edition)
    placed, pending = [], []
    for download in planned:
        stem, dot, suffix = download.name.rpartition(".")
        target = cache_dir / f"{stem}.{fingerprint(project, shared, download)}{dot}{suffix}"
        if not in_cache(target):
            pending.append((download, target))
        placed.append((download, target))
    prune_unused(cache_dir, (path for _, path in placed))
    return placed, pending


def write_downloads(pending: list[tuple[Download, Path]]) -> None:
    """Write each file via a temporary name, so a file under its final name is always whole."""
    for download, target in pending:
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            download.write(partial)
            partial.replace(target)
        except Exception as exc:  # noqa: BLE001 - any failure stops the build, with the file's name and the reason
            partial.unlink(missing_ok=True)
            raise DownloadFailure(f"{download.path} could not be written: {type(exc).__name__}: {exc}") from exc


def build_downloads(project: Project, edition: Edition, planned: list[Download], cache_dir: Path) -> list[tuple[Download, Path]]:
    """Write (or reuse) every planned download in `cache_dir`; raise DownloadFailure naming any that fails."""
    placed, pending = place_downloads(project, edition, planned, cache_dir)
    write_downloads(pending)
    return placed


def check_templates(edition: Edition, root: Path) -> None:
    """Stop the build with a clear message when a committee's template cannot be used."""
    for template, module in ((edition.handout_template, "word.document"), (edition.slides_template, "slides.deck")):
        if template is None:
            continue
        try:
            import_module(f".{module}", __package__).check_template(template)  # the library is imported only when needed
        except TemplateProblem as exc:
            shown = template.relative_to(root).as_posix() if template.is_relative_to(root) else str(template)
            raise DownloadFailure(f"{shown}: this template cannot be used: {exc}") from None
