"""Lighthouse (mobile defaults) on the home page, a case study and the ready reckoner, served once
gzip-compressed (as nginx, Apache or IIS with compression on) and once as the files are (as many
intranet servers and shared drives send them); the median of several runs of each."""

from __future__ import annotations

import statistics
import subprocess
from pathlib import Path

from .web import QuietHandler, lighthouse_scores, serve_directory

PAGES = ("home", "case study", "ready reckoner")
SERVERS = {"compressed": None, "uncompressed": QuietHandler}


def medians(command: list[str], site: Path, kinds: dict[str, str], runs: int = 3) -> dict[tuple[str, str], dict[str, float]]:
    """(server, page kind) -> each category's median score; a failed run raises."""
    found = {}
    for server, handler in SERVERS.items():
        with (serve_directory(site) if handler is None else serve_directory(site, handler)) as base:
            for kind in PAGES:
                scores = [lighthouse_scores(command, base + kinds[kind]) for _ in range(runs)]
                found[(server, kind)] = {name: statistics.median(s[name] for s in scores) for name in scores[0]}
    return found


def report(command: list[str], site: Path, kinds: dict[str, str], runs: int = 3) -> tuple[float | None, float | None, float | None, str]:
    """Print the medians; return the lowest performance compressed and uncompressed, the lowest other category, and a note."""
    print(f"\nLighthouse (mobile defaults, Debian chromium headless, median of {runs} runs, served from 127.0.0.1):")
    try:
        found = medians(command, site, kinds, runs)
    except (subprocess.SubprocessError, OSError, ValueError, KeyError) as exc:
        print(f"  failed: {str(exc)[:200]}")
        return 0, 0, 0, "failed"
    for (server, kind), scores in found.items():
        print(f"  {server:13} {kind:15} " + "  ".join(f"{name} {score:g}" for name, score in scores.items()))
    performance = {server: min(s["performance"] for (srv, _), s in found.items() if srv == server) for server in SERVERS}
    others = min(v for s in found.values() for name, v in s.items() if name != "performance")
    return performance["compressed"], performance["uncompressed"], others, "measured"
