"""The code stays legible: small modules and classes, the linter clean, and no mkdocs outside the
plugin's package, so data, models and outputs work unchanged on another engine."""

from __future__ import annotations

import ast
import functools
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


@pytest.mark.parametrize("module", [m for m in MODULES if "engine" not in m.relative_to(ROOT / "macros").parts], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_only_the_plugin_package_imports_mkdocs(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name == "mkdocs" or name.startswith("mkdocs.") for name in imported)


def test_the_linter_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]


# The flow of imports: each package may import its own layer and those below, never one above. The
# output-side packages share a layer; a module that imports no other of the project's (caches.py) sits below all.
LAYERS = {"model": 0, "load": 1, "render": 2, "outputs": 3, "offline": 3, "hosting": 3, "search": 3, "engine": 4, "commands": 5}


def _imported_modules(module) -> set[str]:
    """The project's modules a module imports (relative imports resolved), leaving out imports for type checking only."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    package = ".".join(module.relative_to(ROOT).with_suffix("").parts[:-1])
    checking_only = {id(node) for branch in ast.walk(tree) if isinstance(branch, ast.If) and getattr(branch.test, "id", "") == "TYPE_CHECKING"
                     for node in ast.walk(branch)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            name = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module or "")
            found |= {name} | ({f"{name}.{alias.name}" for alias in node.names} if node.level else set())
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("macros.")}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


@pytest.mark.parametrize("module", [m for m in MODULES if len(m.relative_to(ROOT / "macros").parts) > 1], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_imports_run_one_way_model_load_render_outputs_engine(module):
    here = _layer("macros." + module.relative_to(ROOT / "macros").parts[0])
    above = sorted(name for name in _imported_modules(module) if (_layer(name) or 0) > here)
    assert above == [], f"{module.relative_to(ROOT)} imports from a layer above its own: {above}"


def test_a_module_below_the_layers_imports_none_of_the_project():
    assert _imported_modules(ROOT / "macros" / "caches.py") == set()


@functools.cache
def _strings(module) -> list[str]:
    """The module's string constants that its code uses: not docstrings, not a field's description for editors, not a link's field name."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    prose = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    prose |= {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg == "description"}
    # A link's field (`links={"tools": TOOLS.name}`) is a field's name, which may be a kind's name as well.
    prose |= {id(key) for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg == "links" and isinstance(node.value, ast.Dict)
              for key in node.value.keys}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose]


# Kinds whose name is also an everyday word of the code: "site" is the output folder's name, and the templates' name for the settings.
EVERYDAY_WORDS = {"site"}


def test_a_kinds_name_is_written_in_at_most_two_modules():
    """Outputs ask the kind and never test its name: the name is written in the kind's own module (and at most one other)."""
    from macros.model.kinds import KINDS

    assert KINDS
    for kind in (kind for kind in KINDS if kind.name not in EVERYDAY_WORDS):
        naming = [m.relative_to(ROOT).as_posix() for m in MODULES if kind.name in _strings(m)]
        assert len(naming) <= 2, f"{kind.name}: {naming}"


def test_no_module_names_a_page_of_the_site():
    """The site's structure is data (data/book.yml, front matter): no page path is written in Python."""
    pages = {path.relative_to(ROOT / "content").as_posix() for path in (ROOT / "content").rglob("*.md")}
    assert len(pages) > 10
    found = [(m.relative_to(ROOT).as_posix(), text) for m in MODULES for text in _strings(m) if any(page == text or f"{page}#" in text for page in pages)]
    assert found == []
