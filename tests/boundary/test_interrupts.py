"""``KeyboardInterrupt`` and asyncio cancellation pass through every public entry point
unchanged: never wrapped in a ``FlipkartError``, never swallowed into a result.

Issue 19 item 3 ("KeyboardInterrupt and cancellation pass through").
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from flipkart_ext import ShipmentFilter
from flipkart_ext.listings import StockUpdate

from ._support import App, async_client, sync_client

TO_PACK = ShipmentFilter.pre_dispatch(states=["APPROVED"])
MANY_SKUS = {f"SKU-{n}": StockUpdate("P", {"LOC1": n}) for n in range(25)}

CALLS: dict[str, Callable[[Any], Any]] = {
    "get": lambda c: c.shipments.get(shipment_ids=["SH-1"]),
    "search": lambda c: c.shipments.search(TO_PACK),
    "get_labels": lambda c: c.shipments.get_labels(["SH-1"]),
    "save_labels": lambda c: c.shipments.save_labels(["SH-1"], "unused-folder"),
    "update_inventory": lambda c: c.listings.update_inventory(MANY_SKUS),
    "update_inventory_threads": lambda c: c.listings.update_inventory(MANY_SKUS, max_concurrency=3),
    "mark_ready_to_dispatch": lambda c: c.shipments.mark_ready_to_dispatch(
        ["SH-1"], location_id="LOC1"
    ),
    "returns_approve": lambda c: c.returns.approve(["R-1"]),
    "listings_get": lambda c: c.listings.get(["SKU-1"]),
    "fetch_token": lambda c: c.fetch_token(),
}


def _interrupt(request: httpx.Request) -> httpx.Response:
    raise KeyboardInterrupt


@pytest.mark.parametrize("call", list(CALLS))
def test_keyboard_interrupt_passes_through(call: str, tmp_path: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    app = App(_interrupt, token=_interrupt)
    with sync_client(app) as client, pytest.raises(KeyboardInterrupt):
        result = CALLS[call](client)
        if call == "search":
            list(result)


@pytest.mark.parametrize("call", list(CALLS))
async def test_cancellation_passes_through(call: str, tmp_path: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    waiting = asyncio.Event()

    async def forever(request: httpx.Request) -> httpx.Response:
        waiting.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    app = App(forever, token=forever)  # type: ignore[arg-type]
    async with async_client(app) as client:

        async def run() -> Any:
            result = CALLS[call](client)
            if call == "search":
                return [item async for item in result]
            return await result

        task = asyncio.create_task(run())
        await asyncio.wait_for(waiting.wait(), 5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert task.cancelled()
