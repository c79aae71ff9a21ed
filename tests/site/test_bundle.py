"""`./run bundle`: the zip an intranet team gets, with a web-server copy, a shared-drive copy and a
README that stands on its own."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from urllib.parse import unquote

from bs4 import BeautifulSoup

from macros.hosting import CONTENT_SECURITY_POLICY
from macros.load import load_project
from macros.outputs.printed import pdf_fingerprints, write_manifest
from tests.helpers import ROOT, fixture_data, fixture_project

SITE_URL = "https://intranet.example/cp/portfolio/"


def test_the_bundle_holds_both_copies_and_a_readme_that_stands_alone(tmp_path):
    project = fixture_project(tmp_path / "project")
    case = fixture_data().case_studies[0].id
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    # PDFs printed for this site (./run pdf's manifest beside them), but one printed from an earlier version.
    fingerprints = pdf_fingerprints(load_project(project), SITE_URL, project / "data", project / "content", project / "overrides")
    stale = f"case-study-{fixture_data().case_studies[0].number:02d}-{case}.pdf"
    (project / "pdf").mkdir()
    for name in fingerprints:
        (project / "pdf" / name).write_bytes(b"%PDF-1.7 " + name.encode())
    write_manifest(project / "pdf", {**fingerprints, stale: "0" * 32})
    result = subprocess.run(
        [sys.executable, "-m", "macros", "bundle", "--out", str(tmp_path / "dist")],
        cwd=project, capture_output=True, text=True, timeout=600, env={"SITE_URL": SITE_URL, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    current = sorted(set(fingerprints) - {stale})
    assert f"The copies offer {len(current)} PDFs from pdf/; left out, being out of date for this site (or no longer printed): {stale}." in result.stdout
    [zipped] = (tmp_path / "dist").glob("*.zip")
    with zipfile.ZipFile(zipped) as archive:
        names = set(archive.namelist())
        readme = archive.read("working-with-resistance/README-INTRANET.txt").decode("utf-8")
        offline_page = archive.read(f"working-with-resistance/shared-drive/case-studies/{case}.html").decode("utf-8")
    web, shared = "working-with-resistance/web-server/", "working-with-resistance/shared-drive/"
    for copy in (web, shared):
        assert {f"{copy}index.html", f"{copy}.htaccess", f"{copy}web.config"} <= names
        # The current PDFs, by default (no PDF_DIR): each as printed; never the out-of-date one.
        assert sorted(name.rsplit("/", 1)[-1] for name in names if name.startswith(f"{copy}downloads/") and name.endswith(".pdf")) == current
    assert f"{web}case-studies/{case}/index.html.gz" in names and f"{web}case-studies/{case}/index.html.br" in names
    assert not any(name.startswith(shared) and name.endswith((".html.gz", ".br")) for name in names)  # (mkdocs writes sitemap.xml.gz itself)
    # The README gives everything in full, and says which copy goes where.
    assert f"Content-Security-Policy: {CONTENT_SECURITY_POLICY}" in readme
    assert "gzip_static on;" in readme and "web.config" in readme and ".htaccess" in readme
    assert "README.md" not in readme and "&#39;" not in readme
    assert re.search(r"web-server/\s+for a web server", readme) and re.search(r"shared-drive/\s+for a shared drive", readme)
    # The shared-drive copy names the hosted pages, not its own .html files.
    doc = BeautifulSoup(offline_page, "html.parser")
    assert doc.select_one("link[rel=canonical]")["href"] == SITE_URL + f"case-studies/{case}/"
    report = unquote(doc.select_one("a.wwr-report")["href"])
    assert f"Page: {SITE_URL}case-studies/{case}/" in report and ".html" not in report
