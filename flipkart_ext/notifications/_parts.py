"""Typed views of the objects inside a notification's ``attributes``.

Each class reads one kind of entry Flipkart's notification pages print (an order item, a
form, a sub-shipment and its packages, a return item) and keeps the entry as received in
``raw``. Absent or oddly typed fields read as ``None``; nothing here raises on content.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from .._boundary import guarded_class
from . import _read as read

__all__ = [
    "Dimensions",
    "Form",
    "OrderItem",
    "Package",
    "PriceComponents",
    "ReturnItem",
    "SubShipment",
]


def _raw() -> Any:
    return dataclasses.field(hash=False, repr=False)


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class PriceComponents:
    """``orderItems[].priceComponents``: amounts in rupees, as Flipkart sent them."""

    selling_price: float | None
    total_price: float | None
    shipping_charge: float | None
    customer_price: float | None
    flipkart_discount: float | None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_mapping(cls, value: Mapping[str, Any]) -> PriceComponents:
        """Read the price components of one order item."""
        return cls(
            selling_price=read.number(value, "sellingPrice"),
            total_price=read.number(value, "totalPrice"),
            shipping_charge=read.number(value, "shippingCharge"),
            customer_price=read.number(value, "customerPrice"),
            flipkart_discount=read.number(value, "flipkartDiscount"),
            raw=value,
        )


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class OrderItem:
    """One entry of ``attributes.orderItems``; ``raw`` keeps every field Flipkart sent.

    Which fields are filled depends on the event: ``shipment_created`` sends the whole
    item, ``shipment_hold`` only ``orderItemId`` and ``holdQuantity``, ``shipment_cancelled``
    ``orderItemId``, ``quantity``, ``reason`` and ``subReason``.
    """

    order_item_id: str | None
    order_id: str | None
    quantity: int | None
    sku: str | None
    fsn: str | None
    listing_id: str | None
    status: str | None
    title: str | None
    hsn: str | None = None
    payment_type: str | None = None
    cancellation_group_id: str | None = None
    #: ``isReplacement`` in the event structure, ``is_replacement`` in Flipkart's example.
    is_replacement: bool | None = None
    order_date: dt.datetime | None = None
    price_components: PriceComponents | None = None
    package_ids: tuple[str, ...] = ()
    #: ``shipment_hold``: how many units of the item are on hold.
    hold_quantity: int | None = None
    #: ``shipment_cancelled``: why this item was cancelled.
    reason: str | None = None
    sub_reason: str | None = None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_mapping(cls, item: Mapping[str, Any]) -> OrderItem:
        """Read an order item, tolerating missing and oddly typed fields."""
        prices = item.get("priceComponents")
        return cls(
            order_item_id=read.text(item, "orderItemId"),
            order_id=read.text(item, "orderId"),
            quantity=read.integer(item, "quantity"),
            sku=read.text(item, "sku"),
            fsn=read.text(item, "fsn"),
            listing_id=read.text(item, "listingId"),
            status=read.text(item, "status"),
            title=read.text(item, "title"),
            hsn=read.text(item, "hsn"),
            payment_type=read.text(item, "paymentType"),
            cancellation_group_id=read.text(item, "cancellationGroupId"),
            is_replacement=read.boolean(item, "isReplacement", "is_replacement"),
            order_date=read.date(item, "orderDate"),
            price_components=(
                PriceComponents.from_mapping(prices) if isinstance(prices, Mapping) else None
            ),
            package_ids=read.texts(item, "packageIds"),
            hold_quantity=read.integer(item, "holdQuantity"),
            reason=read.text(item, "reason", "cancellationReason"),
            sub_reason=read.text(item, "subReason", "cancellationSubReason"),
            raw=item,
        )


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Form:
    """A form of the shipment (an e-way bill, a state form such as ``GJ_403``).

    ``shipment_created`` sends objects (``name``, ``link``, ``automated``);
    ``shipment_form_failed``'s example sends bare names (``["FORM600TG"]``), which read
    as a form with only ``name``. ``raw`` is the entry as sent, object or string.
    """

    name: str | None
    link: str | None
    automated: bool | None
    raw: object = _raw()

    @classmethod
    def from_value(cls, value: object) -> Form | None:
        """Read one entry of ``forms``; ``None`` for an entry that is neither an object nor a name."""
        if isinstance(value, str):
            return cls(name=value, link=None, automated=None, raw=value)
        if isinstance(value, Mapping):
            return cls(
                name=read.text(value, "name"),
                link=read.text(value, "link"),
                automated=read.boolean(value, "automated"),
                raw=value,
            )
        return None


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Dimensions:
    """``packages[].dimensions`` as sent (Flipkart's listing unit: centimetres and kilograms)."""

    length: float | None
    breadth: float | None
    height: float | None
    weight: float | None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_mapping(cls, value: Mapping[str, Any]) -> Dimensions:
        """Read a package's dimensions."""
        return cls(
            length=read.number(value, "length"),
            breadth=read.number(value, "breadth"),
            height=read.number(value, "height"),
            weight=read.number(value, "weight"),
            raw=value,
        )


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Package:
    """One entry of ``subShipments[].packages``."""

    package_id: str | None
    package_title: str | None
    package_sku: str | None
    dimensions: Dimensions | None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_mapping(cls, value: Mapping[str, Any]) -> Package:
        """Read a package."""
        dimensions = value.get("dimensions")
        return cls(
            package_id=read.text(value, "packageId"),
            package_title=read.text(value, "packageTitle"),
            package_sku=read.text(value, "packageSku"),
            dimensions=(
                Dimensions.from_mapping(dimensions) if isinstance(dimensions, Mapping) else None
            ),
            raw=value,
        )


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class SubShipment:
    """One entry of ``attributes.subShipments``: the packages that travel together."""

    sub_shipment_id: str | None
    packages: tuple[Package, ...]
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_mapping(cls, value: Mapping[str, Any]) -> SubShipment:
        """Read a sub-shipment and its packages."""
        return cls(
            sub_shipment_id=read.text(value, "subShipmentId"),
            packages=tuple(Package.from_mapping(p) for p in read.objects(value, "packages")),
            raw=value,
        )


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ReturnItem:
    """One entry of ``attributes.returnItems`` in a return event.

    ``return_created`` documents every field; the other return events send
    ``orderItemId`` and what changed (``trackingId`` and ``courierName``, or ``expectedDate``).
    """

    return_id: str | None
    order_item_id: str | None
    #: ``courier_return`` or ``customer_return``.
    source: str | None
    action: str | None
    quantity: int | None
    order_date: dt.datetime | None
    created_date: dt.datetime | None
    updated_date: dt.datetime | None
    courier_name: str | None
    reason: str | None
    sub_reason: str | None
    tracking_id: str | None
    shipment_id: str | None
    comments: str | None
    completion_date: dt.datetime | None
    replacement_order_item_id: str | None
    product_id: str | None
    listing_id: str | None
    #: When the return is expected at the seller's warehouse.
    expected_date: dt.datetime | None
    raw: Mapping[str, Any] = _raw()

    @classmethod
    def from_mapping(cls, item: Mapping[str, Any]) -> ReturnItem:
        """Read a return item, tolerating missing and oddly typed fields."""
        return cls(
            return_id=read.text(item, "returnId"),
            order_item_id=read.text(item, "orderItemId"),
            source=read.text(item, "source"),
            action=read.text(item, "action"),
            quantity=read.integer(item, "quantity"),
            order_date=read.date(item, "orderDate"),
            created_date=read.date(item, "createdDate"),
            updated_date=read.date(item, "updatedDate"),
            courier_name=read.text(item, "courierName"),
            reason=read.text(item, "reason"),
            sub_reason=read.text(item, "subReason"),
            tracking_id=read.text(item, "trackingId"),
            shipment_id=read.text(item, "shipmentId"),
            comments=read.text(item, "comments"),
            completion_date=read.date(item, "completionDate"),
            replacement_order_item_id=read.text(item, "replacementOrderItemId"),
            product_id=read.text(item, "productId"),
            listing_id=read.text(item, "listingId"),
            expected_date=read.date(item, "expectedDate"),
            raw=item,
        )
