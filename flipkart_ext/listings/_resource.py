"""``client.listings``: look-ups by SKU and listing search, sync and async.

Look-ups are chunked at 10 SKUs and merged (``_lookup``); the search rides the shared
paging engine (``LISTING_PAGES``). The search body is built by the generated
``BulkListingRequest``, so its keys come from the spec.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from .._batches import BatchResults, arun_batch, run_batch
from .._core.answers import (
    connection_errors,
    raise_for_response,
)
from .._core.inputs import one_of
from .._core.retry import RetryPolicy
from .._spec import LISTING_SEARCH
from ..paging import (
    ApiBase,
    AsyncPagedList,
    PagedList,
    PageRequest,
    PageWalker,
)
from ._lookup import ListingDetails, ListingLookup

if TYPE_CHECKING:
    # Named (as a string) in the generic bases below.
    from flipkart_seller_api.models.bulk_listing import BulkListing  # noqa: F401

    pass
from ._shape import LISTING_PAGES
from ._updates import PriceUpdate, SkuResult, StockUpdate, plan_change

__all__ = ["LISTING_STATUSES", "AsyncListings", "Listings"]

LISTING_STATUSES = ("ACTIVE", "INACTIVE")


def _decoded(response: httpx.Response) -> object:
    raise_for_response(response)
    try:
        return response.json()
    except ValueError:
        from ..errors import MalformedResponse

        raise MalformedResponse("listings look-up: the answer is not JSON") from None


Progress = Callable[[int, int], None]
StockChanges = Mapping[str, "StockUpdate | Mapping[str, Any] | Any"]
PriceChanges = Mapping[str, "PriceUpdate | Mapping[str, Any] | Any"]


class _ListingsBase:
    def __init__(self, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None) -> None:
        self._api_base = ApiBase(api_base_url)
        self._retry = retry or RetryPolicy()

    def _walker(
        self,
        filter: str | None,
        *,
        raw: bool,
        limit: int | None,
        max_pages: int | None,
        resume_from: str | None,
        dedupe_window: int,
    ) -> PageWalker[Any]:
        """``filter`` is the listing status (``"ACTIVE"`` / ``"INACTIVE"``) or ``None`` for all.

        The token cursor does not carry it: resume with the same status.
        """
        status = filter
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
        first = PageRequest("POST", self._api_base.join(LISTING_SEARCH.path), request.to_dict())
        return PageWalker(
            LISTING_PAGES,
            api_base=self._api_base,
            first=first,
            resume_from=resume_from,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            dedupe_window=dedupe_window,
        )


class Listings(_ListingsBase, PagedList[str, "BulkListing"]):
    """Listings by SKU and listing search over a configured ``httpx.Client``."""

    def __init__(
        self, http: httpx.Client, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None
    ) -> None:
        super().__init__(api_base_url, retry)
        self._http = http

    def _change(
        self, kind: str, changes: object, max_concurrency: int, progress: Progress | None
    ) -> BatchResults[SkuResult]:
        plan = plan_change(self._api_base, kind, changes)
        return run_batch(
            self._http, plan, max_concurrency=max_concurrency, policy=self._retry, progress=progress
        )

    def update_inventory(
        self, updates: StockChanges, *, max_concurrency: int = 1, progress: Progress | None = None
    ) -> BatchResults[SkuResult]:
        """Set stock per SKU and location: ``{"SKU-1": StockUpdate("PID", {"LOC1": 12})}``.

        Calls of at most 10 SKUs, ``max_concurrency`` at a time; one ``SkuResult`` per SKU,
        in input order (``.succeeded`` / ``.failed``). A SKU Flipkart refuses is a result,
        never an exception; a call that fails after retries marks its SKUs ``NOT_APPLIED``.
        A 429 pauses the whole batch for its ``Retry-After``. Every change is checked
        before anything is sent. The wire form (``{"product_id", "locations": [{"id",
        "inventory"}]}``) and the generated ``UpdateInventoryRequest`` are accepted too.
        """
        return self._change("update_inventory", updates, max_concurrency, progress)

    def update_price(
        self, updates: PriceChanges, *, max_concurrency: int = 1, progress: Progress | None = None
    ) -> BatchResults[SkuResult]:
        """Set prices per SKU: ``{"SKU-1": PriceUpdate("PID", mrp=999, selling_price=799)}``.

        Batched and reported like :meth:`update_inventory`.
        """
        return self._change("update_price", updates, max_concurrency, progress)

    def update(
        self,
        listings: Mapping[str, Any],
        *,
        max_concurrency: int = 1,
        progress: Progress | None = None,
    ) -> BatchResults[SkuResult]:
        """Replace whole listings (generated ``UpdateListingRequest`` or its JSON), per SKU."""
        return self._change("update", listings, max_concurrency, progress)

    def create(
        self,
        listings: Mapping[str, Any],
        *,
        max_concurrency: int = 1,
        progress: Progress | None = None,
    ) -> BatchResults[SkuResult]:
        """List new SKUs (generated ``CreateListingRequest`` or its JSON), per SKU."""
        return self._change("create", listings, max_concurrency, progress)

    def get(self, skus: Iterable[str] | str, *, raw: bool = False) -> ListingDetails:
        """The listings of ``skus``: calls of at most 10 SKUs, answers merged."""
        plan = ListingLookup(self._api_base, skus, raw=raw)
        for url in plan.urls:
            with connection_errors():
                plan.add(_decoded(self._http.get(url)))
        return plan.result()


class AsyncListings(_ListingsBase, AsyncPagedList[str, "BulkListing"]):
    """Listings by SKU and listing search over a configured ``httpx.AsyncClient``."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        api_base_url: str | httpx.URL,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(api_base_url, retry)
        self._http = http

    async def _change(
        self, kind: str, changes: object, max_concurrency: int, progress: Progress | None
    ) -> BatchResults[SkuResult]:
        plan = plan_change(self._api_base, kind, changes)
        return await arun_batch(
            self._http, plan, max_concurrency=max_concurrency, policy=self._retry, progress=progress
        )

    async def update_inventory(
        self, updates: StockChanges, *, max_concurrency: int = 1, progress: Progress | None = None
    ) -> BatchResults[SkuResult]:
        """Async form of ``Listings.update_inventory`` (``max_concurrency`` tasks at a time)."""
        return await self._change("update_inventory", updates, max_concurrency, progress)

    async def update_price(
        self, updates: PriceChanges, *, max_concurrency: int = 1, progress: Progress | None = None
    ) -> BatchResults[SkuResult]:
        """Async form of ``Listings.update_price``."""
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
        """Async form of ``Listings.get``."""
        plan = ListingLookup(self._api_base, skus, raw=raw)
        for url in plan.urls:
            with connection_errors():
                response = await self._http.get(url)
            plan.add(_decoded(response))
        return plan.result()
