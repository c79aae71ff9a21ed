"""`./run bundle`: zip an offline copy of the site for a shared drive or USB stick.

Builds with `OFFLINE=true` (Material's offline plugin: pages link as .html files and search
works from file://, with the iframe-worker shim served from the copy itself), then zips it
with a short README for the intranet team.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

INTRANET_README = """Working with Resistance: offline copy
=====================================

This folder is the whole Working with Resistance portfolio site, ready to use without a web server
and without internet access.

To use it
- Unzip the folder to a shared drive, a USB stick or a local disk.
- Open index.html in a web browser. Every page, the search box and the ready reckoner work from there.
- Nothing is sent anywhere: the site makes no request to any other host, sets no cookies and stores
  nothing typed into the ready reckoner.

To publish it on a web server instead
- Copy the folder's contents to any folder of the server, at the root or under a sub-path.
- Recommended response header (Content Security Policy): see the project's README.md.

Built {date} from {site_name}, version {version}.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="dist", help="folder for the zip file (default: dist/)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "working-with-resistance"
        env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)], env=env)
        if result.returncode:
            return result.returncode
        from ..load import load_site_data
        from ..render.clock import build_date

        settings = load_site_data(Path("data")).site
        readme = INTRANET_README.format(date=build_date(), site_name=settings.site_name, version=settings.version)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"working-with-resistance-offline-{build_date()}.zip"
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{site.name}/README-INTRANET.txt", readme)
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{site.name}/{path.relative_to(site).as_posix()}")
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
