"""The shared rate budget is bounded: one seller's 429 cannot stop the application (issue 20)."""

from __future__ import annotations

import math
import time

import httpx
import pytest

from flipkart_ext import (
    AsyncRedisRateBudget,
    InvalidArgument,
    MemoryRateBudget,
    RateBudgetError,
    RateLimit,
    RedisRateBudget,
    TokenKey,
)
from flipkart_ext._async import budget as async_budget
from flipkart_ext._sync import budget as sync_budget
from flipkart_ext._sync.transports import BudgetTransport

SELLER_A = TokenKey("sandbox", "app-1", "seller-a")
SELLER_B = TokenKey("sandbox", "app-1", "seller-b")
YEAR = "31536000"
TWENTY_DIGITS = "99999999999999999999"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _rate_limited_once(retry_after: str) -> httpx.MockTransport:
    answers = [httpx.Response(429, headers={"Retry-After": retry_after})]

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop(0) if answers else httpx.Response(200, json={})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("retry_after", [YEAR, TWENTY_DIGITS])
def test_a_year_long_retry_after_pauses_the_others_for_the_cap_only(retry_after: str) -> None:
    clock, slept = Clock(), []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    budget = MemoryRateBudget(RateLimit(100), clock=clock)
    first = BudgetTransport(_rate_limited_once(retry_after), budget, SELLER_A, sleep=sleep)
    other = BudgetTransport(_rate_limited_once("0"), budget, SELLER_B, sleep=sleep)
    url = "https://sandbox-api.flipkart.net/sellers/v3/shipments/S1"
    assert first.handle_request(httpx.Request("GET", url)).status_code == 429
    # Another seller's next call waits out the capped pause (60 s), then goes: no failure.
    assert other.handle_request(httpx.Request("GET", url)).status_code == 429
    assert sum(slept) == pytest.approx(60.0)


@pytest.mark.parametrize("retry_after", ["soon", "Wed, 99 Foo 2026 25:61:00 GMT", "-5", "1e3", ""])
def test_an_unreadable_retry_after_sets_no_pause(retry_after: str) -> None:
    budget = MemoryRateBudget(RateLimit(100), clock=Clock())
    assert sync_budget.rate_limited(budget, SELLER_A, retry_after, cap=60) == 0.0
    assert budget.try_acquire(SELLER_B) == 0.0


@pytest.mark.parametrize("seconds", [math.inf, math.nan, -1.0, 0.0, 1e300])
def test_a_pause_of_any_number_is_bounded(seconds: float) -> None:
    clock = Clock()
    budget = MemoryRateBudget(RateLimit(100), clock=clock, max_pause=30)
    budget.pause(SELLER_A, seconds)
    assert 0.0 <= budget.try_acquire(SELLER_B) <= 30.0


def test_the_caller_cap_and_the_budget_cap_both_bound_a_pause() -> None:
    budget = MemoryRateBudget(RateLimit(100), clock=Clock(), max_pause=30)
    assert sync_budget.rate_limited(budget, SELLER_A, YEAR, cap=10) == 10.0
    assert sync_budget.rate_limited(budget, SELLER_A, YEAR, cap=120) == 30.0


@pytest.mark.parametrize(
    ("retry_after", "pause"),
    [(YEAR, 60.0), (TWENTY_DIGITS, 60.0), ("1" * 400, 0.0)],  # too large to be a number: absent
)
def test_the_redis_script_takes_any_retry_after(
    redis_url: str, retry_after: str, pause: float
) -> None:
    budget = RedisRateBudget(redis_url, RateLimit(100))
    assert sync_budget.rate_limited(budget, SELLER_A, retry_after, cap=60) == pause
    wait = budget.try_acquire(SELLER_B)
    assert pause - 1.0 < wait <= pause
    budget.pause(SELLER_A, math.inf)  # bounded again by the budget itself
    assert budget.try_acquire(SELLER_B) <= 60.0
    budget.close()


async def test_the_async_redis_budget_is_bounded_too(redis_url: str) -> None:
    budget = AsyncRedisRateBudget(redis_url, RateLimit(100))
    assert await async_budget.rate_limited(budget, SELLER_A, TWENTY_DIGITS, cap=5) == 5.0
    assert 4.0 < await budget.try_acquire(SELLER_B) <= 5.0
    await budget.aclose()


@pytest.mark.parametrize("name", ["max_wait", "max_pause"])
@pytest.mark.parametrize("bad", [math.nan, -1, 0, "60", math.inf, True])
def test_budget_settings_are_checked_at_construction(name: str, bad: object) -> None:
    with pytest.raises(InvalidArgument, match=name):
        MemoryRateBudget(RateLimit(1), **{name: bad})  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match=name):
        RedisRateBudget("redis://127.0.0.1:1/0", RateLimit(1), **{name: bad})  # type: ignore[arg-type]


def test_a_budget_failing_in_any_way_is_a_rate_budget_error() -> None:
    class Broken:
        max_wait = 1.0
        max_pause = 1.0

        def try_acquire(self, key: TokenKey) -> float:
            raise ConnectionResetError("gone")

        def pause(self, key: TokenKey, seconds: float) -> None:
            raise KeyError("gone")

    with pytest.raises(RateBudgetError, match="taking a turn"):
        sync_budget.acquire(Broken(), SELLER_A)
    with pytest.raises(RateBudgetError, match="pausing"):
        sync_budget.rate_limited(Broken(), SELLER_A, "5", cap=60)


def test_acquire_waits_its_turn_within_max_wait_only() -> None:
    budget = MemoryRateBudget(RateLimit(1), max_wait=0.5, clock=time.monotonic)
    sync_budget.acquire(budget, SELLER_A)  # the first turn is free
    with pytest.raises(RateBudgetError, match=r"max_wait of 0\.5 s"):
        sync_budget.acquire(budget, SELLER_A)  # the next is a second away
