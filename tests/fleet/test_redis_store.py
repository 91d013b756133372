"""RedisTokenStore and AsyncRedisTokenStore against a real redis-server."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator

import pytest
import redis
import redis.asyncio

from flipkart_ext import (
    AsyncRedisTokenStore,
    AsyncTokenStore,
    CheckedTokenStore,
    RedisTokenStore,
    Token,
    TokenKey,
    TokenStore,
    TokenStoreError,
)

NOW = time.time()
KEY = TokenKey("sandbox", "app-1", "seller-1")
TOKEN = Token(
    "AT-one-secretvalue",
    expires_at=NOW + 86_400,
    refresh_token="RT-one-secretvalue",
    obtained_at=NOW,
    refresh_token_expires_at=NOW + 10 * 86_400,
)
# Renewed from TOKEN: the next generation.
NEWER = Token(
    "AT-two-secretvalue",
    expires_at=NOW + 86_400,
    refresh_token="RT-two-secretvalue",
    generation=1,
)


@pytest.fixture
def store(redis_url: str) -> Iterator[RedisTokenStore]:
    created = RedisTokenStore(redis_url, lock_lease=0.5, lock_timeout=3)
    yield created
    created.close()


@pytest.fixture
async def astore(redis_url: str) -> AsyncIterator[AsyncRedisTokenStore]:
    created = AsyncRedisTokenStore(redis_url, lock_lease=0.5, lock_timeout=3)
    yield created
    await created.aclose()


def test_the_stores_satisfy_their_protocols(redis_url: str) -> None:
    sync, asynchronous = RedisTokenStore(redis_url), AsyncRedisTokenStore(redis_url)
    assert isinstance(sync, TokenStore) and isinstance(sync, CheckedTokenStore)
    assert isinstance(asynchronous, AsyncTokenStore)
    sync.close()


def test_round_trip_and_keys_namespaced_by_environment_client_and_seller(
    store: RedisTokenStore,
) -> None:
    with store.lock(KEY) as lease:
        assert store.replace(KEY, TOKEN, expected=None, lease=lease)
    assert store.load(KEY) == TOKEN
    for other in (
        TokenKey("production", "app-1", "seller-1"),
        TokenKey("sandbox", "app-2", "seller-1"),
        TokenKey("sandbox", "app-1", "seller-2"),
        TokenKey("sandbox", "app-1", None),
        # Separators inside a part never make two keys collide.
        TokenKey("sandbox", "app-1:seller-1", None),
    ):
        assert store.load(other) is None, other
    # The record, and a key without a time to live remembering that one was stored; no
    # counter or fence that the custody rule would depend on.
    keys = {key.decode() for key in store.redis.keys("*")}
    assert keys == {
        "flipkart:{sandbox:app-1:seller-1}:token",
        "flipkart:{sandbox:app-1:seller-1}:known",
    }
    assert store.redis.ttl("flipkart:{sandbox:app-1:seller-1}:known") == -1
    assert RedisTokenStore(store.redis, namespace="other").load(KEY) is None
    store.delete(KEY)
    assert store.load(KEY) is None
    assert store.redis.keys("*") == []  # a deliberate delete forgets the seller too


def test_an_evicted_record_is_told_from_a_seller_never_stored(store: RedisTokenStore) -> None:
    assert not store.was_stored(KEY)
    store.save(KEY, TOKEN)
    store.redis.delete(store.keys(KEY)[0])  # evicted (it has a time to live)
    assert store.load(KEY) is None and store.was_stored(KEY)


def test_the_record_lives_until_the_later_of_the_two_expiries(store: RedisTokenStore) -> None:
    token_key = store.keys(KEY)[0]
    now = time.time()
    store.save(
        KEY,
        Token(
            "AT-x", expires_at=now + 100, refresh_token="RT-x", refresh_token_expires_at=now + 1000
        ),
    )
    # The refresh token outlives the access token: 1000 s
    assert 990_000 <= store.redis.pttl(token_key) <= 1_000_000
    store.save(KEY, Token("AT-x", expires_at=now + 100))  # no refresh token: 100 s
    assert 90_000 <= store.redis.pttl(token_key) <= 100_000
    # A refresh token of unknown lifetime is kept Flipkart's documented 180 days.
    store.save(KEY, Token("AT-x", expires_at=now + 100, refresh_token="RT-x", obtained_at=now))
    days = store.redis.pttl(token_key) / 86_400_000
    assert 179.9 <= days <= 180.0
    store.save(KEY, Token("AT-x"))  # nothing known: kept
    assert store.redis.pttl(token_key) == -1
    store.save(KEY, Token("AT-x", expires_at=now - 1))  # already over: gone
    assert store.load(KEY) is None


def test_a_lock_is_exclusive_and_a_dead_holder_blocks_only_for_its_lease(
    store: RedisTokenStore,
) -> None:
    # What a worker that took the lock and died leaves behind: its lease, no longer renewed.
    store.redis.set(store.keys(KEY)[1], "dead-owner", px=500)
    started = time.monotonic()
    with store.lock(KEY):
        waited = time.monotonic() - started
    assert 0.35 <= waited <= 1.5  # the 0.5 s lease, not the 3 s timeout


def test_waiting_longer_than_the_lock_timeout_is_a_token_store_error(redis_url: str) -> None:
    store = RedisTokenStore(redis_url, lock_lease=10, lock_timeout=0.3)
    with store.lock(KEY):
        started = time.monotonic()
        with pytest.raises(TokenStoreError, match=r"not obtained within 0\.3 s"), store.lock(KEY):
            pass
    assert time.monotonic() - started < 2
    store.close()


def test_a_held_lease_is_renewed_for_as_long_as_the_work_takes(
    store: RedisTokenStore,
) -> None:
    """A token request slower than the lease (0.5 s) keeps the lock: nobody else gets in."""
    with store.lock(KEY):
        time.sleep(1.3)  # more than two leases
        assert store.redis.pttl(store.keys(KEY)[1]) > 0
        with (
            pytest.raises(TokenStoreError),
            RedisTokenStore(store.redis, lock_lease=0.5, lock_timeout=0.2).lock(KEY),
        ):
            pass


def test_a_holder_whose_lease_ran_out_cannot_overwrite_the_next_holder(
    store: RedisTokenStore,
) -> None:
    store.save(KEY, TOKEN)
    late = store.lock(KEY)
    late_lease = late.__enter__()
    store.redis.delete(store.keys(KEY)[1])  # its lease is lost (evicted, expired while frozen)
    with store.lock(KEY) as lease:  # another worker takes the lock and renews
        assert store.replace(KEY, NEWER, expected=TOKEN, lease=lease)
    stale = Token("AT-stale-secretvalue", refresh_token="RT-stale-secretvalue")
    assert not store.replace(KEY, stale, expected=TOKEN, lease=late_lease)
    late.__exit__(None, None, None)  # leaving a lock that is no longer ours takes nothing
    assert store.load(KEY) == NEWER
    with store.lock(KEY):  # and the lock is free
        pass


def test_the_custody_rule_holds_whatever_the_writer_read(store: RedisTokenStore) -> None:
    assert store.replace(KEY, TOKEN, expected=None, lease=None)
    # A lower generation never replaces a higher one, even from a writer that read it.
    assert store.replace(KEY, NEWER, expected=TOKEN, lease=None)
    assert not store.replace(KEY, TOKEN, expected=NEWER, lease=None)
    # The same generation replaces only the exact record its writer read (expiry included).
    marked = Token(
        NEWER.access_token,
        expires_at=NOW,
        refresh_token=NEWER.refresh_token,
        generation=1,
    )
    assert not store.replace(KEY, marked, expected=TOKEN, lease=None)
    stale_view = Token(NEWER.access_token, expires_at=NOW + 1, refresh_token=NEWER.refresh_token)
    assert not store.replace(KEY, marked, expected=stale_view, lease=None)
    assert store.replace(KEY, marked, expected=NEWER, lease=None)
    assert store.load(KEY) == marked
    # A higher generation replaces whatever is stored, read or not.
    newest = Token("AT-three-secretvalue", refresh_token="RT-three-secretvalue", generation=2)
    assert store.replace(KEY, newest, expected=None, lease=None)
    assert store.load(KEY) == newest


def test_a_record_written_before_generations_is_replaced_by_any_token(
    store: RedisTokenStore,
) -> None:
    token_key = store.keys(KEY)[0]
    legacy = '{"access_token":"AT-legacy","refresh_token":"RT-legacy"}'
    store.redis.hset(token_key, mapping={"token": legacy, "digest": "x", "fence": "7"})
    assert store.replace(KEY, TOKEN, expected=None, lease=None)
    assert store.load(KEY) == TOKEN
    assert store.redis.hget(token_key, "fence") is None


def test_threads_under_the_lock_never_overlap(store: RedisTokenStore) -> None:
    inside, overlaps = [0], [0]
    guard = threading.Lock()

    def work() -> None:
        for _ in range(5):
            with store.lock(KEY):
                with guard:
                    inside[0] += 1
                    overlaps[0] += inside[0] > 1
                time.sleep(0.002)
                with guard:
                    inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert overlaps == [0]


def test_a_malformed_record_reads_as_no_token(store: RedisTokenStore) -> None:
    store.redis.hset(store.keys(KEY)[0], "token", "{not json")
    assert store.load(KEY) is None
    store.redis.hset(store.keys(KEY)[0], "token", '{"access_token": 5}')
    assert store.load(KEY) is None


def test_a_client_passed_in_is_used_and_left_open(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    store = RedisTokenStore(client)
    store.save(KEY, TOKEN)
    assert store.load(KEY) == TOKEN
    store.close()
    assert client.ping()  # still usable: its owner closes it
    client.close()


def test_no_token_nor_password_in_repr_or_errors(redis_server: object) -> None:
    store = RedisTokenStore("redis://:hunter2-secretvalue@127.0.0.1:1/0", lock_timeout=0.1)
    assert "secretvalue" not in repr(store)
    with pytest.raises(TokenStoreError) as caught:
        store.load(KEY)
    with pytest.raises(TokenStoreError):
        store.save(KEY, TOKEN)
    assert "secretvalue" not in str(caught.value)
    assert "reading the token for sandbox/seller-1" in str(caught.value)


def test_redis_down_is_a_token_store_error_everywhere() -> None:
    store = RedisTokenStore("redis://127.0.0.1:1/0")
    for attempt in (
        lambda: store.load(KEY),
        lambda: store.save(KEY, TOKEN),
        lambda: store.delete(KEY),
        lambda: store.lock(KEY).__enter__(),
    ):
        with pytest.raises(TokenStoreError):
            attempt()


# -- the async twin ------------------------------------------------------------------------------


async def test_async_round_trip_lock_and_check_and_set(astore: AsyncRedisTokenStore) -> None:
    assert await astore.load(KEY) is None
    async with astore.lock(KEY) as lease:
        assert await astore.replace(KEY, TOKEN, expected=None, lease=lease)
        # A token of the same generation, by a writer that read another record: refused.
        rival = Token("AT-rival-secretvalue", refresh_token="RT-rival-secretvalue")
        assert not await astore.replace(KEY, rival, expected=None, lease=lease)
    assert await astore.load(KEY) == TOKEN
    await astore.save(KEY, NEWER)
    assert await astore.load(KEY) == NEWER
    await astore.delete(KEY)
    assert await astore.load(KEY) is None


async def test_async_tasks_queue_on_the_lock_and_a_dead_holder_blocks_only_for_its_lease(
    astore: AsyncRedisTokenStore,
) -> None:
    await astore.redis.set(astore.keys(KEY)[1], "dead-owner", px=500)  # a dead holder's lease
    started = time.monotonic()
    order: list[int] = []

    async def take(n: int) -> None:
        async with astore.lock(KEY):
            order.append(n)
            await asyncio.sleep(0.01)

    await asyncio.gather(*(take(n) for n in range(3)))
    assert sorted(order) == [0, 1, 2]
    assert time.monotonic() - started >= 0.35


async def test_async_redis_down_is_a_token_store_error() -> None:
    store = AsyncRedisTokenStore("redis://127.0.0.1:1/0")
    with pytest.raises(TokenStoreError):
        await store.load(KEY)
    with pytest.raises(TokenStoreError):
        async with store.lock(KEY):
            pass
    await store.aclose()


async def test_async_store_accepts_an_existing_client(redis_url: str) -> None:
    client = redis.asyncio.Redis.from_url(redis_url)
    store = AsyncRedisTokenStore(client)
    await store.save(KEY, TOKEN)
    assert await store.load(KEY) == TOKEN
    assert RedisTokenStore(redis_url).load(KEY) == TOKEN  # the same record, from sync code
    await client.aclose()
