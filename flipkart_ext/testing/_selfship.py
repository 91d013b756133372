"""Self-ship: the seller's own courier dispatches and delivers (v2 and v3 endpoints).

Self-ship shipments (``shipmentType`` SELF) skip Flipkart's logistics: the seller marks
them dispatched with the invoice, then delivered, or records a failed delivery attempt
with the next date, and may update the tracking details on the way. The v2 and v3
endpoints differ only in how the invoice is written; both answer per shipment with
``processingStatus`` and take at most 100 shipments per request (Flipkart's documented
limit for ``selfShip/dispatch``, ``selfShip/delivery`` and ``selfShip/deliveryAttempt``).

Rules, each refused for that shipment only:

- dispatch: a SELF shipment in APPROVED, PACKED or READY_TO_DISPATCH, not on hold ->
  SHIPPED. ``dispatchDate`` may not be after today and ``tentativeDeliveryDate`` not
  before today (Flipkart's documented checks, by IST calendar day); invoice items must
  belong to the shipment;
- delivery: SHIPPED -> DELIVERED; ``deliveryDate`` neither after today nor before the
  dispatch day;
- delivery attempt: a SHIPPED shipment stays SHIPPED; the attempt is recorded and the
  ``newDeliveryDate`` (after the attempt) becomes the expected delivery;
- tracking update (``POST /v3/shipments/{shipmentId}/update``): a dispatched or
  ready-to-dispatch self-ship shipment gets a courier, tracking id and expected delivery.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from ._batch import each_shipment, too_many
from ._dates import IST, parse_datetime
from ._state import ShipmentRecord, Store
from ._transitions import TransitionError
from ._wire import Call, FieldError, Response, error_response, json_response

__all__ = ["MAX_SELF_SHIP_SHIPMENTS", "SelfShipApi"]

MAX_SELF_SHIP_SHIPMENTS = 100
_DISPATCHABLE = ("APPROVED", "PACKED", "READY_TO_DISPATCH")

Move = Callable[[ShipmentRecord, Mapping[str, Any], datetime], None]


def _date(entry: Mapping[str, Any], key: str) -> datetime:
    try:
        return parse_datetime(str(entry[key]))
    except (KeyError, ValueError):
        raise TransitionError("INVALID_REQUEST", f"{key} is not an ISO 8601 date") from None


def _day(moment: datetime) -> date:
    # Flipkart's date checks ("not after today") are by calendar day in IST.
    return moment.astimezone(IST).date()


def _self_ship(shipment: ShipmentRecord, entry: Mapping[str, Any]) -> None:
    if shipment.shipment_type != "SELF":
        raise TransitionError(
            "NOT_SELF_SHIP_SHIPMENT", f"Shipment {shipment.shipment_id} is not self-ship"
        )
    location = entry.get("locationId")
    if location is not None and location != shipment.location_id:
        raise TransitionError(
            "INVALID_LOCATION_ID", f"Shipment does not belong to location {location}"
        )


def _state(shipment: ShipmentRecord, allowed: tuple[str, ...], move: str) -> None:
    if shipment.state not in allowed:
        raise TransitionError(
            "INVALID_SHIPMENT_STATE", f"Cannot {move} a shipment in state {shipment.state}"
        )


def dispatch(shipment: ShipmentRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """SELF shipment -> SHIPPED, with the invoice (v3 ``invoice`` or v2 ``orderItems``)."""
    _self_ship(shipment, entry)
    if shipment.hold:
        raise TransitionError("SHIPMENT_ON_HOLD", "Shipment is on hold")
    _state(shipment, _DISPATCHABLE, "dispatch")
    dispatched = _date(entry, "dispatchDate")
    tentative = _date(entry, "tentativeDeliveryDate")
    if _day(dispatched) > _day(now):
        raise TransitionError("INVALID_DISPATCH_DATE", "dispatchDate is after today")
    if _day(tentative) < _day(now):
        raise TransitionError("INVALID_DELIVERY_DATE", "tentativeDeliveryDate is before today")
    invoice = entry.get("invoice") or {}
    lines = invoice.get("items") or entry.get("orderItems") or []
    own = {item.order_item_id for item in shipment.items}
    foreign = [line.get("orderItemId") for line in lines if line.get("orderItemId") not in own]
    if foreign:
        raise TransitionError(
            "INVALID_ORDER_ITEM_ID", f"Order items not in shipment: {', '.join(map(str, foreign))}"
        )
    number = invoice.get("invoiceNumber") or next(
        (line.get("invoiceNumber") for line in lines if line.get("invoiceNumber")), None
    )
    for item in shipment.active_items:
        shipment.invoice_numbers[item.order_id] = number or f"INV-{item.order_id}"
        item.status = "SHIPPED"
    shipment.dispatched_at = dispatched
    shipment.tentative_delivery = tentative
    for key, wire in (("delivery_partner", "deliveryPartner"), ("tracking_id", "trackingId")):
        if entry.get(wire):
            shipment.tracking[key] = entry[wire]
    shipment.updated_at = now


def deliver(shipment: ShipmentRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """SHIPPED -> DELIVERED on ``deliveryDate``."""
    _self_ship(shipment, entry)
    _state(shipment, ("SHIPPED",), "deliver")
    delivered = _date(entry, "deliveryDate")
    if _day(delivered) > _day(now):
        raise TransitionError("INVALID_DELIVERY_DATE", "deliveryDate is after today")
    if shipment.dispatched_at is not None and _day(delivered) < _day(shipment.dispatched_at):
        raise TransitionError("INVALID_DELIVERY_DATE", "deliveryDate is before the dispatch")
    for item in shipment.active_items:
        item.status = "DELIVERED"
    shipment.delivered_at = delivered
    shipment.updated_at = now


def attempt_delivery(shipment: ShipmentRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """A failed delivery of a SHIPPED shipment: record it and the next date."""
    _self_ship(shipment, entry)
    _state(shipment, ("SHIPPED",), "record a delivery attempt for")
    attempted = _date(entry, "deliveryDate")
    failure = entry.get("failureAttributes") or {}
    if "newDeliveryDate" not in failure:
        raise TransitionError("INVALID_REQUEST", "failureAttributes.newDeliveryDate is required")
    next_date = _date(failure, "newDeliveryDate")
    if _day(attempted) > _day(now):
        raise TransitionError("INVALID_DELIVERY_DATE", "deliveryDate is after today")
    if next_date <= attempted:
        raise TransitionError("INVALID_DELIVERY_DATE", "newDeliveryDate must be after the attempt")
    shipment.delivery_attempts.append(
        {
            "attemptedAt": attempted,
            "newDeliveryDate": next_date,
            "reason": failure.get("reason"),
            "subReason": failure.get("subReason"),
        }
    )
    shipment.tentative_delivery = next_date
    shipment.updated_at = now


class SelfShipApi:
    """Route handlers for the self-ship endpoints over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _each(self, call: Call, move: Move) -> Response:
        entries = call.body.get("shipments")
        refused = too_many(entries, MAX_SELF_SHIP_SHIPMENTS, "shipments")
        if refused is not None:
            return refused
        now = self._store.now()
        results = each_shipment(
            self._store,
            entries,
            lambda shipment, entry: move(shipment, entry, now),
            "processingStatus",
        )
        return json_response({"shipments": results})

    def moving(self, move: Move) -> Callable[[Call], Response]:
        """The handler of a self-ship call (dispatch, delivery, delivery attempt; v2 and
        v3 alike): ``move`` applied to each shipment the body lists."""
        return lambda call: self._each(call, move)

    def update_tracking(self, call: Call) -> Response:
        """``POST /v3/shipments/{shipmentId}/update``: courier, tracking id, expected delivery.

        The spec declares no answer body, so success is an empty 200.
        """
        shipment_id = call.params["shipmentId"]
        shipment = self._store.shipments.get(shipment_id)
        if shipment is None:
            return error_response(404, "not_found", f"Shipment {shipment_id} not found")
        body = call.body or {}
        problems = []
        if body.get("shipment_id") not in (None, shipment_id):
            problems.append(FieldError("shipment_id", "does not match the shipment in the path"))
        if body.get("seller_id") not in (None, self._store.seller_id):
            problems.append(FieldError("seller_id", "is not this seller"))
        if shipment.shipment_type != "SELF":
            problems.append(FieldError("shipmentId", "tracking is updated for self-ship only"))
        elif shipment.state not in ("READY_TO_DISPATCH", "SHIPPED"):
            problems.append(
                FieldError("shipmentId", f"cannot update tracking in state {shipment.state}")
            )
        tentative = None
        if body.get("tentative_delivery_date") is not None:
            try:
                tentative = parse_datetime(body["tentative_delivery_date"])
            except ValueError:
                problems.append(FieldError("tentative_delivery_date", "not an ISO 8601 date"))
        if problems:
            return error_response(400, "invalid_request", "Tracking not updated", details=problems)
        for key in ("delivery_partner", "tracking_id"):
            if body.get(key):
                shipment.tracking[key] = body[key]
        if tentative is not None:
            shipment.tentative_delivery = tentative
        shipment.updated_at = self._store.now()
        return Response(status=200, content_type=None)
