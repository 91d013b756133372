"""The transport layer that consults a rate budget before each request it sends.

It sits below the retry transport, so every attempt (first tries and retries alike)
takes a turn::

    RetryTransport  ->  BudgetTransport  ->  httpx.HTTPTransport

Token requests (to the OAuth endpoint) pass without a turn: they are rare, and single
flight keeps them so. A 429 answer with ``Retry-After`` pauses the whole application's
budget for that long, so every client sharing it (every process, with the Redis form)
holds off, not only the one that met it. The retry transport above then retries the
request as usual (or returns the 429 when ``Retry-After`` is longer than it waits).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import httpx

from ._core.tokens import GRANT_EXTENSION
from ._rate_budget import (
    DEFAULT_MAX_PAUSE,
    AsyncRateBudget,
    MemoryRateBudget,
    RateBudget,
    bounded_pause,
)
from .errors import ConfigurationError, RateBudgetError
from .stores import TokenKey

__all__ = ["AsyncBudgetTransport", "BudgetTransport", "require_async_budget", "require_sync_budget"]


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # imported on first use: sync-only programs never load it

    await asyncio.sleep(seconds)


def _is_async(budget: object) -> bool:
    import inspect

    return inspect.iscoroutinefunction(getattr(budget, "try_acquire", None))


def require_sync_budget(budget: RateBudget | AsyncRateBudget) -> RateBudget:
    """The budget, if the sync client can use it; otherwise a ConfigurationError saying why."""
    if _is_async(budget):
        raise ConfigurationError(
            f"rate_budget: {type(budget).__name__} is an async budget; use it with "
            "AsyncFlipkartClient (the sync client takes RedisRateBudget or MemoryRateBudget)"
        )
    return budget  # type: ignore[return-value]


def require_async_budget(budget: RateBudget | AsyncRateBudget) -> RateBudget | AsyncRateBudget:
    """The budget, if the async client can use it without blocking its event loop."""
    if _is_async(budget) or isinstance(budget, MemoryRateBudget):
        return budget
    raise ConfigurationError(
        f"rate_budget: {type(budget).__name__} does blocking I/O; the async client takes "
        "AsyncRedisRateBudget or MemoryRateBudget"
    )


def _too_long(waited: float, wait: float, max_wait: float) -> RateBudgetError:
    return RateBudgetError(
        f"the shared rate budget would hold this request for {waited + wait:.1f} s, more "
        f"than its max_wait of {max_wait:g} s; the request was not sent"
    )


def _pause_for(response: httpx.Response, cap: float) -> float | None:
    """The bounded pause a 429 sets (``None``: none; an unreadable Retry-After is none)."""
    if response.status_code != httpx.codes.TOO_MANY_REQUESTS:
        return None
    seconds = bounded_pause(response.headers.get("Retry-After"), cap=cap, now=time.time())
    return seconds or None


class BudgetTransport(httpx.BaseTransport):
    """Takes a turn from ``budget`` for ``key`` before each API request sent through ``transport``."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        budget: RateBudget | AsyncRateBudget,
        key: TokenKey,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.transport = transport
        self.budget = require_sync_budget(budget)
        self.key = key
        self._sleep = sleep
        #: The longest pause a 429 sets (the budget bounds it again by its own max_pause).
        self.budget_cap = float(getattr(budget, "max_pause", DEFAULT_MAX_PAUSE))

    def _wait_turn(self) -> None:
        waited = 0.0
        while (wait := self.budget.try_acquire(self.key)) > 0:
            if waited + wait > self.budget.max_wait:
                raise _too_long(waited, wait, self.budget.max_wait)
            self._sleep(wait)
            waited += wait

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if GRANT_EXTENSION not in request.extensions:
            self._wait_turn()
        response = self.transport.handle_request(request)
        pause = _pause_for(response, self.budget_cap)
        if pause is not None:
            self.budget.pause(self.key, pause)
        return response

    def close(self) -> None:
        self.transport.close()


class AsyncBudgetTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`BudgetTransport`."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        budget: RateBudget | AsyncRateBudget,
        key: TokenKey,
        *,
        sleep: Callable[[float], Awaitable[None]] = _asyncio_sleep,
    ) -> None:
        self.transport = transport
        self.budget = require_async_budget(budget)
        self._async = _is_async(budget)
        self.key = key
        self._sleep = sleep
        self.budget_cap = float(getattr(budget, "max_pause", DEFAULT_MAX_PAUSE))

    async def _try_acquire(self) -> float:
        if self._async:
            return await self.budget.try_acquire(self.key)  # type: ignore[misc,no-any-return]
        return self.budget.try_acquire(self.key)  # type: ignore[return-value]

    async def _pause(self, seconds: float) -> None:
        if self._async:
            await self.budget.pause(self.key, seconds)  # type: ignore[misc]
        else:
            self.budget.pause(self.key, seconds)

    async def _wait_turn(self) -> None:
        waited = 0.0
        while (wait := await self._try_acquire()) > 0:
            if waited + wait > self.budget.max_wait:
                raise _too_long(waited, wait, self.budget.max_wait)
            await self._sleep(wait)
            waited += wait

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if GRANT_EXTENSION not in request.extensions:
            await self._wait_turn()
        response = await self.transport.handle_async_request(request)
        pause = _pause_for(response, self.budget_cap)
        if pause is not None:
            await self._pause(pause)
        return response

    async def aclose(self) -> None:
        await self.transport.aclose()
