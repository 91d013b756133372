"""``ReturnFilter``: a validated, immutable description of one returns search.

Every check runs in the constructor, so a bad filter raises ``ValueError`` naming the
field before any request exists. The query is built by the generated operation
(``get_returns._get_kwargs``), so its parameter names come from the spec.
"""

from __future__ import annotations

from typing import Any

from .._boundary import guarded_class
from .._core.inputs import DateRangeInput, FrozenValue, Range, date_range, one_of, text_problem
from .._spec import RETURN_SOURCES
from ..errors import InvalidArgument

__all__ = ["ReturnFilter"]

"""Flipkart's two kinds of return; every returns search names one."""


def _iso(value: Any) -> str:
    return str(value.isoformat())


@guarded_class
class ReturnFilter(FrozenValue):
    """What to search for with ``GET /v2/returns``.

    ``source`` is required: ``"customer_return"`` (the buyer sends it back) or
    ``"courier_return"`` (undelivered, back from the courier). ``created`` and
    ``modified`` are ``(from, to)`` ranges of aware datetimes (or ISO strings with an
    offset); either end may be ``None``::

        ReturnFilter("customer_return", created=(yesterday, None), location_id="LOC1")
    """

    __slots__ = ("created", "location_id", "modified", "source")

    source: str
    created: Range | None
    modified: Range | None
    location_id: str | None

    def __init__(
        self,
        source: str,
        *,
        created: DateRangeInput | None = None,
        modified: DateRangeInput | None = None,
        location_id: str | None = None,
    ) -> None:
        if location_id is not None and (problem := text_problem(location_id)) is not None:
            raise InvalidArgument(f"location_id: {problem}")
        set_ = object.__setattr__
        set_(self, "source", one_of("source", source, RETURN_SOURCES))
        set_(self, "created", date_range("created", created))
        set_(self, "modified", date_range("modified", modified))
        set_(self, "location_id", location_id)

    def query(self) -> dict[str, Any]:
        """Keyword arguments for the generated ``get_returns._get_kwargs``."""
        arguments: dict[str, Any] = {"source": self.source}
        for name, bounds in (("created", self.created), ("modified", self.modified)):
            if bounds is not None:
                start, end = bounds
                if start is not None:
                    arguments[f"{name}_after"] = _iso(start)
                if end is not None:
                    arguments[f"{name}_before"] = _iso(end)
        if self.location_id is not None:
            arguments["location_id"] = self.location_id
        return arguments

    def _fields(self) -> tuple[Any, ...]:
        return (self.source, self.created, self.modified, self.location_id)

    def __repr__(self) -> str:
        extra = [
            f"{name}={value!r}"
            for name, value in (
                ("created", self.created),
                ("modified", self.modified),
                ("location_id", self.location_id),
            )
            if value is not None
        ]
        return f"ReturnFilter({self.source!r}{''.join(', ' + e for e in extra)})"
