"""Run `mkdocs build` as a child process and measure its wall time and peak memory.

Each build is its own process so its peak memory (ru_maxrss from os.wait4) belongs to that
build alone, and generator and static builds alternate so drift in machine load hits both.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .project import (
    CAPTURE_CONFIG,
    ENV,
    GEN_CONFIG,
    NO_DOWNLOADS_CONFIG,
    READS_FILE,
    STATIC_CONFIG,
    finish_static_docs,
    write_capture_config,
    write_no_downloads_config,
    write_static_config,
)

DOWNLOAD_CACHE = Path(".cache") / "plugin" / "portfolio" / "downloads"


@dataclass
class Run:
    seconds: float  # wall time, what a user waits for
    cpu: float  # user + system CPU time: less disturbed when other work shares the machine
    peak_mb: float


@dataclass
class Result:
    """Timed builds of one project: generator and static, in alternating order."""

    name: str
    entries: int
    pages: int
    gen: list[Run] = field(default_factory=list)
    static: list[Run] = field(default_factory=list)
    data_reads: dict[str, int] = field(default_factory=dict)  # data file -> times read in one build

    @property
    def gen_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.gen)

    @property
    def static_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.static)

    @property
    def ratio(self) -> float:
        """Median of the per-pair ratios (each gen run over the static run right after it)."""
        return statistics.median(g.seconds / s.seconds for g, s in zip(self.gen, self.static))

    @property
    def cpu_ratio(self) -> float:
        """The same ratio on CPU time, as a check on the wall-time one when the machine is busy."""
        return statistics.median(g.cpu / s.cpu for g, s in zip(self.gen, self.static))

    @property
    def gen_peak_mb(self) -> float:
        return max(r.peak_mb for r in self.gen)

    @property
    def static_peak_mb(self) -> float:
        return max(r.peak_mb for r in self.static)


def mkdocs_build(project: Path, config: str, site_dir: Path, extra: list[str] | None = None) -> Run:
    """One `mkdocs build`; raise with the build's log if it fails."""
    command = [sys.executable, *(extra or []), "-m", "mkdocs", "build", "-f", config, "-d", str(site_dir)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-3000:]
            raise RuntimeError(f"`mkdocs build -f {config}` failed in {project}:\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def prepare(project: Path) -> int:
    """Capture every page's final Markdown from one generator build; return the page count."""
    write_capture_config(project)
    mkdocs_build(project, CAPTURE_CONFIG, project / "site-capture")
    write_static_config(project)
    return finish_static_docs(project)


def measure(name: str, project: Path, entries: int, runs: int, log=print) -> Result:
    """Build generator and static copies alternately, `runs` times each."""
    result = Result(name, entries, prepare(project))
    result.data_reads = json.loads((project / READS_FILE).read_text(encoding="utf-8"))
    for index in range(runs):
        result.gen.append(mkdocs_build(project, GEN_CONFIG, project / "site-gen"))
        result.static.append(mkdocs_build(project, STATIC_CONFIG, project / "site-static"))
        log(f"  {name} run {index + 1}/{runs}: generator {result.gen[-1].seconds:.2f} s, static {result.static[-1].seconds:.2f} s")
    gen_pages = _html_pages(project / "site-gen")
    static_pages = _html_pages(project / "site-static")
    if gen_pages != static_pages:
        raise RuntimeError(f"{name}: the static copy has {len(static_pages)} pages, the generator {len(gen_pages)}")
    return result


def _html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def exponent(small: Result, large: Result) -> float:
    """Growth exponent: slope of log(generator time) against log(entries) between two sizes."""
    return math.log(large.gen_seconds / small.gen_seconds) / math.log(large.entries / small.entries)


def cold_template_cache(project: Path, runs: int = 3) -> float:
    """Median generator/static ratio when no template is compiled yet, as on a fresh clone's first build.

    The generator keeps compiled templates in the project's `.cache/` between builds; they are
    removed before each of these generator builds (the written downloads are kept: `downloads_cost`
    measures writing them). Builds alternate with static ones, as in `measure`.
    """
    ratios = []
    for _ in range(runs):
        shutil.rmtree(project / ".cache" / "plugin" / "portfolio" / "templates", ignore_errors=True)
        gen = mkdocs_build(project, GEN_CONFIG, project / "site-gen")
        ratios.append(gen.seconds / mkdocs_build(project, STATIC_CONFIG, project / "site-static").seconds)
    return statistics.median(ratios)


@dataclass
class DownloadsCost:
    """Generator builds without the downloads, with them already written (a rebuild), and writing them all."""

    entries: int
    files: int
    without: list[float] = field(default_factory=list)
    rebuild: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    cpu_without: list[float] = field(default_factory=list)  # user + system CPU, the second process's included
    cpu_first: list[float] = field(default_factory=list)

    def added(self, runs: list[float]) -> float:
        """Median, pair by pair, of the time added over the build without downloads (0.25 is 25%)."""
        return statistics.median(with_them / without - 1 for with_them, without in zip(runs, self.without))

    @property
    def cpu_added(self) -> float:
        """CPU time writing every file adds (it runs beside the build on a spare core, so wall time adds less)."""
        return statistics.median(first / without - 1 for first, without in zip(self.cpu_first, self.cpu_without))

    @property
    def writing_cpu(self) -> float:
        """CPU seconds writing every file takes (median of the pairs): the work, wherever it runs. The wall
        time it adds is small and noisy, as it runs beside the build, so growth is measured on this."""
        return statistics.median(first - without for first, without in zip(self.cpu_first, self.cpu_without))


def downloads_cost(project: Path, entries: int, runs: int, log=print) -> DownloadsCost:
    """Alternate builds without downloads, with every file written afresh (an empty cache), and with
    the files already written, as a later build finds them."""
    write_no_downloads_config(project)
    site = project / "site-downloads"
    mkdocs_build(project, GEN_CONFIG, site)
    cost = DownloadsCost(entries, sum(1 for _ in (site / "downloads").iterdir()))
    for index in range(runs):
        without = mkdocs_build(project, NO_DOWNLOADS_CONFIG, project / "site-no-downloads")
        cost.without.append(without.seconds)
        cost.cpu_without.append(without.cpu)
        shutil.rmtree(project / DOWNLOAD_CACHE, ignore_errors=True)
        first = mkdocs_build(project, GEN_CONFIG, site)
        cost.first.append(first.seconds)
        cost.cpu_first.append(first.cpu)
        cost.rebuild.append(mkdocs_build(project, GEN_CONFIG, site).seconds)
        log(f"  downloads, {entries or 'real'} run {index + 1}/{runs}: without {cost.without[-1]:.2f} s, "
            f"writing all {cost.first[-1]:.2f} s, already written {cost.rebuild[-1]:.2f} s")
    return cost


PDF_SITE_URL = "https://intranet.example/portfolio/"  # so the PDFs print addresses and QR codes, as a hosted site's do


def pdf_seconds(project: Path, out: Path) -> tuple[float, int]:
    """`./run pdf` on a project, as a committee runs it (build, print every PDF, finish them): wall time
    and the number of PDFs. The run's own line ("23 PDFs in 21.3 s") agrees with it."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", "--out", str(out)], cwd=project,
                            env={**ENV, "SITE_URL": PDF_SITE_URL}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"`./run pdf` failed in {project}:\n{result.stderr[-3000:]}")
    return seconds, len(list(out.glob("*.pdf")))
