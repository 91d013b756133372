"""One notification body of any documented event, built by the emulator's own builders.

``flipkart emulator trigger EVENT --to URL`` sends it (as ``stripe trigger`` does): a
scratch store (no server, nothing kept) creates the order or return the event is about,
makes the change the event announces under ``Store.watch``, and keeps the body the
emulator would publish. So the body has the shape every emulated event has, and a
receiver under test sees what it will see from the emulator and, as far as the
reference documents it, from Flipkart.

The events are those :mod:`flipkart_ext.notifications` types (every class with an
``EVENT_TYPE``); a test holds :data:`EVENT_TYPES` against that list, so a new event class
without a builder here fails it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from .._boundary import guarded
from .._spec import EVENTS
from ..errors import InvalidArgument
from ..notifications import event_class_for
from ._state import FormRecord, ReturnRecord, ShipmentRecord, Store

__all__ = ["EVENT_TYPES", "sample_event"]

Build = Callable[[Store], object]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _order(store: Store, *, state: str = "APPROVED", hold: bool = False) -> ShipmentRecord:
    return store.create_order([(store.next_listing(), 1)], state=state, hold=hold)


def _move(state: str) -> Build:
    """The shipment's items enter ``state`` (packed, ready to dispatch, shipped...)."""

    def build(store: Store) -> None:
        shipment = _order(store)
        if state == "FORM_FAILED":
            shipment.forms.append(
                FormRecord("EWAY_BILL", "https://ewaybillgst.gov.in", True, status="FAILED")
            )
        with store.watch(shipment):
            for item in shipment.items:
                item.status = state

    return build


def _hold(store: Store) -> None:
    shipment = _order(store)
    with store.watch(shipment):
        shipment.hold = True


def _unhold(store: Store) -> None:
    shipment = _order(store, hold=True)
    with store.watch(shipment):
        shipment.hold = False


def _dates_changed(store: Store) -> None:
    shipment = _order(store)
    with store.watch(shipment):
        shipment.dispatch_by += timedelta(days=1)


def _cancelled(store: Store) -> None:
    shipment = _order(store)
    with store.watch(shipment):
        for item in shipment.items:
            item.status = "CANCELLED"
            item.cancellation_type = "sellerCancellation"
            item.cancellation_date = store.now()
            item.cancellation_reason = "not_enough_inventory"


def _return(store: Store) -> ReturnRecord:
    shipment = _order(store, state="DELIVERED")
    return store.create_return(shipment, shipment.items[0], "customer_return")


def _return_change(change: Callable[[Store, ReturnRecord], None]) -> Build:
    def build(store: Store) -> None:
        record = _return(store)
        with store.watch_return(record):
            change(store, record)

    return build


def _set_status(status: str) -> Callable[[Store, ReturnRecord], None]:
    def change(store: Store, record: ReturnRecord) -> None:
        record.status = status
        record.updated = store.now()
        if status == "completed":
            record.completed_at = store.now()

    return change


def _new_tracking(store: Store, record: ReturnRecord) -> None:
    record.tracking_id = store.new_id("tracking")


def _new_expected_date(store: Store, record: ReturnRecord) -> None:
    record.expected_date = (record.expected_date or store.now()) + timedelta(days=2)


_BUILDERS: Final[dict[str, Build]] = {
    EVENTS.shipment_created: _order,
    EVENTS.shipment_hold: _hold,
    EVENTS.shipment_unhold: _unhold,
    EVENTS.shipment_packed: _move("PACKED"),
    EVENTS.shipment_ready_to_dispatch: _move("READY_TO_DISPATCH"),
    EVENTS.shipment_pickup_complete: _move("PICKUP_COMPLETE"),
    EVENTS.shipment_shipped: _move("SHIPPED"),
    EVENTS.shipment_delivered: _move("DELIVERED"),
    EVENTS.shipment_dispatch_dates_changed: _dates_changed,
    EVENTS.shipment_cancelled: _cancelled,
    EVENTS.shipment_form_failed: _move("FORM_FAILED"),
    EVENTS.return_created: _return,
    EVENTS.return_item_tracking_id_update: _return_change(_new_tracking),
    EVENTS.return_expected_date_changed: _return_change(_new_expected_date),
    EVENTS.return_picked_up: _return_change(_set_status("picked_up")),
    EVENTS.return_completed: _return_change(_set_status("completed")),
    EVENTS.return_cancelled: _return_change(_set_status("cancelled")),
}

EVENT_TYPES: Final = tuple(_BUILDERS)
"""Every documented notification event, by the name Flipkart's reference gives it."""


@guarded
def sample_event(event_type: str, *, seed: int = 0) -> dict[str, Any]:
    """The body the emulator would publish for one ``event_type`` event (a new dict).

    ``event_type`` is a name of :data:`EVENT_TYPES` or one of its aliases; ``seed`` fixes
    the ids. ``ValueError`` for anything else. ``eventType`` in the body is the
    documented name, whatever spelling was asked for.
    """
    canonical = event_class_for(event_type).EVENT_TYPE
    build = _BUILDERS.get(canonical or "")
    if build is None:
        raise InvalidArgument(
            f"unknown event type {event_type!r}; documented: {', '.join(EVENT_TYPES)}"
        )
    store = Store(seed, _now)
    published: list[dict[str, Any]] = []
    store.sink = published.append
    build(store)
    # The change may announce more than the one event: keep the last of the kind asked for.
    body: dict[str, Any] = next(
        body
        for body in reversed(published)
        if canonical == event_class_for(str(body["eventType"])).EVENT_TYPE
    )
    body["eventType"] = canonical
    return body
