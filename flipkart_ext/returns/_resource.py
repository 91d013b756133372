"""``client.returns``: returns search across pages and look-ups by id, sync and async.

The search rides the shared paging engine (``RETURN_PAGES``); look-ups walk one search
per chunk of at most :data:`MAX_IDS_PER_LOOKUP` ids and put the results back in input
order. Requests are built by the generated ``get_returns`` operation, so parameter
names come from the spec. ``http`` carries the base URL, auth and retries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import httpx

from .._errors import InvalidArgument
from .._inputs import one_of
from .._lookups import chunked, in_input_order, unique_ids
from .._wire_names import RETURN_ITEM
from ..paging import (
    DEFAULT_DEDUPE_WINDOW,
    ApiBase,
    AsyncItemIterator,
    AsyncPageIterator,
    ItemIterator,
    PageIterator,
    PageRequest,
    PageWalker,
)
from ._filter import RETURN_SOURCES, ReturnFilter
from ._shape import RETURN_PAGES

if TYPE_CHECKING:
    from flipkart_seller_api.models.return_item import ReturnItem

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
    def __init__(self, api_base_url: str | httpx.URL) -> None:
        self._api_base = ApiBase(api_base_url)

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


class Returns(_ReturnsBase):
    """Returns search and look-ups over a configured ``httpx.Client``."""

    def __init__(self, http: httpx.Client, api_base_url: str | httpx.URL) -> None:
        super().__init__(api_base_url)
        self._http = http

    @overload
    def search(
        self,
        filter: ReturnFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        dedupe_window: int = ...,
    ) -> ItemIterator[ReturnItem]: ...

    @overload
    def search(
        self,
        filter: ReturnFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        dedupe_window: int = ...,
    ) -> ItemIterator[dict[str, Any]]: ...

    def search(
        self,
        filter: ReturnFilter | None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> ItemIterator[Any]:
        """Every return matching ``filter``, across pages, each exactly once, in server order.

        Same options as ``client.shipments.search``: ``limit``, ``max_pages``,
        ``resume_from`` (a ``Page.cursor``; ``filter`` may then be ``None``), ``raw``.
        Arguments are checked here, before any request.
        """
        walker = self._walker(
            filter,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return ItemIterator(self._http, walker)

    def pages(
        self,
        filter: ReturnFilter | None,
        *,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> PageIterator[Any]:
        """The same search one ``Page`` at a time; store ``page.cursor`` to resume later."""
        walker = self._walker(
            filter,
            raw=raw,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return PageIterator(self._http, walker)

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


class AsyncReturns(_ReturnsBase):
    """Returns search and look-ups over a configured ``httpx.AsyncClient``."""

    def __init__(self, http: httpx.AsyncClient, api_base_url: str | httpx.URL) -> None:
        super().__init__(api_base_url)
        self._http = http

    @overload
    def search(
        self,
        filter: ReturnFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[ReturnItem]: ...

    @overload
    def search(
        self,
        filter: ReturnFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[dict[str, Any]]: ...

    def search(
        self,
        filter: ReturnFilter | None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncItemIterator[Any]:
        """``async for`` form of ``Returns.search``; ``prefetch=1`` fetches a page ahead."""
        walker = self._walker(
            filter,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncItemIterator(self._http, walker, prefetch)

    def pages(
        self,
        filter: ReturnFilter | None,
        *,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncPageIterator[Any]:
        """``async for`` form of ``Returns.pages``."""
        walker = self._walker(
            filter,
            raw=raw,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncPageIterator(self._http, walker, prefetch)

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
