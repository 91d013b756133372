"""What ``client.returns`` decides before any I/O: searches and look-ups by id.

The search rides the shared paging engine (``RETURN_PAGES``); a look-up walks one search
per chunk of at most :data:`MAX_IDS_PER_LOOKUP` ids and puts the results back in input
order. Requests are built by the generated ``get_returns`` operation, so parameter names
come from the spec.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from .._core.calls import Call
from .._core.ids import chunked, in_input_order, unique_ids
from .._core.inputs import exactly_one, one_of
from .._spec import RETURN_ITEM, RETURN_SOURCES
from ..errors import InvalidArgument
from ..paging import PageRequest
from ..paging._plans import SearchPlans
from ._filter import ReturnFilter
from ._shape import RETURN_PAGES

__all__ = ["MAX_IDS_PER_LOOKUP", "Ids", "ReturnLookup", "ReturnPlans"]

MAX_IDS_PER_LOOKUP: Final = 25
"""Flipkart's limit on ``returnIds`` / ``trackingIds`` per call."""

Ids = Iterable[str] | str
"""Return or tracking ids: an iterable of id strings, or one id alone."""


class ReturnLookup:
    """Plan for a look-up by return or tracking ids: one search per chunk, results in input order."""

    def __init__(
        self,
        source: str,
        return_ids: Ids | None,
        tracking_ids: Ids | None,
        raw: bool,
    ) -> None:
        self.field, values = exactly_one(return_ids=return_ids, tracking_ids=tracking_ids)
        self.source = one_of("source", source, RETURN_SOURCES)
        self.chunks = chunked(unique_ids(self.field, values), MAX_IDS_PER_LOOKUP)
        self._key = RETURN_ITEM.id if self.field == "return_ids" else RETURN_ITEM.tracking_id
        self._parse = None if raw else RETURN_PAGES.load_model()
        self._results: list[Any] = []
        self._seen: set[str] = set()

    def query(self, chunk: list[str]) -> dict[str, Any]:
        return {"source": self.source, self.field: ",".join(chunk)}

    def add(self, chunk: list[str], found: list[Any]) -> None:
        """Take every return one chunk's search yielded (raw dicts)."""

        def keys(item: Any) -> list[object]:
            return [item.get(self._key)] if isinstance(item, dict) else []

        for item in in_input_order(chunk, found, keys):
            return_id = item.get(RETURN_ITEM.id) if isinstance(item, dict) else None
            if isinstance(return_id, str):
                if return_id in self._seen:
                    continue
                self._seen.add(return_id)
            parsed = self._parse is None or not isinstance(item, dict)
            self._results.append(item if parsed else self._parse(item))  # type: ignore[misc]

    def result(self) -> list[Any]:
        return self._results


class ReturnPlans(SearchPlans[ReturnFilter]):
    """The plans of every returns call; mixed into the facades."""

    _shape = RETURN_PAGES

    def _request(self, query: dict[str, Any]) -> PageRequest:
        from flipkart_seller_api.api.returns_v2 import get_returns

        return Call.of(get_returns, **query)

    def _first(self, filter: ReturnFilter | None) -> PageRequest | None:
        if filter is None:
            return None
        if not isinstance(filter, ReturnFilter):
            raise InvalidArgument(f"filter: expected a ReturnFilter, got {type(filter).__name__}")
        return self._request(filter.query())
