"""The dispatch-day helpers of ``client.shipments`` against the emulator.

The emulator keeps its own state machine (``emu.shipment_state``); outcomes are checked
there and in the request bodies it received, not only in what the helpers return.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from flipkart_ext import (
    AsyncFlipkartClient,
    FlipkartClient,
    InvalidItem,
    ServerError,
    ShipmentFilter,
)
from flipkart_ext.shipments import (
    LIMITS,
    CancelSpec,
    Package,
    PackSpec,
    SelfShipDispatch,
    TrackingUpdate,
)
from flipkart_ext.testing import Emulator

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
NOW = dt.datetime(2026, 11, 20, 11, 0, tzinfo=IST)
INVOICE_DAY = dt.datetime(2026, 11, 20, 9, 30, tzinfo=IST)


class Recorder(httpx.BaseTransport):
    """Passes requests to the emulator and keeps (method, path, JSON body); can fail the n-th."""

    def __init__(self, fail_path: str | None = None, fail_nth: int = 0, status: int = 503) -> None:
        self.inner = httpx.HTTPTransport()
        self.sent: list[tuple[str, str, Any]] = []
        self.fail_path, self.fail_nth, self.status = fail_path, fail_nth, status

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.sent.append((request.method, request.url.path, body))
        same = [s for s in self.sent if self.fail_path and s[1].endswith(self.fail_path)]
        if (
            self.fail_path
            and request.url.path.endswith(self.fail_path)
            and len(same) == self.fail_nth
        ):
            return httpx.Response(self.status, json={"errorMessage": "unavailable"})
        return self.inner.handle_request(request)

    def bodies(self, path: str) -> list[Any]:
        return [body for method, p, body in self.sent if p.endswith(path)]

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(clock=lambda: NOW) as emulator:
        yield emulator


def client_for(emu: Emulator, transport: httpx.BaseTransport | None = None) -> FlipkartClient:
    return FlipkartClient(
        emu.client_id,
        emu.client_secret,
        api_base_url=emu.api_base_url,
        oauth_base_url=emu.oauth_base_url,
        transport=transport,
    )


def approved(client: FlipkartClient) -> list[Any]:
    return list(client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])))


# -- pack ------------------------------------------------------------------------------------


def test_packing_sixty_shipments_is_one_call_of_three_requests_and_one_bad_one_is_reported(
    emu: Emulator,
) -> None:
    ids = emu.create_test_orders(59)
    held = emu.create_test_orders(1, hold=True)[0]
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        shipments = approved(client) + client.shipments.get(shipment_ids=[held])
        results = client.shipments.pack(shipments, tax_rate=18, invoice_date=INVOICE_DAY)

    packs = recorder.bodies("/v3/shipments/labels")
    assert [len(body["shipments"]) for body in packs] == [25, 25, 10]
    assert len(results) == 60 and results.requests == 3
    assert [r.shipment_id for r in results] == [s.shipment_id for s in shipments]
    assert [(r.shipment_id, r.status, r.error_code) for r in results.failed] == [
        (held, "FAILURE", "SHIPMENT_ON_HOLD")
    ]
    assert {emu.shipment_state(i) for i in ids} == {"PACKED"}
    assert emu.shipment_state(held) == "APPROVED"


def test_a_pack_request_is_built_from_the_shipment(emu: Emulator) -> None:
    (shipment_id,) = emu.create_test_orders(1, items_per_order=2, quantity=3)
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        (shipment,) = client.shipments.get(shipment_ids=[shipment_id], raw=True)
        results = client.shipments.pack([shipment], tax_rate=12.5, invoice_date=INVOICE_DAY)

    assert results.all_ok
    (body,) = recorder.bodies("/v3/shipments/labels")
    (sent,) = body["shipments"]
    items = shipment["orderItems"]
    package = shipment["subShipments"][0]["packages"][0]
    assert sent["shipmentId"] == shipment_id
    assert sent["locationId"] == shipment["locationId"]
    assert sent["invoices"] == [
        {"orderId": items[0]["orderId"], "invoiceDate": "2026-11-20T09:30:00+05:30"}
    ]
    assert sent["taxItems"] == [
        {"orderItemId": item["orderItemId"], "quantity": 3, "taxRate": 12.5} for item in items
    ]
    assert sent["subShipments"] == [
        {
            "subShipmentId": shipment["subShipments"][0]["subShipmentId"],
            "dimensions": {**package["dimensions"], "weight": package["weight"]},
        }
    ]


def test_ids_are_looked_up_first_and_specs_override_the_defaults(emu: Emulator) -> None:
    first, second = emu.create_test_orders(2)
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        sku = client.shipments.get(shipment_ids=[second])[0].order_items[0].sku
        results = client.shipments.pack(
            [
                first,
                PackSpec(
                    second,
                    invoice_number="INV-77",
                    tax_rate={sku: 5},
                    package=Package(30, 20, 10, 1.5),
                ),
            ],
            tax_rate=18,
            invoice_date=dt.date(2026, 11, 20),
        )

    assert results.all_ok
    lookups = [p for m, p, _ in recorder.sent if m == "GET" and p.endswith("/v3/shipments")]
    assert len(lookups) == 2  # the test's own, then the helper's single look-up of both ids
    (body,) = recorder.bodies("/v3/shipments/labels")
    one, two = body["shipments"]
    assert one["taxItems"][0]["taxRate"] == 18
    assert one["invoices"][0]["invoiceDate"] == "2026-11-20T00:00:00+05:30"
    assert two["invoices"][0]["invoiceNumber"] == "INV-77"
    assert two["taxItems"][0]["taxRate"] == 5
    assert two["subShipments"][0]["dimensions"] == {
        "length": 30,
        "breadth": 20,
        "height": 10,
        "weight": 1.5,
    }


def test_an_unknown_id_is_reported_and_not_sent(emu: Emulator) -> None:
    (known,) = emu.create_test_orders(1)
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        results = client.shipments.pack(["NO-SUCH", known], tax_rate=18, invoice_date=NOW)

    assert [(r.shipment_id, r.status) for r in results] == [
        ("NO-SUCH", "NOT_APPLIED"),
        (known, "SUCCESS"),
    ]
    assert results[0].error_code == "SHIPMENT_NOT_FOUND"
    (body,) = recorder.bodies("/v3/shipments/labels")
    assert [s["shipmentId"] for s in body["shipments"]] == [known]


def test_a_chunk_that_fails_is_reported_per_shipment_and_nothing_is_lost(emu: Emulator) -> None:
    emu.create_test_orders(60)
    recorder = Recorder(fail_path="/v3/shipments/labels", fail_nth=2)
    with client_for(emu, recorder) as client:
        shipments = approved(client)
        results = client.shipments.pack(shipments, tax_rate=18, invoice_date=NOW)

    assert len(results) == 60
    failed = [r.shipment_id for r in results.failed]
    assert failed == [s.shipment_id for s in shipments[25:50]]
    assert all(
        r.status == "NOT_APPLIED" and isinstance(r.error, ServerError) for r in results.failed
    )
    # The emulator agrees: the failed chunk never reached it.
    assert {emu.shipment_state(i) for i in failed} == {"APPROVED"}
    assert {emu.shipment_state(r.shipment_id) for r in results.succeeded} == {"PACKED"}


@pytest.mark.parametrize(
    ("kwargs", "spec", "message"),
    [
        ({"tax_rate": 101}, None, "pack: tax_rate: expected a number from 0 to 100, got 101"),
        ({"tax_rate": 18}, {"tax_rate": -1}, "shipments[1] (S-2): tax_rate: expected a number"),
        (
            {"tax_rate": 18},
            {"package": Package(10, 0, 5, 1)},
            "package.breadth: expected a number above 0",
        ),
        (
            {"tax_rate": 18},
            {"invoice_date": dt.datetime(2026, 1, 1)},
            "shipments[1] (S-2): invoice_date: a date-time needs its UTC offset",
        ),
        ({"tax_rate": 18, "invoice_date": "yesterday"}, None, "invoice_date: expected an ISO 8601"),
    ],
)
def test_bad_input_is_refused_before_any_request(
    emu: Emulator, kwargs: dict[str, Any], spec: dict[str, Any] | None, message: str
) -> None:
    recorder = Recorder()
    items: list[Any] = ["S-1", PackSpec("S-2", **spec) if spec else "S-2"]
    with client_for(emu, recorder) as client, pytest.raises(InvalidItem) as caught:
        client.shipments.pack(items, **kwargs)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert recorder.sent == []


def test_a_shipment_given_twice_is_refused(emu: Emulator) -> None:
    with (
        client_for(emu) as client,
        pytest.raises(InvalidItem, match=r"shipments\[2\] \(A\): shipment: given twice"),
    ):
        client.shipments.pack(["A", "B", "A"], tax_rate=5)


def test_a_missing_tax_rate_names_the_shipment_and_sku(emu: Emulator) -> None:
    (shipment_id,) = emu.create_test_orders(1)
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        (shipment,) = client.shipments.get(shipment_ids=[shipment_id])
        with pytest.raises(InvalidItem) as caught:
            client.shipments.pack([shipment], tax_rate={"OTHER-SKU": 5})
    sku = shipment.order_items[0].sku
    assert str(caught.value).startswith(
        f"shipments[0] ({shipment_id}): tax_rate: no GST rate for SKU {sku}"
    )
    assert recorder.bodies("/v3/shipments/labels") == []


# -- ready to dispatch, cancel ---------------------------------------------------------------


def test_ready_to_dispatch_groups_by_location_in_chunks_of_25(emu: Emulator) -> None:
    first, second = emu.location_ids
    at_first = emu.create_test_orders(30, state="PACKED", location_id=first)
    at_second = emu.create_test_orders(3, state="PACKED", location_id=second)
    mixed = [*at_first[:10], *at_second, *at_first[10:]]
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        shipments = client.shipments.get(shipment_ids=mixed)
        results = client.shipments.mark_ready_to_dispatch(shipments)

    bodies = recorder.bodies("/v3/shipments/dispatch")
    assert [(b["locationId"], len(b["shipmentIds"])) for b in bodies] == [
        (first, 25),
        (first, 5),
        (second, 3),
    ]
    assert [r.shipment_id for r in results] == mixed and results.all_ok
    assert {emu.shipment_state(i) for i in mixed} == {"READY_TO_DISPATCH"}


def test_ready_to_dispatch_reports_unpacked_shipments(emu: Emulator) -> None:
    packed = emu.create_test_orders(2, state="PACKED")
    unpacked = emu.create_test_orders(1)
    with client_for(emu) as client:
        results = client.shipments.mark_ready_to_dispatch([*packed, *unpacked])
    assert [r.ok for r in results] == [True, True, False]
    assert results[2].error_code == "INVALID_SHIPMENT_STATE"


def test_ready_to_dispatch_with_a_location_sends_ids_without_a_look_up(emu: Emulator) -> None:
    ids = emu.create_test_orders(2, state="PACKED")
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        results = client.shipments.mark_ready_to_dispatch(ids, location_id=emu.location_ids[0])
    assert results.all_ok
    assert [m for m, p, _ in recorder.sent if "/oauth" not in p] == ["POST"]


def test_cancel_needs_a_reason_and_sends_every_group_of_the_shipment(emu: Emulator) -> None:
    ids = emu.create_test_orders(2, items_per_order=2)
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        with pytest.raises(InvalidItem, match=r"shipments\[0\] \(.*\): reason: Flipkart needs"):
            client.shipments.cancel(ids)
        shipments = client.shipments.get(shipment_ids=ids, raw=True)
        results = client.shipments.cancel(
            [ids[0], CancelSpec(ids[1], reason="cannot_procure_item")],
            reason="not_enough_inventory",
        )

    assert results.all_ok
    assert {emu.shipment_state(i) for i in ids} == {"CANCELLED"}
    (body,) = recorder.bodies("/v3/shipments/cancel")
    expected_groups = [[item["cancellationGroupId"] for item in s["orderItems"]] for s in shipments]
    assert [s["cancellationGroupIds"] for s in body["shipments"]] == expected_groups
    assert [s["reason"] for s in body["shipments"]] == [
        "not_enough_inventory",
        "cannot_procure_item",
    ]
    assert {s["locationId"] for s in body["shipments"]} == {emu.location_ids[0]}


# -- forms, handover, manifest ---------------------------------------------------------------


def test_failed_forms_are_found_and_acknowledged(emu: Emulator) -> None:
    failing = emu.create_test_orders(2, form_failure=True)
    with client_for(emu) as client:
        packed = client.shipments.pack(failing, tax_rate=18, invoice_date=NOW)
        assert {emu.shipment_state(i) for i in failing} == {"FORM_FAILED"}
        forms = client.shipments.mandatory_forms([*failing, "UNKNOWN"])
        names = {f.shipment_id: [form.name for form in f.forms] for f in forms if f.ok}
        acks = client.shipments.acknowledge_forms(
            {
                shipment_id: dict.fromkeys(form_names, "ACK-1")
                for shipment_id, form_names in names.items()
            }
        )

    assert packed.all_ok  # the filing failed later, on Flipkart's side
    assert [f.status for f in forms] == ["FOUND", "FOUND", "NOT_IN_ANSWER"]
    assert all(form.status == "FAILED" for f in forms[:2] for form in f.forms)
    assert acks.all_ok
    assert {emu.shipment_state(i) for i in failing} == {"PACKED"}


def test_handover_counts_and_manifest(emu: Emulator, tmp_path: Path) -> None:
    location = emu.location_ids[0]
    ready = emu.create_test_orders(4, state="READY_TO_DISPATCH", location_id=location)
    with client_for(emu) as client:
        counts = client.shipments.handover_counts(location)
        vendor = counts[0].vendor_group_code
        assert isinstance(vendor, str)
        content = client.shipments.manifest(vendor, location_id=location)
        saved = client.shipments.manifest(vendor, location_id=location, out=tmp_path / "m.pdf")

    assert [(c.vendor_group_code, c.count) for c in counts] == [(vendor, 4)]
    assert content.startswith(b"%PDF-")
    assert saved == tmp_path / "m.pdf" and saved.read_bytes() == content
    assert all(i.encode() in content for i in ready)


def test_a_multi_package_manifest_needs_the_pickup_window(emu: Emulator) -> None:
    with client_for(emu) as client, pytest.raises(InvalidItem, match="manifest: pickup_window"):
        client.shipments.manifest("Ekart", is_mps=True)


# -- self-ship -------------------------------------------------------------------------------


def test_self_ship_dispatch_tracking_attempt_and_delivery(emu: Emulator) -> None:
    ids = emu.create_test_orders(3, shipment_type="SELF")
    recorder = Recorder()
    tomorrow = NOW + dt.timedelta(days=1)
    with client_for(emu, recorder) as client:
        dispatched = client.shipments.dispatch_self_ship(
            [ids[0], ids[1], SelfShipDispatch(ids[2], invoice_number="INV-3", tracking_id="TRK-3")],
            tentative_delivery_date=tomorrow,
            dispatch_date=NOW,
            delivery_partner="Local Courier",
        )
        tracked = client.shipments.update_tracking(
            [TrackingUpdate(ids[0], tracking_id="TRK-1", delivery_partner="Other Courier")]
        )
        attempted = client.shipments.record_delivery_attempt(
            [ids[1]], attempt_date=NOW, new_delivery_date=tomorrow, reason="customer_not_available"
        )
        delivered = client.shipments.deliver_self_ship(ids[::2], delivery_date=NOW)

    assert dispatched.all_ok and tracked.all_ok and attempted.all_ok and delivered.all_ok
    assert [emu.shipment_state(i) for i in ids] == ["DELIVERED", "SHIPPED", "DELIVERED"]
    (body,) = recorder.bodies("/v3/shipments/selfShip/dispatch")
    third = body["shipments"][2]
    assert third["invoice"]["invoiceNumber"] == "INV-3"
    assert third["invoice"]["invoiceDate"] == "2026-11-20"
    assert third["trackingId"] == "TRK-3" and third["deliveryPartner"] == "Local Courier"
    assert third["invoice"]["items"] == [
        {"orderItemId": emu.order_item_ids(ids[2])[0], "quantity": 1}
    ]


def test_self_ship_dispatch_needs_the_expected_delivery(emu: Emulator) -> None:
    with client_for(emu) as client, pytest.raises(InvalidItem, match="tentative_delivery_date"):
        client.shipments.dispatch_self_ship(["S-1"])


def test_a_tracking_update_for_a_normal_shipment_is_reported_not_raised(emu: Emulator) -> None:
    (normal,) = emu.create_test_orders(1, state="READY_TO_DISPATCH")
    with client_for(emu) as client:
        results = client.shipments.update_tracking([TrackingUpdate(normal, tracking_id="T")])
    assert [r.status for r in results] == ["NOT_APPLIED"]
    assert "self-ship" in (results[0].error_message or "")


# -- async -----------------------------------------------------------------------------------


async def test_async_helpers_match_the_sync_ones(emu: Emulator) -> None:
    ids = emu.create_test_orders(30)
    async with AsyncFlipkartClient(
        emu.client_id,
        emu.client_secret,
        api_base_url=emu.api_base_url,
        oauth_base_url=emu.oauth_base_url,
    ) as client:
        packed = await client.shipments.pack(ids, tax_rate=18, invoice_date=NOW, max_concurrency=2)
        ready = await client.shipments.mark_ready_to_dispatch(ids)
        counts = await client.shipments.handover_counts(emu.location_ids[0])
        vendor = counts[0].vendor_group_code
        assert isinstance(vendor, str)
        manifest = await client.shipments.manifest(vendor)
        forms = await client.shipments.mandatory_forms(ids[:2])

    assert packed.all_ok and packed.requests == 2
    assert ready.all_ok and [r.shipment_id for r in ready] == ids
    assert counts[0].count == 30
    assert manifest.startswith(b"%PDF-")
    assert [f.shipment_id for f in forms] == ids[:2]


def test_the_limits_are_the_specs_max_items() -> None:
    spec = json.loads(
        (Path(__file__).resolve().parents[2] / "openapi" / "flipkart-seller-api.json").read_text()
    )
    schemas = spec["components"]["schemas"]
    assert schemas["ShipmentPackRequest"]["properties"]["shipments"]["maxItems"] == LIMITS["pack"]
    assert (
        schemas["DispatchShipmentRequest"]["properties"]["shipmentIds"]["maxItems"]
        == LIMITS["ready_to_dispatch"]
    )
    assert (
        schemas["CancelShipmentRequest"]["properties"]["shipments"]["maxItems"] == LIMITS["cancel"]
    )


def test_labels_without_invoices_come_50_per_pdf_and_never_pack(emu: Emulator) -> None:
    from flipkart_ext import InvalidRequest

    packed = emu.create_test_orders(60, state="PACKED")
    (approved,) = emu.create_test_orders(1)
    recorder = Recorder()
    with client_for(emu, recorder) as client:
        documents = client.shipments.get_labels(packed, invoice=False)
        with pytest.raises(InvalidRequest):
            client.shipments.get_labels([approved], invoice=False)

    assert [len(d.shipment_ids) for d in documents] == [50, 10]
    assert all(d.content.startswith(b"%PDF-") for d in documents)
    calls = [(m, p) for m, p, _ in recorder.sent if "labelOnly" in p]
    assert [m for m, _ in calls] == ["POST"] * 3
    assert all(p.endswith("/labelOnly/pdf") for _, p in calls)
    assert emu.shipment_state(approved) == "APPROVED"  # reprint=true: the download packs nothing
