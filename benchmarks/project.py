"""Throwaway copies of the portfolio project: as is, with synthetic entries, and as static Markdown.

Nothing here touches the repository: every project lives in a temp directory, the data is
made by code at run time, and `macros/` is symlinked (mkdocs-macros imports it from the
project folder; the `portfolio` plugin comes from the repo's installed entry point).
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from macros.model.kinds.case_studies import CaseStudy
from macros.model.vocab import TAGS

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ["content", "data", "overrides", "mkdocs.yml"]
# The portfolio's own proportions: 7 case studies, 7 courses, 10 resources.
PROPORTIONS = {"case_studies": 7, "courses": 7, "resources": 10}
DATA_FILE = {"case_studies": "case_studies.yml", "courses": "courses.yml", "resources": "resources.yml"}
CAPTURE_DIR = "captured"  # where the capture hook writes each page's final Markdown
READS_FILE = "captured-reads.json"  # the capture hook's count of reads of each data file
GEN_CONFIG, CAPTURE_CONFIG, STATIC_CONFIG = "mkdocs.yml", "mkdocs-capture.yml", "mkdocs-static.yml"
NO_DOWNLOADS_CONFIG = "mkdocs-no-downloads.yml"  # the generator without its Word and PowerPoint files
# Builds write and reuse Python's compiled modules, as on an editor's machine. With PYTHONDONTWRITEBYTECODE set (as
# in some sandboxes and CI) the generator's modules, unlike its installed libraries, were compiled afresh by every
# build: 0.3 s of the real portfolio's, which the static copy never paid (BENCHMARKS.md, "The four targets hold").
ENV = {**{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}

NAMES = (
    "Anna Ben Cara Dan Ella Finn Gail Hugh Isla Jack Kate Liam Mhairi Neil Orla Paul Rhona Sean "
    "Tara Umar Vera Will Yasmin Zak Ailsa Callum Eilidh Fraser Kirsty Ross"
).split()


# Caches of files a build makes from their content (never of compiled templates): a copy that starts
# with the repository's builds what changed, as a second build on a machine does.
WARM_CACHES = ("compressed", "downloads", "icons")


def copy_project(dest: Path, warm: bool = False) -> Path:
    """A copy of the site's sources; the generator (macros/) is linked, not copied. The tests use it too,
    `warm`: with the repository's caches of compressed copies, downloads and icons, if it has them."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    for name in WARM_CACHES if warm else ():
        _copy_cache(ROOT / ".cache" / "plugin" / "portfolio" / name, dest / ".cache" / "plugin" / "portfolio" / name)
    return dest


def _copy_cache(cache: Path, dest: Path) -> None:
    """Copy a cache that a build in the repository may be pruning meanwhile (the tests' own site is built
    there, in parallel): an entry removed mid-copy is left out, as a cache may be; partials (dot-named) too."""
    for folder, folders, files in os.walk(cache):  # os.walk skips a folder that is gone
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            source = Path(folder) / name
            target = dest / source.relative_to(cache)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copy2(source, target)
            except FileNotFoundError:
                continue


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def entry_counts(total: int) -> dict[str, int]:
    """How many entries of each kind a data set of `total` entries has (7:7:10), at most as many case studies as
    can be numbered (a case study's number is at most 999); the rest are courses and resources."""
    weight = sum(PROPORTIONS.values())
    counts = {kind: round(total * share / weight) for kind, share in PROPORTIONS.items()}
    most = CaseStudy.model_fields["number"].metadata
    highest = next(limit.le for limit in most if getattr(limit, "le", None) is not None)
    if counts["case_studies"] > highest:
        counts["courses"] += (counts["case_studies"] - highest) // 2
        counts["case_studies"] = highest
    counts["resources"] = total - counts["case_studies"] - counts["courses"]
    return counts


def add_synthetic_entries(project: Path, total: int, seed: int = 7) -> dict[str, int]:
    """Grow the project's data to `total` case studies, courses and resources; return the counts.

    New entries are built from the portfolio's own text (paragraphs reshuffled, a unique
    first sentence), so every page differs but stays valid against the kinds' models (macros/model/kinds/).
    Each data file is rewritten with its list extended; YAML round-trips the existing
    entries unchanged (only the leading comments are lost, which no page uses).
    """
    rng = random.Random(seed)
    data = project / "data"
    files = {kind: _load(data / name) for kind, name in DATA_FILE.items()}
    type_ids = [t["id"] for t in _load(data / "resistance_types.yml")["resistance_types"]]
    cases, courses, resources = (files[k][k] for k in DATA_FILE)
    paragraphs = [p.strip() for c in cases for p in c["narrative"].split("\n\n") if p.strip()]
    questions = [q for c in cases for q in c["questions"]]
    want = entry_counts(total)
    if any(want[k] < len(files[k][k]) for k in want):
        raise ValueError(f"{total} entries is fewer than the portfolio already has")

    def text(lead: str) -> str:
        """A unique first sentence followed by 1-3 of the portfolio's paragraphs."""
        body = rng.sample(paragraphs, rng.randint(1, 3))
        return "\n\n".join([f"{lead} {body[0]}"] + body[1:]) + "\n"

    # Each new entry starts as a copy of a real one, so fields added to the models later
    # are carried over; then the fields that make it a distinct page are replaced.
    base_cases = list(cases)
    number = max(c["number"] for c in cases)
    for j in range(1, want["case_studies"] - len(base_cases) + 1):
        number += 1
        a, b = rng.sample(NAMES, 2)
        summary = f"{a} and {b} are the family in synthetic case study {number}."
        case = copy.deepcopy(base_cases[j % len(base_cases)])
        case.update(
            id=f"synthetic-case-{j}",
            number=number,
            title=f"{a} and {b} ({j})",
            tags=rng.sample(TAGS, rng.randint(0, 2)),
            summary=summary,
            narrative=text(summary),
            questions=rng.sample(questions, rng.randint(1, 2)),
            illustrates=rng.sample(type_ids, rng.randint(1, 2)),
        )
        cases.append(case)

    def grow(entries: list[dict], count: int, word: str, opening) -> None:
        """Add copies of `entries` up to `count`, each with its own id, title and opening sentence."""
        base = list(entries)
        for j in range(1, count - len(base) + 1):
            entry = copy.deepcopy(base[j % len(base)])
            entry.update(id=f"synthetic-{word}-{j}", title=f"{entry['title']} (synthetic {j})")
            entry["description"] = text(opening(j, entry))
            entries.append(entry)

    grow(courses, want["courses"], "course", lambda j, course: f"Synthetic course {j} is offered by {course['provider']}.")
    grow(resources, want["resources"], "resource", lambda j, resource: f"Synthetic resource {j} comes from {resource['author']}.")

    for kind, name in DATA_FILE.items():
        (data / name).write_text(yaml.safe_dump(files[kind], allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return {kind: len(files[kind][kind]) for kind in DATA_FILE}


def write_capture_config(project: Path) -> None:
    """Add the capture config (the generator plus the capture hook) beside mkdocs.yml.

    The generator's own mkdocs.yml stays byte for byte as the repo has it; the timed
    generator builds use it, so the capture hook costs nothing in the timings.
    """
    config = yaml_load((project / GEN_CONFIG).read_text(encoding="utf-8"))
    shutil.copy2(Path(__file__).with_name("capture_hook.py"), project / "capture_hook.py")
    _dump(project / CAPTURE_CONFIG, {**config, "hooks": [*config.get("hooks", []), "capture_hook.py"]})


def write_static_config(project: Path) -> None:
    """After a capture build: the static config, building the captured pages without the generator.

    Same theme, extensions, nav and validation; only the two generator plugins go, and what the
    generator put into the configuration is written in: `config.extra` (read by the theme overrides),
    the menu (data/book.yml) and the glossary's abbreviations.
    """
    config = yaml_load((project / GEN_CONFIG).read_text(encoding="utf-8"))
    static = {k: v for k, v in config.items() if k != "watch"}
    shutil.copy2(Path(__file__).with_name("static_hook.py"), project / "static_hook.py")
    static["hooks"] = [*config.get("hooks", []), "static_hook.py"]
    static["docs_dir"] = CAPTURE_DIR
    static["plugins"] = [p for p in config["plugins"] if _plugin_name(p) not in ("portfolio", "macros")]
    static["extra"] = json.loads((project / "captured-extra.json").read_text(encoding="utf-8"))
    made = json.loads((project / "captured-config.json").read_text(encoding="utf-8"))
    static["nav"] = made["nav"]
    static["markdown_extensions"] = [{"abbr": made["abbr"]} if _plugin_name(e) == "abbr" else e for e in config["markdown_extensions"]]
    _dump(project / STATIC_CONFIG, static)


def write_no_downloads_config(project: Path) -> None:
    """The generator's config with the portfolio plugin's `downloads: false`: the same site, no files to download."""
    config = yaml_load((project / GEN_CONFIG).read_text(encoding="utf-8"))
    config["plugins"] = [{"portfolio": {"downloads": False}} if _plugin_name(p) == "portfolio" else p for p in config["plugins"]]
    _dump(project / NO_DOWNLOADS_CONFIG, config)


def finish_static_docs(project: Path) -> int:
    """Copy content/'s non-Markdown files next to the captured pages; return the page count."""
    docs, captured = project / "content", project / CAPTURE_DIR
    for path in docs.rglob("*"):
        if path.is_file() and path.suffix != ".md":
            target = captured / path.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    return sum(1 for _ in captured.rglob("*.md"))


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _dump(path: Path, config: dict) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
