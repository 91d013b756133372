"""``flipkart returns search``: a filtered export of returns to stdout.

The same output formats, progress and resume hints as ``flipkart shipments search``; the
cursor to resume from is Flipkart's ``nextUrl``.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TextIO

from ._client import client_from_env
from ._errors import BadInput, bad_input
from ._export import check_url_cursor, export_pages, resume_hint
from ._formats import RETURNS, writer_for
from ._search import parse_when

__all__ = ["FILTER_OPTIONS", "run"]

FILTER_OPTIONS = (
    "source",
    "created_from",
    "created_to",
    "modified_from",
    "modified_to",
    "location",
)
_FLAGS = {
    "source": "--source",
    "location_id": "--location",
    **{
        f"{name}{end}": f"--{name}-{end.strip()}"
        for name in ("created", "modified")
        for end in (" from", " to")
    },
    "created": "--created-from/--created-to",
    "modified": "--modified-from/--modified-to",
}


def _range(args: SimpleNamespace, name: str) -> tuple[object, object] | None:
    ends = []
    for end in ("from", "to"):
        text = getattr(args, f"{name}_{end}")
        try:
            ends.append(None if text is None else parse_when(text, end_of_day=end == "to"))
        except ValueError as exc:  # a date-shaped value that is no date, e.g. month 13
            raise BadInput(f"--{name}-{end}: {text!r} is not a date ({exc})") from None
    return None if ends == [None, None] else (ends[0], ends[1])


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Export every matching return; progress and resume hints go to ``err``."""
    from .. import PaginationError
    from ..returns import ReturnFilter

    resuming = args.resume_from is not None
    search = None
    if resuming:
        given = [name for name in FILTER_OPTIONS if getattr(args, name) not in (None, ())]
        if given:
            flags = ", ".join("--" + name.replace("_", "-") for name in given)
            raise BadInput(
                f"--resume-from continues a search whose filter travels in the cursor; drop {flags}"
            )
    else:
        if args.source is None:
            raise BadInput("--source is required: customer_return or courier_return")
        with bad_input(_FLAGS):
            search = ReturnFilter(
                args.source,
                created=_range(args, "created"),  # type: ignore[arg-type]
                modified=_range(args, "modified"),  # type: ignore[arg-type]
                location_id=args.location,
            )
    if resuming:
        check_url_cursor(args.resume_from)
    with client_from_env(args) as client:
        try:
            with bad_input():
                pages = client.returns.pages(
                    search, max_pages=args.max_pages, resume_from=args.resume_from, raw=True
                )
        except PaginationError as exc:  # only a --resume-from cursor is checked this early
            raise BadInput(f"--resume-from: {exc}") from exc
        writer = writer_for(args.format, out, header=not resuming, layout=RETURNS)
        return export_pages(
            pages,
            writer,
            out,
            err,
            noun="returns",
            limit=args.limit,
            progress_flag=args.progress,
            output_at_end=args.format == "table",
            resume_hint=resume_hint(FILTER_OPTIONS),
            resuming=resuming,
        )
