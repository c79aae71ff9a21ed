"""`./run validate`: check `data/` without building, for committees editing the YAML.

Prints each problem as `file:line: field: reason` and exits 1, or says what was loaded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .loader import load_site_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run validate", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="data", help="the data folder (default: data)")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    try:
        data = load_site_data(data_dir, display_root=data_dir.resolve().parent)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(data, kind))} {kind.replace('_', ' ')}" for kind in ("resistance_types", "case_studies", "courses", "tools", "resources", "references"))
    print(f"{data_dir}/ is valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
