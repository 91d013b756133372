"""``flipkart``: everyday Seller API jobs from a shell.

Commands::

    flipkart shipments search [filter flags] [--format jsonl|csv|table]   export shipments to stdout
    flipkart shipments labels IDS --out DIR                                 download label PDFs
    flipkart shipments pack (--auto --tax-rate R | --csv FILE) [IDS]        generate labels (pack)
    flipkart shipments dispatch (IDS | --all)                               mark ready to dispatch
    flipkart shipments manifest --out DIR                                   manifest PDFs per courier
    flipkart shipments cancel IDS --reason REASON                           seller cancellation
    flipkart returns search --source SOURCE [filter flags] [--format ...]  export returns to stdout
    flipkart listings update-inventory FILE [--results F] [--dry-run]      stock from a CSV file
    flipkart listings update-price FILE [--results F] [--dry-run]          prices from a CSV file
    flipkart token status [--fetch]                                         environment, expiry, time left
    flipkart emulator serve [--host H] [--port P] [--orders N]              local sandbox emulator

Credentials come from the environment, as for :meth:`FlipkartClient.from_env
<flipkart_ext.FlipkartClient.from_env>`: ``FLIPKART_CLIENT_ID``, ``FLIPKART_CLIENT_SECRET``,
``FLIPKART_ENV`` (``sandbox`` or ``production``), ``FLIPKART_API_BASE_URL``,
``FLIPKART_OAUTH_BASE_URL``, ``FLIPKART_TOKEN_FILE`` (share one token between commands),
``FLIPKART_SELLER_ID``, ``FLIPKART_REFRESH_TOKEN``. No option takes a secret, so none
ends up in shell history or ``ps`` output.

Exit codes
==========

===  ==============================================================================
0    success
1    the API answered with an error (4xx other than 401, 5xx after retries), or a
     local failure such as an unwritable output folder
2    bad input: unknown flag or value, invalid filter, missing credentials
3    network: no answer from Flipkart (connection refused or reset, timeout)
4    authentication: the credentials or the token were rejected
5    partial failure of ``pack``, ``dispatch``, ``cancel`` or ``listings update-*``: Flipkart refused some
     shipments, or the request carrying them failed; every shipment's result is on
     stdout (``<id> TAB <status> TAB <error code> TAB <message>``)
130  interrupted (Ctrl-C)
141  stdout was closed early (``| head``), as if killed by SIGPIPE
===  ==============================================================================

Every failure is reported as one line on stderr, ``flipkart: error: ...``; ``--debug``
adds the traceback and the library's (redacted) debug log. A warning (e.g. a
``FLIPKART_API_BASE_URL`` that overrides ``FLIPKART_ENV``) is one line too,
``flipkart: warning: ...``, and the command goes on.

Why argparse rather than typer: it is in the standard library, so the console script
adds no runtime dependency to a package whose only dependencies are httpx, attrs,
python-dateutil and filelock; it starts faster (typer pulls in click and rich); and everything
typer would add here, sub-commands, repeatable and typed options, generated help,
argparse does too. The cost is a few more lines of parser set-up in ``_parser``.

Importing this package loads only argparse; each command imports what it needs
when it runs.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import TextIO

from ._errors import (
    EXIT_API,
    EXIT_AUTH,
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    report_failure,
)
from ._parser import UsageError, build_parser

__all__ = [
    "EXIT_API",
    "EXIT_AUTH",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "main",
]


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run one ``flipkart`` command and return its exit code (see the module docstring).

    ``stdout`` / ``stderr`` default to the process streams; tests pass their own.
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"{exc.prog}: error: {exc.message}", file=err)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit on their own
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    with contextlib.ExitStack() as stack:
        from ._debug import debug_logging, quiet_logging, warnings_as_lines

        stack.enter_context(debug_logging(err) if args.debug else quiet_logging())
        stack.enter_context(warnings_as_lines(err))
        try:
            module_name, _, function_name = args.handler.partition(":")
            handler = getattr(import_module(module_name, __name__), function_name)
            code: int = handler(args, out, err)
            out.flush()
            return code
        except BaseException as exc:  # every failure becomes one line and an exit code
            return report_failure(exc, err, debug=args.debug, streams=(out, err))
