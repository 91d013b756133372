"""``flipkart emulator serve``: the local sandbox emulator in the foreground."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Serve until Ctrl-C or SIGTERM; the banner lists the URLs and test credentials.

    With ``--notify-url`` every state change is POSTed there as Flipkart's signed
    notification. A failure inside the emulator is printed to ``err`` and answered 500.
    """
    from ..testing import MissingExtra, serve

    try:
        serve(
            args.host,
            args.port,
            orders=args.orders,
            seed=args.seed,
            notify_url=getattr(args, "notify_url", None),
            out=out,
            err=err,
        )
    except MissingExtra as exc:
        print(f"flipkart: error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("Emulator stopped.", file=out)
    except OSError as exc:
        print(
            f"flipkart: error: cannot listen on {args.host}:{args.port} ({exc.strerror or exc})",
            file=err,
        )
        return 1
    return 0
