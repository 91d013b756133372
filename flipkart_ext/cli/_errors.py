"""Exit codes, and the one line printed for each kind of failure."""

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
    "EXIT_INTERRUPTED",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "BadInput",
    "Refused",
    "bad_input",
    "classify",
    "one_line",
    "report_failure",
]

EXIT_OK: Final = 0
EXIT_API: Final = 1
EXIT_USAGE: Final = 2
EXIT_NETWORK: Final = 3
EXIT_AUTH: Final = 4
EXIT_PARTIAL: Final = 5
"""A bulk command ran, but some shipments were refused or not sent; each is listed on stdout."""
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

_PROG: Final = "flipkart"


class BadInput(Exception):
    """The command line or the environment asks for something invalid (exit 2)."""


class Refused(Exception):
    """Flipkart refused the request, and the command can say why and what to run (exit 1)."""


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
        message = str(exc)
        for field, flag in (flags or {}).items():
            if message.startswith(field + ":"):
                message = flag + message[len(field) :]
                break
        raise BadInput(message) from exc


def one_line(text: str) -> str:
    """Collapse whitespace so that a message is always exactly one line."""
    return " ".join(text.split()) or "unknown error"


def classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and message for a failure."""
    from ..errors import (
        APIConnectionError,
        AuthenticationError,
        ConfigurationError,
        FlipkartError,
    )

    if isinstance(exc, BadInput | ConfigurationError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, Refused):
        return EXIT_API, str(exc)
    if isinstance(exc, AuthenticationError):
        return EXIT_AUTH, str(exc)
    if isinstance(exc, APIConnectionError):
        return EXIT_NETWORK, str(exc)
    if isinstance(exc, FlipkartError):
        return EXIT_API, str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED, "interrupted"
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return EXIT_API, f"{exc.strerror or type(exc).__name__}{where}"
    return EXIT_API, f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"


def _silence_stdout() -> None:
    # After EPIPE, Python would complain again while flushing stdout at exit.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def report_failure(
    exc: BaseException, err: TextIO, *, debug: bool, streams: tuple[TextIO, TextIO]
) -> int:
    """Print one line (the traceback first with ``debug``) and return the exit code."""
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else EXIT_API
    if isinstance(exc, BrokenPipeError) and streams[0] is sys.stdout:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    code, message = classify(exc)
    if debug:
        import traceback

        traceback.print_exception(exc, file=err)
    print(f"{_PROG}: error: {one_line(message)}", file=err)
    err.flush()
    return code
