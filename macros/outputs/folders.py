"""Output folders that a run replaces whole: the site of `mkdocs build`, the PDFs of `./run pdf`.

A run writes into a staging folder next to its output folder (`.<name>.building-<pid>`) and swaps it
in only once it is complete, so a failed or killed run leaves the previous output whole. Replacing a
folder whole is safe only where it holds nothing else: pointed at data/ (or a folder holding it) a run
would replace the committee's sources, and data/local/ is often in no repository. So such a folder is
refused before anything is written, as is a folder holding files other than an earlier output.
No mkdocs here: ./run pdf uses it too.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# The project's own folders, which no output may be, be inside, or hold (besides the configured ones).
SOURCE_FOLDERS = ("data", "content", "overrides", "macros", "tests")

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "not permitted",
    errno.ENOENT: "it is not there",
    errno.EBUSY: "it is in use",
}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


@dataclass(frozen=True)
class Output:
    """What a command writes: how to tell an earlier output of it, and how to name another folder."""

    is_earlier: Callable[[Path], bool]
    earlier: str  # "an earlier site"
    flag: str  # "-d"
    default: str  # "site"
    whole: bool = True  # the run replaces the folder whole (a site, PDFs), rather than adding a file to it (a bundle)


def looks_like_site(folder: Path) -> bool:
    """An earlier build of a site: a home page and a 'not found' page or a sitemap, at its top."""
    return (folder / "index.html").is_file() and ((folder / "404.html").is_file() or (folder / "sitemap.xml").is_file())


def looks_like_pdfs(folder: Path) -> bool:
    """Earlier PDFs of ./run pdf: nothing but PDFs and their manifest (and the partial PDFs of a run before staging folders)."""
    return all(path.is_file() and (path.name.endswith((".pdf", ".pdf.partial")) or path.name == "printed-from.json") for path in folder.iterdir())


def looks_like_bundles(folder: Path) -> bool:
    """Earlier zips of ./run bundle: nothing but zip files (and one a run was writing when it stopped)."""
    return all(path.is_file() and path.name.endswith((".zip", ".zip.partial")) for path in folder.iterdir())


SITE = Output(looks_like_site, "an earlier site", "-d", "site")
PDFS = Output(looks_like_pdfs, "earlier PDFs", "--out", "pdf")
# A bundle adds one zip to its folder, so a mount point (a USB stick) may take it; but never the sources
# (data/local/ would publish it with the next build) nor a folder of other files.
BUNDLES = Output(looks_like_bundles, "earlier bundles", "--out", "dist", whole=False)


def shown(path: Path, root: Path) -> str:
    """A path as an editor knows it: from the project's folder when inside it, else in full."""
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    return path.relative_to(root).as_posix() if path.is_relative_to(root) and path != root else str(path)


def refusal(folder: Path, root: Path, sources: Iterable[Path], output: Output) -> str | None:
    """Why `folder` must not be replaced by a run's `output`, in one line; None when it may be.
    Links are followed: the folder replaced is the one a link points to."""
    name, real, real_root = shown(folder, root), folder.resolve(), root.resolve()
    another = f"choose another folder, e.g. {output.flag} {output.default}"
    if real == real_root:
        return f"Stopped: the output folder {name} is the project's own folder; {another}"
    if real_root.is_relative_to(real):
        return f"Stopped: the output folder {name} holds the project's folder; {another}"
    for source in sources:
        source_name, source = f"{shown(source, root)}/", source.resolve()
        if real == source:
            return f"Stopped: the output folder {name} is {source_name}, which holds the site's sources; {another}"
        if real.is_relative_to(source):
            return f"Stopped: the output folder {name} is inside {source_name}, which holds the site's sources; {another}"
        if source.is_relative_to(real):
            return f"Stopped: the output folder {name} holds {source_name}, the site's sources; {another}"
    if real.exists() and not real.is_dir():
        return f"Stopped: the output folder {name} is a file, not a folder; {another}"
    if output.whole and os.path.ismount(real):
        return f"Stopped: the output folder {name} is a mount point (a disk or share of its own), which cannot be replaced whole; use a folder inside it, e.g. {output.flag} {name}/{output.default}"
    if real.is_dir() and any(real.iterdir()) and not output.is_earlier(real):
        return f"Stopped: the output folder {name} holds other files, not {output.earlier}; empty it, or {another}"
    return None


def project_sources(root: Path, *configured: Path) -> list[Path]:
    """The project's own folders and the configured ones (data_dir, docs_dir, a theme's custom_dir, PDF_DIR)."""
    return [*(root / name for name in SOURCE_FOLDERS), *configured]


def staging_folder(real: Path, kind: str = "building") -> Path:
    """This process's folder next to the output folder: `building` (the new output), `old` (the previous, until
    the new one is in place) or `removing` (the previous, on its way out)."""
    return real.with_name(f".{real.name}.{kind}-{os.getpid()}")


def permissions(real: Path) -> int | None:
    """The permission bits of the output folder a run replaces, which its new output keeps; None when there is none yet."""
    try:
        return stat.S_IMODE(real.stat().st_mode) if real.is_dir() else None
    except OSError:
        return None


def make_staging(real: Path) -> Path:
    """This process's staging folder next to `real`, made now and no more open than `real` is: a build
    into a private folder (0700, such as ~/.ssh) is not readable by others while it runs either."""
    staging = staging_folder(real)
    mode = permissions(real)
    staging.mkdir(parents=True, mode=0o700 if mode is not None else 0o777)
    if mode is not None:
        os.chmod(staging, mode)
    return staging


def running(pid: int) -> bool:
    """Whether process `pid` still runs, so that its staging folders are in use."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except (OverflowError, ValueError):
        return False  # no such process number
    return True


def remove_stale(real: Path) -> None:
    """Remove the staging folders that killed runs left next to `real` (a run still going keeps its own:
    two may run at once), and previous outputs left half-removed (`removing`, whoever's). A run killed between
    moving the previous output aside and moving the new one in leaves no output at all: the previous one is put back."""
    if not real.parent.is_dir():
        return
    pattern = re.compile(rf"\.{re.escape(real.name)}\.(building|old|removing)-(\d+)")
    for path in real.parent.iterdir():
        match = pattern.fullmatch(path.name)
        if not match or (match[1] != "removing" and running(int(match[2]))):
            continue
        if match[1] == "old" and not real.exists():
            path.rename(real)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def swap_in(staging: Path, real: Path) -> None:
    """Move the complete new output into place; the previous one goes only once the new one is there."""
    old = staging_folder(real, "old")
    mode = permissions(real)
    if mode is not None:  # the folder replaced keeps its permissions: a private one is not opened to everyone
        os.chmod(staging, mode)
    if real.exists():
        real.rename(old)
    try:
        staging.rename(real)
    except BaseException:  # an OSError, or Ctrl-C between the two moves
        if old.exists():
            old.rename(real)
        raise
    if old.exists():
        remove_in_background(old, staging_folder(real, "removing"))


def remove_in_background(folder: Path, removing: Path) -> None:
    """Remove `folder` in a process that outlives this one, so the run ends without waiting: a large site's
    previous copy is tens of thousands of files (each page with its compressed copies), a second or more
    to delete. It is renamed `removing` first, a name never put back (remove_stale); one a stopped removal
    left, the next run removes."""
    try:
        folder.rename(removing)
        subprocess.run(["sh", "-c", 'rm -rf -- "$1" >/dev/null 2>&1 &', "sh", str(removing)], start_new_session=True, check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):  # no shell to start it with: removed here, while the run waits
        shutil.rmtree(removing if removing.exists() else folder, ignore_errors=True)


def check_writable(folder: Path) -> None:
    """Raise the OSError that writing in `folder` meets (a read-only checkout, a full disk), before any work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(folder)) from None  # the folder, not a temporary file's name


def failure(error: OSError, root: Path, output: Output, folder: Path | None = None, staging: Path | None = None, kept: str = "") -> str:
    """An OSError as one line: the path, the reason in plain words, what to do, and what was kept.

    A path in the staging folder is shown as the output folder's, which is where the editor looks.
    """
    folder = Path(os.path.abspath(folder)) if folder else None
    paths = [Path(os.path.abspath(name)) for name in (error.filename, error.filename2) if isinstance(name, (str, os.PathLike))]
    written = [path for path in paths if staging and folder and path.is_relative_to(staging)]  # a copy's target, not its source
    path = folder / written[0].relative_to(staging) if written else paths[0] if paths else None
    where = f"{shown(path, root)}: " if path else f"writing {shown(folder, root)}/: " if folder else ""
    reason = REASONS.get(error.errno) or (error.strerror or str(error) or type(error).__name__).lower()
    advice = ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "free some space, then try again"
    elif error.errno in READ_ONLY and path and folder and any(path.is_relative_to(place) for place in (os.path.abspath(folder), folder.resolve())):
        advice = f"choose a folder you can write to, e.g. {output.flag} ~/{output.default}"
    elif error.errno in READ_ONLY and path and (path == Path(os.path.abspath(root)) or path.is_relative_to(os.path.abspath(root / ".cache"))):
        advice = "builds keep a cache in the project's .cache/ folder, so the project must be writable: copy it to a folder of your own and work there"
    return "; ".join(part for part in (f"Stopped: {where}{reason}", advice, kept) if part)
