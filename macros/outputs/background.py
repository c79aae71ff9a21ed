"""Writing the downloads in a second process while the build goes on.

Writing every file takes about half as long as the rest of the real portfolio's build. A build
(`mkdocs build`, not `serve`) forks a process that writes the files not yet in the cache while
mkdocs converts the pages; the build waits for it before copying files into the site, and stops
with the child's message if a file could not be written, so no site ever links to a missing file.
On a machine with a spare core the files then cost almost nothing; on one without, no more than
writing them in line. The child is forked, not started afresh, so it has the loaded project and
libraries already, and nothing is pickled.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from pathlib import Path

from .cache import DownloadFailure, write_downloads
from .downloads import Download


class Writing:
    """Files being written; `wait()` returns once they are all there, or raises DownloadFailure."""

    def __init__(self, pending: list[tuple[Download, Path]], background: bool):
        self.process = None
        if not pending:
            return
        if not background or "fork" not in multiprocessing.get_all_start_methods():
            write_downloads(pending)
            return
        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_write, args=(pending, send), name="wwr-downloads", daemon=True)
        self.process.start()
        send.close()

    def wait(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        try:
            message = self.receive.recv()
        except EOFError:
            message = None
        process.join()
        if message is None and process.exitcode:
            message = f"the process writing the downloads stopped (exit code {process.exitcode})"
        self.receive.close()
        if message:
            raise DownloadFailure(message)

    def cancel(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.process = None


def _write(pending: list[tuple[Download, Path]], send) -> None:
    """In the child: write, then report None, or why a file could not be written."""
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
