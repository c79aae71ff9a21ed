"""The web app manifest (manifest.webmanifest, at the site's root): the committee's names and colour,
and addresses relative to the manifest, so the installed site opens in its own folder under any sub-path."""

from __future__ import annotations

import json

from ..model.kinds.site import SiteSettings
from .icons import ICONS


def web_app_manifest(site: SiteSettings, description: str | None, lang: str) -> str:
    manifest = {
        "name": site.site_name,
        "short_name": site.short_name or site.site_name,
        "description": description or site.site_name,
        "lang": lang,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": site.colours.primary,
        # A manifest has one background, the splash a phone shows while the site opens: the header's colour,
        # which the page opens with in both schemes, so neither a light nor a dark phone sees a flash of the
        # other scheme's page colour (the logo's icons are drawn on it too).
        "background_color": site.colours.primary,
        "icons": [{"src": icon.path, "sizes": f"{icon.size}x{icon.size}", "type": "image/png", "purpose": icon.purpose} for icon in ICONS if icon.purpose],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False)
