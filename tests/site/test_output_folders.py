"""Output folders are safe: a build (`mkdocs build -d X`) or `./run pdf --out X` never replaces the
project's sources or a folder of other files, follows a link, survives being killed at any moment with
the previous output whole, tidies what killed runs left, and says in one line why it stopped (a full
disk, a read-only folder or checkout), keeping the previous output."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.commands import bundle, pdf
from macros.outputs.folders import BUNDLES, PDFS, SITE, failure, looks_like_site, make_staging, refusal, remove_stale, staging_folder, swap_in
from macros.outputs.pdf.printer import printables
from macros.outputs.printed import MANIFEST
from tests.helpers import MKDOCS, fixture_data, fixture_project, run_mkdocs

SOURCES = ("data", "content", "overrides")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project (the fixture portfolio's) with a committee's data/local/ (in no repository), and a site built from it."""
    project = fixture_project(tmp_path_factory.mktemp("outputs") / "project")
    (project / "data" / "local").mkdir(exist_ok=True)
    (project / "data" / "local" / "notes.txt").write_text("a committee's own file\n")
    result = run_mkdocs(["build", "--strict", "-d", str(project.parent / "built")], cwd=project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def earlier_site(project, tmp_path) -> Path:
    """A previous site in an output folder of the test's own."""
    out = tmp_path / "out"
    shutil.copytree(project.parent / "built", out)
    return out


def sources_digest(project: Path) -> str:
    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((project / folder).rglob("*")):
            digest.update(path.relative_to(project).as_posix().encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    """Staging folders (`.<name>.building-<pid>`, `.<name>.old-<pid>`) in `folder`, and previous outputs still
    there (`.<name>.removing-<pid>`) once their removal, which runs on after the run, has had 30 s to finish."""
    deadline = time.monotonic() + 30
    while any(".removing-" in p.name for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return sorted(p.name for p in folder.iterdir() if any(kind in p.name for kind in (".building-", ".old-", ".removing-")))


def error_lines(result) -> list[str]:
    """What a command said on stderr, but mkdocs' progress notes (INFO)."""
    return [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("INFO")]


OURS = "which holds the site's sources; choose another folder, e.g. -d site"
MKDOCS_OWN = "The 'docs_dir' should not be within the 'site_dir'"  # mkdocs refuses these before any plugin runs
REFUSED = {
    "data": f"Stopped: the output folder data is data/, {OURS}",
    "data/local": f"Stopped: the output folder data/local is inside data/, {OURS}",
    "overrides/x": f"Stopped: the output folder overrides/x is inside overrides/, {OURS}",
    "macros": f"Stopped: the output folder macros is macros/, {OURS}",
    "tests": f"Stopped: the output folder tests is tests/, {OURS}",
    "content": MKDOCS_OWN,
    ".": MKDOCS_OWN,
    "..": MKDOCS_OWN,
}


@pytest.mark.parametrize("folder", REFUSED)
def test_a_source_folder_or_the_project_is_refused_and_left_alone(project, folder):
    before = sources_digest(project)

    result = run_mkdocs(["build", "-d", folder], cwd=project)

    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert len(error_lines(result)) == 1 and REFUSED[folder] in result.stderr, result.stderr
    assert sources_digest(project) == before
    assert (project / "data" / "local" / "notes.txt").read_text() == "a committee's own file\n"
    assert not (project / "overrides" / "x").exists()
    assert leftovers(project) == leftovers(project / "data") == leftovers(project.parent) == []


def test_a_link_to_a_source_folder_is_refused(project, tmp_path):
    link = tmp_path / "out"
    link.symlink_to(project / "data" / "local", target_is_directory=True)
    before = sources_digest(project)

    result = run_mkdocs(["build", "-d", str(link)], cwd=project)

    assert result.returncode != 0
    assert error_lines(result) == [f"Stopped: the output folder {link} is inside data/, {OURS}"]
    assert sources_digest(project) == before


def test_a_folder_of_other_files_is_refused_untouched(project, tmp_path):
    out = tmp_path / "papers"
    out.mkdir()
    (out / "minutes.docx").write_bytes(b"the committee's minutes")

    result = run_mkdocs(["build", "-d", str(out)], cwd=project)

    assert result.returncode != 0
    assert error_lines(result) == [f"Stopped: the output folder {out} holds other files, not an earlier site; empty it, or choose another folder, e.g. -d site"]
    assert contents(out) == {"minutes.docx": b"the committee's minutes"}
    assert leftovers(tmp_path) == []


def test_a_build_into_a_link_keeps_the_link(project, tmp_path):
    real = tmp_path / "real" / "site"
    real.mkdir(parents=True)
    link = tmp_path / "site"
    link.symlink_to(real, target_is_directory=True)

    for _ in range(2):  # into the empty folder, then over the site the first build left
        result = run_mkdocs(["build", "--strict", "-d", str(link)], cwd=project)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink() and link.resolve() == real
        assert (real / "index.html").is_file() and (real / "404.html").is_file()
        assert leftovers(tmp_path) == leftovers(real.parent) == []


def test_staging_folders_of_killed_builds_go_and_those_of_running_ones_stay(project, earlier_site):
    parent = earlier_site.parent
    dead = [parent / ".out.building-999999", parent / ".out.old-999998"]
    for folder in dead:
        (folder / "assets").mkdir(parents=True)
    running = parent / f".out.building-{os.getpid()}"  # this test's process: alive
    running.mkdir()

    result = run_mkdocs(["build", "--strict", "-d", str(earlier_site)], cwd=project)

    assert result.returncode == 0, result.stderr
    assert leftovers(parent) == [running.name]


def test_the_previous_output_goes_once_the_new_one_is_in_place(tmp_path):
    real = tmp_path / "out"
    for index in range(200):
        (real / f"page-{index}").mkdir(parents=True)
        (real / f"page-{index}" / "index.html").write_text("previous")
    staging = make_staging(real)
    (staging / "index.html").write_text("new")

    swap_in(staging, real)

    assert [p.name for p in real.iterdir()] == ["index.html"] and (real / "index.html").read_text() == "new"
    assert leftovers(tmp_path) == [], "the previous copy is removed (by a process that outlives the run)"


def test_a_previous_output_left_half_removed_is_removed_and_never_put_back(tmp_path):
    removing = tmp_path / f".out.removing-{os.getpid()}"  # even one a running process is removing
    (removing / "assets").mkdir(parents=True)
    (removing / "index.html").write_text("previous")

    remove_stale(tmp_path / "out")

    assert not removing.exists() and not (tmp_path / "out").exists()


def test_a_build_killed_between_its_two_moves_gets_the_previous_site_back(tmp_path):
    """What a killed build left: the previous site moved aside, the new one not yet in place."""
    aside = tmp_path / ".out.old-999999"
    aside.mkdir()
    (aside / "index.html").write_text("previous")

    remove_stale(tmp_path / "out")

    assert (tmp_path / "out" / "index.html").read_text() == "previous"
    assert leftovers(tmp_path) == []


def test_a_build_killed_at_any_moment_leaves_the_previous_site_whole(project, earlier_site):
    mark = earlier_site / "earlier-build.txt"  # goes only with a site moved in whole
    mark.write_text("earlier")
    before = contents(earlier_site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    delays = [round(random.uniform(0.2, 3.0), 2) for _ in range(4)]
    for delay in delays:
        build = subprocess.Popen([*MKDOCS, "build", "--strict", "-d", str(earlier_site)], cwd=project, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        build.kill()
        build.wait()
        if mark.exists():
            assert contents(earlier_site) == before, f"killed after {delay} s"
        else:  # killed after its last move: the new site, all of it
            assert looks_like_site(earlier_site) and (earlier_site / "sitemap.xml").is_file(), f"killed after {delay} s"
            mark.write_text("earlier")
            before = contents(earlier_site)

    result = run_mkdocs(["build", "--strict", "-d", str(earlier_site)], cwd=project)

    assert result.returncode == 0, result.stderr
    assert looks_like_site(earlier_site) and not mark.exists()
    assert leftovers(earlier_site.parent) == [], f"delays {delays}"


@contextlib.contextmanager
def mounted(target: Path, *options: str):
    """A tmpfs (or `--bind` options) mounted at `target`, as root can; the test is skipped where it cannot."""
    target.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", *options, str(target)], capture_output=True).returncode:
        pytest.skip("mounting needs root")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


def tmpfs(target: Path, size: str):
    return mounted(target, "-t", "tmpfs", "-o", f"size={size}", "tmpfs")


@contextlib.contextmanager
def read_only(folder: Path):
    """`folder` read-only for everyone, root included: a read-only bind mount of itself."""
    with mounted(folder, "--bind", str(folder)):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield folder


def test_a_full_disk_stops_the_build_in_one_line_and_keeps_the_site(project, tmp_path):
    with tmpfs(tmp_path / "disk", "2m") as disk:
        out = disk / "out"
        out.mkdir()
        (out / "index.html").write_text("previous")
        (out / "404.html").write_text("previous")
        before = contents(out)

        result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

        assert result.returncode != 0
        assert "Traceback" not in result.stdout + result.stderr
        [line] = error_lines(result)
        assert line.startswith(f"Stopped: {out}") and line.endswith(f": the disk is full; free some space, then try again; the site in {out}/ is as it was"), line
        assert contents(out) == before
        assert leftovers(disk) == []


def test_a_mount_point_is_refused_with_what_to_do(project, tmp_path):
    with tmpfs(tmp_path / "disk", "1m") as disk:
        result = run_mkdocs(["build", "--strict", "-d", str(disk)], cwd=project)

        assert result.returncode != 0
        assert error_lines(result) == [f"Stopped: the output folder {disk} is a mount point (a disk or share of its own), which cannot be replaced whole; "
                                       f"use a folder inside it, e.g. -d {disk}/site"]


def test_a_read_only_checkout_stops_the_build_in_one_line(tmp_path):
    project = fixture_project(tmp_path / "project")
    with read_only(project):
        result = run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project)

    assert result.returncode != 0
    assert error_lines(result) == ["Stopped: .cache/plugin/portfolio: the disk is read-only; builds keep a cache in the project's .cache/ folder, "
                                   "so the project must be writable: copy it to a folder of your own and work there"]
    assert not (tmp_path / "out").exists()


def test_a_read_only_output_folder_stops_the_build_in_one_line(project, earlier_site):
    before = contents(earlier_site)
    with read_only(earlier_site.parent):
        result = run_mkdocs(["build", "--strict", "-d", str(earlier_site)], cwd=project)

    assert result.returncode != 0
    [line] = error_lines(result)
    assert line.startswith(f"Stopped: {earlier_site.parent}")
    assert line.endswith(f": the disk is read-only; choose a folder you can write to, e.g. -d ~/site; the site in {earlier_site}/ is as it was"), line
    assert contents(earlier_site) == before


# ./run pdf: the same rules for --out; a new set is printed next to it and swapped in whole.


@pytest.fixture
def earlier_pdfs(tmp_path) -> Path:
    """A previous set of PDFs in pdf/ of the test's own folder."""
    out = tmp_path / "pdf"
    out.mkdir()
    (out / "old-handout.pdf").write_bytes(b"%PDF the previous set")
    return out


def run_command(project: Path, command: str, *args: str) -> subprocess.CompletedProcess:
    """`./run pdf` or `./run bundle` in the project, as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "macros", command, *args], cwd=project, capture_output=True, text=True, timeout=600)


def run_pdf(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run_command(project, "pdf", *args)


@pytest.mark.parametrize("folder, reason", [
    ("data", "is data/, which holds the site's sources"),
    ("data/local", "is inside data/, which holds the site's sources"),
    (".", "is the project's own folder"),
])
def test_pdf_refuses_a_source_folder(project, folder, reason):
    before = sources_digest(project)

    result = run_pdf(project, "--site-dir", str(project.parent / "built"), "--out", folder)

    assert result.returncode == 1
    [line] = error_lines(result)
    assert line.startswith("Stopped: the output folder ") and f"{reason}; choose another folder, e.g. --out pdf" in line
    assert sources_digest(project) == before


def test_pdf_refuses_a_folder_of_other_files(project, tmp_path):
    out = tmp_path / "papers"
    out.mkdir()
    (out / "minutes.docx").write_bytes(b"minutes")

    result = run_pdf(project, "--site-dir", str(project.parent / "built"), "--out", str(out))

    assert error_lines(result) == [f"Stopped: the output folder {out} holds other files, not earlier PDFs; empty it, or choose another folder, e.g. --out pdf"]
    assert contents(out) == {"minutes.docx": b"minutes"}


def fake_printing(write: dict[str, bytes], then: BaseException | None = None):
    """In place of the browser: write `write` into the folder given, then fail with `then`, if given."""

    def print_apart(site_dir: Path, out_dir: Path):
        for name, data in write.items():
            (out_dir / name).write_bytes(data)
        if then:
            raise then
        return [(name, 1) for name in write]

    return print_apart


@pytest.mark.parametrize("stop, status, line", [
    (KeyboardInterrupt(), 130, "Stopped: interrupted; the PDFs in {out}/ are as they were"),
    (OSError(errno.ENOSPC, "No space left on device"), 1, "Stopped: writing {out}/: the disk is full; free some space, then try again; the PDFs in {out}/ are as they were"),
    (SystemExit(1), None, None),  # a failed build or print: its own message, already said
])
def test_pdf_stopped_half_way_leaves_the_previous_set(earlier_pdfs, monkeypatch, capsys, stop, status, line):
    before = contents(earlier_pdfs)
    monkeypatch.chdir(earlier_pdfs.parent)
    monkeypatch.setattr(pdf, "print_apart", fake_printing({"half.pdf": b"%PDF half"}, stop))

    if status is None:
        with pytest.raises(SystemExit):
            pdf.main(["--site-dir", "site"])
    else:
        assert pdf.main(["--site-dir", "site"]) == status
        assert capsys.readouterr().err.splitlines() == [line.format(out="pdf")]
    assert contents(earlier_pdfs) == before
    assert leftovers(earlier_pdfs.parent) == []


def test_pdf_swaps_in_the_new_set_whole_and_tidies_killed_runs(earlier_pdfs, monkeypatch, capsys):
    stale = earlier_pdfs.parent / ".pdf.building-999999"
    stale.mkdir()
    monkeypatch.chdir(earlier_pdfs.parent)
    monkeypatch.setattr(pdf, "print_apart", fake_printing({"handout.pdf": b"%PDF new"}))

    assert pdf.main(["--site-dir", "site"]) == 0

    made = contents(earlier_pdfs)
    made.pop(MANIFEST, None)  # what each was printed from (the printing is faked here): tests/browser/test_pdf.py
    assert made == {"handout.pdf": b"%PDF new"}, "the new set, and nothing of the old"
    assert leftovers(earlier_pdfs.parent) == []
    assert "pdf/handout.pdf (1 page)" in capsys.readouterr().out


def test_pdf_into_a_read_only_folder_stops_in_one_line(earlier_pdfs, monkeypatch, capsys):
    before = contents(earlier_pdfs)
    monkeypatch.chdir(earlier_pdfs.parent)
    monkeypatch.setattr(pdf, "print_apart", fake_printing({"handout.pdf": b"%PDF new"}))

    with read_only(earlier_pdfs.parent):
        assert pdf.main(["--site-dir", "site"]) == 1

    assert capsys.readouterr().err.splitlines() == [
        "Stopped: pdf: the disk is read-only; choose a folder you can write to, e.g. --out ~/pdf; the PDFs in pdf/ are as they were"]
    assert contents(earlier_pdfs) == before


@pytest.fixture
def one_printable(project, tmp_path) -> Path:
    """The built site with one printable left (a question checklist, the quickest to print)."""
    site = tmp_path / "site"
    shutil.copytree(project.parent / "built", site)
    items = printables(site)
    keep = min((item for item in items if item.name.startswith("checklist-")), key=lambda item: item.name)
    for item in items:
        if item != keep:
            (site / item.path / "index.html").unlink()
    return site


@pytest.mark.browser
def test_pdf_prints_into_place_with_chromium(project, one_printable, earlier_pdfs):
    result = run_pdf(project, "--site-dir", str(one_printable), "--out", str(earlier_pdfs))

    assert result.returncode == 0, result.stderr
    [printed] = printables(one_printable)
    made = contents(earlier_pdfs)
    assert json.loads(made.pop(MANIFEST))["pdfs"][printed.name] == printed.sources != ""  # what it was printed from, for the next build
    packs = fixture_data().packs
    assert packs and sorted(made) == sorted([printed.name, *(f"pack-{p.id}-{edition}.pdf" for p in packs for edition in ("handout", "facilitator"))])
    assert made[printed.name].startswith(b"%PDF")
    assert leftovers(earlier_pdfs.parent) == []


@pytest.mark.browser
def test_pdf_interrupted_says_so_in_one_line_and_keeps_the_previous_set(project, one_printable, earlier_pdfs):
    before = contents(earlier_pdfs)
    staging = earlier_pdfs.parent
    for delay in (0.0, round(random.uniform(0.5, 2.5), 2)):
        printing = subprocess.Popen([sys.executable, "-m", "macros", "pdf", "--site-dir", str(one_printable), "--out", str(earlier_pdfs)],
                                    cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 30
        while not leftovers(staging) and time.monotonic() < deadline:  # printing has begun
            time.sleep(0.05)
        time.sleep(delay)
        os.killpg(printing.pid, signal.SIGINT)  # as Ctrl-C does: to every process of the terminal's group
        _, err = printing.communicate(timeout=60)

        assert printing.returncode == 130, (delay, err)
        assert err.splitlines() == [f"Stopped: interrupted; the PDFs in {earlier_pdfs}/ are as they were"], delay
        assert contents(earlier_pdfs) == before
        assert leftovers(staging) == []


def test_each_reason_is_said_in_plain_words_with_what_to_do(tmp_path):
    """The wording, case by case, for what the real runs above cannot all reach (root may write anywhere)."""
    root, out = tmp_path / "project", tmp_path / "project" / "site"
    staging = tmp_path / "project" / ".site.building-7"
    copy_full = OSError(errno.ENOSPC, "No space left on device", str(root / "overrides" / "logo.png"), None, str(staging / "assets" / "logo.png"))
    assert failure(copy_full, root, SITE, out, staging, "the site in site/ is as it was") == (
        "Stopped: site/assets/logo.png: the disk is full; free some space, then try again; the site in site/ is as it was")
    denied = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".pdf.building-7"))
    assert failure(denied, root, PDFS, tmp_path / "pdf", tmp_path / ".pdf.building-7", "the PDFs in pdf/ are as they were") == (
        f"Stopped: {tmp_path / 'pdf'}: permission denied; choose a folder you can write to, e.g. --out ~/pdf; the PDFs in pdf/ are as they were")
    unreadable = PermissionError(errno.EACCES, "Permission denied", str(root / "data" / "tools.yml"))
    assert failure(unreadable, root, SITE, out, staging) == "Stopped: data/tools.yml: permission denied"
    odd = OSError(errno.EIO, "Input/output error")
    assert failure(odd, root, SITE, out, staging, "the site in site/ is as it was") == "Stopped: writing site/: input/output error; the site in site/ is as it was"


@pytest.mark.browser
def test_pdf_on_a_full_disk_says_so_in_one_line_and_keeps_the_previous_set(project, one_printable, tmp_path):
    with tmpfs(tmp_path / "disk", "8k") as disk:
        out = disk / "pdf"
        out.mkdir()
        (out / "old-handout.pdf").write_bytes(b"%PDF the previous set")

        result = run_pdf(project, "--site-dir", str(one_printable), "--out", str(out))

        assert result.returncode == 1
        assert error_lines(result) == [f"Stopped: writing {out}/: the disk is full; free some space, then try again; the PDFs in {out}/ are as they were"]
        assert contents(out) == {"old-handout.pdf": b"%PDF the previous set"}
        assert leftovers(disk) == []


# ./run bundle: the zip goes into a folder of its own, never into the sources, where the next build would publish it.


def run_bundle(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run_command(project, "bundle", *args)


@pytest.mark.parametrize("folder, reason", [
    ("data/local", "the output folder data/local is inside data/, which holds the site's sources"),
    ("content", "the output folder content is content/, which holds the site's sources"),
    ("data/site.yml", "the output folder data/site.yml is inside data/, which holds the site's sources"),
    ("overrides/portfolio", "the output folder overrides/portfolio is inside overrides/, which holds the site's sources"),
    (".", "the output folder {project} is the project's own folder"),
    ("..", "the output folder {parent} holds the project's folder"),
])
def test_bundle_refuses_the_sources_in_one_line_before_building(project, folder, reason):
    before = sources_digest(project)
    started = time.monotonic()

    result = run_bundle(project, "--out", folder)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert error_lines(result) == [f"Stopped: {reason.format(project=project, parent=project.parent)}; choose another folder, e.g. --out dist"]
    assert time.monotonic() - started < 30, "refused before the two builds"
    assert sources_digest(project) == before
    assert not list(project.rglob("*.zip")) and not list(project.parent.glob("*.zip"))


def test_bundle_refuses_a_folder_of_other_files_and_a_file(project, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "minutes.docx").write_bytes(b"minutes")
    (tmp_path / "notes.txt").write_text("notes")

    result = run_bundle(project, "--out", str(papers))
    assert error_lines(result) == [f"Stopped: the output folder {papers} holds other files, not earlier bundles; empty it, or choose another folder, e.g. --out dist"]
    assert contents(papers) == {"minutes.docx": b"minutes"}

    result = run_bundle(project, "--out", str(tmp_path / "notes.txt"))
    assert error_lines(result) == [f"Stopped: the output folder {tmp_path / 'notes.txt'} is a file, not a folder; choose another folder, e.g. --out dist"]
    assert (tmp_path / "notes.txt").read_text() == "notes"


def test_a_folder_of_earlier_bundles_or_a_mount_point_may_take_a_new_one(tmp_path):
    """A bundle adds one zip: a folder of earlier zips, or a disk of its own (a USB stick), is fine."""
    dist = tmp_path / "project" / "dist"
    dist.mkdir(parents=True)
    (dist / "working-with-resistance-2026-01-31.zip").write_bytes(b"PK")
    assert refusal(dist, tmp_path / "project", [tmp_path / "project" / "data"], BUNDLES) is None
    with tmpfs(tmp_path / "stick", "1m") as stick:
        assert refusal(stick, tmp_path / "project", [tmp_path / "project" / "data"], BUNDLES) is None


@pytest.mark.parametrize("stop, status, line", [
    (OSError(errno.ENOSPC, "No space left on device"), 1, "Stopped: writing dist/: the disk is full; free some space, then try again; no new zip was written to dist/"),
    (KeyboardInterrupt(), 130, "Stopped: interrupted; no new zip was written to dist/"),
])
def test_an_interrupted_or_failed_bundle_leaves_no_half_zip(tmp_path, monkeypatch, capsys, stop, status, line):
    def build(target: Path, offline: bool) -> int:  # in place of mkdocs: a one-page site
        target.mkdir(parents=True)
        (target / "index.html").write_text("<p>page</p>")
        return 0

    def stopped(*args, **kwargs):
        raise stop

    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "working-with-resistance-2026-01-31.zip").write_bytes(b"PK earlier")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bundle, "build", build)
    monkeypatch.setattr(bundle, "readme", lambda site_url: "read me")
    monkeypatch.setattr(bundle.zipfile.ZipFile, "write", stopped)

    assert bundle.main(["--out", "dist"]) == status

    assert capsys.readouterr().err.splitlines() == [line]
    assert contents(tmp_path / "dist") == {"working-with-resistance-2026-01-31.zip": b"PK earlier"}


# A folder's permissions are its owner's: a build into a private folder keeps it private.


@pytest.mark.parametrize("mode", [0o700, 0o750])
def test_a_build_keeps_the_output_folders_permissions(project, tmp_path, mode):
    out = tmp_path / "private"
    out.mkdir()
    out.chmod(mode)

    for _ in range(2):  # into the empty folder, then over the site the first build left
        result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
        assert result.returncode == 0, result.stderr
        assert looks_like_site(out)
        assert stat.S_IMODE(out.stat().st_mode) == mode
        assert leftovers(tmp_path) == []


def test_the_new_output_takes_the_replaced_folders_permissions_and_a_staging_folder_is_no_more_open(tmp_path):
    real = tmp_path / "out"
    real.mkdir()
    real.chmod(0o700)
    staging = make_staging(real)
    assert stat.S_IMODE(staging.stat().st_mode) == 0o700, "not readable by others while the run writes it"
    (staging / "index.html").write_text("new")
    swap_in(staging, real)
    assert stat.S_IMODE(real.stat().st_mode) == 0o700 and (real / "index.html").read_text() == "new"

    staging = staging_folder(real)
    staging.mkdir(mode=0o755)
    swap_in(staging, real)
    assert stat.S_IMODE(real.stat().st_mode) == 0o700
    assert leftovers(tmp_path) == []
