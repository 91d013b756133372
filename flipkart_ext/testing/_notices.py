"""The notification bodies Flipkart pushes to a seller's webhook, built from emulator records.

Shapes and event names follow Flipkart's Order Management Notification reference (the
"EventStructure" of each event page):

- every shipment event carries ``shipmentId``, ``eventType``, ``source: "flipkart"``,
  ``version: "v3"``, ``timestamp`` and ``attributes``; ``shipment_created`` and
  ``shipment_cancelled`` add ``locationId``;
- ``shipment_created``: the dispatch window, hold, packaging policy, order items, forms and
  sub-shipments;
- ``shipment_packed``, ``..._ready_to_dispatch``, ``..._pickup_complete``, ``..._shipped``,
  ``..._delivered``, ``shipment_unhold``: ``{"status": <the new state>}``;
- ``shipment_hold``: ``orderItems`` with ``holdQuantity``;
- ``shipment_cancelled``: ``status: CANCELLED`` and the cancelled ``orderItems`` with
  quantity, reason (who cancelled) and sub-reason;
- ``shipment_dispatch_dates_changed``: the new ``dispatchAfterDate`` / ``dispatchByDate``;
- ``shipment_form_failed``: ``status: FORM_FAILED`` and the ``forms`` (the reference gives
  no structure for this one; these are the fields of the shipment's ``forms``);
- return events carry ``returnId``, ``eventType``, ``source``, ``timestamp``, ``locationId``
  and ``attributes: {status, returnItems: [...]}`` as ``return_created`` documents; the
  reference lists ``return_created``, ``return_item_tracking_id_update``,
  ``return_expected_date_changed``, ``return_picked_up``, ``return_completed`` and
  ``return_cancelled``. A return being approved or rejected has no documented event, so
  the emulator sends none for those moves.

Timestamps are written with milliseconds; ``Store.event_time`` keeps them strictly
increasing so that no two events share an idempotency key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .._spec import CANCELLATION_TYPES, EVENTS
from ._dates import format_datetime

if TYPE_CHECKING:
    from ._state import OrderItemRecord, ReturnRecord, ShipmentRecord

__all__ = [
    "ReturnSnapshot",
    "ShipmentSnapshot",
    "return_changes",
    "return_created",
    "shipment_changes",
    "shipment_created",
]

Clock = Callable[[], datetime]

# A shipment entering one of these states is announced with its own event.
_STATE_EVENTS = {
    "PACKED": EVENTS.shipment_packed,
    "READY_TO_DISPATCH": EVENTS.shipment_ready_to_dispatch,
    "PICKUP_COMPLETE": EVENTS.shipment_pickup_complete,
    "SHIPPED": EVENTS.shipment_shipped,
    "DELIVERED": EVENTS.shipment_delivered,
    "FORM_FAILED": EVENTS.shipment_form_failed,
}
_CANCELLED_BY = dict(
    zip(
        CANCELLATION_TYPES,
        ("seller_cancellation", "buyer_cancellation", "marketplace_cancellation"),
        strict=True,
    )
)
_RETURN_EVENTS = {
    "picked_up": EVENTS.return_picked_up,
    "completed": EVENTS.return_completed,
    "cancelled": EVENTS.return_cancelled,
}


def _iso(value: datetime | None) -> str | None:
    return format_datetime(value) if value is not None else None


def _shipment_event(
    event_type: str,
    shipment: ShipmentRecord,
    at: datetime,
    attributes: dict[str, Any],
    *,
    with_location: bool = False,
) -> dict[str, Any]:
    body: dict[str, Any] = {"shipmentId": shipment.shipment_id, "eventType": event_type}
    if with_location:
        body["locationId"] = shipment.location_id
    body.update(
        {"source": "flipkart", "version": "v3", "timestamp": format_datetime(at)},
    )
    body["attributes"] = attributes
    return body


def _forms(shipment: ShipmentRecord) -> list[dict[str, Any]]:
    return [
        {"name": f.name, "link": f.link, "automated": f.automated, "status": f.status}
        for f in shipment.forms
    ]


def shipment_created(shipment: ShipmentRecord, at: datetime) -> dict[str, Any]:
    """``shipment_created``: everything a seller needs to start fulfilling."""
    dimensions = {**shipment.dimensions, "weight": shipment.weight}
    attributes = {
        "dispatchByDate": format_datetime(shipment.dispatch_by),
        "dispatchAfterDate": format_datetime(shipment.dispatch_after),
        "updatedAt": format_datetime(shipment.updated_at),
        "hold": shipment.hold,
        "mps": False,
        "packagingPolicy": "DEFAULT",
        "orderItems": [
            {**item.wire(shipment.package_id), "isReplacement": False} for item in shipment.items
        ],
        "forms": [
            {"name": f.name, "link": f.link, "automated": f.automated} for f in shipment.forms
        ],
        "subShipments": [
            {
                "subShipmentId": shipment.sub_shipment_id,
                "packages": [
                    {
                        "packageId": shipment.package_id,
                        "packageTitle": "package-1",
                        "packageSku": shipment.items[0].listing.sku,
                        "dimensions": dimensions,
                    }
                ],
            }
        ],
    }
    return _shipment_event(EVENTS.shipment_created, shipment, at, attributes, with_location=True)


@dataclass(frozen=True)
class ShipmentSnapshot:
    """What announcing a shipment's changes compares against."""

    state: str
    hold: bool
    dispatch_after: datetime
    dispatch_by: datetime
    statuses: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, shipment: ShipmentRecord) -> ShipmentSnapshot:
        """The shipment as it is now."""
        return cls(
            state=shipment.state,
            hold=shipment.hold,
            dispatch_after=shipment.dispatch_after,
            dispatch_by=shipment.dispatch_by,
            statuses=tuple((i.order_item_id, i.status) for i in shipment.items),
        )


def _cancelled(
    shipment: ShipmentRecord, items: list[OrderItemRecord], at: datetime
) -> dict[str, Any]:
    attributes = {
        "status": "CANCELLED",
        "orderItems": [
            {
                "orderItemId": item.order_item_id,
                "quantity": item.quantity,
                "reason": _CANCELLED_BY.get(item.cancellation_type or "", "seller_cancellation"),
                "subReason": item.cancellation_reason,
            }
            for item in items
        ],
    }
    return _shipment_event(EVENTS.shipment_cancelled, shipment, at, attributes, with_location=True)


def shipment_changes(
    before: ShipmentSnapshot, shipment: ShipmentRecord, clock: Clock
) -> list[dict[str, Any]]:
    """The events for the differences between ``before`` and ``shipment`` now, in order."""
    bodies = []
    previous = dict(before.statuses)
    newly_cancelled = [
        item
        for item in shipment.items
        if item.status == "CANCELLED" and previous.get(item.order_item_id) != "CANCELLED"
    ]
    if newly_cancelled:
        bodies.append(_cancelled(shipment, newly_cancelled, clock()))
    state = shipment.state
    if state != before.state and state in _STATE_EVENTS:
        attributes: dict[str, Any] = {"status": state}
        if state == "FORM_FAILED":
            attributes["forms"] = _forms(shipment)
        bodies.append(_shipment_event(_STATE_EVENTS[state], shipment, clock(), attributes))
    if shipment.hold and not before.hold:
        held = [
            {"orderItemId": item.order_item_id, "holdQuantity": item.quantity}
            for item in shipment.active_items
        ]
        bodies.append(
            _shipment_event(EVENTS.shipment_hold, shipment, clock(), {"orderItems": held})
        )
    if before.hold and not shipment.hold:
        bodies.append(_shipment_event(EVENTS.shipment_unhold, shipment, clock(), {"status": state}))
    if (before.dispatch_after, before.dispatch_by) != (
        shipment.dispatch_after,
        shipment.dispatch_by,
    ):
        dates = {
            "dispatchAfterDate": format_datetime(shipment.dispatch_after),
            "dispatchByDate": format_datetime(shipment.dispatch_by),
        }
        bodies.append(
            _shipment_event(EVENTS.shipment_dispatch_dates_changed, shipment, clock(), dates)
        )
    return bodies


# -- returns ----------------------------------------------------------------------------------


def _return_item(record: ReturnRecord) -> dict[str, Any]:
    item = record.item
    return {
        "returnId": record.return_id,
        "orderItemId": item.order_item_id,
        "source": record.source,
        "action": None,
        "quantity": item.quantity,
        "orderDate": format_datetime(item.order_date),
        "createdDate": format_datetime(record.created),
        "updatedDate": format_datetime(record.updated),
        "courierName": record.courier_name,
        "reason": record.reason,
        "subReason": record.sub_reason,
        "trackingId": record.tracking_id,
        "shipmentId": record.shipment.shipment_id,
        "comments": record.comments,
        "completionDate": _iso(record.completed_at),
        "replacementOrderItemId": None,
        "productId": item.listing.product_id,
        "listingId": item.listing.listing_id,
        "expectedDate": _iso(record.expected_date),
    }


def _return_event(event_type: str, record: ReturnRecord, at: datetime) -> dict[str, Any]:
    return {
        "returnId": record.return_id,
        "eventType": event_type,
        "source": "flipkart",
        "timestamp": format_datetime(at),
        "locationId": record.location_id,
        "attributes": {
            "status": event_type.upper(),
            "returnItems": [_return_item(record)],
        },
    }


def return_created(record: ReturnRecord, at: datetime) -> dict[str, Any]:
    """``return_created`` for a new return."""
    return _return_event(EVENTS.return_created, record, at)


@dataclass(frozen=True)
class ReturnSnapshot:
    """What announcing a return's changes compares against."""

    status: str
    expected_date: datetime | None
    tracking_id: str

    @classmethod
    def of(cls, record: ReturnRecord) -> ReturnSnapshot:
        """The return as it is now."""
        return cls(record.status, record.expected_date, record.tracking_id)


def return_changes(
    before: ReturnSnapshot, record: ReturnRecord, clock: Clock
) -> list[dict[str, Any]]:
    """The documented events for what changed in ``record`` since ``before``."""
    bodies = []
    if record.status != before.status and record.status in _RETURN_EVENTS:
        bodies.append(_return_event(_RETURN_EVENTS[record.status], record, clock()))
    if record.tracking_id != before.tracking_id:
        bodies.append(_return_event(EVENTS.return_item_tracking_id_update, record, clock()))
    if record.expected_date != before.expected_date and record.status not in _RETURN_EVENTS:
        bodies.append(_return_event(EVENTS.return_expected_date_changed, record, clock()))
    return bodies
