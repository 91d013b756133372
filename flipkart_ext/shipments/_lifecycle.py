"""Plans for the shipment lifecycle calls: check the input, build the requests, read the answers.

Nothing here does I/O. Each ``prepare_*`` function checks what the caller gave (raising
:class:`~flipkart_ext.InvalidItem` naming the shipment and field) and returns a
:class:`Prepared`: the ids whose shipment data it still needs (``lookup``), and ``build``,
which turns the looked-up shipments into a :class:`~flipkart_ext._batches.BatchPlan` for
the shared batch engine. ``Shipments`` and ``AsyncShipments`` only do the look-up and run
the plan, so sync and async share every decision.

Per-request limits (the request is split into chunks of at most this many shipments):

======================  =====  ===========================================================
call                    limit  source
======================  =====  ===========================================================
pack                    25     spec: ``ShipmentPackRequest.shipments`` ``maxItems``
ready to dispatch       25     spec: ``DispatchShipmentRequest.shipmentIds`` ``maxItems``
cancel                  25     spec: ``CancelShipmentRequest.shipments`` ``maxItems``
mandatory forms         100    Flipkart's page ``v3/GetFormsByShipmentId``
form acknowledgements   100    none documented; the forms look-up's limit
self-ship dispatch      100    Flipkart's page ``SelfShipDispatch``
self-ship delivery      100    Flipkart's page ``SelfShipDelivery``
delivery attempt        100    Flipkart's page ``selfShipDelAttempt``
tracking update         1      one shipment in the path
======================  =====  ===========================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar
from urllib.parse import quote

from .._batches import BatchPlan, Chunk, InvalidItem, chunked
from .._retry import IDEMPOTENT_EXTENSION
from .._wire_names import SELF_SHIP_ACTION_ANSWER, SHIPMENT_FORMS
from ._inputs import (
    IST,
    CancelSpec,
    Package,
    PackSpec,
    SelfShipDispatch,
    TrackingUpdate,
    as_day,
    as_instant,
    as_number,
    as_shipment,
    as_text,
    where,
)
from ._results import (
    NOT_APPLIED,
    ShipmentForms,
    ShipmentResult,
    forms_not_applied,
    forms_not_in_answer,
    forms_reader,
    not_applied,
    not_in_answer,
    status_reader,
    success_reader,
)

if TYPE_CHECKING:
    from flipkart_seller_api.models.order_item import OrderItem
    from flipkart_seller_api.models.shipment import Shipment

__all__ = [
    "LIMITS",
    "Prepared",
    "prepare_acknowledge_forms",
    "prepare_cancel",
    "prepare_deliver_self_ship",
    "prepare_delivery_attempt",
    "prepare_dispatch_self_ship",
    "prepare_mandatory_forms",
    "prepare_pack",
    "prepare_ready_to_dispatch",
    "prepare_update_tracking",
]

R = TypeVar("R")

LIMITS: Final = {
    "pack": 25,
    "ready_to_dispatch": 25,
    "cancel": 25,
    "mandatory_forms": 100,
    "acknowledge_forms": 100,
    "dispatch_self_ship": 100,
    "deliver_self_ship": 100,
    "delivery_attempt": 100,
    "update_tracking": 1,
}
"""Shipments per request, by call (see the module docstring for the sources)."""

Found = Mapping[str, "Shipment"]


@dataclass(frozen=True)
class Prepared(Generic[R]):
    """A checked call: the ids to look up first, then how to build the batch."""

    lookup: list[str]
    build: Callable[[Found], BatchPlan[str, Any]]


@dataclass
class _Item:
    index: int
    shipment_id: str
    shipment: Shipment | None = None
    spec: Any = None
    request: Any = None

    @property
    def at(self) -> str:
        return where(self.index, self.shipment_id)


def _listed(values: Any, what: str = "shipments") -> list[Any]:
    if isinstance(values, str | Mapping) or not isinstance(values, Iterable):
        values = [values]
    listed = list(values)
    return listed


def _collect(
    values: Any,
    *,
    spec_type: type | None = None,
    model: type | None = None,
) -> list[_Item]:
    """Every item with its id and shipment data, each shipment once."""
    items: list[_Item] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(_listed(values)):
        at = where(index, None)
        if model is not None and isinstance(value, model):
            shipment_id = as_text(
                getattr(value, "shipment_id", None), at, "shipmentId", commas=False
            )
            item = _Item(index, shipment_id, request=value)
        elif spec_type is not None and isinstance(value, spec_type):
            source = getattr(value, "shipment", None) or getattr(value, "shipment_id", None)
            shipment_id, shipment = as_shipment(source, at)
            item = _Item(index, shipment_id, shipment, spec=value)
        else:
            shipment_id, shipment = as_shipment(value, at)
            item = _Item(index, shipment_id, shipment)
        if shipment_id in seen:
            raise InvalidItem(
                item.at, "shipment", f"given twice (also shipments[{seen[shipment_id]}])"
            )
        seen[shipment_id] = index
        items.append(item)
    return items


def _shipment(item: _Item, found: Found) -> Shipment | None:
    return item.shipment if item.shipment is not None else found.get(item.shipment_id)


def _unknown(shipment_id: str) -> ShipmentResult:
    return ShipmentResult(
        shipment_id,
        NOT_APPLIED,
        error_code="SHIPMENT_NOT_FOUND",
        error_message="Flipkart found no shipment with this id; nothing was sent for it",
    )


def _list(value: Any) -> list[Any]:
    # Generated fields may be UNSET or None as well as a list: read them liberally.
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _order_items(shipment: Shipment) -> list[OrderItem]:
    """The items still to ship (every item, when all are cancelled: Flipkart will say so)."""
    from flipkart_seller_api.models.order_item import OrderItem

    items = [i for i in _list(shipment.order_items) if isinstance(i, OrderItem)]
    active = [i for i in items if str(getattr(i.status, "value", i.status)) != "CANCELLED"]
    return active or items


def _plan(
    name: str,
    items: Sequence[_Item],
    bodies: Sequence[tuple[str, Any]],
    limit: int,
    request: Callable[[list[Any]], Mapping[str, Any]],
    settled: Mapping[str, ShipmentResult],
    reader: Callable[..., Any] | None = None,
) -> BatchPlan[str, ShipmentResult]:
    chunks = [
        Chunk(tuple(key for key, _ in part), request([body for _, body in part]))
        for part in chunked(list(bodies), limit)
    ]
    return BatchPlan(
        name=name,
        keys=[item.shipment_id for item in items],
        chunks=chunks,
        read=reader or status_reader(name),
        failed=not_applied,
        missing=not_in_answer,
        settled=settled,
    )


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


def _rate_for(rates: float | Mapping[str, float] | None, item: OrderItem, at: str) -> float:
    if isinstance(rates, float):
        return rates
    if isinstance(rates, Mapping):
        for key in (item.order_item_id, item.sku):
            if isinstance(key, str) and key in rates:
                return rates[key]
    sku = _str(item.sku) or "?"
    raise InvalidItem(
        at,
        "tax_rate",
        f"no GST rate for SKU {sku} (order item {item.order_item_id}); give tax_rate as a "
        "number or a mapping of SKU or order item id to a rate",
    )


def _shipment_package(shipment: Shipment, sub_shipment: Any) -> Package | None:
    """The size Flipkart already holds for the sub-shipment's first package, if complete."""
    from flipkart_seller_api.models.package import Package as PackageModel

    for package in _list(getattr(sub_shipment, "packages", None)):
        if not isinstance(package, PackageModel):
            continue
        sides = package.dimensions
        values = [getattr(sides, side, None) for side in ("length", "breadth", "height")]
        values.append(package.weight)
        sizes = [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(sizes) == 4 and all(size > 0 for size in sizes):
            return Package(*sizes)
    return None


def _pack_request(item: _Item, shipment: Shipment, defaults: _PackDefaults) -> Any:
    from flipkart_seller_api.models.dimensions import Dimensions
    from flipkart_seller_api.models.pack_request import PackRequest
    from flipkart_seller_api.models.pack_request_invoice import PackRequestInvoice
    from flipkart_seller_api.models.serial_number import SerialNumber
    from flipkart_seller_api.models.sub_shipments import SubShipments
    from flipkart_seller_api.models.tax_item import TaxItem

    spec: PackSpec = item.spec or PackSpec(item.shipment_id)
    at = item.at
    order_items = _order_items(shipment)
    orders = list(dict.fromkeys(i.order_id for i in order_items if isinstance(i.order_id, str)))
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
        for order_item in order_items
        if isinstance(order_item.order_item_id, str)
    ]
    chosen = _packages(spec.package, at) if spec.package is not None else defaults.package
    sub_shipments = []
    for sub in _list(shipment.sub_shipments):
        sub_id = _str(getattr(sub, "sub_shipment_id", None))
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
    location = spec.location_id or _str(shipment.location_id)
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
            else (now or _now)()
        ),
        package=_packages(package, call),
        ignore_warning=ignore_warning,
    )
    items = _collect(shipments, spec_type=PackSpec, model=PackRequest)
    for item in items:
        if item.spec is not None:
            _check_pack_spec(item.spec, item.at)

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        bodies: list[tuple[str, Any]] = []
        settled: dict[str, ShipmentResult] = {}
        for item in items:
            if item.request is not None:
                bodies.append((item.shipment_id, item.request))
                continue
            shipment = _shipment(item, found)
            if shipment is None:
                settled[item.shipment_id] = _unknown(item.shipment_id)
            else:
                bodies.append((item.shipment_id, _pack_request(item, shipment, defaults)))
        return _plan(
            call,
            items,
            bodies,
            LIMITS["pack"],
            lambda part: pack._get_kwargs(body=ShipmentPackRequest(shipments=part)),
            settled,
        )

    return Prepared(_needs(items), build)


def _now() -> dt.datetime:
    return dt.datetime.now(IST).replace(microsecond=0)


def _needs(items: Iterable[_Item], wanted: Callable[[_Item], bool] | None = None) -> list[str]:
    """Ids to look up: items given without their shipment (and, if given, matching ``wanted``)."""
    return [
        item.shipment_id
        for item in items
        if item.shipment is None and item.request is None and (wanted is None or wanted(item))
    ]


# -- ready to dispatch, cancel -----------------------------------------------------------------


def _location(item: _Item, found: Found, fallback: str | None) -> str | None:
    shipment = _shipment(item, found)
    own = _str(shipment.location_id) if shipment is not None else None
    return own or fallback


def prepare_ready_to_dispatch(
    shipments: Any, *, location_id: str | None = None
) -> Prepared[ShipmentResult]:
    """Check a ready-to-dispatch call: one request per location, 25 shipments at most."""
    from flipkart_seller_api.api.shipment_v3 import mark_rtd
    from flipkart_seller_api.models.dispatch_shipment_request import DispatchShipmentRequest

    call = "ready_to_dispatch"
    if location_id is not None:
        as_text(location_id, call, "location_id", commas=False)
    items = _collect(shipments)

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        by_location: dict[str, list[str]] = {}
        settled: dict[str, ShipmentResult] = {}
        for item in items:
            location = _location(item, found, location_id)
            if item.shipment is None and location_id is None and item.shipment_id not in found:
                settled[item.shipment_id] = _unknown(item.shipment_id)
            elif location is None:
                raise InvalidItem(
                    item.at, "location_id", "the shipment names no location; pass location_id"
                )
            else:
                by_location.setdefault(location, []).append(item.shipment_id)
        chunks = [
            Chunk(
                tuple(part),
                mark_rtd._get_kwargs(
                    body=DispatchShipmentRequest(location_id=location, shipment_ids=list(part))
                ),
            )
            for location, ids in by_location.items()
            for part in chunked(ids, LIMITS[call])
        ]
        return BatchPlan(
            name=call,
            keys=[item.shipment_id for item in items],
            chunks=chunks,
            read=status_reader(call),
            failed=not_applied,
            missing=not_in_answer,
            settled=settled,
        )

    return Prepared(_needs(items) if location_id is None else [], build)


def _group_ids(shipment: Shipment) -> list[str]:
    return list(
        dict.fromkeys(
            i.cancellation_group_id
            for i in _order_items(shipment)
            if isinstance(i.cancellation_group_id, str) and i.cancellation_group_id
        )
    )


def prepare_cancel(shipments: Any, *, reason: str | None = None) -> Prepared[ShipmentResult]:
    """Check a cancel call; every shipment needs a reason (its own, or the call's)."""
    from flipkart_seller_api.api.shipment_v3 import cancel_by_enforced_group_ids
    from flipkart_seller_api.models.cancel_shipment import CancelShipment
    from flipkart_seller_api.models.cancel_shipment_request import CancelShipmentRequest

    call = "cancel"
    if reason is not None:
        as_text(reason, call, "reason")
    items = _collect(shipments, spec_type=CancelSpec, model=CancelShipment)
    for item in items:
        spec: CancelSpec | None = item.spec
        own_reason = spec.reason if spec is not None else None
        if item.request is not None:
            own_reason = _str(item.request.reason) or None
        if own_reason is None and reason is None:
            raise InvalidItem(
                item.at,
                "reason",
                "Flipkart needs a reason, e.g. not_enough_inventory, cannot_procure_item",
            )
        if own_reason is not None:
            as_text(own_reason, item.at, "reason")
        if spec is not None and spec.cancellation_group_ids is not None:
            for group in _listed(spec.cancellation_group_ids):
                as_text(group, item.at, "cancellation_group_ids")

    def complete(item: _Item) -> bool:
        spec = item.spec
        return (
            spec is not None
            and spec.cancellation_group_ids is not None
            and spec.location_id is not None
        )

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        bodies: list[tuple[str, Any]] = []
        settled: dict[str, ShipmentResult] = {}
        for item in items:
            if item.request is not None:
                request = item.request
                if not _str(request.reason):
                    request.reason = reason
                bodies.append((item.shipment_id, request))
                continue
            spec: CancelSpec = item.spec or CancelSpec(item.shipment_id)
            shipment = _shipment(item, found)
            if shipment is None and not complete(item):
                settled[item.shipment_id] = _unknown(item.shipment_id)
                continue
            if spec.cancellation_group_ids is not None:
                groups = list(spec.cancellation_group_ids)
            else:
                groups = _group_ids(shipment) if shipment is not None else []
            request = CancelShipment(
                shipment_id=item.shipment_id,
                reason=spec.reason or reason or "",
                cancellation_group_ids=groups,
            )
            location = spec.location_id or (
                _str(shipment.location_id) if shipment is not None else None
            )
            if location is not None:
                request.location_id = location
            bodies.append((item.shipment_id, request))
        return _plan(
            call,
            items,
            bodies,
            LIMITS[call],
            lambda part: cancel_by_enforced_group_ids._get_kwargs(
                body=CancelShipmentRequest(shipments=part)
            ),
            settled,
        )

    return Prepared(_needs(items, lambda item: not complete(item)), build)


# -- forms -------------------------------------------------------------------------------------


def _joined(ids: Sequence[str]) -> str:
    # Commas stay literal (Flipkart's documented separator); each id is escaped.
    return ",".join(quote(i, safe="") for i in ids)


def prepare_mandatory_forms(shipment_ids: Any) -> BatchPlan[str, ShipmentForms]:
    """The forms look-up: 100 ids per request; read-only, so safe to retry."""
    call = "mandatory_forms"
    items = _collect(shipment_ids)
    ids = [item.shipment_id for item in items]
    chunks = [
        Chunk(
            tuple(part),
            {
                "method": SHIPMENT_FORMS.method,
                "url": SHIPMENT_FORMS.path.replace("{shipmentIds}", _joined(part)),
                # Flipkart documents this as a look-up (its page even says GET).
                "extensions": {IDEMPOTENT_EXTENSION: True},
            },
        )
        for part in chunked(ids, LIMITS[call])
    ]
    return BatchPlan(
        name=call,
        keys=ids,
        chunks=chunks,
        read=forms_reader,
        failed=forms_not_applied,
        missing=forms_not_in_answer,
    )


def prepare_acknowledge_forms(acknowledgements: Any) -> BatchPlan[str, ShipmentResult]:
    """Acknowledgement numbers of forms filed by hand: ``{shipment id: {form name: number}}``."""
    from flipkart_seller_api.api.shipment_v3 import update_ack_number
    from flipkart_seller_api.models.form_update import FormUpdate
    from flipkart_seller_api.models.shipment_form_update_form import ShipmentFormUpdateForm
    from flipkart_seller_api.models.shipment_form_update_request import ShipmentFormUpdateRequest

    call = "acknowledge_forms"
    if isinstance(acknowledgements, Mapping):
        updates = []
        for index, (shipment_id, forms) in enumerate(acknowledgements.items()):
            at = where(index, shipment_id)
            as_text(shipment_id, at, "shipment id", commas=False)
            if not isinstance(forms, Mapping) or not forms:
                raise InvalidItem(
                    at, "forms", "expected a non-empty mapping of form name to ack number"
                )
            updates.append(
                FormUpdate(
                    shipment_id=shipment_id,
                    forms=[
                        ShipmentFormUpdateForm(
                            name=as_text(name, at, "forms"),
                            ack_number=as_text(number, at, f"forms[{name!r}]"),
                        )
                        for name, number in forms.items()
                    ],
                )
            )
    else:
        updates = _listed(acknowledgements)
    items = _collect(updates, model=FormUpdate)
    bodies = [(item.shipment_id, item.request) for item in items]
    return _plan(
        call,
        items,
        bodies,
        LIMITS[call],
        lambda part: update_ack_number._get_kwargs(body=ShipmentFormUpdateRequest(shipments=part)),
        {},
    )


# -- tracking ----------------------------------------------------------------------------------


def prepare_update_tracking(updates: Any) -> BatchPlan[str, ShipmentResult]:
    """One request per shipment (the id is in the path)."""
    from flipkart_seller_api.api.shipment_v3 import update_tracking_info
    from flipkart_seller_api.models.update_shipment_request import UpdateShipmentRequest

    call = "update_tracking"
    items = _collect(updates, spec_type=TrackingUpdate, model=UpdateShipmentRequest)
    bodies: list[tuple[str, Any]] = []
    for item in items:
        if item.request is not None:
            bodies.append((item.shipment_id, item.request))
            continue
        update: TrackingUpdate | None = item.spec
        if update is None:
            raise InvalidItem(
                item.at, "shipment", "expected a TrackingUpdate or UpdateShipmentRequest"
            )
        if (
            update.tracking_id is None
            and update.delivery_partner is None
            and update.tentative_delivery_date is None
        ):
            raise InvalidItem(
                item.at,
                "tracking_id",
                "give a tracking_id, delivery_partner or tentative_delivery_date",
            )
        request = UpdateShipmentRequest(shipment_id=item.shipment_id)
        if update.tracking_id is not None:
            request.tracking_id = as_text(update.tracking_id, item.at, "tracking_id")
        if update.delivery_partner is not None:
            request.delivery_partner = as_text(update.delivery_partner, item.at, "delivery_partner")
        if update.tentative_delivery_date is not None:
            request.tentative_delivery_date = as_instant(
                update.tentative_delivery_date, item.at, "tentative_delivery_date"
            )
        bodies.append((item.shipment_id, request))
    return BatchPlan(
        name=call,
        keys=[item.shipment_id for item in items],
        chunks=[
            Chunk((shipment_id,), update_tracking_info._get_kwargs(shipment_id, body=body))
            for shipment_id, body in bodies
        ],
        read=success_reader,
        failed=not_applied,
        missing=not_in_answer,
    )


# -- self-ship ---------------------------------------------------------------------------------


def prepare_dispatch_self_ship(
    shipments: Any,
    *,
    tentative_delivery_date: Any = None,
    dispatch_date: Any = None,
    invoice_date: Any = None,
    delivery_partner: str | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> Prepared[ShipmentResult]:
    """Check a self-ship dispatch: the invoice lists the shipment's items (looked up if needed)."""
    from flipkart_seller_api.api.shipment_v3 import submit_self_shipt_dispatch_request
    from flipkart_seller_api.models.dispatch_request_v3 import DispatchRequestV3
    from flipkart_seller_api.models.invoice_item import InvoiceItem
    from flipkart_seller_api.models.invoice_request import InvoiceRequest
    from flipkart_seller_api.models.selfship_dispatch_request_v3 import SelfshipDispatchRequestV3

    call = "dispatch_self_ship"
    items = _collect(shipments, spec_type=SelfShipDispatch, model=DispatchRequestV3)
    default_dispatch = (
        as_instant(dispatch_date, call, "dispatch_date")
        if dispatch_date is not None
        else (now or _now)()
    )
    default_tentative = (
        as_instant(tentative_delivery_date, call, "tentative_delivery_date")
        if tentative_delivery_date is not None
        else None
    )
    default_invoice_day = (
        as_day(invoice_date, call, "invoice_date") if invoice_date is not None else None
    )
    if delivery_partner is not None:
        as_text(delivery_partner, call, "delivery_partner")
    plans: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.request is not None:
            continue
        spec: SelfShipDispatch = item.spec or SelfShipDispatch(item.shipment_id)
        at = item.at
        dispatched = (
            as_instant(spec.dispatch_date, at, "dispatch_date")
            if spec.dispatch_date
            else default_dispatch
        )
        tentative = (
            as_instant(spec.tentative_delivery_date, at, "tentative_delivery_date")
            if spec.tentative_delivery_date
            else default_tentative
        )
        if tentative is None:
            raise InvalidItem(
                at, "tentative_delivery_date", "Flipkart needs the expected delivery date"
            )
        plans[item.shipment_id] = {
            "dispatch_date": dispatched,
            "tentative_delivery_date": tentative,
            "invoice_day": as_day(spec.invoice_date, at, "invoice_date")
            if spec.invoice_date
            else default_invoice_day or dispatched.astimezone(IST).date(),
            "invoice_number": as_text(spec.invoice_number, at, "invoice_number")
            if spec.invoice_number
            else None,
            "delivery_partner": as_text(spec.delivery_partner, at, "delivery_partner")
            if spec.delivery_partner
            else delivery_partner,
            "tracking_id": as_text(spec.tracking_id, at, "tracking_id")
            if spec.tracking_id
            else None,
        }

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        bodies: list[tuple[str, Any]] = []
        settled: dict[str, ShipmentResult] = {}
        for item in items:
            if item.request is not None:
                bodies.append((item.shipment_id, item.request))
                continue
            shipment = _shipment(item, found)
            if shipment is None:
                settled[item.shipment_id] = _unknown(item.shipment_id)
                continue
            values = plans[item.shipment_id]
            invoice = InvoiceRequest(
                invoice_date=values["invoice_day"],
                items=[
                    InvoiceItem(
                        order_item_id=line.order_item_id,
                        quantity=line.quantity
                        if isinstance(line.quantity, int) and line.quantity > 0
                        else 1,
                    )
                    for line in _order_items(shipment)
                    if isinstance(line.order_item_id, str)
                ],
            )
            if values["invoice_number"]:
                invoice.invoice_number = values["invoice_number"]
            request = DispatchRequestV3(
                dispatch_date=values["dispatch_date"],
                invoice=invoice,
                tentative_delivery_date=values["tentative_delivery_date"],
                shipment_id=item.shipment_id,
            )
            location = _str(shipment.location_id)
            if location is not None:
                request.location_id = location
            for key in ("delivery_partner", "tracking_id"):
                if values[key]:
                    setattr(request, key, values[key])
            bodies.append((item.shipment_id, request))
        return _plan(
            call,
            items,
            bodies,
            LIMITS[call],
            lambda part: submit_self_shipt_dispatch_request._get_kwargs(
                body=SelfshipDispatchRequestV3(shipments=part)
            ),
            settled,
            status_reader(call, SELF_SHIP_ACTION_ANSWER.items),
        )

    return Prepared(_needs(items), build)


def _located(
    call: str,
    items: list[_Item],
    location_id: str | None,
    make: Callable[[_Item, str | None], Any],
    request: Callable[[list[Any]], Mapping[str, Any]],
) -> Callable[[Found], BatchPlan[str, ShipmentResult]]:
    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        bodies: list[tuple[str, Any]] = []
        settled: dict[str, ShipmentResult] = {}
        for item in items:
            if item.request is not None:
                bodies.append((item.shipment_id, item.request))
            elif item.shipment is None and location_id is None and item.shipment_id not in found:
                settled[item.shipment_id] = _unknown(item.shipment_id)
            else:
                bodies.append((item.shipment_id, make(item, _location(item, found, location_id))))
        return _plan(
            call,
            items,
            bodies,
            LIMITS[call],
            request,
            settled,
            status_reader(call, SELF_SHIP_ACTION_ANSWER.items),
        )

    return build


def prepare_deliver_self_ship(
    shipments: Any, *, delivery_date: Any, location_id: str | None = None
) -> Prepared[ShipmentResult]:
    """Check a self-ship delivery: every shipment delivered on ``delivery_date``."""
    from flipkart_seller_api.api.shipment_v3 import submit_self_ship_delivery_request
    from flipkart_seller_api.models.deliver_request import DeliverRequest
    from flipkart_seller_api.models.shipments_deliver_request_v2 import ShipmentsDeliverRequestV2

    call = "deliver_self_ship"
    delivered = as_instant(delivery_date, call, "delivery_date")
    if location_id is not None:
        as_text(location_id, call, "location_id", commas=False)
    items = _collect(shipments, model=DeliverRequest)

    def make(item: _Item, location: str | None) -> Any:
        request = DeliverRequest(delivery_date=delivered, shipment_id=item.shipment_id)
        if location is not None:
            request.location_id = location
        return request

    build = _located(
        call,
        items,
        location_id,
        make,
        lambda part: submit_self_ship_delivery_request._get_kwargs(
            body=ShipmentsDeliverRequestV2(shipments=part)
        ),
    )
    return Prepared(_needs(items) if location_id is None else [], build)


def prepare_delivery_attempt(
    shipments: Any,
    *,
    attempt_date: Any,
    new_delivery_date: Any,
    reason: str,
    sub_reason: str | None = None,
    location_id: str | None = None,
) -> Prepared[ShipmentResult]:
    """Check a failed self-ship delivery attempt and the next delivery date."""
    from flipkart_seller_api.api.shipment_v3 import submit_self_ship_deliver_attempt_request_v3
    from flipkart_seller_api.models.deliver_attempt_request import DeliverAttemptRequest
    from flipkart_seller_api.models.failure_attributes import FailureAttributes
    from flipkart_seller_api.models.shipments_deliver_attempt_request_v2 import (
        ShipmentsDeliverAttemptRequestV2,
    )

    call = "delivery_attempt"
    attempted = as_instant(attempt_date, call, "attempt_date")
    next_date = as_instant(new_delivery_date, call, "new_delivery_date")
    if next_date <= attempted:
        raise InvalidItem(call, "new_delivery_date", "must be after attempt_date")
    as_text(reason, call, "reason")
    if sub_reason is not None:
        as_text(sub_reason, call, "sub_reason")
    if location_id is not None:
        as_text(location_id, call, "location_id", commas=False)
    items = _collect(shipments, model=DeliverAttemptRequest)

    def make(item: _Item, location: str | None) -> Any:
        failure = FailureAttributes(new_delivery_date=next_date, reason=reason)
        if sub_reason is not None:
            failure.sub_reason = sub_reason
        request = DeliverAttemptRequest(
            delivery_date=attempted, failure_attributes=failure, shipment_id=item.shipment_id
        )
        if location is not None:
            request.location_id = location
        return request

    build = _located(
        call,
        items,
        location_id,
        make,
        lambda part: submit_self_ship_deliver_attempt_request_v3._get_kwargs(
            body=ShipmentsDeliverAttemptRequestV2(shipments=part)
        ),
    )
    return Prepared(_needs(items) if location_id is None else [], build)
