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

Why not httpx-retries
=====================

httpx-retries 0.6.0 was evaluated. Its ``Retry`` decides by HTTP method alone
(``is_retryable_method(method)``), so it cannot tell ``POST /v3/shipments/filter``
from ``POST /v3/shipments/dispatch``, nor retry a mutating ``POST`` after a
connect error only; an empty ``status_forcelist`` silently falls back to the
defaults; sleeping, jitter and the HTTP-date clock call ``time.sleep``,
``random.uniform`` and ``datetime.now`` directly; ``total_timeout`` caps the
sleeps but not the time spent in attempts; and it logs the full request URL
(token query strings included) on its own logger. Adapting it meant overriding
nearly every method, so this module is a small transport of its own whose
decisions are pure functions (as stripe-python isolates its retry maths).

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
from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

from ._core.redact import redact_url
from ._core.tokens import GRANT_EXTENSION
from ._pool import async_network_transport, network_transport
from .errors import ConfigurationError

__all__ = [
    "IDEMPOTENT_EXTENSION",
    "READ_ONLY_POSTS",
    "RETRYABLE_STATUSES",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "backoff_delay",
    "is_repeatable",
    "never_reached_server",
    "parse_retry_after",
    "should_retry_exception",
    "should_retry_status",
]

logger = logging.getLogger("flipkart_ext")

RETRYABLE_STATUSES: frozenset[int] = frozenset({429, 499, 500, 502, 503, 504})
READ_ONLY_POSTS: tuple[str, ...] = ("/v3/shipments/filter", "/listings/v3/search")
IDEMPOTENT_EXTENSION = "flipkart_ext.idempotent"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_UNSENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # imported on first use: sync-only programs never load it

    await asyncio.sleep(seconds)


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


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date), else ``None``.

    ``now`` is the current wall-clock time in epoch seconds (for the date form).
    A date in the past means "now" (0). Unparseable values are ignored.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


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
        if self.max_attempts < 1:
            raise ConfigurationError("max_attempts: must be at least 1")
        if min(self.backoff_base, self.backoff_cap, self.max_retry_after, self.total_timeout) < 0:
            raise ConfigurationError("retry timings must not be negative")

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


# -- the two I/O shells ------------------------------------------------------------------------


def _replayable(response: httpx.Response, request: httpx.Request, raw: bytes) -> httpx.Response:
    # The raw (still encoded) bytes go back in, so the client decodes them exactly once.
    return httpx.Response(
        response.status_code,
        headers=response.headers,
        stream=httpx.ByteStream(raw),
        extensions=response.extensions,
        request=request,
    )


def _read_whole(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """Read the body now, so a failure while it arrives is retried with the rest."""
    if response.is_stream_consumed:  # already in memory (e.g. from a MockTransport)
        return response
    try:
        raw = b"".join(response.iter_raw())
    finally:
        response.close()
    return _replayable(response, request, raw)


async def _aread_whole(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """Async twin of :func:`_read_whole`."""
    if response.is_stream_consumed:
        return response
    try:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    finally:
        await response.aclose()
    return _replayable(response, request, raw)


class _RetryBase:
    def __init__(self, policy: RetryPolicy | None, api_base_path: str) -> None:
        self.policy = policy or RetryPolicy()
        self.api_base_path = api_base_path

    def _repeatable(self, request: httpx.Request) -> bool:
        return is_repeatable(
            request, api_base_path=self.api_base_path, read_only_posts=self.policy.read_only_posts
        )


class RetryTransport(_RetryBase, httpx.BaseTransport):
    """Wraps a sync transport (by default :class:`httpx.HTTPTransport`) with :class:`RetryPolicy`."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        policy: RetryPolicy | None = None,
        *,
        api_base_path: str = "",  # pragma: no mutate (sent paths start with "/": no other base matches)
    ) -> None:
        super().__init__(policy, api_base_path)
        self.transport = transport or network_transport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy, repeatable = self.policy, self._repeatable(request)
        started, attempt = policy.clock(), 1
        while True:
            try:
                response = self.transport.handle_request(request)
                if repeatable:
                    response = _read_whole(response, request)
            except httpx.TransportError as exc:
                delay = policy.delay_after_exception(
                    request, exc, attempt=attempt, started=started, repeatable=repeatable
                )
                if delay is None:
                    raise
            else:
                delay = policy.delay_after_response(
                    request, response, attempt=attempt, started=started, repeatable=repeatable
                )
                if delay is None:
                    return response
                response.close()
            policy.sleep(delay)
            attempt += 1

    def close(self) -> None:
        self.transport.close()


class AsyncRetryTransport(_RetryBase, httpx.AsyncBaseTransport):
    """Wraps an async transport (by default :class:`httpx.AsyncHTTPTransport`) with :class:`RetryPolicy`."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        policy: RetryPolicy | None = None,
        *,
        api_base_path: str = "",  # pragma: no mutate (sent paths start with "/": no other base matches)
    ) -> None:
        super().__init__(policy, api_base_path)
        self.transport = transport or async_network_transport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy, repeatable = self.policy, self._repeatable(request)
        started, attempt = policy.clock(), 1
        while True:
            try:
                response = await self.transport.handle_async_request(request)
                if repeatable:
                    response = await _aread_whole(response, request)
            except httpx.TransportError as exc:
                delay = policy.delay_after_exception(
                    request, exc, attempt=attempt, started=started, repeatable=repeatable
                )
                if delay is None:
                    raise
            else:
                delay = policy.delay_after_response(
                    request, response, attempt=attempt, started=started, repeatable=repeatable
                )
                if delay is None:
                    return response
                await response.aclose()
            await policy.async_sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        await self.transport.aclose()
