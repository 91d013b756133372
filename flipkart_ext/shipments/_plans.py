"""What every shipment lifecycle plan shares: the items as given, the look-up, the batch.

Nothing here does I/O. Each ``prepare_*`` function (``_packing``, ``_lifecycle``,
``_self_ship``) checks what the caller gave, raising :class:`~flipkart_ext.InvalidItem`
naming the shipment and field, and returns a :class:`Prepared`: the ids whose shipment data
it still needs (``lookup``), and ``build``, which turns the looked-up shipments into a
:class:`~flipkart_ext._core.batches.BatchPlan` for the shared batch engine. ``Shipments`` and
``AsyncShipments`` only do the look-up and run the plan, so sync and async share every
decision.

Per-request limits (each call is split into requests of at most this many shipments):

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

from .._core.batches import BatchPlan, Chunk, Outcome
from .._core.calls import Call
from .._core.ids import chunked
from ..errors import FlipkartError, InvalidItem
from ._inputs import (
    IST,
    as_shipment,
    as_text,
    where,
)
from ._results import (
    NOT_APPLIED,
    ShipmentResult,
    not_applied,
    not_in_answer,
    status_reader,
)

if TYPE_CHECKING:
    from flipkart_seller_api.models.order_item import OrderItem
    from flipkart_seller_api.models.shipment import Shipment

__all__ = [
    "LIMITS",
    "Found",
    "Item",
    "Prepared",
    "as_list",
    "batch_plan",
    "collect",
    "listed",
    "location_of",
    "needs",
    "now_ist",
    "order_items",
    "plan_of",
    "shipment_of",
    "text_or_none",
    "unknown",
]

R = TypeVar("R")
ResultT = TypeVar("ResultT", bound=Outcome)

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
class Item:
    index: int
    shipment_id: str
    shipment: Shipment | None = None
    spec: Any = None
    request: Any = None

    @property
    def at(self) -> str:
        return where(self.index, self.shipment_id)


def listed(values: Any, what: str = "shipments") -> list[Any]:
    if isinstance(values, str | Mapping) or not isinstance(values, Iterable):
        values = [values]
    listed = list(values)
    return listed


def collect(
    values: Any,
    *,
    spec_type: type | None = None,
    model: type | None = None,
) -> list[Item]:
    """Every item with its id and shipment data, each shipment once."""
    items: list[Item] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(listed(values)):
        at = where(index, None)
        if model is not None and isinstance(value, model):
            shipment_id = as_text(
                getattr(value, "shipment_id", None), at, "shipmentId", commas=False
            )
            item = Item(index, shipment_id, request=value)
        elif spec_type is not None and isinstance(value, spec_type):
            source = getattr(value, "shipment", None) or getattr(value, "shipment_id", None)
            shipment_id, shipment = as_shipment(source, at)
            item = Item(index, shipment_id, shipment, spec=value)
        else:
            shipment_id, shipment = as_shipment(value, at)
            item = Item(index, shipment_id, shipment)
        if shipment_id in seen:
            raise InvalidItem(
                item.at, "shipment", f"given twice (also shipments[{seen[shipment_id]}])"
            )
        seen[shipment_id] = index
        items.append(item)
    return items


def shipment_of(item: Item, found: Found) -> Shipment | None:
    return item.shipment if item.shipment is not None else found.get(item.shipment_id)


def unknown(shipment_id: str) -> ShipmentResult:
    return ShipmentResult(
        shipment_id,
        NOT_APPLIED,
        error_code="SHIPMENT_NOT_FOUND",
        error_message="Flipkart found no shipment with this id; nothing was sent for it",
    )


def as_list(value: Any) -> list[Any]:
    # Generated fields may be UNSET or None as well as a list: read them liberally.
    return value if isinstance(value, list) else []


def text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def order_items(shipment: Shipment) -> list[OrderItem]:
    """The items still to ship (every item, when all are cancelled: Flipkart will say so)."""
    from flipkart_seller_api.models.order_item import OrderItem

    items = [i for i in as_list(shipment.order_items) if isinstance(i, OrderItem)]
    active = [i for i in items if str(getattr(i.status, "value", i.status)) != "CANCELLED"]
    return active or items


def batch_plan(
    name: str,
    items: Sequence[Item],
    body: Callable[[Item], Any],
    request: Callable[[list[Any]], Call],
    reader: Callable[..., Any] | None = None,
) -> BatchPlan[str, ShipmentResult]:
    """The plan of the bulk call ``name``: ``body(item)`` is each item's entry (``None``: a
    shipment Flipkart does not know, settled as such and never sent), and
    ``LIMITS[name]`` entries go to each request ``request`` builds."""
    results = (reader or status_reader(name), not_applied, not_in_answer)
    return plan_of(name, items, body, request, *results)


def plan_of(
    name: str,
    items: Sequence[Item],
    body: Callable[[Item], Any],
    request: Callable[[list[Any]], Call],
    read: Callable[[Chunk[str], Any], list[tuple[str, ResultT]]],
    failed: Callable[[str, FlipkartError], ResultT],
    missing: Callable[[str], ResultT],
) -> BatchPlan[str, ResultT]:
    """:func:`batch_plan` for a call whose results are of another kind (``read`` reads
    an answer; ``failed`` and ``missing`` make the result of an item whose request failed,
    or that an answer left out)."""
    bodies: list[tuple[str, Any]] = []
    settled: dict[str, Any] = {}
    for item in items:
        entry = body(item)
        if entry is None:
            settled[item.shipment_id] = unknown(item.shipment_id)
        else:
            bodies.append((item.shipment_id, entry))
    chunks = [
        Chunk(tuple(key for key, _ in part), request([entry for _, entry in part]))
        for part in chunked(bodies, LIMITS[name])
    ]
    return BatchPlan(
        name=name,
        keys=[item.shipment_id for item in items],
        chunks=chunks,
        read=read,
        failed=failed,
        missing=missing,
        settled=settled,
    )


def now_ist() -> dt.datetime:
    return dt.datetime.now(IST).replace(microsecond=0)


def needs(items: Iterable[Item], wanted: Callable[[Item], bool] | None = None) -> list[str]:
    """Ids to look up: items given without their shipment (and, if given, matching ``wanted``)."""
    return [
        item.shipment_id
        for item in items
        if item.shipment is None and item.request is None and (wanted is None or wanted(item))
    ]


# -- ready to dispatch, cancel -----------------------------------------------------------------


def location_of(item: Item, found: Found, fallback: str | None) -> str | None:
    shipment = shipment_of(item, found)
    own = text_or_none(shipment.location_id) if shipment is not None else None
    return own or fallback
