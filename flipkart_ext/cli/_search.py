"""``flipkart shipments search``: a filtered export of shipments to stdout."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shlex
from typing import TYPE_CHECKING, Final, TextIO

import httpx

from ._client import client_from_env
from ._errors import BadInput, bad_input
from ._export import export_pages
from ._formats import writer_for
from ._parser import filter_type, split_values

if TYPE_CHECKING:
    from ..shipments import ShipmentFilter

__all__ = ["FILTER_OPTIONS", "build_filter", "check_resume_cursor", "parse_when", "run"]

IST: Final = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
_DATE_ONLY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_RANGE_FLAGS: Final = ("order_date", "dispatch_by", "dispatch_after", "modified", "cancelled")
FILTER_OPTIONS: Final = (
    "type",
    "state",
    "cancellation_type",
    "sku",
    "location",
    "shipment_type",
    "hold",
    "sort",
    "sort_order",
    "page_size",
    *(f"{flag}_{end}" for flag in _RANGE_FLAGS for end in ("from", "to")),
)
"""Namespace attributes that describe the search; a resumed search takes them from its cursor."""

# ShipmentFilter names its arguments in messages; the user typed these flags.
_FLAGS: Final = {
    "filter_type": "--type",
    "states": "--state",
    "cancellation_type": "--cancellation-type",
    "location_id": "--location",
    "skus": "--sku",
    "shipment_types": "--shipment-type",
    "hold": "--hold",
    "sort_field": "--sort",
    "sort_order": "--sort-order",
    "page_size": "--page-size",
    **{
        f"{field}{end}": f"--{flag.replace('_', '-')}{end.replace(' ', '-')}"
        for field, flag in (
            ("order_date", "order_date"),
            ("dispatch_by_date", "dispatch_by"),
            ("dispatch_after_date", "dispatch_after"),
            ("modified_date", "modified"),
            ("cancellation_date", "cancelled"),
        )
        for end in (" from", " to", "")
    },
}


def parse_when(text: str, *, end_of_day: bool) -> dt.datetime | str:
    """A plain date is a whole day in India Standard Time; anything else goes to the filter.

    ``ShipmentFilter`` parses (and refuses, when it has no offset) everything else.
    """
    if _DATE_ONLY.fullmatch(text):
        day = dt.date.fromisoformat(text)
        moment = dt.time(23, 59, 59, 999_000) if end_of_day else dt.time(0, 0)
        return dt.datetime.combine(day, moment, tzinfo=IST)
    return text


def _when(args: argparse.Namespace, flag: str, end: str) -> dt.datetime | str | None:
    text = getattr(args, f"{flag}_{end}")
    if text is None:
        return None
    try:
        return parse_when(text, end_of_day=end == "to")
    except ValueError as exc:  # a date-shaped value that is no date, e.g. month 13
        option = f"--{flag.replace('_', '-')}-{end}"
        raise BadInput(f"{option}: {text!r} is not a date ({exc})") from None


def _range(
    args: argparse.Namespace, flag: str
) -> tuple[dt.datetime | str | None, dt.datetime | str | None] | None:
    start, end = _when(args, flag, "from"), _when(args, flag, "to")
    if start is None and end is None:
        return None
    return start, end


def _upper(values: list[str] | None) -> list[str] | None:
    # States and shipment types are upper-case enums: accept any case on the command line.
    return None if values is None else [value.upper() for value in values]


def build_filter(args: argparse.Namespace) -> ShipmentFilter | None:
    """The search described by the flags, or ``None`` when resuming from a cursor."""
    from ..shipments import ShipmentFilter

    if args.resume_from is not None:
        given = [name for name in FILTER_OPTIONS if getattr(args, name) is not None]
        if given:
            flags = ", ".join("--" + name.replace("_", "-") for name in given)
            raise BadInput(
                f"--resume-from continues a search whose filter travels in the cursor; drop {flags}"
            )
        return None
    with bad_input(_FLAGS):
        return ShipmentFilter(
            filter_type(args.type),
            states=_upper(split_values(args.state)),
            cancellation_type=args.cancellation_type,
            location_id=args.location,
            skus=split_values(args.sku),
            shipment_types=_upper(split_values(args.shipment_type)),
            hold=args.hold,
            sort_field=args.sort,
            sort_order=args.sort_order,
            page_size=args.page_size,
            order_date=_range(args, "order_date"),
            dispatch_by_date=_range(args, "dispatch_by"),
            dispatch_after_date=_range(args, "dispatch_after"),
            modified_date=_range(args, "modified"),
            cancellation_date=_range(args, "cancelled"),
        )


def _resume_hint(cursor: str) -> str:
    return f"to continue: flipkart shipments search --resume-from {shlex.quote(cursor)}"


def check_resume_cursor(cursor: str, api_base_url: str) -> None:
    """Refuse (exit 2) a ``--resume-from`` that is no cursor of this command, before sending it.

    The library sends any cursor that is safe (on the API host, under its base path); the
    command knows more: its cursors continue the search itself (``GET
    /v3/shipments/filter?next_token=...``), so anything else was mistyped or mis-pasted,
    and would otherwise come back as an API error about some other URL.
    """
    from .._spec import SHIPMENT_SEARCH_NEXT
    from ..errors import PaginationError
    from ..paging import ApiBase

    base = ApiBase(api_base_url)
    try:
        url = httpx.URL(base.resolve(cursor))
    except PaginationError as exc:
        raise BadInput(f"--resume-from: {exc}") from exc
    search = httpx.URL(base.join(SHIPMENT_SEARCH_NEXT.path)).path
    if url.path.rstrip("/") != search or not url.query:
        raise BadInput(
            "--resume-from: not a cursor of this search (one continues "
            f"{SHIPMENT_SEARCH_NEXT.path}?next_token=...); copy it from the 'to continue' "
            "line an export printed"
        )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export every matching shipment; progress and resume hints go to ``err``."""
    search = build_filter(args)
    resuming = args.resume_from is not None
    with client_from_env(args) as client:
        from ..errors import PaginationError

        if resuming:
            check_resume_cursor(args.resume_from, client.api_base_url)
        try:
            with bad_input():
                pages = client.shipments.pages(
                    search, max_pages=args.max_pages, resume_from=args.resume_from, raw=True
                )
        except PaginationError as exc:  # only a --resume-from cursor is checked this early
            raise BadInput(f"--resume-from: {exc}") from exc
        # A resumed CSV export is appended to the first part: no second header.
        writer = writer_for(args.format, out, header=not resuming)
        return export_pages(
            pages,
            writer,
            out,
            err,
            limit=args.limit,
            progress_flag=args.progress,
            resume_hint=_resume_hint,
            resuming=resuming,
        )
