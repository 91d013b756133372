"""What the lifecycle helpers take: plain Python values, checked before any request.

Each helper accepts, per shipment, the id, the shipment itself (a ``Shipment`` model from
``search`` or ``get``, or its JSON as a dict) or a small spec dataclass holding
values for that shipment only. Checks here raise :class:`~flipkart_ext.InvalidItem`
(a ``ValueError``) whose message names the item (``shipments[3] (SH-1)``) and the field.
Values Flipkart has to judge (is this shipment packable?) are left to Flipkart and come
back as per-shipment results.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from .._boundary import guarded_class
from .._core.inputs import text_problem
from ..errors import InvalidItem

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment

__all__ = [
    "IST",
    "CancelSpec",
    "PackSpec",
    "Package",
    "SelfShipDispatch",
    "TrackingUpdate",
    "as_day",
    "as_instant",
    "as_number",
    "as_shipment",
    "as_text",
    "where",
]

IST: Final = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
"""India Standard Time: a plain date given for a date-time means its midnight here."""


@guarded_class
@dataclass(frozen=True, slots=True)
class Package:
    """The packed box: sides in centimetres, weight in kilograms (all above zero)."""

    length: float
    breadth: float
    height: float
    weight: float


@guarded_class
@dataclass(frozen=True, slots=True)
class PackSpec:
    """How to pack one shipment; anything left ``None`` falls back to the call's arguments,
    then to what the shipment itself says.

    ``shipment``: its id (looked up first), or the ``Shipment`` / its JSON (no look-up).
    ``invoice_number``: one number, or order id -> number when the shipment holds several
    orders. ``tax_rate``: the GST rate in percent, or SKU or order item id -> rate.
    ``package``: one :class:`Package`, or sub-shipment id -> package.
    ``serial_numbers``: order item id -> one list of serial numbers (IMEI...) per unit.
    """

    shipment: Any
    invoice_number: str | Mapping[str, str] | None = None
    invoice_date: dt.date | dt.datetime | str | None = None
    tax_rate: float | Mapping[str, float] | None = None
    package: Package | Mapping[str, Package] | None = None
    serial_numbers: Mapping[str, Sequence[Sequence[str]]] | None = None
    location_id: str | None = None


@guarded_class
@dataclass(frozen=True, slots=True)
class CancelSpec:
    """How to cancel one shipment; ``None`` fields come from the call, then the shipment.

    ``cancellation_group_ids`` cancels only those groups of the shipment's items (default:
    every group still active).
    """

    shipment: Any
    reason: str | None = None
    cancellation_group_ids: Sequence[str] | None = None
    location_id: str | None = None


@guarded_class
@dataclass(frozen=True, slots=True)
class TrackingUpdate:
    """New courier details for a self-ship shipment: at least one of the three values."""

    shipment_id: str
    tracking_id: str | None = None
    delivery_partner: str | None = None
    tentative_delivery_date: dt.date | dt.datetime | str | None = None


@guarded_class
@dataclass(frozen=True, slots=True)
class SelfShipDispatch:
    """How one self-ship shipment leaves; ``None`` fields come from the call's arguments."""

    shipment: Any
    tentative_delivery_date: dt.date | dt.datetime | str | None = None
    dispatch_date: dt.date | dt.datetime | str | None = None
    invoice_number: str | None = None
    invoice_date: dt.date | dt.datetime | str | None = None
    delivery_partner: str | None = None
    tracking_id: str | None = None


def where(index: int, shipment_id: str | None) -> str:
    """``shipments[3] (SH-1)``: how messages name an item."""
    return f"shipments[{index}] ({shipment_id})" if shipment_id else f"shipments[{index}]"


def as_shipment(value: Any, at: str) -> tuple[str, Shipment | None]:
    """The id and, when given, the shipment data of an item (``str``, model or JSON dict)."""
    from flipkart_seller_api.models.shipment import Shipment

    if isinstance(value, str):
        return as_text(value, at, "shipment id", commas=False), None
    if isinstance(value, Mapping):
        value = Shipment.from_dict(value)
    if isinstance(value, Shipment):
        shipment_id = value.shipment_id
        if not isinstance(shipment_id, str) or not shipment_id.strip():
            raise InvalidItem(at, "shipmentId", "the shipment has no id")
        return shipment_id, value
    raise InvalidItem(
        at,
        "shipment",
        f"expected a shipment id, a Shipment or its JSON, got {type(value).__name__}",
    )


def as_text(value: Any, at: str, field: str, *, commas: bool = True) -> str:
    """A non-blank printable string (ids must not hold commas: Flipkart separates ids with
    them); the rule is :func:`~flipkart_ext._core.inputs.text_problem`."""
    problem = text_problem(value, commas=commas)
    if problem is not None:
        raise InvalidItem(at, field, problem)
    return str.__str__(value)


def as_number(value: Any, at: str, field: str, *, low: float, high: float | None = None) -> float:
    """A finite number above ``low`` (at or above it when ``high`` is given) and up to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidItem(at, field, f"expected a number, got {value!r}")
    number = float(value)
    if high is None:
        if number <= low:
            raise InvalidItem(at, field, f"expected a number above {low:g}, got {value!r}")
    elif not low <= number <= high:
        raise InvalidItem(at, field, f"expected a number from {low:g} to {high:g}, got {value!r}")
    return number


def as_instant(value: Any, at: str, field: str) -> dt.datetime:
    """An aware date-time; a plain date means its midnight in IST; strings are ISO 8601."""
    if isinstance(value, str):
        try:
            value = (
                dt.date.fromisoformat(value)
                if len(value) == 10
                else dt.datetime.fromisoformat(value)
            )
        except ValueError:
            problem = f"expected an ISO 8601 date or date-time, got {value!r}"
            raise InvalidItem(at, field, problem) from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidItem(at, field, "a date-time needs its UTC offset (tzinfo)")
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=IST)
    raise InvalidItem(at, field, f"expected a date or an aware datetime, got {value!r}")


def as_day(value: Any, at: str, field: str) -> dt.date:
    """A calendar date; a date-time counts by its day in IST."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return as_instant(value, at, field).astimezone(IST).date()
