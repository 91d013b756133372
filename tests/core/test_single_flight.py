"""N concurrent callers holding an expired token cause exactly one token request."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, Token
from flipkart_ext.stores import MemoryTokenStore
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart

N = 100


def _gate_until_all_waiting(clock: FakeClock, wanted: int) -> threading.Event:
    """An event set once ``wanted`` distinct callers have looked at the token's expiry."""
    everyone = threading.Event()
    clock.readers.clear()

    def on_read() -> None:
        if len(clock.readers) >= wanted:
            everyone.set()

    clock.on_read = on_read
    return everyone


def test_hundred_threads_with_an_expired_token_make_one_token_request(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    client = FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), clock=clock)
    client.call(get_shipment_details, "S1")  # obtain a first token
    assert len(fake.token_requests) == 1
    clock.advance(fake.expires_in + 1)  # it is now expired

    everyone = _gate_until_all_waiting(clock, N)
    # Hold the one fetch until every thread has seen the expired token, so that a
    # client without single-flight would certainly fetch more than once.
    fake.token_gate = lambda: everyone.wait(timeout=10)
    start = threading.Barrier(N)

    def one_call(_: int) -> object:
        start.wait()
        return client.call(get_shipment_details, "S1")

    with ThreadPoolExecutor(max_workers=N) as pool:
        results = list(pool.map(one_call, range(N)))

    assert everyone.is_set()
    assert len(fake.token_requests) == 2  # the first token, then exactly one renewal
    assert len(results) == N and all(r is not None for r in results)
    tokens_used = {r.headers["authorization"] for r in fake.api_requests[1:]}
    assert tokens_used == {"Bearer AT-2-secretvalue"}
    client.close()


async def test_hundred_tasks_with_an_expired_token_make_one_token_request(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), clock=clock
    ) as client:
        await client.call(get_shipment_details, "S1")
        clock.advance(fake.expires_in + 1)

        everyone = asyncio.Event()
        clock.readers.clear()
        clock.on_read = lambda: everyone.set() if len(clock.readers) >= N else None

        async def gate() -> None:
            await asyncio.wait_for(everyone.wait(), timeout=10)

        fake.async_token_gate = gate
        results = await asyncio.gather(*(client.call(get_shipment_details, "S1") for _ in range(N)))

    assert everyone.is_set()
    assert len(fake.token_requests) == 2
    assert len(results) == N and all(r is not None for r in results)
    assert {r.headers["authorization"] for r in fake.api_requests[1:]} == {
        "Bearer AT-2-secretvalue"
    }


def test_a_401_for_a_token_already_replaced_does_not_refresh_again(fake: FakeFlipkart) -> None:
    """Two clients share a store; one refreshes; the other's 401 reuses the new token."""
    store = MemoryTokenStore()
    first = FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store)
    second = FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store)
    first.call(get_shipment_details, "S1")
    second.call(get_shipment_details, "S1")  # finds the stored token: no fetch
    assert len(fake.token_requests) == 1

    fake.valid_access.clear()  # the server revokes AT-1
    first.call(get_shipment_details, "S1")  # 401 -> renew (AT-2) -> replay
    assert len(fake.token_requests) == 2
    second.call(get_shipment_details, "S1")  # 401 with AT-1, but AT-2 is already current
    assert len(fake.token_requests) == 2
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-2-secretvalue"
    first.close()
    second.close()


def test_a_stored_token_is_used_without_any_fetch(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_access.add("AT-stored")
    client = FlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store, clock=clock
    )
    store.save(
        client.auth.key, Token("AT-stored", expires_at=clock.now + 3600, obtained_at=clock.now)
    )
    client.call(get_shipment_details, "S1")
    assert fake.token_requests == []
    assert fake.api_requests[0].headers["authorization"] == "Bearer AT-stored"
    client.close()


def test_the_lock_is_not_held_during_the_api_call(fake: FakeFlipkart) -> None:
    """A slow API call must not serialize other callers: the lock covers the token fetch only."""
    client = FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport())
    client.call(get_shipment_details, "S1")
    in_call = threading.Event()
    release = threading.Event()
    original = fake.handler

    def slow_handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/S-slow"):
            in_call.set()
            release.wait(timeout=10)
        return original(request)

    client.http._transport.transport = httpx.MockTransport(slow_handler)  # type: ignore[attr-defined]
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(client.call, get_shipment_details, "S-slow")
        assert in_call.wait(timeout=10)
        # The lock is free: a second caller proceeds while the first is still in flight.
        assert client.auth.sync_lock._lock.acquire(timeout=5)
        client.auth.sync_lock._lock.release()
        assert client.call(get_shipment_details, "S2") is not None
        release.set()
        assert slow.result(timeout=10) is not None
    client.close()


async def test_cancelling_a_task_mid_fetch_releases_the_locks(fake: FakeFlipkart) -> None:
    started = asyncio.Event()
    never = asyncio.Event()

    async def stall() -> None:
        started.set()
        await never.wait()

    fake.async_token_gate = stall
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport()
    ) as client:
        stuck = asyncio.create_task(client.call(get_shipment_details, "S1"))
        await asyncio.wait_for(started.wait(), timeout=10)
        stuck.cancel()
        with pytest.raises(asyncio.CancelledError):
            await stuck
        fake.async_token_gate = None
        # Neither the asyncio lock nor the store lock was left held.
        result = await asyncio.wait_for(client.call(get_shipment_details, "S1"), timeout=10)
    assert result is not None
    assert not client.auth.async_lock.locked()
