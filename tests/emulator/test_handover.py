"""Handover counts, manifests, one-time codes, mandatory forms and label-only downloads."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator


def counts(api: httpx.Client, location: str) -> dict[str, dict[str, Any]]:
    answer = api.get("/v3/shipments/handover/counts", params={"locationId": location})
    assert answer.status_code == 200, answer.text
    return {entry["vendorGroupCode"]: entry for entry in answer.json()}


def manifest(api: httpx.Client, **params: Any) -> httpx.Response:
    return api.post("/v3/shipments/manifest", json={"params": params})


def pdf_text(pdf: bytes) -> str:
    """The text drawn by the emulator's PDFs (literal strings shown with Tj)."""
    return "\n".join(re.findall(r"\((.*?)\) Tj", pdf.decode("latin-1")))


def test_counts_reflect_what_waits_for_pickup(emu: Emulator, api: httpx.Client) -> None:
    home, other = emu.location_ids
    assert counts(api, home) == {}
    normal = emu.create_test_orders(count=3, state="READY_TO_DISPATCH", location_id=home)
    emu.create_test_orders(
        count=2, state="READY_TO_DISPATCH", shipment_type="EXPRESS", location_id=home
    )
    emu.create_test_orders(
        count=1, state="READY_TO_DISPATCH", shipment_type="SELF", location_id=home
    )
    emu.create_test_orders(count=4, state="READY_TO_DISPATCH", location_id=other)
    emu.create_test_orders(count=2, state="PACKED", location_id=home)
    found = counts(api, home)
    assert {vendor: e["count"] for vendor, e in found.items()} == {
        "Ekart Logistics": 3,
        "Ekart Express": 2,
    }
    entry = found["Ekart Logistics"]
    assert entry["isMps"] is False
    assert re.fullmatch(r"\d{6}", entry["otc"]["code"])
    assert entry["pickUpDate"] == {
        "from": "2024-03-01T15:00:00.000+05:30",
        "to": "2024-03-01T17:00:00.000+05:30",
    }
    # Collected shipments leave the count; the code stays the same all day.
    item = {"orderItemId": emu.order_item_ids(normal[0])[0]}
    assert api.post("/orders/sandbox/pick_up_complete", json=item).status_code == 200
    after = counts(api, home)["Ekart Logistics"]
    assert after["count"] == 2
    assert after["otc"] == entry["otc"]
    assert counts(api, other)["Ekart Logistics"]["count"] == 4


@pytest.mark.parametrize("params", [{}, {"locationId": "LOCnowhere"}])
def test_counts_need_a_known_location(api: httpx.Client, params: dict[str, str]) -> None:
    assert api.get("/v3/shipments/handover/counts", params=params).status_code == 400


def test_the_manifest_lists_the_vendors_shipments(emu: Emulator, api: httpx.Client) -> None:
    home, other = emu.location_ids
    here = emu.create_test_orders(count=30, state="READY_TO_DISPATCH", location_id=home)
    there = emu.create_test_orders(count=2, state="READY_TO_DISPATCH", location_id=other)
    express = emu.create_test_orders(count=1, state="READY_TO_DISPATCH", shipment_type="EXPRESS")
    answer = manifest(api, vendorGroupCode="Ekart Logistics", locationId=home)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF-") and answer.content.rstrip().endswith(b"%%EOF")
    text = pdf_text(answer.content)
    assert all(shipment_id in text for shipment_id in here)
    assert not any(shipment_id in text for shipment_id in [*there, *express])
    assert "30 shipments" in text
    assert answer.content.count(b"/Type /Page ") == 2  # 22 lines a page
    everywhere = pdf_text(manifest(api, vendorGroupCode="Ekart Logistics").content)
    assert all(shipment_id in everywhere for shipment_id in there)


def test_manifest_refusals(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=1, state="READY_TO_DISPATCH")
    assert manifest(api, vendorGroupCode="Nobody").status_code == 400
    assert manifest(api, vendorGroupCode="Ekart Logistics", locationId="LOCx").status_code == 400
    assert manifest(api, vendorGroupCode="Ekart Logistics", is_mps=True).status_code == 400
    assert api.post("/v3/shipments/manifest", json={"params": {}}).status_code == 400


def test_reverse_otc_appears_with_returns_on_their_way(emu: Emulator, api: httpx.Client) -> None:
    home = emu.location_ids[0]

    def otc(**params: str) -> httpx.Response:
        return api.get(f"/v3/shipments/otc/{home}", params=params)

    assert otc(requestType="RETURN").json() == {
        "otcs": [{"requestType": "RETURN", "status": "OTC_NOT_GENERATED", "otc": None}]
    }
    emu.create_returns(source="courier_return")
    [entry] = otc().json()["otcs"]
    assert entry["status"] == "OTC_GENERATED"
    assert re.fullmatch(r"\d{6}", entry["otc"]["code"])
    assert otc(requestType="FORWARD").status_code == 400
    assert api.get("/v3/shipments/otc/LOCnowhere").status_code == 400


# -- forms ----------------------------------------------------------------------------------


def forms(api: httpx.Client, *ids: str) -> dict[str, list[dict[str, Any]]]:
    answer = api.post(f"/v3/shipments/{','.join(ids)}/forms")
    assert answer.status_code == 200, answer.text
    return {s["shipmentId"]: s["forms"] for s in answer.json()["shipments"]}


def ack(api: httpx.Client, shipment_id: str, *names: str) -> dict[str, Any]:
    answer = api.post(
        "/v3/shipments/forms/updateAck",
        json={
            "shipments": [
                {
                    "shipmentId": shipment_id,
                    "forms": [{"name": n, "ackNumber": "EWB123"} for n in names],
                }
            ]
        },
    )
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()["shipments"][0]
    return result


def test_a_failed_form_is_filed_by_hand(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, form_failure=True)
    assert forms(api, shipment_id)[shipment_id][0]["status"] == "NOT_CREATED"
    api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    assert emu.shipment_state(shipment_id) == "FORM_FAILED"
    [form] = forms(api, shipment_id, "unknown-id")[shipment_id]
    assert form == {
        "name": "EWAY_BILL",
        "link": "https://ewaybillgst.gov.in",
        "automated": True,
        "status": "FAILED",
    }
    assert api.get(f"/v3/shipments/{shipment_id}/labels").status_code == 400
    found = api.post(
        "/v3/shipments/filter", json={"filter": {"type": "preDispatch", "states": ["FORM_FAILED"]}}
    ).json()["shipments"]
    assert [s["shipmentId"] for s in found] == [shipment_id]
    assert found[0]["forms"] == [{"name": "EWAY_BILL", "link": form["link"], "automated": True}]
    refused = ack(api, shipment_id, "GST_FORM")
    assert (refused["status"], refused["errorCode"]) == ("FAILURE", "INVALID_FORM_NAME")
    assert ack(api, shipment_id, "EWAY_BILL")["status"] == "SUCCESS"
    assert emu.shipment_state(shipment_id) == "PACKED"
    assert forms(api, shipment_id)[shipment_id][0]["status"] == "COMPLETED"
    assert api.get(f"/v3/shipments/{shipment_id}/labels").status_code == 200


def test_a_high_value_shipment_gets_its_form_filed_on_packing(
    emu: Emulator, api: httpx.Client
) -> None:
    [shipment_id] = emu.create_test_orders(count=1, sku="SKU-0006", quantity=30)
    assert forms(api, shipment_id)[shipment_id][0]["status"] == "NOT_CREATED"
    api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    assert emu.shipment_state(shipment_id) == "PACKED"
    assert forms(api, shipment_id)[shipment_id][0]["status"] == "COMPLETED"


def test_at_most_one_hundred_shipments_for_forms(api: httpx.Client) -> None:
    ids = ",".join(f"S{n}" for n in range(101))
    assert api.post(f"/v3/shipments/{ids}/forms").status_code == 400
    entries = [{"shipmentId": f"S{n}", "forms": []} for n in range(101)]
    assert api.post("/v3/shipments/forms/updateAck", json={"shipments": entries}).status_code == 400


# -- label-only downloads ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "content_type"),
    [("labelOnly", "application/octet-stream"), ("labelOnly/pdf", "application/pdf")],
)
def test_label_only_packs_unless_it_is_a_reprint(
    emu: Emulator, api: httpx.Client, suffix: str, content_type: str
) -> None:
    approved, held = emu.create_test_orders(count=2)
    emu.create_test_orders(count=1)
    assert (
        api.post(f"/v3/shipments/{approved}/{suffix}", params={"reprint": "true"}).status_code
        == 400
    )
    assert emu.shipment_state(approved) == "APPROVED"
    answer = api.post(f"/v3/shipments/{approved}/{suffix}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == content_type
    assert answer.content.startswith(b"%PDF-")
    assert emu.shipment_state(approved) == "PACKED"
    assert (
        api.post(f"/v3/shipments/{approved}/{suffix}", params={"reprint": "true"}).status_code
        == 200
    )
    assert (
        api.post(f"/v3/shipments/{approved}/{suffix}", params={"reprint": "maybe"}).status_code
        == 400
    )
    item = {"orderItemId": emu.order_item_ids(held)[0]}
    api.put("/orders/sandbox/on_hold", json=item)
    refused = api.post(f"/v3/shipments/{approved},{held}/{suffix}")
    assert refused.status_code == 400
    assert [e["path"] for e in refused.json()["errors"]] == [held]


def test_label_only_takes_at_most_fifty_ids(api: httpx.Client) -> None:
    ids = ",".join(f"S{n}" for n in range(51))
    assert api.post(f"/v3/shipments/{ids}/labelOnly").status_code == 400
