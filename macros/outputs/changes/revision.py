"""An earlier revision's data/ and content/, read from git (`git ls-tree`, `git cat-file`) into memory:
the working tree, the index and the repository's state are never touched, so an editor's uncommitted work
is safe, and another person working in the same folder is not disturbed.

The revision is the one given, or by default the last edition: the newest tag named `edition-*`. Every
failure (no git, not a repository, no such revision, no edition tagged yet) is a RevisionError in plain
words saying what to do.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ...model.vocab import long_date
from .written import is_data_file

EDITION_TAGS = "edition-"
TAG_AN_EDITION = (f"When the committee approves an edition, tag it, e.g. for edition 1.0: git tag {EDITION_TAGS}1.0 "
                  f"(then git push --tags, if you share the repository); or name a revision to compare with: ./run changes <tag or commit>")
DATA, CONTENT = "data", "content"


class RevisionError(Exception):
    """The earlier revision cannot be read; the message says why, and what to do."""


@dataclass(frozen=True)
class Revision:
    """One revision's files, and what the report says it is."""

    name: str  # as given, or the edition's tag
    commit: str
    day: str  # YYYY-MM-DD: when it was tagged, for a tag; else the commit's date
    tagged: bool
    data: dict[str, str] = field(default_factory=dict, repr=False)  # path from data/ -> text
    pages: dict[str, str] = field(default_factory=dict, repr=False)  # path from content/ -> text

    @property
    def short(self) -> str:
        return self.commit[:10]

    @property
    def described(self) -> str:
        """"edition-1.0, tagged 25 November 2026", or "main (commit 1a2b3c4d5e), of 25 November 2026"."""
        if self.tagged:
            return f"{self.name}, tagged {long_date(self.day)}"
        named = self.name if self.commit.startswith(self.name) else f"{self.name} (commit {self.short})"
        return f"{named}, of {long_date(self.day)}"


def read_revision(root: Path, since: str | None) -> Revision:
    """The files of `root`'s data/ and content/ at `since` (default: the last edition)."""
    top, prefix = _repository(root)
    name = since or _last_edition(top)
    commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}", fails=None).strip()
    if not commit:
        raise RevisionError(f"there is no revision '{name}' in this repository. Give an edition's tag (git tag --list "
                            f"'{EDITION_TAGS}*' lists them), a commit or a branch; or leave it out to compare with the last edition.")
    tag = name.removeprefix("refs/").removeprefix("tags/")
    tag_day = _git(top, "for-each-ref", "--format=%(creatordate:short)", f"refs/tags/{tag}").strip() if not name.startswith("-") else ""
    day = tag_day.splitlines()[0] if tag_day else _git(top, "log", "-1", "--format=%cs", commit).strip()
    data, pages = _files(top, commit, prefix)
    return Revision(name, commit, day, bool(tag_day), data, pages)


def _git(top: Path, *args: str, fails: str | None = "", stdin: bytes | None = None) -> str:
    """git's output as text; a failure raises RevisionError(`fails`), or gives "" when `fails` is None."""
    result = _run(top, args, stdin)
    if result.returncode:
        if fails is None:
            return ""
        raise RevisionError(fails or f"git {args[0]} failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout.decode("utf-8", errors="replace")


def _run(top: Path, args: tuple[str, ...], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "--literal-pathspecs", "-C", str(top), *args], input=stdin, capture_output=True, timeout=120, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed, so there is no earlier edition to compare with: install git (sudo apt-get install git)") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git took more than two minutes to answer 'git {args[0]}'; try again") from None


def _repository(root: Path) -> tuple[Path, str]:
    """The repository's top folder, and the project's folder inside it ("" at the top, else ending in /)."""
    result = _run(root, ("rev-parse", "--show-toplevel", "--show-prefix"))
    found = result.stdout.decode("utf-8", errors="replace").splitlines() if not result.returncode else []
    if b"safe.directory" in result.stderr:
        raise RevisionError(f"git will not read the repository at {root}, which belongs to another user; if you trust it, "
                            f"run: git config --global --add safe.directory {root.resolve()}")
    if not found or not found[0]:
        raise RevisionError(f"{root} is not in a git repository, so there is no earlier edition to compare with. Keep the "
                            f"project in git (git init, then commit), and tag each edition the committee approves: git tag {EDITION_TAGS}1.0")
    return Path(found[0]), found[1] if len(found) > 1 else ""


def _last_edition(top: Path) -> str:
    """The newest tag named edition-*: by the day it was tagged, then by its version (1.10 after 1.9)."""
    tags = _git(top, "for-each-ref", "--sort=-version:refname", "--sort=-creatordate", "--format=%(refname:short)",
                f"refs/tags/{EDITION_TAGS}*").split()
    if not tags:
        raise RevisionError(f"no edition is tagged yet, so there is no last edition to compare with. {TAG_AN_EDITION}")
    return tags[0]


def _files(top: Path, commit: str, prefix: str) -> tuple[dict[str, str], dict[str, str]]:
    """The revision's data files (by their path from data/) and pages (from content/), as text."""
    listing = _run(top, ("ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{prefix}{DATA}", f"{prefix}{CONTENT}"))
    if listing.returncode:
        raise RevisionError(f"git could not list the files of {commit[:10]}: {listing.stderr.decode(errors='replace').strip()}")
    wanted: dict[str, tuple[str, str]] = {}  # blob -> (folder, path from it); each file read once
    chosen: list[tuple[str, str, str]] = []
    for line in listing.stdout.decode("utf-8", errors="replace").split("\0"):
        meta, _, path = line.partition("\t")
        mode, kind, blob = (meta.split() + ["", "", ""])[:3]
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # links, submodules: the loader reads neither
        for folder in (DATA, CONTENT):
            inside = path.removeprefix(f"{prefix}{folder}/")
            if inside != path and (is_data_file(inside) if folder == DATA else inside.endswith(".md")):
                chosen.append((folder, inside, blob))
                wanted[blob] = (folder, inside)
    texts = _blobs(top, list(wanted))
    data = {inside: texts[blob] for folder, inside, blob in chosen if folder == DATA}
    pages = {inside: texts[blob] for folder, inside, blob in chosen if folder == CONTENT}
    return data, pages


def _blobs(top: Path, blobs: list[str]) -> dict[str, str]:
    """Each blob's text, from one `git cat-file --batch`."""
    if not blobs:
        return {}
    result = _run(top, ("cat-file", "--batch"), "".join(f"{blob}\n" for blob in blobs).encode())
    if result.returncode:
        raise RevisionError(f"git could not read the revision's files: {result.stderr.decode(errors='replace').strip()}")
    out, at, texts = result.stdout, 0, {}
    for blob in blobs:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) != 3:  # "<blob> missing": nothing follows
            texts[blob], at = "", end + 1
            continue
        size = int(header[2])
        texts[blob] = out[end + 1:end + 1 + size].decode("utf-8", errors="replace")
        at = end + 1 + size + 1
    return texts
