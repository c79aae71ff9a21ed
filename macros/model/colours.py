"""Colour contrast as WCAG 2.2 defines it, so a committee's brand colours stay readable."""

from __future__ import annotations

import re

HEX = re.compile(r"#[0-9a-fA-F]{6}")  # used with fullmatch: a value ending in a line break is no colour


def luminance(colour: str) -> float:
    """Relative luminance of a `#rrggbb` colour (WCAG 2.2, 'relative luminance')."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
