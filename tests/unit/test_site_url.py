"""SITE_URL, checked: the folder the site is served from, at an address readers can open (tests/site/test_site_url.py
runs each refusal through the real command line)."""

from __future__ import annotations

import pytest

from macros.hosting.address import site_url_problem

FOLDER = "https://intranet.example/cp/portfolio/"


@pytest.mark.parametrize("value", [FOLDER, "https://intranet.example/cp/portfolio", "https://intranet.example", "http://cp.example.org:8080/portfolio.v2/",
                                   "https://intranet.example/cp/index/", "https://192.168.1.20/cp/", None, ""])
def test_a_folder_address_is_accepted(value):
    assert site_url_problem(value) is None


@pytest.mark.parametrize("value,folder", [(f"{FOLDER}index.html", FOLDER), (f"{FOLDER}Default.aspx", FOLDER), (f"{FOLDER}index.html/", FOLDER),
                                          ("https://intranet.example/index.htm", "https://intranet.example/")])
def test_a_page_is_answered_with_its_folder(value, folder):
    assert site_url_problem(value) == f"SITE_URL={value}: give the folder the site is served from, ending in /, e.g. {folder}"


@pytest.mark.parametrize("value", [f"{FOLDER}?a=1", f"{FOLDER}#top", f"{FOLDER}?", f"{FOLDER}index.html?a=1", "https://intranet.example/cp/portfolio#top"])
def test_a_query_or_fragment_is_refused(value):
    assert site_url_problem(value) == (f"SITE_URL={value}: give the folder the site is served from, without '?' or '#' and what follows, "
                                       f"ending in /, e.g. {FOLDER}")


@pytest.mark.parametrize("value", ["http://localhost/", "http://LOCALHOST:8000/cp/", "http://portfolio.localhost/", "http://127.0.0.1:8000/",
                                   "http://127.1.2.3/", "http://[::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"])
def test_this_computers_own_address_is_refused(value):
    assert site_url_problem(value).startswith(f"SITE_URL={value}: that is this computer's own address, which no reader can open; ")


def test_other_mistakes_say_what_to_set():
    assert site_url_problem("ftp://intranet.example/cp/") == f"SITE_URL=ftp://intranet.example/cp/: give the site's web address, starting https:// (or http://), e.g. {FOLDER}"
    assert site_url_problem("https://me:pw@intranet.example:8443/cp/") == ("SITE_URL=https://me:pw@intranet.example:8443/cp/: give the address without a user "
                                                                          "name or password, which every page would publish, e.g. https://intranet.example:8443/cp/")
    assert site_url_problem("https://intranet.example:99999/").startswith("SITE_URL=https://intranet.example:99999/: this is not a web address")
