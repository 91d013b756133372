"""Which moves a return may make, and what they change.

Customer returns (the buyer sends an item back) on self-ship:

    created --approve--> approved --pickup--> picked_up --complete--> completed
       |  \\--reject--> rejected      |  \\--pickupAttempt (new date, stays approved)
       \\------cancel------\\-------> cancelled

Courier returns (the courier could not deliver) come back on their own:
``created --complete--> completed`` or ``--cancel--> cancelled``; approving, rejecting or
picking one up is refused. The sandbox's ``return_events`` closes a return (completed or
cancelled) from any open state, as the marketplace does.

A completed return leaves its order item RETURNED; a rejected or cancelled one puts the
item back where it was. Every refusal names the rule; Flipkart reports them all under
``UNPROCESSABLE_ENTITY``, its documented code for a request it cannot apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ._dates import IST, parse_datetime
from ._state import ReturnRecord, Store
from ._transitions import TransitionError

__all__ = [
    "OPEN_RETURN_STATES",
    "approve",
    "attempt_pickup",
    "cancel",
    "close",
    "complete",
    "pick_up",
    "reject",
]

OPEN_RETURN_STATES = ("created", "approved", "picked_up")
_REFUSED = "UNPROCESSABLE_ENTITY"


def _day(moment: datetime) -> date:
    return moment.astimezone(IST).date()


def _date(entry: Mapping[str, Any], key: str) -> datetime:
    try:
        return parse_datetime(str(entry[key]))
    except (KeyError, ValueError):
        raise TransitionError(_REFUSED, f"{key} is not an ISO 8601 date") from None


def _require(record: ReturnRecord, allowed: tuple[str, ...], move: str) -> None:
    if record.status not in allowed:
        raise TransitionError(
            _REFUSED, f"Cannot {move} return {record.return_id} in status {record.status}"
        )


def _customer(record: ReturnRecord, move: str) -> None:
    if record.source != "customer_return":
        raise TransitionError(
            _REFUSED, f"Cannot {move} return {record.return_id}: it is a {record.source}"
        )


def _set(record: ReturnRecord, status: str, now: datetime) -> None:
    record.status = status
    record.updated = now


def _restore_item(record: ReturnRecord) -> None:
    shipment = record.shipment
    record.item.status = record.item_status_before
    shipment.updated_at = record.updated


def approve(store: Store, record: ReturnRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """created -> approved; a named service must be this item's technician visit."""
    _customer(record, "approve")
    _require(record, ("created",), "approve")
    service_id = entry.get("serviceFulfilmentId")
    if service_id is not None:
        service = store.services.get(service_id)
        if service is None or service.item is not record.item:
            raise TransitionError(
                _REFUSED, f"Service {service_id} is not a visit for return {record.return_id}"
            )
    record.comments = entry.get("comments") or record.comments
    record.approved_on = now
    _set(record, "approved", now)


def reject(store: Store, record: ReturnRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """created -> rejected; the item goes back to DELIVERED."""
    _customer(record, "reject")
    _require(record, ("created",), "reject")
    record.comments = entry.get("comments") or record.comments
    _set(record, "rejected", now)
    with store.watch(record.shipment):
        _restore_item(record)


def pick_up(store: Store, record: ReturnRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """approved -> picked_up on ``pickupDate`` (not after today)."""
    _customer(record, "pick up")
    _require(record, ("approved",), "pick up")
    picked = _date(entry, "pickupDate")
    if _day(picked) > _day(now):
        raise TransitionError(_REFUSED, "pickupDate is after today")
    record.picked_up_at = picked
    _set(record, "picked_up", now)


def attempt_pickup(
    store: Store, record: ReturnRecord, entry: Mapping[str, Any], now: datetime
) -> None:
    """A failed pick-up of an approved return: it stays approved, expected on the new date."""
    _customer(record, "record a pickup attempt for")
    _require(record, ("approved",), "record a pickup attempt for")
    attempted = _date(entry, "pickupDate")
    next_date = _date(entry, "newPickupDate")
    if _day(attempted) > _day(now):
        raise TransitionError(_REFUSED, "pickupDate is after today")
    if next_date <= attempted:
        raise TransitionError(_REFUSED, "newPickupDate must be after pickupDate")
    if entry.get("reason"):
        record.comments = entry["reason"]
    record.expected_date = next_date
    record.updated = now


def complete(store: Store, record: ReturnRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """The item is back at the seller: picked_up (customer) or created (courier) -> completed."""
    allowed = ("picked_up",) if record.source == "customer_return" else ("created",)
    _require(record, allowed, "complete")
    _close(store, record, "completed", now)


def cancel(store: Store, record: ReturnRecord, entry: Mapping[str, Any], now: datetime) -> None:
    """created or approved -> cancelled; the item goes back where it was."""
    _require(record, ("created", "approved"), "cancel")
    _close(store, record, "cancelled", now)


def close(store: Store, record: ReturnRecord, status: str, now: datetime) -> None:
    """The marketplace closes an open return (the sandbox's ``return_events``)."""
    _require(record, OPEN_RETURN_STATES, f"mark {status}")
    _close(store, record, status, now)


def _close(store: Store, record: ReturnRecord, status: str, now: datetime) -> None:
    _set(record, status, now)
    with store.watch(record.shipment):
        if status == "completed":
            record.completed_at = now
            record.item.status = "RETURNED"
            record.shipment.updated_at = now
        else:
            _restore_item(record)


def open_return(store: Store, order_item_id: str, source: str) -> ReturnRecord:
    """Open a return for a dispatched order item, as the sandbox's ``create_returns`` does.

    Flipkart: "creates return for order in post dispatch state". A customer return needs
    the item DELIVERED; a courier return (not delivered) needs it SHIPPED or
    PICKUP_COMPLETE. An item with an open return is RETURN_REQUESTED, so it cannot get a
    second one.
    """
    found = store.carrier_of(order_item_id)
    if found is None:
        raise TransitionError("ORDER_ITEM_NOT_FOUND", f"Order item {order_item_id} not found")
    shipment, item = found
    allowed = ("DELIVERED",) if source == "customer_return" else ("SHIPPED", "PICKUP_COMPLETE")
    if item.status not in allowed:
        raise TransitionError(
            _REFUSED,
            f"A {source} needs the order item {' or '.join(allowed)}, not {item.status}",
        )
    return store.create_return(shipment, item, source)
