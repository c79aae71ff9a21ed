"""The code stays legible: small modules and classes, the linter clean, and no mkdocs outside the
plugin's package, so data, models and outputs work unchanged on another engine."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.helpers import ROOT

MAX_MODULE_LINES = 300
MAX_CLASS_LINES = 100
MODULES = sorted((ROOT / "macros").rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_modules_and_classes_are_small(module):
    source = module.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            assert node.end_lineno - node.lineno + 1 <= MAX_CLASS_LINES, f"class {node.name} is {node.end_lineno - node.lineno + 1} lines"


@pytest.mark.parametrize("module", [m for m in MODULES if "build" not in m.relative_to(ROOT / "macros").parts], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_only_the_plugin_package_imports_mkdocs(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name == "mkdocs" or name.startswith("mkdocs.") for name in imported)


def test_the_linter_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
