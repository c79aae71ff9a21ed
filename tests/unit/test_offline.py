"""The offline copy's lists, its build id, the web app manifest and the icons (macros/offline/), on
small folders and pictures made here."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from macros.model.committee import SiteSettings
from macros.offline import icons as icons_module
from macros.offline.icons import ICONS, IconError, logo_at, make_icons
from macros.offline.lists import build_id, lunr_files, site_files, write_lists
from macros.offline.manifest import web_app_manifest

SITE_FILES = {
    "index.html": "home",
    "one/index.html": "page one",
    "one/two/index.html": "page two",
    "404.html": "not found",
    "assets/stylesheets/main.1234abcd.min.css": "css",
    "assets/stylesheets/main.1234abcd.min.css.map": "map",
    "assets/javascripts/bundle.js": "js",
    "assets/javascripts/bundle.js.gz": "gz",
    "assets/javascripts/bundle.js.br": "br",
    "assets/javascripts/lunr/min/lunr.de.min.js": "de",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "support",
    "assets/javascripts/lunr/min/lunr.multi.min.js": "multi",
    "assets/javascripts/lunr/tinyseg.js": "ja",
    "search/search_index.json": "{}",
    "manifest.webmanifest": "{}",
    "downloads/handout.docx": "docx",
    ".htaccess": "apache",
    "web.config": "iis",
    "sitemap.xml": "xml",
    "offline-worker.js": "worker",
    "offline.json": "{}",
    "offline-files.json": "{}",
}


@pytest.fixture
def built(tmp_path) -> Path:
    for path, text in SITE_FILES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_copy_holds_what_a_browser_loads_pages_by_their_folder(built):
    core, downloads = site_files(built, directory_urls=True, langs=["en"])
    assert [f.url for f in core] == ["assets/javascripts/bundle.js", "assets/stylesheets/main.1234abcd.min.css", "", "manifest.webmanifest",
                                     "one/", "one/two/", "search/search_index.json"]
    assert [f.url for f in downloads] == ["downloads/handout.docx"]
    page = next(f for f in core if f.url == "one/")
    assert (page.size, page.sha) == (len("page one"), hashlib.sha256(b"page one").hexdigest()[:16])
    flat, _ = site_files(built, directory_urls=False, langs=["en"])
    assert {"index.html", "one/index.html"} <= {f.url for f in flat}


def test_lunr_language_files_are_saved_only_for_the_languages_search_uses(built):
    assert lunr_files(["en"]) == set()
    assert lunr_files(["de"]) == {"assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.de.min.js"}
    assert "assets/javascripts/lunr/min/lunr.multi.min.js" in lunr_files(["en", "de"])
    assert "assets/javascripts/lunr/tinyseg.js" in lunr_files(["ja"])
    core, _ = site_files(built, directory_urls=True, langs=["en", "de"])
    assert {f.url for f in core if "lunr" in f.url} == {"assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                                                          "assets/javascripts/lunr/min/lunr.multi.min.js"}


def test_the_build_id_changes_with_any_file_and_only_then(built):
    first = build_id(*site_files(built, True, ["en"]))
    assert build_id(*site_files(built, True, ["en"])) == first
    (built / "assets/javascripts/bundle.js.gz").write_text("another gz", encoding="utf-8")  # not in the copy
    assert build_id(*site_files(built, True, ["en"])) == first
    for path in ("one/two/index.html", "downloads/handout.docx"):
        (built / path).write_text("changed", encoding="utf-8")
        changed = build_id(*site_files(built, True, ["en"]))
        assert changed != first
        first = changed
    (built / "three").mkdir()
    (built / "three" / "index.html").write_text("new page", encoding="utf-8")
    assert build_id(*site_files(built, True, ["en"])) != first


def test_the_lists_written_agree(built):
    summary = write_lists(built, "2.0", "2026-12-01", True, ["en"])
    written = json.loads((built / "offline.json").read_text(encoding="utf-8"))
    files = json.loads((built / "offline-files.json").read_text(encoding="utf-8"))
    assert written == summary and written["build"] == files["build"]
    assert (written["version"], written["built"], written["core"]["pages"]) == ("2.0", "2026-12-01", 3)
    assert written["core"]["bytes"] == sum(size for _, size, _ in files["core"]) and written["downloads"] == {"files": 1, "bytes": 4}
    again = write_lists(built, "2.0", "2026-12-01", True, ["en"])  # its own lists are never in the copy
    assert again["build"] == summary["build"]


SETTINGS = {"site_name": "Riverside Resistance Toolkit", "committee_name": "Riverside CPC", "colours": {"primary": "#6a1b4d"},
            "contact": {"name": "Lead", "email": "lead@riverside.example"}, "version": "1"}


def test_the_manifest_names_the_site_and_stays_in_its_folder():
    manifest = json.loads(web_app_manifest(SiteSettings(**SETTINGS, short_name="Riverside"), "About it", "en-GB"))
    assert (manifest["name"], manifest["short_name"], manifest["theme_color"], manifest["lang"]) == ("Riverside Resistance Toolkit", "Riverside", "#6a1b4d", "en-GB")
    assert (manifest["start_url"], manifest["scope"]) == ("./", "./")
    assert all(not icon["src"].startswith(("/", "http")) for icon in manifest["icons"])
    assert json.loads(web_app_manifest(SiteSettings(**SETTINGS), None, "en-GB"))["short_name"] == "Riverside Resistance Toolkit"


def logo_files(tmp_path: Path) -> dict[str, Path]:
    """A red 3:1 logo as SVG, PNG and JPEG."""
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"><rect width="30" height="10" fill="#ff0000"/></svg>', encoding="utf-8")
    png, jpg = tmp_path / "logo.png", tmp_path / "logo.jpg"
    Image.new("RGB", (300, 100), "#ff0000").save(png)
    Image.new("RGB", (300, 100), "#ff0000").save(jpg)
    return {"svg": svg, "png": png, "jpg": jpg}


@pytest.mark.parametrize("kind", ["svg", "png", "jpg"])
def test_an_icon_is_the_logo_fitted_in_its_share_of_the_square_on_the_primary_colour(tmp_path, kind):
    icons = make_icons(logo_files(tmp_path)[kind], Path("unused.svg"), "#1f4e79", "#ffffff")
    assert sorted(icons) == sorted(icon.path for icon in ICONS)
    for icon in ICONS:
        with Image.open(io.BytesIO(icons[icon.path])) as image:
            rgb = image.convert("RGB")
            assert rgb.size == (icon.size, icon.size) and rgb.getpixel((0, 0)) == (0x1F, 0x4E, 0x79)
            red = [(x, y) for x in range(icon.size) for y in range(0, icon.size, 4) if rgb.getpixel((x, y))[0] > 200 and rgb.getpixel((x, y))[2] < 80]
            width = max(x for x, _ in red) - min(x for x, _ in red) + 1
            assert abs(width - icon.size * icon.share) <= 3  # the wide logo fills its share across
            assert rgb.getpixel((icon.size // 2, icon.size // 2))[0] > 200  # and sits in the middle


def test_without_a_logo_the_theme_icon_is_drawn_in_the_headers_text_colour(tmp_path):
    glyph = tmp_path / "icon.svg"
    glyph.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M2 2h20v20H2z"/></svg>', encoding="utf-8")
    icons = make_icons(None, glyph, "#1f4e79", "#fafafa")
    with Image.open(io.BytesIO(icons["assets/images/icons/icon-512.png"])) as image:
        assert image.convert("RGB").getpixel((256, 256)) == (0xFA, 0xFA, 0xFA)


def test_a_logo_that_cannot_be_drawn_says_so(tmp_path):
    broken = tmp_path / "logo.svg"
    broken.write_text("<svg", encoding="utf-8")
    with pytest.raises(IconError, match="the SVG could not be drawn"):
        logo_at(broken, 16)
    picture = tmp_path / "logo.png"
    picture.write_bytes(b"not a picture")
    with pytest.raises(IconError, match="not a PNG or JPEG image"):
        logo_at(picture, 16)


def test_icons_are_drawn_once_and_drawn_again_when_what_they_are_made_from_changes(tmp_path, monkeypatch):
    logo, cache = logo_files(tmp_path)["png"], tmp_path / "cache"
    first = make_icons(logo, Path("unused.svg"), "#1f4e79", "#ffffff", cache)
    assert len(list(cache.iterdir())) == 1

    def no_drawing(*args):
        raise AssertionError("drawn again")

    monkeypatch.setattr(icons_module, "icon_png", no_drawing)
    assert make_icons(logo, Path("unused.svg"), "#1f4e79", "#ffffff", cache) == first
    with pytest.raises(AssertionError, match="drawn again"):
        make_icons(logo, Path("unused.svg"), "#6a1b4d", "#ffffff", cache)  # another colour
    Image.new("RGB", (300, 100), "#00ff00").save(logo)
    with pytest.raises(AssertionError, match="drawn again"):
        make_icons(logo, Path("unused.svg"), "#1f4e79", "#ffffff", cache)  # the committee's new logo


def test_icons_no_build_used_for_an_hour_leave_the_cache(tmp_path):
    logo, cache = logo_files(tmp_path)["png"], tmp_path / "cache"
    make_icons(logo, Path("unused.svg"), "#1f4e79", "#ffffff", cache)
    (old,) = cache.iterdir()
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    make_icons(logo, Path("unused.svg"), "#1f4e79", "#ffffff", cache)  # used again: kept
    assert old.is_dir()
    os.utime(old, (two_hours_ago, two_hours_ago))
    make_icons(logo, Path("unused.svg"), "#6a1b4d", "#ffffff", cache)  # another colour; the old folder unused for two hours
    assert not old.exists() and len(list(cache.iterdir())) == 1
    make_icons(logo, Path("unused.svg"), "#1f4e79", "#ffffff", cache)  # back again: the other folder is recent, so kept
    assert len(list(cache.iterdir())) == 2
