"""``flipkart emulator serve``: the local sandbox emulator in the foreground."""

from __future__ import annotations

import argparse
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Serve until Ctrl-C or SIGTERM; the banner prints the ``export FLIPKART_...`` lines.

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
            env_file=args.env_file,
            out=out,
            err=err,
        )
    except MissingExtra as exc:
        print(f"flipkart: error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("Emulator stopped.", file=out)
    except OSError as exc:
        if args.env_file is not None and exc.filename == args.env_file:
            print(f"flipkart: error: --env-file: {exc.strerror or exc}: {exc.filename}", file=err)
            return 1
        print(
            f"flipkart: error: cannot listen on {args.host}:{args.port} ({exc.strerror or exc})",
            file=err,
        )
        return 1
    return 0
