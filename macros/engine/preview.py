"""`./run serve`: mkdocs' live preview, kept running through an editor's mistakes, which it shows in the browser.

`mkdocs serve` prints a failed build's messages in the terminal only, leaves the browser on the last good page,
prints a message it has printed before only once, and exits when its first build fails (or when mkdocs-macros
calls exit()). Editors look at the browser: here each build's warnings and errors are collected as it runs, a
failed build is caught whatever it raised, and until a build succeeds every page address answers with one
page listing the problems (macros/render/problems_page.py). The server is mkdocs' own, so rebuilding on a save
and reloading the open pages work as in `mkdocs serve`; mkdocs.yml is read as `mkdocs serve` reads it.
"""

from __future__ import annotations

import logging
import mimetypes
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer, _serve_url

from ..outputs.background import Writing
from ..outputs.cache import DownloadFailure
from ..render.problems_page import DEFAULT_SITE_NAME, Problem, build_problems, fingerprint, is_summary, known_site_name, problems_page, problems_text
from ..render.templates import TEMPLATE_DIR, TemplateFailure
from .build_messages import ENGINE_LOGGER, BuildMessages

log = logging.getLogger(f"{ENGINE_LOGGER}.preview")
# How often the preview looks for saved files (mkdocs' own: 0.5 s, which is up to half a second more between a save
# and the page): looking over content/, data/, overrides/ and macros/ takes about 6 ms, 3% of one core at 0.2 s.
# Looking, not being told by the system, works on shared drives too.
POLL_SECONDS = 0.2
LIVE_RELOAD = "/livereload/"  # where mkdocs' script in an open page asks whether to reload
PROBLEMS_STATUS = 503  # Service Unavailable: the site is not there until the files are fixed


def raised_messages(error: BaseException | None) -> list[str]:
    """What an exception, and those it was raised while handling, say in words: mkdocs raises `Aborted with
    a BuildError!` while handling the plugin's error whose message is the problems, and mkdocs-macros calls
    exit() with a number after logging its own."""
    messages: list[str] = []
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        text = str(error).strip()
        if text and not text.lstrip("-").isdigit():
            messages.append(text)
        error = error.__cause__ if error.__cause__ is not None or error.__suppress_context__ else error.__context__
    return messages


@dataclass
class Shown:
    """What the preview shows: the last build's problems (none when it succeeded), and where its page comes from;
    the downloads of the last build that succeeded, which it writes when asked for (outputs/background.py)."""

    template_dir: Path = Path(TEMPLATE_DIR)
    site_name: str = DEFAULT_SITE_NAME
    problems: list[Problem] = field(default_factory=list)
    writing: Writing | None = None

    def read_settings(self, config) -> None:
        """The templates and site name a configuration gives, the name read from data/ as it is now (a failed
        build may not have got as far as the committee's settings)."""
        root = Path(config.config_file_path).parent
        plugin = config.plugins.get("portfolio")
        self.template_dir = root / (plugin.config.templates if plugin else TEMPLATE_DIR)
        self.site_name = known_site_name(root / (plugin.config.data_dir if plugin else "data")) or config.site_name or DEFAULT_SITE_NAME

    def page(self, nonce: str) -> tuple[bytes, str]:
        """The problems page and its type; the problems as plain text when the page's own template is broken."""
        try:
            return problems_page(self.template_dir, self.problems, self.site_name, live=True, nonce=nonce).encode(), "text/html; charset=utf-8"
        except (TemplateFailure, OSError) as exc:
            text = f"{problems_text(self.problems)}\n(Plain text, since the preview's own page could not be made: {exc})\n"
            return text.encode(), "text/plain; charset=utf-8"


def is_page_address(path: str, mount_path: str) -> bool:
    """True for an address under the site's that names a page (a folder, or a file ending in .html): not mkdocs'
    live-reload requests, nor pictures, scripts or stylesheets, which the problems page does not stand in for."""
    last = path.rsplit("/", 1)[-1]
    return (path + "/").startswith(mount_path) and not path.startswith(LIVE_RELOAD) and ("." not in last or last.endswith(".html"))


class _QuietProblemsPages(logging.Filter):
    """Leaves out the server's line for each answer with the problems page, which asks again every second."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().endswith(f" code {PROBLEMS_STATUS}")


_QUIET = _QuietProblemsPages()


class PreviewServer(LiveReloadServer):
    """mkdocs' live-reload server, answering every page address with the problems page while the site cannot
    be built. Bound before the first build, so that a port in use is said at once, and the address printed
    answers as soon as the first build is done."""

    def __init__(self, shown: Shown, **options):
        super().__init__(**options)
        # mkdocs waits 0.1 s after a change for more; the files are looked at every POLL_SECONDS, so the changes
        # of one look come together, and no later look can come within 0.1 s: the wait only delayed the page.
        self.build_delay = 0.01
        self.shown = shown
        self._bound = False
        logging.getLogger(f"{ENGINE_LOGGER}.livereload").addFilter(_QUIET)

    def server_bind(self) -> None:
        if not self._bound:
            super().server_bind()
            self._bound = True

    def serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")  # as mkdocs reads it
        problems = self.shown.problems
        if not (problems and is_page_address(path, self.mount_path)):
            return self._download(path, start_response) or super().serve_request(environ, start_response)
        nonce = secrets.token_urlsafe(18)
        body, kind = self.shown.page(nonce)
        start_response(f"{PROBLEMS_STATUS} Service Unavailable", [
            ("Content-Type", kind),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            ("X-Preview-Problems", fingerprint(problems)),  # the page's script reloads when this changes or goes
            ("Content-Security-Policy", f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; "
                                        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
        ])
        return [body]

    def _download(self, path: str, start_response) -> list[bytes] | None:
        """A download the last build left to write when asked for, written now; None for any other address."""
        writing = self.shown.writing
        if writing is None or not path.startswith(self.mount_path):
            return None
        try:
            written = writing.written_when_asked(path[len(self.mount_path):])
        except DownloadFailure as exc:
            log.error(str(exc))
            body = f"{exc}\n".encode()
            start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        if written is None:
            return None
        body = written.read_bytes()
        kind = mimetypes.guess_type(written.name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]


def show_messages() -> None:
    """mkdocs' messages on stderr, from INFO up, as its command line shows them (which this preview does not
    run), but for the filter of repeated messages."""
    logger = logging.getLogger(ENGINE_LOGGER)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(stream)


def preview(host: str, port: int, announce: Callable[[str], None], config_file: str | None = None) -> int:
    """Build, serve and rebuild on every save until Ctrl-C; `announce` is given the address to open. Returns the
    exit status: 1 when mkdocs.yml cannot be read or the port cannot be served at."""
    site_dir = tempfile.mkdtemp(prefix="wwr-preview-")
    try:
        return _preview(site_dir, f"{host}:{port}", announce, config_file)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _preview(site_dir: str, address: str, announce: Callable[[str], None], config_file: str | None) -> int:
    try:
        config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=address)
    except (Abort, ConfigurationError) as exc:  # mkdocs.yml itself, the developers' file: its messages are logged
        log.error(f"mkdocs.yml cannot be read, so there is nothing to preview: {exc}")
        return 1
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    if "portfolio" in config.plugins:  # kept across the preview's builds, as the plugin is
        config.plugins["portfolio"].downloads_when_asked = True
    config.site_url = serve_url = _serve_url(host, port, mount_path)
    shown = Shown()

    def builder(config=None) -> None:
        """One build; a failed one, whatever it raised, leaves its problems for every page address to show."""
        log.info("Building the site...")
        failure = None
        with BuildMessages() as messages:
            try:
                if config is None:
                    config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=address)
                    config.site_url = serve_url
                build(config, serve_url=serve_url)
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a mistake in data/ or content/ must not end the preview, whatever it raised
                failure = error
        if failure is None:
            shown.problems = []
            shown.writing = config.plugins["portfolio"].build.state.writing if "portfolio" in config.plugins else None
            return
        if config is not None:
            shown.read_settings(config)
        logged = messages.messages
        unlogged = [message for message in raised_messages(failure) if message not in logged and not is_summary(message)]
        for message in unlogged:  # said only by what the build raised, which mkdocs would print with a traceback
            log.error(message)
        shown.problems = build_problems(logged + unlogged)
        log.error(f"The site could not be built; the browser shows why, at {serve_url}. Fix the file and save it.")

    server = PreviewServer(shown, builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path, polling_interval=POLL_SECONDS)
    server.error_handler = lambda code: _file_bytes(Path(site_dir) / f"{code}.html") if code in (404, 500) else None
    try:
        server.server_bind()
        server.server_activate()
    except OSError as exc:
        server.server_close()
        log.error(f"Cannot serve at {host}:{port}: {exc.strerror or exc}; give another port, e.g. ./run serve {port + 1}")
        return 1
    config.plugins.on_startup(command="serve", dirty=False)
    announce(serve_url)
    try:
        builder(config)
        for path in (config.docs_dir, config.config_file_path, *config.watch):
            if path:
                server.watch(path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Stopped.")
    finally:
        server.shutdown()
        config.plugins.on_shutdown()
    return 0


def _file_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
