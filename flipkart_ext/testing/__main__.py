"""``python -m flipkart_ext.testing``: serve the emulator in the foreground.

The same as ``flipkart emulator serve``, for a program that runs Python but not the
console script; a missing ``testing`` extra exits 2, as the command does.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ._emulator import DEFAULT_CLIENT_ID, DEFAULT_EXPIRES_IN
from ._extra import MissingExtra, require_testing_extra
from ._serve import serve

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and serve."""
    parser = argparse.ArgumentParser(
        prog="python -m flipkart_ext.testing",
        description="Serve a local emulator of Flipkart's seller API sandbox.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 lets the system pick one")
    parser.add_argument("--orders", type=int, default=0, help="approved test orders to create")
    parser.add_argument("--returns", type=int, default=0, help="customer returns to open")
    parser.add_argument("--listings", type=int, default=0, help="listings to add to the catalog")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--expires-in", type=int, default=DEFAULT_EXPIRES_IN)
    parser.add_argument("--client-id", default=DEFAULT_CLIENT_ID)
    parser.add_argument(
        "--notify-url",
        metavar="URL",
        help="POST every order and return event to URL, signed as Flipkart signs",
    )
    parser.add_argument(
        "--env-file", metavar="PATH", help="also write the export lines to PATH (mode 0600)"
    )
    args = parser.parse_args(argv)
    try:
        require_testing_extra()
    except MissingExtra as exc:
        parser.exit(2, f"{parser.prog}: error: {exc}\n")
    serve(**vars(args))  # every option above is one of serve()'s, by the same name


if __name__ == "__main__":
    main()
