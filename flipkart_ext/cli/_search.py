"""``flipkart shipments search``: a filtered export of shipments to stdout."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, TextIO

from ._args import FILTER_TYPES, filter_type, split_values
from ._client import client_from_env
from ._errors import BadInput, renamed
from ._export import check_resume, export_pages, open_pages

if TYPE_CHECKING:
    from ..shipments import ShipmentFilter

__all__ = ["FILTER_OPTIONS", "build_filter", "parse_when", "run"]

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


def _when(args: SimpleNamespace, flag: str, end: str) -> dt.datetime | str | None:
    text = getattr(args, f"{flag}_{end}")
    if text is None:
        return None
    try:
        return parse_when(text, end_of_day=end == "to")
    except ValueError as exc:  # a date-shaped value that is no date, e.g. month 13
        option = f"--{flag.replace('_', '-')}-{end}"
        raise BadInput(f"{option}: {text!r} is not a date ({exc})") from None


def _range(
    args: SimpleNamespace, flag: str
) -> tuple[dt.datetime | str | None, dt.datetime | str | None] | None:
    start, end = _when(args, flag, "from"), _when(args, flag, "to")
    if start is None and end is None:
        return None
    return start, end


def _upper(values: list[str] | None) -> list[str] | None:
    # States and shipment types are upper-case enums: accept any case on the command line.
    return None if values is None else [value.upper() for value in values]


def build_filter(args: SimpleNamespace) -> ShipmentFilter | None:
    """The search described by the flags, or ``None`` when resuming from a cursor."""
    from ..shipments import ShipmentFilter

    if check_resume(args, FILTER_OPTIONS):
        return None
    values: dict[str, Any] = {
        "states": _upper(split_values(args.state)),
        "cancellation_type": args.cancellation_type,
        "location_id": args.location,
        "skus": split_values(args.sku),
        "shipment_types": _upper(split_values(args.shipment_type)),
        "hold": args.hold,
        "sort_field": args.sort,
        "sort_order": args.sort_order,
        "page_size": args.page_size,
        "order_date": _range(args, "order_date"),
        "dispatch_by_date": _range(args, "dispatch_by"),
        "dispatch_after_date": _range(args, "dispatch_after"),
        "modified_date": _range(args, "modified"),
        "cancellation_date": _range(args, "cancelled"),
    }
    try:
        return ShipmentFilter(filter_type(args.type), **values)
    except ValueError as exc:
        message = renamed(str(exc), _FLAGS)
        if message.startswith("--state:"):
            message += _type_hint(args.type, values)
        raise BadInput(message) from exc


def _type_hint(given: str | None, values: dict[str, Any]) -> str:
    """``; add --type post-dispatch`` when the states belong to another filter type."""
    from ..shipments import ShipmentFilter

    for option, kind in FILTER_TYPES.items():
        if option == (given or "pre-dispatch") or kind == "cancelled":
            continue
        try:
            ShipmentFilter(kind, states=values["states"])
        except ValueError:
            continue
        return f" ({', '.join(values['states'] or ())} with --type {option})"
    return ""


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Export every matching shipment; progress and the command to continue go to ``err``."""
    search = build_filter(args)
    with client_from_env(args) as client:
        pages = open_pages(client.shipments, search, args)
        return export_pages(pages, args, out, err, noun="shipments", filter_options=FILTER_OPTIONS)
