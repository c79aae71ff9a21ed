"""The site's scripts pass ESLint with no warning (eslint.config.js; ESLint, @eslint/js and globals pinned
in package.json and package-lock.json, installed by `npm ci` in ./run): every script the site serves
(overrides/), those ./run pdf runs in the printed pages (macros/outputs/pdf/), and the names script the
build writes for the offline copy (macros/offline/names.py). ./run lint and ./run test run the same."""

from __future__ import annotations

import json
import re
import subprocess

from macros.offline import NAMES_SCRIPT
from macros.offline.names import names_script
from tests.helpers import ROOT

ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
LINTED = ["eslint.config.js", "overrides", "macros"]  # as ./run lint gives them


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ESLINT), "--max-warnings", "0", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)


def test_every_script_passes_eslint_with_no_warning():
    result = eslint("--format", "json", *LINTED)
    reports = json.loads(result.stdout)
    problems = [f"{r['filePath']}:{m['line']} {m.get('ruleId')}: {m['message']}" for r in reports for m in r["messages"]]
    assert problems == [] and result.returncode == 0, "\n".join(problems) or result.stderr
    linted = {r["filePath"] for r in reports}
    scripts = {str(p) for folder in ("overrides", "macros") for p in (ROOT / folder).rglob("*.js")}
    assert scripts <= linted and str(ROOT / "macros" / "outputs" / "pdf" / "prepare.js") in linted


def test_the_names_script_the_build_writes_passes_eslint():
    for directory_urls in (True, False):
        result = eslint("--stdin", "--stdin-filename", f"overrides/{NAMES_SCRIPT}", stdin=names_script(directory_urls, "not-in-offline-copy.md"))
        assert result.returncode == 0, result.stdout


def test_the_offline_scripts_are_held_to_const_and_let():
    result = eslint("--stdin", "--stdin-filename", "overrides/assets/javascripts/offline-copy.js", stdin='"use strict";\nvar a = 1;\nlet b = 2;\nconsole.log(a, b, wwrOfflineNames);\n')
    assert result.returncode == 1 and "no-var" in result.stdout and "prefer-const" in result.stdout


def test_eslint_is_pinned_exactly():
    declared = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for name in ("eslint", "@eslint/js", "globals"):
        assert re.fullmatch(r"\d+\.\d+\.\d+", declared[name]), name
        assert locked[f"node_modules/{name}"]["version"] == declared[name], name
    assert subprocess.run([str(ESLINT), "--version"], capture_output=True, text=True, check=True).stdout.strip() == f"v{declared['eslint']}"
