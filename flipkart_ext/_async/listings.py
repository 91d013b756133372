"""``client.listings``: listings by SKU, listing search, bulk stock and price updates.

Written once (the sync twin is generated): plans come from ``flipkart_ext.listings``; the
engines of this layer send their calls through the I/O path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._boundary import guarded_class
from .._core.batches import BatchResults
from ..listings._lookup import ListingDetails, ListingLookup
from ..listings._planner import ListingPlans, PriceChanges, Progress, StockChanges
from ..listings._updates import SkuResult, plan_change
from .batches import run_batch
from .lookups import run_lookup
from .pages import AsyncPagedList

if TYPE_CHECKING:
    # Named (as a string) in the generic bases below.
    from flipkart_seller_api.models.bulk_listing import BulkListing  # noqa: F401

__all__ = ["AsyncListings"]


@guarded_class
class AsyncListings(ListingPlans, AsyncPagedList[str | None, "BulkListing"]):
    """``client.listings``: listings by SKU, listing search, bulk stock and price updates.

    ``search(status)`` walks the listings of one status (``"ACTIVE"`` / ``"INACTIVE"``);
    ``search(None)`` walks every listing.

    Built by the client; every call goes through its I/O path (auth, retries, budget).
    """

    async def _change(
        self, kind: str, changes: object, max_concurrency: int, progress: Progress | None
    ) -> BatchResults[SkuResult]:
        plan = plan_change(kind, changes)
        return await run_batch(
            self._wire, plan, max_concurrency=max_concurrency, policy=self._retry, progress=progress
        )

    async def update_inventory(
        self, updates: StockChanges, *, max_concurrency: int = 1, progress: Progress | None = None
    ) -> BatchResults[SkuResult]:
        """Set stock per SKU and location: ``{"SKU-1": StockUpdate("PID", {"LOC1": 12})}``.

        Calls of at most 10 SKUs, ``max_concurrency`` at a time; one ``SkuResult`` per SKU,
        in input order (``.succeeded`` / ``.failed``). A SKU Flipkart refuses is a result,
        never an exception; a call that fails after retries marks its SKUs ``NOT_APPLIED``.
        A 429 pauses the whole batch for its ``Retry-After``. Every change is checked
        before anything is sent (a location given twice for one SKU is refused). The wire
        form (``{"product_id", "locations": [{"id", "inventory"}]}``) and the generated
        ``UpdateInventoryRequest`` are accepted too, and so are ``(SKU, change)`` pairs
        (the form a CSV reader produces; a SKU given twice is refused, naming both).
        """
        return await self._change("update_inventory", updates, max_concurrency, progress)

    async def update_price(
        self, updates: PriceChanges, *, max_concurrency: int = 1, progress: Progress | None = None
    ) -> BatchResults[SkuResult]:
        """Set prices per SKU: ``{"SKU-1": PriceUpdate("PID", mrp=999, selling_price=799)}``.

        Batched and reported like :meth:`update_inventory`.
        """
        return await self._change("update_price", updates, max_concurrency, progress)

    async def update(
        self,
        listings: Mapping[str, Any],
        *,
        max_concurrency: int = 1,
        progress: Progress | None = None,
    ) -> BatchResults[SkuResult]:
        """Replace whole listings (generated ``UpdateListingRequest`` or its JSON), per SKU."""
        return await self._change("update", listings, max_concurrency, progress)

    async def create(
        self,
        listings: Mapping[str, Any],
        *,
        max_concurrency: int = 1,
        progress: Progress | None = None,
    ) -> BatchResults[SkuResult]:
        """List new SKUs (generated ``CreateListingRequest`` or its JSON), per SKU."""
        return await self._change("create", listings, max_concurrency, progress)

    async def get(self, skus: Iterable[str] | str, *, raw: bool = False) -> ListingDetails:
        """The listings of ``skus``: calls of at most 10 SKUs, answers merged.

        A SKU given twice is refused before any call.
        """
        return await run_lookup(self._wire, ListingLookup(skus, raw=raw))
