"""Which state changes a seller may make, and their effects on a shipment.

Legal moves (everything else is refused for that shipment only, with an error code):

- pack (``POST /v3/shipments/labels``): APPROVED or FORM_FAILED -> PACKED; a PACKED
  shipment may be packed again (new dimensions or invoice); a held shipment may not.
  Packing files the shipment's forms (an e-way bill above INR 50,000); when that filing
  fails (a shipment created with ``form_failure``) the shipment goes to FORM_FAILED
  instead, until the seller files by hand and sends the acknowledgement number;
- acknowledge forms (``POST /v3/shipments/forms/updateAck``): records the numbers; once
  every form is filed a FORM_FAILED shipment becomes PACKED;
- mark ready to dispatch (``POST /v3/shipments/dispatch``): PACKED -> READY_TO_DISPATCH;
- cancel (``POST /v3/shipments/cancel``): any preDispatch state -> CANCELLED, for the
  whole shipment or the given cancellation groups. Flipkart documents three reasons
  (``cannot_procure_item``, ``not_enough_inventory``, ``b2b_order``); the emulator refuses
  only a blank one, since existing callers send others (and none at all).

The marketplace's own moves, which the sandbox's helper endpoints make on request:

- hold / release: a preDispatch shipment gets or loses its hold;
- pickup complete: READY_TO_DISPATCH -> PICKUP_COMPLETE;
- shipped: READY_TO_DISPATCH or PICKUP_COMPLETE -> SHIPPED;
- delivered: SHIPPED -> DELIVERED;
- buyer or marketplace cancellation: a preDispatch shipment -> CANCELLED;
- dispatch slot change: a preDispatch shipment's dispatch window moves.

Labels and invoices exist once a shipment is PACKED, and stay available afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._state import POST_DISPATCH_STATES, PRE_DISPATCH_STATES, ShipmentRecord

__all__ = [
    "CANCELLATION_REASONS",
    "LABELLED_STATES",
    "TransitionError",
    "acknowledge_forms",
    "cancel",
    "cancel_by_marketplace",
    "deliver",
    "hold",
    "mark_pickup_complete",
    "mark_ready_to_dispatch",
    "mark_shipped",
    "pack",
    "release_hold",
]

LABELLED_STATES = ("PACKED", "READY_TO_DISPATCH", *POST_DISPATCH_STATES)
_PACKABLE = ("APPROVED", "FORM_FAILED", "PACKED")
CANCELLATION_REASONS = ("cannot_procure_item", "not_enough_inventory", "b2b_order")


class TransitionError(Exception):
    """A refused move, reported per shipment as ``errorCode`` / ``errorMessage``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _check_location(shipment: ShipmentRecord, location_id: str | None) -> None:
    if location_id is not None and location_id != shipment.location_id:
        raise TransitionError(
            "INVALID_LOCATION_ID", f"Shipment does not belong to location {location_id}"
        )


def _set_status(shipment: ShipmentRecord, status: str, now: datetime) -> None:
    for item in shipment.active_items:
        item.status = status
    shipment.updated_at = now


def pack(shipment: ShipmentRecord, request: Mapping[str, Any], now: datetime) -> None:
    """Generate labels: record invoices and package sizes, then mark the shipment PACKED."""
    _check_location(shipment, request.get("locationId"))
    if shipment.hold:
        raise TransitionError("SHIPMENT_ON_HOLD", "Shipment is on hold")
    if shipment.state not in _PACKABLE:
        raise TransitionError(
            "INVALID_SHIPMENT_STATE", f"Cannot pack a shipment in state {shipment.state}"
        )
    order_ids = {item.order_id for item in shipment.items}
    item_ids = {item.order_item_id for item in shipment.items}
    invoices = request.get("invoices") or []
    for invoice in invoices:
        if invoice["orderId"] not in order_ids:
            raise TransitionError(
                "INVALID_ORDER_ID", f"Order {invoice['orderId']} is not in shipment"
            )
    for tax_item in request.get("taxItems") or []:
        if tax_item.get("orderItemId") not in item_ids:
            raise TransitionError("INVALID_ORDER_ITEM_ID", "Tax item names an unknown order item")
    for sub in request.get("subShipments") or []:
        if sub["subShipmentId"] != shipment.sub_shipment_id:
            raise TransitionError("INVALID_SUB_SHIPMENT_ID", "Unknown sub-shipment")
        dimensions = sub["dimensions"]
        for key in ("length", "breadth", "height"):
            if key in dimensions:
                shipment.dimensions[key] = float(dimensions[key])
        if "weight" in dimensions:
            shipment.weight = float(dimensions["weight"])
    for invoice in invoices:
        number = invoice.get("invoiceNumber") or f"INV-{invoice['orderId']}"
        shipment.invoice_numbers[invoice["orderId"]] = number
    pending = [form for form in shipment.forms if form.status != "COMPLETED"]
    if pending and shipment.form_failure:
        for form in pending:
            form.status = "FAILED"
        _set_status(shipment, "FORM_FAILED", now)
        return
    for form in pending:
        form.status = "COMPLETED"
    _set_status(shipment, "PACKED", now)


def acknowledge_forms(
    shipment: ShipmentRecord, forms: list[Mapping[str, Any]], now: datetime
) -> None:
    """Record acknowledgement numbers of forms filed by hand; FORM_FAILED -> PACKED when done."""
    known = {form.name: form for form in shipment.forms}
    unknown = [entry["name"] for entry in forms if entry["name"] not in known]
    if unknown:
        raise TransitionError("INVALID_FORM_NAME", f"Shipment has no form {', '.join(unknown)}")
    if not forms:
        raise TransitionError("INVALID_REQUEST", "forms must name at least one form")
    for entry in forms:
        if not str(entry["ackNumber"]).strip():
            raise TransitionError("INVALID_ACK_NUMBER", f"Empty ackNumber for {entry['name']}")
    for entry in forms:
        form = known[entry["name"]]
        form.ack_number = str(entry["ackNumber"]).strip()
        form.status = "COMPLETED"
    shipment.updated_at = now
    if shipment.state == "FORM_FAILED" and all(f.status == "COMPLETED" for f in shipment.forms):
        _set_status(shipment, "PACKED", now)


def mark_ready_to_dispatch(
    shipment: ShipmentRecord, location_id: str | None, now: datetime
) -> None:
    """PACKED -> READY_TO_DISPATCH."""
    _check_location(shipment, location_id)
    if shipment.state != "PACKED":
        raise TransitionError(
            "INVALID_SHIPMENT_STATE",
            f"Only PACKED shipments can be marked ready to dispatch, not {shipment.state}",
        )
    _set_status(shipment, "READY_TO_DISPATCH", now)


def cancel(shipment: ShipmentRecord, request: Mapping[str, Any], now: datetime) -> None:
    """Seller cancellation of the whole shipment or of some cancellation groups."""
    _check_location(shipment, request.get("locationId"))
    if shipment.state not in PRE_DISPATCH_STATES:
        raise TransitionError(
            "INVALID_SHIPMENT_STATE", f"Cannot cancel a shipment in state {shipment.state}"
        )
    reason = request.get("reason")
    if reason is not None and not str(reason).strip():
        raise TransitionError(
            "EMPTY_OR_INVALID_REASON_FOR_CANCELLATION",
            f"reason must be one of {', '.join(CANCELLATION_REASONS)}",
        )
    groups = set(request.get("cancellationGroupIds") or ())
    known = {item.cancellation_group_id for item in shipment.active_items}
    unknown = groups - known
    if unknown:
        raise TransitionError(
            "INVALID_CANCELLATION_GROUP_ID", f"Unknown cancellation groups: {sorted(unknown)}"
        )
    for item in shipment.active_items:
        if groups and item.cancellation_group_id not in groups:
            continue
        item.status = "CANCELLED"
        item.cancellation_type = "sellerCancellation"
        item.cancellation_date = now
        item.cancellation_reason = request.get("reason") or "seller_cancelled"
    shipment.updated_at = now


def cancel_by_marketplace(shipment: ShipmentRecord, cancellation_type: str, now: datetime) -> None:
    """The buyer or Flipkart cancels a shipment that has not left yet."""
    _require(shipment, PRE_DISPATCH_STATES, "cancel")
    for item in shipment.active_items:
        item.status = "CANCELLED"
        item.cancellation_type = cancellation_type
        item.cancellation_date = now
        item.cancellation_reason = (
            "order_cancelled" if cancellation_type == "buyerCancellation" else "out_of_stock"
        )
    shipment.updated_at = now


def _require(shipment: ShipmentRecord, allowed: tuple[str, ...], move: str) -> None:
    if shipment.state not in allowed:
        raise TransitionError(
            "INVALID_SHIPMENT_STATE", f"Cannot {move} a shipment in state {shipment.state}"
        )


def hold(shipment: ShipmentRecord, now: datetime) -> None:
    """Put a preDispatch shipment on hold."""
    _require(shipment, PRE_DISPATCH_STATES, "hold")
    shipment.hold = True
    shipment.updated_at = now


def release_hold(shipment: ShipmentRecord, now: datetime) -> None:
    """Release a held shipment."""
    if not shipment.hold:
        raise TransitionError("SHIPMENT_NOT_ON_HOLD", "Shipment is not on hold")
    shipment.hold = False
    shipment.updated_at = now


def mark_pickup_complete(shipment: ShipmentRecord, now: datetime) -> None:
    """The courier collected the shipment."""
    _require(shipment, ("READY_TO_DISPATCH",), "mark pickup complete for")
    _set_status(shipment, "PICKUP_COMPLETE", now)


def mark_shipped(shipment: ShipmentRecord, now: datetime) -> None:
    """The shipment left with the courier."""
    _require(shipment, ("READY_TO_DISPATCH", "PICKUP_COMPLETE"), "ship")
    _set_status(shipment, "SHIPPED", now)


def deliver(shipment: ShipmentRecord, now: datetime) -> None:
    """The buyer received the shipment."""
    _require(shipment, ("SHIPPED",), "deliver")
    _set_status(shipment, "DELIVERED", now)
