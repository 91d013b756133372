"""Listings: look-ups by SKU, listing search, and bulk stock and price updates.

``client.listings.get(["SKU-1", "SKU-2"])`` asks in calls of at most 10 SKUs and merges
the answers; ``client.listings.search()`` walks every listing through the shared paging
engine (:mod:`flipkart_ext.paging`).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_module_getattr
from ._lookup import MAX_SKUS_PER_CALL, ListingDetails
from ._planner import LISTING_STATUSES
from ._updates import NOT_APPLIED, NOT_IN_ANSWER, PriceUpdate, SkuResult, StockUpdate

if TYPE_CHECKING:
    from .._async.listings import AsyncListings
    from .._sync.listings import Listings

__all__ = [
    "LISTING_STATUSES",
    "MAX_SKUS_PER_CALL",
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "AsyncListings",
    "ListingDetails",
    "Listings",
    "PriceUpdate",
    "SkuResult",
    "StockUpdate",
]

# The facades live with the I/O layer, which imports this package's plans: loaded on use.
__getattr__ = lazy_module_getattr(
    __name__, {"AsyncListings": ".._async.listings", "Listings": ".._sync.listings"}
)
