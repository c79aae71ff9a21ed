"""What the building thread logs while a step runs, as mkdocs and the plugins word it: the preview shows a failed
build's warnings and errors (preview.py), and a converted page that said anything is not kept (converted_pages.py)."""

from __future__ import annotations

import logging
import threading

ENGINE_LOGGER = "mkdocs"


class BuildMessages(logging.Handler):
    """The messages at `level` or above logged under `loggers` by this thread only (the preview's server threads log
    requests meanwhile), with nothing filtering repeats (mkdocs' command line adds a filter that drops a message
    logged before), so a mistake made twice is shown twice."""

    def __init__(self, level: int = logging.WARNING, loggers: tuple[str, ...] = (ENGINE_LOGGER,)):
        super().__init__(level)
        self.thread = threading.get_ident()
        self.loggers = loggers
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())

    def __enter__(self) -> BuildMessages:
        for name in self.loggers:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for name in self.loggers:
            logging.getLogger(name).removeHandler(self)
