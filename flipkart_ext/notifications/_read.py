"""Liberal readers for notification fields: an absent or oddly typed value reads as ``None``.

Flipkart's pages print the same field as a number in one place and a string in another
(``holdQuantity`` is ``""`` in the event structure and ``1`` in the example), so each
reader accepts every form that carries the value and refuses only what cannot.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from ._dates import parse_timestamp

__all__ = [
    "boolean",
    "date",
    "first",
    "integer",
    "number",
    "objects",
    "shared",
    "text",
    "texts",
]

_T = TypeVar("_T")


def text(mapping: Mapping[str, Any], *keys: str) -> str | None:
    """First of ``keys`` holding a string (or an integer id), as a string."""
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


def integer(mapping: Mapping[str, Any], *keys: str) -> int | None:
    """First of ``keys`` holding a whole number: an int, an integral float or a digit string."""
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value.strip())
    return None


def number(mapping: Mapping[str, Any], key: str) -> float | None:
    """A finite number (amounts such as ``sellingPrice``), from a number or a numeric string."""
    value = mapping.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value)
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def boolean(mapping: Mapping[str, Any], *keys: str) -> bool | None:
    """First of ``keys`` holding ``true``/``false`` (or the strings ``"true"``/``"false"``)."""
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    return None


def date(mapping: Mapping[str, Any], key: str) -> dt.datetime | None:
    """An aware datetime from any form :func:`parse_timestamp` reads, else ``None``."""
    return parse_timestamp(mapping.get(key))


def objects(mapping: Mapping[str, Any], key: str) -> tuple[Mapping[str, Any], ...]:
    """The JSON objects in the list at ``key`` (other entries are skipped; ``raw`` keeps them)."""
    value = mapping.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, Mapping))


def texts(mapping: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """The strings in the list at ``key`` (e.g. ``packageIds``)."""
    value = mapping.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def first(*values: _T | None) -> _T | None:
    """The first value that is not ``None`` (an empty string counts: it is what was sent)."""
    return next((value for value in values if value is not None), None)


def shared(values: Iterable[_T | None]) -> _T | None:
    """The one value every entry that has one agrees on; ``None`` if none has one or they differ.

    Used for an event-level shortcut to a per-item field (a cancellation ``reason``, a
    return's ``quantity``): it answers when the answer is unambiguous, and the per-item
    values stay available on the items themselves.
    """
    found: list[_T] = []
    for value in values:
        if value is not None and value not in found:
            found.append(value)
    return found[0] if len(found) == 1 else None
