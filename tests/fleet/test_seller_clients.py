"""SellerClients / AsyncSellerClients: one client per seller over shared plumbing."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    AsyncFlipkartClient,
    AsyncSellerClients,
    ConfigurationError,
    FlipkartClient,
    InvalidArgument,
    MemoryRateBudget,
    MemoryTokenStore,
    RateLimit,
    ReauthorizationRequired,
    SellerClients,
    Token,
    TokenKey,
)
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart

SELLERS = ["s-1", "s-2", "s-3", "s-4", "s-5"]


def _seed(fake: FakeFlipkart, store: MemoryTokenStore, *, spent: str | None = None) -> None:
    """Each seller holds a valid token, except ``spent``: expired, with a dead refresh token."""
    now = time.time()
    for seller in SELLERS:
        key = TokenKey("sandbox", CLIENT_ID, seller)
        if seller == spent:
            store.save(key, Token(f"AT-{seller}", expires_at=now - 1, refresh_token="RT-dead"))
            continue
        fake.valid_access.add(f"AT-{seller}")
        store.save(key, Token(f"AT-{seller}", expires_at=now + 3600, refresh_token=f"RT-{seller}"))


def _network(client: FlipkartClient | AsyncFlipkartClient) -> object:
    retry = client.http._transport  # type: ignore[attr-defined]
    return retry.transport.routes.direct  # RetryTransport -> borrowed -> the pool's transport


def test_clients_are_made_on_first_use_and_share_everything(fake: FakeFlipkart) -> None:
    store, budget = MemoryTokenStore(), MemoryRateBudget(RateLimit(1000))
    with SellerClients(
        CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store, rate_budget=budget
    ) as pool:
        first = pool.for_seller("s-1")
        assert pool.for_seller("s-1") is first
        second = pool.for_seller("s-2")
        assert first.auth.key.seller_id == "s-1" and second.auth.key.seller_id == "s-2"
        assert first.auth.store is second.auth.store is store
        assert first._rate_budget is second._rate_budget is budget
        retry = first.http._transport  # type: ignore[attr-defined]
        assert retry.transport.transport is not None  # RetryTransport -> BudgetTransport
        assert retry.transport.transport.routes is pool._routes  # ... -> the shared pool


def test_at_most_max_clients_are_kept_and_a_dropped_one_keeps_working(fake: FakeFlipkart) -> None:
    store = MemoryTokenStore()
    _seed(fake, store)
    with SellerClients(
        CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store, max_clients=2
    ) as pool:
        a = pool.for_seller("s-1")
        pool.for_seller("s-2")
        pool.for_seller("s-1")  # used again: s-2 is now the least recently used
        pool.for_seller("s-3")
        assert len(pool._clients) == 2
        assert pool.for_seller("s-1") is a
        pool.for_seller("s-2")  # made again, dropping s-3 ... or s-1, whichever is older
        assert len(pool._clients) == 2
        assert a.call(get_shipment_details, "S1") is not None
        # Closing one client leaves the shared connection pool open for the others.
        a.close()
        assert pool.for_seller("s-4").call(get_shipment_details, "S1") is not None
        assert _network(pool.for_seller("s-4")) is pool._routes.direct


def test_per_seller_options_belong_to_each_client_not_the_pool() -> None:
    for option in ("seller_id", "refresh_token", "access_token"):
        with pytest.raises(ConfigurationError, match=option):
            SellerClients(CLIENT_ID, CLIENT_SECRET, **{option: "x"})  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="max_clients"):
        SellerClients(CLIENT_ID, CLIENT_SECRET, max_clients=0)
    with SellerClients(CLIENT_ID, CLIENT_SECRET) as pool:
        with pytest.raises(InvalidArgument, match="seller_id"):
            pool.for_seller(" ")
        with pytest.raises(InvalidArgument, match=r"seller_ids\[1\]"):
            pool.for_each(["a", ""], lambda client: None)
        with pytest.raises(InvalidArgument, match="max_parallel"):
            pool.for_each(["a"], lambda client: None, max_parallel=0)


def test_for_each_gives_one_result_per_seller_and_isolates_a_reauthorization(
    fake: FakeFlipkart,
) -> None:
    store = MemoryTokenStore()
    _seed(fake, store, spent="s-3")
    running, most = [0], [0]
    guard = threading.Lock()

    def job(client: FlipkartClient) -> str:
        with guard:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            time.sleep(0.02)
            client.call(get_shipment_details, "S1")
            return client.auth.key.seller_id or ""
        finally:
            with guard:
                running[0] -= 1

    with SellerClients(
        CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store
    ) as pool:
        # A seller given twice is refused before any job runs (it would run once, quietly).
        with pytest.raises(InvalidArgument, match=r"seller_ids\[5\]: 's-1' is given twice"):
            pool.for_each([*SELLERS, "s-1"], job, max_parallel=2)
        assert most[0] == 0
        results = pool.for_each(SELLERS, job, max_parallel=2)
        assert list(results) == SELLERS  # input order
        assert [r.seller_id for r in results.failed] == ["s-3"]
        failure = results["s-3"].error
        assert isinstance(failure, ReauthorizationRequired)
        assert [r.value for r in results.succeeded] == ["s-1", "s-2", "s-4", "s-5"]
        assert 1 < most[0] <= 2
        # The other sellers are untouched by s-3's failure, now and later.
        for seller in ("s-1", "s-2", "s-4", "s-5"):
            assert pool.for_seller(seller).call(get_shipment_details, "S1") is not None
            assert store.load(TokenKey("sandbox", CLIENT_ID, seller)).access_token == f"AT-{seller}"  # type: ignore[union-attr]
        with pytest.raises(ReauthorizationRequired):
            pool.for_seller("s-3").call(get_shipment_details, "S1")
    assert [r.params.get("refresh_token") for r in fake.token_requests] == ["RT-dead", "RT-dead"]


def test_an_error_that_is_not_a_flipkart_error_stops_the_run(fake: FakeFlipkart) -> None:
    def job(client: FlipkartClient) -> None:
        raise KeyError(client.auth.key.seller_id)

    with (
        SellerClients(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as pool,
        pytest.raises(KeyError),
    ):
        pool.for_each(SELLERS, job, max_parallel=2)


async def test_async_pool_for_each_bounds_parallelism_and_isolates_errors(
    fake: FakeFlipkart,
) -> None:
    store = MemoryTokenStore()
    _seed(fake, store, spent="s-2")
    running, most = [0], [0]

    async def job(client: AsyncFlipkartClient) -> Any:
        running[0] += 1
        most[0] = max(most[0], running[0])
        try:
            await asyncio.sleep(0.02)
            return await client.call(get_shipment_details, "S1")
        finally:
            running[0] -= 1

    async with AsyncSellerClients(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport(), token_store=store
    ) as pool:
        results = await pool.for_each(SELLERS, job, max_parallel=3)
        assert pool.for_seller("s-1") is pool.for_seller("s-1")
        assert _network(pool.for_seller("s-1")) is pool._routes.direct
    assert list(results) == SELLERS
    assert [r.seller_id for r in results.failed] == ["s-2"]
    assert isinstance(results["s-2"].error, ReauthorizationRequired)
    assert len(results.succeeded) == 4 and most[0] == 3
    assert repr(results) == "SellerResults(succeeded=4, failed=1)"


async def test_async_pool_cancels_the_rest_when_a_job_has_a_bug(fake: FakeFlipkart) -> None:
    started: list[str] = []

    async def job(client: AsyncFlipkartClient) -> None:
        seller = client.auth.key.seller_id or ""
        started.append(seller)
        if seller == "s-1":
            raise ZeroDivisionError
        await asyncio.sleep(10)

    async with AsyncSellerClients(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport()
    ) as pool:
        with pytest.raises(ZeroDivisionError):
            await asyncio.wait_for(pool.for_each(SELLERS, job, max_parallel=2), timeout=5)
    assert "s-5" not in started


def test_the_pool_closes_its_transport(fake: FakeFlipkart) -> None:
    closed = []

    class Closing(httpx.MockTransport):
        def close(self) -> None:
            closed.append(True)

    with SellerClients(CLIENT_ID, CLIENT_SECRET, transport=Closing(fake.handler)) as pool:
        pool.for_seller("s-1").close()
        assert closed == []
    assert closed == [True]
