"""Misuse is typed: a closed client, one iterator shared by two threads (or tasks), an async
client used from a second event loop. Each is a ``flipkart_ext.UsageError`` (also a
``RuntimeError``) of its own kind, and nothing is sent.

Issue 19 item 3. These fail today where the library lets the raw ``RuntimeError`` or
``ValueError`` of httpx or of a generator through.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from flipkart_ext import (
    AsyncFlipkartClient,
    ClientClosed,
    ConcurrentUse,
    FlipkartClient,
    ShipmentFilter,
    UsageError,
    WrongEventLoop,
)
from flipkart_ext.listings import StockUpdate
from flipkart_ext.testing import Emulator

from ._support import App, async_client, json_answer, sync_client

TO_PACK = ShipmentFilter.pre_dispatch(states=["APPROVED"])

SYNC_CALLS: dict[str, Callable[[FlipkartClient], Any]] = {
    "get": lambda c: c.shipments.get(shipment_ids=["SH-1"]),
    "search": lambda c: list(c.shipments.search(TO_PACK)),
    "pages": lambda c: list(c.shipments.pages(TO_PACK)),
    "get_labels": lambda c: c.shipments.get_labels(["SH-1"]),
    "update_inventory": lambda c: c.listings.update_inventory(
        {"SKU-1": StockUpdate("P1", {"LOC1": 1})}
    ),
    "listings_get": lambda c: c.listings.get(["SKU-1"]),
    "returns_approve": lambda c: c.returns.approve(["R-1"]),
    "fetch_token": lambda c: c.fetch_token(),
    "mark_ready_to_dispatch": lambda c: c.shipments.mark_ready_to_dispatch(
        ["SH-1"], location_id="LOC1"
    ),
}


async def _drain(iterator: Any) -> list[Any]:
    return [item async for item in iterator]


ASYNC_CALLS: dict[str, Callable[[AsyncFlipkartClient], Any]] = {
    "get": lambda c: c.shipments.get(shipment_ids=["SH-1"]),
    "search": lambda c: _drain(c.shipments.search(TO_PACK)),
    "pages": lambda c: _drain(c.shipments.pages(TO_PACK)),
    "get_labels": lambda c: c.shipments.get_labels(["SH-1"]),
    "update_inventory": lambda c: c.listings.update_inventory(
        {"SKU-1": StockUpdate("P1", {"LOC1": 1})}
    ),
    "listings_get": lambda c: c.listings.get(["SKU-1"]),
    "returns_approve": lambda c: c.returns.approve(["R-1"]),
    "fetch_token": lambda c: c.fetch_token(),
    "mark_ready_to_dispatch": lambda c: c.shipments.mark_ready_to_dispatch(
        ["SH-1"], location_id="LOC1"
    ),
}


def _assert_usage(error: BaseException, kind: type[UsageError]) -> None:
    assert isinstance(error, kind), f"{type(error).__name__}: {error}"
    assert isinstance(error, RuntimeError)


@pytest.mark.parametrize("call", list(SYNC_CALLS))
def test_a_closed_client_raises_client_closed_and_sends_nothing(call: str) -> None:
    app = App()
    client = sync_client(app)
    client.close()
    with pytest.raises(Exception) as raised:
        SYNC_CALLS[call](client)
    _assert_usage(raised.value, ClientClosed)
    assert app.sent == 0


@pytest.mark.parametrize("call", list(ASYNC_CALLS))
async def test_a_closed_async_client_raises_client_closed_and_sends_nothing(call: str) -> None:
    app = App()
    client = async_client(app)
    await client.aclose()
    with pytest.raises(Exception) as raised:
        await ASYNC_CALLS[call](client)
    _assert_usage(raised.value, ClientClosed)
    assert app.sent == 0


def test_an_iterator_made_before_close_raises_client_closed_when_used_after() -> None:
    app = App()
    client = sync_client(app, access_token="AT-0")
    iterator = client.shipments.search(TO_PACK)
    client.close()
    with pytest.raises(Exception) as raised:
        next(iter(iterator))
    _assert_usage(raised.value, ClientClosed)
    assert app.sent == 0


def _held_first_page() -> tuple[App, threading.Event, threading.Event]:
    """An app whose first page waits until released: one consumer is inside the iterator."""
    entered, release = threading.Event(), threading.Event()

    def api(request: httpx.Request) -> httpx.Response:
        entered.set()
        release.wait(10)
        return json_answer(
            {"hasMore": False, "shipments": [{"shipmentId": f"SH-{n}"} for n in range(3)]}
        )

    return App(api), entered, release


@pytest.mark.parametrize("mode", ["search", "pages"])
def test_one_iterator_consumed_from_two_threads_raises_concurrent_use(mode: str) -> None:
    app, entered, release = _held_first_page()
    with sync_client(app, access_token="AT-0") as client:
        listing = getattr(client.shipments, mode)(TO_PACK, raw=True)
        first: dict[str, Any] = {}

        def consume() -> None:
            try:
                first["value"] = next(iter(listing))
            except BaseException as exc:
                first["error"] = exc

        worker = threading.Thread(target=consume)
        worker.start()
        assert entered.wait(5)
        try:
            with pytest.raises(Exception) as raised:
                next(iter(listing))
        finally:
            release.set()
            worker.join(5)
        _assert_usage(raised.value, ConcurrentUse)
        # The first consumer is unaffected: its page arrives whole.
        assert "error" not in first, first
        assert len(app.requests) == 1


@pytest.mark.parametrize("mode", ["search", "pages"])
async def test_one_async_iterator_consumed_from_two_tasks_raises_concurrent_use(
    mode: str,
) -> None:
    entered, release = asyncio.Event(), asyncio.Event()

    async def api(request: httpx.Request) -> httpx.Response:
        entered.set()
        await release.wait()
        return json_answer({"hasMore": False, "shipments": [{"shipmentId": "SH-1"}]})

    app = App(api)  # type: ignore[arg-type]
    async with async_client(app, access_token="AT-0") as client:
        listing = getattr(client.shipments, mode)(TO_PACK, raw=True)
        first = asyncio.create_task(anext(aiter(listing)))
        await asyncio.wait_for(entered.wait(), 5)
        try:
            with pytest.raises(Exception) as raised:
                await anext(aiter(listing))
        finally:
            release.set()
        await asyncio.wait_for(first, 5)
        _assert_usage(raised.value, ConcurrentUse)


@pytest.fixture(scope="module")
def emulator() -> Any:
    with Emulator() as emu:
        emu.create_test_orders(count=3)
        yield emu


def _second_loop_error(emulator: Emulator) -> BaseException:
    """What using one async client from a second event loop raises."""
    # Real sockets: the first loop leaves pooled connections and locks bound to it.
    client = AsyncFlipkartClient(
        emulator.client_id,
        emulator.client_secret,
        api_base_url=emulator.api_base_url,
        oauth_base_url=emulator.oauth_base_url,
    )

    async def use() -> list[Any]:
        return await client.shipments.get(shipment_ids=["unknown-1"])

    asyncio.run(use())
    with pytest.raises(Exception) as raised:
        asyncio.run(use())
    return raised.value


def test_an_async_client_used_from_a_second_event_loop_raises_wrong_event_loop(
    emulator: Emulator,
) -> None:
    error = _second_loop_error(emulator).with_traceback(None)
    # The connection the first loop left open can be closed by no loop now: let it go here
    # rather than warn in whichever test runs next.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    _assert_usage(error, WrongEventLoop)


def test_wrong_event_loop_is_raised_before_anything_is_sent() -> None:
    app = App(lambda r: json_answer({"shipments": []}))
    client = async_client(app, access_token="AT-0")

    async def use() -> None:
        await client.shipments.get(shipment_ids=["SH-1"])

    asyncio.run(use())
    sent = app.sent
    with pytest.raises(Exception) as raised:
        asyncio.run(use())
    _assert_usage(raised.value, WrongEventLoop)
    assert app.sent == sent
