"""`./run bundle`: zip the site for an intranet team: a copy for a web server, and a copy that
works from a shared drive or USB stick (file://), with a README that stands on its own.

The web-server copy is an ordinary build (with SITE_URL, if set: canonical addresses and QR codes),
carrying its server settings and pre-compressed copies; the shared-drive copy is an `OFFLINE=true`
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

README = "hosting/README-INTRANET.txt"
WEB, SHARED = "web-server", "shared-drive"


def build(target: Path, offline: bool) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(target)], env=env).returncode


def readme(site_url: str | None) -> str:
    from ..hosting.configs import context, nginx_snippet
    from ..load import load_project
    from ..render.clock import build_date
    from ..render.templates import make_environment, render

    settings = load_project(Path.cwd()).data.site
    env = make_environment(Path("overrides/portfolio"), {})
    return render(env, README, site=settings, date=build_date(), site_url=site_url, web=WEB, shared=SHARED, nginx=nginx_snippet(env), **context())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="dist", help="folder for the zip file (default: dist/)")
    args = parser.parse_args(argv)
    site_url = os.environ.get("SITE_URL") or None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "working-with-resistance"
        for name, offline in ((WEB, False), (SHARED, True)):
            failed = build(root / name, offline)
            if failed:
                return failed
        (root / "README-INTRANET.txt").write_text(readme(site_url), encoding="utf-8")
        from ..render.clock import build_date

        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"working-with-resistance-{build_date()}.zip"
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
