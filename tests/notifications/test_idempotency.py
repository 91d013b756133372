import hashlib
import json

import pytest

from flipkart_ext.notifications import idempotency_key, parse_event


def body(**changes):
    base = {
        "eventType": "shipment_packed",
        "source": "flipkart",
        "shipmentId": "SH-1",
        "locationId": "LOC1",
        "timestamp": "2017-04-06T18:20:00+05:30",
        "attributes": {"orderItems": [{"orderItemId": "OI-1", "quantity": 1}], "hold": False},
    }
    base.update(changes)
    return base


def key_of(payload) -> str:
    return idempotency_key(parse_event(json.dumps(payload).encode()))


def test_key_is_sha256_of_the_documented_material():
    # Built here from the docstring's description, so a change of scheme shows up.
    material = [
        "fk-notification-v1",
        "shipment_packed",
        "SH-1",
        "LOC1",
        "2017-04-06T12:50:00+00:00",
        {"hold": False, "orderItems": [{"orderItemId": "OI-1", "quantity": 1}]},
    ]
    canonical = json.dumps(material, sort_keys=True, separators=(",", ":"))
    assert key_of(body()) == hashlib.sha256(canonical.encode()).hexdigest()


def test_redelivery_gives_the_same_key():
    first = parse_event(json.dumps(body()).encode())
    again = parse_event(json.dumps(body()).encode())
    assert idempotency_key(first) == idempotency_key(again)
    assert len(idempotency_key(first)) == 64
    int(idempotency_key(first), 16)


def test_key_ignores_body_layout_and_spelling():
    reference = key_of(body())
    reordered = dict(reversed(list(body().items())))
    reordered["attributes"] = {
        "hold": False,
        "orderItems": [{"quantity": 1, "orderItemId": "OI-1"}],
    }
    assert idempotency_key(parse_event(json.dumps(reordered, indent=2))) == reference
    assert key_of(body(eventType="packed")) == reference
    assert key_of(body(timestamp="2017-04-06T12:50:00Z")) == reference


@pytest.mark.parametrize(
    "change",
    [
        {"eventType": "shipment_shipped"},
        {"shipmentId": "SH-2"},
        {"locationId": "LOC2"},
        {"timestamp": "2017-04-06T18:20:01+05:30"},
        {"attributes": {"orderItems": [{"orderItemId": "OI-1", "quantity": 2}], "hold": False}},
        {"attributes": {}},
    ],
)
def test_different_events_get_different_keys(change):
    assert key_of(body(**change)) != key_of(body())


def test_unknown_events_and_unreadable_timestamps_still_get_keys():
    first = key_of(body(eventType="something_new", timestamp="later"))
    assert first == key_of(body(eventType="something_new", timestamp="later"))
    assert first != key_of(body(eventType="something_new", timestamp="sooner"))
    assert first != key_of(body(eventType="something_newer", timestamp="later"))


def test_return_events_differing_only_in_their_return_id_get_different_keys():
    # Flipkart's return events carry returnId at the top level, beside attributes.
    def picked_up(return_id: str) -> dict[str, object]:
        return {
            "returnId": return_id,
            "eventType": "return_picked_up",
            "source": "flipkart",
            "locationId": "LOC1",
            "timestamp": "2017-04-23T12:00:00+05:30",
            "attributes": {"status": "RETURN_PICKED_UP", "returnItems": [{"orderItemId": "OI-1"}]},
        }

    assert key_of(picked_up("R-1")) != key_of(picked_up("R-2"))
    assert key_of(picked_up("R-1")) == key_of(picked_up("R-1"))
