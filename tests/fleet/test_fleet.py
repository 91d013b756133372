"""Many processes, one Redis: the acceptance figures of the fleet work, at test sizes.

Counts come from the loopback server (every token request it received) and from Redis,
never from the clients. ``make bench`` runs the same scenarios at full size (8 processes x
100 sellers, 200 rounds, 10 s of budget).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.fleet import _scenarios as scenarios
from tests.fleet._fleet_app import FleetServer, fleet_server
from tests.fleet._redis import RedisServer

pytestmark = pytest.mark.slow


@pytest.fixture
def server() -> Iterator[FleetServer]:
    with fleet_server() as running:
        yield running


def test_fleet_storm_makes_exactly_one_token_request_per_seller(
    server: FleetServer, redis_url: str
) -> None:
    result = scenarios.storm(server, redis_url, processes=4, sellers=50)
    assert result.errors == {}
    assert result.calls_ok == 4 * 50
    assert result.token_requests == 50
    assert result.per_seller_max == 1


def test_rotation_race_loses_no_refresh_token(server: FleetServer, redis_url: str) -> None:
    result = scenarios.rotation_race(server, redis_url, rounds=100)
    assert result.errors == []
    assert result.lost_refresh_tokens == 0
    assert result.stale_processes == 0  # both processes end every round on the newest token
    assert result.token_requests == 100  # one refresh per round, never two


def test_budget_holds_the_fleet_to_its_rate_and_a_429_pauses_everyone(
    server: FleetServer, redis_url: str
) -> None:
    result = scenarios.budget_run(server, redis_url, processes=8, rate=20, seconds=3)
    assert result.errors == {}
    assert 18 <= result.measured_rate <= 21
    assert 1.9 <= result.pause_seconds <= 2.6


# -- faults ------------------------------------------------------------------------------


def _until(condition: object, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_lock_holder_killed_mid_refresh_blocks_the_others_for_its_lease_only(
    server: FleetServer, redis_url: str
) -> None:
    seller, lease = "seller-fault", 2.0
    scenarios.seed(server, redis_url, [seller], expired={seller})
    server.ctl("hold", seller=seller)  # the first refresh waits at the server
    config = {
        "api": server.api_base_url,
        "oauth": server.oauth_base_url,
        "redis": redis_url,
        "mode": "victim",
        "sellers": [seller],
        "lease": lease,
        "lock_timeout": 20,
    }
    with scenarios.workers([config, config]) as (victim, survivor):
        victim.send("go")
        _until(lambda: server.state()["held"] == [seller])  # it holds the Redis lock now
        held_since = time.monotonic()
        survivor.send("go")  # waits for the lock
        time.sleep(0.3)
        victim.process.kill()
        victim.process.wait(timeout=10)
        server.ctl("release")  # the held request's client is gone: nothing rotates
        answer = survivor.read()
        waited = time.monotonic() - held_since
    state = server.state()
    # Model: the server rotated only for the survivor; its token is the newest, and stored.
    assert state["abandoned"] == 1 and state["rejected"] == 0
    assert answer == {"access": state["newest_access"][seller]}
    assert lease - 0.5 <= waited <= lease + 2.0
    stored = scenarios.stored_refresh_tokens(server, redis_url, [seller])
    assert stored == {seller: state["live_refresh"][seller]}


def test_redis_restarting_mid_run_gives_typed_errors_then_recovery_and_loses_no_refresh_token(
    server: FleetServer, own_redis: RedisServer
) -> None:
    sellers = [f"seller-{n}" for n in range(8)]
    scenarios.seed(server, own_redis.url, sellers, expired=set(sellers))
    server.ctl("config", expires_in=1)  # tokens renew every half second: the store is busy
    config = {
        "api": server.api_base_url,
        "oauth": server.oauth_base_url,
        "redis": own_redis.url,
        "mode": "churn",
        "sellers": sellers,
        "lease": 2.0,
        "lock_timeout": 10,
        "threads": 2,
    }
    with scenarios.workers([config] * 3) as running:
        started = time.monotonic()
        for worker in running:
            worker.send("go 6")
        time.sleep(1.5)
        killed = time.monotonic()
        own_redis.kill()
        time.sleep(1.5)
        own_redis.start()  # same port, same append-only file
        restarted = time.monotonic()
        outcomes = [outcome for worker in running for outcome in worker.read()["outcomes"]]
        for worker in running:
            worker.send("settle")
        settled = [worker.read()["passes"] for worker in running]
    assert started < killed
    kinds = {kind for _, kind in outcomes}
    assert kinds <= {"ok", "TokenStoreError", "ReauthorizationRequired"}, kinds
    assert all(kind == "ok" for t, kind in outcomes if t < killed - 0.1)
    # The store was needed while it was down, and said so with its typed error.
    assert any(kind == "TokenStoreError" for t, kind in outcomes if killed <= t)
    # A refresh token spent by a worker whose save failed is reported only around the outage.
    assert all(t >= killed for t, kind in outcomes if kind == "ReauthorizationRequired")
    assert any(kind == "ok" for t, kind in outcomes if t > restarted + 0.5)
    for passes in settled:
        assert set(passes[-1].values()) == {"ok"}, passes
    state = server.state()
    stored = scenarios.stored_refresh_tokens(server, own_redis.url, sellers)
    assert stored == {seller: state["live_refresh"][seller] for seller in sellers}
