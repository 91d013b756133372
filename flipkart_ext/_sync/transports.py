# Generated from flipkart_ext/_async/transports.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""The retry transport: attempts, waits, and the whole body read inside the retry loop.

Which outcomes are retried, how long to wait and when to give up are decided by
:class:`~flipkart_ext.RetryPolicy` (pure functions in ``flipkart_ext._core.retry``); this
module only sends, reads and sleeps.

Every answer's raw body is read here, inside the loop, before the answer goes up: for a
request safe to repeat, a stall, a reset mid-body or a short body is retried like a failure
before the headers; for any request, a body still arriving when the policy's
``total_timeout`` has passed since the first attempt (a server trickling a byte at a time)
ends the exchange with a timeout, so no call outlives ``total_timeout`` by more than one
read timeout.
"""

from __future__ import annotations

import httpx

from .._core.retry import RetryPolicy, is_repeatable
from .._deadline import deadline_for
from .._pool import network_transport

__all__ = ["RetryTransport"]


def _replayable(response: httpx.Response, request: httpx.Request, raw: bytes) -> httpx.Response:
    # The raw (still encoded) bytes go back in, so the client decodes them exactly once.
    return httpx.Response(
        response.status_code,
        headers=response.headers,
        stream=httpx.ByteStream(raw),
        extensions=response.extensions,
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
