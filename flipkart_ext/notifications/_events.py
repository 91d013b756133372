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
return_tracking_id_updated          :class:`ReturnTrackingIdUpdated`
return_expected_date_changed        :class:`ReturnExpectedDateChanged`
return_picked_up                    :class:`ReturnPickedUp`
return_completed                    :class:`ReturnCompleted`
return_cancelled                    :class:`ReturnCancelled`
==================================  =========================================

The return events are the ones Flipkart's reference lists (created, tracking id
updated, expected date changed, picked up, completed, cancelled). Any other
``eventType`` (a future one, or ``return_approved`` should it appear) becomes a
:class:`GenericEvent` with the payload untouched. Type-specific properties read
``attributes`` on every access and answer ``None`` (or an empty tuple) when a
field is absent or of an unexpected type; nothing here raises on content.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, ClassVar

from ._dates import parse_timestamp
from ._errors import MalformedEvent

__all__ = [
    "GenericEvent",
    "NotificationBody",
    "NotificationEvent",
    "OrderItem",
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


def _text(mapping: Mapping[str, Any], *keys: str) -> str | None:
    """First of ``keys`` holding a string (or an integer id), as a string."""
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    return None


def _integer(mapping: Mapping[str, Any], key: str) -> int | None:
    value = mapping.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _flag(mapping: Mapping[str, Any], key: str) -> bool | None:
    value = mapping.get(key)
    return value if isinstance(value, bool) else None


def _objects(mapping: Mapping[str, Any], key: str) -> tuple[Mapping[str, Any], ...]:
    value = mapping.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, Mapping))


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class OrderItem:
    """One entry of ``attributes.orderItems``; ``raw`` keeps every field Flipkart sent."""

    order_item_id: str | None
    order_id: str | None
    quantity: int | None
    sku: str | None
    fsn: str | None
    listing_id: str | None
    status: str | None
    title: str | None
    raw: Mapping[str, Any] = dataclasses.field(hash=False, repr=False)

    @classmethod
    def from_mapping(cls, item: Mapping[str, Any]) -> OrderItem:
        """Read an order item, tolerating missing and oddly typed fields."""
        return cls(
            order_item_id=_text(item, "orderItemId"),
            order_id=_text(item, "orderId"),
            quantity=_integer(item, "quantity"),
            sku=_text(item, "sku"),
            fsn=_text(item, "fsn"),
            listing_id=_text(item, "listingId"),
            status=_text(item, "status"),
            title=_text(item, "title"),
            raw=item,
        )


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


class ShipmentEvent(NotificationEvent):
    """Base of the ``shipment_*`` events."""

    __slots__ = ()

    @property
    def order_items(self) -> tuple[OrderItem, ...]:
        """``attributes.orderItems`` as :class:`OrderItem` values (empty if absent)."""
        return tuple(
            OrderItem.from_mapping(item) for item in _objects(self.attributes, "orderItems")
        )


class _DispatchDates(ShipmentEvent):
    __slots__ = ()

    @property
    def dispatch_by_date(self) -> dt.datetime | None:
        """``attributes.dispatchByDate``: the date by which the shipment must leave."""
        return parse_timestamp(self.attributes.get("dispatchByDate"))

    @property
    def dispatch_after_date(self) -> dt.datetime | None:
        """``attributes.dispatchAfterDate``: the earliest date it may leave."""
        return parse_timestamp(self.attributes.get("dispatchAfterDate"))


class ShipmentCreated(_DispatchDates):
    """A new shipment to fulfil; ``order_items`` lists what is in it."""

    __slots__ = ()
    EVENT_TYPE = "shipment_created"
    ALIASES = ("created",)

    @property
    def on_hold(self) -> bool | None:
        """``attributes.hold``: whether the shipment starts on hold."""
        return _flag(self.attributes, "hold")

    @property
    def packaging_policy(self) -> str | None:
        """``attributes.packagingPolicy`` (e.g. ``GREEN_PACKAGE``, ``DEFAULT``, ``NA``)."""
        return _text(self.attributes, "packagingPolicy")


class ShipmentHold(ShipmentEvent):
    """The shipment was put on hold (COD, address or buyer checks)."""

    __slots__ = ()
    EVENT_TYPE = "shipment_hold"
    ALIASES = ("hold",)


class ShipmentUnhold(ShipmentEvent):
    """A held shipment was released for processing."""

    __slots__ = ()
    EVENT_TYPE = "shipment_unhold"
    ALIASES = ("unhold", "shipment_un_hold", "un_hold")


class ShipmentPacked(ShipmentEvent):
    """The shipment moved to PACKED."""

    __slots__ = ()
    EVENT_TYPE = "shipment_packed"
    ALIASES = ("packed",)


class ShipmentReadyToDispatch(ShipmentEvent):
    """The seller marked the shipment ready to dispatch."""

    __slots__ = ()
    EVENT_TYPE = "shipment_ready_to_dispatch"
    ALIASES = ("ready_to_dispatch",)


class ShipmentPickupComplete(ShipmentEvent):
    """The logistics partner picked the shipment up."""

    __slots__ = ()
    EVENT_TYPE = "shipment_pickup_complete"
    ALIASES = ("pickup_complete",)


class ShipmentShipped(ShipmentEvent):
    """The shipment reached the delivery hub."""

    __slots__ = ()
    EVENT_TYPE = "shipment_shipped"
    ALIASES = ("shipped",)


class ShipmentDelivered(ShipmentEvent):
    """The shipment was delivered to the buyer."""

    __slots__ = ()
    EVENT_TYPE = "shipment_delivered"
    ALIASES = ("delivered",)


class ShipmentDispatchDatesChanged(_DispatchDates):
    """The dispatch window changed; read the new ``dispatch_by_date`` / ``dispatch_after_date``."""

    __slots__ = ()
    EVENT_TYPE = "shipment_dispatch_dates_changed"
    ALIASES = ("dispatch_dates_changed",)


class ShipmentCancelled(ShipmentEvent):
    """One or more order items in the shipment were cancelled."""

    __slots__ = ()
    EVENT_TYPE = "shipment_cancelled"
    ALIASES = ("shipment_canceled",)

    @property
    def reason(self) -> str | None:
        """The cancellation reason: ``attributes.reason`` or ``cancellationReason``."""
        return _text(self.attributes, "reason", "cancellationReason")

    @property
    def sub_reason(self) -> str | None:
        """``attributes.subReason`` or ``cancellationSubReason``, when given."""
        return _text(self.attributes, "subReason", "cancellationSubReason")


class ShipmentFormFailed(ShipmentEvent):
    """Flipkart could not generate a form (e.g. an e-way bill) for the shipment."""

    __slots__ = ()
    EVENT_TYPE = "shipment_form_failed"
    ALIASES = ("form_failed",)

    @property
    def forms(self) -> tuple[Mapping[str, Any], ...]:
        """``attributes.forms`` as sent (name, link, automated, ...)."""
        return _objects(self.attributes, "forms")

    @property
    def reason(self) -> str | None:
        """``attributes.reason`` or ``failureReason``, when given."""
        return _text(self.attributes, "reason", "failureReason")


class ReturnEvent(NotificationEvent):
    """Base of the ``return_*`` events."""

    __slots__ = ()

    @property
    def return_id(self) -> str | None:
        """``attributes.returnId``, or a top-level ``returnId``."""
        return _text(self.attributes, "returnId") or _text(self.raw, "returnId")

    @property
    def order_item_id(self) -> str | None:
        """``attributes.orderItemId``, or a top-level ``orderItemId``."""
        return _text(self.attributes, "orderItemId") or _text(self.raw, "orderItemId")


class ReturnCreated(ReturnEvent):
    """A buyer or courier return was opened."""

    __slots__ = ()
    EVENT_TYPE = "return_created"


class ReturnTrackingIdUpdated(ReturnEvent):
    """Tracking details of a customer return changed."""

    __slots__ = ()
    EVENT_TYPE = "return_tracking_id_updated"
    ALIASES = ("return_tracking_id_update",)

    @property
    def tracking_id(self) -> str | None:
        """``attributes.trackingId``, when given."""
        return _text(self.attributes, "trackingId")


class ReturnExpectedDateChanged(ReturnEvent):
    """The date the return is expected back changed."""

    __slots__ = ()
    EVENT_TYPE = "return_expected_date_changed"

    @property
    def expected_date(self) -> dt.datetime | None:
        """``attributes.expectedDate`` (or ``expectedDeliveryDate``), when readable."""
        attributes = self.attributes
        return parse_timestamp(attributes.get("expectedDate")) or parse_timestamp(
            attributes.get("expectedDeliveryDate")
        )


class ReturnPickedUp(ReturnEvent):
    """The return was picked up from the buyer."""

    __slots__ = ()
    EVENT_TYPE = "return_picked_up"
    ALIASES = ("return_pickedup", "return_pickup_complete")


class ReturnCompleted(ReturnEvent):
    """The return was processed and closed."""

    __slots__ = ()
    EVENT_TYPE = "return_completed"


class ReturnCancelled(ReturnEvent):
    """The return request was revoked."""

    __slots__ = ()
    EVENT_TYPE = "return_cancelled"
    ALIASES = ("return_canceled",)


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


def event_class_for(event_type: str) -> type[NotificationEvent]:
    """The class :func:`parse_event` uses for ``event_type`` (:class:`GenericEvent` if unknown)."""
    return _BY_NAME.get(_normalized_type(event_type), GenericEvent)


NotificationBody = bytes | bytearray | memoryview | str | Mapping[str, Any]
"""What :func:`parse_event` accepts: the raw request body, or an already decoded mapping."""


def _decode(body: NotificationBody) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    if isinstance(body, bytes | bytearray | memoryview):
        try:
            body = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise MalformedEvent(f"notification body is not UTF-8 (byte {exc.start})") from None
    try:
        decoded = json.loads(body)
    except json.JSONDecodeError as exc:
        raise MalformedEvent(
            f"notification body is not valid JSON: {exc.msg}"
            f" (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(decoded, dict):
        raise MalformedEvent(
            f"notification body must be a JSON object, not {type(decoded).__name__}"
        )
    return decoded


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
        source=_text(raw, "source"),
        timestamp=parse_timestamp(raw_timestamp),
        raw_timestamp=raw_timestamp,
        shipment_id=_text(raw, "shipmentId"),
        location_id=_text(raw, "locationId"),
        attributes=attributes if isinstance(attributes, Mapping) else {},
        raw=raw,
    )
