"""`./run check-links` (python -m macros check-links): check that the web addresses the site points to still answer.

Lists every external (http/https) address in `data/` and `content/` (and, with `--site-dir`, in
the built pages), asks each one with a short timeout (HEAD, then GET when HEAD is refused),
follows at most five redirects, and prints one status per address with the files that use it:

    200 OK  https://example.org/
        data/tools.yml:8
    301 -> https://example.org/new (200 OK)  https://example.org/old
        content/part-five/index.md:12
    404 Not Found  https://example.org/gone
        data/resources.yml:40

Exit status 1 when any address is broken (4xx or 5xx, timeout, or another error), else 0.
Only the standard library is used; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import http.client
import re
import socket
import ssl
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "wwr-portfolio-check-links/1.0 (Python urllib; link check of a static site)"

# An address in Markdown or YAML text: stops at white space, quotes, angle brackets and the
# brackets that close a Markdown link; a trailing full stop or comma belongs to the sentence.
_URL = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_"


@dataclass(frozen=True)
class Use:
    """Where an address is written: a file and a line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Result:
    status: str
    broken: bool


def _clean(url: str) -> str:
    """Drop sentence punctuation and a closing bracket that belongs to the surrounding Markdown."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def urls_in_text(text: str) -> list[tuple[str, int]]:
    """Each http(s) address in a text file, with its 1-based line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _URL.finditer(line):
            url = _clean(match.group(0))
            if urlsplit(url).hostname:
                found.append((url, number))
    return found


class _Links(HTMLParser):
    """The http(s) addresses a built page links to or loads (href, src)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and value.lower().startswith(("http://", "https://")) and urlsplit(value).hostname:
                self.found.append((value, self.getpos()[0]))


def urls_in_html(text: str) -> list[tuple[str, int]]:
    parser = _Links()
    parser.feed(text)
    parser.close()
    return parser.found


def collect(data_dir: Path | None, content_dir: Path | None, site_dir: Path | None = None) -> dict[str, list[Use]]:
    """Every external address, in first-seen order, with each place that uses it."""
    uses: dict[str, list[Use]] = {}

    def add(path: Path, found: list[tuple[str, int]]) -> None:
        name = _display(path)
        for url, line in found:
            places = uses.setdefault(url, [])
            if Use(name, line) not in places:
                places.append(Use(name, line))

    sources: list[tuple[Path | None, tuple[str, ...], bool]] = [
        (data_dir, ("*.yml", "*.yaml"), False),
        (content_dir, ("*.md", "*.html"), False),
        (site_dir, ("*.html",), True),
    ]
    for folder, patterns, built in sources:
        if folder is None or not folder.is_dir():
            continue
        files = sorted({p for pattern in patterns for p in folder.rglob(pattern) if p.is_file()})
        for path in files:
            text = path.read_text(encoding="utf-8", errors="replace")
            add(path, urls_in_html(text) if built else urls_in_text(text))
    return uses


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to check(), which follows and reports them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects())


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""


def _request(url: str, method: str, timeout: float) -> tuple[int, str | None]:
    """(status code, Location header) of one request; errors other than HTTP statuses are raised."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers.get("Location")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers.get("Location") if exc.headers else None


def _ask(url: str, timeout: float) -> tuple[int, str | None]:
    code, location = _request(url, "HEAD", timeout)
    if code in (405, 501):  # HEAD not allowed or not implemented: ask again with GET
        code, location = _request(url, "GET", timeout)
    return code, location


def _error(exc: BaseException) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return "timeout"
    if isinstance(reason, socket.gaierror):
        return f"error: the site name could not be found ({reason.strerror or reason})"
    if isinstance(reason, ssl.SSLError):
        return f"error: secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"error: {reason.strerror.lower()}"
    return f"error: {reason}"


def _status(hops: list[str], final: str) -> str:
    """`200 OK`, or with redirects `301 -> <location>, 302 -> <location> (200 OK)`."""
    return f"{', '.join(hops)} ({final})" if hops else final


def check(url: str, timeout: float) -> Result:
    """Ask for `url`, following up to MAX_REDIRECTS redirects; a status line and whether it is broken."""
    current = urldefrag(url)[0]
    hops: list[str] = []
    for _ in range(MAX_REDIRECTS + 1):
        try:
            code, location = _ask(current, timeout)
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            return Result(_status(hops, _error(exc)), True)
        if code in REDIRECTS and location:
            current = urljoin(current, location)
            hops.append(f"{code} -> {current}")
            if urlsplit(current).scheme not in ("http", "https"):
                return Result(_status(hops, "error: the redirect leads away from the web"), True)
            continue
        return Result(_status(hops, f"{code} {_phrase(code)}".rstrip()), code >= 400)
    return Result(_status(hops, f"error: more than {MAX_REDIRECTS} redirects"), True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run check-links", description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait for each answer (default: 10)")
    parser.add_argument("--data-dir", type=Path, default=Path("data"), metavar="DIR", help="the data folder (default: data)")
    parser.add_argument("--content-dir", type=Path, default=Path("content"), metavar="DIR", help="the Markdown pages (default: content)")
    parser.add_argument("--site-dir", type=Path, metavar="DIR", help="also check the addresses in a built site (e.g. site)")
    parser.add_argument("--jobs", type=int, default=8, metavar="N", help="addresses checked at once (default: 8)")
    args = parser.parse_args(argv)

    for folder in (args.data_dir, args.content_dir, args.site_dir):
        if folder is not None and not folder.is_dir():
            parser.error(f"{folder} is not a folder")
    uses = collect(args.data_dir, args.content_dir, args.site_dir)
    if not uses:
        print("No external addresses found.")
        return 0

    urls = sorted(uses)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = dict(zip(urls, pool.map(lambda u: check(u, args.timeout), urls)))

    for url in urls:
        result = results[url]
        print(f"{result.status}  {url}")
        for use in uses[url]:
            print(f"    {use}")
    broken = sum(1 for r in results.values() if r.broken)
    redirected = sum(1 for r in results.values() if "->" in r.status and not r.broken)
    print(f"\n{len(urls)} addresses checked: {len(urls) - broken - redirected} fine, {redirected} redirected, {broken} broken")
    sys.stdout.flush()
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
