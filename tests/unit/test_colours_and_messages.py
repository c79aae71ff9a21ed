"""Contrast as WCAG defines it, and the one format every data message takes."""

from __future__ import annotations

import pytest

from macros.load.errors import DataError, DataProblem, did_you_mean, format_loc
from macros.model.colours import contrast, luminance


@pytest.mark.parametrize(
    "first,second,ratio",
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48), ("#1f4e79", "#ffffff", 8.66), ("#ffffff", "#f5c542", 1.62)],
)
def test_contrast_ratio(first, second, ratio):
    assert round(contrast(first, second), 2) == ratio
    assert contrast(first, second) == contrast(second, first)


def test_luminance_ends():
    assert luminance("#000000") == 0 and luminance("#ffffff") == pytest.approx(1)


@pytest.mark.parametrize(
    "loc,path",
    [(("case_studies", 3, "illustrates", 0), "case_studies[3].illustrates[0]"), (("site", "colours"), "site.colours"), ((), "")],
)
def test_field_paths_read_as_in_yaml(loc, path):
    assert format_loc(loc) == path


def test_did_you_mean_only_when_a_name_is_close():
    assert did_you_mean("narative", ["narrative", "title"]) == " (did you mean 'narrative'?)"
    assert did_you_mean("zzz", ["narrative", "title"]) == ""


def test_a_problem_reads_file_line_field_reason():
    assert str(DataProblem("data/tools.yml", 9, "tools[0].url", "is wrong")) == "data/tools.yml:9: tools[0].url: is wrong"
    assert str(DataProblem("data/glossary.yml", 1, "", "the file is empty")) == "data/glossary.yml:1: the file is empty"


def test_an_error_lists_each_problem_once_in_file_order():
    b = DataProblem("data/b.yml", 2, "", "second")
    a = DataProblem("data/a.yml", 5, "", "first")
    assert DataError([b, a, b]).problems == [a, b]
