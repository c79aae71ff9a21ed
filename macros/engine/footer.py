"""A page's public address, and the footer's links: report a problem with this page, the
accessibility statement, and saving the site for offline use."""

from __future__ import annotations

from urllib.parse import quote, urlencode, urljoin

from ..render.pages import url_of


def use_public_address(page, site_url: str | None) -> None:
    """An offline copy (pages as `one.html`) built with SITE_URL gives the hosted site's addresses,
    which use folders (`one/`), as its canonical and "Report a problem" addresses."""
    if site_url:
        page.canonical_url = urljoin(site_url, url_of(page.file.src_uri, directory_urls=True))


def footer_links(page, files, contact, footer) -> dict[str, str | None]:
    """A mail link to the committee's contact that carries the page's address, and the URLs of the accessibility
    statement and the offline page (`footer`: data/book.yml's)."""
    address = page.canonical_url or page.url
    query = urlencode({"subject": f"Problem with a page: {page.title}", "body": f"Page: {address}\n\nWhat is wrong:\n"}, quote_via=quote)
    statement = files.get_file_from_path(footer.accessibility)
    offline = files.get_file_from_path(footer.offline)
    return {
        "report_href": f"mailto:{quote(contact.email, safe='@')}?{query}",
        "accessibility_url": statement.url_relative_to(page.file) if statement else None,
        "offline_url": offline.url_relative_to(page.file) if offline else None,
    }
