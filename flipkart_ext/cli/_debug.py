"""``--debug``: the library's log on stderr. Its loggers redact secrets themselves."""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from typing import TextIO

__all__ = ["debug_logging", "quiet_logging", "warnings_as_lines"]

_LEVELS = (("flipkart_ext", logging.DEBUG), ("httpx", logging.INFO))


@contextlib.contextmanager
def debug_logging(stream: TextIO) -> Iterator[None]:
    """Send ``flipkart_ext`` (DEBUG) and ``httpx`` (INFO: one line per request) to ``stream``.

    Levels and handlers are restored afterwards, so ``main`` can run many times in one process.
    """
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    previous = []
    for name, level in _LEVELS:
        logger = logging.getLogger(name)
        previous.append((logger, logger.level))
        logger.setLevel(level)
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger, level in previous:
            logger.removeHandler(handler)
            logger.setLevel(level)


@contextlib.contextmanager
def quiet_logging() -> Iterator[None]:
    """Keep the library's warnings (e.g. "giving up on ...") off stderr without ``--debug``.

    With no handler configured, Python prints warnings through its last-resort
    handler; the failure they describe is reported as the command's one error line.
    """
    handler = logging.NullHandler()
    logger = logging.getLogger("flipkart_ext")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


@contextlib.contextmanager
def warnings_as_lines(stream: TextIO) -> Iterator[None]:
    """Print each Python warning as one ``flipkart: warning: ...`` line (not file:line: ...)."""
    from ._errors import one_line

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        print(f"flipkart: warning: {one_line(str(message))}", file=stream)

    from .. import ConfigurationWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", ConfigurationWarning)  # shown, even under -W error
        warnings.showwarning = show
        yield
