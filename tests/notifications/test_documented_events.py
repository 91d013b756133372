"""Every event Flipkart's notification pages print parses to its class, and every key printed
has a typed property that returns its value (see samples/README.md for the fixtures).

The expected values come from the payloads through the small converters below, written
apart from the package's readers: a string stays a string, an ISO time becomes an aware
datetime (IST when no offset), anything else that cannot carry the value is ``None``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flipkart_ext.notifications import (
    GenericEvent,
    NotificationEvent,
    ReturnCancelled,
    ReturnCompleted,
    ReturnCreated,
    ReturnEvent,
    ReturnExpectedDateChanged,
    ReturnPickedUp,
    ReturnTrackingIdUpdated,
    ShipmentCancelled,
    ShipmentCreated,
    ShipmentDelivered,
    ShipmentDispatchDatesChanged,
    ShipmentFormFailed,
    ShipmentHold,
    ShipmentPacked,
    ShipmentPickupComplete,
    ShipmentReadyToDispatch,
    ShipmentShipped,
    ShipmentUnhold,
    idempotency_key,
    parse_event,
)

SAMPLES = Path(__file__).parent / "samples"
FILES = sorted(SAMPLES.glob("*.json"))
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))

CLASSES: dict[str, type[NotificationEvent]] = {
    "shipment_created": ShipmentCreated,
    "shipment_hold": ShipmentHold,
    "shipment_unhold": ShipmentUnhold,
    "shipment_packed": ShipmentPacked,
    "shipment_ready_to_dispatch": ShipmentReadyToDispatch,
    "shipment_pickup_complete": ShipmentPickupComplete,
    "shipment_shipped": ShipmentShipped,
    "shipment_delivered": ShipmentDelivered,
    "shipment_dispatch_dates_changed": ShipmentDispatchDatesChanged,
    "shipment_cancelled": ShipmentCancelled,
    "shipment_form_failed": ShipmentFormFailed,
    "return_created": ReturnCreated,
    "return_item_tracking_id_update": ReturnTrackingIdUpdated,
    "return_expected_date_changed": ReturnExpectedDateChanged,
    "return_picked_up": ReturnPickedUp,
    "return_completed": ReturnCompleted,
    "return_cancelled": ReturnCancelled,
}


# -- independent converters ---------------------------------------------------------------


def as_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value == int(value):
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def as_float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def as_bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def as_date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=IST)


Reader = Callable[[Any], list[Any]]


def _items(event: Any) -> list[Any]:
    return list(event.order_items)


def _returns(event: Any) -> list[Any]:
    return list(event.return_items)


def _packages(event: Any) -> list[Any]:
    return [p for s in event.sub_shipments for p in s.packages]


def _form_objects(event: Any) -> list[Any]:
    return [f for f in event.forms if not isinstance(f.raw, str)]


# path printed by a page -> (converter, the typed property or properties that expose it)
ACCESSORS: dict[str, tuple[Callable[[Any], Any], Reader]] = {
    "eventType": (as_text, lambda e: [e.raw_event_type]),
    "source": (as_text, lambda e: [e.source]),
    "version": (as_text, lambda e: [e.version]),
    "timestamp": (as_date, lambda e: [e.timestamp]),
    "shipmentId": (as_text, lambda e: [e.shipment_id]),
    "locationId": (as_text, lambda e: [e.location_id]),
    "returnId": (as_text, lambda e: [e.return_id]),
    "attributes.status": (as_text, lambda e: [e.status]),
    "attributes.dispatchByDate": (as_date, lambda e: [e.dispatch_by_date]),
    "attributes.dispatchAfterDate": (as_date, lambda e: [e.dispatch_after_date]),
    "attributes.updatedAt": (as_date, lambda e: [e.updated_at]),
    "attributes.hold": (as_bool, lambda e: [e.on_hold]),
    "attributes.mps": (as_bool, lambda e: [e.mps]),
    "attributes.packagingPolicy": (as_text, lambda e: [e.packaging_policy]),
    "attributes.dispatchLocation": (as_text, lambda e: [e.dispatch_location]),
    "attributes.forms[]": (
        as_text,
        lambda e: [f.name for f in e.forms if isinstance(f.raw, str)],
    ),
    "attributes.forms[].name": (as_text, lambda e: [f.name for f in _form_objects(e)]),
    "attributes.forms[].link": (as_text, lambda e: [f.link for f in _form_objects(e)]),
    "attributes.forms[].automated": (as_bool, lambda e: [f.automated for f in _form_objects(e)]),
    "attributes.orderItems[].orderItemId": (
        as_text,
        lambda e: [i.order_item_id for i in _items(e)],
    ),
    "attributes.orderItems[].orderId": (as_text, lambda e: [i.order_id for i in _items(e)]),
    "attributes.orderItems[].quantity": (as_int, lambda e: [i.quantity for i in _items(e)]),
    "attributes.orderItems[].holdQuantity": (
        as_int,
        lambda e: [i.hold_quantity for i in _items(e)],
    ),
    "attributes.orderItems[].reason": (as_text, lambda e: [i.reason for i in _items(e)]),
    "attributes.orderItems[].subReason": (as_text, lambda e: [i.sub_reason for i in _items(e)]),
    "attributes.orderItems[].fsn": (as_text, lambda e: [i.fsn for i in _items(e)]),
    "attributes.orderItems[].sku": (as_text, lambda e: [i.sku for i in _items(e)]),
    "attributes.orderItems[].listingId": (as_text, lambda e: [i.listing_id for i in _items(e)]),
    "attributes.orderItems[].hsn": (as_text, lambda e: [i.hsn for i in _items(e)]),
    "attributes.orderItems[].title": (as_text, lambda e: [i.title for i in _items(e)]),
    "attributes.orderItems[].status": (as_text, lambda e: [i.status for i in _items(e)]),
    "attributes.orderItems[].paymentType": (as_text, lambda e: [i.payment_type for i in _items(e)]),
    "attributes.orderItems[].cancellationGroupId": (
        as_text,
        lambda e: [i.cancellation_group_id for i in _items(e)],
    ),
    "attributes.orderItems[].isReplacement": (
        as_bool,
        lambda e: [i.is_replacement for i in _items(e)],
    ),
    "attributes.orderItems[].is_replacement": (
        as_bool,
        lambda e: [i.is_replacement for i in _items(e)],
    ),
    "attributes.orderItems[].orderDate": (as_date, lambda e: [i.order_date for i in _items(e)]),
    "attributes.orderItems[].priceComponents.sellingPrice": (
        as_float,
        lambda e: [i.price_components.selling_price for i in _items(e)],
    ),
    "attributes.orderItems[].priceComponents.totalPrice": (
        as_float,
        lambda e: [i.price_components.total_price for i in _items(e)],
    ),
    "attributes.orderItems[].priceComponents.shippingCharge": (
        as_float,
        lambda e: [i.price_components.shipping_charge for i in _items(e)],
    ),
    "attributes.orderItems[].priceComponents.customerPrice": (
        as_float,
        lambda e: [i.price_components.customer_price for i in _items(e)],
    ),
    "attributes.orderItems[].priceComponents.flipkartDiscount": (
        as_float,
        lambda e: [i.price_components.flipkart_discount for i in _items(e)],
    ),
    "attributes.subShipments[].subShipmentId": (
        as_text,
        lambda e: [s.sub_shipment_id for s in e.sub_shipments],
    ),
    "attributes.subShipments[].packages[].packageId": (
        as_text,
        lambda e: [p.package_id for p in _packages(e)],
    ),
    "attributes.subShipments[].packages[].packageTitle": (
        as_text,
        lambda e: [p.package_title for p in _packages(e)],
    ),
    "attributes.subShipments[].packages[].packageSku": (
        as_text,
        lambda e: [p.package_sku for p in _packages(e)],
    ),
    "attributes.subShipments[].packages[].dimensions.length": (
        as_float,
        lambda e: [p.dimensions.length for p in _packages(e)],
    ),
    "attributes.subShipments[].packages[].dimensions.breadth": (
        as_float,
        lambda e: [p.dimensions.breadth for p in _packages(e)],
    ),
    "attributes.subShipments[].packages[].dimensions.height": (
        as_float,
        lambda e: [p.dimensions.height for p in _packages(e)],
    ),
    "attributes.subShipments[].packages[].dimensions.weight": (
        as_float,
        lambda e: [p.dimensions.weight for p in _packages(e)],
    ),
    "attributes.returnItems[].returnId": (as_text, lambda e: [r.return_id for r in _returns(e)]),
    "attributes.returnItems[].orderItemId": (
        as_text,
        lambda e: [r.order_item_id for r in _returns(e)],
    ),
    "attributes.returnItems[].source": (as_text, lambda e: [r.source for r in _returns(e)]),
    "attributes.returnItems[].action": (as_text, lambda e: [r.action for r in _returns(e)]),
    "attributes.returnItems[].quantity": (as_int, lambda e: [r.quantity for r in _returns(e)]),
    "attributes.returnItems[].orderDate": (as_date, lambda e: [r.order_date for r in _returns(e)]),
    "attributes.returnItems[].createdDate": (
        as_date,
        lambda e: [r.created_date for r in _returns(e)],
    ),
    "attributes.returnItems[].updatedDate": (
        as_date,
        lambda e: [r.updated_date for r in _returns(e)],
    ),
    "attributes.returnItems[].courierName": (
        as_text,
        lambda e: [r.courier_name for r in _returns(e)],
    ),
    "attributes.returnItems[].reason": (as_text, lambda e: [r.reason for r in _returns(e)]),
    "attributes.returnItems[].subReason": (as_text, lambda e: [r.sub_reason for r in _returns(e)]),
    "attributes.returnItems[].trackingId": (
        as_text,
        lambda e: [r.tracking_id for r in _returns(e)],
    ),
    "attributes.returnItems[].shipmentId": (
        as_text,
        lambda e: [r.shipment_id for r in _returns(e)],
    ),
    "attributes.returnItems[].comments": (as_text, lambda e: [r.comments for r in _returns(e)]),
    "attributes.returnItems[].completionDate": (
        as_date,
        lambda e: [r.completion_date for r in _returns(e)],
    ),
    "attributes.returnItems[].replacementOrderItemId": (
        as_text,
        lambda e: [r.replacement_order_item_id for r in _returns(e)],
    ),
    "attributes.returnItems[].productId": (as_text, lambda e: [r.product_id for r in _returns(e)]),
    "attributes.returnItems[].listingId": (as_text, lambda e: [r.listing_id for r in _returns(e)]),
    "attributes.returnItems[].expectedDate": (
        as_date,
        lambda e: [r.expected_date for r in _returns(e)],
    ),
}


def _leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """(path, value) for every scalar, lists written as ``[]``, in document order."""
    if isinstance(value, dict):
        return [
            leaf
            for key, v in value.items()
            for leaf in _leaves(v, f"{path}.{key}" if path else key)
        ]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v, path + "[]")]
    return [(path, value)]


def _load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@pytest.fixture(params=FILES, ids=[f.stem for f in FILES])
def sample(request: pytest.FixtureRequest) -> dict[str, Any]:
    return _load(request.param)


def test_every_documented_event_has_a_sample_with_its_source() -> None:
    seen = {_load(f)["payload"]["eventType"] for f in FILES}
    assert seen == set(CLASSES)
    for f in FILES:
        assert _load(f)["source"].startswith("https://flipkart.github.io/fk-api-platform-docs/")


def test_a_sample_parses_to_its_class_and_keeps_everything(sample: dict[str, Any]) -> None:
    payload = sample["payload"]
    event = parse_event(json.dumps(payload, ensure_ascii=False).encode())
    assert type(event) is CLASSES[payload["eventType"]]
    assert event.event_type == payload["eventType"]
    assert event.raw == payload
    assert len(idempotency_key(event)) == 64


def test_every_printed_key_has_a_typed_property_returning_its_value(
    sample: dict[str, Any],
) -> None:
    payload = sample["payload"]
    event = parse_event(payload)
    leaves = _leaves(payload)
    unread = sorted({path for path, _ in leaves} - set(ACCESSORS))
    assert unread == [], f"printed but without a typed property: {unread}"
    for path in dict.fromkeys(p for p, _ in leaves):
        convert, reader = ACCESSORS[path]
        expected = [convert(v) for p, v in leaves if p == path]
        assert reader(event) == expected, path


# -- what the pages print, including where they disagree with each other ---------------------


def _sample(name: str) -> NotificationEvent:
    return parse_event(_load(SAMPLES / f"{name}.json")["payload"])


def test_form_failed_example_gives_forms_as_bare_names() -> None:
    event = _sample("shipment_form_failed.example")
    assert isinstance(event, ShipmentFormFailed)
    assert event.form_names == ("FORM600TG",)
    assert [(f.name, f.link, f.automated, f.raw) for f in event.forms] == [
        ("FORM600TG", None, None, "FORM600TG")
    ]
    assert event.status == "FORM_FAILED"
    # The structure prints an empty list; shipment_created prints objects.
    assert _sample("shipment_form_failed.structure").forms == ()  # type: ignore[attr-defined]
    created = _sample("shipment_created.example")
    assert isinstance(created, ShipmentCreated)
    assert [(f.name, f.link, f.automated) for f in created.forms] == [
        ("GJ_403", "http://www.commercialtax.gujarat.gov.in/", True)
    ]


def test_cancellation_reason_is_read_from_the_order_items() -> None:
    event = _sample("shipment_cancelled.example")
    assert isinstance(event, ShipmentCancelled)
    assert (event.reason, event.sub_reason) == ("seller_cancellation", "not_enough_inventory")
    assert event.reasons == ("seller_cancellation",)
    (item,) = event.order_items
    assert (item.order_item_id, item.quantity) == ("6452425382623300", 1)


def test_cancellation_reasons_that_differ_are_all_kept() -> None:
    payload = _load(SAMPLES / "shipment_cancelled.example.json")["payload"]
    second = {"orderItemId": "2", "quantity": 2, "reason": "buyer_cancellation"}
    payload["attributes"]["orderItems"].append(second)
    event = parse_event(payload)
    assert isinstance(event, ShipmentCancelled)
    assert event.reason is None  # no single answer: each item says its own
    assert event.reasons == ("seller_cancellation", "buyer_cancellation")
    assert [i.reason for i in event.order_items] == ["seller_cancellation", "buyer_cancellation"]
    assert event.sub_reason == "not_enough_inventory"  # only one item names a sub-reason


def test_return_details_are_read_from_the_return_items() -> None:
    event = _sample("return_created.filled")
    assert isinstance(event, ReturnCreated)
    assert event.return_id == "12034567890123456789"
    assert event.order_item_id == "1883380307363600"
    assert event.quantity == 1
    assert event.tracking_id == "FMPR0123456789"
    assert event.courier_name == "E-Kart Logistics"
    assert (event.reason, event.sub_reason) == ("DAMAGED_PRODUCT", "BROKEN_SEAL")
    assert event.expected_date == dt.datetime(2017, 4, 27, 23, 59, 59, tzinfo=IST)
    assert event.status == "RETURN_CREATED"

    moved = _sample("return_expected_date_changed.filled")
    assert isinstance(moved, ReturnExpectedDateChanged)
    assert moved.expected_date == dt.datetime(2017, 4, 29, 23, 59, 59, tzinfo=IST)
    assert moved.order_item_id == "1883380307363600"


def test_the_documented_tracking_id_event_name_is_recognised() -> None:
    event = _sample("return_item_tracking_id_update.filled")
    assert type(event) is ReturnTrackingIdUpdated
    assert event.event_type == "return_item_tracking_id_update"
    assert (event.tracking_id, event.courier_name) == ("FMPR0123456790", "E-Kart Logistics")
    assert event.order_item_id == "1883380307363600"
    assert event.return_id == "12034567890123456789"
    for spelling in ("return_tracking_id_updated", "return_tracking_id_update"):
        assert type(parse_event({"eventType": spelling})) is ReturnTrackingIdUpdated


@pytest.mark.parametrize("name", ["return_picked_up", "return_completed", "return_cancelled"])
def test_status_returns_name_their_order_item(name: str) -> None:
    event = _sample(f"{name}.filled")
    assert isinstance(event, ReturnEvent)
    assert event.order_item_id == "1883380307363600"
    assert event.status == name.upper()
    assert event.return_id == "12034567890123456789"


def test_hold_quantity_is_a_string_in_the_structure_and_a_number_in_the_example() -> None:
    (printed,) = _sample("shipment_hold.example").order_items  # type: ignore[attr-defined]
    assert (printed.order_item_id, printed.hold_quantity) == ("1434562882827100", 1)
    (placeholder,) = _sample("shipment_hold.structure").order_items  # type: ignore[attr-defined]
    assert placeholder.hold_quantity is None and placeholder.raw["holdQuantity"] == ""


def test_replacement_flag_is_read_under_both_spellings() -> None:
    (example,) = _sample("shipment_created.example").order_items  # type: ignore[attr-defined]
    assert "is_replacement" in example.raw and example.is_replacement is False
    (structure,) = _sample("shipment_created.structure").order_items  # type: ignore[attr-defined]
    assert "isReplacement" in structure.raw and structure.is_replacement is False


def test_placeholders_read_as_none_and_stay_in_raw() -> None:
    structure = _sample("shipment_created.structure")
    assert isinstance(structure, ShipmentCreated)
    assert (
        structure.dispatch_by_date is None and structure.attributes["dispatchByDate"] == "DateTime"
    )
    (package,) = structure.sub_shipments[0].packages
    assert package.dimensions is not None and package.dimensions.weight == 0
    packed = _sample("shipment_packed.structure")
    assert packed.timestamp is None and packed.raw_timestamp == "ISO time string"


def test_unknown_event_types_stay_generic() -> None:
    payload = _load(SAMPLES / "shipment_packed.example.json")["payload"]
    payload["eventType"] = "shipment_teleported"
    event = parse_event(payload)
    assert type(event) is GenericEvent and event.raw == payload
