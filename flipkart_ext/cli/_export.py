"""The export loop shared by ``shipments search``, ``returns search`` and ``listings search``.

Pages are written as they arrive; progress goes to stderr. When the export stops early
(``--limit``, ``--max-pages``, an error, Ctrl-C, SIGTERM) the command that continues it is
printed on stderr, whether or not stderr is a terminal: every flag of the run again, and
``--resume-from`` the cursor of the first page not written in full.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TextIO

import click

from ._errors import BadInput
from ._formats import Writer
from ._progress import ExportProgress, progress_mode
from ._state import continue_command

__all__ = ["CONTINUE_PREFIX", "check_url_cursor", "export_pages", "resume_hint"]

CONTINUE_PREFIX: Final = "to continue: "


def check_url_cursor(cursor: str) -> None:
    """Refuse, before sending it, a ``--resume-from`` that cannot be a page URL Flipkart gave.

    The shipment and return searches continue from the URL of the next page, which carries
    its position in its query. A cursor without one was mistyped or mis-pasted, and could
    otherwise be followed to some other resource. Anything else is judged by the library
    (host and base path) and then by Flipkart.
    """
    if "?" not in cursor or not cursor.split("?", 1)[1].strip():
        raise BadInput(
            f"--resume-from: {cursor!r} is not a cursor of this search (a cursor is the URL of "
            "the next page, with a query); copy it from the 'to continue' line of an export"
        )


def resume_hint(filter_options: Iterable[str]) -> Callable[[str], str]:
    """The line that continues the current command from a cursor (filters travel in it)."""
    ctx = click.get_current_context()
    leave_out = tuple(filter_options)

    def hint(cursor: str) -> str:
        return CONTINUE_PREFIX + continue_command(ctx, cursor, leave_out=leave_out)

    return hint


def export_pages(
    pages: Any,
    writer: Writer,
    out: TextIO,
    err: TextIO,
    *,
    noun: str,
    limit: int | None,
    progress_flag: bool | None,
    output_at_end: bool,
    resume_hint: Callable[[str], str],
    resuming: bool,
    expand: Callable[[list[Mapping[str, Any]]], list[Mapping[str, Any]]] | None = None,
) -> int:
    """Write every item of ``pages`` (a page iterator) through ``writer``; the exit code.

    ``expand`` turns a page's items into what is written (a listing search looks each
    page's SKUs up); it runs before anything of the page is written.
    """
    from .. import InvalidRequest, MalformedResponse, NotFound

    mode = progress_mode(progress_flag, out, err, output_at_end=output_at_end)
    progress = ExportProgress(err, mode, noun=noun) if mode is not None else None
    remaining = limit
    resumable: str | None = None  # the cursor after the last page written in full
    fetched = 0
    try:
        if remaining != 0:
            for page in pages:
                fetched += 1
                items = page.items if remaining is None else page.items[:remaining]
                written = expand(list(items)) if expand is not None else items
                for item in written:
                    writer.write(item)
                out.flush()
                if progress is not None:
                    progress.page(len(items))
                resumable = page.cursor if len(items) == len(page.items) else None
                if remaining is not None:
                    remaining -= len(items)
                    if remaining <= 0:
                        break
    except (InvalidRequest, NotFound, MalformedResponse) as exc:
        if progress is not None:
            progress.abandon()
        if resuming and fetched == 0:  # the cursor itself was refused, or led elsewhere
            what = (
                "what it points at is no page of this list"
                if isinstance(exc, MalformedResponse)
                else "Flipkart refused this cursor"
            )
            raise BadInput(
                f"--resume-from: {what} ({exc}); copy the cursor from the 'to continue' "
                "line of an export of the same list"
            ) from exc
        _print_resume(err, resume_hint, getattr(exc, "resume_from", None) or resumable)
        raise
    except BaseException as exc:
        if progress is not None:
            progress.abandon()
        if not isinstance(exc, BrokenPipeError):
            # An error's own resume cursor, else the page after the last written in full.
            _print_resume(err, resume_hint, getattr(exc, "resume_from", None) or resumable)
        raise
    finally:
        pages.close()
    writer.close()
    if progress is not None:
        progress.finish()
    if resumable is not None:
        # Stopped by --limit or --max-pages with pages left: say how to go on.
        _print_resume(err, resume_hint, resumable)
    return 0


def _print_resume(err: TextIO, hint: Callable[[str], str], cursor: str | None) -> None:
    if cursor is not None:
        print(hint(cursor), file=err)
        err.flush()
