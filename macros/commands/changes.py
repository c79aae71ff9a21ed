"""`./run changes [SINCE] [--out FILE]`: one page for the committee's sign-off, of what changed in data/ and
content/ since the last edition (the newest tag named edition-*) or since SINCE (a tag, commit or branch).

The current data is checked first, as `./run validate` checks it: a report of data that will not build would
ask the committee to approve what cannot be published. The earlier revision is read from git as written
(outputs/changes/revision.py), so an edition from before today's checks still compares. The page is
self-contained (its CSS inline, nothing fetched, no script), so it can be emailed, kept with the minutes
and printed on A4; it is written aside and renamed, so a half-written report never exists under its name.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urljoin

from ..load import DataError, load_project
from ..load.loader import data_files
from ..outputs.changes import compare
from ..outputs.changes.prose import page_texts
from ..outputs.changes.revision import RevisionError, read_revision
from ..outputs.folders import Output, failure, project_sources, shown
from ..render.clock import build_date
from ..render.templates import TemplateFailure, make_environment, render

TEMPLATE = "changes_report.html"
MARKER = "working-with-resistance change report"  # in every report's head: how a previous report is known
DEFAULT = "changes.html"


def is_report(path: Path) -> bool:
    """An earlier report of this command: an HTML file whose head names it."""
    try:
        with path.open("rb") as file:
            return MARKER.encode() in file.read(4096)
    except OSError:
        return False


REPORTS = Output(is_report, "an earlier change report", "--out", DEFAULT, whole=False)


def refusal(out: Path, root: Path) -> str | None:
    """Why the report must not be written at `out`, in one line; None when it may."""
    name, another = shown(out, root), f"choose another name, e.g. --out {DEFAULT}"
    if out.suffix.lower() not in (".html", ".htm"):
        return f"Stopped: the report is a web page; give it a name ending in .html, e.g. --out {DEFAULT}"
    real = out.parent.resolve() / out.name
    for source in project_sources(root):
        if real.is_relative_to(source.resolve()):
            return f"Stopped: {name} is inside {shown(source, root)}/, which holds the site's sources; {another}"
    if out.is_symlink():
        return f"Stopped: {name} is a link; give the report's own path, or {another}"
    if out.exists() and not out.is_file():
        return f"Stopped: {name} is not a file (a folder, say); {another}"
    if out.exists() and not is_report(out):
        return f"Stopped: {name} is not an earlier change report, and would be overwritten; {another}"
    return None


def write_aside(out: Path, text: str) -> None:
    """`text` written to a file beside `out`, then renamed to it: `out` is the whole report or the previous one."""
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def texts(paths: list[Path], folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8") for path in paths}


def report(root: Path, since: str | None) -> tuple[str, str]:
    """The report's HTML and its one-line summary; DataError, RevisionError or TemplateFailure when it cannot be made."""
    project = load_project(root)
    revision = read_revision(root, since)
    data_dir = root / "data"
    comparison = compare(revision.data, texts(data_files(data_dir)[0], data_dir), revision.pages, page_texts(root / "content"),
                         project.prose.titles)
    site_url = os.environ.get("SITE_URL") or None
    env = make_environment(root / "overrides" / "portfolio", {})
    html = render(env, TEMPLATE, site=project.data.site, edition=project.data.edition, revision=revision, made=build_date(),
                  changes=comparison, summary=comparison.summary(), marker=MARKER,
                  address=lambda path: urljoin(site_url, path) if site_url else None)
    return html, comparison.summary()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run changes", description=__doc__.splitlines()[0])
    parser.add_argument("since", nargs="?", help="the tag, commit or branch to compare with (default: the newest tag edition-*)")
    parser.add_argument("--out", default=DEFAULT, help=f"the report's file (default: {DEFAULT}, in this folder)")
    args = parser.parse_args(argv)
    root, out = Path.cwd(), Path(args.out)
    if reason := refusal(out, root):
        print(reason, file=sys.stderr)
        return 1
    try:
        html, summary = report(root, args.since)
    except DataError as exc:
        print(f"The data has problems, so no change report was made; fix them first (./run validate lists them):\n{exc}", file=sys.stderr)
        return 1
    except (RevisionError, TemplateFailure) as exc:
        print(f"Stopped: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped: interrupted; no report was written", file=sys.stderr)
        return 130
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_aside(out, html)
    except KeyboardInterrupt:
        print(f"Stopped: interrupted; {shown(out, root)} is as it was", file=sys.stderr)
        return 130
    except OSError as exc:
        print(failure(exc, root, REPORTS, kept=f"{shown(out, root)} is as it was"), file=sys.stderr)
        return 1
    print(shown(out, root))
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
