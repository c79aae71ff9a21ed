"""The downloads of the fixture portfolio (tests/helpers.py fixture_project), written once per test session as a
hosted build writes them."""

from __future__ import annotations

import pytest

from macros.load import load_project
from macros.outputs.cache import build_downloads
from macros.outputs.downloads import plan_downloads
from macros.outputs.edition import edition_for

SITE_URL = "https://intranet.example/cp/portfolio/"
BUILT = "2026-11-30"


@pytest.fixture(scope="session")
def project(fixture_source):
    return load_project(fixture_source)


@pytest.fixture(scope="session")
def edition(project, fixture_source):
    return edition_for(project, BUILT, SITE_URL, fixture_source / "data")


@pytest.fixture(scope="session")
def written(project, edition, tmp_path_factory):
    """(Download, file) of every download, written into a fresh cache."""
    return build_downloads(project, edition, plan_downloads(project, edition), tmp_path_factory.mktemp("downloads"))


def of_format(written, fmt: str):
    return [(download, path) for download, path in written if download.format == fmt]
