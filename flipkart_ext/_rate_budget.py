"""A rate budget shared by every client of one application: ``MemoryRateBudget`` and the protocols.

Flipkart publishes no request rates for the Seller API (its best-practice and timeout
pages say nothing of limits; the only figure it publishes, 20 calls per second per
affiliate, is for the separate Affiliate API). It does answer 429, and may say for how
long with ``Retry-After``. So the budget is optional and off by default, and every rate is
yours to set:

* ``per_application``: one bucket for everything an application id sends, in one
  environment, whichever seller it acts for;
* ``per_seller``: one bucket per (application, seller), for limits applied per seller.

A request goes when every bucket that applies has room. Each bucket is a token bucket
computed as GCRA (the "generic cell rate algorithm"): a rate of ``per_second`` with at
most ``burst`` requests at once. ``burst=1`` (the default) spaces requests evenly, so that
over any window the count stays within ``per_second * window + 1``.

A 429 with ``Retry-After`` seen by any client pauses the whole application's budget for
that long: no client sharing the budget sends before it ends (see
:mod:`._async.transports`). The pause is bounded: never longer than the budget's
``max_pause`` (60 s, the retry policy's ``max_retry_after``) nor the cap its caller gives, so
one seller's ``Retry-After: 31536000`` cannot stop the application for a year; a value that
cannot be read (a date out of range, 20 digits, ``NaN``) is no pause at all. The memory form shares within one process; the Redis form
(:mod:`._redis_budget`) shares between processes and machines, with the same arithmetic
run in Redis on Redis's clock.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeAlias, runtime_checkable

from ._boundary import Unpicklable, guarded_class
from ._core.answers import parse_retry_after
from .errors import InvalidArgument
from .stores import TokenKey

__all__ = [
    "DEFAULT_MAX_PAUSE",
    "DEFAULT_MAX_WAIT",
    "AnyRateBudget",
    "AsyncRateBudget",
    "MemoryRateBudget",
    "RateBudget",
    "RateLimit",
    "bounded_pause",
    "check_limits",
    "check_seconds",
    "gcra",
]

#: How long a request may wait for the budget before :class:`~flipkart_ext.RateBudgetError`.
DEFAULT_MAX_WAIT = 120.0
#: The longest pause a 429 may set: the retry policy's default ``max_retry_after``.
DEFAULT_MAX_PAUSE = 60.0


def check_seconds(value: object, name: str) -> float:
    """``value`` as a finite, positive number of seconds, or :class:`InvalidArgument` naming it."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgument(f"{name}: expected a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value) or value <= 0:
        raise InvalidArgument(f"{name}: expected a finite positive number of seconds")
    return float(value)


def bounded_pause(
    retry_after: str | bytes | float | None, *, cap: float, now: float | None = None
) -> float:
    """The pause a 429's ``Retry-After`` sets: at most ``cap`` seconds, 0 when unreadable.

    ``retry_after`` is the header value (delta-seconds or an HTTP-date, read against
    ``now``) or seconds already read. Anything that is not a finite, positive number of
    seconds (garbage, a date out of range, ``NaN``, a negative) is no pause.
    """
    if isinstance(retry_after, (str, bytes)) or retry_after is None:
        seconds = parse_retry_after(retry_after, now=time.time() if now is None else now)
    elif isinstance(retry_after, bool) or not isinstance(retry_after, (int, float)):
        seconds = None
    else:
        seconds = float(retry_after)
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        return 0.0
    if not math.isfinite(cap) or cap <= 0:
        return 0.0
    return min(seconds, cap)


@guarded_class
@dataclass(frozen=True)
class RateLimit:
    """``per_second`` requests per second, at most ``burst`` of them at once."""

    per_second: float
    burst: int = 1

    def __post_init__(self) -> None:
        per_second = self.per_second
        if (
            isinstance(per_second, bool)
            or not isinstance(per_second, (int, float))
            or not (math.isfinite(per_second) and per_second > 0)
        ):
            raise InvalidArgument("per_second: must be a finite positive number")
        if isinstance(self.burst, bool) or not isinstance(self.burst, int) or self.burst < 1:
            raise InvalidArgument("burst: must be a whole number of at least 1")

    @property
    def interval(self) -> float:
        """Seconds between two requests at the steady rate."""
        return 1.0 / self.per_second

    @property
    def tolerance(self) -> float:
        """How far ahead of the steady rate a burst may run, in seconds."""
        return (self.burst - 1) * self.interval


def gcra(tat: float, now: float, limit: RateLimit) -> tuple[float, float]:
    """One GCRA decision: ``(next tat, 0.0)`` when a request may go now, else ``(tat, wait)``.

    ``tat`` is the bucket's theoretical arrival time (``now`` or earlier for a full bucket).
    """
    tat = max(tat, now)
    wait = tat - limit.tolerance - now
    if wait > 0:
        return tat, wait
    return tat + limit.interval, 0.0


@runtime_checkable
class RateBudget(Protocol):
    """A budget consulted before each request by the sync client."""

    #: Seconds a request may wait for its turn before it fails with RateBudgetError.
    max_wait: float

    def try_acquire(self, key: TokenKey) -> float:
        """Take a turn for ``key`` and return ``0.0``, or take nothing and return the seconds to wait."""
        ...

    def pause(self, key: TokenKey, seconds: float) -> None:
        """Hold every turn of ``key``'s application for ``seconds`` (never shortens a pause).

        At most the budget's ``max_pause``; a value that is not a finite positive number
        sets no pause.
        """
        ...


@runtime_checkable
class AsyncRateBudget(Protocol):
    """The async twin of :class:`RateBudget`, used natively by the async client."""

    max_wait: float

    async def try_acquire(self, key: TokenKey) -> float:
        """See :meth:`RateBudget.try_acquire`."""
        ...

    async def pause(self, key: TokenKey, seconds: float) -> None:
        """See :meth:`RateBudget.pause`."""
        ...


#: Either kind, as a client's ``rate_budget=`` takes it; each flavour checks the kind it can
#: use (``flipkart_ext._concurrency``).
AnyRateBudget: TypeAlias = RateBudget | AsyncRateBudget


def check_limits(per_application: RateLimit | None, per_seller: RateLimit | None) -> None:
    """A budget needs at least one limit."""
    if per_application is None and per_seller is None:
        raise InvalidArgument(
            "per_application, per_seller: a rate budget needs one of them, or both"
        )
    for name, limit in (("per_application", per_application), ("per_seller", per_seller)):
        if limit is not None and not isinstance(limit, RateLimit):
            raise InvalidArgument(f"{name}: expected a RateLimit, got {type(limit).__name__}")


@guarded_class
class MemoryRateBudget(Unpicklable):
    """A :class:`RateBudget` for the clients of one process (threads and event loops alike).

    It does no I/O, so the async client uses it as it is.
    """

    _PRUNE_ABOVE = 4096  # idle per-seller buckets are dropped past this many

    def __init__(
        self,
        per_application: RateLimit | None = None,
        *,
        per_seller: RateLimit | None = None,
        max_wait: float = DEFAULT_MAX_WAIT,
        max_pause: float = DEFAULT_MAX_PAUSE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        check_limits(per_application, per_seller)
        self.per_application = per_application
        self.per_seller = per_seller
        self.max_wait = check_seconds(max_wait, "max_wait")
        self.max_pause = check_seconds(max_pause, "max_pause")
        self._clock = clock
        self._guard = threading.Lock()
        self._tats: dict[tuple[str, ...], float] = {}
        self._paused_until: dict[tuple[str, str], float] = {}

    def __repr__(self) -> str:
        return (
            f"MemoryRateBudget(per_application={self.per_application!r}, "
            f"per_seller={self.per_seller!r})"
        )

    def try_acquire(self, key: TokenKey) -> float:
        app = (key.environment, key.client_id)
        buckets: list[tuple[tuple[str, ...], RateLimit]] = []
        if self.per_application is not None:
            buckets.append((app, self.per_application))
        if self.per_seller is not None and key.seller_id is not None:
            buckets.append(((*app, key.seller_id), self.per_seller))
        with self._guard:
            now = self._clock()
            paused = self._paused_until.get(app, 0.0) - now
            if paused > 0:
                return paused
            decisions = [
                (name, *gcra(self._tats.get(name, now), now, limit)) for name, limit in buckets
            ]
            wait = max((w for _, _, w in decisions), default=0.0)
            if wait > 0:
                return wait
            for name, tat, _ in decisions:
                self._tats[name] = tat
            if len(self._tats) > self._PRUNE_ABOVE:
                self._tats = {name: tat for name, tat in self._tats.items() if tat > now}
            return 0.0

    def pause(self, key: TokenKey, seconds: float) -> None:
        seconds = bounded_pause(seconds, cap=self.max_pause)
        if not seconds:
            return
        app = (key.environment, key.client_id)
        with self._guard:
            until = self._clock() + seconds
            self._paused_until[app] = max(self._paused_until.get(app, 0.0), until)
