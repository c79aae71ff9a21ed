"""The last step of a build, for web servers: their settings files, and the pre-compressed copies
(not for `mkdocs serve`, which compresses nothing, nor for an offline copy read from file://)."""

from __future__ import annotations

from pathlib import Path

from ..hosting.compress import write_compressed
from ..hosting.configs import write_configs
from ..hosting.digests import FileDigests
from .state import TEMPLATE_CACHE, BuildState

COMPRESSED_CACHE = Path(TEMPLATE_CACHE).parent / "compressed"


def finish_for_servers(site_dir: Path, state: BuildState, compress: bool, digests: FileDigests) -> None:
    write_configs(state.env, site_dir, state.settings.site_url)
    if compress:
        write_compressed(site_dir, state.settings.root / COMPRESSED_CACHE, digests)
