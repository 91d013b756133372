"""Taking a turn from a rate budget and reporting a 429 to it, written once for both flavours.

The budget transport calls :func:`acquire` before each attempt and :func:`rate_limited`
with each 429's ``Retry-After``. Both take any budget of this package (or the caller's own
with the same methods), sync or async: a synchronous budget's methods are called in place
(they do no waiting of their own), an async one's are awaited. Every failure of a budget is
a :class:`~flipkart_ext.RateBudgetError`; nothing is sent after one.
"""

from __future__ import annotations

import inspect
import time
from typing import Any

from .._concurrency import AsyncFunction, async_sleep
from .._rate_budget import bounded_pause
from ..errors import FlipkartError, RateBudgetError
from ..stores import TokenKey

__all__ = ["acquire", "rate_limited"]


async def _settled(value: Any) -> Any:
    """A budget method's result, awaited when the budget is an async one."""
    if inspect.isawaitable(value):
        return await value
    return value


def _failed(doing: str, exc: Exception) -> RateBudgetError:
    return RateBudgetError(f"the rate budget failed {doing} ({type(exc).__name__}: {exc})")


async def acquire(
    budget: Any, key: TokenKey, *, sleep: AsyncFunction[float, None] = async_sleep
) -> None:
    """Wait for ``key``'s turn, at most the budget's ``max_wait``; else :class:`RateBudgetError`.

    ``sleep`` waits between two tries (tests pass one that moves a fake clock).
    """
    waited = 0.0
    while True:
        try:
            wait = float(await _settled(budget.try_acquire(key)))
        except FlipkartError:
            raise
        except Exception as exc:
            raise _failed("taking a turn", exc) from exc
        if not wait > 0:  # a turn taken (NaN from a broken budget counts as no wait either)
            return
        if waited + wait > budget.max_wait:
            raise RateBudgetError(
                f"the shared rate budget would hold this request for {waited + wait:.1f} s, "
                f"more than its max_wait of {budget.max_wait:g} s; the request was not sent"
            )
        await sleep(wait)
        waited += wait


async def rate_limited(
    budget: Any, key: TokenKey, retry_after: str | bytes | None, *, cap: float
) -> float:
    """Pause ``key``'s application after a 429; return the pause set (0: none).

    The pause is at most ``cap`` (the retry policy's ``max_retry_after``) and the budget's own
    ``max_pause``; a ``Retry-After`` that cannot be read sets none.
    """
    limit = min(cap, float(getattr(budget, "max_pause", cap)))
    seconds = bounded_pause(retry_after, cap=limit, now=time.time())
    if not seconds:
        return 0.0
    try:
        await _settled(budget.pause(key, seconds))
    except FlipkartError:
        raise
    except Exception as exc:
        raise _failed("pausing", exc) from exc
    return seconds
