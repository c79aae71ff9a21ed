"""`./run pdf`: print the printables to accessible A4 PDFs with Debian's chromium.

Prints every page the built site marks as printed (each case-study handout, question checklist, the
blank ready reckoner, the C4EO summary, the whole portfolio as a book and each of its Parts), tagged,
with bookmarks, its language, title, author, subject and keywords (macros/outputs/pdf/). Addresses on
paper are the public ones (SITE_URL): a site built without SITE_URL prints none, and no QR codes. Then
converts each training pack's participant's handout and facilitator's guide (the site's Word files) with
LibreOffice (macros/outputs/pdf/convert.py). Builds the site first unless given one (--site-dir). Beside the PDFs it writes the manifest of what each was
printed from (printed-from.json, macros/outputs/printed.py), by which every later build offers those still
current ("Download: PDF") and names those it withdraws. With --build (`./run build --with-pdf`), then builds
the site again offering them all as downloads.
The new set is printed into a folder next to --out and swapped in whole once complete, so a run that
fails or is stopped (Ctrl-C, a full disk) leaves the previous set as it was (macros/outputs/folders.py).
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..outputs.folders import PDFS, failure, make_staging, project_sources, refusal, remove_stale, shown, staging_folder, swap_in
from ..outputs.pdf.printer import LocalAddress, print_site, printables, public_root
from ..outputs.printed import write_manifest

NO_ADDRESS = ("The site was built without SITE_URL, so the PDFs print no web addresses and no QR codes. "
              "Set it to the site's public address to add them: SITE_URL=https://your.intranet/portfolio/ ./run pdf")


def _finish(out_dir: Path, pdf: bytes, info: dict, name: str) -> tuple[str, int]:
    """In a worker process: the PDF made accessible, written to `out_dir` (see outputs/pdf/finish.py)."""
    from ..outputs.pdf.finish import About, finish

    about = About(info["title"], info["author"], info["subject"], info["keywords"])
    return name, finish(pdf, about, [tuple(link) for link in info["links"]], out_dir / name)


def make_pdfs(site_dir: Path, out_dir: Path) -> list[tuple[str, int]]:
    """Print every printable of the built site into `out_dir`, with the manifest of what each is printed from
    (outputs/printed.py, read by the next build): (file name, pages) of each."""
    items = printables(site_dir)
    if not items:
        raise SystemExit(f"{site_dir} has no page marked for printing; is it a build of this project?")
    out_dir.mkdir(parents=True, exist_ok=True)
    write_manifest(out_dir, {item.name: item.sources for item in items})
    # Spawned, not forked: a fork of this process, which runs the server's and playwright's threads, can
    # inherit a lock one of them holds and wait on it for ever.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)), mp_context=context) as pool:
        return print_site(site_dir, items, functools.partial(_finish, out_dir), pool)


def build_site(mkdocs_args: list[str], env: dict[str, str] | None = None) -> int:
    """`mkdocs build`, quietly; its exit status. In a session of its own, like the printing (`print_apart`);
    a build stopped there leaves its staging folder to the next build."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", *mkdocs_args]
    return subprocess.run(command, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, start_new_session=True).returncode


def print_apart(site_dir: Path, out_dir: Path) -> list[tuple[str, int]]:
    """`make_pdfs` in a process of a session of its own. Ctrl-C reaches every process of the terminal's
    session, and the browser's driver, the server and the workers would each complain of it in their
    own words; apart, only this command hears it, and ends the printing with SIGTERM (the browser's driver
    then closes the browser). What the printing says on stderr is passed on unless it was stopped so."""
    command = [sys.executable, "-m", "macros.commands.pdf", "--print-into", str(out_dir), "--site-dir", str(site_dir)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True) as printing:
        try:
            listing, errors = printing.communicate()
        except KeyboardInterrupt:
            os.killpg(printing.pid, signal.SIGTERM)
            raise
    sys.stderr.write(errors)
    if printing.returncode:
        raise SystemExit(printing.returncode)
    made = json.loads(listing.splitlines()[-1])  # its last line: the PDFs made, or the OSError that stopped it
    if isinstance(made, dict):
        raise OSError(*made["os_error"])
    return [(name, pages) for name, pages in made]


def convert_apart(site_dir: Path, out_dir: Path) -> list[tuple[str, int]]:
    """The Word downloads that are also PDFs (each training pack's participant's handout and facilitator's guide),
    converted by LibreOffice (outputs/pdf/convert.py); without LibreOffice, said, and the rest printed all the same."""
    from ..outputs.pdf.convert import NoLibreOffice, convert_documents
    from ..outputs.printed import read_manifest

    try:
        made = convert_documents(site_dir, out_dir)
    except NoLibreOffice as exc:
        print(f"Not made: {exc}", file=sys.stderr)
        return []
    write_manifest(out_dir, {**read_manifest(out_dir), **{name: sources for name, _, sources in made}})
    return [(name, pages) for name, pages, _ in made]


def print_staged(site_dir: str | None, out: Path) -> tuple[list[tuple[str, int]], str | None]:
    """Print a new set next to `out` and swap it in once complete: (file name, pages) of each, and the
    addresses' root. A failure (SystemExit) or an interruption leaves the previous set as it was."""
    real = out.resolve()
    remove_stale(real)
    staging = make_staging(real)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(site_dir) if site_dir else Path(tmp) / "site"
            if not site_dir and (status := build_site(["-d", str(site)])):
                raise SystemExit(status)
            made = print_apart(site, staging)
            made += convert_apart(site, staging)
            root = public_root(site)
        swap_in(staging, real)
        return made, root
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already once swapped in


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="pdf", help="folder for the PDFs (default: pdf/)")
    parser.add_argument("--site-dir", help="an already built site to print (default: build one now)")
    parser.add_argument("--build", nargs=argparse.REMAINDER, metavar="MKDOCS_OPTIONS",
                        help="then build the site offering the PDFs as downloads, with these mkdocs build options (./run build --with-pdf)")
    parser.add_argument("--print-into", help=argparse.SUPPRESS)  # the printing itself, apart (print_apart)
    args = parser.parse_args(argv)
    if args.print_into:
        try:
            print(json.dumps(make_pdfs(Path(args.site_dir), Path(args.print_into))))
        except LocalAddress as exc:
            print(f"Stopped: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:  # a full disk, say: passed on whole, for the command to say in one line
            print(json.dumps({"os_error": [exc.errno, exc.strerror, exc.filename, None, exc.filename2]}))
        return 0
    started, out, project = time.perf_counter(), Path(args.out), Path.cwd()
    if reason := refusal(out, project, project_sources(project), PDFS):
        print(reason, file=sys.stderr)
        return 1
    name = shown(out, project)
    kept = f"the PDFs in {name}/ are as they were" if out.exists() else f"nothing was written to {name}/"
    try:
        made, root = print_staged(args.site_dir, out)
    except KeyboardInterrupt:
        print(f"Stopped: interrupted; {kept}", file=sys.stderr)
        return 130
    except OSError as exc:
        print(failure(exc, project, PDFS, out, staging_folder(out.resolve()), kept), file=sys.stderr)
        return 1
    for pdf, pages in made:
        print(f"{out / pdf} ({pages} page{'s' if pages != 1 else ''})")
    print(f"{len(made)} PDFs in {time.perf_counter() - started:.1f} s" + (f", addresses from {root}" if root else ""))
    if not root:
        print(NO_ADDRESS)
    if args.build is None:
        return 0
    try:
        # The same settings (SITE_URL, data/local/) as the site just printed, so the PDFs are this site's.
        return build_site(args.build, env={"PDF_DIR": str(out.resolve())})
    except KeyboardInterrupt:
        print(f"Stopped: interrupted; the new PDFs are in {name}/, but the site was not built with them", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
