"""The exit codes (one table for every command), and the one line printed for each failure."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Final, TextIO

__all__ = [
    "EXIT_API",
    "EXIT_AUTH",
    "EXIT_BROKEN_PIPE",
    "EXIT_CODES",
    "EXIT_INTERRUPTED",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "BadInput",
    "Declined",
    "Refused",
    "bad_input",
    "classify",
    "exit_code_table",
    "one_line",
    "report_failure",
]

EXIT_OK: Final = 0
EXIT_API: Final = 1
EXIT_USAGE: Final = 2
EXIT_NETWORK: Final = 3
EXIT_AUTH: Final = 4
EXIT_PARTIAL: Final = 5
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

EXIT_CODES: Final[tuple[tuple[int, str], ...]] = (
    (EXIT_OK, "done: everything asked for was done"),
    (
        EXIT_API,
        "Flipkart refused or failed the whole request (an HTTP error other than "
        "authentication, after retries), or an unexpected failure",
    ),
    (
        EXIT_USAGE,
        "bad input or configuration: an unknown command, option or value, an invalid "
        "filter, a file that cannot be read or written (or is not UTF-8), missing "
        "credentials, a missing extra, a port in use",
    ),
    (EXIT_NETWORK, "network: no answer from Flipkart (connection refused or reset, timeout)"),
    (EXIT_AUTH, "authentication: the credentials or the token were rejected (HTTP 401, 403)"),
    (
        EXIT_PARTIAL,
        "partial: some shipments, SKUs or returns were refused, not sent or not found, or "
        "an answer did not match its request; each one is listed",
    ),
    (
        EXIT_INTERRUPTED,
        "interrupted: Ctrl-C, SIGTERM or a declined confirmation; an export prints the "
        "command that continues it",
    ),
    (EXIT_BROKEN_PIPE, "stdout was closed early (output piped into head, say)"),
)
"""Every exit code of every command, with its meaning: printed by ``flipkart --help``."""

_PROG: Final = "flipkart"


def exit_code_table(width: int = 86) -> str:
    """The exit codes as aligned text lines (``flipkart --help`` and the CLI guide)."""
    import textwrap

    return "\n".join(
        textwrap.fill(meaning, width, initial_indent=f"{code:>3}  ", subsequent_indent=" " * 5)
        for code, meaning in EXIT_CODES
    )


class BadInput(Exception):
    """The command line, a file or the environment asks for something invalid (exit 2)."""


class Refused(Exception):
    """Flipkart refused the request, and the command can say why and what to run (exit 1)."""


class Declined(Exception):
    """The operator answered no at a confirmation (exit 130: nothing was sent)."""


@contextlib.contextmanager
def bad_input(flags: Mapping[str, str] | None = None) -> Iterator[None]:
    """Treat a ``ValueError`` raised while *preparing* a command as bad input.

    Only the set-up (reading the environment, building a filter, checking ids) runs
    under it, so a ``ValueError`` from anywhere else is not misreported as the user's.
    ``flags`` renames the library's leading ``field:`` to the option the user typed.
    """
    try:
        yield
    except ValueError as exc:
        raise BadInput(renamed(str(exc), flags or {})) from exc


def renamed(message: str, flags: Mapping[str, str]) -> str:
    """``message`` with its leading ``field:`` replaced by the flag the user typed."""
    for field, flag in flags.items():
        if message.startswith(field + ":"):
            return flag + message[len(field) :]
    return message


def one_line(text: str) -> str:
    """Collapse whitespace so that a message is always exactly one line."""
    return " ".join(text.split()) or "no reason given"


def classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and message for a failure."""
    from .. import (
        APIConnectionError,
        AuthenticationError,
        ConfigurationError,
        FlipkartError,
        LocalFileError,
        PermissionDenied,
    )
    from ..testing import MissingExtra

    if isinstance(exc, BadInput | ConfigurationError | MissingExtra):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, Declined):
        return EXIT_INTERRUPTED, str(exc)
    if isinstance(exc, Refused):
        return EXIT_API, str(exc)
    if isinstance(exc, AuthenticationError | PermissionDenied):
        return EXIT_AUTH, str(exc)
    if isinstance(exc, APIConnectionError):
        return EXIT_NETWORK, str(exc)
    if isinstance(exc, LocalFileError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, FlipkartError):
        return EXIT_API, str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED, "interrupted"
    if isinstance(exc, OSError):
        # A file or folder the command was told to read or write: the operator's to fix.
        where = f": {exc.filename}" if exc.filename else ""
        return EXIT_USAGE, f"{exc.strerror or type(exc).__name__}{where}"
    return EXIT_API, f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"


def _silence_stdout() -> None:
    # After EPIPE, Python would complain again while flushing stdout at exit.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def report_failure(exc: BaseException, out: TextIO, err: TextIO, *, debug: bool) -> int:
    """Print one line (the traceback first with ``debug``) and return the exit code."""
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else EXIT_API
    if isinstance(exc, BrokenPipeError) and out is sys.stdout:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    code, message = classify(exc)
    if debug:
        import traceback

        traceback.print_exception(exc, file=err)
    print(f"{_PROG}: error: {one_line(message)}", file=err)
    err.flush()
    return code
