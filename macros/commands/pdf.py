"""`./run pdf`: print the printables to accessible A4 PDFs with Debian's chromium.

Prints every page the built site marks as printed (each case-study handout, question checklist, the
blank ready reckoner, the C4EO summary, the whole portfolio as a book and each of its Parts), tagged,
with bookmarks, its language, title, author, subject and keywords (macros/outputs/pdf/). Addresses on
paper are the public ones (SITE_URL): a site built without SITE_URL prints none, and no QR codes.
Builds the site first unless given one (--site-dir). With --build (`./run build --with-pdf`), then builds
the site again offering them as downloads ("Download: PDF"), which a build without them never does.
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..outputs.pdf.printer import LocalAddress, print_site, printables, public_root

NO_ADDRESS = ("The site was built without SITE_URL, so the PDFs print no web addresses and no QR codes. "
              "Set it to the site's public address to add them: SITE_URL=https://your.intranet/portfolio/ ./run pdf")


def _finish(out_dir: Path, pdf: bytes, info: dict, name: str) -> tuple[str, int]:
    """In a worker process: the PDF made accessible, written to `out_dir` (see outputs/pdf/finish.py)."""
    from ..outputs.pdf.finish import About, finish

    about = About(info["title"], info["author"], info["subject"], info["keywords"])
    return name, finish(pdf, about, [tuple(link) for link in info["links"]], out_dir / name)


def make_pdfs(site_dir: Path, out_dir: Path) -> list[tuple[str, int]]:
    """Print every printable of the built site into `out_dir`: (file name, pages) of each."""
    items = printables(site_dir)
    if not items:
        raise SystemExit(f"{site_dir} has no page marked for printing; is it a build of this project?")
    out_dir.mkdir(parents=True, exist_ok=True)
    # Spawned, not forked: a fork of this process, which runs the server's and playwright's threads, can
    # inherit a lock one of them holds and wait on it for ever.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)), mp_context=context) as pool:
        return print_site(site_dir, items, functools.partial(_finish, out_dir), pool)


def build_site(mkdocs_args: list[str], env: dict[str, str] | None = None) -> int:
    """`mkdocs build`, quietly; its exit status."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", *mkdocs_args]
    return subprocess.run(command, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="pdf", help="folder for the PDFs (default: pdf/)")
    parser.add_argument("--site-dir", help="an already built site to print (default: build one now)")
    parser.add_argument("--build", nargs=argparse.REMAINDER, metavar="MKDOCS_OPTIONS",
                        help="then build the site offering the PDFs as downloads, with these mkdocs build options (./run build --with-pdf)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(args.site_dir) if args.site_dir else Path(tmp) / "site"
        if not args.site_dir and (status := build_site(["-d", str(site_dir)])):
            return status
        try:
            made = make_pdfs(site_dir, Path(args.out))
        except LocalAddress as exc:
            print(f"Stopped: {exc}", file=sys.stderr)
            return 1
        root = public_root(site_dir)
    for name, pages in made:
        print(f"{Path(args.out) / name} ({pages} page{'s' if pages != 1 else ''})")
    print(f"{len(made)} PDFs in {time.perf_counter() - started:.1f} s" + (f", addresses from {root}" if root else ""))
    if not root:
        print(NO_ADDRESS)
    if args.build is not None:
        # The same settings (SITE_URL, data/local/) as the site just printed, so the PDFs are this site's.
        return build_site(args.build, env={"PDF_DIR": str(Path(args.out).resolve())})
    return 0


if __name__ == "__main__":
    sys.exit(main())
