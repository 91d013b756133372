"""The async client never waits on a store on its event loop, whatever the store."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    AsyncFlipkartClient,
    ConfigurationError,
    FlipkartClient,
    MemoryTokenStore,
    Token,
    TokenKey,
)
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart

SLOW = 0.25  # seconds each store operation blocks its thread


class SlowStore(MemoryTokenStore):
    """A synchronous store that blocks (as a network or disk store can), recording threads."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: dict[str, set[int]] = {
            "load": set(),
            "save": set(),
            "enter": set(),
            "exit": set(),
        }

    def load(self, key: TokenKey) -> Token | None:
        self.threads["load"].add(threading.get_ident())
        time.sleep(SLOW)
        return super().load(key)

    def save(self, key: TokenKey, token: Token) -> None:
        self.threads["save"].add(threading.get_ident())
        time.sleep(SLOW)
        super().save(key, token)

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        self.threads["save"].add(threading.get_ident())
        time.sleep(SLOW)
        return super().replace(key, token, expected=expected, lease=lease)

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        self.threads["enter"].add(threading.get_ident())
        time.sleep(SLOW)
        with super().lock(key):
            yield
        self.threads["exit"].add(threading.get_ident())


async def _largest_stall(work: asyncio.Future[object]) -> float:
    """The longest the loop went without running a 10 ms ticker while ``work`` ran."""
    loop = asyncio.get_running_loop()
    largest, last = 0.0, loop.time()
    while not work.done():
        await asyncio.sleep(0.01)
        now = loop.time()
        largest, last = max(largest, now - last), now
    return largest


async def test_a_slow_synchronous_store_keeps_the_event_loop_responsive(
    fake: FakeFlipkart,
) -> None:
    store = SlowStore()
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), token_store=store
    ) as client:
        started = time.monotonic()
        work = asyncio.ensure_future(client.call(get_shipment_details, "S1"))
        stall = await _largest_stall(work)
        assert await work is not None
        took = time.monotonic() - started
    # The renewal blocked for lock + load + save, three times SLOW; the loop never did.
    assert took >= 3 * SLOW
    assert stall < 0.1, f"the event loop stalled for {stall:.3f} s"
    loop_thread = threading.get_ident()
    for operation in ("load", "save", "enter", "exit"):
        assert loop_thread not in store.threads[operation], operation
    # The lock was entered and left on one thread.
    assert store.threads["enter"] == store.threads["exit"]
    assert len(fake.token_requests) == 1


class AsyncSlowStore:
    """An async store whose every operation takes time without blocking."""

    def __init__(self) -> None:
        self.tokens: dict[TokenKey, Token] = {}
        self.lock_ = asyncio.Lock()

    async def load(self, key: TokenKey) -> Token | None:
        await asyncio.sleep(SLOW)
        return self.tokens.get(key)

    async def save(self, key: TokenKey, token: Token) -> None:
        await asyncio.sleep(SLOW)
        self.tokens[key] = token

    async def delete(self, key: TokenKey) -> None:
        self.tokens.pop(key, None)

    @contextlib.asynccontextmanager
    async def lock(self, key: TokenKey) -> AsyncIterator[None]:
        async with self.lock_:
            yield


async def test_an_async_store_is_awaited_in_the_calling_task(fake: FakeFlipkart) -> None:
    store = AsyncSlowStore()
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), token_store=store
    ) as client:
        work: asyncio.Future[list[object]] = asyncio.gather(
            *(client.call(get_shipment_details, "S1") for _ in range(5))
        )
        stall = await _largest_stall(work)
        assert all(result is not None for result in await work)
        assert client.token_status().has_token
    assert stall < 0.1
    assert len(fake.token_requests) == 1
    assert next(iter(store.tokens.values())).access_token == "AT-1-secretvalue"


def test_the_sync_client_refuses_an_async_store(fake: FakeFlipkart) -> None:
    with pytest.raises(ConfigurationError, match="async store"):
        FlipkartClient(CLIENT_ID, CLIENT_SECRET, token_store=AsyncSlowStore())  # type: ignore[arg-type]
