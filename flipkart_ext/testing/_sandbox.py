"""The sandbox's helper endpoints: create test orders and move them along.

Flipkart's sandbox lets a seller create orders and then play the marketplace's part:
hold and release a shipment, hand it to the courier, deliver it. Each mover names one
order item and moves the whole shipment that carries it, since its items travel together.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ._state import SHIPMENT_TYPES, ShipmentRecord, Store
from ._transitions import (
    TransitionError,
    deliver,
    hold,
    mark_pickup_complete,
    mark_shipped,
    release_hold,
)
from ._wire import Call, FieldError, Response, error_response, json_response

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
        item_id = call.body.get("orderItemId")
        if not item_id:
            return error_response(
                400,
                "invalid_request",
                "orderItemId is required",
                details=[FieldError("orderItemId", "required")],
            )
        carrier = next(
            (s for s, item in self._store.items() if item.order_item_id == item_id), None
        )
        if carrier is None:
            return error_response(404, "not_found", f"Order item {item_id} not found")
        try:
            action(carrier, self._store.now())
        except TransitionError as exc:
            return error_response(
                400, "invalid_request", exc.message, details=[FieldError("orderItemId", exc.code)]
            )
        return json_response({"response": "SUCCESS"})

    def put_on_hold(self, call: Call) -> Response:
        """``PUT /orders/sandbox/on_hold``."""
        return self._move(call, hold)

    def release_hold(self, call: Call) -> Response:
        """``PUT /orders/sandbox/un_hold``."""
        return self._move(call, release_hold)

    def mark_pickup_complete(self, call: Call) -> Response:
        """``POST /orders/sandbox/pick_up_complete``."""
        return self._move(call, mark_pickup_complete)

    def mark_shipped(self, call: Call) -> Response:
        """``POST /orders/sandbox/shipped``."""
        return self._move(call, mark_shipped)

    def mark_delivered(self, call: Call) -> Response:
        """``POST /orders/sandbox/delivered``."""
        return self._move(call, deliver)
