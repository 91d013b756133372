"""The pack plan: one ``PackRequest`` per shipment, from the shipment and the caller's values.

What the shipment says (location, orders, order items and quantities, sub-shipments and the
package size Flipkart holds) fills everything a :class:`PackSpec` or the call's arguments
leave out; the GST rate is never in a shipment, so it must be given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._core.batches import BatchPlan
from .._core.calls import Call
from .._core.inputs import first_repeat
from ..errors import InvalidItem
from ._inputs import (
    Package,
    PackSpec,
    as_instant,
    as_number,
    as_text,
)
from ._plans import (
    Found,
    Item,
    Prepared,
    as_list,
    batch_plan,
    collect,
    needs,
    now_ist,
    order_items,
    shipment_of,
    text_or_none,
)
from ._results import (
    ShipmentResult,
)

if TYPE_CHECKING:
    from flipkart_seller_api.models.order_item import OrderItem
    from flipkart_seller_api.models.shipment import Shipment

__all__ = ["prepare_pack"]

# -- pack --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PackDefaults:
    tax_rate: float | Mapping[str, float] | None
    invoice_date: dt.datetime
    package: Package | Mapping[str, Package] | None
    ignore_warning: bool | None


def _tax_rates(value: Any, at: str) -> float | Mapping[str, float] | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return {
            as_text(key, at, "tax_rate"): as_number(rate, at, f"tax_rate[{key!r}]", low=0, high=100)
            for key, rate in value.items()
        }
    return as_number(value, at, "tax_rate", low=0, high=100)


def _package(value: Any, at: str, field: str) -> Package:
    if isinstance(value, Mapping) and set(value) >= {"length", "breadth", "height", "weight"}:
        value = Package(**{k: value[k] for k in ("length", "breadth", "height", "weight")})
    if not isinstance(value, Package):
        raise InvalidItem(
            at, field, f"expected a Package(length, breadth, height, weight), got {value!r}"
        )
    for side in ("length", "breadth", "height", "weight"):
        as_number(getattr(value, side), at, f"{field}.{side}", low=0)
    return value


def _packages(value: Any, at: str) -> Package | Mapping[str, Package] | None:
    if value is None or isinstance(value, Package):
        return None if value is None else _package(value, at, "package")
    if isinstance(value, Mapping) and not set(value) >= {"length", "breadth", "height", "weight"}:
        return {key: _package(package, at, f"package[{key!r}]") for key, package in value.items()}
    return _package(value, at, "package")


def _check_pack_spec(spec: PackSpec, at: str) -> None:
    _tax_rates(spec.tax_rate, at)
    _packages(spec.package, at)
    if spec.invoice_date is not None:
        as_instant(spec.invoice_date, at, "invoice_date")
    if spec.invoice_number is not None and not isinstance(spec.invoice_number, Mapping):
        as_text(spec.invoice_number, at, "invoice_number")
    if spec.location_id is not None:
        as_text(spec.location_id, at, "location_id", commas=False)
    for key, units in (spec.serial_numbers or {}).items():
        if isinstance(units, str) or not all(
            not isinstance(unit, str) and all(isinstance(n, str) and n for n in unit)
            for unit in units
        ):
            raise InvalidItem(
                at, f"serial_numbers[{key!r}]", "expected one list of strings per unit"
            )
        numbers = [number for unit in units for number in unit]
        repeat = first_repeat(numbers)
        if repeat is not None:  # each unit of an item carries serial numbers of its own
            raise InvalidItem(
                at,
                f"serial_numbers[{key!r}]",
                f"{numbers[repeat[1]]!r} is given twice; each serial number belongs to one unit",
            )


def _rate_for(rates: float | Mapping[str, float] | None, item: OrderItem, at: str) -> float:
    if isinstance(rates, float):
        return rates
    if isinstance(rates, Mapping):
        for key in (item.order_item_id, item.sku):
            if isinstance(key, str) and key in rates:
                return rates[key]
    sku = text_or_none(item.sku) or "?"
    raise InvalidItem(
        at,
        "tax_rate",
        f"no GST rate for SKU {sku} (order item {item.order_item_id}); give tax_rate as a "
        "number or a mapping of SKU or order item id to a rate",
    )


def _shipment_package(shipment: Shipment, sub_shipment: Any) -> Package | None:
    """The size Flipkart already holds for the sub-shipment's first package, if complete."""
    from flipkart_seller_api.models.package import Package as PackageModel

    for package in as_list(getattr(sub_shipment, "packages", None)):
        if not isinstance(package, PackageModel):
            continue
        sides = package.dimensions
        values = [getattr(sides, side, None) for side in ("length", "breadth", "height")]
        values.append(package.weight)
        sizes = [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(sizes) == 4 and all(size > 0 for size in sizes):
            return Package(*sizes)
    return None


def _pack_request(item: Item, shipment: Shipment, defaults: _PackDefaults) -> Any:
    from flipkart_seller_api.models.dimensions import Dimensions
    from flipkart_seller_api.models.pack_request import PackRequest
    from flipkart_seller_api.models.pack_request_invoice import PackRequestInvoice
    from flipkart_seller_api.models.serial_number import SerialNumber
    from flipkart_seller_api.models.sub_shipments import SubShipments
    from flipkart_seller_api.models.tax_item import TaxItem

    spec: PackSpec = item.spec or PackSpec(item.shipment_id)
    at = item.at
    lines = order_items(shipment)
    orders = list(dict.fromkeys(i.order_id for i in lines if isinstance(i.order_id, str)))
    numbers: dict[str, str] = {}
    if isinstance(spec.invoice_number, Mapping):
        numbers = {
            k: as_text(v, at, f"invoice_number[{k!r}]") for k, v in spec.invoice_number.items()
        }
        unknown = sorted(set(numbers) - set(orders))
        if unknown:
            raise InvalidItem(at, "invoice_number", f"orders {unknown} are not in this shipment")
    elif spec.invoice_number is not None:
        if len(orders) > 1:
            raise InvalidItem(
                at,
                "invoice_number",
                f"the shipment holds {len(orders)} orders; map each order id to its number",
            )
        numbers = dict.fromkeys(orders, spec.invoice_number)
    invoice_date = (
        as_instant(spec.invoice_date, at, "invoice_date")
        if spec.invoice_date is not None
        else defaults.invoice_date
    )
    rates = _tax_rates(spec.tax_rate, at) if spec.tax_rate is not None else defaults.tax_rate
    tax_items = [
        TaxItem(
            tax_rate=_rate_for(rates, order_item, at),
            order_item_id=order_item.order_item_id,
            quantity=order_item.quantity
            if isinstance(order_item.quantity, int) and order_item.quantity > 0
            else 1,
        )
        for order_item in lines
        if isinstance(order_item.order_item_id, str)
    ]
    chosen = _packages(spec.package, at) if spec.package is not None else defaults.package
    sub_shipments = []
    for sub in as_list(shipment.sub_shipments):
        sub_id = text_or_none(getattr(sub, "sub_shipment_id", None))
        if sub_id is None:
            continue
        package = chosen.get(sub_id) if isinstance(chosen, Mapping) else chosen
        package = package or _shipment_package(shipment, sub)
        if package is None:
            raise InvalidItem(
                at,
                "package",
                f"Flipkart gives no size for sub-shipment {sub_id}; give length, breadth, height "
                "and weight",
            )
        sides = Dimensions(
            length=package.length,
            breadth=package.breadth,
            height=package.height,
            weight=package.weight,
        )
        sub_shipments.append(SubShipments(dimensions=sides, sub_shipment_id=sub_id))
    request = PackRequest(
        shipment_id=item.shipment_id,
        invoices=[
            PackRequestInvoice(
                order_id=order, invoice_date=invoice_date, invoice_number=numbers[order]
            )
            if order in numbers
            else PackRequestInvoice(order_id=order, invoice_date=invoice_date)
            for order in orders
        ],
        tax_items=tax_items,
        sub_shipments=sub_shipments,
    )
    location = spec.location_id or text_or_none(shipment.location_id)
    if location is not None:
        request.location_id = location
    if spec.serial_numbers:
        request.serial_numbers = [
            SerialNumber(order_item_id=key, serial_numbers=[list(unit) for unit in units])
            for key, units in spec.serial_numbers.items()
        ]
    if defaults.ignore_warning is not None:
        request.ignore_warning = defaults.ignore_warning
    return request


def prepare_pack(
    shipments: Any,
    *,
    tax_rate: Any = None,
    invoice_date: Any = None,
    package: Any = None,
    ignore_warning: bool | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> Prepared[ShipmentResult]:
    """Check a pack call; ``now`` gives the default invoice date (current time in IST)."""
    from flipkart_seller_api.api.shipment_v3 import pack
    from flipkart_seller_api.models.pack_request import PackRequest
    from flipkart_seller_api.models.shipment_pack_request import ShipmentPackRequest

    call = "pack"
    defaults = _PackDefaults(
        tax_rate=_tax_rates(tax_rate, call),
        invoice_date=(
            as_instant(invoice_date, call, "invoice_date")
            if invoice_date is not None
            else (now or now_ist)()
        ),
        package=_packages(package, call),
        ignore_warning=ignore_warning,
    )
    items = collect(shipments, spec_type=PackSpec, model=PackRequest)
    for item in items:
        if item.spec is not None:
            _check_pack_spec(item.spec, item.at)

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        def body(item: Item) -> Any:
            if item.request is not None:
                return item.request
            shipment = shipment_of(item, found)
            return None if shipment is None else _pack_request(item, shipment, defaults)

        return batch_plan(
            call, items, body, lambda part: Call.of(pack, body=ShipmentPackRequest(shipments=part))
        )

    return Prepared(needs(items), build)
