"""``client.returns``: returns search across pages and look-ups by id, sync and async.

The search rides the shared paging engine (``RETURN_PAGES``); look-ups walk one search
per chunk of at most :data:`MAX_IDS_PER_LOOKUP` ids and put the results back in input
order. Requests are built by the generated ``get_returns`` operation, so parameter
names come from the spec. ``http`` carries the base URL, auth and retries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import httpx

from .._batches import BatchResults, arun_batch, run_batch
from .._core.ids import chunked, in_input_order, unique_ids
from .._core.inputs import InstantInput, one_of
from .._core.retry import RetryPolicy
from .._spec import RETURN_ITEM
from ..errors import InvalidArgument
from ..paging import (
    DEFAULT_DEDUPE_WINDOW,
    ApiBase,
    AsyncItemIterator,
    AsyncPagedList,
    ItemIterator,
    PagedList,
    PageRequest,
    PageWalker,
)
from ._actions import ReturnResult, plan_action
from ._filter import RETURN_SOURCES, ReturnFilter
from ._shape import RETURN_PAGES

if TYPE_CHECKING:
    # Named (as a string) in the generic bases below.
    from flipkart_seller_api.models.return_item import ReturnItem  # noqa: F401

    pass

__all__ = ["MAX_IDS_PER_LOOKUP", "AsyncReturns", "Returns"]

MAX_IDS_PER_LOOKUP: Final = 25
"""Flipkart's limit on ``returnIds`` / ``trackingIds`` per call."""

Ids = Iterable[str] | str


class _Lookup:
    """Plan for a look-up by return or tracking ids: one search per chunk, results in input order."""

    def __init__(
        self,
        source: str,
        return_ids: Ids | None,
        tracking_ids: Ids | None,
        raw: bool,
    ) -> None:
        given = {
            name: value
            for name, value in (("return_ids", return_ids), ("tracking_ids", tracking_ids))
            if value is not None
        }
        if len(given) != 1:
            raise InvalidArgument(
                "return_ids, tracking_ids: give exactly one of them"
                f" (got {', '.join(given) or 'none'})"
            )
        ((self.field, values),) = given.items()
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


class _ReturnsBase:
    def __init__(self, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None) -> None:
        self._api_base = ApiBase(api_base_url)
        self._retry = retry or RetryPolicy()

    def _request(self, query: dict[str, Any]) -> PageRequest:
        from flipkart_seller_api.api.returns_v2 import get_returns

        kwargs = get_returns._get_kwargs(**query)
        url = httpx.URL(self._api_base.join(kwargs["url"]), params=kwargs["params"])
        return PageRequest("GET", str(url))

    def _walker(
        self,
        filter: ReturnFilter | None,
        *,
        raw: bool,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
        query: dict[str, Any] | None = None,
    ) -> PageWalker[Any]:
        """Check the search arguments and set up the iteration (no I/O)."""
        if filter is not None and not isinstance(filter, ReturnFilter):
            raise InvalidArgument(f"filter: expected a ReturnFilter, got {type(filter).__name__}")
        if query is None and filter is not None:
            query = filter.query()
        return PageWalker(
            RETURN_PAGES,
            api_base=self._api_base,
            first=None if query is None else self._request(query),
            resume_from=resume_from,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            dedupe_window=dedupe_window,
        )


class Returns(_ReturnsBase, PagedList[ReturnFilter, "ReturnItem"]):
    """Returns search and look-ups over a configured ``httpx.Client``."""

    def __init__(
        self, http: httpx.Client, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None
    ) -> None:
        super().__init__(api_base_url, retry)
        self._http = http

    def _act(self, action: str, return_ids: Ids, **options: Any) -> BatchResults[ReturnResult]:
        plan = plan_action(self._api_base, action, return_ids, options)
        return run_batch(self._http, plan, policy=self._retry)

    def approve(
        self, return_ids: Ids, *, comments: str | None = None
    ) -> BatchResults[ReturnResult]:
        """Approve self-ship returns: calls of at most 100, one ``ReturnResult`` per return.

        A return Flipkart refuses (wrong state, unknown id) is a ``FAILURE`` result, not an
        exception; a call that fails after retries marks its returns ``NOT_APPLIED``. The
        other actions below report the same way.
        """
        return self._act("approve", return_ids, comments=comments)

    def reject(
        self, return_ids: Ids, *, service_date: InstantInput, comments: str | None = None
    ) -> BatchResults[ReturnResult]:
        """Reject self-ship returns (``service_date``: an aware datetime, Flipkart requires it)."""
        return self._act("reject", return_ids, service_date=service_date, comments=comments)

    def cancel(self, return_ids: Ids) -> BatchResults[ReturnResult]:
        """Cancel self-ship returns."""
        return self._act("cancel", return_ids)

    def pickup(self, return_ids: Ids, *, pickup_date: InstantInput) -> BatchResults[ReturnResult]:
        """Record that self-ship returns were picked up at ``pickup_date``."""
        return self._act("pickup", return_ids, pickup_date=pickup_date)

    def pickup_attempt(
        self,
        return_ids: Ids,
        *,
        pickup_date: InstantInput,
        new_pickup_date: InstantInput,
        reason: str | None = None,
    ) -> BatchResults[ReturnResult]:
        """Record a failed pickup attempt and the date of the next one."""
        return self._act(
            "pickup_attempt",
            return_ids,
            pickup_date=pickup_date,
            new_pickup_date=new_pickup_date,
            reason=reason,
        )

    def complete(self, return_ids: Ids) -> BatchResults[ReturnResult]:
        """Mark self-ship returns completed (received back)."""
        return self._act("complete", return_ids)

    def get(
        self,
        *,
        source: str,
        return_ids: Ids | None = None,
        tracking_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Returns by exactly one kind of id, in input order (calls of at most 25 ids)."""
        plan = _Lookup(source, return_ids, tracking_ids, raw)
        for chunk in plan.chunks:
            walker = self._walker(None, raw=True, query=plan.query(chunk))
            plan.add(chunk, list(ItemIterator(self._http, walker)))
        return plan.result()


class AsyncReturns(_ReturnsBase, AsyncPagedList[ReturnFilter, "ReturnItem"]):
    """Returns search and look-ups over a configured ``httpx.AsyncClient``."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        api_base_url: str | httpx.URL,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(api_base_url, retry)
        self._http = http

    async def _act(
        self, action: str, return_ids: Ids, **options: Any
    ) -> BatchResults[ReturnResult]:
        plan = plan_action(self._api_base, action, return_ids, options)
        return await arun_batch(self._http, plan, policy=self._retry)

    async def approve(
        self, return_ids: Ids, *, comments: str | None = None
    ) -> BatchResults[ReturnResult]:
        """Async form of ``Returns.approve``."""
        return await self._act("approve", return_ids, comments=comments)

    async def reject(
        self, return_ids: Ids, *, service_date: InstantInput, comments: str | None = None
    ) -> BatchResults[ReturnResult]:
        """Reject self-ship returns (``service_date``: an aware datetime, Flipkart requires it)."""
        return await self._act("reject", return_ids, service_date=service_date, comments=comments)

    async def cancel(self, return_ids: Ids) -> BatchResults[ReturnResult]:
        """Cancel self-ship returns."""
        return await self._act("cancel", return_ids)

    async def pickup(
        self, return_ids: Ids, *, pickup_date: InstantInput
    ) -> BatchResults[ReturnResult]:
        """Record that self-ship returns were picked up at ``pickup_date``."""
        return await self._act("pickup", return_ids, pickup_date=pickup_date)

    async def pickup_attempt(
        self,
        return_ids: Ids,
        *,
        pickup_date: InstantInput,
        new_pickup_date: InstantInput,
        reason: str | None = None,
    ) -> BatchResults[ReturnResult]:
        """Record a failed pickup attempt and the date of the next one."""
        return await self._act(
            "pickup_attempt",
            return_ids,
            pickup_date=pickup_date,
            new_pickup_date=new_pickup_date,
            reason=reason,
        )

    async def complete(self, return_ids: Ids) -> BatchResults[ReturnResult]:
        """Mark self-ship returns completed (received back)."""
        return await self._act("complete", return_ids)

    async def get(
        self,
        *,
        source: str,
        return_ids: Ids | None = None,
        tracking_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Async form of ``Returns.get``."""
        plan = _Lookup(source, return_ids, tracking_ids, raw)
        for chunk in plan.chunks:
            walker = self._walker(None, raw=True, query=plan.query(chunk))
            plan.add(chunk, [item async for item in AsyncItemIterator(self._http, walker, 0)])
        return plan.result()
