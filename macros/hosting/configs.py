"""Server settings shipped with the site, from templates in overrides/portfolio/hosting/: each
turns on compression (or sends the pre-compressed copies), caches Material's fingerprinted assets
for a year and pages for no time, gives the right types, and sends the Content Security Policy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup

from ..render.templates import render
from . import CONTENT_SECURITY_POLICY, DOWNLOAD_TYPES, TEXT_TYPES

# file written in the site -> its template
CONFIGS = {".htaccess": "hosting/htaccess.txt", "web.config": "hosting/web.config"}
NGINX = "hosting/nginx.conf"


FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(css|js)$")


# The sub-path docs/committees.md gives its nginx settings for (its example SITE_URL's).
EXAMPLE_PREFIX = "/cp/portfolio/"


def site_path(site_url: str | None) -> str:
    """The site's path on its server, from its public address (SITE_URL), with a slash at each end: `/` without one."""
    path = urlsplit(site_url).path if site_url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def context(site_dir: Path | None = None, site_url: str | None = None) -> dict:
    fingerprinted = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if FINGERPRINTED.search(p.name)) if site_dir else []
    return {"policy": Markup(CONTENT_SECURITY_POLICY), "text_types": TEXT_TYPES, "download_types": DOWNLOAD_TYPES, "fingerprinted": fingerprinted,
            "prefix": site_path(site_url)}


def write_configs(env: Environment, site_dir: Path, site_url: str | None = None) -> None:
    """Write .htaccess and web.config into the built site; their 404 page is the site's own, at its address's path."""
    settings = context(site_dir, site_url)
    for name, template in CONFIGS.items():
        (site_dir / name).write_text(render(env, template, **settings), encoding="utf-8")


def nginx_snippet(env: Environment, root: str = "/var/www/portfolio", prefix: str = EXAMPLE_PREFIX) -> str:
    """The nginx settings docs/committees.md gives committees (a `server` block's contents), for the site in
    the folder `root` at the address `prefix` (a path with a slash at each end)."""
    return render(env, NGINX, **{**context(), "root": root.rstrip("/"), "prefix": prefix})
