"""Shipment endpoints: search, look-ups, labels and invoices, dispatch, cancel.

Handlers run under the emulator's lock with a body that already passed the contract
check, so they only apply Flipkart's business rules. Every move runs inside
``Store.watch``, which announces the resulting notification events.

Per-request limits, from Flipkart's documentation: look-ups, labels and invoices take at
most 100 shipment ids; the label-only downloads (``.../labelOnly``, ``.../labelOnly/pdf``)
at most 50; pack, ready-to-dispatch and cancel at most 25 shipments (the spec's
``maxItems``, which the contract check enforces).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .._spec import SHIPMENT_PAGE, SHIPMENT_SEARCH_NEXT
from ._batch import each_shipment, too_many
from ._cursor import CursorCodec, InvalidCursorError
from ._pdf import build_pdf
from ._search import SearchRequestError, ShipmentSearch, parse_search, run_search
from ._state import OrderItemRecord, ShipmentRecord, Store, format_datetime
from ._transitions import (
    LABELLED_STATES,
    cancel,
    mark_ready_to_dispatch,
    pack,
)
from ._wire import (
    OCTET_STREAM_CONTENT_TYPE,
    PDF_CONTENT_TYPE,
    Call,
    FieldError,
    Response,
    error_response,
    json_response,
)

__all__ = ["MAX_IDS_PER_CALL", "MAX_LABEL_ONLY_IDS", "ShipmentsApi", "render_shipment", "split_ids"]

MAX_IDS_PER_CALL = 100
MAX_LABEL_ONLY_IDS = 50


def _unlabelled(shipment: ShipmentRecord) -> str | None:
    """Why a shipment has no label or invoice yet (``None``: it has them)."""
    if shipment.state in LABELLED_STATES:
        return None
    return f"not packed (state {shipment.state})"


def _render_item(item: OrderItemRecord, shipment: ShipmentRecord) -> dict[str, Any]:
    return {
        **item.wire(shipment.package_id),
        "cancellationDate": (
            format_datetime(item.cancellation_date) if item.cancellation_date else None
        ),
        "serviceProfile": "NON_FBF",
        "is_replacement": False,
        "courierReturn": False,
        "cancellationReason": item.cancellation_reason,
        "cancellationSubReason": None,
    }


def render_shipment(shipment: ShipmentRecord) -> dict[str, Any]:
    """A shipment in the spec's ``Shipment`` shape."""
    return {
        "shipmentId": shipment.shipment_id,
        "dispatchByDate": format_datetime(shipment.dispatch_by),
        "dispatchAfterDate": format_datetime(shipment.dispatch_after),
        "updatedAt": format_datetime(shipment.updated_at),
        "locationId": shipment.location_id,
        "hold": shipment.hold,
        "mps": False,
        "packagingPolicy": "DEFAULT",
        "shipmentType": shipment.shipment_type,
        "subShipments": [
            {
                "subShipmentId": shipment.sub_shipment_id,
                "packages": [
                    {
                        "id": shipment.package_id,
                        "name": "package-1",
                        "dimensions": dict(shipment.dimensions),
                        "weight": shipment.weight,
                    }
                ],
            }
        ],
        "orderItems": [_render_item(item, shipment) for item in shipment.items],
        "forms": [
            {"name": form.name, "link": form.link, "automated": form.automated}
            for form in shipment.forms
        ],
    }


def split_ids(text: str, what: str, limit: int = MAX_IDS_PER_CALL) -> list[str] | Response:
    """Comma-separated ids, de-duplicated in order, or a 400 when empty or over ``limit``."""
    ids = list(dict.fromkeys(part.strip() for part in text.split(",")))
    if not ids or any(not part for part in ids):
        return error_response(
            400, "invalid_request", f"{what} must be non-empty ids separated by commas"
        )
    if len(ids) > limit:
        return error_response(
            400,
            "invalid_request",
            f"At most {limit} {what} per request, got {len(ids)}",
        )
    return ids


def parse_flag(value: str | None, name: str) -> bool | Response:
    """A boolean query parameter (``true``/``false``, absent is false) or a 400."""
    if value is None:
        return False
    if value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return error_response(400, "invalid_request", f"{name} must be true or false")


class ShipmentsApi:
    """Route handlers over one store."""

    def __init__(self, store: Store, cursors: CursorCodec) -> None:
        self._store = store
        self._cursors = cursors

    # -- search ------------------------------------------------------------------------

    def search_post(self, call: Call) -> Response:
        """``POST /v3/shipments/filter``: the first page."""
        try:
            search = parse_search(call.body)
        except SearchRequestError as exc:
            return error_response(400, "invalid_request", str(exc), details=exc.errors)
        return self._page(search, 0)

    def search_get(self, call: Call) -> Response:
        """``GET /v3/shipments/filter?next_token=...``: a later page of the same search."""
        token = call.request.query.get("next_token")
        if not token:
            return error_response(400, "invalid_request", "next_token is required")
        try:
            data, page = self._cursors.decode(token)
        except InvalidCursorError as exc:
            return error_response(400, "invalid_request", str(exc))
        return self._page(ShipmentSearch.from_json(data), page)

    def _page(self, search: ShipmentSearch, page: int) -> Response:
        found = run_search(search, self._store.shipments.values())
        start = page * search.page_size
        chunk = found[start : start + search.page_size]
        has_more = start + search.page_size < len(found)
        payload: dict[str, Any] = {SHIPMENT_PAGE.has_more: has_more}
        if has_more:
            token = self._cursors.encode(search.to_json(), page + 1)
            payload[SHIPMENT_PAGE.next] = f"{SHIPMENT_SEARCH_NEXT.path}?next_token={token}"
        payload[SHIPMENT_PAGE.items] = [render_shipment(s) for s in chunk]
        return json_response(payload)

    # -- look-ups ----------------------------------------------------------------------

    def _known(self, ids: Iterable[str]) -> list[ShipmentRecord]:
        shipments = self._store.shipments
        return [shipments[i] for i in ids if i in shipments]

    def get_by_path(self, call: Call) -> Response:
        """``GET /v3/shipments/{shipmentIds}``."""
        ids = split_ids(call.params["shipmentIds"], "shipmentIds")
        if isinstance(ids, Response):
            return ids
        return json_response({"shipments": [render_shipment(s) for s in self._known(ids)]})

    def get_by_query(self, call: Call) -> Response:
        """``GET /v3/shipments?shipmentIds=|orderIds=|orderItemIds=`` (exactly one of them)."""
        given = [n for n in ("shipmentIds", "orderIds", "orderItemIds") if n in call.request.query]
        if len(given) != 1:
            return error_response(
                400, "invalid_request", "Give exactly one of shipmentIds, orderIds, orderItemIds"
            )
        name = given[0]
        ids = split_ids(call.request.query[name], name)
        if isinstance(ids, Response):
            return ids
        if name == "shipmentIds":
            found = self._known(ids)
        else:
            wanted = set(ids)
            attribute: Callable[[OrderItemRecord], str] = (
                (lambda i: i.order_id) if name == "orderIds" else (lambda i: i.order_item_id)
            )
            found = [
                s
                for s in self._store.shipments.values()
                if any(attribute(i) in wanted for i in s.items)
            ]
        return json_response({"shipments": [render_shipment(s) for s in found]})

    # -- labels and invoices -----------------------------------------------------------

    def pack(self, call: Call) -> Response:
        """``POST /v3/shipments/labels``: per-shipment results in one 200 answer."""
        now = self._store.now()
        return self._each(call, "shipments", lambda s, entry: pack(s, entry, now))

    def _each(
        self,
        call: Call,
        key: str,
        action: Callable[[ShipmentRecord, dict[str, Any]], None],
    ) -> Response:
        entries = call.body.get(key)
        refused = too_many(entries, None, key)
        if refused is not None:
            return refused
        results = each_shipment(self._store, entries, action, "status")
        return json_response({"shipments": results})

    def _every(
        self, ids: list[str], what: str, refusal: Callable[[ShipmentRecord], str | None]
    ) -> list[ShipmentRecord] | Response:
        """The shipments of ``ids``; or, when one is unknown or ``refusal`` names a reason
        against it, a 400 listing each such shipment (``what``: the documents asked for)."""
        problems = []
        found = []
        for shipment_id in ids:
            shipment = self._store.shipments.get(shipment_id)
            reason = "shipment not found" if shipment is None else refusal(shipment)
            if reason is not None:
                problems.append(FieldError(shipment_id, reason))
            elif shipment is not None:
                found.append(shipment)
        if problems:
            return error_response(
                400, "invalid_request", f"No {what} for some shipments", details=problems
            )
        return found

    def _documents(self, call: Call, title: str) -> Response:
        ids = split_ids(call.params["shipmentIds"], "shipmentIds")
        if isinstance(ids, Response):
            return ids
        found = self._every(ids, title.lower(), _unlabelled)
        if isinstance(found, Response):
            return found
        pages = [self._document_lines(shipment, title) for shipment in found]
        return Response(status=200, raw=build_pdf(pages), content_type=PDF_CONTENT_TYPE)

    @staticmethod
    def _document_lines(shipment: ShipmentRecord, title: str) -> list[str]:
        lines = [f"Flipkart emulator - {title}", f"Shipment {shipment.shipment_id}"]
        lines.append(f"Dispatch by {format_datetime(shipment.dispatch_by)}")
        for item in shipment.items:
            invoice = shipment.invoice_numbers.get(item.order_id, "-")
            lines.append(
                f"{item.order_id} / {item.order_item_id}: {item.listing.sku} x{item.quantity}"
                f" (invoice {invoice})"
            )
        return lines

    def labels(self, call: Call) -> Response:
        """``GET /v3/shipments/{shipmentIds}/labels``: a PDF with one label page per shipment."""
        return self._documents(call, "Shipping label")

    def invoices(self, call: Call) -> Response:
        """``GET /v3/shipments/{shipmentIds}/invoices``: a PDF with one invoice page per shipment."""
        return self._documents(call, "Tax invoice")

    def _label_only(self, call: Call, content_type: str) -> Response:
        """Labels without invoices; unless ``reprint=true``, unpacked shipments get packed.

        Flipkart documents ``reprint``: when true the shipment is not marked packed (if it
        is not already); so without it, downloading the label packs the shipment. Nothing
        changes unless every shipment can have its label.
        """
        ids = split_ids(call.params["shipmentIds"], "shipmentIds", MAX_LABEL_ONLY_IDS)
        if isinstance(ids, Response):
            return ids
        reprint = parse_flag(call.request.query.get("reprint"), "reprint")
        if isinstance(reprint, Response):
            return reprint

        def refusal(shipment: ShipmentRecord) -> str | None:
            if shipment.state in LABELLED_STATES:
                return None
            if reprint:
                return _unlabelled(shipment)
            if shipment.hold or shipment.state not in ("APPROVED", "PACKED"):
                return f"cannot be packed (state {shipment.state})"
            if shipment.form_failure and any(f.status != "COMPLETED" for f in shipment.forms):
                return "its forms must be filed first"
            return None

        found = self._every(ids, "labels", refusal)
        if isinstance(found, Response):
            return found
        now = self._store.now()
        for shipment in (s for s in found if s.state not in LABELLED_STATES):
            with self._store.watch(shipment):
                pack(shipment, {}, now)
        pages = [self._document_lines(self._store.shipments[i], "Shipping label") for i in ids]
        return Response(status=200, raw=build_pdf(pages), content_type=content_type)

    def labels_only(self, call: Call) -> Response:
        """``POST /v3/shipments/{shipmentIds}/labelOnly``: the label file as a byte stream."""
        return self._label_only(call, OCTET_STREAM_CONTENT_TYPE)

    def labels_only_pdf(self, call: Call) -> Response:
        """``POST /v3/shipments/{shipmentIds}/labelOnly/pdf``: the labels as a PDF."""
        return self._label_only(call, PDF_CONTENT_TYPE)

    # -- dispatch and cancel -----------------------------------------------------------

    def dispatch(self, call: Call) -> Response:
        """``POST /v3/shipments/dispatch``: mark PACKED shipments ready to dispatch."""
        location_id = call.body.get("locationId")
        now = self._store.now()
        return self._each(
            call, "shipmentIds", lambda s, _entry: mark_ready_to_dispatch(s, location_id, now)
        )

    def cancel(self, call: Call) -> Response:
        """``POST /v3/shipments/cancel``: seller cancellation, per shipment."""
        now = self._store.now()
        return self._each(call, "shipments", lambda s, entry: cancel(s, entry, now))
