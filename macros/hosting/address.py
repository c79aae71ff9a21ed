"""The site's public address (SITE_URL), checked before a build for hosting writes anything: it must be the
folder the site is served from, `http(s)://host/path/`, and one a reader can open. Every canonical link, QR
code, "Report a problem" mail and address printed on paper is made from it, so a mistake here would be
published on every page. `./run serve` previews at this computer's own address and is not checked."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit, urlunsplit

EXAMPLE = "https://intranet.example/cp/portfolio/"
# A last path segment like "index.html", "default.aspx": a page, not the folder the site is served from (a
# folder named "portfolio.v2" is still a folder).
_FILE_NAME = re.compile(r"\.(x?html?|shtml|php\d?|aspx?|jspx?|cfm|cgi|md|txt|xml|json|pdf)$", re.I)


def _loopback(host: str) -> bool:
    """This computer's own address: localhost (and names under it), 127.x, ::1, or 0.0.0.0."""
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or address.is_unspecified or bool(mapped and (mapped.is_loopback or mapped.is_unspecified))


def site_url_problem(value: str | None, name: str = "SITE_URL") -> str | None:
    """Why `value` cannot be the public address of a hosted site, in one line that says what to set; None if it can."""
    if not value:
        return None
    try:
        parts = urlsplit(value)
        host, port = parts.hostname or "", parts.port  # .port reads the port, and refuses one that is not a number
    except ValueError:
        return f"{name}={value}: this is not a web address; set the address the site is served from, e.g. {EXAMPLE}"
    shown = f"{name}={value}"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return f"{shown}: give the site's web address, starting https:// (or http://), e.g. {EXAMPLE}"
    if parts.username is not None or parts.password is not None:
        netloc = host if port is None else f"{host}:{port}"
        clean = urlunsplit((parts.scheme, netloc, parts.path or "/", "", ""))
        return f"{shown}: give the address without a user name or password, which every page would publish, e.g. {clean}"
    path = parts.path or "/"
    last = next((segment for segment in reversed(path.split("/")) if segment), "")
    named_file = bool(last and _FILE_NAME.search(last))
    if named_file:
        path = path.rstrip("/")
        path = path[: path.rindex("/") + 1]
    folder = urlunsplit((parts.scheme, parts.netloc, path if path.endswith("/") else path + "/", "", ""))
    if "?" in value or "#" in value:
        return f"{shown}: give the folder the site is served from, without '?' or '#' and what follows, ending in /, e.g. {folder}"
    if named_file:
        return f"{shown}: give the folder the site is served from, ending in /, e.g. {folder}"
    if _loopback(host):
        return (f"{shown}: that is this computer's own address, which no reader can open; set the public address the site "
                f"is served from, e.g. {EXAMPLE} (./run serve previews the site on this computer without it)")
    return None
