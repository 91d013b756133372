from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator


def shipment(api: httpx.Client, shipment_id: str) -> dict[str, Any]:
    body = api.get(f"/v3/shipments/{shipment_id}").json()
    assert len(body["shipments"]) == 1
    found: dict[str, Any] = body["shipments"][0]
    return found


def pack_body(emu: Emulator, api: httpx.Client, shipment_id: str) -> dict[str, Any]:
    details = shipment(api, shipment_id)
    order_id = details["orderItems"][0]["orderId"]
    return {
        "shipmentId": shipment_id,
        "locationId": details["locationId"],
        "invoices": [
            {
                "orderId": order_id,
                "invoiceNumber": f"INV-{order_id[-6:]}",
                "invoiceDate": "2024-03-01T10:00:00+05:30",
            }
        ],
        "taxItems": [
            {"orderItemId": i["orderItemId"], "taxRate": 18.0, "quantity": 1}
            for i in details["orderItems"]
        ],
        "subShipments": [
            {
                "subShipmentId": details["subShipments"][0]["subShipmentId"],
                "dimensions": {"length": 30, "breadth": 20, "height": 10, "weight": 1.2},
            }
        ],
    }


def results(response: httpx.Response) -> dict[str, dict[str, Any]]:
    assert response.status_code == 200, response.text
    return {r["shipmentId"]: r for r in response.json()["shipments"]}


# -- look-ups --------------------------------------------------------------------------


def test_shipment_has_the_spec_fields(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, items_per_order=2)
    found = shipment(api, shipment_id)
    assert found["shipmentId"] == shipment_id
    assert found["locationId"] == emu.location_ids[0]
    assert found["hold"] is False
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+05:30", found["dispatchByDate"])
    assert len(found["orderItems"]) == 2
    for item in found["orderItems"]:
        assert item["orderId"].startswith("OD")
        assert item["status"] == "APPROVED"
        assert item["sku"] in emu.listing_ids
        assert item["listingId"] == emu.listing_ids[item["sku"]]
    assert found["subShipments"][0]["packages"][0]["name"]


def test_lookups_by_path_and_by_each_query_name(emu: Emulator, api: httpx.Client) -> None:
    ids = emu.create_test_orders(count=3)
    by_path = api.get(f"/v3/shipments/{','.join(ids)}").json()["shipments"]
    assert [s["shipmentId"] for s in by_path] == ids
    by_query = api.get("/v3/shipments", params={"shipmentIds": ",".join(ids[:2])}).json()
    assert [s["shipmentId"] for s in by_query["shipments"]] == ids[:2]
    order_id = by_path[2]["orderItems"][0]["orderId"]
    item_id = by_path[1]["orderItems"][0]["orderItemId"]
    by_order = api.get("/v3/shipments", params={"orderIds": order_id}).json()["shipments"]
    by_item = api.get("/v3/shipments", params={"orderItemIds": item_id}).json()["shipments"]
    assert [s["shipmentId"] for s in by_order] == [ids[2]]
    assert [s["shipmentId"] for s in by_item] == [ids[1]]


def test_unknown_ids_are_left_out(emu: Emulator, api: httpx.Client) -> None:
    [known] = emu.create_test_orders(count=1)
    found = api.get(f"/v3/shipments/{known},does-not-exist").json()["shipments"]
    assert [s["shipmentId"] for s in found] == [known]


def test_at_most_a_hundred_ids(emu: Emulator, api: httpx.Client) -> None:
    ids = emu.create_test_orders(count=101)
    assert len(api.get(f"/v3/shipments/{','.join(ids[:100])}").json()["shipments"]) == 100
    by_path = api.get(f"/v3/shipments/{','.join(ids)}")
    by_query = api.get("/v3/shipments", params={"shipmentIds": ",".join(ids)})
    labels = api.get(f"/v3/shipments/{','.join(ids)}/labels")
    for response in (by_path, by_query, labels):
        assert response.status_code == 400
        assert response.json()["error"] == "invalid_request"
        assert "100" in response.json()["error_description"]


@pytest.mark.parametrize(
    "params",
    [{}, {"shipmentIds": "a", "orderIds": "b"}, {"shipmentIds": "a,,b"}],
)
def test_query_lookup_needs_exactly_one_non_empty_id_list(
    api: httpx.Client, params: dict[str, str]
) -> None:
    assert api.get("/v3/shipments", params=params).status_code == 400


# -- sandbox order creation -------------------------------------------------------------


def test_sandbox_test_orders_endpoint(emu: Emulator, api: httpx.Client) -> None:
    listing_id = emu.listing_ids["SKU-0002"]
    response = api.post(
        "/orders/sandbox/test_orders",
        json={
            "orderItems": [{"listingId": listing_id, "quantity": 2}],
            "locationId": emu.location_ids[1],
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["orderId"].startswith("OD")
    assert [(i["listingId"], i["quantity"]) for i in body["orderItems"]] == [(listing_id, 2)]
    found = api.get("/v3/shipments", params={"orderIds": body["orderId"]}).json()["shipments"]
    assert len(found) == 1
    assert found[0]["locationId"] == emu.location_ids[1]
    assert found[0]["orderItems"][0]["status"] == "APPROVED"
    assert found[0]["orderItems"][0]["orderItemId"] == body["orderItems"][0]["orderItemId"]


def test_sandbox_test_orders_refuses_unknown_listings(api: httpx.Client) -> None:
    response = api.post(
        "/orders/sandbox/test_orders",
        json={"orderItems": [{"listingId": "LSTNOPE", "quantity": 1}]},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "orderItems[0].listingId"


# -- transitions ----------------------------------------------------------------------


def test_pack_then_labels_then_dispatch(emu: Emulator, api: httpx.Client) -> None:
    ids = emu.create_test_orders(count=2)
    packed = results(
        api.post("/v3/shipments/labels", json={"shipments": [pack_body(emu, api, i) for i in ids]})
    )
    assert {i: r["status"] for i, r in packed.items()} == dict.fromkeys(ids, "SUCCESS")
    assert {emu.shipment_state(i) for i in ids} == {"PACKED"}
    assert shipment(api, ids[0])["subShipments"][0]["packages"][0]["weight"] == 1.2

    labels = api.get(f"/v3/shipments/{','.join(ids)}/labels")
    assert labels.status_code == 200
    assert labels.headers["content-type"] == "application/pdf"
    assert labels.content.startswith(b"%PDF-")
    assert labels.content.rstrip().endswith(b"%%EOF")
    assert b"/Count 2" in labels.content
    assert ids[0].encode() in labels.content

    dispatched = results(
        api.post(
            "/v3/shipments/dispatch",
            json={"shipmentIds": ids, "locationId": emu.location_ids[0]},
        )
    )
    assert {r["status"] for r in dispatched.values()} == {"SUCCESS"}
    assert {emu.shipment_state(i) for i in ids} == {"READY_TO_DISPATCH"}
    # Documents stay available after dispatch.
    assert api.get(f"/v3/shipments/{ids[0]}/invoices").content.startswith(b"%PDF-")


def test_invoice_pdf_names_the_invoice_number(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    body = pack_body(emu, api, shipment_id)
    api.post("/v3/shipments/labels", json={"shipments": [body]})
    pdf = api.get(f"/v3/shipments/{shipment_id}/invoices")
    assert pdf.headers["content-type"] == "application/pdf"
    assert body["invoices"][0]["invoiceNumber"].encode() in pdf.content


def test_labels_of_unpacked_shipments_are_refused(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    response = api.get(f"/v3/shipments/{shipment_id}/labels")
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == shipment_id


def test_illegal_moves_fail_per_shipment_in_a_200(emu: Emulator, api: httpx.Client) -> None:
    [approved] = emu.create_test_orders(count=1)
    [shipped] = emu.create_test_orders(count=1, state="SHIPPED")
    [held] = emu.create_test_orders(count=1, hold=True)
    [ready] = emu.create_test_orders(count=1, state="READY_TO_DISPATCH")

    dispatched = results(
        api.post("/v3/shipments/dispatch", json={"shipmentIds": [approved, "missing"]})
    )
    assert dispatched[approved]["status"] == "FAILURE"
    assert dispatched[approved]["errorCode"] == "INVALID_SHIPMENT_STATE"
    assert dispatched["missing"]["errorCode"] == "SHIPMENT_NOT_FOUND"
    assert emu.shipment_state(approved) == "APPROVED"

    packed = results(
        api.post(
            "/v3/shipments/labels",
            json={"shipments": [{"shipmentId": s} for s in (held, ready, approved)]},
        )
    )
    assert packed[held]["errorCode"] == "SHIPMENT_ON_HOLD"
    assert packed[ready]["errorCode"] == "INVALID_SHIPMENT_STATE"
    assert packed[approved]["status"] == "SUCCESS"

    cancelled = results(
        api.post("/v3/shipments/cancel", json={"shipments": [{"shipmentId": shipped}]})
    )
    assert cancelled[shipped]["errorCode"] == "INVALID_SHIPMENT_STATE"
    assert emu.shipment_state(shipped) == "SHIPPED"


def test_pack_and_dispatch_check_the_location(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    wrong = emu.location_ids[1]
    packed = results(
        api.post(
            "/v3/shipments/labels",
            json={"shipments": [{"shipmentId": shipment_id, "locationId": wrong}]},
        )
    )
    assert packed[shipment_id]["errorCode"] == "INVALID_LOCATION_ID"
    assert emu.shipment_state(shipment_id) == "APPROVED"


def test_packing_again_is_allowed_but_dispatching_twice_is_not(
    emu: Emulator, api: httpx.Client
) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    body = {"shipments": [{"shipmentId": shipment_id}]}
    assert results(api.post("/v3/shipments/labels", json=body))[shipment_id]["status"] == "SUCCESS"
    assert results(api.post("/v3/shipments/labels", json=body))[shipment_id]["status"] == "SUCCESS"
    dispatch = {"shipmentIds": [shipment_id]}
    assert (
        results(api.post("/v3/shipments/dispatch", json=dispatch))[shipment_id]["status"]
        == "SUCCESS"
    )
    again = results(api.post("/v3/shipments/dispatch", json=dispatch))[shipment_id]
    assert again["status"] == "FAILURE"


def test_cancel_a_whole_shipment(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    response = api.post(
        "/v3/shipments/cancel",
        json={"shipments": [{"shipmentId": shipment_id, "reason": "not_enough_inventory"}]},
    )
    assert results(response)[shipment_id]["status"] == "SUCCESS"
    assert emu.shipment_state(shipment_id) == "CANCELLED"
    item = shipment(api, shipment_id)["orderItems"][0]
    assert item["status"] == "CANCELLED"
    assert item["cancellationReason"] == "not_enough_inventory"
    assert item["cancellationDate"] is not None
    by_seller = api.post(
        "/v3/shipments/filter",
        json={"filter": {"type": "cancelled", "cancellationType": "sellerCancellation"}},
    ).json()
    assert [s["shipmentId"] for s in by_seller["shipments"]] == [shipment_id]


def test_cancel_some_cancellation_groups(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, items_per_order=2)
    first, second = shipment(api, shipment_id)["orderItems"]
    response = api.post(
        "/v3/shipments/cancel",
        json={
            "shipments": [
                {"shipmentId": shipment_id, "cancellationGroupIds": [first["cancellationGroupId"]]}
            ]
        },
    )
    assert results(response)[shipment_id]["status"] == "SUCCESS"
    after = {i["orderItemId"]: i["status"] for i in shipment(api, shipment_id)["orderItems"]}
    assert after == {first["orderItemId"]: "CANCELLED", second["orderItemId"]: "APPROVED"}
    assert emu.shipment_state(shipment_id) == "APPROVED"

    unknown = api.post(
        "/v3/shipments/cancel",
        json={"shipments": [{"shipmentId": shipment_id, "cancellationGroupIds": ["grp-nope"]}]},
    )
    assert results(unknown)[shipment_id]["errorCode"] == "INVALID_CANCELLATION_GROUP_ID"


def test_pack_refuses_invoices_of_other_orders(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    body = {
        "shipments": [
            {
                "shipmentId": shipment_id,
                "invoices": [{"orderId": "OD000", "invoiceDate": "2024-03-01T10:00:00Z"}],
            }
        ]
    }
    assert results(api.post("/v3/shipments/labels", json=body))[shipment_id]["errorCode"] == (
        "INVALID_ORDER_ID"
    )
    assert emu.shipment_state(shipment_id) == "APPROVED"


def test_actions_need_at_least_one_shipment(api: httpx.Client) -> None:
    for path, body in (
        ("/v3/shipments/labels", {}),
        ("/v3/shipments/dispatch", {"locationId": "LOC1"}),
        ("/v3/shipments/cancel", {}),
    ):
        response = api.post(path, json=body)
        assert response.status_code == 400, path
