"""The sandbox's helper endpoints: create test orders and move them along.

Flipkart's sandbox lets a seller create orders and then play the marketplace's part:
hold and release a shipment, hand it to the courier, deliver it, move its dispatch slot,
open a return or a service and close a return. Each mover names one order item and moves
the whole shipment that carries it, since its items travel together.

Two request bodies in the spec cannot say what Flipkart's descriptions promise, so the
emulator reads them as follows:

- ``update_dispatch_slot`` ("changes dispatch_by_date and dispatch_after_date for a
  specified order item") takes the test-order body (``locationId``, ``orderItems`` of
  ``listingId``), which carries neither an order item nor dates: every pre-dispatch
  shipment of those listings (at that location, when given) moves one day later;
- ``return_events`` ("marks return completed or cancelled") reads ``eventType`` as
  ``return_completed`` / ``completed`` or ``return_cancelled`` / ``cancelled``, any case.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta

from .._spec import EVENTS
from . import _return_moves
from ._services import ServiceRefused, open_service
from ._state import (
    PRE_DISPATCH_STATES,
    RETURN_SOURCES,
    SHIPMENT_TYPES,
    OrderItemRecord,
    ShipmentRecord,
    Store,
)
from ._transitions import TransitionError
from ._wire import Call, FieldError, Response, error_response, invalid_field, json_response

_RETURN_EVENTS = {
    EVENTS.return_completed: "completed",
    "completed": "completed",
    EVENTS.return_cancelled: "cancelled",
    "cancelled": "cancelled",
}


def return_source(value: object) -> str | None:
    """``courier_return`` / ``customer_return`` from the spellings a caller may use."""
    text = str(value or "").strip().lower().replace("-", "_").replace(" ", "_")
    if text in ("courier", "rto"):
        text = "courier_return"
    if text == "customer":
        text = "customer_return"
    return text if text in RETURN_SOURCES else None


def _done() -> Response:
    return json_response({"response": "SUCCESS"})


def _for_order_item(
    handler: Callable[[SandboxApi, Call, str], Response],
) -> Callable[[SandboxApi, Call], Response]:
    """The handler, called with the body's ``orderItemId`` once that item is known to exist
    (otherwise the 400 or 404 is the answer)."""

    @functools.wraps(handler)
    def checked(api: SandboxApi, call: Call) -> Response:
        carried = api._carried(call)
        if isinstance(carried, Response):
            return carried
        return handler(api, call, carried[1].order_item_id)

    return checked


__all__ = ["SandboxApi"]


class SandboxApi:
    """Route handlers for ``/orders/sandbox/...`` over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def create_test_orders(self, call: Call) -> Response:
        """``POST /orders/sandbox/test_orders``: one approved order in one new shipment."""
        body = call.body
        store = self._store
        lines = []
        errors = []
        for index, line in enumerate(body.get("orderItems") or []):
            listing = store.listing_by_id(line.get("listingId", ""))
            if listing is None:
                errors.append(FieldError(f"orderItems[{index}].listingId", "unknown listing"))
                continue
            quantity = line.get("quantity", 1)
            if quantity < 1:
                errors.append(FieldError(f"orderItems[{index}].quantity", "must be at least 1"))
            lines.append((listing, quantity))
        if not lines and not errors:
            errors.append(FieldError("orderItems", "at least one order item is required"))
        location_id = body.get("locationId")
        if location_id is not None and location_id not in store.locations:
            errors.append(FieldError("locationId", "unknown location"))
        shipment_type = body.get("shipmentType", "NORMAL")
        if shipment_type not in SHIPMENT_TYPES:
            errors.append(FieldError("shipmentType", f"must be one of {', '.join(SHIPMENT_TYPES)}"))
        if errors:
            return error_response(400, "invalid_request", "Invalid test order", details=errors)
        shipment = store.create_order(lines, location_id=location_id, shipment_type=shipment_type)
        return json_response(
            {
                "orderId": shipment.items[0].order_id,
                "orderItems": [
                    {
                        "listingId": item.listing.listing_id,
                        "orderItemId": item.order_item_id,
                        "quantity": item.quantity,
                    }
                    for item in shipment.items
                ],
            }
        )

    def _move(self, call: Call, action: Callable[[ShipmentRecord, datetime], None]) -> Response:
        carried = self._carried(call)
        if isinstance(carried, Response):
            return carried
        carrier, _ = carried
        try:
            with self._store.watch(carrier):
                action(carrier, self._store.now())
        except TransitionError as exc:
            return invalid_field("orderItemId", exc.message, exc.code)
        return json_response({"response": "SUCCESS"})

    def moving(
        self, action: Callable[[ShipmentRecord, datetime], None]
    ) -> Callable[[Call], Response]:
        """The handler of a sandbox helper that moves the shipment carrying the body's
        ``orderItemId`` (on hold, shipped, delivered...) with ``action``."""
        return lambda call: self._move(call, action)

    def _carried(self, call: Call) -> tuple[ShipmentRecord, OrderItemRecord] | Response:
        """The shipment carrying the body's ``orderItemId``, and the item; else the 400 or 404."""
        item_id = call.body.get("orderItemId")
        if not item_id:
            return invalid_field("orderItemId", "orderItemId is required", "required")
        carried = self._store.carrier_of(item_id)
        if carried is None:
            return error_response(404, "not_found", f"Order item {item_id} not found")
        return carried

    @_for_order_item
    def create_return(self, call: Call, item_id: str) -> Response:
        """``POST /returns/sandbox/create_returns``: open a courier or customer return."""
        source = return_source(call.body.get("returnType"))
        if source is None:
            return invalid_field(
                "returnType",
                "returnType must be courier_return or customer_return",
                "courier_return or customer_return",
            )
        try:
            _return_moves.open_return(self._store, item_id, source)
        except TransitionError as exc:
            return invalid_field("orderItemId", exc.message, exc.code)
        return _done()

    @_for_order_item
    def process_return_events(self, call: Call, item_id: str) -> Response:
        """``POST /returns/sandbox/return_events``: the marketplace closes the item's return."""
        event = str(call.body.get("eventType") or "").strip().lower()
        status = _RETURN_EVENTS.get(event)
        if status is None:
            return invalid_field(
                "eventType",
                "eventType must be return_completed or return_cancelled",
                "return_completed or return_cancelled",
            )
        record = next(
            (
                r
                for r in reversed(list(self._store.returns.values()))
                if r.item.order_item_id == item_id and r.status in _return_moves.OPEN_RETURN_STATES
            ),
            None,
        )
        if record is None:
            return error_response(404, "not_found", f"No open return for order item {item_id}")
        with self._store.watch_return(record):
            _return_moves.close(self._store, record, status, self._store.stamp())
        return _done()

    @_for_order_item
    def create_service(self, call: Call, item_id: str) -> Response:
        """``POST /v2/shipments/sandbox/create_service/``: FORWARD or REVERSE service."""
        service_type = str(call.body.get("serviceType") or "").strip().upper()
        try:
            open_service(self._store, item_id, service_type)
        except ServiceRefused as exc:
            return invalid_field("serviceType", exc.reason, exc.reason)
        return _done()

    def change_dispatch_slots(self, call: Call) -> Response:
        """``POST /orders/sandbox/update_dispatch_slot``: matching shipments move a day later."""
        body = call.body
        listing_ids = {line.get("listingId") for line in body.get("orderItems") or []}
        listing_ids.discard(None)
        if not listing_ids:
            return invalid_field(
                "orderItems",
                "orderItems must name at least one listingId",
                "at least one listingId",
            )
        location_id = body.get("locationId")
        moved: list[ShipmentRecord] = [
            s
            for s in self._store.shipments.values()
            if s.state in PRE_DISPATCH_STATES
            and (location_id is None or s.location_id == location_id)
            and any(i.listing.listing_id in listing_ids for i in s.active_items)
        ]
        if not moved:
            return error_response(
                404, "not_found", "No pre-dispatch shipment of those listings to move"
            )
        now = self._store.now()
        for shipment in moved:
            with self._store.watch(shipment):
                shipment.dispatch_after += timedelta(days=1)
                shipment.dispatch_by += timedelta(days=1)
                shipment.updated_at = now
        return _done()
