"""Checks for the values users pass in, shared by every resource's filters and helpers.

Each raises ``ValueError`` naming the field (``"order_date from: ..."``) before any
request exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..errors import InvalidArgument

__all__ = [
    "DateRangeInput",
    "InstantInput",
    "Range",
    "date_range",
    "instant",
    "one_of",
    "optional_values",
    "values",
]

InstantInput = dt.datetime | str
"""An aware ``datetime``, or a string ``dateutil`` parses to one (it must carry an offset)."""

DateRangeInput = tuple[InstantInput | None, InstantInput | None]
"""``(from, to)``; either end may be ``None`` for an open range, not both."""

Range = tuple[dt.datetime | None, dt.datetime | None]
"""A checked range: aware datetimes, ``from <= to``, at least one end."""


def one_of(field: str, value: object, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed`` (a ``StrEnum`` member is sent as its value)."""
    if not isinstance(value, str) or value not in allowed:
        raise InvalidArgument(f"{field}: expected one of {allowed}, got {value!r}")
    # A StrEnum member is accepted and sent as its plain value.
    return str.__str__(value)


def values(
    field: str, values: Iterable[str] | str, allowed: tuple[str, ...] | None
) -> tuple[str, ...]:
    """Non-empty strings (from ``allowed`` when given), repeats dropped, order kept.

    A single string counts as one value; an empty collection is refused (omit the argument).
    """
    items: Iterable[object] = [values] if isinstance(values, str) else values
    try:
        listed = list(items)
    except TypeError:
        raise InvalidArgument(
            f"{field}: expected a string or an iterable of strings, got {values!r}"
        ) from None
    if not listed:
        raise InvalidArgument(f"{field}: empty; omit the argument instead of passing no values")
    seen: dict[str, None] = {}
    for item in listed:
        if allowed is not None:
            seen[one_of(field, item, allowed)] = None
        elif isinstance(item, str) and item.strip():
            seen[str.__str__(item)] = None
        else:
            raise InvalidArgument(f"{field}: expected non-empty strings, got {item!r}")
    return tuple(seen)


def optional_values(
    field: str, given: Iterable[str] | str | None, allowed: tuple[str, ...]
) -> tuple[str, ...] | None:
    """:func:`values`, or ``None`` when nothing was given."""
    return None if given is None else values(field, given, allowed)


def date_range(field: str, value: DateRangeInput | None) -> Range | None:
    """A ``(from, to)`` pair of aware instants, either end open, ``from <= to``."""
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, tuple | list) or len(value) != 2:
        raise InvalidArgument(f"{field}: expected a (from, to) pair, got {value!r}")
    start = None if value[0] is None else instant(f"{field} from", value[0])
    end = None if value[1] is None else instant(f"{field} to", value[1])
    if start is None and end is None:
        raise InvalidArgument(f"{field}: give at least one of from and to")
    if start is not None and end is not None and start > end:
        raise InvalidArgument(
            f"{field}: from ({start.isoformat()}) is after to ({end.isoformat()})"
        )
    return (start, end)


def instant(field: str, value: object) -> dt.datetime:
    """An aware datetime, or an ISO string with an offset; a naive time is refused."""
    if isinstance(value, dt.datetime):
        instant = value
    elif isinstance(value, str):
        from dateutil import parser

        try:
            instant = parser.parse(value)
        except (ValueError, OverflowError):
            raise InvalidArgument(f"{field}: cannot read {value!r} as a date-time") from None
    elif isinstance(value, dt.date):
        raise InvalidArgument(f"{field}: a date has no time of day or zone; pass an aware datetime")
    else:
        raise InvalidArgument(
            f"{field}: expected an aware datetime or an ISO string, got {value!r}"
        )
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise InvalidArgument(
            f"{field}: {value!r} has no time zone; Flipkart reads times with an offset "
            "(e.g. +05:30), so a naive time would silently shift the range"
        )
    return instant
