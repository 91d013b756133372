"""Plans for self-ship: dispatch with the invoice, delivery, and a failed delivery attempt (v3).

Flipkart's pages document at most 100 shipments per request for each of the three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._core.batches import BatchPlan
from .._core.calls import Call
from .._spec import SELF_SHIP_ACTION_ANSWER
from ..errors import InvalidItem
from ._inputs import (
    IST,
    SelfShipDispatch,
    as_day,
    as_instant,
    as_text,
)
from ._plans import (
    Found,
    Item,
    Prepared,
    batch_plan,
    collect,
    location_of,
    needs,
    now_ist,
    order_items,
    shipment_of,
    text_or_none,
)
from ._results import (
    ShipmentResult,
    status_reader,
)

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment

__all__ = ["prepare_deliver_self_ship", "prepare_delivery_attempt", "prepare_dispatch_self_ship"]

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
    items = collect(shipments, spec_type=SelfShipDispatch, model=DispatchRequestV3)
    default_dispatch = (
        as_instant(dispatch_date, call, "dispatch_date")
        if dispatch_date is not None
        else (now or now_ist)()
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
        return batch_plan(
            call,
            items,
            lambda item: body(item, shipment_of(item, found)),
            lambda part: Call.of(
                submit_self_shipt_dispatch_request, body=SelfshipDispatchRequestV3(shipments=part)
            ),
            status_reader(call, SELF_SHIP_ACTION_ANSWER.items),
        )

    def body(item: Item, shipment: Shipment | None) -> Any:
        if item.request is not None:
            return item.request
        if shipment is None:
            return None
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
                for line in order_items(shipment)
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
        location = text_or_none(shipment.location_id)
        if location is not None:
            request.location_id = location
        for key in ("delivery_partner", "tracking_id"):
            if values[key]:
                setattr(request, key, values[key])
        return request

    return Prepared(needs(items), build)


def _located(
    call: str,
    shipments: Any,
    location_id: str | None,
    model: type,
    make: Callable[[Item], Any],
    request: Callable[[list[Any]], Call],
) -> Prepared[ShipmentResult]:
    """A self-ship call sent from each shipment's location: ``make(item)`` builds a
    shipment's entry, sent with its location (looked up, or ``location_id`` for shipments
    given by id alone); ``request`` wraps a chunk of entries."""
    if location_id is not None:
        as_text(location_id, call, "location_id", commas=False)
    items = collect(shipments, model=model)

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        def body(item: Item) -> Any:
            if item.request is not None:
                return item.request
            if item.shipment is None and location_id is None and item.shipment_id not in found:
                return None
            entry = make(item)
            location = location_of(item, found, location_id)
            if location is not None:
                entry.location_id = location
            return entry

        return batch_plan(
            call, items, body, request, status_reader(call, SELF_SHIP_ACTION_ANSWER.items)
        )

    return Prepared(needs(items) if location_id is None else [], build)


def prepare_deliver_self_ship(
    shipments: Any, *, delivery_date: Any, location_id: str | None = None
) -> Prepared[ShipmentResult]:
    """Check a self-ship delivery: every shipment delivered on ``delivery_date``."""
    from flipkart_seller_api.api.shipment_v3 import submit_self_ship_delivery_request
    from flipkart_seller_api.models.deliver_request import DeliverRequest
    from flipkart_seller_api.models.shipments_deliver_request_v2 import ShipmentsDeliverRequestV2

    call = "deliver_self_ship"
    delivered = as_instant(delivery_date, call, "delivery_date")

    def make(item: Item) -> Any:
        return DeliverRequest(delivery_date=delivered, shipment_id=item.shipment_id)

    def request(part: list[Any]) -> Call:
        body = ShipmentsDeliverRequestV2(shipments=part)
        return Call.of(submit_self_ship_delivery_request, body=body)

    return _located(call, shipments, location_id, DeliverRequest, make, request)


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

    def make(item: Item) -> Any:
        failure = FailureAttributes(new_delivery_date=next_date, reason=reason)
        if sub_reason is not None:
            failure.sub_reason = sub_reason
        return DeliverAttemptRequest(
            delivery_date=attempted, failure_attributes=failure, shipment_id=item.shipment_id
        )

    def request(part: list[Any]) -> Call:
        body = ShipmentsDeliverAttemptRequestV2(shipments=part)
        return Call.of(submit_self_ship_deliver_attempt_request_v3, body=body)

    return _located(call, shipments, location_id, DeliverAttemptRequest, make, request)
