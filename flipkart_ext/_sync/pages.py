# Generated from flipkart_ext/_async/pages.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
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
from collections.abc import Generator, Iterator
from typing import Any, Generic, Literal, TypeVar, overload

import httpx

from .._boundary import Unpicklable, guarded_class, types_its_own_errors
from .._concurrency import SyncAhead
from .._core.calls import Answer
from .._core.retry import RetryPolicy
from ..errors import ConcurrentUse, FlipkartError, InternalError, InvalidArgument
from ..paging._plans import SearchPlans
from ..paging._walker import DEFAULT_DEDUPE_WINDOW, Page, PageWalker
from .closing import Closing
from .http import Wire

__all__ = [
    "ItemIterator",
    "Iteration",
    "PageIterator",
    "PagedList",
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


def _pages(wire: Wire, walker: PageWalker[T], prefetch: int) -> Generator[Page[T]]:
    call = walker.next_request()
    ahead: SyncAhead[Answer] | None = None
    try:
        while call is not None:
            try:
                if ahead is None:
                    answer = wire.send(call)
                else:
                    answer = ahead.result()
                    ahead = None
                page = walker.accept(answer.body)
            except FlipkartError as exc:
                walker.interrupted(exc)
                raise
            call = walker.next_request()
            if prefetch and call is not None:
                ahead = SyncAhead(functools.partial(wire.send, call))
            yield page
    finally:
        if ahead is not None:
            ahead.discard()


def _items(pages: Generator[Page[T]]) -> Generator[T]:
    try:
        for page in pages:
            for item in page.items:
                yield item
    finally:
        pages.close()


@guarded_class
class Iteration(Closing, Generic[YieldT]):
    """What the item and page iterators share: one consumer at a time, typed errors only."""

    _source: Generator[YieldT]
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

    def __iter__(self) -> Iterator[YieldT]:
        return self

    @types_its_own_errors
    def __next__(self) -> YieldT:
        if not self._busy.acquire(blocking=False):
            raise ConcurrentUse(
                "this iterator is already being consumed elsewhere (another thread or task); "
                "give each consumer its own search()"
            )
        try:
            return next(self._source)
        except (FlipkartError, StopIteration):
            raise
        except Exception as exc:  # a bug: still typed, still resumable
            error = InternalError(f"the iteration failed unexpectedly: {type(exc).__name__}: {exc}")
            self._walker.interrupted(error)
            raise error from exc
        finally:
            self._busy.release()

    def close(self) -> None:
        """Stop the iteration; no further request is sent (a page fetched ahead is cancelled)."""
        self._source.close()


@guarded_class
class PageIterator(Iteration[Page[T]]):
    """Iterates over the ``Page`` objects of a list; ``aclose()`` (or ``with``) stops it early."""

    def __init__(self, wire: Wire, walker: PageWalker[T], prefetch: int = 0) -> None:
        super().__init__()
        self._walker = walker
        self._source = _pages(wire, walker, check_prefetch(prefetch))


@guarded_class
class ItemIterator(Iteration[T]):
    """Iterates over the items of a list, across pages; ``aclose()`` (or ``with``) stops it early."""

    def __init__(self, wire: Wire, walker: PageWalker[T], prefetch: int = 0) -> None:
        super().__init__()
        self._walker = walker
        self._source = _items(_pages(wire, walker, check_prefetch(prefetch)))


@guarded_class
class PagedList(Unpicklable, SearchPlans[F], Generic[F, M]):
    """``search()`` / ``pages()`` for a list: the resource's plans name its page shape and
    build the opening call from a filter."""

    def __init__(
        self,
        wire: Wire | httpx.Client,
        api_base_url: str | httpx.URL,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(api_base_url, retry)
        # A plain httpx client (one configured by hand, with FlipkartAuth) gets its own path.
        self._wire = wire if isinstance(wire, Wire) else Wire(wire, api_base=api_base_url)

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
    ) -> ItemIterator[M]: ...

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
    ) -> ItemIterator[M]: ...

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
    ) -> ItemIterator[dict[str, Any]]: ...

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
    ) -> ItemIterator[dict[str, Any]]: ...

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
    ) -> ItemIterator[Any]:
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
        return ItemIterator(self._wire, walker, prefetch)

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
    ) -> PageIterator[M]: ...

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
    ) -> PageIterator[M]: ...

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
    ) -> PageIterator[dict[str, Any]]: ...

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
    ) -> PageIterator[dict[str, Any]]: ...

    def pages(
        self,
        filter: F | None = None,
        *,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> PageIterator[Any]:
        """The same search one ``Page`` at a time; keep ``page.cursor`` to resume later."""
        walker = self._walker(
            filter,
            raw=raw,
            limit=None,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return PageIterator(self._wire, walker, prefetch)
