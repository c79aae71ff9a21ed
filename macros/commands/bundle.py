"""`./run bundle`: zip the site for an intranet team: a copy for a web server, and a copy that
works from a shared drive or USB stick (file://), with a README that stands on its own.

The web-server copy is an ordinary build (with SITE_URL, if set: canonical addresses and QR codes),
carrying its server settings and pre-compressed copies, and the PDFs in pdf/ (or PDF_DIR) that are current
for it, as every build offers them (the command names any it leaves out); the shared-drive copy is an `OFFLINE=true`
build (Material's offline plugin: pages link as .html files, and search works from file://).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..outputs.folders import BUNDLES, failure, project_sources, refusal, shown

README = "hosting/README-INTRANET.txt"
WEB, SHARED = "web-server", "shared-drive"


def build(target: Path, offline: bool) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(target)], env=env).returncode


def readme(site_url: str | None) -> str:
    from ..hosting.configs import context, nginx_snippet, site_path
    from ..load import load_project
    from ..render.clock import build_date
    from ..render.templates import make_environment, render

    data = load_project(Path.cwd()).data
    env = make_environment(Path("overrides/portfolio"), {})
    return render(env, README, site=data.site, edition=data.edition, date=build_date(), site_url=site_url, web=WEB, shared=SHARED, nginx=nginx_snippet(env, prefix=site_path(site_url)), **context(site_url=site_url))


def pdf_report(web_copy: Path) -> str:
    """What the bundle says of the PDFs: the builds offer those in pdf/ (or PDF_DIR) that are current for this
    site, as any build does (macros/outputs/printed.py); it names any left out, and says how to add them."""
    from ..outputs.printed import DEFAULT_FOLDER

    named = os.environ.get("PDF_DIR") or DEFAULT_FOLDER
    printed = sorted(path.name for path in Path(named).glob("*.pdf"))
    offered = sorted(path.name for path in (web_copy / "downloads").glob("*.pdf"))
    if not printed:
        return f"No PDFs: {named}/ has none. To include them, print them first (./run pdf, or ./run build --with-pdf), then ./run bundle."
    report = f"The copies offer {len(offered)} PDF{'s' if len(offered) != 1 else ''} from {named}/"
    left = [name for name in printed if name not in offered]
    if left:
        report += (f"; left out, being out of date for this site (or no longer printed): {', '.join(left)}. "
                   "Print them again (./run build --with-pdf, with the same SITE_URL), then ./run bundle.")
    return report + ("." if not left else "")


def write_zip(root: Path, target: Path) -> None:
    """`root` zipped as `target`, written under another name first so that a zip under its own name is always whole."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="dist", help="folder for the zip file (default: dist/)")
    args = parser.parse_args(argv)
    site_url = os.environ.get("SITE_URL") or None
    # The same rules as a build's or ./run pdf's output folder, before the two builds: the zip never goes into
    # the sources (in data/local/ or content/ the next build would publish it), a file, or a folder of other files.
    project, out = Path.cwd(), Path(args.out)
    if reason := refusal(out, project, project_sources(project), BUNDLES):
        print(reason, file=sys.stderr)
        return 1
    name = shown(out, project)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "working-with-resistance"
            for copy, offline in ((WEB, False), (SHARED, True)):
                failed = build(root / copy, offline)
                if failed:
                    return failed
            (root / "README-INTRANET.txt").write_text(readme(site_url), encoding="utf-8")
            from ..render.clock import build_date

            out.mkdir(parents=True, exist_ok=True)
            target = out / f"working-with-resistance-{build_date()}.zip"
            write_zip(root, target)
            print(target)
            print(pdf_report(root / WEB))
    except KeyboardInterrupt:
        print(f"Stopped: interrupted; no new zip was written to {name}/", file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a folder that cannot be written: one line naming the path
        print(failure(exc, project, BUNDLES, out, kept=f"no new zip was written to {name}/"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
