"""`./run validate [data-folder]`: check `data/` and the `content/` beside it, without building.

Prints every problem as `file:line: field: reason` and exits 1, or says what was loaded. A
committee's Word or PowerPoint template in data/local/ is opened too, as the build would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..load import DataError, DataProblem, load_project, things_to_check
from ..load.loader import LOCAL_DIR
from ..model.kinds import KINDS
from ..outputs.cache import DownloadFailure, check_templates
from ..outputs.changes.revision import RevisionError, read_revision
from ..outputs.changes.written import written_entries
from ..outputs.edition import edition_for
from ..render.clock import build_date
from ..render.prose_calls import with_macro_sections
from ..render.templates import TEMPLATE_DIR


class _AnyTags(yaml.SafeLoader):
    """mkdocs.yml as plain values: its tags (`!ENV [SITE_URL, null]`) read as nothing."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def template_folder(root: Path) -> Path:
    """The generator's templates as the build takes them: the portfolio plugin's `templates` in mkdocs.yml, where
    a committee sets it, so that pages' macros render here as they will on the site."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _AnyTags)  # noqa: S506 (a SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        config = None
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for plugin in plugins if isinstance(plugins, list) else []:
        settings = plugin.get("portfolio") if isinstance(plugin, dict) else None
        if isinstance(settings, dict) and isinstance(settings.get("templates"), str):
            return root / settings["templates"]
    return root / TEMPLATE_DIR


def deleted_since_edition(root: Path, data_dir: Path, project) -> list[DataProblem]:
    """Entries whose page was in the last edition (the newest edition-* tag) but are gone from the data: printed
    copies, QR codes and bookmarks lead to their addresses, so they should have been withdrawn instead."""
    try:
        revision = read_revision(root, None)
    except RevisionError:
        return []  # no git, or no edition tagged yet: nothing was published to keep
    before, _ = written_entries(revision.data)
    found = []
    for kind in (kind for kind in KINDS if kind.pages):
        now = {kind.key_of(entry) for entry in project.data.every(kind.name)}
        for gone in sorted({entry.get(kind.key) for entry in before.get(kind.name) or [] if isinstance(entry.get(kind.key), str)} - now):
            found.append(DataProblem(f"{data_dir.name}/{kind.file}", 1, kind.name,
                                     f"the {kind.label} '{gone}' was in {revision.described}, and its page {kind.folder}/{gone}/ would no longer "
                                     f"answer: put it back with withdrawn: YYYY-MM-DD (and replaced_by: if another {kind.label} replaces it), "
                                     f"so printed copies and bookmarks still lead somewhere"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run validate", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="data", help="the data folder (default: data)")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    if data_dir.resolve().name == LOCAL_DIR and (data_dir.resolve().parent / "site.yml").is_file():
        parent = data_dir.resolve().parent
        print(f"{args.data_dir} is a committee's local folder; its files are checked with the data they change. "
              f"Give the data folder instead: ./run validate {parent.relative_to(Path.cwd()) if parent.is_relative_to(Path.cwd()) else parent}", file=sys.stderr)
        return 2
    root = data_dir.resolve().parent
    try:
        project = with_macro_sections(load_project(root, data_dir.resolve().name, "content"), template_folder(root), build_date())
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    edition = edition_for(project, build_date(), None, data_dir.resolve())
    try:
        check_templates(edition, root)
    except DownloadFailure as exc:
        print(exc, file=sys.stderr)
        return 1
    warned = [*project.warnings, *deleted_since_edition(root, data_dir, project)]
    if warned:
        print(things_to_check(warned), file=sys.stderr)
    counts = ", ".join(f"{count} {name}" for name, count in project.data.counts().items() if count)
    checked = f"{args.data_dir}/ and content/" if (root / "content").is_dir() else f"{args.data_dir}/"
    print(f"{checked} are valid: {counts}" if (root / "content").is_dir() else f"{checked} is valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
