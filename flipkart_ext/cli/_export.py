"""The export loop shared by ``shipments search``, ``returns search`` and ``listings search``.

Pages are written as they arrive; progress goes to stderr. When the export stops early
(``--limit``, ``--max-pages``, an error, Ctrl-C, SIGTERM) the command that continues it is
printed on stderr, whether or not stderr is a terminal: every flag of the run again, and
``--resume-from`` the cursor of the first page not written in full.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import SimpleNamespace
from typing import Any, Final, TextIO

import click

from ._errors import BadInput, bad_input
from ._formats import SHIPMENTS, Layout, writer_for
from ._progress import ExportProgress, progress_mode
from ._state import continue_command

__all__ = [
    "CONTINUE_PREFIX",
    "check_resume",
    "check_url_cursor",
    "export_pages",
    "open_pages",
    "resume_hint",
]

CONTINUE_PREFIX: Final = "to continue: "


def check_resume(args: SimpleNamespace, filter_options: Iterable[str]) -> bool:
    """Whether ``args`` resume a search from ``--resume-from``: then its URL cursor is
    checked, and a filter flag is refused (the filter travels in the cursor)."""
    if args.resume_from is None:
        return False
    given = [name for name in filter_options if getattr(args, name) not in (None, ())]
    if given:
        flags = ", ".join("--" + name.replace("_", "-") for name in given)
        raise BadInput(
            f"--resume-from continues a search whose filter travels in the cursor; drop {flags}"
        )
    check_url_cursor(args.resume_from)
    return True


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


def open_pages(resource: Any, search: object, args: SimpleNamespace) -> Any:
    """``resource.pages(search)`` as the flags ask (``--max-pages``, ``--resume-from``), raw.

    A cursor the library refuses before sending it is bad input.
    """
    from .. import PaginationError

    try:
        with bad_input():
            return resource.pages(
                search, max_pages=args.max_pages, resume_from=args.resume_from, raw=True
            )
    except PaginationError as exc:  # only a --resume-from cursor is checked this early
        raise BadInput(f"--resume-from: {exc}") from exc


def export_pages(
    pages: Any,
    args: SimpleNamespace,
    out: TextIO,
    err: TextIO,
    *,
    noun: str,
    layout: Layout = SHIPMENTS,
    filter_options: Iterable[str] = (),
    expand: Callable[[list[Mapping[str, Any]]], list[Mapping[str, Any]]] | None = None,
) -> int:
    """Write every item of ``pages`` (a page iterator) as ``--format`` says; the exit code.

    ``--limit``, ``--progress`` and ``--resume-from`` come from ``args`` too; a resumed
    CSV export is appended to the first part, so it has no second header. The command that
    continues an export leaves ``filter_options`` out (the cursor carries them).
    ``expand`` turns a page's items into what is written (a listing search looks each
    page's SKUs up); it runs before anything of the page is written.
    """
    from .. import InvalidRequest, MalformedResponse, NotFound

    resuming = args.resume_from is not None
    writer = writer_for(args.format, out, header=not resuming, layout=layout)
    hint = resume_hint(filter_options)
    mode = progress_mode(args.progress, out, err, output_at_end=args.format == "table")
    progress = ExportProgress(err, mode, noun=noun) if mode is not None else None
    remaining = args.limit
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
        _print_resume(err, hint, getattr(exc, "resume_from", None) or resumable)
        raise
    except BaseException as exc:
        if progress is not None:
            progress.abandon()
        if not isinstance(exc, BrokenPipeError):
            # An error's own resume cursor, else the page after the last written in full.
            _print_resume(err, hint, getattr(exc, "resume_from", None) or resumable)
        raise
    finally:
        pages.close()
    writer.close()
    if progress is not None:
        progress.finish()
    if resumable is not None:
        # Stopped by --limit or --max-pages with pages left: say how to go on.
        _print_resume(err, hint, resumable)
    return 0


def _print_resume(err: TextIO, hint: Callable[[str], str], cursor: str | None) -> None:
    if cursor is not None:
        print(hint(cursor), file=err)
        err.flush()
