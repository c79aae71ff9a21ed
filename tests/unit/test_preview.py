"""The preview's hold on mkdocs (macros/engine/preview.py) and its command (`./run serve [PORT]`): a failed
build's words are collected however mkdocs said them, every page address answers with the problems page
while there are problems, and the places it reaches into mkdocs' server are where it expects them."""

from __future__ import annotations

import inspect
import logging
import socket
import threading

import pytest
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer, _Handler

from macros.commands import serve as serve_command
from macros.engine.preview import PROBLEMS_STATUS, BuildMessages, PreviewServer, Shown, is_page_address, preview, raised_messages
from macros.load import DataError
from macros.load.errors import DataProblem
from macros.render.problems_page import Problem
from tests.helpers import ROOT, fixture_project

REPORT = "The data has a problem; nothing was built:\ndata/case_studies.yml:6: case_studies[0].title: this required field is missing"


def failed_build() -> BaseException:
    """What mkdocs raises for the plugin's report of bad data: `Aborted with a BuildError!`, raised while handling
    the plugin's error, itself raised `from None` over the loader's DataError."""
    try:
        try:
            try:
                raise DataError([DataProblem("data/case_studies.yml", 6, "case_studies[0].title", "this required field is missing")])
            except DataError:
                raise PluginError(REPORT) from None
        except PluginError:
            raise Abort("Aborted with a BuildError!")  # noqa: B904 - as mkdocs raises it
    except Abort as error:
        return error


def test_a_failed_build_says_in_words_what_it_raised_and_what_it_was_raised_over():
    assert raised_messages(failed_build()) == ["Aborted with a BuildError!", REPORT]
    assert raised_messages(SystemExit(9)) == []  # mkdocs-macros' exit(), after logging its own words


def test_each_build_collects_its_own_warnings_and_errors_even_a_message_logged_before():
    """mkdocs' command line drops a message logged before ("Aborted with a BuildError!" alone the second time);
    each build here collects what it logs, from its own thread only."""
    logger = logging.getLogger("mkdocs.commands.build")
    for _ in range(2):
        with BuildMessages() as build:
            logger.error(REPORT)
            logger.info("Cleaning site directory")
            logging.getLogger("mkdocs.plugins.mkdocs_macros.util").warning("macro failed")
            other = threading.Thread(target=lambda: logging.getLogger("mkdocs.livereload").warning('"GET / HTTP/1.1" code 404'))
            other.start()
            other.join()
        assert build.messages == [REPORT, "macro failed"]
    assert not any(isinstance(handler, BuildMessages) for handler in logging.getLogger("mkdocs").handlers)


@pytest.mark.parametrize(("path", "page"), [
    ("/", True), ("/case-studies/one/", True), ("/introduction", True), ("/print/index.html", True), ("/404.html", True),
    ("/assets/stylesheets/site.css", False), ("/search/search_index.json", False), ("/livereload/123/456", False),
])
def test_every_page_address_shows_the_problems_and_nothing_else_does(path, page):
    assert is_page_address(path, "/") is page


def test_under_a_sub_path_only_the_sites_addresses_show_the_problems():
    assert is_page_address("/cp/portfolio/introduction/", "/cp/portfolio/")
    assert is_page_address("/cp/portfolio", "/cp/portfolio/")
    assert not is_page_address("/", "/cp/portfolio/")  # mkdocs sends it on to the site's address


def answer(server: PreviewServer, path: str) -> tuple[str, dict[str, str], bytes]:
    said = {}

    def start_response(status, headers):
        said["status"], said["headers"] = status, dict(headers)

    answered = server.serve_request({"PATH_INFO": path, "REQUEST_METHOD": "GET"}, start_response)
    body = b"".join(answered)
    getattr(answered, "close", lambda: None)()
    return said["status"], said["headers"], body


def test_while_there_are_problems_a_page_address_answers_with_the_problems_page_under_its_own_policy(tmp_path):
    shown = Shown(ROOT / "overrides" / "portfolio", "Working with Resistance")
    server = PreviewServer(shown, builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    try:
        assert answer(server, "/")[0] == "200 OK"
        shown.problems = [Problem("this required field is missing", "data/case_studies.yml", 6, "case_studies[0].title")]
        status, headers, body = answer(server, "/")
        assert status == f"{PROBLEMS_STATUS} Service Unavailable"
        assert headers["Content-Type"] == "text/html; charset=utf-8" and headers["Cache-Control"] == "no-store"
        [nonce] = set(part.split("'nonce-")[1].rstrip("'") for part in headers["Content-Security-Policy"].split("; ") if "'nonce-" in part)
        assert f'<script nonce="{nonce}">' in body.decode() and f'<style nonce="{nonce}">' in body.decode()
        assert "default-src 'none'" in headers["Content-Security-Policy"]
        assert "data/case_studies.yml:6" in body.decode() and headers["X-Preview-Problems"] in body.decode()
        assert answer(server, "/other/")[2] != body  # a new nonce for each answer
        shown.problems = []
        assert answer(server, "/")[0] == "200 OK"
    finally:
        server.server_close()


def test_a_broken_problems_template_still_gives_the_problems_as_text(tmp_path):
    shown = Shown(tmp_path, "Working with Resistance", [Problem("this required field is missing", "data/case_studies.yml", 6, "case_studies[0].title")])
    body, kind = shown.page("n")
    assert kind == "text/plain; charset=utf-8"
    assert body.decode().startswith("The preview has a problem\ndata/case_studies.yml:6: case_studies[0].title: this required field is missing\n\n")
    assert "preview_error.html" in body.decode()


def test_a_port_in_use_is_said_in_one_line_before_anything_is_built(tmp_path):
    project = fixture_project(tmp_path / "project")
    announced = []
    with socket.socket() as taken, BuildMessages() as said:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert preview("127.0.0.1", port, announced.append, str(project / "mkdocs.yml")) == 1
    assert announced == []
    assert said.messages == [f"Cannot serve at 127.0.0.1:{port}: Address already in use; give another port, e.g. ./run serve {port + 1}"]
    assert not (project / ".cache").exists()  # nothing was built


@pytest.mark.parametrize(("argv", "said"), [
    (["eighty"], "'eighty' is not a port: give a whole number from 1 to 65535"),
    (["70000"], "'70000' is not a port"),
    (["-a", "8001"], "'8001' is not an address: write it as IP:PORT"),
    (["8001", "-a", "127.0.0.1:8002"], "give a port or an address (-a), not both"),
])
def test_the_command_refuses_what_is_not_a_port_in_words(argv, said, capsys):
    with pytest.raises(SystemExit) as stopped:
        serve_command.main(argv)
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err


def test_the_command_reads_a_port_or_an_address():
    assert serve_command.port_number("8001") == 8001
    assert serve_command.address("0.0.0.0:8002") == ("0.0.0.0", 8002)


def test_mkdocs_server_still_works_as_the_preview_expects():
    """The preview binds before the first build and serve() binds again (made a no-op); a build that returns, even a
    failed one the preview caught, reloads the open pages; every request passes serve_request; and the server's
    line for each answer ends with its code (the problems page's, every second, is left out)."""
    serve = inspect.getsource(LiveReloadServer.serve)
    assert "self.server_bind()" in serve and "self._build_loop()" in serve
    loop = inspect.getsource(LiveReloadServer._build_loop)
    assert loop.index("self.builder()") < loop.index("self._visible_epoch = self._wanted_epoch")
    assert "self.set_app(self.serve_request)" in inspect.getsource(LiveReloadServer.__init__)
    assert "code {code}" in inspect.getsource(_Handler.log_request)


def test_the_preview_keeps_a_page_made_from_the_same_and_no_more_than_its_limit():
    """engine/kept_by_page.py: a page is given back only for what it was made from; a page that would not fit is
    not kept (it is made afresh at the next build), and a page's new version frees its old one's room."""
    from macros.engine.kept_by_page import KeptByPage

    kept = KeptByPage(limit=10)
    kept.put("a.md", "v1", "A1", 6)
    kept.put("b.md", "v1", "B1", 6)  # 12 > 10: not kept
    assert kept.get("a.md", "v1") == "A1" and kept.get("a.md", "v2") is None and kept.get("b.md", "v1") is None
    kept.put("a.md", "v2", "A2", 4)
    kept.put("b.md", "v1", "B1", 6)  # 4 + 6 fits once the first version of a.md is gone
    assert kept.get("a.md", "v1") is None and kept.get("a.md", "v2") == "A2" and kept.get("b.md", "v1") == "B1"
    assert kept.reused == {"a.md", "b.md"}
    kept.start_build()
    kept.drop("a.md")
    assert kept.get("a.md", "v2") is None and kept.reused == set()
