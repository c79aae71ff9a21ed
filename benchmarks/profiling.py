"""`--profile`: one generator build under cProfile, with the time spent in macros/ listed first.

cProfile is in the standard library, so this needs nothing beyond requirements.txt.
"""

from __future__ import annotations

import io
import pstats
from pathlib import Path

from .measure import mkdocs_build
from .project import GEN_CONFIG


def profile_build(project: Path, top: int = 15) -> str:
    """Profile `mkdocs build` of `project`; return a report of the hot spots."""
    stats_file = project / "build.prof"
    run = mkdocs_build(project, GEN_CONFIG, project / "site-profile", extra=["-m", "cProfile", "-o", str(stats_file)])
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():
        if "/macros/" in filename and "mkdocs_macros" not in filename:
            rows.append((cumtime, tottime, calls, f"macros/{filename.split('/macros/')[-1]}:{line} {name}"))
    out = io.StringIO()
    out.write(f"Profiled build: {run.seconds:.2f} s wall, {total:.2f} s profiled (cProfile adds overhead)\n")
    out.write("Functions in macros/ by cumulative time (share of the profiled build):\n")
    out.write(f"{'cumulative':>11} {'own':>8} {'calls':>9}  function\n")
    for cumtime, tottime, calls, where in sorted(rows, reverse=True)[:top]:
        out.write(f"{cumtime:8.2f} s {cumtime / total:4.0%} {tottime:6.2f} s {calls:9d}  {where}\n")
    out.write("\nWhole build, top functions by cumulative time:\n")
    listing = io.StringIO()
    pstats.Stats(str(stats_file), stream=listing).sort_stats("cumulative").print_stats(top)
    out.write(listing.getvalue().split("\n\n", 1)[-1])
    return out.getvalue()
