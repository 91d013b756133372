"""Typed Flipkart order notification events, decoded liberally from the JSON body.

Event types covered, named as in Flipkart's Order Management Notification
reference (the short names that reference and its index use are accepted as
aliases, e.g. ``packed`` for ``shipment_packed``):

==================================  =========================================
``eventType``                       class
==================================  =========================================
shipment_created                    :class:`ShipmentCreated`
shipment_hold                       :class:`ShipmentHold`
shipment_unhold                     :class:`ShipmentUnhold`
shipment_packed                     :class:`ShipmentPacked`
shipment_ready_to_dispatch          :class:`ShipmentReadyToDispatch`
shipment_pickup_complete            :class:`ShipmentPickupComplete`
shipment_shipped                    :class:`ShipmentShipped`
shipment_delivered                  :class:`ShipmentDelivered`
shipment_dispatch_dates_changed     :class:`ShipmentDispatchDatesChanged`
shipment_cancelled                  :class:`ShipmentCancelled`
shipment_form_failed                :class:`ShipmentFormFailed`
return_created                      :class:`ReturnCreated`
return_item_tracking_id_update      :class:`ReturnTrackingIdUpdated`
return_expected_date_changed        :class:`ReturnExpectedDateChanged`
return_picked_up                    :class:`ReturnPickedUp`
return_completed                    :class:`ReturnCompleted`
return_cancelled                    :class:`ReturnCancelled`
==================================  =========================================

The return events are the ones Flipkart's reference lists (created, tracking id
updated, expected date changed, picked up, completed, cancelled); the tracking id
event's documented name is ``return_item_tracking_id_update``, and the spellings of
its page title are aliases. Any other ``eventType`` (a future one, or
``return_approved`` should it appear) becomes a :class:`GenericEvent` with the
payload untouched.

Every attribute Flipkart's pages print for an event has a typed property, and the
objects inside ``attributes`` have typed views (:mod:`._parts`): order items, forms,
sub-shipments and packages, return items. Properties read ``attributes`` on every
access and answer ``None`` (or an empty tuple) when a field is absent or of an
unexpected type; nothing here raises on content, and ``raw`` keeps everything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar

from .._boundary import guarded, guarded_class
from .._core.decode import decode_json
from .._spec import EVENTS
from ..errors import MalformedEvent
from . import _read as read
from ._dates import parse_timestamp
from ._parts import Form, OrderItem, ReturnItem, SubShipment

__all__ = [
    "GenericEvent",
    "NotificationBody",
    "NotificationEvent",
    "ReturnCancelled",
    "ReturnCompleted",
    "ReturnCreated",
    "ReturnEvent",
    "ReturnExpectedDateChanged",
    "ReturnPickedUp",
    "ReturnTrackingIdUpdated",
    "ShipmentCancelled",
    "ShipmentCreated",
    "ShipmentDelivered",
    "ShipmentDispatchDatesChanged",
    "ShipmentEvent",
    "ShipmentFormFailed",
    "ShipmentHold",
    "ShipmentPacked",
    "ShipmentPickupComplete",
    "ShipmentReadyToDispatch",
    "ShipmentShipped",
    "ShipmentUnhold",
    "event_class_for",
    "parse_event",
]


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class NotificationEvent:
    """Fields every notification carries. Subclasses add typed views of ``attributes``.

    ``event_type`` is the canonical name (``shipment_packed`` even if ``packed``
    was sent); ``raw_event_type`` is what arrived. ``timestamp`` is timezone-aware,
    or ``None`` when ``raw_timestamp`` could not be read. ``raw`` is the whole
    decoded payload; treat it and ``attributes`` as read-only.
    """

    EVENT_TYPE: ClassVar[str] = ""
    ALIASES: ClassVar[tuple[str, ...]] = ()

    event_type: str
    raw_event_type: str | None
    source: str | None
    timestamp: dt.datetime | None
    raw_timestamp: Any = dataclasses.field(hash=False)
    shipment_id: str | None
    location_id: str | None
    attributes: Mapping[str, Any] = dataclasses.field(hash=False, repr=False)
    raw: Mapping[str, Any] = dataclasses.field(hash=False, repr=False)

    @property
    def version(self) -> str | None:
        """The top-level ``version`` (``v3`` in every example Flipkart prints)."""
        return read.text(self.raw, "version")

    @property
    def status(self) -> str | None:
        """``attributes.status``: the state the event reports (``PACKED``, ``RETURN_CREATED`` ...)."""
        return read.text(self.attributes, "status")


@guarded_class
class ShipmentEvent(NotificationEvent):
    """Base of the ``shipment_*`` events."""

    __slots__ = ()

    @property
    def order_items(self) -> tuple[OrderItem, ...]:
        """``attributes.orderItems`` as :class:`OrderItem` values (empty if absent)."""
        return tuple(
            OrderItem.from_mapping(item) for item in read.objects(self.attributes, "orderItems")
        )


class _DispatchDates(ShipmentEvent):
    __slots__ = ()

    @property
    def dispatch_by_date(self) -> dt.datetime | None:
        """``attributes.dispatchByDate``: the date by which the shipment must leave."""
        return read.date(self.attributes, "dispatchByDate")

    @property
    def dispatch_after_date(self) -> dt.datetime | None:
        """``attributes.dispatchAfterDate``: the earliest date it may leave."""
        return read.date(self.attributes, "dispatchAfterDate")


@guarded_class
class ShipmentCreated(_DispatchDates):
    """A new shipment to fulfil; ``order_items`` lists what is in it."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_created
    ALIASES = ("created",)

    @property
    def on_hold(self) -> bool | None:
        """``attributes.hold``: whether the shipment starts on hold."""
        return read.boolean(self.attributes, "hold")

    @property
    def mps(self) -> bool | None:
        """``attributes.mps``: whether the shipment travels as several packages."""
        return read.boolean(self.attributes, "mps")

    @property
    def packaging_policy(self) -> str | None:
        """``attributes.packagingPolicy`` (e.g. ``GREEN_PACKAGE``, ``DEFAULT``, ``NA``)."""
        return read.text(self.attributes, "packagingPolicy")

    @property
    def forms(self) -> tuple[Form, ...]:
        """``attributes.forms``: the forms the shipment needs (name, link, automated)."""
        return _forms(self.attributes)

    @property
    def sub_shipments(self) -> tuple[SubShipment, ...]:
        """``attributes.subShipments`` with their packages."""
        return tuple(
            SubShipment.from_mapping(value)
            for value in read.objects(self.attributes, "subShipments")
        )

    @property
    def dispatch_location(self) -> str | None:
        """``attributes.dispatchLocation`` (``null`` in Flipkart's example)."""
        return read.text(self.attributes, "dispatchLocation")

    @property
    def updated_at(self) -> dt.datetime | None:
        """``attributes.updatedAt``: in Flipkart's example, though not in its event structure."""
        return read.date(self.attributes, "updatedAt")


@guarded_class
class ShipmentHold(ShipmentEvent):
    """The shipment was put on hold (COD, address or buyer checks).

    Each of ``order_items`` says how many units are held (:attr:`OrderItem.hold_quantity`).
    """

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_hold
    ALIASES = ("hold",)


@guarded_class
class ShipmentUnhold(ShipmentEvent):
    """A held shipment was released for processing; ``status`` is where it resumes."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_unhold
    ALIASES = ("unhold", "shipment_un_hold", "un_hold")


@guarded_class
class ShipmentPacked(ShipmentEvent):
    """The shipment moved to PACKED."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_packed
    ALIASES = ("packed",)


@guarded_class
class ShipmentReadyToDispatch(ShipmentEvent):
    """The seller marked the shipment ready to dispatch."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_ready_to_dispatch
    ALIASES = ("ready_to_dispatch",)


@guarded_class
class ShipmentPickupComplete(ShipmentEvent):
    """The logistics partner picked the shipment up."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_pickup_complete
    ALIASES = ("pickup_complete",)


@guarded_class
class ShipmentShipped(ShipmentEvent):
    """The shipment reached the delivery hub."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_shipped
    ALIASES = ("shipped",)


@guarded_class
class ShipmentDelivered(ShipmentEvent):
    """The shipment was delivered to the buyer."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_delivered
    ALIASES = ("delivered",)


@guarded_class
class ShipmentDispatchDatesChanged(_DispatchDates):
    """The dispatch window changed; read the new ``dispatch_by_date`` / ``dispatch_after_date``."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_dispatch_dates_changed
    ALIASES = ("dispatch_dates_changed",)


@guarded_class
class ShipmentCancelled(ShipmentEvent):
    """One or more order items in the shipment were cancelled.

    Flipkart documents the reason per item (``orderItems[].reason`` / ``subReason``, with the
    cancelled ``quantity``); :attr:`reason` and :attr:`sub_reason` answer for the whole
    event when that is unambiguous, and :attr:`reasons` lists them all.
    """

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_cancelled
    ALIASES = ("shipment_canceled",)

    @property
    def reason(self) -> str | None:
        """``attributes.reason`` (or ``cancellationReason``), else the reason every item shares.

        ``None`` when the items give different reasons: read ``order_items[i].reason``.
        """
        return read.first(
            read.text(self.attributes, "reason", "cancellationReason"),
            read.shared(item.reason for item in self.order_items),
        )

    @property
    def sub_reason(self) -> str | None:
        """``attributes.subReason`` (or ``cancellationSubReason``), else the one items share."""
        return read.first(
            read.text(self.attributes, "subReason", "cancellationSubReason"),
            read.shared(item.sub_reason for item in self.order_items),
        )

    @property
    def reasons(self) -> tuple[str, ...]:
        """Every distinct cancellation reason, the event's own first, in the order sent."""
        found: list[str] = []
        own = read.text(self.attributes, "reason", "cancellationReason")
        for value in (own, *(item.reason for item in self.order_items)):
            if value is not None and value not in found:
                found.append(value)
        return tuple(found)


@guarded_class
class ShipmentFormFailed(ShipmentEvent):
    """Flipkart could not generate a form (e.g. an e-way bill) for the shipment."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.shipment_form_failed
    ALIASES = ("form_failed",)

    @property
    def forms(self) -> tuple[Form, ...]:
        """``attributes.forms``: names (Flipkart's example: ``["FORM600TG"]``) or objects."""
        return _forms(self.attributes)

    @property
    def form_names(self) -> tuple[str, ...]:
        """The name of each failed form."""
        return tuple(form.name for form in self.forms if form.name is not None)

    @property
    def reason(self) -> str | None:
        """``attributes.reason`` or ``failureReason``, when given (not in Flipkart's pages)."""
        return read.text(self.attributes, "reason", "failureReason")


@guarded_class
class ReturnEvent(NotificationEvent):
    """Base of the ``return_*`` events.

    Flipkart puts the return's details in ``attributes.returnItems[]``
    (:attr:`return_items`). The shortcuts below read the event's own field when it has one,
    else the value every return item agrees on; ``None`` when items differ (read
    :attr:`return_items` then) or none says.
    """

    __slots__ = ()

    @property
    def return_items(self) -> tuple[ReturnItem, ...]:
        """``attributes.returnItems`` as :class:`ReturnItem` values (empty if absent)."""
        return tuple(
            ReturnItem.from_mapping(item) for item in read.objects(self.attributes, "returnItems")
        )

    @property
    def return_id(self) -> str | None:
        """The top-level ``returnId`` (or ``attributes.returnId``), else the items' shared one."""
        return read.first(
            read.text(self.attributes, "returnId"),
            read.text(self.raw, "returnId"),
            read.shared(item.return_id for item in self.return_items),
        )

    @property
    def order_item_id(self) -> str | None:
        """``orderItemId`` of the event, else the one the return items share."""
        return read.first(
            read.text(self.attributes, "orderItemId"),
            read.text(self.raw, "orderItemId"),
            read.shared(item.order_item_id for item in self.return_items),
        )

    @property
    def quantity(self) -> int | None:
        """Units returned: ``attributes.quantity``, else the items' shared ``quantity``."""
        return read.first(
            read.integer(self.attributes, "quantity"),
            read.shared(item.quantity for item in self.return_items),
        )

    @property
    def tracking_id(self) -> str | None:
        """The return's courier tracking id (``trackingId``)."""
        return read.first(
            read.text(self.attributes, "trackingId"),
            read.shared(item.tracking_id for item in self.return_items),
        )

    @property
    def courier_name(self) -> str | None:
        """The return courier (``courierName``)."""
        return read.first(
            read.text(self.attributes, "courierName"),
            read.shared(item.courier_name for item in self.return_items),
        )

    @property
    def expected_date(self) -> dt.datetime | None:
        """When the return is expected at the warehouse (``expectedDate``)."""
        return read.first(
            read.date(self.attributes, "expectedDate"),
            read.date(self.attributes, "expectedDeliveryDate"),
            read.shared(item.expected_date for item in self.return_items),
        )

    @property
    def reason(self) -> str | None:
        """Why the buyer returned it (``reason``)."""
        return read.first(
            read.text(self.attributes, "reason"),
            read.shared(item.reason for item in self.return_items),
        )

    @property
    def sub_reason(self) -> str | None:
        """The finer reason (``subReason``)."""
        return read.first(
            read.text(self.attributes, "subReason"),
            read.shared(item.sub_reason for item in self.return_items),
        )


@guarded_class
class ReturnCreated(ReturnEvent):
    """A buyer or courier return was opened; ``return_items`` carries every documented field."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.return_created


@guarded_class
class ReturnTrackingIdUpdated(ReturnEvent):
    """Tracking details of a customer return changed (``tracking_id``, ``courier_name``).

    Flipkart's page is titled "Return Tracking Id Updated" and names the event
    ``return_item_tracking_id_update``; the title's spellings are accepted too.
    """

    __slots__ = ()
    EVENT_TYPE = EVENTS.return_item_tracking_id_update
    ALIASES = (
        "return_tracking_id_updated",
        "return_tracking_id_update",
        "return_item_tracking_id_updated",
    )


@guarded_class
class ReturnExpectedDateChanged(ReturnEvent):
    """The date the return is expected back changed (``expected_date``)."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.return_expected_date_changed


@guarded_class
class ReturnPickedUp(ReturnEvent):
    """The return was picked up from the buyer."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.return_picked_up
    ALIASES = ("return_pickedup", "return_pickup_complete")


@guarded_class
class ReturnCompleted(ReturnEvent):
    """The return was processed and closed."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.return_completed


@guarded_class
class ReturnCancelled(ReturnEvent):
    """The return request was revoked."""

    __slots__ = ()
    EVENT_TYPE = EVENTS.return_cancelled
    ALIASES = ("return_canceled",)


def _forms(attributes: Mapping[str, Any]) -> tuple[Form, ...]:
    value = attributes.get("forms")
    if not isinstance(value, list):
        return ()
    return tuple(form for form in map(Form.from_value, value) if form is not None)


@guarded_class
class GenericEvent(NotificationEvent):
    """An event type this package does not know; ``event_type`` is kept as sent."""

    __slots__ = ()


_EVENT_CLASSES: tuple[type[NotificationEvent], ...] = (
    ShipmentCreated,
    ShipmentHold,
    ShipmentUnhold,
    ShipmentPacked,
    ShipmentReadyToDispatch,
    ShipmentPickupComplete,
    ShipmentShipped,
    ShipmentDelivered,
    ShipmentDispatchDatesChanged,
    ShipmentCancelled,
    ShipmentFormFailed,
    ReturnCreated,
    ReturnTrackingIdUpdated,
    ReturnExpectedDateChanged,
    ReturnPickedUp,
    ReturnCompleted,
    ReturnCancelled,
)


def _normalized_type(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


_BY_NAME: dict[str, type[NotificationEvent]] = {
    name: cls for cls in _EVENT_CLASSES for name in (cls.EVENT_TYPE, *cls.ALIASES)
}


@guarded
def event_class_for(event_type: str) -> type[NotificationEvent]:
    """The class :func:`parse_event` uses for ``event_type`` (:class:`GenericEvent` if unknown)."""
    return _BY_NAME.get(_normalized_type(event_type), GenericEvent)


NotificationBody = bytes | bytearray | memoryview | str | Mapping[str, Any]
"""What :func:`parse_event` accepts: the raw request body, or an already decoded mapping."""


def _decode(body: NotificationBody) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    if isinstance(body, bytes | bytearray | memoryview):
        data = bytes(body).removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark
    elif isinstance(body, str):
        data = body.encode("utf-8", "surrogatepass")
    else:
        raise MalformedEvent(
            f"notification body: expected bytes, text or a mapping, got {type(body).__name__}"
        )
    decoded = decode_json(data, what="notification body", error=MalformedEvent)
    if not isinstance(decoded, dict):
        raise MalformedEvent(
            f"notification body must be a JSON object, not {type(decoded).__name__}"
        )
    return decoded


@guarded
def parse_event(body: NotificationBody) -> NotificationEvent:
    """Decode a notification body into the matching :class:`NotificationEvent` subclass.

    ``body`` is the raw request body (bytes or text) or an already decoded
    mapping. An unknown, missing or non-string ``eventType`` yields a
    :class:`GenericEvent`; only a body that is not a JSON object raises
    :class:`MalformedEvent` (a ``ValueError``).
    """
    raw = _decode(body)
    raw_event_type = raw.get("eventType")
    if not isinstance(raw_event_type, str):
        raw_event_type = None
    cls = event_class_for(raw_event_type or "")
    attributes = raw.get("attributes")
    raw_timestamp = raw.get("timestamp")
    return cls(
        event_type=cls.EVENT_TYPE or (raw_event_type or ""),
        raw_event_type=raw_event_type,
        source=read.text(raw, "source"),
        timestamp=parse_timestamp(raw_timestamp),
        raw_timestamp=raw_timestamp,
        shipment_id=read.text(raw, "shipmentId"),
        location_id=read.text(raw, "locationId"),
        attributes=attributes if isinstance(attributes, Mapping) else {},
        raw=raw,
    )
