"""``flipkart``: everyday Seller API jobs from a shell, on click (parsing, help, completion)
and rich (progress and tables).

Run ``flipkart --help`` for the commands, the environment variables and the exit codes;
every command's ``--help`` ends with an example. The guide is ``docs/guides/cli.md``.

Credentials come from the environment, as for :meth:`FlipkartClient.from_env
<flipkart_ext.FlipkartClient.from_env>`. No option takes a secret, so none ends up in
shell history or ``ps`` output.

Every failure is one line on stderr, ``flipkart: error: ...``, and an exit code from
:data:`EXIT_CODES`; ``--debug`` adds the traceback and the library's (redacted) debug
log. The command line uses only the package's public names. ``import flipkart_ext`` never
imports this package, click or rich.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import TextIO

from ._errors import (
    EXIT_API,
    EXIT_AUTH,
    EXIT_BROKEN_PIPE,
    EXIT_CODES,
    EXIT_INTERRUPTED,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    report_failure,
)

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
    "main",
]


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM behaves like Ctrl-C: the command stops the same way and says how to go on."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run one ``flipkart`` command and return its exit code (see :data:`EXIT_CODES`).

    ``stdout`` / ``stderr`` default to the process streams; tests pass their own.
    """
    import click

    from ._app import cli
    from ._state import State

    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args = list(sys.argv[1:] if argv is None else argv)
    state = State(out, err)
    with contextlib.ExitStack() as stack:
        # click prints help and usage errors to sys.stdout / sys.stderr.
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        stack.enter_context(_sigterm_as_interrupt())
        try:
            result = cli.main(args=args, prog_name="flipkart", standalone_mode=False, obj=state)
            out.flush()
            return result if isinstance(result, int) else EXIT_OK
        except click.exceptions.Exit as exc:  # --help, --version, a group called alone
            return exc.exit_code
        except click.UsageError as exc:
            exc.show(file=err)
            return EXIT_USAGE
        except click.Abort:
            print("flipkart: error: interrupted", file=err)
            return EXIT_INTERRUPTED
        except BaseException as exc:  # every failure becomes one line and an exit code
            return report_failure(exc, out, err, debug=state.debug)
