"""Walking any paginated list: ``search()`` and ``pages()`` written once, for every list.

Every decision (safe cursors, no loops, no silent truncation, de-duplication, limits,
resume) lives in :class:`~flipkart_ext.paging.PageWalker`; this module sends the walker's
requests through the I/O path and hands its pages over. Any error that ends an iteration
is a :class:`~flipkart_ext.FlipkartError` carrying ``resume_from``.

A resource mixes in :class:`AsyncPagedList` with the filter type it takes and the model its
items parse into; its plans (a :class:`~flipkart_ext.paging._plans.SearchPlans`) name the
page shape and build the opening request from a filter. An iterator is consumed by one thread (or task) at a time; a second
one entering while the first is inside gets :class:`~flipkart_ext.ConcurrentUse`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any, Generic, Literal, TypeVar, overload

import httpx

from .._boundary import Unpicklable, guarded_class, types_its_own_errors
from .._concurrency import AsyncAhead
from .._core.calls import Answer
from .._core.retry import RetryPolicy
from ..errors import ConcurrentUse, FlipkartError, InternalError, InvalidArgument
from ..paging._plans import SearchPlans
from ..paging._walker import DEFAULT_DEDUPE_WINDOW, Page, PageWalker
from .closing import AsyncClosing
from .http import AsyncWire

__all__ = [
    "AsyncItemIterator",
    "AsyncIteration",
    "AsyncPageIterator",
    "AsyncPagedList",
    "check_prefetch",
]

T = TypeVar("T")
YieldT = TypeVar("YieldT")
F = TypeVar("F")
M = TypeVar("M")


def check_prefetch(prefetch: object) -> int:
    """Only one page can be fetched ahead: each cursor arrives with the page before it."""
    if isinstance(prefetch, bool) or prefetch not in (0, 1):
        raise InvalidArgument(f"prefetch: expected 0 or 1, got {prefetch!r}")
    return 1 if prefetch == 1 else 0


async def _pages(wire: AsyncWire, walker: PageWalker[T], prefetch: int) -> AsyncGenerator[Page[T]]:
    call = walker.next_request()
    ahead: AsyncAhead[Answer] | None = None
    try:
        while call is not None:
            try:
                if ahead is None:
                    answer = await wire.send(call)
                else:
                    answer = await ahead.result()
                    ahead = None
                page = walker.accept(answer.body)
            except FlipkartError as exc:
                walker.interrupted(exc)
                raise
            call = walker.next_request()
            if prefetch and call is not None:
                ahead = AsyncAhead(functools.partial(wire.send, call))
            yield page
    finally:
        if ahead is not None:
            await ahead.discard()


async def _items(pages: AsyncGenerator[Page[T]]) -> AsyncGenerator[T]:
    try:
        async for page in pages:
            for item in page.items:
                yield item
    finally:
        await pages.aclose()


@guarded_class
class AsyncIteration(AsyncClosing, Generic[YieldT]):
    """What the item and page iterators share: one consumer at a time, typed errors only."""

    _source: AsyncGenerator[YieldT]
    _walker: PageWalker[Any]

    def __init__(self) -> None:
        self._busy = threading.Lock()

    @property
    def pages_fetched(self) -> int:
        """Pages received so far."""
        return self._walker.pages_fetched

    @property
    def duplicates_skipped(self) -> int:
        """Items left out because their id was already yielded in this iteration."""
        return self._walker.duplicates_skipped

    def __aiter__(self) -> AsyncIterator[YieldT]:
        return self

    @types_its_own_errors
    async def __anext__(self) -> YieldT:
        if not self._busy.acquire(blocking=False):
            raise ConcurrentUse(
                "this iterator is already being consumed elsewhere (another thread or task); "
                "give each consumer its own search()"
            )
        try:
            return await anext(self._source)
        except (FlipkartError, StopAsyncIteration):
            raise
        except Exception as exc:  # a bug: still typed, still resumable
            error = InternalError(f"the iteration failed unexpectedly: {type(exc).__name__}: {exc}")
            self._walker.interrupted(error)
            raise error from exc
        finally:
            self._busy.release()

    async def aclose(self) -> None:
        """Stop the iteration; no further request is sent (a page fetched ahead is cancelled)."""
        await self._source.aclose()


@guarded_class
class AsyncPageIterator(AsyncIteration[Page[T]]):
    """Iterates over the ``Page`` objects of a list; ``aclose()`` (or ``with``) stops it early."""

    def __init__(self, wire: AsyncWire, walker: PageWalker[T], prefetch: int = 0) -> None:
        super().__init__()
        self._walker = walker
        self._source = _pages(wire, walker, check_prefetch(prefetch))


@guarded_class
class AsyncItemIterator(AsyncIteration[T]):
    """Iterates over the items of a list, across pages; ``aclose()`` (or ``with``) stops it early."""

    def __init__(self, wire: AsyncWire, walker: PageWalker[T], prefetch: int = 0) -> None:
        super().__init__()
        self._walker = walker
        self._source = _items(_pages(wire, walker, check_prefetch(prefetch)))


@guarded_class
class AsyncPagedList(Unpicklable, SearchPlans[F], Generic[F, M]):
    """``search()`` / ``pages()`` for a list: the resource's plans name its page shape and
    build the opening call from a filter."""

    def __init__(
        self,
        wire: AsyncWire | httpx.AsyncClient,
        api_base_url: str | httpx.URL,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(api_base_url, retry)
        # A plain httpx client (one configured by hand, with FlipkartAuth) gets its own path.
        self._wire = wire if isinstance(wire, AsyncWire) else AsyncWire(wire, api_base=api_base_url)

    @overload
    def search(
        self,
        filter: F,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[M]: ...

    @overload
    def search(
        self,
        filter: None = ...,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[M]: ...

    @overload
    def search(
        self,
        filter: F,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[dict[str, Any]]: ...

    @overload
    def search(
        self,
        filter: None = ...,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[dict[str, Any]]: ...

    def search(
        self,
        filter: F | None = None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncItemIterator[Any]:
        """Every item matching ``filter``, across pages, each exactly once, in server order.

        ``filter`` is needed unless ``resume_from`` is given. ``limit`` caps the number of
        items, ``max_pages`` the number of requests. ``resume_from`` is a ``Page.cursor`` (or
        an error's ``resume_from``) from an earlier run; a list whose cursor is a URL then
        needs no ``filter``, one whose cursor is a page token needs the same ``filter``
        again. ``raw=True`` yields the JSON objects as sent instead of generated models.
        ``prefetch=1`` asks for the next page while the caller works on the current one
        (async only; the sync client asks when the next page is needed).
        ``dedupe_window``: how many recent item ids are remembered to skip repeats.
        Arguments are checked here, before any request; an error that ends the iteration
        carries ``resume_from``.
        """
        walker = self._walker(
            filter,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncItemIterator(self._wire, walker, prefetch)

    @overload
    def pages(
        self,
        filter: F,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncPageIterator[M]: ...

    @overload
    def pages(
        self,
        filter: None = ...,
        *,
        max_pages: int | None = ...,
        resume_from: str,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncPageIterator[M]: ...

    @overload
    def pages(
        self,
        filter: F,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncPageIterator[dict[str, Any]]: ...

    @overload
    def pages(
        self,
        filter: None = ...,
        *,
        max_pages: int | None = ...,
        resume_from: str,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncPageIterator[dict[str, Any]]: ...

    def pages(
        self,
        filter: F | None = None,
        *,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncPageIterator[Any]:
        """The same search one ``Page`` at a time; keep ``page.cursor`` to resume later."""
        walker = self._walker(
            filter,
            raw=raw,
            limit=None,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncPageIterator(self._wire, walker, prefetch)
