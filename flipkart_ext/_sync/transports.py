# Generated from flipkart_ext/_async/transports.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""The retry transport (attempts, waits, the whole body read inside the retry loop) and,
below it, the budget transport (a turn from the shared rate budget before each attempt)::

    AsyncRetryTransport  ->  AsyncBudgetTransport  ->  httpx.AsyncHTTPTransport

Which outcomes are retried, how long to wait and when to give up are decided by
:class:`~flipkart_ext.RetryPolicy` (pure functions in ``flipkart_ext._core.retry``); this
module only sends, reads and sleeps.

Every answer's raw body is read here, inside the loop, before the answer goes up: for a
request safe to repeat, a stall, a reset mid-body or a short body is retried like a failure
before the headers; for any request, a body still arriving when the policy's
``total_timeout`` has passed since the first attempt (a server trickling a byte at a time)
ends the exchange with a timeout, so no call outlives ``total_timeout`` by more than one
read timeout.

The budget transport sits below the retry transport, so every attempt (first tries and
retries alike) takes a turn. Token requests (to the OAuth endpoint) pass without a turn:
they are rare, and single flight keeps them so. A 429 answer with ``Retry-After`` pauses
the whole application's budget for that long, so every client sharing it (every process,
with the Redis form) holds off, not only the one that met it. The retry transport above
then retries the request as usual (or returns the 429 when ``Retry-After`` is longer than
it waits).
"""

from __future__ import annotations

import httpx

from .._concurrency import SyncFunction, sync_check_budget, sync_sleep
from .._core.encoding import RAW_BODY
from .._core.retry import RetryPolicy, is_repeatable
from .._core.tokens import GRANT_EXTENSION
from .._deadline import deadline_for
from .._pool import network_transport
from .._rate_budget import DEFAULT_MAX_PAUSE, AnyRateBudget
from ..stores import TokenKey
from .budget import acquire, rate_limited

__all__ = ["BudgetTransport", "RetryTransport"]


def _replayable(response: httpx.Response, request: httpx.Request, raw: bytes) -> httpx.Response:
    # The raw (still encoded) bytes go back in, so the client decodes them exactly once; the
    # I/O path takes them from the extension, anything else reads them from the stream.
    return httpx.Response(
        response.status_code,
        headers=response.headers,
        stream=httpx.ByteStream(raw),
        extensions={**response.extensions, RAW_BODY: raw},
        request=request,
    )


def _read_whole(
    response: httpx.Response, request: httpx.Request, policy: RetryPolicy, started: float
) -> httpx.Response:
    """The answer with its raw body in memory; a body outlasting the budget is a timeout."""
    if response.is_stream_consumed:  # already in memory (e.g. from a MockTransport)
        return response
    chunks: list[bytes] = []
    try:
        for chunk in response.iter_raw():
            chunks.append(chunk)
            if policy.clock() - started > policy.total_timeout:
                raise httpx.ReadTimeout(
                    f"the answer was still arriving after total_timeout "
                    f"({policy.total_timeout:g} s)",
                    request=request,
                )
    finally:
        response.close()
    return _replayable(response, request, b"".join(chunks))


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport (by default httpx's own, from ``_pool``) with a :class:`RetryPolicy`."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        policy: RetryPolicy | None = None,
        *,
        api_base_path: str = "",  # pragma: no mutate (sent paths start with "/": no other base matches)
    ) -> None:
        self.transport = transport or network_transport()
        self.policy = policy or RetryPolicy()
        self.api_base_path = api_base_path

    def _repeatable(self, request: httpx.Request) -> bool:
        return is_repeatable(
            request, api_base_path=self.api_base_path, read_only_posts=self.policy.read_only_posts
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy, repeatable = self.policy, self._repeatable(request)
        started, attempt = policy.clock(), 1
        while True:
            try:
                # Every socket operation of the attempt ends within what is left of the budget.
                with deadline_for(policy.total_timeout - (policy.clock() - started)):
                    response = self.transport.handle_request(request)
                    response = _read_whole(response, request, policy, started)
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
            policy.sync_sleep(delay)
            attempt += 1

    def close(self) -> None:
        self.transport.close()


class BudgetTransport(httpx.BaseTransport):
    """Takes a turn from ``budget`` for ``key`` before each API request sent through ``transport``."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        budget: AnyRateBudget,
        key: TokenKey,
        *,
        sleep: SyncFunction[float, None] = sync_sleep,
    ) -> None:
        self.transport = transport
        self.budget = sync_check_budget(budget)
        self.key = key
        self._sleep = sleep
        #: The longest pause a 429 sets (the budget bounds it again by its own max_pause).
        self.budget_cap = float(getattr(budget, "max_pause", DEFAULT_MAX_PAUSE))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if GRANT_EXTENSION not in request.extensions:
            acquire(self.budget, self.key, sleep=self._sleep)
        response = self.transport.handle_request(request)
        if response.status_code == httpx.codes.TOO_MANY_REQUESTS:
            retry_after = response.headers.get("Retry-After")
            rate_limited(self.budget, self.key, retry_after, cap=self.budget_cap)
        return response

    def close(self) -> None:
        self.transport.close()
