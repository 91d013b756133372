import dataclasses
import datetime as dt
import json

import pytest

from flipkart_ext import MalformedEvent
from flipkart_ext.notifications import (
    Form,
    GenericEvent,
    NotificationEvent,
    OrderItem,
    PriceComponents,
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
    ShipmentEvent,
    ShipmentFormFailed,
    ShipmentHold,
    ShipmentPacked,
    ShipmentPickupComplete,
    ShipmentReadyToDispatch,
    ShipmentShipped,
    ShipmentUnhold,
    event_class_for,
    parse_event,
)

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))

# Shaped after the shipment_created example in Flipkart's notification reference.
SHIPMENT_CREATED = {
    "eventType": "shipment_created",
    "source": "flipkart",
    "version": "v3",
    "shipmentId": "a1b2c3d4-0001",
    "locationId": "LOC1234",
    "timestamp": "2017-03-28T18:03:01+05:30",
    "attributes": {
        "dispatchByDate": "2017-04-10T10:00:00.000+05:30",
        "dispatchAfterDate": "2017-04-06T18:21:25.000+05:30",
        "hold": False,
        "mps": False,
        "packagingPolicy": "GREEN_PACKAGE",
        "orderItems": [
            {
                "orderItemId": "1883380307363600",
                "orderId": "OD108833803073636000",
                "cancellationGroupId": "grp1883380307363600",
                "paymentType": "COD",
                "status": "APPROVED",
                "quantity": 1,
                "fsn": "DIAE777EDCWNZSPZ",
                "sku": "LKA041150",
                "listingId": "LSTDIAE777EDCWNZSPZQMLAT0",
                "hsn": None,
                "title": "A diary",
                "priceComponents": {"sellingPrice": 199, "totalPrice": 199},
            }
        ],
        "subShipments": [{"subShipmentId": "SS-1", "packages": []}],
    },
}

DOCUMENTED = [
    ("shipment_created", ShipmentCreated),
    ("shipment_hold", ShipmentHold),
    ("shipment_unhold", ShipmentUnhold),
    ("shipment_packed", ShipmentPacked),
    ("shipment_ready_to_dispatch", ShipmentReadyToDispatch),
    ("shipment_pickup_complete", ShipmentPickupComplete),
    ("shipment_shipped", ShipmentShipped),
    ("shipment_delivered", ShipmentDelivered),
    ("shipment_dispatch_dates_changed", ShipmentDispatchDatesChanged),
    ("shipment_cancelled", ShipmentCancelled),
    ("shipment_form_failed", ShipmentFormFailed),
    ("return_created", ReturnCreated),
    ("return_item_tracking_id_update", ReturnTrackingIdUpdated),
    ("return_expected_date_changed", ReturnExpectedDateChanged),
    ("return_picked_up", ReturnPickedUp),
    ("return_completed", ReturnCompleted),
    ("return_cancelled", ReturnCancelled),
]

SHORT_FORMS = [
    ("hold", ShipmentHold),
    ("unhold", ShipmentUnhold),
    ("packed", ShipmentPacked),
    ("ready_to_dispatch", ShipmentReadyToDispatch),
    ("pickup_complete", ShipmentPickupComplete),
    ("shipped", ShipmentShipped),
    ("delivered", ShipmentDelivered),
    ("dispatch_dates_changed", ShipmentDispatchDatesChanged),
    ("form_failed", ShipmentFormFailed),
    ("SHIPMENT_PACKED", ShipmentPacked),
    ("Ready-To-Dispatch", ShipmentReadyToDispatch),
    ("return_tracking_id_update", ReturnTrackingIdUpdated),
    ("return_tracking_id_updated", ReturnTrackingIdUpdated),
    ("return_pickedup", ReturnPickedUp),
]


def payload(event_type, **extra):
    body = {
        "eventType": event_type,
        "source": "flipkart",
        "shipmentId": "SH-1",
        "locationId": "LOC1",
        "timestamp": "2017-04-06T18:20:00+05:30",
        "attributes": {"note": "kept"},
    }
    body.update(extra)
    return body


@pytest.mark.parametrize(("event_type", "cls"), DOCUMENTED)
def test_every_documented_event_type_parses_to_its_class(event_type, cls):
    body = payload(event_type)
    event = parse_event(json.dumps(body).encode())
    assert type(event) is cls
    assert event.event_type == event_type
    assert event.raw_event_type == event_type
    assert event.source == "flipkart"
    assert event.shipment_id == "SH-1"
    assert event.location_id == "LOC1"
    assert event.timestamp == dt.datetime(2017, 4, 6, 18, 20, tzinfo=IST)
    assert event.raw_timestamp == "2017-04-06T18:20:00+05:30"
    assert event.attributes == {"note": "kept"}
    assert event.raw == body
    family = ShipmentEvent if event_type.startswith("shipment_") else ReturnEvent
    assert isinstance(event, family)


@pytest.mark.parametrize(("event_type", "cls"), SHORT_FORMS)
def test_short_and_variant_spellings_parse_to_the_canonical_type(event_type, cls):
    event = parse_event(payload(event_type))
    assert type(event) is cls
    assert event.event_type == cls.EVENT_TYPE
    assert event.raw_event_type == event_type
    assert event_class_for(event_type) is cls


def test_unknown_event_type_is_generic_with_raw_payload_intact():
    body = payload("shipment_teleported", attributes={"to": "moon", "nested": {"a": [1, None]}})
    body["somethingNew"] = {"x": 1}
    text = json.dumps(body)
    event = parse_event(text)
    assert type(event) is GenericEvent
    assert event.event_type == "shipment_teleported"
    assert event.raw == body
    assert json.loads(json.dumps(event.raw)) == json.loads(text)
    assert event.attributes == {"to": "moon", "nested": {"a": [1, None]}}
    assert event.shipment_id == "SH-1"


@pytest.mark.parametrize("event_type", [None, 42, ["shipment_packed"], ""])
def test_missing_or_odd_event_type_is_generic(event_type):
    body = payload("x")
    if event_type is None:
        del body["eventType"]
    else:
        body["eventType"] = event_type
    event = parse_event(body)
    assert type(event) is GenericEvent
    assert event.event_type == ""
    assert event.raw_event_type is None or event.raw_event_type == ""
    assert event.raw == body


def test_shipment_created_exposes_order_items_and_dispatch_window():
    event = parse_event(json.dumps(SHIPMENT_CREATED))
    assert isinstance(event, ShipmentCreated)
    assert event.dispatch_by_date == dt.datetime(2017, 4, 10, 4, 30, tzinfo=dt.UTC)
    assert event.dispatch_after_date == dt.datetime(2017, 4, 6, 18, 21, 25, tzinfo=IST)
    assert event.on_hold is False
    assert event.packaging_policy == "GREEN_PACKAGE"
    (item,) = event.order_items
    raw_item = SHIPMENT_CREATED["attributes"]["orderItems"][0]
    assert item == OrderItem(
        order_item_id="1883380307363600",
        order_id="OD108833803073636000",
        quantity=1,
        sku="LKA041150",
        fsn="DIAE777EDCWNZSPZ",
        listing_id="LSTDIAE777EDCWNZSPZQMLAT0",
        status="APPROVED",
        title="A diary",
        payment_type="COD",
        cancellation_group_id="grp1883380307363600",
        price_components=PriceComponents(
            selling_price=199.0,
            total_price=199.0,
            shipping_charge=None,
            customer_price=None,
            flipkart_discount=None,
            raw=raw_item["priceComponents"],
        ),
        raw=raw_item,
    )
    assert item.raw["priceComponents"]["sellingPrice"] == 199


def test_order_items_tolerate_odd_shapes():
    body = payload(
        "shipment_created",
        attributes={
            "orderItems": [
                {"orderItemId": 123, "quantity": "2", "sku": None},
                "not an object",
                {"quantity": True},
            ]
        },
    )
    event = parse_event(body)
    assert isinstance(event, ShipmentCreated)
    first, second = event.order_items
    assert (first.order_item_id, first.quantity, first.sku) == ("123", 2, None)
    assert (second.order_item_id, second.quantity) == (None, None)
    assert event.dispatch_by_date is None
    assert event.on_hold is None


def test_dispatch_dates_changed_exposes_new_dates():
    event = parse_event(
        payload(
            "shipment_dispatch_dates_changed",
            attributes={
                "dispatchByDate": "2017-04-12T10:00:00.000+05:30",
                "dispatchAfterDate": "2017-04-11T09:00:00+05:30",
            },
        )
    )
    assert isinstance(event, ShipmentDispatchDatesChanged)
    assert event.dispatch_by_date == dt.datetime(2017, 4, 12, 10, tzinfo=IST)
    assert event.dispatch_after_date == dt.datetime(2017, 4, 11, 9, tzinfo=IST)


@pytest.mark.parametrize(
    ("attributes", "reason", "sub_reason"),
    [
        (
            {"reason": "buyer_cancelled", "subReason": "changed_mind"},
            "buyer_cancelled",
            "changed_mind",
        ),
        ({"cancellationReason": "out_of_stock"}, "out_of_stock", None),
        ({}, None, None),
    ],
)
def test_shipment_cancelled_exposes_reason(attributes, reason, sub_reason):
    event = parse_event(payload("shipment_cancelled", attributes=attributes))
    assert isinstance(event, ShipmentCancelled)
    assert (event.reason, event.sub_reason) == (reason, sub_reason)


def test_form_failed_exposes_forms_and_reason():
    forms = [{"name": "EWAY_BILL", "link": None, "automated": True}, "FORM600TG", 7]
    event = parse_event(
        payload("shipment_form_failed", attributes={"forms": forms, "reason": "bad gstin"})
    )
    assert isinstance(event, ShipmentFormFailed)
    assert event.forms == (
        Form(name="EWAY_BILL", link=None, automated=True, raw=forms[0]),
        Form(name="FORM600TG", link=None, automated=None, raw="FORM600TG"),
    )
    assert event.form_names == ("EWAY_BILL", "FORM600TG")
    assert event.reason == "bad gstin"


def test_return_events_expose_return_and_item_ids():
    event = parse_event(
        payload(
            "return_item_tracking_id_update",
            attributes={"returnId": "R-9", "orderItemId": "OI-1", "trackingId": "FMPR123"},
        )
    )
    assert isinstance(event, ReturnTrackingIdUpdated)
    assert (event.return_id, event.order_item_id, event.tracking_id) == ("R-9", "OI-1", "FMPR123")


def test_return_id_may_sit_at_the_top_level():
    body = payload("return_created", attributes={})
    body["returnId"] = "R-10"
    event = parse_event(body)
    assert isinstance(event, ReturnCreated)
    assert event.return_id == "R-10"
    assert event.order_item_id is None


def test_return_expected_date():
    event = parse_event(
        payload("return_expected_date_changed", attributes={"expectedDate": "2017-05-01"})
    )
    assert isinstance(event, ReturnExpectedDateChanged)
    assert event.expected_date == dt.datetime(2017, 5, 1, tzinfo=IST)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2017-03-28T18:03:01+05:30", dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
        ("2017-03-28T12:33:01.000Z", dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
        # Flipkart writes times in IST, so a bare one is read in IST.
        ("2017-03-28T18:03:01", dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
        (1490704381, dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
        (1490704381000, dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
        ("1490704381", dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
        ("Tue, 28 Mar 2017 12:33:01 GMT", dt.datetime(2017, 3, 28, 12, 33, 1, tzinfo=dt.UTC)),
    ],
)
def test_timestamps_are_read_liberally_into_aware_datetimes(raw, expected):
    event = parse_event(payload("shipment_packed", timestamp=raw))
    assert event.timestamp == expected
    assert event.timestamp is not None and event.timestamp.tzinfo is not None
    assert event.raw_timestamp == raw


@pytest.mark.parametrize("raw", ["", "soon", None, True, -5, float("inf"), {"at": 1}])
def test_unreadable_timestamp_is_none_and_kept_raw(raw):
    body = payload("shipment_packed", timestamp=raw)
    event = parse_event(body)
    assert event.timestamp is None
    assert event.raw_timestamp == raw


def test_missing_common_fields_are_none():
    event = parse_event(b'{"eventType": "shipment_shipped"}')
    assert isinstance(event, ShipmentShipped)
    assert (event.source, event.shipment_id, event.location_id, event.timestamp) == (
        None,
        None,
        None,
        None,
    )
    assert event.attributes == {}
    assert event.order_items == ()


@pytest.mark.parametrize("attributes", [None, [], "x", 3])
def test_non_object_attributes_read_as_empty(attributes):
    event = parse_event(payload("shipment_packed", attributes=attributes))
    assert event.attributes == {}
    assert event.raw["attributes"] == attributes


def test_bytes_text_and_mapping_bodies_agree():
    body = payload("shipment_delivered")
    text = json.dumps(body)
    from_bytes = parse_event(text.encode())
    assert from_bytes == parse_event(text)
    assert from_bytes == parse_event(body)
    assert from_bytes == parse_event(bytearray(text.encode()))
    assert from_bytes == parse_event(b"\xef\xbb\xbf" + text.encode())


def test_mapping_body_is_copied():
    body = payload("shipment_delivered")
    event = parse_event(body)
    body["shipmentId"] = "changed later"
    assert event.raw["shipmentId"] == "SH-1"


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        (b"{not json", "not valid JSON"),
        (b"", "empty, where JSON was expected"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"eventType": "a", "eventType": "b"}', "the key 'eventType' appears twice"),
        (b"[" * 100 + b"]" * 100, "nested more than 64 levels deep"),
        (b'{"timestamp": 1e400}', "out of range"),
        (12, "expected bytes, text or a mapping, got int"),
        (b"[1, 2]", "must be a JSON object, not list"),
        ("null", "must be a JSON object, not NoneType"),
        ('"shipment_packed"', "must be a JSON object, not str"),
    ],
)
def test_malformed_body_raises_a_clear_value_error(body, complaint):
    with pytest.raises(MalformedEvent) as caught:
        parse_event(body)
    assert isinstance(caught.value, ValueError)
    assert complaint in str(caught.value)


def test_events_are_frozen_and_hashable():
    event = parse_event(payload("shipment_packed"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.shipment_id = "other"  # type: ignore[misc]
    assert hash(event) == hash(parse_event(payload("shipment_packed")))
    assert isinstance(event, NotificationEvent)


def test_repr_names_the_event_without_dumping_the_payload():
    event = parse_event(payload("shipment_packed", attributes={"secretish": "x" * 500}))
    text = repr(event)
    assert text.startswith("ShipmentPacked(")
    assert "SH-1" in text
    assert "x" * 500 not in text
