"""Sync and async iterators over any paginated list.

All decisions live in ``_walker.PageWalker``; the drivers below differ only in how a
request is sent and, for async, in optionally fetching the next page while the caller
works on the current one. Any ``FlipkartError`` leaving an iteration carries
``resume_from`` (``PageWalker.interrupted``).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from .._core.answers import (
    connection_errors,
    raise_for_response,
)
from ..errors import (
    FlipkartError,
    InvalidArgument,
    MalformedResponse,
)
from ._shape import PageRequest
from ._walker import Page, PageWalker

if TYPE_CHECKING:
    import asyncio

__all__ = [
    "AsyncItemIterator",
    "AsyncPageIterator",
    "ItemIterator",
    "PageIterator",
    "check_prefetch",
]

T = TypeVar("T")
YieldT = TypeVar("YieldT")


def _decode(response: httpx.Response) -> object:
    raise_for_response(response)
    try:
        return response.json()
    except ValueError:
        raise MalformedResponse(
            f"the answer to {response.request.method} {response.request.url.path} is not JSON "
            f"(content-type {response.headers.get('content-type')!r})"  # pragma: no mutate (header names ignore case)
        ) from None


def _send(http: httpx.Client, request: PageRequest) -> object:
    with connection_errors():
        response = http.request(request.method, request.url, json=request.json)
    return _decode(response)


async def _asend(http: httpx.AsyncClient, request: PageRequest) -> object:
    with connection_errors():
        response = await http.request(request.method, request.url, json=request.json)
    return _decode(response)


def _pages(http: httpx.Client, walker: PageWalker[T]) -> Generator[Page[T]]:
    request = walker.next_request()
    while request is not None:
        try:
            page = walker.accept(_send(http, request))
        except FlipkartError as exc:
            walker.interrupted(exc)
            raise
        yield page
        request = walker.next_request()


async def _apages(
    http: httpx.AsyncClient, walker: PageWalker[T], prefetch: int
) -> AsyncGenerator[Page[T]]:
    import asyncio  # loaded on first async use: sync-only programs never import it

    request = walker.next_request()
    ahead: asyncio.Task[object] | None = None
    try:
        while request is not None:
            try:
                if ahead is None:
                    payload = await _asend(http, request)
                else:
                    payload = await ahead
                    ahead = None
                page = walker.accept(payload)
            except FlipkartError as exc:
                walker.interrupted(exc)
                raise
            request = walker.next_request()
            if prefetch and request is not None:
                ahead = asyncio.create_task(_asend(http, request))
            yield page
    finally:
        if ahead is not None:
            await _discard(ahead)


async def _discard(task: asyncio.Task[object]) -> None:
    """Cancel a prefetch the caller no longer wants, and absorb its outcome."""
    import asyncio

    task.cancel()
    await asyncio.wait({task})
    if not task.cancelled():
        # Marks a failed prefetch as seen, so asyncio does not log it at shutdown.
        task.exception()


def _items(pages: Generator[Page[T]]) -> Generator[T]:
    try:
        for page in pages:
            yield from page.items
    finally:
        pages.close()


async def _aitems(pages: AsyncGenerator[Page[T]]) -> AsyncGenerator[T]:
    try:
        async for page in pages:
            for item in page.items:
                yield item
    finally:
        await pages.aclose()


class _Progress:
    _walker: PageWalker[Any]

    @property
    def pages_fetched(self) -> int:
        """Pages received so far."""
        return self._walker.pages_fetched

    @property
    def duplicates_skipped(self) -> int:
        """Items left out because their id was already yielded in this iteration."""
        return self._walker.duplicates_skipped


class _Iteration(_Progress, Generic[YieldT]):
    """What the sync iterators share: ``_source`` is the generator doing the work."""

    _source: Generator[YieldT]

    def __iter__(self) -> Iterator[YieldT]:
        # A for loop then drives the generator itself: no Python-level __next__ per item.
        return self._source

    def __next__(self) -> YieldT:
        return next(self._source)

    def close(self) -> None:
        """Stop the iteration; no further request is sent."""
        self._source.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _AsyncIteration(_Progress, Generic[YieldT]):
    """What the async iterators share: ``_source`` is the async generator doing the work."""

    _source: AsyncGenerator[YieldT]

    def __aiter__(self) -> AsyncIterator[YieldT]:
        # async for then drives the generator itself: no Python-level __anext__ per item.
        return self._source

    async def __anext__(self) -> YieldT:
        return await anext(self._source)

    async def aclose(self) -> None:
        """Stop the iteration and cancel a prefetch in flight."""
        await self._source.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class PageIterator(_Iteration[Page[T]]):
    """Iterates over the ``Page`` objects of a list; ``close()`` stops it early."""

    def __init__(self, http: httpx.Client, walker: PageWalker[T]) -> None:
        self._walker = walker
        self._source = _pages(http, walker)


class ItemIterator(_Iteration[T]):
    """Iterates over the items of a list, across pages; ``close()`` stops it early."""

    def __init__(self, http: httpx.Client, walker: PageWalker[T]) -> None:
        self._walker = walker
        self._source = _items(_pages(http, walker))


class AsyncPageIterator(_AsyncIteration[Page[T]]):
    """``async for`` over the ``Page`` objects of a list.

    Leaving early: use ``async with`` or ``await aclose()`` to cancel a prefetch in
    flight at once (otherwise it is cancelled when the iterator is garbage-collected).
    """

    def __init__(self, http: httpx.AsyncClient, walker: PageWalker[T], prefetch: int) -> None:
        self._walker = walker
        self._source = _apages(http, walker, check_prefetch(prefetch))


class AsyncItemIterator(_AsyncIteration[T]):
    """``async for`` over the items of a list, across pages.

    Leaving early: use ``async with`` or ``await aclose()`` to cancel a prefetch in
    flight at once (otherwise it is cancelled when the iterator is garbage-collected).
    """

    def __init__(self, http: httpx.AsyncClient, walker: PageWalker[T], prefetch: int) -> None:
        self._walker = walker
        self._source = _aitems(_apages(http, walker, check_prefetch(prefetch)))


def check_prefetch(prefetch: int) -> int:
    """Only one page can be fetched ahead: each cursor arrives with the page before it."""
    if prefetch not in (0, 1) or isinstance(prefetch, bool):
        raise InvalidArgument(f"prefetch: expected 0 or 1, got {prefetch!r}")
    return prefetch
