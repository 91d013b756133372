"""The export loop shared by ``shipments search`` and ``returns search``.

Pages are written as they arrive; progress goes to stderr; when the export stops early
(``--limit``, ``--max-pages``, an error, Ctrl-C) the command to continue it is printed,
naming the cursor of the first page not written in full.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from ._errors import BadInput
from ._formats import Writer
from ._progress import Progress, wants_progress

__all__ = ["export_pages"]


def export_pages(
    pages: Any,
    writer: Writer,
    out: TextIO,
    err: TextIO,
    *,
    limit: int | None,
    progress_flag: bool | None,
    resume_hint: Callable[[str], str],
    resuming: bool,
) -> int:
    """Write every item of ``pages`` (a page iterator) through ``writer``; the exit code."""
    from ..errors import InvalidRequest, NotFound

    progress = Progress(err, live=err.isatty()) if wants_progress(progress_flag, err) else None
    remaining = limit
    resumable: str | None = None  # the cursor after the last page written in full
    fetched = 0
    try:
        if remaining != 0:
            for page in pages:
                fetched += 1
                items = page.items if remaining is None else page.items[:remaining]
                for item in items:
                    writer.write(item)
                out.flush()
                if progress is not None:
                    progress.page(len(items))
                resumable = page.cursor if len(items) == len(page.items) else None
                if remaining is not None:
                    remaining -= len(items)
                    if remaining <= 0:
                        break
    except (InvalidRequest, NotFound) as exc:
        if resuming and fetched == 0:  # Flipkart refused the cursor itself
            raise BadInput(f"--resume-from: Flipkart refused this cursor ({exc})") from exc
        raise
    except BaseException as exc:
        if progress is not None:
            # With progress on, the way to continue goes with it (otherwise a failure stays
            # one line): an error's own resume cursor, else the last page written in full.
            progress.abandon()
            cursor = getattr(exc, "resume_from", None) or resumable
            if cursor is not None:
                progress.note(resume_hint(cursor))
        raise
    finally:
        pages.close()
    writer.close()
    if progress is not None:
        progress.finish()
    if resumable is not None:
        # Stopped by --limit or --max-pages with pages left: say how to go on.
        print(resume_hint(resumable), file=err)
    return 0
