"""``flipkart emulator serve``: the local sandbox emulator in the foreground."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Serve until Ctrl-C or SIGTERM; the banner lists the URLs and test credentials."""
    from ..testing import serve

    try:
        serve(args.host, args.port, orders=args.orders, seed=args.seed, out=out)
    except KeyboardInterrupt:
        print("Emulator stopped.", file=out)
    return 0
