"""Self-ship (v2 and v3), tracking updates and services."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator

TODAY = "2024-03-01T09:00:00+05:30"
TOMORROW = "2024-03-02T09:00:00+05:30"
YESTERDAY = "2024-02-29T09:00:00+05:30"
LATER = "2024-03-04T18:00:00+05:30"

DISPATCH = {"v3": "/v3/shipments/selfShip/dispatch", "v2": "/v2/shipments/dispatch"}
DELIVERY = {"v3": "/v3/shipments/selfShip/delivery", "v2": "/v2/shipments/delivery"}
ATTEMPT = {"v3": "/v3/shipments/selfShip/deliveryAttempt", "v2": "/v2/shipments/deliveryAttempt"}


def dispatch_entry(emu: Emulator, version: str, shipment_id: str, **changes: Any) -> dict[str, Any]:
    item = emu.order_item_ids(shipment_id)[0]
    entry: dict[str, Any] = {
        "shipmentId": shipment_id,
        "dispatchDate": TODAY,
        "tentativeDeliveryDate": LATER,
    }
    if version == "v3":
        entry["invoice"] = {
            "invoiceDate": "2024-03-01",
            "invoiceNumber": "INV-7",
            "items": [{"orderItemId": item, "quantity": 1}],
        }
    else:
        entry["orderItems"] = [{"orderItemId": item, "invoiceDate": "2024-03-01", "taxRate": 18}]
    entry.update(changes)
    return entry


def outcomes(answer: httpx.Response) -> dict[str, dict[str, Any]]:
    assert answer.status_code == 200, answer.text
    return {r["shipmentId"]: r for r in answer.json()["shipments"]}


@pytest.mark.parametrize("version", ["v3", "v2"])
def test_dispatch_then_deliver(emu: Emulator, api: httpx.Client, version: str) -> None:
    [shipment_id] = emu.create_test_orders(count=1, shipment_type="SELF")
    sent = outcomes(
        api.post(DISPATCH[version], json={"shipments": [dispatch_entry(emu, version, shipment_id)]})
    )
    assert sent[shipment_id] == {"shipmentId": shipment_id, "processingStatus": "SUCCESS"}
    assert emu.shipment_state(shipment_id) == "SHIPPED"
    delivered = outcomes(
        api.post(
            DELIVERY[version],
            json={"shipments": [{"shipmentId": shipment_id, "deliveryDate": TODAY}]},
        )
    )
    assert delivered[shipment_id]["processingStatus"] == "SUCCESS"
    assert emu.shipment_state(shipment_id) == "DELIVERED"
    again = outcomes(
        api.post(
            DELIVERY[version],
            json={"shipments": [{"shipmentId": shipment_id, "deliveryDate": TODAY}]},
        )
    )
    assert again[shipment_id]["errorCode"] == "INVALID_SHIPMENT_STATE"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"dispatchDate": TOMORROW}, "INVALID_DISPATCH_DATE"),
        ({"tentativeDeliveryDate": YESTERDAY}, "INVALID_DELIVERY_DATE"),
        ({"locationId": "LOCnowhere"}, "INVALID_LOCATION_ID"),
        (
            {"invoice": {"invoiceDate": "2024-03-01", "items": [{"orderItemId": "1"}]}},
            "INVALID_ORDER_ITEM_ID",
        ),
    ],
)
def test_dispatch_rules(
    emu: Emulator, api: httpx.Client, changes: dict[str, Any], code: str
) -> None:
    [shipment_id] = emu.create_test_orders(count=1, shipment_type="SELF")
    answer = outcomes(
        api.post(
            DISPATCH["v3"], json={"shipments": [dispatch_entry(emu, "v3", shipment_id, **changes)]}
        )
    )
    assert answer[shipment_id]["errorCode"] == code
    assert emu.shipment_state(shipment_id) == "APPROVED"


def test_only_self_ship_shipments_that_are_not_held(emu: Emulator, api: httpx.Client) -> None:
    [normal] = emu.create_test_orders(count=1)
    [held] = emu.create_test_orders(count=1, shipment_type="SELF", hold=True)
    [shipped] = emu.create_test_orders(count=1, shipment_type="SELF", state="SHIPPED")
    answer = outcomes(
        api.post(
            DISPATCH["v3"],
            json={
                "shipments": [dispatch_entry(emu, "v3", s) for s in (normal, held, shipped)]
                + [
                    {
                        "shipmentId": "nope",
                        "dispatchDate": TODAY,
                        "tentativeDeliveryDate": LATER,
                        "invoice": {"invoiceDate": "2024-03-01", "items": []},
                    }
                ]
            },
        )
    )
    assert {k: v["errorCode"] for k, v in answer.items()} == {
        normal: "NOT_SELF_SHIP_SHIPMENT",
        held: "SHIPMENT_ON_HOLD",
        shipped: "INVALID_SHIPMENT_STATE",
        "nope": "SHIPMENT_NOT_FOUND",
    }


@pytest.mark.parametrize("version", ["v3", "v2"])
def test_a_failed_delivery_attempt_keeps_it_shipped(
    emu: Emulator, api: httpx.Client, version: str
) -> None:
    [shipment_id] = emu.create_test_orders(count=1, shipment_type="SELF", state="SHIPPED")
    attempt = {
        "shipmentId": shipment_id,
        "deliveryDate": TODAY,
        "failureAttributes": {"newDeliveryDate": LATER, "reason": "door_locked"},
    }
    assert (
        outcomes(api.post(ATTEMPT[version], json={"shipments": [attempt]}))[shipment_id][
            "processingStatus"
        ]
        == "SUCCESS"
    )
    assert emu.shipment_state(shipment_id) == "SHIPPED"
    backwards = {**attempt, "failureAttributes": {"newDeliveryDate": YESTERDAY}}
    refused = outcomes(api.post(ATTEMPT[version], json={"shipments": [backwards]}))
    assert refused[shipment_id]["errorCode"] == "INVALID_DELIVERY_DATE"


def test_a_delivery_before_the_dispatch_is_refused(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, shipment_type="SELF")
    api.post(DISPATCH["v3"], json={"shipments": [dispatch_entry(emu, "v3", shipment_id)]})
    answer = outcomes(
        api.post(
            DELIVERY["v3"],
            json={"shipments": [{"shipmentId": shipment_id, "deliveryDate": YESTERDAY}]},
        )
    )
    assert answer[shipment_id]["errorCode"] == "INVALID_DELIVERY_DATE"


@pytest.mark.parametrize("paths", [DISPATCH, DELIVERY, ATTEMPT])
def test_at_most_one_hundred_shipments(api: httpx.Client, paths: dict[str, str]) -> None:
    entry = {
        "shipmentId": "S",
        "deliveryDate": TODAY,
        "dispatchDate": TODAY,
        "tentativeDeliveryDate": LATER,
    }
    for version, path in paths.items():
        if paths is DISPATCH:
            body = {
                **{k: entry[k] for k in ("shipmentId", "dispatchDate", "tentativeDeliveryDate")},
                **(
                    {"invoice": {"invoiceDate": "2024-03-01", "items": []}}
                    if version == "v3"
                    else {"orderItems": []}
                ),
            }
        else:
            body = {"shipmentId": "S", "deliveryDate": TODAY}
        assert api.post(path, json={"shipments": [body] * 101}).status_code == 400
        assert api.post(path, json={"shipments": [body] * 100}).status_code == 200
        assert api.post(path, json={"shipments": []}).status_code == 400


def test_tracking_update(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, shipment_type="SELF", state="SHIPPED")
    [normal] = emu.create_test_orders(count=1, state="SHIPPED")
    body = {"tracking_id": "TRK9", "delivery_partner": "Courier", "tentative_delivery_date": LATER}
    ok = api.post(f"/v3/shipments/{shipment_id}/update", json=body)
    assert (ok.status_code, ok.content) == (200, b"")
    assert api.post("/v3/shipments/nope/update", json=body).status_code == 404
    assert api.post(f"/v3/shipments/{normal}/update", json=body).status_code == 400
    mismatch = api.post(f"/v3/shipments/{shipment_id}/update", json={**body, "shipment_id": normal})
    assert mismatch.status_code == 400
    assert mismatch.json()["errors"][0]["path"] == "shipment_id"
    bad_date = api.post(
        f"/v3/shipments/{shipment_id}/update", json={**body, "tentative_delivery_date": "soon"}
    )
    # The contract already refuses a date-time that is not one.
    assert bad_date.status_code == 400


# -- services -------------------------------------------------------------------------------


def services(api: httpx.Client, kind: str, *entries: dict[str, Any]) -> list[dict[str, Any]]:
    answer = api.post(f"/v2/services/{kind}", json={"services": list(entries)})
    assert answer.status_code == 200, answer.text
    found: list[dict[str, Any]] = answer.json()["services"]
    return found


def create_service(emu: Emulator, api: httpx.Client, shipment_id: str, kind: str) -> httpx.Response:
    item = emu.order_item_ids(shipment_id)[0]
    return api.post(
        "/v2/shipments/sandbox/create_service/", json={"orderItemId": item, "serviceType": kind}
    )


def test_an_installation_after_delivery(emu: Emulator, api: httpx.Client) -> None:
    [shipped, delivered] = [
        emu.create_test_orders(count=1, shipment_type="SELF", state=state)[0]
        for state in ("SHIPPED", "DELIVERED")
    ]
    assert create_service(emu, api, shipped, "FORWARD").status_code == 200
    assert create_service(emu, api, delivered, "FORWARD").status_code == 200
    early = services(api, "attempt", {"shipmentId": shipped, "deliveryDate": TODAY})
    assert early[0]["status"] == "FAILURE"
    assert "not delivered" in early[0]["failureReason"]
    [attempted] = services(api, "attempt", {"shipmentId": delivered, "deliveryDate": TODAY})
    [completed] = services(api, "complete", {"shipmentId": delivered, "deliveryDate": TODAY})
    assert attempted["status"] == completed["status"] == "SUCCESS"
    assert attempted["serviceFulfilmentId"] == completed["serviceFulfilmentId"]
    [none_left] = services(api, "complete", {"shipmentId": delivered, "deliveryDate": TODAY})
    assert none_left["failureReason"] == f"No open service for shipment {delivered}"
    [future] = services(api, "attempt", {"shipmentId": shipped, "deliveryDate": TOMORROW})
    assert future["status"] == "FAILURE"


def test_services_are_for_self_ship_items(emu: Emulator, api: httpx.Client) -> None:
    [normal] = emu.create_test_orders(count=1, state="DELIVERED")
    [self_ship] = emu.create_test_orders(count=1, shipment_type="SELF", state="DELIVERED")
    assert create_service(emu, api, normal, "FORWARD").status_code == 400
    assert create_service(emu, api, self_ship, "SIDEWAYS").status_code == 400
    # A technician visit checks an item being returned.
    assert create_service(emu, api, self_ship, "REVERSE").status_code == 400
    [return_id] = emu.create_returns(order_item_ids=emu.order_item_ids(self_ship))
    assert create_service(emu, api, self_ship, "REVERSE").status_code == 200
    [found] = api.get("/v2/returns", params={"source": "customer_return"}).json()["returnItems"]
    [visit] = found["services"]
    approved = api.post(
        "/v2/returns/approve",
        json={
            "returns": [
                {"returnId": return_id, "serviceFulfilmentId": visit["serviceFulfilmentId"]}
            ]
        },
    ).json()["returns"][0]
    assert approved["processingStatus"] == "SUCCESS"


def test_approving_with_another_items_visit_fails(emu: Emulator, api: httpx.Client) -> None:
    [return_id] = emu.create_returns(count=1)
    answer = api.post(
        "/v2/returns/approve",
        json={"returns": [{"returnId": return_id, "serviceFulfilmentId": "SF1"}]},
    ).json()["returns"][0]
    assert answer["errorCode"] == "UNPROCESSABLE_ENTITY"


def test_at_most_one_hundred_services(api: httpx.Client) -> None:
    entry = {"shipmentId": "S", "deliveryDate": TODAY}
    for kind in ("attempt", "complete"):
        assert api.post(f"/v2/services/{kind}", json={"services": [entry] * 101}).status_code == 400
        assert len(services(api, kind, *[entry] * 100)) == 100
