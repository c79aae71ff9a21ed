"""What a web server gets from a build: compressed copies that decompress to the file, reproducibly,
and settings files that carry the one Content Security Policy docs/committees.md documents."""

from __future__ import annotations

import gzip
import os
import re
import time
import xml.etree.ElementTree as ElementTree

import brotli

from macros.hosting import CONTENT_SECURITY_POLICY
from macros.hosting.compress import write_compressed
from macros.hosting.configs import nginx_snippet, write_configs
from macros.render.templates import make_environment
from tests.helpers import ROOT, readme_policy

ENV = make_environment(ROOT / "overrides" / "portfolio", {})


def test_compressed_copies_decompress_to_the_file_and_are_reproducible(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    page = site / "a" / "index.html"
    page.write_text("<p>Working with Resistance</p>\n" * 100, encoding="utf-8")
    (site / "tiny.css").write_text("a{}", encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG" + bytes(1000))
    cache = tmp_path / "cache"
    assert write_compressed(site, cache) == 1  # small files and images are left alone
    assert gzip.decompress((site / "a" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((site / "a" / "index.html.br").read_bytes()) == page.read_bytes()
    first = (site / "a" / "index.html.gz").read_bytes()
    for copy in cache.iterdir():
        copy.write_bytes(copy.read_bytes())  # the cache is what a second build reads
    (site / "a" / "index.html.gz").unlink()
    write_compressed(site, cache)
    assert (site / "a" / "index.html.gz").read_bytes() == first
    assert not (site / "tiny.css.gz").exists() and not (site / "logo.png.gz").exists()


def test_settings_files_carry_the_policy(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "bundle.a5f9d56c.min.js").write_text("x", encoding="utf-8")
    write_configs(ENV, tmp_path)
    config = ElementTree.parse(tmp_path / "web.config").getroot()
    headers = {h.get("name"): h.get("value") for h in config.iter("add") if h.get("name")}
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert [loc.get("path") for loc in config.iter("location")] == ["assets/bundle.a5f9d56c.min.js"]
    types = {m.get("fileExtension"): m.get("mimeType") for m in config.iter("mimeMap")}
    assert types[".webmanifest"] == "application/manifest+json" and types[".docx"].endswith("wordprocessingml.document")
    htaccess = (tmp_path / ".htaccess").read_text(encoding="utf-8")
    assert f'Header always set Content-Security-Policy "{CONTENT_SECURITY_POLICY}"' in htaccess
    assert "AddType application/vnd.openxmlformats-officedocument.presentationml.presentation .pptx" in htaccess


def test_apache_and_iis_answer_a_missing_address_with_the_sites_own_404_page_under_its_sub_path(tmp_path):
    """Neither server runs here: their settings are read. Each names the 404 page by its path from the server's
    root, which is the site's address's path (SITE_URL); without one, the domain root's. nginx's are run
    (tests/browser/test_nginx.py)."""
    for site_url, path in (("https://intranet.example/cp/portfolio/", "/cp/portfolio/404.html"),
                           ("https://intranet.example/cp/portfolio", "/cp/portfolio/404.html"), (None, "/404.html")):
        write_configs(ENV, tmp_path, site_url)
        htaccess = (tmp_path / ".htaccess").read_text(encoding="utf-8")
        assert [line for line in htaccess.splitlines() if line.startswith("ErrorDocument")] == [f"ErrorDocument 404 {path}"], site_url
        config = ElementTree.parse(tmp_path / "web.config").getroot()
        [errors] = list(config.iter("httpErrors"))
        assert errors.get("errorMode") == "Custom" and errors.get("existingResponse") == "Replace"
        assert [(e.tag, e.get("statusCode")) for e in errors] == [("remove", "404"), ("error", "404")]
        error = errors.find("error")
        assert error.get("path") == path and error.get("responseMode") == "ExecuteURL", site_url


def test_the_committees_guide_gives_the_policy_and_the_nginx_settings_the_build_uses():
    assert readme_policy() == CONTENT_SECURITY_POLICY
    guide = (ROOT / "docs" / "committees.md").read_text(encoding="utf-8")
    snippet = re.search(r"```nginx\n(.*?)```", guide, re.DOTALL)
    assert snippet and snippet.group(1) == nginx_snippet(ENV), "docs/committees.md's nginx settings are out of date"


def test_compressed_copies_no_build_used_for_an_hour_leave_the_cache(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>the first version</p>\n" * 50, encoding="utf-8")
    write_compressed(site, cache)
    first = set(cache.iterdir())
    two_hours_ago = time.time() - 7200
    for copy in first:
        os.utime(copy, (two_hours_ago, two_hours_ago))
    write_compressed(site, cache)  # the same page: its copies are used, so kept
    assert set(cache.iterdir()) == first
    for copy in first:
        os.utime(copy, (two_hours_ago, two_hours_ago))
    page.write_text("<p>the second version</p>\n" * 50, encoding="utf-8")
    write_compressed(site, cache)  # the page changed: the first version's copies, unused for two hours, go
    assert len(list(cache.iterdir())) == 2 and not first & set(cache.iterdir())
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page.read_bytes()


def test_a_cached_copy_is_never_changed_through_the_sites_file(tmp_path):
    """The site's copies are second names (hard links) of the cached ones: a page that changes gets new
    copies, and the cached copies of its old version keep what they hold, for the builds that still use them."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>the first version</p>\n" * 50, encoding="utf-8")
    write_compressed(site, cache)
    before = {copy: copy.read_bytes() for copy in cache.iterdir()}
    page.write_text("<p>the second version</p>\n" * 50, encoding="utf-8")
    write_compressed(site, cache)
    assert all(copy.read_bytes() == content for copy, content in before.items())
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page.read_bytes()


def test_a_cache_entry_is_a_file_and_is_marked_used_when_it_was_not_lately(tmp_path):
    import os
    import time

    from macros.caches import KEEP_UNUSED_SECONDS, TOUCHED_RECENTLY_SECONDS, in_cache

    old, recent, folder = tmp_path / "old.gz", tmp_path / "recent.gz", tmp_path / "folder.gz"
    old.write_bytes(b"x")
    recent.write_bytes(b"x")
    folder.mkdir()
    an_hour_ago = time.time() - KEEP_UNUSED_SECONDS
    os.utime(old, (an_hour_ago, an_hour_ago))
    lately = time.time() - TOUCHED_RECENTLY_SECONDS / 2
    os.utime(recent, (lately, lately))
    assert in_cache(old) and old.stat().st_mtime > time.time() - 60, "marked used, so no build prunes it"
    assert in_cache(recent) and recent.stat().st_mtime == lately, "touched lately: left as it is"
    assert not in_cache(folder) and not in_cache(tmp_path / "missing.gz")
