"""Progress on stderr, never mixed with the output on stdout.

Three ways to show it, chosen by :func:`progress_mode`:

- ``live``: a rich progress display on a terminal, redrawn in place and removed when done
  (transient), so that only the summary line stays. Used only when stdout is not the same
  terminal, or when the output is written at the end (a table): output streaming to the
  terminal under a redrawn line would collide with it;
- ``lines``: one plain line per step, for a log file (``--progress`` with stderr redirected);
- ``summary``: only the closing line (``--progress`` while the output itself streams to
  the terminal).

Every line names what it counts (shipments, returns, listings, requests).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TextIO

from ._text import plural

if TYPE_CHECKING:
    import rich.progress

__all__ = ["BatchProgress", "ExportProgress", "Mode", "progress_mode"]

Mode = Literal["live", "lines", "summary"]


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def progress_mode(
    option: bool | None, out: TextIO, err: TextIO, *, output_at_end: bool = False
) -> Mode | None:
    """How to show progress: ``--progress`` / ``--no-progress``, else only on a terminal."""
    if option is False:
        return None
    if _isatty(err):
        if not _isatty(out) or output_at_end:
            return "live"
        return "summary" if option else None
    return "lines" if option else None


def _live(err: TextIO, *columns: rich.progress.ProgressColumn | str) -> rich.progress.Progress:
    from rich.console import Console
    from rich.progress import Progress

    return Progress(*columns, console=Console(file=err), transient=True)


class ExportProgress:
    """Pages and items of an export (``noun``: what the items are, plural)."""

    def __init__(
        self, err: TextIO, mode: Mode, *, noun: str, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._err = err
        self._mode = mode
        self._noun = noun
        self._clock = clock
        self._started = clock()
        self.pages = 0
        self.items = 0
        self._display: rich.progress.Progress | None = None
        self._task: rich.progress.TaskID | None = None
        if mode == "live":
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self._display = _live(
                err,
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.completed} " + noun + ", {task.fields[pages]} pages"),
                TimeElapsedColumn(),
            )
            self._task = self._display.add_task(f"Exporting {noun}", total=None, pages=0)
            self._display.start()

    def _status(self) -> str:
        elapsed = self._clock() - self._started
        rate = f", {self.items / elapsed:.1f} {self._noun}/s" if elapsed > 0 else ""
        return f"{plural(self.pages, 'page')}, {self.items} {self._noun}{rate}"

    def page(self, items: int) -> None:
        """One more page holding ``items`` (after de-duplication and ``--limit``)."""
        self.pages += 1
        self.items += items
        if self._display is not None and self._task is not None:
            self._display.update(self._task, completed=self.items, pages=self.pages)
        elif self._mode == "lines":
            self._err.write(f"exporting {self._noun}: {self._status()}\n")
            self._err.flush()

    def _stop(self) -> None:
        if self._display is not None:
            self._display.stop()
            self._display = None

    def finish(self) -> None:
        """Remove the live display; print the final count and the total time."""
        self._stop()
        elapsed = self._clock() - self._started
        self._err.write(f"done: {self._status()} in {elapsed:.1f}s\n")
        self._err.flush()

    def abandon(self) -> None:
        """Remove the live display (an error or a resume hint follows on its own line)."""
        self._stop()
        self._err.flush()


class BatchProgress:
    """Requests of a bulk call as they complete (the library's ``progress`` callback)."""

    def __init__(self, err: TextIO, *, description: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

        self._display = _live(
            err,
            TextColumn(description),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("requests"),
            TimeElapsedColumn(),
        )
        self._task = self._display.add_task(description, total=None)
        self._display.start()

    def __call__(self, done: int, total: int) -> None:
        self._display.update(self._task, completed=done, total=total)

    def close(self) -> None:
        """Remove the display."""
        self._display.stop()
