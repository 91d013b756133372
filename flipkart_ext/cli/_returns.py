"""``flipkart returns search``: a filtered export of returns to stdout.

The same output formats, progress and resume hints as ``flipkart shipments search``; the
cursor to resume from is Flipkart's ``nextUrl``.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TextIO

from ._client import client_from_env
from ._errors import BadInput, bad_input
from ._export import check_resume, export_pages, open_pages
from ._formats import RETURNS
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
    from ..returns import ReturnFilter

    search = None
    if not check_resume(args, FILTER_OPTIONS):
        if args.source is None:
            raise BadInput("--source is required: customer_return or courier_return")
        with bad_input(_FLAGS):
            search = ReturnFilter(
                args.source,
                created=_range(args, "created"),  # type: ignore[arg-type]
                modified=_range(args, "modified"),  # type: ignore[arg-type]
                location_id=args.location,
            )
    with client_from_env(args) as client:
        pages = open_pages(client.returns, search, args)
        return export_pages(
            pages, args, out, err, noun="returns", layout=RETURNS, filter_options=FILTER_OPTIONS
        )
