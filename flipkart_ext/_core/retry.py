"""Transport-level retries with a policy that knows which Flipkart calls are safe to repeat.

Policy
======

* Retried outcomes: connect errors and timeouts, and the statuses 429, 499
  (Flipkart's connection timeout), 500, 502, 503 and 504.
* ``GET``, ``HEAD``, ``OPTIONS`` and the read-only ``POST`` searches
  (``/v3/shipments/filter``, ``/listings/v3/search``, matched on the path after
  the API base path) are retried on any of those outcomes.
* Every other request (labels, dispatch, cancel, listing updates, returns
  actions, any ``PUT``) is retried **only when it provably never reached the
  server**: :class:`httpx.ConnectError`, :class:`httpx.ConnectTimeout` or
  :class:`httpx.PoolTimeout`. Flipkart has no idempotency key, so after a read
  timeout, a dropped connection or a 5xx the action may have happened; repeating
  it could dispatch twice. Those failures surface to the caller.
* For a request safe to repeat, the whole exchange is covered: the body is read inside
  the retry loop, so a read timeout while it arrives, a connection reset in its middle
  or a body shorter than its ``Content-Length`` is retried like a failure before the
  headers. Such responses reach the caller fully read (``stream`` included). A mutating
  request's body is read by the caller as usual: a failure there surfaces, since the
  action may have happened.
* Token requests are classified by grant: the client-credentials ``GET`` is
  repeatable; an authorization-code or refresh-token ``GET`` spends a single-use
  value, so it is treated like a mutating call.
* A request may override the classification with the request extension
  ``"flipkart_ext.idempotent": True | False``.
* Waits use exponential backoff with full jitter
  (``random() * min(backoff_cap, backoff_base * 2 ** (retry - 1))``). A
  ``Retry-After`` header (seconds or HTTP-date) replaces the backoff; one longer
  than ``max_retry_after`` is not slept through: the response is returned at
  once, so the caller gets a :class:`~flipkart_ext.RateLimitError` carrying
  ``retry_after``.
* Attempts are bounded by ``max_attempts`` (first try included) and time by
  ``total_timeout`` (measured from the first attempt, waits included).

Connection pool
===============

The default transports come from :mod:`flipkart_ext._pool`: httpx's own, with as many idle
connections kept as opened (``_pool.DEFAULT_LIMITS``) and a pool that never closes, nor hands
out twice, a connection a request holds. httpcore 1.0 could close a pooled connection just
handed to another thread's request, and a request already sent then failed with
``ReadError [Errno 9] Bad file descriptor``; the module docstring there says how.

Layering
========

Retries live in the transport, below :class:`~flipkart_ext.FlipkartAuth`. A
replay after a 401 is a new request through the transport and gets a fresh
budget, and a retry never goes back through the auth flow, so it can never
trigger a token refresh.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from .._boundary import guarded_class
from .._concurrency import async_sleep as _asyncio_sleep
from .._spec import READ_ONLY_POSTS as _READ_ONLY
from ..errors import InvalidArgument
from .answers import parse_retry_after
from .inputs import number, whole_number
from .redact import redact_url
from .tokens import GRANT_EXTENSION

__all__ = [
    "IDEMPOTENT_EXTENSION",
    "READ_ONLY_POSTS",
    "RETRYABLE_STATUSES",
    "RetryPolicy",
    "backoff_delay",
    "is_repeatable",
    "never_reached_server",
    "should_retry_exception",
    "should_retry_status",
]

logger = logging.getLogger("flipkart_ext")

READ_ONLY_POSTS: tuple[str, ...] = tuple(operation.path for operation in _READ_ONLY)
"""Paths of the ``POST`` operations that only read, after the API base path (from ``_spec``)."""

RETRYABLE_STATUSES: frozenset[int] = frozenset({429, 499, 500, 502, 503, 504})
IDEMPOTENT_EXTENSION = "flipkart_ext.idempotent"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_UNSENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


# -- pure decisions ----------------------------------------------------------------------------


def never_reached_server(exc: BaseException) -> bool:
    """True when the request was certainly not sent: no connection was ever made for it."""
    return isinstance(exc, _UNSENT_ERRORS)


def is_repeatable(
    request: httpx.Request,
    *,
    api_base_path: str = "",  # pragma: no mutate (sent paths start with "/": no other base matches)
    read_only_posts: tuple[str, ...] = READ_ONLY_POSTS,
) -> bool:
    """True if sending ``request`` twice cannot change anything on Flipkart's side."""
    override = request.extensions.get(IDEMPOTENT_EXTENSION)
    if isinstance(override, bool):
        return override
    grant = request.extensions.get(GRANT_EXTENSION)
    if grant is not None:
        return bool(grant == "client_credentials")
    method = request.method.upper()
    if method in _SAFE_METHODS:
        return True
    if method != "POST":
        return False
    path = request.url.path
    base = api_base_path.rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base) :]
    return path.rstrip("/") in read_only_posts


def should_retry_exception(exc: BaseException, *, repeatable: bool) -> bool:
    """Whether a transport error is worth another attempt for this kind of request."""
    if never_reached_server(exc):
        return True
    return repeatable and isinstance(exc, _TRANSIENT_ERRORS)


def should_retry_status(status_code: int, *, repeatable: bool) -> bool:
    """Whether an HTTP status is worth another attempt for this kind of request."""
    return repeatable and status_code in RETRYABLE_STATUSES


def backoff_delay(retry: int, *, base: float, cap: float, rand: float) -> float:
    """Full-jitter exponential backoff for the ``retry``-th retry (1-based); ``rand`` in [0, 1)."""
    exponent: int = max(0, retry - 1)
    return rand * min(cap, base * float(2**exponent))


@guarded_class
@dataclass(frozen=True)
class RetryPolicy:
    """Limits and timings of retries, plus the clock, sleep and randomness they use.

    ``RetryPolicy(max_attempts=1)`` disables retries. The callables are there to
    be replaced in tests; production code keeps the defaults.
    """

    max_attempts: int = 4
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    max_retry_after: float = 60.0
    total_timeout: float = 120.0
    read_only_posts: tuple[str, ...] = READ_ONLY_POSTS
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=_asyncio_sleep, repr=False)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    wall_clock: Callable[[], float] = field(default=time.time, repr=False)
    random: Callable[[], float] = field(default=random.random, repr=False)

    def __post_init__(self) -> None:
        # Checked here, so a bad policy fails where it is written, not at the first retry.
        whole_number("max_attempts", self.max_attempts)
        for name in ("backoff_base", "backoff_cap", "max_retry_after", "total_timeout"):
            number(name, getattr(self, name))
        if not isinstance(self.read_only_posts, tuple) or not all(
            isinstance(path, str) and path.startswith("/") for path in self.read_only_posts
        ):
            raise InvalidArgument(
                f"read_only_posts: expected a tuple of paths starting with '/', "
                f"got {self.read_only_posts!r}"
            )
        for name in ("sleep", "async_sleep", "clock", "wall_clock", "random"):
            if not callable(getattr(self, name)):
                raise InvalidArgument(f"{name}: expected a callable, got {getattr(self, name)!r}")

    @property
    def sync_sleep(self) -> Callable[[float], None]:
        """``sleep``, by the name the generated sync layer calls it."""
        return self.sleep

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that never retries."""
        return cls(max_attempts=1)

    def _within_budget(self, attempt: int, started: float, delay: float) -> bool:
        return (
            attempt < self.max_attempts and (self.clock() - started) + delay <= self.total_timeout
        )

    def _decide(
        self, request: httpx.Request, attempt: int, started: float, delay: float, why: str
    ) -> float | None:
        where = f"{request.method} {redact_url(request.url)}"
        if not self._within_budget(attempt, started, delay):
            logger.warning("giving up on %s after %d attempt(s): %s", where, attempt, why)
            return None
        logger.info(
            "retrying %s in %.2fs (attempt %d of %d) after %s",
            where,
            delay,
            attempt + 1,
            self.max_attempts,
            why,
        )
        return delay

    def delay_after_exception(
        self,
        request: httpx.Request,
        exc: BaseException,
        *,
        attempt: int,
        started: float,
        repeatable: bool,
    ) -> float | None:
        """Seconds to wait before retrying after ``exc``, or ``None`` to re-raise it."""
        if not should_retry_exception(exc, repeatable=repeatable):
            return None
        delay = backoff_delay(
            attempt, base=self.backoff_base, cap=self.backoff_cap, rand=self.random()
        )
        return self._decide(request, attempt, started, delay, type(exc).__name__)

    def delay_after_response(
        self,
        request: httpx.Request,
        response: httpx.Response,
        *,
        attempt: int,
        started: float,
        repeatable: bool,
    ) -> float | None:
        """Seconds to wait before retrying after ``response``, or ``None`` to return it."""
        if not should_retry_status(response.status_code, repeatable=repeatable):
            return None
        why = f"HTTP {response.status_code}"
        retry_after = parse_retry_after(
            response.headers.get("Retry-After"),  # pragma: no mutate (header names ignore case)
            now=self.wall_clock(),
        )
        if retry_after is not None:
            if retry_after > self.max_retry_after:
                logger.warning(
                    "not retrying %s %s: Retry-After %.0fs exceeds the %.0fs cap",
                    request.method,
                    redact_url(request.url),
                    retry_after,
                    self.max_retry_after,
                )
                return None
            return self._decide(request, attempt, started, retry_after, f"{why} with Retry-After")
        delay = backoff_delay(
            attempt, base=self.backoff_base, cap=self.backoff_cap, rand=self.random()
        )
        return self._decide(request, attempt, started, delay, why)
