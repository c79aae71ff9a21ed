"""The committee's settings and edition put into mkdocs' configuration: the site's name, the footer's values,
the logo, and where offline copies find search's worker shim."""

from __future__ import annotations

from ..model.vocab import long_date
from .assets import IFRAME_WORKER_SHIM, logo_url
from .state import BuildState


def apply_settings(config, state: BuildState, offline: bool) -> None:
    settings = state.data.site
    config.site_name = settings.site_name
    config.site_author = settings.committee_name  # every page's <meta name="author">, and so every PDF's author
    # offline_copy: the manifest, and the worker a reader may ask for; never in a copy opened from file://.
    # build_date is what a page shows ({{ build_date }} in prose: 7 December 2026); build_day compares with review dates.
    config.extra.update(build_date=long_date(state.build_date), build_day=state.build_date, site=settings.model_dump(mode="json"),
                        site_edition=state.data.edition.model_dump(mode="json"), offline_copy=not offline)
    if state.logo:
        config.theme["logo"] = logo_url(state)
    if offline:
        # Named so that Material's offline plugin does not add its copy from unpkg.com.
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]


def is_offline(config) -> bool:
    """True for an `OFFLINE=true` build (Material's offline plugin): a copy that works from file://."""
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)
