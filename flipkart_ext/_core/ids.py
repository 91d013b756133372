"""Look-ups by lists of ids: validation, chunking at a per-call limit, and input order.

Shared by every resource that accepts ``...ids=`` (shipments at 100 per call, returns at
25, listings at 10), so those rules live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ..errors import InvalidArgument
from .inputs import refuse_repeats, text_problem

__all__ = ["chunked", "in_input_order", "unique_ids"]

T = TypeVar("T")


def unique_ids(field: str, ids: Iterable[str] | str) -> list[str]:
    """Validated ids, in order; an id given twice is refused, naming both positions.

    A single string counts as one id. Ids must be printable, non-empty strings without a
    comma (Flipkart joins them with commas in one parameter).
    """
    listed: Iterable[object] = [ids] if isinstance(ids, str) else ids
    try:
        items = list(listed)
    except TypeError:
        raise InvalidArgument(f"{field}: expected an iterable of id strings, got {ids!r}") from None
    for index, item in enumerate(items):
        problem = text_problem(item, commas=False)
        if problem is not None:
            raise InvalidArgument(f"{field}[{index}]: {problem}")
    refuse_repeats(field, items)
    return [str.__str__(item) for item in items]


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """Consecutive runs of at most ``size`` items, in order."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def in_input_order(
    chunk: list[str], found: Iterable[T], keys_of: Callable[[T], Iterable[object]]
) -> list[T]:
    """``found`` sorted by the first position in ``chunk`` of any of its keys.

    Items matching no id of the chunk follow, in the order the server sent them (the
    sort is stable).
    """
    position = {key: i for i, key in enumerate(chunk)}
    unmatched = len(chunk)

    def rank(item: T) -> int:
        ranks = [position[k] for k in keys_of(item) if isinstance(k, str) and k in position]
        return min(ranks, default=unmatched)

    return sorted(found, key=rank)
