"""``search()`` and ``pages()`` written once, for every paginated list, sync and async.

A resource mixes in :class:`PagedList` (or :class:`AsyncPagedList`) with the filter type it
takes and the model its items parse into, and provides ``_walker``: the method that checks
the filter and builds the opening request. Everything a caller sees (arguments, overloads
for ``raw=True``, iterators, early validation) is then the same for shipments, returns and
listings.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar, overload

import httpx

from ._drivers import AsyncItemIterator, AsyncPageIterator, ItemIterator, PageIterator
from ._walker import DEFAULT_DEDUPE_WINDOW, PageWalker

__all__ = ["AsyncPagedList", "PagedList"]

F = TypeVar("F")
M = TypeVar("M")


class _Walkers(Generic[F]):
    def _walker(
        self,
        filter: F | None,
        *,
        raw: bool,
        limit: int | None,
        max_pages: int | None,
        resume_from: str | None,
        dedupe_window: int,
    ) -> PageWalker[Any]:
        """Check ``filter`` and set up one iteration (no I/O); each resource provides it."""
        raise NotImplementedError


class PagedList(_Walkers[F], Generic[F, M]):
    """``search()`` / ``pages()`` over a configured ``httpx.Client``."""

    _http: httpx.Client

    @overload
    def search(
        self,
        filter: F | None = ...,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        dedupe_window: int = ...,
    ) -> ItemIterator[M]: ...

    @overload
    def search(
        self,
        filter: F | None = ...,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
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
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> ItemIterator[Any]:
        """Every item matching ``filter``, across pages, each exactly once, in server order.

        ``limit`` caps the number of items, ``max_pages`` the number of requests.
        ``resume_from`` is a ``Page.cursor`` (or an error's ``resume_from``) from an earlier
        run; a list whose cursor is a URL then needs no ``filter``, one whose cursor is a
        page token needs the same ``filter`` again. ``raw=True`` yields the JSON objects as
        sent instead of generated models. ``dedupe_window``: how many recent item ids are
        remembered to skip repeats. Arguments are checked here, before any request; an
        error that ends the iteration carries ``resume_from``.
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

    @overload
    def pages(
        self,
        filter: F | None = ...,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        dedupe_window: int = ...,
    ) -> PageIterator[M]: ...

    @overload
    def pages(
        self,
        filter: F | None = ...,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        dedupe_window: int = ...,
    ) -> PageIterator[dict[str, Any]]: ...

    def pages(
        self,
        filter: F | None = None,
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
            limit=None,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return PageIterator(self._http, walker)


class AsyncPagedList(_Walkers[F], Generic[F, M]):
    """``search()`` / ``pages()`` over a configured ``httpx.AsyncClient``."""

    _http: httpx.AsyncClient

    @overload
    def search(
        self,
        filter: F | None = ...,
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
        filter: F | None = ...,
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
        filter: F | None = None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncItemIterator[Any]:
        """``async for`` form of the sync ``search``.

        ``prefetch=1`` requests page k+1 while the caller still works on page k. Leaving
        early: ``async with`` the iterator, or ``await it.aclose()``, cancels a prefetch in
        flight at once.
        """
        walker = self._walker(
            filter,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncItemIterator(self._http, walker, prefetch)

    @overload
    def pages(
        self,
        filter: F | None = ...,
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
        filter: F | None = ...,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
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
        """``async for`` form of the sync ``pages``; ``prefetch`` as in ``search``."""
        walker = self._walker(
            filter,
            raw=raw,
            limit=None,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncPageIterator(self._http, walker, prefetch)
