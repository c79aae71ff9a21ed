"""`python -m macros <command> [options]`: the project's commands, behind `./run`.

    serve [PORT]             build, serve and rebuild on every save; mistakes show in the browser
    validate [data-folder]   check data/ and content/ without building
    pdf                      print the printables to A4 PDFs
    bundle                   zip an offline copy for a shared drive
    check-links              report the status of every external link
    schema                   regenerate schema/data.schema.json from the models
    changes [SINCE]          a page of what changed since the last edition, for the committee's sign-off
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {"serve": "serve", "validate": "validate", "pdf": "pdf", "bundle": "bundle", "check-links": "check_links", "schema": "schema", "changes": "changes"}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    module = importlib.import_module(f"macros.commands.{COMMANDS[argv[0]]}")
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
