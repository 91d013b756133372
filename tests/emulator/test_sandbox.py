from __future__ import annotations

from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator


def first_item(api: httpx.Client, shipment_id: str) -> dict[str, str]:
    shipment = api.get(f"/v3/shipments/{shipment_id}").json()["shipments"][0]
    return {"orderItemId": shipment["orderItems"][0]["orderItemId"]}


def move(api: httpx.Client, step: str, body: dict[str, Any]) -> httpx.Response:
    method = "PUT" if step in ("on_hold", "un_hold") else "POST"
    return api.request(method, f"/orders/sandbox/{step}", json=body)


def test_a_whole_lifecycle(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, state="READY_TO_DISPATCH", items_per_order=2)
    item = first_item(api, shipment_id)
    for step, state in (
        ("pick_up_complete", "PICKUP_COMPLETE"),
        ("shipped", "SHIPPED"),
        ("delivered", "DELIVERED"),
    ):
        response = move(api, step, item)
        assert response.status_code == 200, response.text
        assert response.json() == {"response": "SUCCESS"}
        assert emu.shipment_state(shipment_id) == state
    statuses = {
        i["status"]
        for i in api.get(f"/v3/shipments/{shipment_id}").json()["shipments"][0]["orderItems"]
    }
    assert statuses == {"DELIVERED"}


def test_hold_and_release(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    item = first_item(api, shipment_id)
    assert move(api, "on_hold", item).status_code == 200
    packed = api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    assert packed.json()["shipments"][0]["errorCode"] == "SHIPMENT_ON_HOLD"
    assert move(api, "un_hold", item).status_code == 200
    refused = move(api, "un_hold", item)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["description"] == "SHIPMENT_NOT_ON_HOLD"


@pytest.mark.parametrize(
    ("state", "step"),
    [
        ("APPROVED", "shipped"),
        ("PACKED", "pick_up_complete"),
        ("READY_TO_DISPATCH", "delivered"),
        ("SHIPPED", "on_hold"),
    ],
)
def test_out_of_order_moves_are_refused(
    emu: Emulator, api: httpx.Client, state: str, step: str
) -> None:
    [shipment_id] = emu.create_test_orders(count=1, state=state)
    response = move(api, step, first_item(api, shipment_id))
    assert response.status_code == 400
    assert emu.shipment_state(shipment_id) == state


def test_unknown_or_missing_order_items(api: httpx.Client) -> None:
    assert move(api, "shipped", {"orderItemId": "123"}).status_code == 404
    assert move(api, "shipped", {}).status_code == 400
