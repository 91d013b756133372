"""Configuration is checked at construction: every timeout, every ``RetryPolicy`` field, the
limits and rates, and ``max_concurrency``. A bad value raises ``flipkart_ext.InvalidArgument``
(also a ``ValueError``) whose message starts with the argument's name, from the constructor
(or the method taking it), before any request is sent; never a ``TypeError`` from deep
inside, never a failure at the first call.

Issue 19 item 3. Values are drawn: negative, NaN, infinite, strings, bytes, bools, objects.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flipkart_ext import (
    AsyncSellerClients,
    FlipkartError,
    InvalidArgument,
    MemoryRateBudget,
    RateLimit,
    RedisTokenStore,
    RetryPolicy,
    SellerClients,
    ShipmentFilter,
)
from flipkart_ext.listings import StockUpdate

from ._support import CLIENT_ID, CLIENT_SECRET, App, async_client, sync_client

DRAWN = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

_OBJECTS = st.sampled_from([object(), [], {}, (), [1.0], {"seconds": 1}, b"5", None])
# A duration (seconds) that cannot be one: not a real number, not finite, or below zero.
BAD_DURATIONS = st.one_of(
    st.floats(max_value=0.0, exclude_max=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.text(max_size=4),
    st.booleans(),
    _OBJECTS,
)
# A count that must be a whole number of at least one.
BAD_COUNTS = st.one_of(
    st.integers(max_value=0),
    st.floats(allow_nan=True, allow_infinity=True).filter(lambda f: not f.is_integer() or f < 1),
    st.sampled_from([1.0, 2.0, math.nan]),
    st.text(max_size=3),
    st.booleans(),
    _OBJECTS,
)
BAD_CALLABLES = st.one_of(
    st.integers(), st.text(max_size=3), _OBJECTS.filter(lambda v: v is not None)
)


def refused(build: Callable[[], Any], name: str) -> InvalidArgument:
    """``build()`` must raise InvalidArgument naming ``name`` first."""
    try:
        built = build()
    except InvalidArgument as error:
        assert str(error).startswith(name), f"{name}: message is {str(error)!r}"
        assert isinstance(error, ValueError)
        return error
    except FlipkartError as error:
        raise AssertionError(
            f"{name}: raised {type(error).__name__} ({error}), not InvalidArgument"
        ) from error
    raise AssertionError(f"{name}: accepted, built {built!r}")


# -- client options ---------------------------------------------------------------------------


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("option", ["timeout", "refresh_skew"])
@DRAWN
@given(value=BAD_DURATIONS)
def test_a_bad_client_duration_is_refused_at_construction(
    flavour: str, option: str, value: Any
) -> None:
    app = App()
    make = sync_client if flavour == "sync" else async_client
    refused(lambda: make(app, **{option: value}), option)
    assert app.sent == 0


@pytest.mark.parametrize(
    "timeout",
    [
        httpx.Timeout(-1.0),
        httpx.Timeout(5.0, read=-1.0),
        httpx.Timeout(5.0, connect=math.nan),
        httpx.Timeout(5.0, pool=math.inf),
        httpx.Timeout(5.0, write=-0.5),
    ],
    ids=["all-negative", "read-negative", "connect-nan", "pool-inf", "write-negative"],
)
def test_a_bad_httpx_timeout_is_refused_at_construction(timeout: httpx.Timeout) -> None:
    app = App()
    refused(lambda: sync_client(app, timeout=timeout), "timeout")
    assert app.sent == 0


# -- RetryPolicy --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field", ["backoff_base", "backoff_cap", "max_retry_after", "total_timeout"]
)
@DRAWN
@given(value=BAD_DURATIONS)
def test_a_bad_retry_duration_is_refused_by_retry_policy(field: str, value: Any) -> None:
    refused(lambda: RetryPolicy(**{field: value}), field)


@DRAWN
@given(value=BAD_COUNTS)
def test_a_bad_max_attempts_is_refused_by_retry_policy(value: Any) -> None:
    refused(lambda: RetryPolicy(max_attempts=value), "max_attempts")


@pytest.mark.parametrize("field", ["sleep", "async_sleep", "clock", "wall_clock", "random"])
@DRAWN
@given(value=BAD_CALLABLES)
def test_a_retry_policy_callable_that_is_not_callable_is_refused(field: str, value: Any) -> None:
    refused(lambda: RetryPolicy(**{field: value}), field)


@pytest.mark.parametrize("value", ["POST /v3/shipments/filter", 5, [1, 2], None])
def test_read_only_posts_that_are_not_paths_are_refused(value: Any) -> None:
    refused(lambda: RetryPolicy(read_only_posts=value), "read_only_posts")


# -- limits, rates, stores, pools ---------------------------------------------------------------


@DRAWN
@given(value=st.one_of(BAD_DURATIONS, st.just(0.0), st.just(0)))
def test_a_bad_rate_is_refused_by_rate_limit(value: Any) -> None:
    refused(lambda: RateLimit(per_second=value), "per_second")


@DRAWN
@given(value=BAD_COUNTS)
def test_a_bad_burst_is_refused_by_rate_limit(value: Any) -> None:
    refused(lambda: RateLimit(per_second=5, burst=value), "burst")


@DRAWN
@given(value=BAD_DURATIONS)
def test_a_bad_max_wait_is_refused_by_memory_rate_budget(value: Any) -> None:
    refused(lambda: MemoryRateBudget(RateLimit(5), max_wait=value), "max_wait")


@pytest.mark.parametrize("argument", ["per_application", "per_seller"])
@pytest.mark.parametrize("value", [5, "5/s", {"per_second": 5}, object()])
def test_a_limit_that_is_not_a_rate_limit_is_refused(argument: str, value: Any) -> None:
    refused(lambda: MemoryRateBudget(**{argument: value}), argument)


@pytest.mark.parametrize("argument", ["lock_lease", "lock_timeout"])
@DRAWN
@given(value=BAD_DURATIONS)
def test_a_bad_lock_duration_is_refused_by_redis_token_store(argument: str, value: Any) -> None:
    # Nothing listens on port 1: building the store must not connect anywhere.
    refused(lambda: RedisTokenStore("redis://127.0.0.1:1/0", **{argument: value}), argument)


@pytest.mark.parametrize("pool", [SellerClients, AsyncSellerClients])
@DRAWN
@given(value=BAD_COUNTS)
def test_a_bad_max_clients_is_refused_by_seller_pools(pool: Any, value: Any) -> None:
    refused(lambda: pool(CLIENT_ID, CLIENT_SECRET, max_clients=value), "max_clients")


@pytest.mark.parametrize("option", ["timeout", "refresh_skew"])
@pytest.mark.parametrize("value", [-1, math.nan, "5", True])
def test_a_seller_pool_checks_client_options_at_construction(option: str, value: Any) -> None:
    refused(lambda: SellerClients(CLIENT_ID, CLIENT_SECRET, **{option: value}), option)


TO_PACK = ShipmentFilter.pre_dispatch(states=["APPROVED"])
CONCURRENT_CALLS: dict[str, Callable[[Any, Any], Any]] = {
    "update_inventory": lambda c, v: c.listings.update_inventory(
        {"SKU-1": StockUpdate("P1", {"LOC1": 1})}, max_concurrency=v
    ),
    "mark_ready_to_dispatch": lambda c, v: c.shipments.mark_ready_to_dispatch(
        ["SH-1"], location_id="LOC1", max_concurrency=v
    ),
    "cancel": lambda c, v: c.shipments.cancel(
        ["SH-1"], reason="not_enough_inventory", max_concurrency=v
    ),
}


@pytest.mark.parametrize("call", list(CONCURRENT_CALLS))
@DRAWN
@given(value=BAD_COUNTS)
def test_a_bad_max_concurrency_is_refused_before_any_request(call: str, value: Any) -> None:
    app = App()
    with sync_client(app, access_token="AT-0") as client:
        refused(lambda: CONCURRENT_CALLS[call](client, value), "max_concurrency")
    assert app.sent == 0


@DRAWN
@given(value=BAD_COUNTS)
def test_a_bad_max_parallel_is_refused_by_for_each(value: Any) -> None:
    with SellerClients(CLIENT_ID, CLIENT_SECRET, transport=httpx.MockTransport(App())) as pool:
        refused(
            lambda: pool.for_each(["S-1"], lambda client: None, max_parallel=value), "max_parallel"
        )


# -- credentials and URLs ---------------------------------------------------------------------

NOT_TEXT = st.one_of(
    st.integers(), st.binary(max_size=8), st.floats(), st.booleans(), _OBJECTS.filter(bool)
)


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("argument", ["client_id", "client_secret"])
@DRAWN
@given(value=NOT_TEXT)
def test_credentials_that_are_not_text_are_refused_by_type_never_by_value(
    flavour: str, argument: str, value: Any
) -> None:
    from flipkart_ext import AsyncFlipkartClient, ConfigurationError, FlipkartClient

    cls = FlipkartClient if flavour == "sync" else AsyncFlipkartClient
    given_ = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, argument: value}
    with pytest.raises(ConfigurationError) as caught:
        cls(given_["client_id"], given_["client_secret"])
    assert str(caught.value) == f"{argument} must be a string, got {type(value).__name__}"


@pytest.mark.parametrize("flavour", ["sync", "async"])
@DRAWN
@given(
    value=st.one_of(
        NOT_TEXT,
        st.builds(
            lambda cut, char: f"https://api.test/sel{char}lers"[: 21 + cut],
            st.integers(0, 5),
            st.sampled_from(["\n", "\t", "\r", "\x00", "\u200b", "\x7f"]),
        ),
    )
)
def test_an_api_base_url_that_is_not_clean_text_is_a_configuration_error(
    flavour: str, value: Any
) -> None:
    from flipkart_ext import AsyncFlipkartClient, ConfigurationError, FlipkartClient

    cls = FlipkartClient if flavour == "sync" else AsyncFlipkartClient
    with pytest.raises(ConfigurationError, match=r"^API base URL "):
        cls(CLIENT_ID, CLIENT_SECRET, api_base_url=value)
