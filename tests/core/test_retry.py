"""Retries: what is retried, how long it waits, and how it composes with the auth flow."""

from __future__ import annotations

import logging
from email.utils import formatdate

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import (
    get_shipment_details,
    mark_rtd,
    search_pre_dispatch_shipment_post,
)
from flipkart_seller_api.models import DispatchShipmentRequest, SearchShipmentRequest

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy
from flipkart_ext._core.answers import parse_retry_after
from flipkart_ext._core.retry import (
    IDEMPOTENT_EXTENSION,
    backoff_delay,
    is_repeatable,
    never_reached_server,
    should_retry_exception,
    should_retry_status,
)
from flipkart_ext.errors import APIConnectionError, APITimeoutError, RateLimitError, ServerError
from tests.core._fakes import (
    API,
    CLIENT_ID,
    CLIENT_SECRET,
    OAUTH,
    FakeFlipkart,
    SleepRecorder,
    client_credentials_grant,
    refresh_token_grant,
)

FILTER = "/sellers/v3/shipments/filter"
DISPATCH = "/sellers/v3/shipments/dispatch"
DETAILS = "/sellers/v3/shipments/S1"
SEARCH = SearchShipmentRequest.from_dict(
    {"filter": {"type": "preDispatch", "states": ["APPROVED"]}}
)
DISPATCH_BODY = DispatchShipmentRequest(location_id="L1", shipment_ids=["S1"])


def _client(fake: FakeFlipkart, policy: RetryPolicy) -> FlipkartClient:
    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), retry=policy)


def _calls(fake: FakeFlipkart, path: str) -> int:
    return sum(1 for r in fake.api_requests if r.path == path)


# -- Retry-After ------------------------------------------------------------------------------


def test_429_with_retry_after_seconds_waits_that_long_then_succeeds(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": "2"}))
    with _client(fake, sleeper.policy()) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert sleeper.sleeps == [2.0]
    assert _calls(fake, DETAILS) == 2


async def test_async_429_with_retry_after_waits_then_succeeds(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": "2"}))
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), retry=sleeper.policy()
    ) as client:
        assert await client.call(get_shipment_details, "S1") is not None
    assert sleeper.sleeps == [2.0]


def test_429_with_retry_after_http_date_waits_until_that_date(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    when = formatdate(sleeper.wall + 7, usegmt=True)
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": when}))
    with _client(fake, sleeper.policy()) as client:
        client.call(get_shipment_details, "S1")
    assert sleeper.sleeps == [7.0]


def test_retry_after_beyond_the_cap_is_not_slept_through(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, httpx.Response(429, headers={"Retry-After": "3600"}))
    with (
        _client(fake, sleeper.policy(max_retry_after=60)) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert caught.value.retry_after == 3600
    assert sleeper.sleeps == []
    assert _calls(fake, DETAILS) == 1


# -- what is retried ----------------------------------------------------------------------------


def test_mutating_post_is_not_retried_after_503_but_the_filter_search_is(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("POST", DISPATCH, httpx.Response(503))
    fake.push("POST", FILTER, httpx.Response(503))
    with _client(fake, sleeper.policy()) as client:
        with pytest.raises(ServerError) as caught:
            client.call(mark_rtd, body=DISPATCH_BODY)
        assert caught.value.status_code == 503
        assert client.call(search_pre_dispatch_shipment_post, body=SEARCH) is not None
    assert _calls(fake, DISPATCH) == 1
    assert _calls(fake, FILTER) == 2


def test_mutating_post_is_retried_when_the_connection_was_never_made(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("POST", DISPATCH, httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"))
    with _client(fake, sleeper.policy()) as client:
        assert client.call(mark_rtd, body=DISPATCH_BODY) is not None
    assert _calls(fake, DISPATCH) == 3
    assert len(sleeper.sleeps) == 2


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("server hung up"),
        httpx.ReadError("reset"),
        httpx.WriteError("broken pipe"),
    ],
)
def test_mutating_post_is_not_retried_once_it_may_have_reached_the_server(
    fake: FakeFlipkart, sleeper: SleepRecorder, error: Exception
) -> None:
    fake.push("POST", DISPATCH, error)
    with _client(fake, sleeper.policy()) as client, pytest.raises(APIConnectionError):
        client.call(mark_rtd, body=DISPATCH_BODY)
    assert _calls(fake, DISPATCH) == 1
    assert sleeper.sleeps == []


def test_get_is_retried_after_a_read_timeout(fake: FakeFlipkart, sleeper: SleepRecorder) -> None:
    fake.push("GET", DETAILS, httpx.ReadTimeout("slow"))
    with _client(fake, sleeper.policy()) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert _calls(fake, DETAILS) == 2


@pytest.mark.parametrize("status", [429, 499, 500, 502, 503, 504])
def test_each_retryable_status_is_retried_for_reads(
    fake: FakeFlipkart, sleeper: SleepRecorder, status: int
) -> None:
    fake.push("GET", DETAILS, httpx.Response(status))
    with _client(fake, sleeper.policy()) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert _calls(fake, DETAILS) == 2


@pytest.mark.parametrize("status", [400, 404, 422, 501])
def test_other_statuses_are_not_retried(
    fake: FakeFlipkart, sleeper: SleepRecorder, status: int
) -> None:
    fake.push("GET", DETAILS, httpx.Response(status))
    with _client(fake, sleeper.policy()) as client, pytest.raises(Exception) as caught:
        client.call(get_shipment_details, "S1")
    assert getattr(caught.value, "status_code", None) == status
    assert _calls(fake, DETAILS) == 1


# -- bounds ---------------------------------------------------------------------------------------


def test_attempts_are_bounded_and_backoff_is_exponential_with_full_jitter(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", DETAILS, *[httpx.Response(503) for _ in range(10)])
    policy = sleeper.policy(max_attempts=4, backoff_base=0.5, backoff_cap=30, random=lambda: 0.5)
    with _client(fake, policy) as client, pytest.raises(ServerError):
        client.call(get_shipment_details, "S1")
    assert _calls(fake, DETAILS) == 4
    assert sleeper.sleeps == [0.25, 0.5, 1.0]  # 0.5 * base * 2**n


def test_total_time_is_bounded(fake: FakeFlipkart, sleeper: SleepRecorder) -> None:
    fake.push(
        "GET", DETAILS, *[httpx.Response(503, headers={"Retry-After": "4"}) for _ in range(10)]
    )
    policy = sleeper.policy(max_attempts=10, total_timeout=10)
    with _client(fake, policy) as client, pytest.raises(ServerError):
        client.call(get_shipment_details, "S1")
    assert sleeper.sleeps == [4.0, 4.0]  # a third wait would pass the 10 s budget
    assert _calls(fake, DETAILS) == 3


def test_final_499_is_a_server_error(fake: FakeFlipkart, sleeper: SleepRecorder) -> None:
    fake.push("GET", DETAILS, *[httpx.Response(499) for _ in range(4)])
    with (
        _client(fake, sleeper.policy(max_attempts=2)) as client,
        pytest.raises(ServerError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert caught.value.status_code == 499


def test_disabled_policy_makes_one_attempt(fake: FakeFlipkart) -> None:
    fake.push("GET", DETAILS, httpx.Response(503))
    with _client(fake, RetryPolicy.disabled()) as client, pytest.raises(ServerError):
        client.call(get_shipment_details, "S1")
    assert _calls(fake, DETAILS) == 1


# -- retries and refreshes do not multiply ----------------------------------------------------


def test_retries_never_trigger_a_refresh(fake: FakeFlipkart, sleeper: SleepRecorder) -> None:
    fake.push("GET", DETAILS, httpx.Response(503), httpx.Response(502))
    with _client(fake, sleeper.policy()) as client:
        client.call(get_shipment_details, "S1")
    assert len(fake.token_requests) == 1
    assert _calls(fake, DETAILS) == 3


def test_a_replay_after_401_gets_a_fresh_retry_budget(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    # First send: 503, 503 then 401 uses all 3 attempts; the replay retries again.
    fake.push(
        "GET",
        DETAILS,
        httpx.Response(503),
        httpx.Response(503),
        httpx.Response(401),
        httpx.Response(503),
        httpx.Response(503),
    )
    with _client(fake, sleeper.policy(max_attempts=3)) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert _calls(fake, DETAILS) == 6
    assert len(fake.token_requests) == 2  # one refresh, however many retries


def test_client_credentials_token_request_is_retried_but_a_refresh_is_not(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("GET", "/oauth-service/oauth/token", httpx.Response(503))
    with _client(fake, sleeper.policy()) as client:
        client.call(get_shipment_details, "S1")
    assert fake.grants() == ["client_credentials", "client_credentials"]

    refreshing = FakeFlipkart()
    refreshing.valid_refresh.add("RT-0-secretvalue")
    refreshing.push("GET", "/oauth-service/oauth/token", httpx.Response(503))
    with (
        FlipkartClient(
            CLIENT_ID,
            CLIENT_SECRET,
            refresh_token="RT-0-secretvalue",
            transport=refreshing.transport(),
            retry=sleeper.policy(),
        ) as client,
        pytest.raises(ServerError),
    ):
        client.call(get_shipment_details, "S1")
    assert refreshing.grants() == ["refresh_token"]


def test_each_retry_is_logged_with_a_redacted_url(
    fake: FakeFlipkart, sleeper: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    fake.push("GET", DETAILS, httpx.Response(503))
    with _client(fake, sleeper.policy()) as client:
        client.call(get_shipment_details, "S1")
    retries = [
        r for r in caplog.records if r.name == "flipkart_ext" and "retrying" in r.getMessage()
    ]
    assert len(retries) == 1
    assert retries[0].levelno == logging.INFO
    assert "GET https://sandbox-api.flipkart.net/sellers/v3/shipments/S1" in retries[0].getMessage()
    assert "HTTP 503" in retries[0].getMessage()


async def test_async_mutating_post_not_retried_after_503(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("POST", DISPATCH, httpx.Response(503))
    fake.push("POST", FILTER, httpx.Response(503))
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), retry=sleeper.policy()
    ) as client:
        with pytest.raises(ServerError):
            await client.call(mark_rtd, body=DISPATCH_BODY)
        assert await client.call(search_pre_dispatch_shipment_post, body=SEARCH) is not None
    assert _calls(fake, DISPATCH) == 1
    assert _calls(fake, FILTER) == 2


async def test_async_timeout_surfaces_as_api_timeout_error(
    fake: FakeFlipkart, sleeper: SleepRecorder
) -> None:
    fake.push("POST", DISPATCH, httpx.ReadTimeout("slow"))
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), retry=sleeper.policy()
    ) as client:
        with pytest.raises(APITimeoutError):
            await client.call(mark_rtd, body=DISPATCH_BODY)


# -- the pure functions ------------------------------------------------------------------------


def test_parse_retry_after() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after("2", now=now) == 2.0
    assert parse_retry_after(" 120 ", now=now) == 120.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now=now) == 30.0
    assert parse_retry_after(formatdate(now - 30, usegmt=True), now=now) == 0.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:50", now=now) == 30.0  # no zone: GMT
    for junk in (None, "", "soon", "-5", "1.5e3x"):
        assert parse_retry_after(junk, now=now) is None


def test_backoff_delay_is_full_jitter_and_capped() -> None:
    assert backoff_delay(1, base=0.5, cap=8, rand=0.0) == 0.0
    assert backoff_delay(1, base=0.5, cap=8, rand=0.999) == pytest.approx(0.4995)
    assert backoff_delay(3, base=0.5, cap=8, rand=1.0) == 2.0
    assert backoff_delay(30, base=0.5, cap=8, rand=1.0) == 8.0


def test_is_repeatable() -> None:
    def req(method: str, url: str, **ext: object) -> httpx.Request:
        return httpx.Request(method, url, extensions=ext)

    base = "/sellers"
    assert is_repeatable(req("GET", f"{API}/v3/shipments/S1"), api_base_path=base)
    assert is_repeatable(req("POST", f"{API}/v3/shipments/filter"), api_base_path=base)
    assert is_repeatable(req("POST", f"{API}/listings/v3/search/"), api_base_path=base)
    assert not is_repeatable(req("POST", f"{API}/v3/shipments/dispatch"), api_base_path=base)
    assert not is_repeatable(req("POST", f"{API}/v3/shipments/filter/extra"), api_base_path=base)
    assert not is_repeatable(req("PUT", f"{API}/v3/shipments/filter"), api_base_path=base)
    assert not is_repeatable(
        req("GET", f"{API}/v3/shipments/S1", **{IDEMPOTENT_EXTENSION: False}), api_base_path=base
    )
    cc = client_credentials_grant(OAUTH, "id", "secret").request
    refresh = refresh_token_grant(OAUTH, "id", "secret", refresh_token="r").request
    assert is_repeatable(cc)
    assert not is_repeatable(refresh)


def test_retry_decisions() -> None:
    assert never_reached_server(httpx.ConnectError("x"))
    assert never_reached_server(httpx.PoolTimeout("x"))
    assert not never_reached_server(httpx.ReadTimeout("x"))
    assert should_retry_exception(httpx.ConnectTimeout("x"), repeatable=False)
    assert not should_retry_exception(httpx.ReadTimeout("x"), repeatable=False)
    assert should_retry_exception(httpx.ReadTimeout("x"), repeatable=True)
    assert not should_retry_exception(httpx.UnsupportedProtocol("x"), repeatable=True)
    assert should_retry_status(499, repeatable=True)
    assert not should_retry_status(503, repeatable=False)
    assert not should_retry_status(501, repeatable=True)


def test_policy_validates_its_limits() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(backoff_base=-1)
