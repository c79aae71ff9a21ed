"""What a built site gives for the offline copy (README: "Offline on a phone"): the lists of what a
copy saves, complete and exact; the web app manifest and its icons, from the committee's settings;
the control on the home page and the "Save for offline use" page, linked from every page's footer.
The browser saving and using the copy is tests/browser/test_offline_copy.py."""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path

import pytest
from PIL import Image

from macros.offline import NAMES_SCRIPT
from macros.offline.names import names_script
from tests.helpers import COMMITTEE_FIXTURE, fixture_data, html_pages, page, site_paths, soup

DATA = fixture_data()
NEVER_SAVED = (".gz", ".br", ".map")


def lists(site_dir: Path) -> tuple[dict, dict]:
    summary = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))
    files = json.loads((site_dir / "offline-files.json").read_text(encoding="utf-8"))
    return summary, files


def file_of(site_dir: Path, url: str) -> Path:
    return site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)


def loaded_by(site_dir: Path, html: Path) -> set[str]:
    """The site's files a page loads itself: stylesheets, scripts, pictures, the manifest and icons,
    and the search worker and index its configuration names."""
    doc = soup(html)
    refs = [tag.get("href") for tag in doc.select("link[href]") if set(tag.get("rel", [])) & {"stylesheet", "manifest", "icon", "apple-touch-icon"}]
    refs += [tag.get("src") for tag in doc.select("script[src], img[src]")]
    config = json.loads(doc.select_one("#__config").get_text())
    refs += [config["search"], posixpath.join(config["base"], "search/search_index.json")]
    here = html.parent.relative_to(site_dir).as_posix()
    found = set()
    for ref in refs:
        if ref and "://" not in ref and not ref.startswith("data:"):
            found.add(posixpath.normpath(posixpath.join(here, ref.split("#")[0].split("?")[0])))
    return found


def test_the_copy_lists_every_page_and_every_file_the_pages_load_exactly_as_built(site):
    summary, files = lists(site)
    assert summary["build"] == files["build"] and summary["version"] == DATA.edition.version
    core = {url: (size, sha) for url, size, sha in files["core"]}
    assert set(site_paths(site)) <= set(core)
    for html in html_pages(site):
        for path in loaded_by(site, html):
            assert path in core, f"{html.relative_to(site)} loads {path}, which the copy would lack"
    for url, (size, sha) in {**core, **{u: (s, h) for u, s, h in files["downloads"]}}.items():
        data = file_of(site, url).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()[: len(sha)]) == (size, sha), url
    assert not [url for url in core if url.endswith(NEVER_SAVED) or url.rsplit("/", 1)[-1] in {".htaccess", "web.config", "404.html", "offline-worker.js"}]
    assert not [url for url in core if url.startswith(("assets/javascripts/lunr/", "downloads/"))]  # English search needs no lunr language file
    assert sorted(u for u, _, _ in files["downloads"]) == sorted(f"downloads/{p.name}" for p in (site / "downloads").iterdir() if not p.name.endswith(NEVER_SAVED))
    assert summary["core"] == {"files": len(core), "bytes": sum(s for s, _ in core.values()), "pages": len(site_paths(site))}
    assert summary["downloads"] == {"files": len(files["downloads"]), "bytes": sum(s for _, s, _ in files["downloads"])}


def test_the_site_carries_the_names_the_copys_scripts_share(site):
    """Written by the build from macros/offline/__init__.py (tests/unit/test_offline.py checks what they are)."""
    assert (site / NAMES_SCRIPT).read_text(encoding="utf-8") == names_script(True, "not-in-offline-copy.md")


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def icon_colours(path: Path) -> tuple[tuple, float]:
    """An icon's corner colour, and the share of its pixels that are white."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        white = sum(count for count, colour in rgb.getcolors(rgb.width * rgb.height) if colour == (255, 255, 255))
        return rgb.getpixel((0, 0)), white / (rgb.width * rgb.height)


def manifest_of(site_dir: Path) -> dict:
    return json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))


@pytest.mark.parametrize("build", ["site", "committee_site"])
def test_every_page_links_the_manifest_which_carries_the_committees_names_and_colour(request, build):
    site_dir = request.getfixturevalue(build)
    settings = DATA.site if build == "site" else fixture_data(committee=True).site
    for html in html_pages(site_dir):
        doc = soup(html)
        here = html.parent.relative_to(site_dir).as_posix()
        [manifest] = doc.select("link[rel=manifest]")
        assert posixpath.normpath(posixpath.join(here, manifest["href"])) == "manifest.webmanifest", html
        assert doc.select_one("meta[name=theme-color]")["content"] == settings.colours.primary
    manifest = manifest_of(site_dir)
    assert (manifest["name"], manifest["short_name"], manifest["theme_color"]) == (settings.site_name, settings.short_name, settings.colours.primary)
    # Relative to the manifest: the installed site opens in its own folder, whatever the sub-path.
    assert (manifest["start_url"], manifest["scope"], manifest["id"], manifest["display"]) == ("./", "./", "./", "standalone")
    for icon in manifest["icons"]:
        with Image.open(site_dir / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
    assert {(i["sizes"], i["purpose"]) for i in manifest["icons"]} == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}


def test_the_committees_icon_is_its_logo_on_its_header_colour(committee_site):
    """The fixture's logo is a white disc 20/24 of its width: drawn in 75% of an icon (56% of a maskable
    one, inside the circle a launcher may crop to), on the committee's primary colour."""
    assert (COMMITTEE_FIXTURE / "riverside-logo.svg").read_text(encoding="utf-8").count("<circle") == 1
    primary = rgb(fixture_data(committee=True).site.colours.primary)
    for name, share in [("icon-512.png", 0.75), ("icon-192.png", 0.75), ("maskable-512.png", 0.56)]:
        corner, white = icon_colours(committee_site / "assets" / "images" / "icons" / name)
        disc = 3.14159 * (share * 20 / 24 / 2) ** 2
        assert corner == primary and abs(white - disc) < 0.02, (name, white, disc)


def test_without_a_logo_the_icon_is_the_headers_own_icon_in_its_text_colour(site):
    corner, white = icon_colours(site / "assets" / "images" / "icons" / "icon-512.png")
    assert corner == rgb(DATA.site.colours.primary) and DATA.site.logo is None
    assert 0.1 < white < 0.5  # Material's book-and-reader icon, drawn in the header's white


def test_the_control_is_on_the_home_page_and_its_own_page_linked_from_every_footer(site):
    for path in ("", "offline/"):
        control = page(site, path).select_one("[data-wwr-offline]")
        assert control.select_one("button[data-wwr-offline-save]").get_text() == "Save for offline use"
        assert control.select_one("label input[type=checkbox][data-wwr-offline-downloads]")
        assert "needs JavaScript" in control.select_one("[data-wwr-offline-note]").get_text()
    for html in html_pages(site):
        link = soup(html).select_one("footer a.wwr-offline-link")
        here = html.parent.relative_to(site).as_posix()
        assert link.get_text() == "Save for offline use" and posixpath.normpath(posixpath.join(here, link["href"])) == "offline", html
    statement = " ".join(page(site, "accessibility").select_one("article").get_text(" ").split()).replace(" :", ":")
    for said in ("what is stored: the website's pages", "when: only after you press the button", "where: on this device only",
                 'how to remove it: press "Remove offline copy"'):
        assert said in statement
