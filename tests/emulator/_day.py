"""A seller's full emulated day, through the HTTP API, and a receiver that records webhooks."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from flipkart_ext.testing import Emulator

TODAY = "2024-03-01T09:00:00+05:30"
LATER = "2024-03-04T18:00:00+05:30"

# Every event the day below makes the emulator announce at least once.
DAY_EVENT_TYPES = {
    "shipment_created",
    "shipment_hold",
    "shipment_unhold",
    "shipment_packed",
    "shipment_form_failed",
    "shipment_ready_to_dispatch",
    "shipment_pickup_complete",
    "shipment_shipped",
    "shipment_delivered",
    "shipment_dispatch_dates_changed",
    "shipment_cancelled",
    "return_created",
    "return_expected_date_changed",
    "return_picked_up",
    "return_completed",
    "return_cancelled",
}


def _ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json() if response.content else {}
    for key in ("shipments", "returns"):
        for entry in body.get(key) or []:
            status = entry.get("status") or entry.get("processingStatus")
            assert status in (None, "SUCCESS"), entry
    return body


def run_day(emu: Emulator, api: httpx.Client) -> None:
    """Orders arrive and leave, one is held, some are cancelled, a return comes back."""
    location = emu.location_ids[0]
    ids = emu.create_test_orders(count=6, location_id=location)
    [failing] = emu.create_test_orders(count=1, location_id=location, form_failure=True)
    [self_ship] = emu.create_test_orders(count=1, shipment_type="SELF")
    item = {"orderItemId": emu.order_item_ids(ids[0])[0]}

    _ok(api.put("/orders/sandbox/on_hold", json=item))
    _ok(api.put("/orders/sandbox/un_hold", json=item))
    listing = emu.listing_ids[
        api.get(f"/v3/shipments/{ids[5]}").json()["shipments"][0]["orderItems"][0]["sku"]
    ]
    _ok(
        api.post(
            "/orders/sandbox/update_dispatch_slot",
            json={"orderItems": [{"listingId": listing}], "locationId": location},
        )
    )
    _ok(
        api.post(
            "/v3/shipments/labels",
            json={"shipments": [{"shipmentId": i} for i in [*ids[:4], failing]]},
        )
    )
    assert emu.shipment_state(failing) == "FORM_FAILED"
    _ok(
        api.post(
            "/v3/shipments/forms/updateAck",
            json={
                "shipments": [
                    {"shipmentId": failing, "forms": [{"name": "EWAY_BILL", "ackNumber": "ACK1"}]}
                ]
            },
        )
    )
    _ok(
        api.post(
            "/v3/shipments/dispatch",
            json={"shipmentIds": [*ids[:3], failing], "locationId": location},
        )
    )
    counts = _ok_list(api.get("/v3/shipments/handover/counts", params={"locationId": location}))
    manifest = api.post(
        "/v3/shipments/manifest", json={"params": {"vendorGroupCode": counts[0]["vendorGroupCode"]}}
    )
    assert manifest.status_code == 200
    for step in ("pick_up_complete", "shipped", "delivered"):
        _ok(
            api.post(f"/orders/sandbox/{step}", json={"orderItemId": emu.order_item_ids(ids[0])[0]})
        )
    _ok(api.post("/orders/sandbox/shipped", json={"orderItemId": emu.order_item_ids(ids[1])[0]}))
    _ok(
        api.post(
            "/v3/shipments/cancel",
            json={"shipments": [{"shipmentId": ids[4], "reason": "not_enough_inventory"}]},
        )
    )
    emu.marketplace_cancel([ids[5]])
    order_item = emu.order_item_ids(self_ship)[0]
    _ok(
        api.post(
            "/v3/shipments/selfShip/dispatch",
            json={
                "shipments": [
                    {
                        "shipmentId": self_ship,
                        "dispatchDate": TODAY,
                        "tentativeDeliveryDate": LATER,
                        "invoice": {
                            "invoiceDate": "2024-03-01",
                            "items": [{"orderItemId": order_item, "quantity": 1}],
                        },
                    }
                ]
            },
        )
    )
    _ok(
        api.post(
            "/v3/shipments/selfShip/delivery",
            json={"shipments": [{"shipmentId": self_ship, "deliveryDate": TODAY}]},
        )
    )
    # A buyer sends the self-shipped item back; a courier brings an undelivered one back.
    _ok(
        api.post(
            "/returns/sandbox/create_returns",
            json={"orderItemId": order_item, "returnType": "customer_return"},
        )
    )
    [customer] = [
        r["returnId"]
        for r in api.get("/v2/returns", params={"source": "customer_return"}).json()["returnItems"]
    ]
    _ok(
        api.post(
            "/v2/returns/approve", json={"returns": [{"returnId": customer, "comments": "ok"}]}
        )
    )
    _ok(
        api.post(
            "/v2/returns/pickupAttempt",
            json={"returns": [{"returnId": customer, "pickupDate": TODAY, "newPickupDate": LATER}]},
        )
    )
    _ok(
        api.post(
            "/v2/returns/pickup", json={"returns": [{"returnId": customer, "pickupDate": TODAY}]}
        )
    )
    _ok(api.post("/v2/returns/complete", json={"returnIds": [customer]}))
    courier_item = emu.order_item_ids(ids[1])[0]
    _ok(
        api.post(
            "/returns/sandbox/create_returns",
            json={"orderItemId": courier_item, "returnType": "courier"},
        )
    )
    _ok(
        api.post(
            "/returns/sandbox/return_events",
            json={"orderItemId": courier_item, "eventType": "return_cancelled"},
        )
    )


def _ok_list(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


@dataclass
class Received:
    """One request as the receiver got it."""

    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Recorder:
    """A stdlib HTTP receiver that records every request and answers as ``policy`` says."""

    policy: Callable[[Received], int] = lambda request: 200
    requests: list[Received] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def recorder(policy: Callable[[Received], int] | None = None) -> Iterator[Recorder]:
    """Serve a :class:`Recorder` on a free loopback port while the block runs."""
    state = Recorder() if policy is None else Recorder(policy=policy)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            request = Received(self.path, dict(self.headers.items()), body)
            with state.lock:
                state.requests.append(request)
            status = state.policy(request)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/flipkart/notify"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
