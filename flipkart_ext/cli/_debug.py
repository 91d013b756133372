"""``--debug``: the library's log on stderr. Its loggers redact secrets themselves."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TextIO

__all__ = ["debug_logging", "quiet_logging"]

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
