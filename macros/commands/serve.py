"""`./run serve [PORT]`: build the site, serve it on this computer (port 8000 unless given), and build it again
on every save. A mistake in data/ or content/ shows in the browser, at every address, until it is fixed
(macros/engine/preview.py); the preview keeps running.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

HOST, PORT = "127.0.0.1", 8000


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: give a whole number from 1 to 65535, e.g. 8001")
    return int(text)


def address(text: str) -> tuple[str, int]:
    """`-a 127.0.0.1:8001`, as `mkdocs serve` takes it."""
    host, _, port = text.rpartition(":")
    if not host:
        raise argparse.ArgumentTypeError(f"'{text}' is not an address: write it as IP:PORT, e.g. 127.0.0.1:8001")
    return host.strip("[]"), port_number(port)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run serve", description=__doc__.splitlines()[0])
    parser.add_argument("port", nargs="?", type=port_number, help=f"the port to serve at (default: {PORT})")
    parser.add_argument("-a", "--dev-addr", type=address, metavar="IP:PORT", help=f"the address to serve at (default: {HOST}:{PORT})")
    args = parser.parse_args(argv)
    if args.port and args.dev_addr:
        parser.error("give a port or an address (-a), not both")
    host, port = args.dev_addr or (HOST, args.port or PORT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from ..engine.preview import preview, show_messages

    show_messages()
    signal.signal(signal.SIGTERM, _stop)  # stopped by the system as by Ctrl-C: the preview's temporary site is removed
    try:
        return preview(host, port, lambda url: print(f"Open {url} in your browser (Ctrl-C here stops the preview).", flush=True))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
