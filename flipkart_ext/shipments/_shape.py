"""The shape of a shipment search page, for the shared paging engine.

``POST /v3/shipments/filter`` opens the search; each answer is
``{hasMore, nextPageUrl, shipments}`` and a later page is a ``GET`` of ``nextPageUrl``
exactly as given (it carries the filter; the client must not rebuild it).
"""

from __future__ import annotations

from typing import Final

from .._spec import SHIPMENT, SHIPMENT_PAGE
from ..paging import FollowUrl
from ..paging._shape import page_shape

__all__ = ["SHIPMENT_SEARCH_PAGES"]


SHIPMENT_SEARCH_PAGES: Final = page_shape(
    "shipment search",
    SHIPMENT_PAGE,
    SHIPMENT.id,
    FollowUrl("shipment_v3.search_pre_dispatch_shipment_get"),
    "shipment.Shipment",
)
