"""The rate budgets pinned down: settings, bounded pauses, waiting, messages and Redis keys.

Beside ``tests/fleet/test_rate_budget.py`` (the guarantees), these pin each observable
detail: every setting refused by name, which pauses a ``Retry-After`` sets, the memory
budget's arithmetic on a clock the test moves, how long a request waits and what it is
told, and the Redis keys that budgets of different versions running side by side must share.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import redis

import flipkart_ext._sync.budget as budget_module
from flipkart_ext import (
    InvalidArgument,
    MemoryRateBudget,
    RateBudgetError,
    RateLimit,
    RedisRateBudget,
    TokenKey,
)
from flipkart_ext._rate_budget import bounded_pause
from flipkart_ext._sync.transports import BudgetTransport

APP = TokenKey("sandbox", "app-1")
SELLER = TokenKey("sandbox", "app-1", "s-1")
UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def _http_date(epoch: float) -> str:
    return email.utils.formatdate(epoch, usegmt=True)


# -- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize("make", ["memory", "redis"])
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "per_application, per_seller: a rate budget needs one of them, or both"),
        (
            {"per_application": RateLimit(1), "per_seller": 5},
            "per_seller: expected a RateLimit, got int",
        ),
        (
            {"per_application": RateLimit(1), "max_wait": "5"},
            "max_wait: expected a number of seconds, got str",
        ),
        (
            {"per_application": RateLimit(1), "max_wait": 0},
            "max_wait: expected a finite positive number of seconds",
        ),
        (
            {"per_application": RateLimit(1), "max_pause": math.nan},
            "max_pause: expected a finite positive number of seconds",
        ),
    ],
)
def test_a_setting_that_cannot_be_is_refused_by_name(
    make: str, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidArgument) as caught:
        if make == "memory":
            MemoryRateBudget(**options)
        else:
            RedisRateBudget(UNREACHABLE, **options)
    assert str(caught.value) == message


@pytest.mark.parametrize("namespace", ["", 5])
def test_a_redis_budget_needs_a_namespace(namespace: object) -> None:
    with pytest.raises(InvalidArgument) as caught:
        RedisRateBudget(UNREACHABLE, RateLimit(1), namespace=namespace)  # type: ignore[arg-type]
    assert str(caught.value) == "namespace: expected a non-empty string"


def test_a_budget_per_seller_alone_is_a_budget() -> None:
    assert MemoryRateBudget(per_seller=RateLimit(2)).per_seller == RateLimit(2)
    assert RedisRateBudget(UNREACHABLE, per_seller=RateLimit(2)).per_seller == RateLimit(2)


def test_the_redis_budget_repr_shows_its_limits_and_namespace() -> None:
    assert repr(RedisRateBudget(UNREACHABLE, RateLimit(1))) == (
        "RedisRateBudget(per_application=RateLimit(per_second=1, burst=1), per_seller=None, "
        "namespace='flipkart')"
    )


# -- which pause a Retry-After sets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_after", "cap", "pause"),
    [
        (30, 60.0, 30.0),
        ("30", 60.0, 30.0),
        (90.0, 60.0, 60.0),
        (math.inf, 60.0, 0.0),
        (math.nan, 60.0, 0.0),
        (-5.0, 60.0, 0.0),
        (True, 60.0, 0.0),
        (object(), 60.0, 0.0),
        ([30], 60.0, 0.0),
        (30, math.inf, 0.0),
        (30, math.nan, 0.0),
        (30, 0.0, 0.0),
        (30, -1.0, 0.0),
    ],
)
def test_a_pause_is_a_finite_positive_number_at_most_the_cap(
    retry_after: Any, cap: float, pause: float
) -> None:
    assert bounded_pause(retry_after, cap=cap, now=1000.0) == pause


def test_a_retry_after_date_is_read_against_the_given_time() -> None:
    assert bounded_pause(_http_date(1010), cap=60.0, now=1000.0) == 10.0


def test_a_retry_after_date_is_read_against_now_when_no_time_is_given() -> None:
    pause = bounded_pause(_http_date(time.time() + 30), cap=60.0)
    assert 25.0 < pause <= 30.0


# -- the memory budget on a clock the test moves --------------------------------------------


class _Clock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_at_time_zero_the_first_turn_is_taken_and_counted() -> None:
    clock = _Clock(0.0)
    budget = MemoryRateBudget(RateLimit(1), clock=clock)
    assert budget.try_acquire(APP) == 0.0
    assert budget.try_acquire(APP) == 1.0


def test_the_turn_when_a_pause_ends_is_taken_and_counted() -> None:
    clock = _Clock(0.0)
    budget = MemoryRateBudget(RateLimit(1), clock=clock)
    budget.pause(APP, 5)
    assert budget.try_acquire(APP) == 5.0
    clock.now = 5.0
    assert budget.try_acquire(APP) == 0.0
    assert budget.try_acquire(APP) == 1.0


def test_a_short_pause_from_time_zero_lasts_its_length() -> None:
    clock = _Clock(0.0)
    budget = MemoryRateBudget(RateLimit(100), clock=clock)
    budget.pause(APP, 0.5)
    assert budget.try_acquire(APP) == 0.5


def test_a_key_no_bucket_applies_to_always_goes() -> None:
    budget = MemoryRateBudget(per_seller=RateLimit(1), clock=_Clock(0.0))
    assert [budget.try_acquire(APP) for _ in range(3)] == [0.0, 0.0, 0.0]


def test_thousands_of_sellers_keep_the_budget_working() -> None:
    # Past 4,096 buckets the idle ones are dropped; the budget goes on deciding.
    clock = _Clock(0.0)
    budget = MemoryRateBudget(per_seller=RateLimit(1), clock=clock)
    for number in range(4_100):
        assert budget.try_acquire(TokenKey("sandbox", "app-1", f"s-{number}")) == 0.0
        clock.now += 0.01
    assert budget.try_acquire(TokenKey("sandbox", "app-1", "s-4099")) == pytest.approx(0.99)


# -- waiting for a turn ---------------------------------------------------------------------


class _Budget:
    """A budget answering the waits it is given, one per call."""

    def __init__(self, waits: list[float], max_wait: float = 2.0) -> None:
        self.waits = waits
        self.max_wait = max_wait
        self.paused: list[float] = []

    def try_acquire(self, key: TokenKey) -> float:
        return self.waits.pop(0)

    def pause(self, key: TokenKey, seconds: float) -> None:
        self.paused.append(seconds)


@pytest.fixture
def naps() -> list[float]:
    return []


@pytest.mark.parametrize("waits", [[1.5, 0.0], [2.0, 0.0], [1.0, 0.5, 0.5, 0.0]])
def test_a_request_waits_for_its_turn_up_to_max_wait_included(
    naps: list[float], waits: list[float]
) -> None:
    budget_module.acquire(_Budget(list(waits)), APP, sleep=naps.append)
    assert naps == waits[:-1]


def test_a_request_that_would_wait_longer_than_max_wait_is_not_sent(naps: list[float]) -> None:
    with pytest.raises(RateBudgetError) as caught:
        budget_module.acquire(_Budget([1.0, 0.6, 0.6, 0.0]), APP, sleep=naps.append)
    assert str(caught.value) == (
        "the shared rate budget would hold this request for 2.2 s, more than its max_wait of "
        "2 s; the request was not sent"
    )
    assert naps == [1.0, 0.6]


class _Broken(_Budget):
    def try_acquire(self, key: TokenKey) -> float:
        raise ValueError("boom")

    def pause(self, key: TokenKey, seconds: float) -> None:
        raise ValueError("bang")


def test_a_budget_that_fails_is_a_budget_error_naming_what_failed() -> None:
    with pytest.raises(RateBudgetError) as taking:
        budget_module.acquire(_Broken([]), APP)
    assert str(taking.value) == "the rate budget failed taking a turn (ValueError: boom)"
    with pytest.raises(RateBudgetError) as pausing:
        budget_module.rate_limited(_Broken([]), APP, "30", cap=60.0)
    assert str(pausing.value) == "the rate budget failed pausing (ValueError: bang)"


def test_a_429_pauses_a_budget_without_max_pause_up_to_the_cap() -> None:
    class Minimal:
        max_wait = 2.0

        def __init__(self) -> None:
            self.paused: list[float] = []

        def try_acquire(self, key: TokenKey) -> float:
            return 0.0

        def pause(self, key: TokenKey, seconds: float) -> None:
            self.paused.append(seconds)

    budget = Minimal()
    assert budget_module.rate_limited(budget, APP, "30", cap=60.0) == 30.0
    assert budget_module.rate_limited(budget, APP, "90", cap=60.0) == 60.0
    assert budget.paused == [30.0, 60.0]


def test_a_429_with_a_retry_after_date_pauses_until_that_date() -> None:
    budget = _Budget([], max_wait=2.0)
    pause = budget_module.rate_limited(budget, APP, _http_date(time.time() + 30), cap=60.0)
    assert 25.0 < pause <= 30.0
    assert budget.paused == [pause]


# -- the Redis budget -----------------------------------------------------------------------


@pytest.fixture
def raw(redis_url: str) -> Iterator[redis.Redis]:
    connection = redis.Redis.from_url(redis_url, decode_responses=True)
    yield connection
    connection.close()


def test_the_redis_keys_follow_the_documented_layout(redis_url: str, raw: redis.Redis) -> None:
    budget = RedisRateBudget(redis_url, RateLimit(1), per_seller=RateLimit(1))
    assert budget.try_acquire(SELLER) == 0.0
    assert budget.try_acquire(TokenKey("sandbox", "app-1", "")) > 0.0  # the application's turn
    budget.pause(SELLER, 5)
    assert sorted(raw.keys("*")) == [
        "flipkart:{sandbox:app-1}:pause",
        "flipkart:{sandbox:app-1}:rate",
        "flipkart:{sandbox:app-1}:rate:seller:s-1",
    ]


def test_a_redis_budget_per_seller_leaves_self_access_alone(
    redis_url: str, raw: redis.Redis
) -> None:
    budget = RedisRateBudget(redis_url, per_seller=RateLimit(1))
    assert [budget.try_acquire(APP) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert budget.try_acquire(SELLER) == 0.0
    assert budget.try_acquire(SELLER) > 0.0
    assert sorted(raw.keys("*")) == ["flipkart:{sandbox:app-1}:rate:seller:s-1"]


def test_an_unreachable_redis_is_a_budget_error_naming_what_failed() -> None:
    budget = RedisRateBudget(UNREACHABLE, RateLimit(1))
    with pytest.raises(RateBudgetError) as taking:
        budget.try_acquire(APP)
    assert str(taking.value).startswith(
        "taking a turn from the rate budget: Redis failed (ConnectionError: "
    )
    with pytest.raises(RateBudgetError) as pausing:
        budget.pause(APP, 5)
    assert str(pausing.value).startswith("pausing the rate budget: Redis failed (ConnectionError: ")


# -- the budget transport --------------------------------------------------------------------


def _limited(seconds: str) -> httpx.MockTransport:
    return httpx.MockTransport(
        lambda request: httpx.Response(429, headers={"Retry-After": seconds})
    )


def test_a_budget_of_the_callers_without_max_pause_is_paused_at_most_60_s() -> None:
    budget = _Budget([0.0, 0.0])
    transport = BudgetTransport(_limited("90"), budget, APP)
    assert transport.handle_request(httpx.Request("GET", "https://api.test/x")).status_code == 429
    transport.handle_request(httpx.Request("GET", "https://api.test/x"))
    assert budget.paused == [60.0, 60.0]


def test_a_429_pauses_a_budget_with_max_pause_at_most_that_long() -> None:
    budget = MemoryRateBudget(RateLimit(100), max_pause=10)
    transport = BudgetTransport(_limited("90"), budget, APP)
    transport.handle_request(httpx.Request("GET", "https://api.test/x"))
    assert budget.try_acquire(APP) == pytest.approx(10.0, abs=0.5)
