"""Progress of a long export on stderr: pages, shipments and the rate.

On a terminal the line is redrawn in place; otherwise (``--progress`` into a file or
a pipe) each page gets its own line, so logs stay readable.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from ._text import plural

__all__ = ["Progress", "wants_progress"]


def wants_progress(option: bool | None, stream: TextIO) -> bool:
    """``--progress`` / ``--no-progress`` decide; by default only a terminal gets progress."""
    if option is not None:
        return option
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Counts pages and shipments and reports them to ``stream``."""

    def __init__(
        self, stream: TextIO, *, live: bool, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._live = live
        self._clock = clock
        self._started = clock()
        self._drawn = False
        self.pages = 0
        self.shipments = 0

    def _status(self) -> str:
        elapsed = self._clock() - self._started
        rate = f", {self.shipments / elapsed:.1f} shipments/s" if elapsed > 0 else ""
        return f"{plural(self.pages, 'page')}, {plural(self.shipments, 'shipment')}{rate}"

    def page(self, shipments: int) -> None:
        """One more page holding ``shipments`` (after de-duplication and ``--limit``)."""
        self.pages += 1
        self.shipments += shipments
        if self._live:
            self._stream.write(f"\r\x1b[Kexporting: {self._status()}")
            self._drawn = True
        else:
            self._stream.write(f"exporting: {self._status()}\n")
        self._stream.flush()

    def note(self, line: str) -> None:
        """A line of its own (a resume hint, say), without breaking the live line."""
        self._end_live_line()
        self._stream.write(line + "\n")
        self._stream.flush()

    def _end_live_line(self) -> None:
        if self._drawn:
            self._stream.write("\n")
            self._drawn = False

    def finish(self) -> None:
        """The final count and the total time."""
        self._end_live_line()
        elapsed = self._clock() - self._started
        self._stream.write(f"done: {self._status()} in {elapsed:.1f}s\n")
        self._stream.flush()

    def abandon(self) -> None:
        """Stop drawing (an error follows on its own line)."""
        self._end_live_line()
        self._stream.flush()
