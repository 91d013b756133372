"""What ``client.listings`` decides before any I/O: the listing search.

Look-ups are planned by ``_lookup`` (chunks of 10 SKUs, merged) and bulk changes by
``_updates``; the search body is built by the generated ``BulkListingRequest``, so its
keys come from the spec.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .._core.calls import Call
from .._core.inputs import one_of
from ..paging import PageRequest
from ..paging._plans import SearchPlans
from ._shape import LISTING_PAGES

__all__ = ["LISTING_STATUSES", "ListingPlans", "PriceChanges", "Progress", "StockChanges"]

LISTING_STATUSES = ("ACTIVE", "INACTIVE")
"""The listing statuses a listing search can be narrowed to."""

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called as each request of a bulk call settles."""
StockChanges = Mapping[str, Any] | Iterable[tuple[str, Any]]
"""SKU -> :class:`StockUpdate` (or its wire form, or a generated ``UpdateInventoryRequest``),
as a mapping or as ``(SKU, change)`` pairs (a SKU given twice is refused)."""
PriceChanges = Mapping[str, Any] | Iterable[tuple[str, Any]]
"""SKU -> :class:`PriceUpdate` (or its wire form, or a generated ``UpdatePriceRequest``),
as a mapping or as ``(SKU, change)`` pairs (a SKU given twice is refused)."""


class ListingPlans(SearchPlans[str]):
    """The plans of every listings call; mixed into the facades.

    A search's ``filter`` is the listing status (``"ACTIVE"`` / ``"INACTIVE"``) or ``None``
    for all. The token cursor does not carry it: resume with the same status.
    """

    _shape = LISTING_PAGES

    def _first(self, filter: str | None) -> PageRequest:
        status = filter
        from flipkart_seller_api.api.listings_v3 import listing_search
        from flipkart_seller_api.models.bulk_listing_filter import BulkListingFilter
        from flipkart_seller_api.models.bulk_listing_filter_lisitng_status import (
            BulkListingFilterLisitngStatus,
        )
        from flipkart_seller_api.models.bulk_listing_request import BulkListingRequest
        from flipkart_seller_api.types import UNSET

        wanted = (
            UNSET
            if status is None
            else BulkListingFilterLisitngStatus(one_of("status", status, LISTING_STATUSES))
        )
        request = BulkListingRequest(filters=BulkListingFilter(lisitng_status=wanted))
        return Call.of(listing_search, body=request)
