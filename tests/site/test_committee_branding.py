"""A committee's branding and choices, built: the browser's and a phone's icons from its logo, a logo for
white paper (or a word when the logo would barely show on it), its name once where the site bears it,
the core training packs it hides; and no link without an address on any page."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from macros.commands.bundle import readme
from macros.load import DataError, load_project
from tests.helpers import fixture_data, fixture_project, page, run_mkdocs, soup

CORE = fixture_data()
[PACK] = CORE.packs[:1]
NAME = "Riverside Child Protection Committee"
LIGHT_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#ffffff"/></svg>\n'
PRINT_LOGO = LIGHT_LOGO.replace("#ffffff", "#1f2a44")


def settings(*lines: str) -> str:
    return "site:\n" + "".join(f"  {line}\n" for line in lines)


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """A committee whose site bears its own name, with a white logo (for its dark header) and no logo for
    paper, hiding the core training pack; built once."""
    tmp = tmp_path_factory.mktemp("branded")
    project = fixture_project(tmp / "project")
    local = project / "data" / "local"
    local.mkdir(exist_ok=True)
    (local / "logo-light.svg").write_text(LIGHT_LOGO, encoding="utf-8")
    (local / "site.yml").write_text(settings(f'site_name: "{NAME}"', 'short_name: "Riverside"', f'committee_name: "{NAME}"',
                                             'logo: "local/logo-light.svg"', f"hide_packs: [{PACK.id}]"), encoding="utf-8")
    out = tmp / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    return project, out, result.stderr


def png(path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes())).convert("RGB")


def test_the_favicon_and_the_apple_touch_icon_are_drawn_from_the_committees_logo(branded):
    _, site, _ = branded
    home = page(site, "")
    icon = home.select_one("link[rel=icon]")["href"]
    assert icon == "assets/images/icons/favicon-32.png"
    assert page(site, f"case-studies/{CORE.case_studies[0].id}").select_one("link[rel=icon]")["href"] == "../../" + icon
    primary = tuple(int(CORE.site.colours.primary[i : i + 2], 16) for i in (1, 3, 5))
    for path, size in ((icon, 32), (home.select_one("link[rel=apple-touch-icon]")["href"], 180)):
        drawn = png(site / path)
        assert drawn.size == (size, size), path
        # The logo (a white bar) in the middle, on the header's colour: not the theme's own icon.
        assert drawn.getpixel((0, 0)) == primary and drawn.getpixel((size // 2, size // 2)) == (255, 255, 255), path


def test_a_light_logo_without_one_for_paper_is_named_at_info_and_a_logo_print_goes_on_the_cover(branded, tmp_path):
    project, site, stderr = branded
    notice = next(line for line in stderr.splitlines() if "logo_print" in line)
    assert notice.startswith("INFO") and "local/logo-light.svg" in notice and "100% light" in notice
    assert page(site, "print").select_one(".wwr-cover img")["src"].endswith("assets/images/logo.svg")

    (project / "data" / "local" / "logo-print.svg").write_text(PRINT_LOGO, encoding="utf-8")
    with (project / "data" / "local" / "site.yml").open("a", encoding="utf-8") as file:
        file.write('  logo_print: "local/logo-print.svg"\n')
    out = tmp_path / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    assert "logo_print" not in result.stderr
    cover = page(out, "print").select_one(".wwr-cover img")
    assert cover["src"] == "../assets/images/logo-print.svg" and cover["alt"] == NAME
    assert (out / "assets" / "images" / "logo-print.svg").read_text(encoding="utf-8") == PRINT_LOGO
    assert page(out, "").select_one(".md-header__button.md-logo img")["src"].endswith("assets/images/logo.svg")


def test_a_committee_whose_site_bears_its_name_is_named_once(branded, monkeypatch):
    """Not "X · X" nor "X (X)", nor "printed by X from the X site": on the cover, a Part's print page, the
    footer and the bundle's README."""
    project, site, _ = branded
    cover = page(site, "print").select_one(".wwr-cover")
    assert cover.get_text().count(NAME) == 1 and cover.select_one("h1").get_text(strip=True).rstrip("¶") == NAME
    part = CORE.book.parts[1].part
    printed_from = page(site, f"print/{part}").select_one(".wwr-print-from").get_text()
    assert printed_from.count(NAME) == 1 and f"printed by {NAME} (edition" in printed_from
    assert page(site, "").select_one("footer").get_text().count(NAME) == 1
    monkeypatch.chdir(project)
    text = readme("https://intranet.example/cp/portfolio/")
    assert f"{NAME} ({NAME})" not in text and f"{NAME} · {NAME}" not in text
    assert f"This zip holds the whole {NAME} portfolio site, twice:" in text


def test_a_hidden_core_pack_is_in_no_list_and_has_no_downloads_but_keeps_its_page(branded):
    project, site, _ = branded
    kept = page(site, f"packs/{PACK.id}")
    notice = kept.select_one(".admonition")
    assert notice is not None and f"Not offered by {NAME}" in notice.get_text()
    assert not kept.select("a[download]")
    assert not [file.name for file in (site / "downloads").iterdir() if PACK.id in file.name]
    for html in site.rglob("*.html"):
        if f"packs/{PACK.id}/" not in html.as_posix():
            links = [a["href"] for a in soup(html).select("a[href]") if f"packs/{PACK.id}/" in a["href"] or a["href"].rstrip("/").endswith(PACK.id)]
            assert links == [], html
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith(f"packs/{PACK.id}/")]


def test_hide_packs_all_hides_every_core_pack_and_an_unknown_one_is_named(tmp_path):
    project = fixture_project(tmp_path / "project")
    local = project / "data" / "local"
    local.mkdir(exist_ok=True)
    (local / "site.yml").write_text(settings("hide_packs: all"), encoding="utf-8")
    loaded = load_project(project)
    assert loaded.data.packs == [] and loaded.data.hidden == {("packs", pack.id) for pack in CORE.packs}
    assert [pack.id for pack in loaded.data.every("packs")] == [pack.id for pack in CORE.packs]
    (local / "site.yml").write_text(settings(f"hide_packs: [{PACK.id}x]"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_project(project)
    assert [str(problem) for problem in raised.value.problems] == [
        f"data/local/site.yml:2: site.hide_packs: unknown training pack '{PACK.id}x' (did you mean '{PACK.id}'?); the training packs are: {PACK.id}"]


def test_no_page_has_a_link_without_an_address(site):
    """Every <a> of every built page has an href: a slot a script may fill (a handout's address, built
    without SITE_URL) is no link until it is filled."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    empty = [(html.relative_to(site).as_posix(), str(a)[:120]) for html in pages for a in soup(html).find_all("a") if not a.has_attr("href")]
    assert empty == []


def test_the_committees_names_and_the_bundle_readme_for_the_core(tmp_path, monkeypatch):
    """The core's own names differ (the site and its publisher): the README names both, once each."""
    project = fixture_project(tmp_path / "project")
    monkeypatch.chdir(project)
    text = readme(None)
    assert f"This zip holds the whole {CORE.site.site_name} portfolio site ({CORE.site.committee_name}), twice:" in text
