"""Retry behaviours pinned at their edges: limits, overrides, body reads, logs and clocks.

The transports are driven directly (over ``httpx.MockTransport``) where the contract is
the transport's own, and through the clients where it is what a caller sees.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details, mark_rtd
from flipkart_seller_api.models import DispatchShipmentRequest

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy
from flipkart_ext._async.transports import AsyncRetryTransport
from flipkart_ext._core.answers import parse_retry_after
from flipkart_ext._core.retry import is_repeatable
from flipkart_ext._sync.transports import RetryTransport
from flipkart_ext.errors import (
    APIConnectionError,
    APITimeoutError,
    InvalidArgument,
    RateLimitError,
    ServerError,
)
from tests.core._fakes import API, CLIENT_ID, CLIENT_SECRET, FakeFlipkart, SleepRecorder

DETAILS = "/sellers/v3/shipments/S1"
DISPATCH = "/sellers/v3/shipments/dispatch"
DETAILS_URL = f"{API}/v3/shipments/S1"
DISPATCH_URL = f"{API}/v3/shipments/dispatch"
DISPATCH_BODY = DispatchShipmentRequest(location_id="L1", shipment_ids=["S1"])
BODY = b'{"shipments": []}'


def _calls(fake: FakeFlipkart, path: str) -> int:
    return sum(1 for r in fake.api_requests if r.path == path)


def _client(fake: FakeFlipkart, policy: RetryPolicy) -> FlipkartClient:
    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), retry=policy)


def _async_client(fake: FakeFlipkart, policy: RetryPolicy) -> AsyncFlipkartClient:
    return AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), retry=policy
    )


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body arriving in ``chunks``, then failing with ``error`` if given."""

    def __init__(self, chunks: list[bytes], error: Exception | None = None) -> None:
        self.chunks = chunks
        self.error = error
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.error is not None:
            raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def _streamed(
    chunks: list[bytes], error: Exception | None = None, *, extra: dict[str, str] | None = None
) -> httpx.Response:
    length = sum(map(len, chunks)) if error is None else len(BODY)
    headers = {"Content-Type": "application/json", "Content-Length": str(length), **(extra or {})}
    return httpx.Response(200, headers=headers, stream=Body(chunks, error))


# The three ways a body can fail after the headers arrived, as httpx reports them.
BODY_FAILURES: dict[str, Callable[[], Exception]] = {
    "stall": lambda: httpx.ReadTimeout("timed out while reading the body"),
    "reset mid-body": lambda: httpx.ReadError("[Errno 104] Connection reset by peer"),
    "short body": lambda: httpx.RemoteProtocolError(
        "peer closed connection without sending complete message body: "
        "received 8 bytes, expected 17"
    ),
}


def _broken_body(kind: str) -> httpx.Response:
    return _streamed([BODY[:8]], BODY_FAILURES[kind]())


class Script:
    """A MockTransport handler serving ``outcomes`` in order and counting requests."""

    def __init__(self, *outcomes: httpx.Response | Exception) -> None:
        self.outcomes = list(outcomes)
        self.requests: list[httpx.Request] = []
        self.on_request: Callable[[], None] | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.on_request is not None:
            self.on_request()
        outcome = self.outcomes.pop(0) if self.outcomes else httpx.Response(200, content=BODY)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


# -- the async transport stops at max_attempts ----------------------------------------------


async def test_async_attempts_are_bounded_by_max_attempts(sleeper: SleepRecorder) -> None:
    script = Script(*[httpx.Response(503) for _ in range(10)])
    policy = sleeper.policy(max_attempts=3, backoff_base=0.5, backoff_cap=30)
    transport = AsyncRetryTransport(httpx.MockTransport(script), policy)
    response = await transport.handle_async_request(httpx.Request("GET", DETAILS_URL))
    assert response.status_code == 503
    assert len(script.requests) == 3
    assert sleeper.sleeps == [0.25, 0.5]  # 0.5 * base * 2**n, as in the sync transport


async def test_async_client_gives_up_after_max_attempts(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, *[httpx.Response(503) for _ in range(10)])
    async with _async_client(fake, sleeper.policy(max_attempts=4)) as client:
        with pytest.raises(ServerError):
            await client.call(get_shipment_details, "S1")
    assert _calls(fake, DETAILS) == 4
    assert len(sleeper.sleeps) == 3


def test_sync_transport_stops_at_max_attempts_after_connect_errors(
    sleeper: SleepRecorder,
) -> None:
    script = Script(*[httpx.ConnectError("refused") for _ in range(10)])
    transport = RetryTransport(httpx.MockTransport(script), sleeper.policy(max_attempts=2))
    with pytest.raises(httpx.ConnectError):
        transport.handle_request(httpx.Request("POST", DISPATCH_URL))
    assert len(script.requests) == 2


# -- the idempotent override ---------------------------------------------------------------


def test_a_post_marked_idempotent_is_retried_like_a_get(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("POST", DISPATCH, httpx.Response(503), httpx.ReadTimeout("slow"))
    with _client(fake, sleeper.policy()) as client:
        response = client.http.post(
            DISPATCH_URL,
            json={"locationId": "L1", "shipmentIds": ["S1"]},
            extensions={"flipkart_ext.idempotent": True},
        )
    assert response.status_code == 200
    assert _calls(fake, DISPATCH) == 3
    assert sleeper.sleeps == [0.25, 0.5]


def test_without_the_override_the_same_post_is_not_retried(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("POST", DISPATCH, httpx.Response(503))
    with _client(fake, sleeper.policy()) as client:
        response = client.http.post(DISPATCH_URL, json={"locationId": "L1", "shipmentIds": ["S1"]})
    assert response.status_code == 503
    assert _calls(fake, DISPATCH) == 1
    assert sleeper.sleeps == []


def test_a_get_marked_not_idempotent_is_retried_only_before_it_was_sent(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, httpx.ConnectError("refused"), httpx.Response(503))
    with _client(fake, sleeper.policy()) as client:
        response = client.http.get(DETAILS_URL, extensions={"flipkart_ext.idempotent": False})
    assert response.status_code == 503
    assert _calls(fake, DETAILS) == 2


async def test_async_post_marked_idempotent_is_retried(sleeper: SleepRecorder) -> None:
    script = Script(httpx.Response(502), httpx.Response(200, content=BODY))
    transport = AsyncRetryTransport(httpx.MockTransport(script), sleeper.policy())
    async with httpx.AsyncClient(transport=transport) as client:
        marked = await client.post(DISPATCH_URL, extensions={"flipkart_ext.idempotent": True})
        assert marked.status_code == 200
        assert len(script.requests) == 2
        script.outcomes = [httpx.Response(502)]
        unmarked = await client.post(DISPATCH_URL)
    assert unmarked.status_code == 502
    assert len(script.requests) == 3


def test_a_read_only_post_outside_the_api_base_path_is_matched_as_it_is() -> None:
    outside = httpx.Request("POST", "https://sandbox-api.flipkart.net/v3/shipments/filter")
    assert is_repeatable(outside, api_base_path="/sellers")
    elsewhere = httpx.Request("POST", "https://sandbox-api.flipkart.net/elsewhere/x/dispatch")
    assert not is_repeatable(elsewhere, api_base_path="/sellers")


@pytest.mark.parametrize("base", ["/sellers", "/sellers/", "/gw/SELLER-X", "/gw/SELLER-X/"])
def test_the_api_base_path_is_stripped_however_it_is_spelled(base: str) -> None:
    host = f"https://sandbox-api.flipkart.net{base.rstrip('/')}"
    assert is_repeatable(httpx.Request("POST", f"{host}/v3/shipments/filter"), api_base_path=base)
    assert is_repeatable(httpx.Request("POST", f"{host}/listings/v3/search"), api_base_path=base)
    assert not is_repeatable(
        httpx.Request("POST", f"{host}/v3/shipments/dispatch"), api_base_path=base
    )


@pytest.mark.parametrize("path", ["/v3/shipments/filterX", "/listings/v3/searchX", "/v3/x/filter"])
def test_only_the_exact_read_only_paths_are_repeatable_posts(path: str) -> None:
    assert not is_repeatable(httpx.Request("POST", f"{API}{path}"), api_base_path="/sellers")


def test_the_transport_classifies_with_its_own_read_only_posts(sleeper: SleepRecorder) -> None:
    script = Script(httpx.Response(503))
    policy = sleeper.policy(read_only_posts=("/v3/shipments/dispatch",))
    transport = RetryTransport(httpx.MockTransport(script), policy, api_base_path="/sellers")
    response = transport.handle_request(httpx.Request("POST", DISPATCH_URL))
    assert response.status_code == 200
    assert len(script.requests) == 2


async def test_the_async_transport_strips_its_api_base_path(sleeper: SleepRecorder) -> None:
    script = Script(httpx.Response(503))
    transport = AsyncRetryTransport(
        httpx.MockTransport(script), sleeper.policy(), api_base_path="/sellers"
    )
    response = await transport.handle_async_request(
        httpx.Request("POST", f"{API}/v3/shipments/filter")
    )
    assert response.status_code == 200
    assert len(script.requests) == 2


# -- Retry-After at the cap -----------------------------------------------------------------


def test_retry_after_exactly_at_the_cap_is_slept(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": "60"}))
    with _client(fake, sleeper.policy(max_retry_after=60)) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert sleeper.sleeps == [60.0]
    assert _calls(fake, DETAILS) == 2


def test_retry_after_just_over_the_cap_is_refused_and_logged(
    fake: FakeFlipkart, sleeper: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": "61"}))
    with (
        _client(fake, sleeper.policy(max_retry_after=60)) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert caught.value.retry_after == 61
    assert sleeper.sleeps == []
    assert _calls(fake, DETAILS) == 1
    refusals = [r for r in caplog.records if "not retrying" in r.getMessage()]
    assert len(refusals) == 1
    assert refusals[0].levelno == logging.WARNING
    assert refusals[0].getMessage() == (
        f"not retrying GET {DETAILS_URL}: Retry-After 61s exceeds the 60s cap"
    )


def test_retry_after_refusal_log_redacts_the_url(
    sleeper: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    script = Script(httpx.Response(429, headers={"Retry-After": "3600"}))
    transport = RetryTransport(httpx.MockTransport(script), sleeper.policy())
    url = "https://sandbox-api.flipkart.net/oauth-service/oauth/token?code=secret-code-7"
    transport.handle_request(
        httpx.Request("GET", url, extensions={"flipkart_ext.idempotent": True})
    )
    (refusal,) = [r.getMessage() for r in caplog.records if "not retrying" in r.getMessage()]
    assert "secret-code-7" not in refusal
    assert refusal.startswith("not retrying GET https://sandbox-api.flipkart.net/oauth-service")


def test_a_retry_after_wait_is_logged_as_such(
    fake: FakeFlipkart, sleeper: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": "3"}))
    with _client(fake, sleeper.policy(max_attempts=5)) as client:
        client.call(get_shipment_details, "S1")
    (message,) = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert message == (
        f"retrying GET {DETAILS_URL} in 3.00s (attempt 2 of 5) after HTTP 429 with Retry-After"
    )


# -- the total-time bound -------------------------------------------------------------------


def _slow_attempts(fake: FakeFlipkart, sleeper: SleepRecorder, seconds: float) -> None:
    """Every API attempt takes ``seconds`` of (fake) monotonic time."""
    handler = fake.handler

    def slow(request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/oauth/token"):
            sleeper.monotonic += seconds
        return handler(request)

    fake.handler = slow  # type: ignore[method-assign]


@pytest.mark.parametrize(("total_timeout", "attempts"), [(10.0, 3), (9.5, 2)])
def test_an_attempt_exactly_at_the_total_timeout_is_still_made(
    fake: FakeFlipkart, sleeper: SleepRecorder, total_timeout: float, attempts: int
) -> None:
    # Each attempt takes 2 s and each wait is 3 s: attempt 1 ends at 2 s, attempt 2 starts
    # at 5 s and ends at 7 s, so a third would start at 7 + 3 = 10 s.
    _slow_attempts(fake, sleeper, 2.0)
    fake.push(
        "GET", DETAILS, *[httpx.Response(503, headers={"Retry-After": "3"}) for _ in range(5)]
    )
    policy = sleeper.policy(max_attempts=10, total_timeout=total_timeout)
    with _client(fake, policy) as client, pytest.raises(ServerError):
        client.call(get_shipment_details, "S1")
    assert _calls(fake, DETAILS) == attempts
    assert sleeper.sleeps == [3.0] * (attempts - 1)


def test_time_spent_in_attempts_counts_against_the_total(sleeper: SleepRecorder) -> None:
    script = Script(*[httpx.ReadTimeout("slow") for _ in range(5)])

    def slow() -> None:
        sleeper.monotonic += 4.0

    script.on_request = slow
    policy = sleeper.policy(max_attempts=10, total_timeout=10, random=lambda: 0.0)
    transport = RetryTransport(httpx.MockTransport(script), policy)
    with pytest.raises(httpx.ReadTimeout):
        transport.handle_request(httpx.Request("GET", DETAILS_URL))
    assert len(script.requests) == 3  # 4 s + 4 s, then 8 + 4 = 12 s passes the 10 s budget


def test_giving_up_is_logged_with_where_how_many_and_why(
    fake: FakeFlipkart, sleeper: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    fake.push("GET", DETAILS, *[httpx.Response(503) for _ in range(3)])
    with _client(fake, sleeper.policy(max_attempts=3)) as client, pytest.raises(ServerError):
        client.call(get_shipment_details, "S1")
    giving_up = [r for r in caplog.records if "giving up" in r.getMessage()]
    assert len(giving_up) == 1
    assert giving_up[0].levelno == logging.WARNING
    assert giving_up[0].getMessage() == (
        f"giving up on GET {DETAILS_URL} after 3 attempt(s): HTTP 503"
    )


def test_retries_after_errors_are_logged_with_the_error_type_and_attempt_number(
    sleeper: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    script = Script(
        httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.ReadTimeout("x")
    )
    policy = sleeper.policy(max_attempts=3, backoff_base=1, random=lambda: 0.5)
    transport = RetryTransport(httpx.MockTransport(script), policy)
    with pytest.raises(httpx.ReadTimeout):
        transport.handle_request(httpx.Request("GET", DETAILS_URL))
    messages = [r.getMessage() for r in caplog.records if r.name == "flipkart_ext"]
    assert messages == [
        f"retrying GET {DETAILS_URL} in 0.50s (attempt 2 of 3) after ConnectError",
        f"retrying GET {DETAILS_URL} in 1.00s (attempt 3 of 3) after ReadTimeout",
        f"giving up on GET {DETAILS_URL} after 3 attempt(s): ReadTimeout",
    ]


# -- reading the body inside the retry loop -----------------------------------------------


@pytest.mark.parametrize("kind", BODY_FAILURES)
def test_a_body_failure_is_retried_for_a_repeatable_request(
    fake: FakeFlipkart, sleeper: SleepRecorder, kind: str
) -> None:
    fake.push("GET", DETAILS, _broken_body(kind), _streamed([BODY[:5], BODY[5:]]))
    with _client(fake, sleeper.policy()) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert _calls(fake, DETAILS) == 2
    assert len(sleeper.sleeps) == 1


@pytest.mark.parametrize("kind", BODY_FAILURES)
def test_a_body_failure_surfaces_for_a_mutating_request(
    fake: FakeFlipkart, sleeper: SleepRecorder, kind: str
) -> None:
    fake.push("POST", DISPATCH, _broken_body(kind))
    expected = APITimeoutError if kind == "stall" else APIConnectionError
    with _client(fake, sleeper.policy()) as client, pytest.raises(expected):
        client.call(mark_rtd, body=DISPATCH_BODY)
    assert _calls(fake, DISPATCH) == 1
    assert sleeper.sleeps == []


@pytest.mark.parametrize("kind", BODY_FAILURES)
async def test_async_body_failure_is_retried_for_a_repeatable_request(
    fake: FakeFlipkart, sleeper: SleepRecorder, kind: str
) -> None:
    fake.push("GET", DETAILS, _broken_body(kind), _streamed([BODY[:5], BODY[5:]]))
    async with _async_client(fake, sleeper.policy()) as client:
        assert await client.call(get_shipment_details, "S1") is not None
    assert _calls(fake, DETAILS) == 2
    assert len(sleeper.sleeps) == 1


@pytest.mark.parametrize("kind", BODY_FAILURES)
async def test_async_body_failure_surfaces_for_a_mutating_request(
    fake: FakeFlipkart, sleeper: SleepRecorder, kind: str
) -> None:
    fake.push("POST", DISPATCH, _broken_body(kind))
    expected = APITimeoutError if kind == "stall" else APIConnectionError
    async with _async_client(fake, sleeper.policy()) as client:
        with pytest.raises(expected):
            await client.call(mark_rtd, body=DISPATCH_BODY)
    assert _calls(fake, DISPATCH) == 1
    assert sleeper.sleeps == []


def test_a_body_failing_on_every_attempt_surfaces_after_max_attempts(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, *[_broken_body("reset mid-body") for _ in range(3)])
    with (
        _client(fake, sleeper.policy(max_attempts=3)) as client,
        pytest.raises(APIConnectionError, match="ReadError"),
    ):
        client.call(get_shipment_details, "S1")
    assert _calls(fake, DETAILS) == 3


def _check_replayed(response: httpx.Response, request: httpx.Request, inner: Body) -> None:
    assert inner.closed  # the network stream was read to the end and released
    assert response.request is request
    assert response.status_code == 200
    assert response.headers["X-Trace"] == "t-1"
    assert response.http_version == "HTTP/2"
    assert b"".join(response.stream) == BODY  # type: ignore[arg-type]


def _chunked_reply() -> tuple[httpx.Response, Body]:
    response = _streamed([BODY[:4], BODY[4:11], BODY[11:]], extra={"X-Trace": "t-1"})
    response.extensions["http_version"] = b"HTTP/2"
    assert isinstance(response.stream, Body)
    return response, response.stream


def test_a_repeatable_response_reaches_the_caller_fully_read(sleeper: SleepRecorder) -> None:
    reply, inner = _chunked_reply()
    transport = RetryTransport(httpx.MockTransport(lambda request: reply), sleeper.policy())
    request = httpx.Request("GET", DETAILS_URL)
    response = transport.handle_request(request)
    _check_replayed(response, request, inner)
    response.raise_for_status()  # needs the request on the response


async def test_async_repeatable_response_reaches_the_caller_fully_read(
    sleeper: SleepRecorder,
) -> None:
    reply, inner = _chunked_reply()
    transport = AsyncRetryTransport(httpx.MockTransport(lambda request: reply), sleeper.policy())
    request = httpx.Request("GET", DETAILS_URL)
    response = await transport.handle_async_request(request)
    assert inner.closed
    assert response.request is request
    assert response.headers["X-Trace"] == "t-1"
    assert response.http_version == "HTTP/2"
    assert b"".join([chunk async for chunk in response.aiter_raw()]) == BODY
    response.raise_for_status()


def test_a_mutating_response_is_read_inside_the_loop_too(sleeper: SleepRecorder) -> None:
    reply, inner = _chunked_reply()
    transport = RetryTransport(httpx.MockTransport(lambda request: reply), sleeper.policy())
    request = httpx.Request("POST", DISPATCH_URL)
    response = transport.handle_request(request)
    _check_replayed(response, request, inner)
    assert sleeper.sleeps == []


def test_a_response_already_in_memory_is_passed_through(sleeper: SleepRecorder) -> None:
    reply = httpx.Response(200, content=BODY)
    transport = RetryTransport(httpx.MockTransport(lambda request: reply), sleeper.policy())
    assert transport.handle_request(httpx.Request("GET", DETAILS_URL)) is reply


# -- the policy's own pieces -----------------------------------------------------------------


async def test_the_default_async_sleep_is_asyncio_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    await RetryPolicy().async_sleep(1.5)
    assert slept == [1.5]


@pytest.fixture
def india_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run with the machine's local zone at UTC+05:30 (a POSIX TZ string, no tz database)."""
    monkeypatch.setenv("TZ", "IST-05:30")
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()
        assert os.environ.get("TZ") != "IST-05:30"


@pytest.mark.usefixtures("india_local_time")
def test_retry_after_dates_never_depend_on_the_local_zone() -> None:
    now = 1_700_000_000.0  # Tue, 14 Nov 2023 22:13:20 GMT
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:50", now=now) == 30.0  # no zone: GMT
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:50 -0000", now=now) == 30.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:50 GMT", now=now) == 30.0
    # An explicit offset is honoured, not replaced by GMT.
    assert parse_retry_after("Wed, 15 Nov 2023 04:13:20 +0530", now=now) == 1800.0


def test_retry_after_with_an_offset_is_honoured() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after("Tue, 14 Nov 2023 21:14:20 -0100", now=now) == 60.0


@pytest.mark.parametrize(
    ("field", "value"),
    [("backoff_base", -0.1), ("backoff_cap", -1), ("max_retry_after", -1), ("total_timeout", -1)],
)
def test_each_negative_timing_is_refused(field: str, value: float) -> None:
    options: dict[str, Any] = {field: value}
    with pytest.raises(InvalidArgument) as caught:
        RetryPolicy(**options)
    assert str(caught.value) == f"{field}: expected a number at least 0, got {value!r}"


def test_zero_timings_are_allowed() -> None:
    policy = RetryPolicy(backoff_base=0, backoff_cap=0, max_retry_after=0, total_timeout=0)
    assert policy.total_timeout == 0


def test_max_attempts_below_one_is_refused_with_a_message() -> None:
    with pytest.raises(InvalidArgument) as caught:
        RetryPolicy(max_attempts=0)
    assert str(caught.value) == "max_attempts: expected a whole number of at least 1, got 0"
    assert RetryPolicy(max_attempts=1).max_attempts == 1


def test_zero_backoff_retries_at_once(sleeper: SleepRecorder) -> None:
    script = Script(httpx.Response(503), httpx.Response(503))
    transport = RetryTransport(httpx.MockTransport(script), sleeper.policy(backoff_base=0))
    assert transport.handle_request(httpx.Request("GET", DETAILS_URL)).status_code == 200
    assert sleeper.sleeps == [0.0, 0.0]


# -- a body that outlasts total_timeout -------------------------------------------------------


class _Slow(Body):
    """A body whose every chunk takes ``step`` seconds of the policy's clock to arrive."""

    def __init__(self, chunks: list[bytes], now: list[float], step: float) -> None:
        super().__init__(chunks)
        self.now = now
        self.step = step

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.now[0] += self.step
            yield chunk


def _slow_transport(chunks: int, now: list[float]) -> tuple[RetryTransport, list[_Slow]]:
    bodies: list[_Slow] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(_Slow([b"x"] * chunks, now, 5.0))
        return httpx.Response(200, stream=bodies[-1])

    policy = RetryPolicy(max_attempts=1, total_timeout=10, clock=lambda: now[0])
    return RetryTransport(httpx.MockTransport(handler), policy), bodies


def test_a_body_arriving_exactly_at_the_total_timeout_is_read() -> None:
    now = [0.0]
    transport, bodies = _slow_transport(2, now)
    response = transport.handle_request(httpx.Request("GET", DETAILS_URL))
    assert response.read() == b"xx"
    assert now[0] == 10.0
    assert bodies[0].closed


def test_a_body_still_arriving_after_the_total_timeout_is_a_read_timeout() -> None:
    now = [0.0]
    transport, bodies = _slow_transport(3, now)
    request = httpx.Request("GET", DETAILS_URL)
    with pytest.raises(httpx.ReadTimeout) as caught:
        transport.handle_request(request)
    assert str(caught.value) == "the answer was still arriving after total_timeout (10 s)"
    assert caught.value.request is request
    assert now[0] == 15.0
    assert bodies[0].closed


@pytest.mark.parametrize("paths", [("v3/search",), ("/v3/search", "v3/other"), ("",), ["/v3/x"]])
def test_read_only_posts_must_be_a_tuple_of_paths_starting_with_a_slash(paths: Any) -> None:
    with pytest.raises(InvalidArgument) as caught:
        RetryPolicy(read_only_posts=paths)
    assert str(caught.value) == (
        f"read_only_posts: expected a tuple of paths starting with '/', got {paths!r}"
    )


def test_read_only_posts_starting_with_a_slash_are_taken() -> None:
    assert RetryPolicy(read_only_posts=("/v3/a", "/")).read_only_posts == ("/v3/a", "/")
