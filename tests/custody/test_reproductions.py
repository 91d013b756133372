"""The three ways an independent review lost a rotated refresh token (issue 20), as tests.

Each drives the public API only, against the in-memory Flipkart of tests/core (single-use
refresh tokens, rotated at every refresh) and the real stores, and checks the outcome the
custody rule promises: the refresh token Flipkart handed over last is in the store (or held
by the client that will store it), and no call ends in ``ReauthorizationRequired``.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    FileTokenStore,
    FlipkartClient,
    RedisTokenStore,
    RetryPolicy,
    Token,
)
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart

SELLER = "seller-custody"


def _client(
    fake: FakeFlipkart,
    store: object,
    transport: httpx.BaseTransport | None = None,
    **options: object,
) -> FlipkartClient:
    return FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=transport or fake.transport(),
        token_store=store,  # type: ignore[arg-type]
        seller_id=SELLER,
        retry=RetryPolicy.disabled(),
        **options,  # type: ignore[arg-type]
    )


def _seed(fake: FakeFlipkart, store: object, key: object, *, expired: bool) -> None:
    """A stored token whose refresh token is live at the server."""
    fake.valid_refresh.add("RT-0-secretvalue")
    fake.valid_access.add("AT-0-secretvalue")
    ends = time.time() + (-10 if expired else 3600)
    store.save(key, Token("AT-0-secretvalue", expires_at=ends, refresh_token="RT-0-secretvalue"))  # type: ignore[attr-defined]


def _live_refresh_token(fake: FakeFlipkart) -> str:
    (live,) = fake.valid_refresh  # single-use: exactly one is live
    return live


# -- 1. the disk fills up right after the token answer arrives --------------------------------


def test_disk_full_after_the_token_answer_loses_no_refresh_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tokens.json"
    fake = FakeFlipkart()
    real_fsync = os.fsync
    disk_full = threading.Event()

    def fsync(fd: int) -> None:
        if disk_full.is_set():
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    fake.token_gate = disk_full.set  # the disk fills while the token request is answered
    with _client(fake, FileTokenStore(path)) as client:
        _seed(fake, FileTokenStore(path), client.auth.key, expired=True)
        # The call gets its data: no raw OSError, the fresh token is used...
        assert client.call(get_shipment_details, "S1") is not None
        assert FileTokenStore(path).load(client.auth.key).refresh_token == "RT-0-secretvalue"  # type: ignore[union-attr]
        # ...and kept: once the disk has room, the next call stores it.
        fake.token_gate = None
        disk_full.clear()
        assert client.call(get_shipment_details, "S1") is not None
    live = _live_refresh_token(fake)
    assert FileTokenStore(path).load(client.auth.key).refresh_token == live  # type: ignore[union-attr]
    # Another process sharing the file takes it from there: no reauthorization.
    with _client(fake, FileTokenStore(path)) as other:
        assert other.call(get_shipment_details, "S1") is not None
    assert fake.grants() == ["refresh_token"]


# -- 2. Redis loses an auxiliary key (eviction, a migration, a cleanup script) ----------------


def test_redis_losing_every_key_but_the_token_refuses_no_fresh_token(redis_url: str) -> None:
    fake = FakeFlipkart(expires_in=3600)
    clock = FakeClock(time.time())
    store = RedisTokenStore(redis_url)
    with _client(fake, store) as probe:
        key = probe.auth.key
    _seed(fake, store, key, expired=True)
    for _ in range(3):  # three renewals, each by a new process starting from the store
        with _client(fake, RedisTokenStore(redis_url), clock=clock) as client:
            client.call(get_shipment_details, "S1")
        clock.advance(3600)  # the stored token expires
    # Everything but the token record goes (a fence, a lock, any counter beside it).
    token_key = store.keys(key)[0]
    for name in store.redis.keys("*"):
        if name.decode() != token_key:
            store.redis.delete(name)
    with _client(fake, RedisTokenStore(redis_url), clock=clock) as client:
        client.call(get_shipment_details, "S1")  # renews once more
    live = _live_refresh_token(fake)
    assert store.load(key).refresh_token == live  # type: ignore[union-attr]
    with _client(fake, RedisTokenStore(redis_url), clock=clock) as other:  # every worker goes on
        assert other.call(get_shipment_details, "S1") is not None
    assert fake.grants() == ["refresh_token"] * 4
    store.close()


# -- 3. a lease shorter than the work --------------------------------------------------------


def test_a_lease_shorter_than_a_slow_refresh_keeps_the_fresh_token_stored(
    redis_url: str,
) -> None:
    """Two processes, ``lock_lease=0.5`` and a refresh that takes 1.2 s, both answered 401."""
    fake = FakeFlipkart(expires_in=3600)
    seeding = RedisTokenStore(redis_url)
    refreshing = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        answer = fake.handler(request)  # the server rotates at once...
        if request.url.path.endswith("/oauth/token") and not refreshing.is_set():
            refreshing.set()
            time.sleep(1.2)  # ...and its answer takes 1.2 s to arrive
        return answer

    outcomes: dict[str, object] = {}

    def worker(name: str) -> None:
        store = RedisTokenStore(redis_url, lock_lease=0.5, lock_timeout=10)
        with _client(fake, store, httpx.MockTransport(handler)) as client:
            try:
                outcomes[name] = client.call(get_shipment_details, "S1") is not None
            except Exception as exc:
                outcomes[name] = type(exc).__name__
        store.close()

    with _client(fake, seeding) as probe:
        key = probe.auth.key
    _seed(fake, seeding, key, expired=False)
    fake.valid_access.clear()  # the stored access token is refused: both workers get a 401
    first = threading.Thread(target=worker, args=("first",))
    first.start()
    assert refreshing.wait(5)
    second = threading.Thread(target=worker, args=("second",))
    second.start()
    first.join(30)
    second.join(30)
    assert outcomes == {"first": True, "second": True}
    live = _live_refresh_token(fake)
    assert seeding.load(key).refresh_token == live  # type: ignore[union-attr]
    assert fake.grants() == ["refresh_token"]  # one refresh: the second found it stored
    seeding.close()


def test_a_lease_lost_mid_refresh_still_leaves_the_fresh_token_stored(redis_url: str) -> None:
    """The holder is frozen past its lease (its lock key is gone): two holders overlap."""
    fake = FakeFlipkart(expires_in=3600)
    seeding = RedisTokenStore(redis_url)
    with _client(fake, seeding) as probe:
        key = probe.auth.key
    lock_key = seeding.keys(key)[1]
    overlap = threading.Event()
    outcomes: dict[str, object] = {}

    def gate() -> None:
        if not overlap.is_set():
            overlap.set()
            seeding.redis.delete(lock_key)  # the first holder's lease is gone
            second.start()
            time.sleep(0.5)  # the second holder renews meanwhile

    fake.token_gate = gate

    def worker(name: str) -> None:
        store = RedisTokenStore(redis_url, lock_lease=5, lock_timeout=10)
        with _client(fake, store) as client:
            try:
                outcomes[name] = client.call(get_shipment_details, "S1") is not None
            except Exception as exc:
                outcomes[name] = type(exc).__name__
        store.close()

    _seed(fake, seeding, key, expired=False)
    fake.valid_access.clear()
    first = threading.Thread(target=worker, args=("first",))
    second = threading.Thread(target=worker, args=("second",))
    first.start()
    first.join(30)
    second.join(30)
    # The first holder's fresh token is stored whatever the second wrote meanwhile; the
    # second may fail its one call with a typed store error, never a reauthorization.
    assert outcomes["first"] is True
    assert outcomes["second"] in (True, "TokenStoreError")
    live = _live_refresh_token(fake)
    assert seeding.load(key).refresh_token == live  # type: ignore[union-attr]
    with _client(fake, RedisTokenStore(redis_url)) as other:
        assert other.call(get_shipment_details, "S1") is not None
    seeding.close()


def test_default_lock_settings_outlast_a_token_request() -> None:
    store = RedisTokenStore("redis://127.0.0.1:1/0")
    # A waiter outlasts the slowest token request the default retry policy allows.
    assert store.lock_timeout > RetryPolicy().total_timeout
    assert store.renew_every < store.lock_lease
