"""Listings: look-ups by SKU, listing search, and bulk stock and price updates.

``client.listings.get(["SKU-1", "SKU-2"])`` asks in calls of at most 10 SKUs and merges
the answers; ``client.listings.search()`` walks every listing through the shared paging
engine (:mod:`flipkart_ext.paging`).
"""

from ._lookup import MAX_SKUS_PER_CALL, ListingDetails
from ._resource import LISTING_STATUSES, AsyncListings, Listings
from ._updates import NOT_APPLIED, NOT_IN_ANSWER, PriceUpdate, SkuResult, StockUpdate

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
