"""The dark scheme by the stylesheet alone (macros/engine/stylesheet.py): every rule that selects the dark
scheme is copied for the scheme pages are built with, under `prefers-color-scheme: dark`, so a page on a
device set to dark is dark from its first paint, with or without script."""

from __future__ import annotations

from pathlib import Path

import material

from macros.engine.stylesheet import DARK_DEVICE, dark_by_device, palette_stylesheet


def test_rules_for_the_dark_scheme_are_copied_for_the_built_one_on_a_dark_device():
    css = """
    :root,[data-md-color-scheme=default]{--paper:#fff}
    @media screen{[data-md-color-scheme=slate]{color-scheme:dark;--paper:#1e2129}}
    [data-md-color-scheme="slate"] .note, .other{color:#eee}
    [data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--link:#8b990a}
    @font-face{font-family:x;src:url("a{b}.woff")}
    .content::before{content:"[data-md-color-scheme=slate]{"}
    """
    out = dark_by_device(css, "default", "slate")
    assert out == (f"@media {DARK_DEVICE}{{@media screen{{[data-md-color-scheme=default]{{color-scheme:dark;--paper:#1e2129}}}}"
                   "[data-md-color-scheme=default] .note{color:#eee}}")


def test_nothing_to_copy_adds_nothing():
    assert dark_by_device(".a{color:red}", "default", "slate") == ""


def test_materials_dark_scheme_is_found_and_copied():
    palette = palette_stylesheet([str(Path(material.__file__).parent / "templates")])
    out = dark_by_device(palette, "default", "slate")
    assert "[data-md-color-scheme=default]{color-scheme:dark;--md-default-fg-color:" in out
    assert "slate" not in out
