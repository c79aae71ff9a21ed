"""The end of a build, once every page is written and Material's search plugin has written its index:
the whole-portfolio page's body, the downloads written meanwhile in other processes, the lists of what
an offline copy saves (made from all of those), and what web servers need. A failure here stops the
build before the new site is moved into place."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from ..hosting.digests import FileDigests
from ..outputs.cache import DownloadFailure
from .assets import copy_downloads
from .hosting import finish_for_servers
from .offline import write_offline_lists
from .print_page import PrintedPortfolio
from .state import BuildState


def finish_site(site_dir: Path, state: BuildState, whole: PrintedPortfolio | None, files, config, offline: bool, compress: bool) -> None:
    if whole:
        whole.write(state)
    try:
        copy_downloads(files, state)
    except DownloadFailure as exc:
        raise PluginError(f"A download could not be made; nothing was built:\n{exc}") from None
    digests = FileDigests()  # the offline lists and the compressed copies' cache both go by them
    if not offline:
        write_offline_lists(site_dir, state, config, digests)
    finish_for_servers(site_dir, state, compress, digests)
