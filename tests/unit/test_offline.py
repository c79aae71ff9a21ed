"""The offline copy's lists, its build id, the web app manifest and the icons (macros/offline/), on
small folders and pictures made here; the names its scripts share, written once (macros/offline/names.py)."""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from macros import offline
from macros.load.logo import IconError, logo_at
from macros.model.kinds.site import SiteSettings
from macros.offline import icons as icons_module
from macros.offline.icons import ICONS, make_icons
from macros.offline.lists import build_id, lunr_files, site_files, write_lists
from macros.offline.manifest import web_app_manifest
from macros.offline.names import GLOBAL, names_script, shared_names
from tests.helpers import ROOT

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
            "contact": {"name": "Lead", "email": "lead@riverside.example"}}


def test_the_manifest_names_the_site_and_stays_in_its_folder():
    manifest = json.loads(web_app_manifest(SiteSettings(**SETTINGS, short_name="Riverside"), "About it", "en-GB"))
    assert (manifest["name"], manifest["short_name"], manifest["theme_color"], manifest["lang"]) == ("Riverside Resistance Toolkit", "Riverside", "#6a1b4d", "en-GB")
    assert (manifest["start_url"], manifest["scope"]) == ("./", "./")
    # One splash for both schemes: the header's colour, which the page opens with in either (not white).
    assert manifest["background_color"] == manifest["theme_color"] == "#6a1b4d"
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


# The script the build writes, run as a browser or the worker runs it: what it defines, and whether frozen.
DEFINED = """
const vm = require("vm");
const context = vm.createContext({});
vm.runInContext(require("fs").readFileSync(0, "utf8"), context);
const names = context[process.argv[1]];
console.log(JSON.stringify({ names, frozen: Object.isFrozen(names), globals: Object.keys(context) }));
"""

# Every string and template literal of each script (espree: ESLint's own parser), comments left out.
LITERALS = """
const espree = require("espree");
const fs = require("fs");
const literals = {};
for (const file of process.argv.slice(1)) {
  const tokens = espree.tokenize(fs.readFileSync(file, "utf8"), { ecmaVersion: "latest" });
  literals[file] = tokens.filter((t) => t.type === "String" || t.type === "Template").map((t) => t.value);
}
console.log(JSON.stringify(literals));
"""


def node(script: str, *args: str, stdin: str = "") -> dict:
    result = subprocess.run(["node", "-e", script, *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_names_script_defines_exactly_the_python_names_frozen(directory_urls):
    ran = node(DEFINED, GLOBAL, stdin=names_script(directory_urls, "not-in-offline-copy.md"))
    not_saved = "not-in-offline-copy/" if directory_urls else "not-in-offline-copy.html"
    assert ran == {"globals": [GLOBAL], "frozen": True, "names": {
        "caches": offline.CACHES, "pointerCache": offline.POINTER_CACHE, "pointerEntry": offline.POINTER_ENTRY,
        "copyCache": offline.COPY_CACHE, "saveHeader": offline.SAVE_HEADER, "summary": offline.SUMMARY, "lists": offline.LISTS,
        "worker": offline.WORKER, "notSaved": not_saved}}
    assert offline.NAMES_SCRIPT.endswith(".js")


def spells(literal: str, name: str) -> bool:
    """A literal spells a name: a file name, the header or the cache prefix anywhere in it as a name of its
    own ('wwr-offline ' does; 'wwr-offline-banner', a class, does not); a plain word such as 'copy' or
    'pointer' (the parts of cache names) only as the literal's whole text (not the reader's 'offline copy')."""
    text = literal.strip("'\"`${}").strip()
    if re.fullmatch(r"[a-z]+", name):
        return text == name
    return re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w.-])", literal) is not None


def test_no_script_and_no_other_python_spells_the_shared_names():
    """Each name is written once, in macros/offline/__init__.py: the page scripts and the worker read
    them from the script the build writes, and the rest of the Python imports them."""
    names = set(shared_names(True, "not-in-offline-copy.md").values()) | set(shared_names(False, "not-in-offline-copy.md").values())
    scripts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "overrides").rglob("*.js"))
    assert "overrides/offline-worker.js" in scripts and "overrides/assets/javascripts/offline-copy.js" in scripts
    found = [(file, literal, name) for file, literals in node(LITERALS, *scripts).items() for literal in literals for name in names if spells(literal, name)]
    assert found == []
    assert spells('"wwr-offline "', offline.CACHES) and spells('" copy "', offline.COPY_CACHE) and spells("`${SCOPE}offline.json`", offline.SUMMARY)
    assert not spells('"wwr-offline-banner"', offline.CACHES) and not spells('"(not in your offline copy)"', offline.COPY_CACHE)
    # The one name that cannot come from the names script is its own: the worker and the page's loader
    # (beside it, in assets/javascripts/) name it as the build writes it.
    worker = (ROOT / "overrides" / "offline-worker.js").read_text(encoding="utf-8")
    loader = (ROOT / "overrides" / "assets" / "javascripts" / "offline-when-saved.js").read_text(encoding="utf-8")
    assert f'importScripts("{offline.NAMES_SCRIPT}");' in worker and offline.NAMES_SCRIPT.startswith("assets/javascripts/")
    assert f'"{offline.NAMES_SCRIPT.rsplit("/", 1)[-1]}"' in loader
    distinctive = {name for name in names if not re.fullmatch(r"[a-z]+", name)}
    home = ROOT / "macros" / "offline" / "__init__.py"
    for module in sorted((ROOT / "macros").rglob("*.py")):
        if module != home:
            strings = {n.value.strip() for n in ast.walk(ast.parse(module.read_text(encoding="utf-8"))) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
            assert not strings & distinctive, module
