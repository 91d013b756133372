"""Checks for the values users pass in, shared by every resource, filter and constructor.

Each raises :class:`~flipkart_ext.InvalidArgument` (also a ``ValueError``) whose message
starts with the argument's name (``"order_date from: ..."``), before any request exists.
Input is never rewritten quietly: a value given twice is refused, naming both places.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, Self

from ..errors import InvalidArgument

__all__ = [
    "DateRangeInput",
    "FrozenValue",
    "InstantInput",
    "Range",
    "date_range",
    "exactly_one",
    "first_repeat",
    "flag",
    "instant",
    "number",
    "one_of",
    "optional_values",
    "refuse_repeats",
    "text_problem",
    "values",
    "whole_number",
]

InstantInput = dt.datetime | str
"""An aware ``datetime``, or a string ``dateutil`` parses to one (it must carry an offset)."""

DateRangeInput = tuple[InstantInput | None, InstantInput | None]
"""``(from, to)``; either end may be ``None`` for an open range, not both."""

Range = tuple[dt.datetime | None, dt.datetime | None]
"""A checked range: aware datetimes, ``from <= to``, at least one end."""


def text_problem(value: object, *, commas: bool = True) -> str | None:
    """Why ``value`` cannot be sent as an id, code or name; ``None`` when it can.

    It must be a non-blank string of printable characters: a control, format or surrogate
    character (category ``C*``: a newline, NUL, a lone surrogate) would change the URL or
    body it lands in, or fail to encode, so it is refused here rather than on the wire.
    Ids that Flipkart joins with commas may not hold one (``commas=False``).
    """
    if not isinstance(value, str) or not value.strip():
        return f"expected a non-empty string, got {value!r}"
    if any(unicodedata.category(char)[0] == "C" for char in value):
        return f"{value!r} holds a control or unprintable character"
    if not commas and "," in value:
        return f"{value!r} contains a comma; pass each id separately"
    return None


def flag(field: str, value: object) -> bool:
    """``value`` if it is ``True`` or ``False``; anything else (``None``, ``1``, ``"no"``)
    is refused rather than read by its truthiness."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"{field}: expected True or False, got {value!r}")
    return value


def exactly_one(**given: Any) -> tuple[str, Any]:
    """The one argument of ``given`` that is not ``None``, with its name; otherwise an
    ``InvalidArgument`` naming them all and the ones given."""
    named = {name: value for name, value in given.items() if value is not None}
    if len(named) != 1:
        raise InvalidArgument(
            f"{', '.join(given)}: give exactly one of them (got {', '.join(named) or 'none'})"
        )
    ((name, value),) = named.items()
    return name, value


def one_of(field: str, value: object, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed`` (a ``StrEnum`` member is sent as its value)."""
    if not isinstance(value, str) or value not in allowed:
        raise InvalidArgument(f"{field}: expected one of {allowed}, got {value!r}")
    # A StrEnum member is accepted and sent as its plain value.
    return str.__str__(value)


def values(
    field: str, values: Iterable[str] | str, allowed: tuple[str, ...] | None
) -> tuple[str, ...]:
    """Non-empty strings (from ``allowed`` when given), in order.

    A single string counts as one value; an empty collection is refused (omit the argument),
    and so is a value given twice.
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
    checked: list[str] = []
    for item in listed:
        if allowed is not None:
            checked.append(one_of(field, item, allowed))
        elif (problem := text_problem(item)) is None:
            checked.append(str.__str__(item))
        else:
            raise InvalidArgument(f"{field}: {problem}")
    refuse_repeats(field, checked)
    return tuple(checked)


def first_repeat(items: Sequence[Hashable]) -> tuple[int, int] | None:
    """``(first, second)`` positions of the first item given twice, or ``None``."""
    seen: dict[Hashable, int] = {}
    for index, item in enumerate(items):
        if item in seen:
            return seen[item], index
        seen[item] = index
    return None


def refuse_repeats(field: str, items: Sequence[Hashable]) -> None:
    """Refuse a sequence that holds a value twice, naming both positions."""
    repeat = first_repeat(items)
    if repeat is not None:
        first, second = repeat
        raise InvalidArgument(
            f"{field}[{second}]: {items[second]!r} is given twice (also at {field}[{first}]); "
            "give each once"
        )


def number(
    field: str,
    value: object,
    *,
    minimum: float = 0.0,
    above_minimum: bool = False,
    maximum: float = math.inf,
) -> float:
    """A real, finite number within bounds (``bool`` and strings are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidArgument(f"{field}: expected a number, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidArgument(f"{field}: expected a finite number, got {value!r}")
    if value < minimum or (above_minimum and value == minimum) or value > maximum:
        low = f"more than {minimum:g}" if above_minimum else f"at least {minimum:g}"
        high = "" if maximum == math.inf else f" and at most {maximum:g}"
        raise InvalidArgument(f"{field}: expected a number {low}{high}, got {value!r}")
    return float(value)


def whole_number(field: str, value: object, *, minimum: int = 1, maximum: int | None = None) -> int:
    """A whole number within bounds (``bool`` and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{field}: expected a whole number, got {value!r}")
    if value < minimum or (maximum is not None and value > maximum):
        high = "" if maximum is None else f" and at most {maximum}"
        raise InvalidArgument(
            f"{field}: expected a whole number of at least {minimum}{high}, got {value!r}"
        )
    return value


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
    try:
        offset = instant.utcoffset()
    except (ValueError, OverflowError):
        # dateutil keeps an offset Python cannot hold ("+99:00") until it is asked for.
        raise InvalidArgument(f"{field}: {value!r} has an offset beyond 24 hours") from None
    if instant.tzinfo is None or offset is None:
        raise InvalidArgument(
            f"{field}: {value!r} has no time zone; Flipkart reads times with an offset "
            "(e.g. +05:30), so a naive time would silently shift the range"
        )
    return instant


class FrozenValue:
    """Immutable, compared and hashed by :meth:`_fields`: the value semantics of a filter.

    A subclass lists its attributes in ``__slots__``, sets them with
    ``object.__setattr__`` in its constructor, and names them in ``_fields``.
    """

    __slots__ = ()

    def _fields(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; build a new one")

    # An immutable value is its own copy (as a tuple is).
    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self

    def __setstate__(self, state: tuple[Any, dict[str, Any]]) -> None:
        # Unpickling restores the slots through here: the refusal in __setattr__ is for
        # callers, and the constructor's checks ran when the pickled value was built.
        for name, value in state[1].items():
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())
