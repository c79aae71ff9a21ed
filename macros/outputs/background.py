"""Writing the downloads in other processes while the build goes on.

Writing every file takes about half as long as the rest of the real portfolio's build. A build
(`mkdocs build`, not `serve`) forks processes, one per core but the one mkdocs keeps, which share
the files not yet in the cache and write them while mkdocs converts and writes the pages. The
build waits for them at its end, copies the files in, and stops with a child's message if a file
could not be written, before the site is moved into place: no site ever links to a missing file.
With a spare core the files then cost little; without one, no more than writing them in line.
Children are forked, not started afresh, so they have the loaded project and libraries already,
and nothing is pickled.

The editors' preview (`./run serve`) writes a file only when it is asked for: a save that changes what 20
files hold (a page's title is in them) would otherwise wait seconds for files nobody is opening.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
from pathlib import Path

from .cache import DownloadFailure, write_downloads
from .downloads import Download

MAX_PROCESSES = 4
# Rough cost of writing a file (milliseconds), and of a process's first file of a format (the
# library's import and the base document): only to share the files out evenly.
COSTS = {"pptx": 90, "docx": 10}
WHOLE_DOCUMENT = 30  # a document of a whole kind
FIRST_OF_FORMAT = 50
# How a build writes the files not in the cache yet.
IN_LINE, IN_BACKGROUND, WHEN_ASKED = "in line", "in the background", "when asked"


def _cost(download: Download) -> int:
    return COSTS[download.format] + (WHOLE_DOCUMENT if download.format == "docx" and download.entry_id is None else 0)


def share(pending: list[tuple[Download, Path]], processes: int) -> list[list[tuple[Download, Path]]]:
    """The files shared out among `processes`, the costliest first, each to the least loaded (counting imports)."""
    groups: list[list[tuple[Download, Path]]] = [[] for _ in range(processes)]
    loads = [0] * processes
    formats: list[set[str]] = [set() for _ in range(processes)]
    for item in sorted(pending, key=lambda item: -_cost(item[0])):
        download = item[0]
        costs = [loads[n] + _cost(download) + (0 if download.format in formats[n] else FIRST_OF_FORMAT) for n in range(processes)]
        chosen = costs.index(min(costs))
        groups[chosen].append(item)
        loads[chosen] = costs[chosen]
        formats[chosen].add(download.format)
    return [group for group in groups if group]


class Writing:
    """Files being written; `wait()` returns once they are all there, or raises DownloadFailure. Written `WHEN_ASKED`,
    each waits for `written_when_asked` (by its address in the site)."""

    def __init__(self, pending: list[tuple[Download, Path]], how: str):
        self.children: list[tuple[multiprocessing.Process, object]] = []
        self.asked_for: dict[str, tuple[Download, Path]] = {}
        self._lock = threading.Lock()
        if not pending:
            return
        if how == WHEN_ASKED:
            self.asked_for = {download.path: (download, target) for download, target in pending}
            return
        if how == IN_LINE or "fork" not in multiprocessing.get_all_start_methods():
            write_downloads(pending)
            return
        context = multiprocessing.get_context("fork")
        # One core stays with mkdocs, which goes on building the pages meanwhile.
        for group in share(pending, max(1, min(MAX_PROCESSES, (os.cpu_count() or 1) - 1))):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_write, args=(group, send), name="wwr-downloads", daemon=True)
            process.start()
            send.close()
            self.children.append((process, receive))

    def written_when_asked(self, path: str) -> Path | None:
        """The file of the download at `path` in the site, written now if it is not yet (DownloadFailure says why it
        cannot be); None for an address that is not one of this build's files to write when asked."""
        found = self.asked_for.get(path)
        if found is None:
            return None
        with self._lock:  # two requests for one file: the second finds it written
            if not found[1].is_file():
                write_downloads([found])
        return found[1]

    def wait(self) -> None:
        """Wait for every child; the first failure, if any, stops the build."""
        children, self.children = self.children, []
        failures = [message for message in (_result(process, receive) for process, receive in children) if message]
        if failures:
            raise DownloadFailure(failures[0])

    def cancel(self) -> None:
        children, self.children = self.children, []
        for process, receive in children:
            process.terminate()
            process.join()
            receive.close()


def _result(process, receive) -> str | None:
    try:
        message = receive.recv()
    except EOFError:
        message = None
    process.join()
    receive.close()
    if message is None and process.exitcode:
        message = f"the process writing the downloads stopped (exit code {process.exitcode})"
    return message


def _write(pending: list[tuple[Download, Path]], send) -> None:
    """In a child: write, then report None, or why a file could not be written."""
    try:
        write_downloads(pending)
        send.send(None)
    except DownloadFailure as exc:
        send.send(str(exc))
    except BaseException:  # noqa: BLE001 - the parent must hear of any failure
        send.send(traceback.format_exc(limit=3))
    finally:
        send.close()
        os._exit(0)
