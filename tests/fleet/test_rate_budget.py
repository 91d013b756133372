"""The shared rate budget: GCRA arithmetic, pauses, the transport that consults it, Redis form."""

from __future__ import annotations

import time

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    AsyncFlipkartClient,
    AsyncRedisRateBudget,
    ConfigurationError,
    FlipkartClient,
    InvalidArgument,
    MemoryRateBudget,
    RateBudgetError,
    RateLimit,
    RedisRateBudget,
    TokenKey,
)
from flipkart_ext._async.transports import AsyncBudgetTransport
from flipkart_ext._core.tokens import GRANT_EXTENSION
from flipkart_ext._sync.transports import BudgetTransport
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart

APP = TokenKey("sandbox", "app-1", None)
SELLER_A = TokenKey("sandbox", "app-1", "seller-a")
SELLER_B = TokenKey("sandbox", "app-1", "seller-b")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_one_request_per_interval_without_burst() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(10), clock=clock)
    assert budget.try_acquire(APP) == 0.0
    assert budget.try_acquire(APP) == pytest.approx(0.1)
    clock.now += 0.1
    assert budget.try_acquire(APP) == 0.0
    clock.now += 0.05
    assert budget.try_acquire(APP) == pytest.approx(0.05)
    clock.now += 10  # idle: the bucket refills, but only to its burst
    assert budget.try_acquire(APP) == 0.0
    assert budget.try_acquire(APP) == pytest.approx(0.1)


def test_a_burst_goes_at_once_then_the_steady_rate() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(10, burst=3), clock=clock)
    assert [budget.try_acquire(APP) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert budget.try_acquire(APP) == pytest.approx(0.1)


def test_over_any_window_the_count_stays_within_rate_times_window_plus_burst() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(20, burst=2), clock=clock)
    granted: list[float] = []
    while clock.now < 110:  # callers asking every millisecond for 10 s
        if budget.try_acquire(APP) == 0.0:
            granted.append(clock.now)
        clock.now += 0.001
    for start in (100.0, 103.3, 105.55):
        in_window = [t for t in granted if start <= t < start + 2]
        assert len(in_window) <= 20 * 2 + 2
    assert 199 <= len(granted) <= 202


def test_seller_buckets_are_separate_and_the_application_bucket_is_shared() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(100, burst=10), per_seller=RateLimit(1), clock=clock)
    assert budget.try_acquire(SELLER_A) == 0.0
    assert budget.try_acquire(SELLER_A) == pytest.approx(1.0)  # the seller's own limit
    assert budget.try_acquire(SELLER_B) == 0.0  # another seller is not held up
    only_app = MemoryRateBudget(RateLimit(1), clock=clock)
    assert only_app.try_acquire(SELLER_A) == 0.0
    assert only_app.try_acquire(SELLER_B) == pytest.approx(1.0)  # one bucket for the app


def test_a_refused_turn_takes_nothing_from_any_bucket() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(10, burst=2), per_seller=RateLimit(1), clock=clock)
    assert budget.try_acquire(SELLER_A) == 0.0
    assert budget.try_acquire(SELLER_A) > 0  # the seller bucket refuses...
    assert budget.try_acquire(SELLER_B) == 0.0  # ...and the app bucket kept its second slot
    assert budget.try_acquire(SELLER_B) > 0


def test_a_pause_holds_every_seller_and_is_never_shortened() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(100), clock=clock)
    budget.pause(SELLER_A, 2.0)
    assert budget.try_acquire(SELLER_B) == pytest.approx(2.0)
    budget.pause(SELLER_B, 0.5)
    clock.now += 1.0
    assert budget.try_acquire(APP) == pytest.approx(1.0)
    clock.now += 1.0
    assert budget.try_acquire(APP) == 0.0
    other_app = TokenKey("sandbox", "app-2", None)
    budget.pause(APP, 5)
    assert budget.try_acquire(other_app) == 0.0


@pytest.mark.parametrize(
    "make",
    [
        lambda: RateLimit(0),
        lambda: RateLimit(float("nan")),
        lambda: RateLimit(5, burst=0),
        lambda: RateLimit(5, burst=True),
        lambda: MemoryRateBudget(),
    ],
)
def test_bad_limits_are_refused_naming_the_argument(make: object) -> None:
    with pytest.raises(InvalidArgument, match=r"per_second|burst|per_application"):
        make()  # type: ignore[operator]


# -- the transport ---------------------------------------------------------------------------


def _answers(*statuses: int, retry_after: str = "2") -> httpx.MockTransport:
    queue = list(statuses)

    def handler(request: httpx.Request) -> httpx.Response:
        status = queue.pop(0) if queue else 200
        headers = {"Retry-After": retry_after} if status == 429 else {}
        return httpx.Response(status, headers=headers, json={})

    return httpx.MockTransport(handler)


def test_a_429_with_retry_after_pauses_the_budget_for_everyone() -> None:
    clock, slept = Clock(), []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    budget = MemoryRateBudget(RateLimit(1000), clock=clock)
    first = BudgetTransport(_answers(429), budget, SELLER_A, sleep=sleep)
    other = BudgetTransport(_answers(), budget, SELLER_B, sleep=sleep)
    response = first.handle_request(httpx.Request("GET", "https://api.test/sellers/x"))
    assert response.status_code == 429
    assert (
        other.handle_request(httpx.Request("GET", "https://api.test/sellers/y")).status_code == 200
    )
    assert slept == [pytest.approx(2.0)]  # the other seller's client waited out the pause


def test_token_requests_take_no_turn() -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(1), clock=clock)
    transport = BudgetTransport(_answers(), budget, APP, sleep=lambda _: pytest.fail("slept"))
    token = httpx.Request(
        "GET", "https://api.test/oauth/token", extensions={GRANT_EXTENSION: "refresh_token"}
    )
    for _ in range(3):
        transport.handle_request(token)
    assert (
        transport.handle_request(httpx.Request("GET", "https://api.test/sellers/x")).status_code
        == 200
    )


def test_waiting_longer_than_max_wait_is_a_rate_budget_error_before_sending() -> None:
    clock, sent = Clock(), []
    budget = MemoryRateBudget(RateLimit(1), max_wait=5, clock=clock)
    budget.pause(APP, 60)

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    transport = BudgetTransport(httpx.MockTransport(handler), budget, APP, sleep=lambda _: None)
    with pytest.raises(RateBudgetError, match="max_wait of 5 s"):
        transport.handle_request(httpx.Request("GET", "https://api.test/sellers/x"))
    assert sent == []


async def test_the_async_transport_waits_without_blocking() -> None:
    clock, slept = Clock(), []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    budget = MemoryRateBudget(RateLimit(10), clock=clock)
    transport = AsyncBudgetTransport(_answers(429, retry_after="1"), budget, APP, sleep=sleep)
    for _ in range(2):
        await transport.handle_async_request(httpx.Request("GET", "https://api.test/sellers/x"))
    assert slept == [pytest.approx(1.0)]


def test_clients_take_a_turn_per_request(fake: FakeFlipkart) -> None:
    budget = MemoryRateBudget(RateLimit(50))
    with FlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), rate_budget=budget
    ) as client:
        client.call(get_shipment_details, "S1")  # the token request took no turn
        started = time.monotonic()
        for _ in range(10):
            client.call(get_shipment_details, "S1")
        took = time.monotonic() - started
    assert took >= 10 / 50 - 0.02  # ten turns at 50 per second, the first waiting one interval


def test_each_client_takes_only_a_budget_it_can_use(redis_url: str) -> None:
    with pytest.raises(ConfigurationError, match="async budget"):
        FlipkartClient(
            CLIENT_ID, CLIENT_SECRET, rate_budget=AsyncRedisRateBudget(redis_url, RateLimit(1))
        )
    with pytest.raises(ConfigurationError, match="blocking I/O"):
        AsyncFlipkartClient(
            CLIENT_ID, CLIENT_SECRET, rate_budget=RedisRateBudget(redis_url, RateLimit(1))
        )


# -- the Redis form ------------------------------------------------------------------------


def test_redis_budget_spaces_turns_and_shares_them_between_connections(redis_url: str) -> None:
    first = RedisRateBudget(redis_url, RateLimit(10))
    second = RedisRateBudget(redis_url, RateLimit(10))  # as another process would
    assert first.try_acquire(SELLER_A) == 0.0
    wait = second.try_acquire(SELLER_B)
    assert 0.05 < wait <= 0.1
    time.sleep(wait)
    assert second.try_acquire(SELLER_B) == 0.0
    first.close()
    second.close()


def test_redis_budget_per_seller_and_pause(redis_url: str) -> None:
    budget = RedisRateBudget(redis_url, RateLimit(1000, burst=5), per_seller=RateLimit(1))
    assert budget.try_acquire(SELLER_A) == 0.0
    assert 0.9 < budget.try_acquire(SELLER_A) <= 1.0
    assert budget.try_acquire(SELLER_B) == 0.0
    budget.pause(SELLER_B, 2)
    budget.pause(SELLER_A, 0.5)  # never shortens
    assert 1.9 < budget.try_acquire(TokenKey("sandbox", "app-1", "seller-c")) <= 2.0
    keys = {key.decode() for key in budget.redis.keys("*")}
    assert keys == {
        "flipkart:{sandbox:app-1}:rate",
        "flipkart:{sandbox:app-1}:pause",
        "flipkart:{sandbox:app-1}:rate:seller:seller-a",
        "flipkart:{sandbox:app-1}:rate:seller:seller-b",
    }
    assert all(budget.redis.pttl(key) > 0 for key in keys)  # nothing is kept forever
    budget.close()


async def test_async_redis_budget(redis_url: str) -> None:
    budget = AsyncRedisRateBudget(redis_url, RateLimit(10))
    assert await budget.try_acquire(APP) == 0.0
    assert await budget.try_acquire(APP) > 0.05
    await budget.pause(APP, 1)
    assert 0.9 < await budget.try_acquire(APP) <= 1.0
    await budget.aclose()


def test_redis_down_is_a_rate_budget_error() -> None:
    budget = RedisRateBudget("redis://127.0.0.1:1/0", RateLimit(10))
    with pytest.raises(RateBudgetError):
        budget.try_acquire(APP)
    with pytest.raises(RateBudgetError):
        budget.pause(APP, 1)
