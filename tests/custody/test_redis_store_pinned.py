"""RedisTokenStore pinned down against a real redis-server: settings, messages, expiry, polling.

Beside ``tests/fleet/test_redis_store.py`` (the guarantees), these pin each observable
detail: every setting refused by name, the ``repr``, the time to live of a record, every log
line and error message word for word, and the lock's polling delays.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterator

import pytest
import redis

import flipkart_ext._core.redis_tokens as tokens_module
import flipkart_ext._sync.redis_store as redis_store_module
from flipkart_ext import InvalidArgument, RedisTokenStore, Token, TokenKey, TokenStoreError

SELF = TokenKey("sandbox", "app-1")
SELLER = TokenKey("sandbox", "app-1", "seller-2")
UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1
LIFETIME = 180 * 24 * 3600.0


def _record(seller: str = "") -> str:
    """The token record's key, as the documented key layout has it."""
    return f"flipkart:{{sandbox:app-1:{seller}}}:token"


@pytest.fixture
def store(redis_url: str) -> Iterator[RedisTokenStore]:
    created = RedisTokenStore(redis_url, lock_lease=30, lock_timeout=3)
    yield created
    created.close()


@pytest.fixture
def raw(redis_url: str) -> Iterator[redis.Redis]:
    connection = redis.Redis.from_url(redis_url)
    yield connection
    connection.close()


# -- settings -------------------------------------------------------------------------------


def test_the_repr_shows_the_settings_and_their_defaults() -> None:
    store = RedisTokenStore(UNREACHABLE)
    assert repr(store) == (
        "RedisTokenStore(namespace='flipkart', lock_lease=30, lock_timeout=150, encrypted=False)"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"namespace": ""}, "namespace: expected a non-empty string"),
        ({"namespace": 5}, "namespace: expected a non-empty string"),
        ({"lock_lease": "5"}, "lock_lease: expected a number of seconds, got str"),
        ({"lock_lease": True}, "lock_lease: expected a number of seconds, got bool"),
        ({"lock_lease": 0}, "lock_lease: expected a finite positive number of seconds"),
        ({"lock_lease": math.inf}, "lock_lease: expected a finite positive number of seconds"),
        ({"lock_timeout": -1}, "lock_timeout: expected a finite number of seconds"),
        (
            {"refresh_token_lifetime": 0},
            "refresh_token_lifetime: expected a finite positive number of seconds",
        ),
        (
            {"refresh_token_lifetime": None},
            "refresh_token_lifetime: expected a number of seconds, got NoneType",
        ),
    ],
)
def test_a_setting_that_cannot_be_is_refused_by_name(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidArgument) as caught:
        RedisTokenStore(UNREACHABLE, **options)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_the_smallest_settings_that_can_be_are_taken() -> None:
    store = RedisTokenStore(UNREACHABLE, lock_lease=1, lock_timeout=0, refresh_token_lifetime=1)
    assert (store.lock_lease, store.lock_timeout, store.refresh_token_lifetime) == (1.0, 0.0, 1.0)


# -- the record's time to live --------------------------------------------------------------


def test_a_record_lives_for_the_refresh_token_from_when_it_was_obtained(
    redis_url: str, raw: redis.Redis
) -> None:
    obtained = time.time() - 100
    # The clock is far ahead: the lifetime counts from obtained_at, which the token says.
    store = RedisTokenStore(redis_url, clock=lambda: obtained + 10_000)
    store.save(SELF, Token("AT", refresh_token="RT", obtained_at=obtained))
    assert raw.pexpiretime(_record()) == int((obtained + LIFETIME) * 1000)


def test_without_obtained_at_the_lifetime_counts_from_the_stores_clock(
    redis_url: str, raw: redis.Redis
) -> None:
    now = time.time()
    store = RedisTokenStore(redis_url, clock=lambda: now, refresh_token_lifetime=3600)
    store.save(SELF, Token("AT", refresh_token="RT"))
    assert raw.pexpiretime(_record()) == int((now + 3600) * 1000)


# -- what is stored cannot always be read ---------------------------------------------------


def test_a_record_that_is_not_text_is_ignored_with_a_warning_naming_the_seller(
    store: RedisTokenStore, raw: redis.Redis, caplog: pytest.LogCaptureFixture
) -> None:
    raw.hset(_record("seller-2"), "token", b"\xff\xfe")
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert store.load(SELLER) is None
    assert [r.getMessage() for r in caplog.records] == [
        "the token stored in Redis for sandbox/seller-2 is not text; ignoring it"
    ]


@pytest.mark.parametrize("value", ["{not json", "[1]", '{"access_token": ""}'])
def test_a_malformed_record_is_ignored_with_a_warning_naming_the_seller(
    store: RedisTokenStore, raw: redis.Redis, caplog: pytest.LogCaptureFixture, value: str
) -> None:
    raw.hset(_record(), "token", value)
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert store.load(SELF) is None
    assert [r.getMessage() for r in caplog.records] == [
        "the token stored in Redis for sandbox/self is malformed; ignoring it"
    ]


def test_a_record_sealed_with_another_key_is_a_store_error_naming_the_seller(
    redis_url: str,
) -> None:
    from cryptography.fernet import Fernet

    RedisTokenStore(redis_url, encryption_key=Fernet.generate_key()).save(SELLER, Token("AT"))
    with pytest.raises(TokenStoreError) as caught:
        RedisTokenStore(redis_url, encryption_key=Fernet.generate_key()).load(SELLER)
    assert str(caught.value).startswith(
        "the token stored in Redis for sandbox/seller-2 cannot be decrypted"
    )


# -- failures name what was being done ------------------------------------------------------


def test_every_redis_failure_is_a_store_error_naming_the_act_and_the_seller() -> None:
    store = RedisTokenStore(UNREACHABLE, lock_timeout=0)
    acts = {
        "reading": [lambda: store.load(SELLER), lambda: store.was_stored(SELLER)],
        "saving": [
            lambda: store.save(SELLER, Token("AT")),
            lambda: store.replace(SELLER, Token("AT"), expected=None),
        ],
        "deleting": [lambda: store.delete(SELLER)],
    }
    for doing, calls in acts.items():
        for call in calls:
            with pytest.raises(TokenStoreError) as caught:
                call()
            assert str(caught.value).startswith(
                f"{doing} the token for sandbox/seller-2: Redis failed (ConnectionError: "
            )


# -- the lock -------------------------------------------------------------------------------


def test_a_lock_not_obtained_in_time_says_for_whom_and_how_long(redis_url: str) -> None:
    holder = RedisTokenStore(redis_url, lock_lease=30)
    waiter = RedisTokenStore(redis_url, lock_lease=30, lock_timeout=0)
    with holder.lock(SELLER), pytest.raises(TokenStoreError) as caught, waiter.lock(SELLER):
        pass
    assert str(caught.value) == (
        "the token lock for sandbox/seller-2 was not obtained within 0 s (another worker "
        "holds it; a worker that dies holding it frees it within 30 s)"
    )


def test_the_lock_yields_a_lease_whose_repr_shows_no_owner(store: RedisTokenStore) -> None:
    with store.lock(SELF) as lease:
        assert repr(lease) == "Lease()"


class _Enough(Exception):
    pass


@pytest.mark.parametrize(
    ("draw", "expected"),
    [
        # No jitter (0.5 + 0.5 = 1): the delay grows by half from 5 ms, up to 100 ms.
        (
            0.5,
            [
                0.005,
                0.0075,
                0.01125,
                0.016875,
                0.0253125,
                0.03796875,
                0.056953125,
                0.0854296875,
                0.1,
                0.1,
            ],
        ),
        # The lowest jitter halves each step.
        (0.0, [0.005, 0.00375, 0.0028125]),
    ],
)
def test_a_waiter_polls_with_a_growing_jittered_delay(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, draw: float, expected: list[float]
) -> None:
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == len(expected):
            raise _Enough

    monkeypatch.setattr(redis_store_module, "sync_sleep", sleep)
    monkeypatch.setattr(tokens_module.random, "random", lambda: draw)
    holder = RedisTokenStore(redis_url, lock_lease=30)
    waiter = RedisTokenStore(redis_url, lock_lease=30, lock_timeout=60)
    with holder.lock(SELF), pytest.raises(_Enough), waiter.lock(SELF):
        pass
    assert naps == pytest.approx(expected, rel=1e-12)
