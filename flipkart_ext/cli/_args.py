"""Small readings of option values shared by the commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = ["FILTER_TYPES", "filter_type", "split_values"]

FILTER_TYPES: Final = {
    "pre-dispatch": "preDispatch",
    "post-dispatch": "postDispatch",
    "cancelled": "cancelled",
}


def split_values(values: Iterable[str] | None) -> list[str] | None:
    """Repeated and comma-separated values, flattened: ``["a,b", "c"]`` -> ``["a", "b", "c"]``.

    ``None`` (and an option never given: an empty tuple) stays ``None``.
    """
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def filter_type(option: str | None) -> str:
    """The API's filter type for a ``--type`` choice (pre-dispatch when omitted)."""
    return FILTER_TYPES[option or "pre-dispatch"]
