"""Plans for ready to dispatch, cancel, the forms and tracking updates (see ``_plans``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .._core.batches import BatchPlan, Chunk
from .._core.calls import Call
from .._core.ids import chunked
from .._core.inputs import first_repeat
from .._core.retry import IDEMPOTENT_EXTENSION
from ..errors import InvalidItem
from ._inputs import (
    CancelSpec,
    TrackingUpdate,
    as_instant,
    as_text,
    where,
)
from ._plans import (
    LIMITS,
    Found,
    Item,
    Prepared,
    batch_plan,
    collect,
    listed,
    location_of,
    needs,
    order_items,
    plan_of,
    shipment_of,
    text_or_none,
    unknown,
)
from ._results import (
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
    from flipkart_seller_api.models.shipment import Shipment

__all__ = [
    "prepare_acknowledge_forms",
    "prepare_cancel",
    "prepare_mandatory_forms",
    "prepare_ready_to_dispatch",
    "prepare_update_tracking",
]


def prepare_ready_to_dispatch(
    shipments: Any, *, location_id: str | None = None
) -> Prepared[ShipmentResult]:
    """Check a ready-to-dispatch call: one request per location, 25 shipments at most."""
    from flipkart_seller_api.api.shipment_v3 import mark_rtd
    from flipkart_seller_api.models.dispatch_shipment_request import DispatchShipmentRequest

    call = "ready_to_dispatch"
    if location_id is not None:
        as_text(location_id, call, "location_id", commas=False)
    items = collect(shipments)

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        by_location: dict[str, list[str]] = {}
        settled: dict[str, ShipmentResult] = {}
        for item in items:
            location = location_of(item, found, location_id)
            if item.shipment is None and location_id is None and item.shipment_id not in found:
                settled[item.shipment_id] = unknown(item.shipment_id)
            elif location is None:
                raise InvalidItem(
                    item.at, "location_id", "the shipment names no location; pass location_id"
                )
            else:
                by_location.setdefault(location, []).append(item.shipment_id)
        chunks = [
            Chunk(
                tuple(part),
                Call.of(
                    mark_rtd,
                    body=DispatchShipmentRequest(location_id=location, shipment_ids=list(part)),
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

    return Prepared(needs(items) if location_id is None else [], build)


def _group_ids(shipment: Shipment) -> list[str]:
    return list(
        dict.fromkeys(
            i.cancellation_group_id
            for i in order_items(shipment)
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
    items = collect(shipments, spec_type=CancelSpec, model=CancelShipment)
    for item in items:
        spec: CancelSpec | None = item.spec
        own_reason = spec.reason if spec is not None else None
        if item.request is not None:
            own_reason = text_or_none(item.request.reason) or None
        if own_reason is None and reason is None:
            raise InvalidItem(
                item.at,
                "reason",
                "Flipkart needs a reason, e.g. not_enough_inventory, cannot_procure_item",
            )
        if own_reason is not None:
            as_text(own_reason, item.at, "reason")
        if spec is not None and spec.cancellation_group_ids is not None:
            groups = listed(spec.cancellation_group_ids)
            for group in groups:
                as_text(group, item.at, "cancellation_group_ids")
            repeat = first_repeat(groups)
            if repeat is not None:
                raise InvalidItem(
                    item.at,
                    f"cancellation_group_ids[{repeat[1]}]",
                    f"{groups[repeat[1]]!r} is given twice (also at [{repeat[0]}])",
                )

    def complete(item: Item) -> bool:
        spec = item.spec
        return (
            spec is not None
            and spec.cancellation_group_ids is not None
            and spec.location_id is not None
        )

    def body(item: Item, found: Found) -> Any:
        if item.request is not None:
            request = item.request
            if not text_or_none(request.reason):
                request.reason = reason
            return request
        spec: CancelSpec = item.spec or CancelSpec(item.shipment_id)
        shipment = shipment_of(item, found)
        if shipment is None and not complete(item):
            return None
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
            text_or_none(shipment.location_id) if shipment is not None else None
        )
        if location is not None:
            request.location_id = location
        return request

    def build(found: Found) -> BatchPlan[str, ShipmentResult]:
        return batch_plan(
            call,
            items,
            lambda item: body(item, found),
            lambda part: Call.of(
                cancel_by_enforced_group_ids, body=CancelShipmentRequest(shipments=part)
            ),
        )

    return Prepared(needs(items, lambda item: not complete(item)), build)


# -- forms -------------------------------------------------------------------------------------


def _joined(ids: Sequence[str]) -> str:
    # Commas stay literal (Flipkart's documented separator); each id is escaped.
    return ",".join(quote(i, safe="") for i in ids)


def prepare_mandatory_forms(shipment_ids: Any) -> BatchPlan[str, ShipmentForms]:
    """The forms look-up: 100 ids per request; read-only, so safe to retry."""
    from flipkart_seller_api.api.shipment_v3 import get_mandatory_forms

    call = "mandatory_forms"
    return plan_of(
        call,
        collect(shipment_ids),
        lambda item: item.shipment_id,
        # Flipkart documents this as a look-up (its page even says GET): safe to retry.
        lambda part: Call.of(
            get_mandatory_forms,
            shipment_ids=",".join(part),
            extensions={IDEMPOTENT_EXTENSION: True},
        ),
        forms_reader,
        forms_not_applied,
        forms_not_in_answer,
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
        updates = listed(acknowledgements)
    items = collect(updates, model=FormUpdate)
    return batch_plan(
        call,
        items,
        lambda item: item.request,
        lambda part: Call.of(update_ack_number, body=ShipmentFormUpdateRequest(shipments=part)),
    )


# -- tracking ----------------------------------------------------------------------------------


def prepare_update_tracking(updates: Any) -> BatchPlan[str, ShipmentResult]:
    """One request per shipment (the id is in the path)."""
    from flipkart_seller_api.api.shipment_v3 import update_tracking_info
    from flipkart_seller_api.models.update_shipment_request import UpdateShipmentRequest

    call = "update_tracking"
    items = collect(updates, spec_type=TrackingUpdate, model=UpdateShipmentRequest)
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
            Chunk((shipment_id,), Call.of(update_tracking_info, shipment_id=shipment_id, body=body))
            for shipment_id, body in bodies
        ],
        read=success_reader,
        failed=not_applied,
        missing=not_in_answer,
    )
