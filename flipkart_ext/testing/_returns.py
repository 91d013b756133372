"""Returns: ``GET /v2/returns`` (search and look-up) and the self-ship return actions.

Search, as Flipkart documents it:

- ``source`` is mandatory: ``customer_return`` or ``courier_return``;
- ``createdAfter`` / ``createdBefore`` / ``modifiedAfter`` / ``modifiedBefore`` (ISO
  date-times; without an offset, IST) and ``locationId`` narrow it;
- ``returnIds`` or ``trackingIds`` look returns up: comma-separated, at most 25 each;
- at most 25 returns per page; while ``hasMore``, the next page is a GET of ``nextUrl``.

The emulator's ``nextUrl`` is the same search with ``createdAfter`` moved past the last
return of the page: returns are ordered by creation time, and creation times never
repeat, so the next page starts exactly after this one and a return created meanwhile
shows up at the end. (Flipkart's own ``nextUrl`` carries an opaque token; a client must
follow either as given.) Every name of the query comes from the spec through
``_wire_names.RETURNS_QUERY``.

Actions (approve, reject, cancel, pickup, pickupAttempt, complete) take at most 100
returns per request (Flipkart's documented limit) and answer one entry per return with
``processingStatus`` SUCCESS or FAILURE and, on failure, ``errorCode`` and
``errorMessage``; an unknown return id or an illegal move is a failure of that entry
only. The moves are in ``_return_moves``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from .._spec import RETURN_ITEM, RETURNS_PAGE, RETURNS_QUERY, RETURNS_SEARCH
from ._batch import outcome, too_many
from ._dates import format_datetime, parse_datetime
from ._state import RETURN_SOURCES, ReturnRecord, Store
from ._transitions import TransitionError
from ._wire import Call, FieldError, Response, error_response, json_response

__all__ = ["MAX_RETURN_ACTIONS", "MAX_RETURN_IDS", "RETURNS_PAGE_SIZE", "ReturnsApi"]

RETURNS_PAGE_SIZE = 25
MAX_RETURN_IDS = 25
MAX_RETURN_ACTIONS = 100

Move = Callable[[Store, ReturnRecord, Mapping[str, Any], datetime], None]
_RANGES = (
    (RETURNS_QUERY.created_after, "created", "after"),
    (RETURNS_QUERY.created_before, "created", "before"),
    (RETURNS_QUERY.modified_after, "updated", "after"),
    (RETURNS_QUERY.modified_before, "updated", "before"),
)


def _iso(value: datetime | None) -> str | None:
    return format_datetime(value) if value is not None else None


def render_return(record: ReturnRecord, store: Store) -> dict[str, Any]:
    """A return in the spec's ``ReturnItem`` shape."""
    item = record.item
    services = [
        {
            "serviceFulfilmentId": s.service_fulfilment_id,
            "serviceByDate": format_datetime(s.service_by),
            "createdAt": format_datetime(s.created),
        }
        for s in store.services.values()
        if s.item is item and s.service_type == "REVERSE"
    ]
    return {
        "orderItemId": item.order_item_id,
        "locationId": record.location_id,
        "orderId": item.order_id,
        "quantity": item.quantity,
        "orderDate": format_datetime(item.order_date),
        "createdDate": format_datetime(record.created),
        "courierName": record.courier_name,
        "sellerId": store.seller_id,
        RETURN_ITEM.id: record.return_id,
        "status": record.status,
        "type": record.source,
        "reason": record.reason,
        "subReason": record.sub_reason,
        "trackingId": record.tracking_id,
        "shipmentStatus": record.shipment.state,
        "shipmentId": record.shipment.shipment_id,
        "comments": record.comments,
        "updatedDate": format_datetime(record.updated),
        "approvedOn": _iso(record.approved_on),
        "expectedDate": _iso(record.expected_date),
        "serviceProfile": "NON_FBF",
        "services": services,
    }


class _SearchError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.path}: {e.description}" for e in errors))
        self.errors = errors


def _ids(query: Mapping[str, str], name: str, errors: list[FieldError]) -> set[str] | None:
    if name not in query:
        return None
    ids = [part.strip() for part in query[name].split(",")]
    if not ids or any(not part for part in ids):
        errors.append(FieldError(name, "must be ids separated by commas"))
    elif len(set(ids)) > MAX_RETURN_IDS:
        errors.append(FieldError(name, f"at most {MAX_RETURN_IDS} ids, got {len(set(ids))}"))
    return set(ids)


def _select(store: Store, query: Mapping[str, str]) -> list[ReturnRecord]:
    """The returns a search asks for, in page order; _SearchError when it is malformed."""
    errors: list[FieldError] = []
    source = query.get(RETURNS_QUERY.source.name)
    if not source:
        errors.append(FieldError(RETURNS_QUERY.source.name, "required"))
    elif source not in RETURN_SOURCES:
        errors.append(
            FieldError(RETURNS_QUERY.source.name, f"must be one of {', '.join(RETURN_SOURCES)}")
        )
    bounds: list[tuple[str, str, datetime]] = []
    for param, attribute, side in _RANGES:
        text = query.get(param.name)
        if text is None:
            continue
        try:
            bounds.append((attribute, side, parse_datetime(text)))
        except ValueError:
            errors.append(FieldError(param.name, "not an ISO 8601 date-time"))
    return_ids = _ids(query, RETURNS_QUERY.return_ids.name, errors)
    tracking_ids = _ids(query, RETURNS_QUERY.tracking_ids.name, errors)
    if errors:
        raise _SearchError(errors)
    location_id = query.get(RETURNS_QUERY.location_id.name)
    found = []
    for record in store.returns.values():
        if record.source != source:
            continue
        if location_id and record.location_id != location_id:
            continue
        if return_ids is not None and record.return_id not in return_ids:
            continue
        if tracking_ids is not None and record.tracking_id not in tracking_ids:
            continue
        moments = {"created": record.created, "updated": record.updated}
        if all(
            moments[attribute] > bound if side == "after" else moments[attribute] < bound
            for attribute, side, bound in bounds
        ):
            found.append(record)
    found.sort(key=lambda r: (r.created, r.return_id))
    return found


class ReturnsApi:
    """Route handlers for the returns endpoints over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, call: Call) -> Response:
        """``GET /v2/returns``: one page of at most 25 returns."""
        query = call.request.query
        try:
            found = _select(self._store, query)
        except _SearchError as exc:
            return error_response(400, "invalid_request", str(exc), details=exc.errors)
        page = found[:RETURNS_PAGE_SIZE]
        has_more = len(found) > RETURNS_PAGE_SIZE
        payload: dict[str, Any] = {RETURNS_PAGE.has_more: has_more}
        if has_more:
            following = dict(query)
            following[RETURNS_QUERY.created_after.name] = format_datetime(page[-1].created)
            payload[RETURNS_PAGE.next] = f"{RETURNS_SEARCH.path}?{urlencode(following)}"
        payload[RETURNS_PAGE.items] = [render_return(r, self._store) for r in page]
        return json_response(payload)

    def _act(self, call: Call, entries: list[Any], move: Move) -> Response:
        refused = too_many(entries, MAX_RETURN_ACTIONS, "returns")
        if refused is not None:
            return refused
        location_id = call.body.get("locationId")
        results = []
        for entry in entries:
            detail: Mapping[str, Any] = entry if isinstance(entry, Mapping) else {}
            return_id = entry if isinstance(entry, str) else detail.get("returnId")
            record = self._store.returns.get(return_id or "")
            error: TransitionError | None = None
            if record is None:
                error = TransitionError("UNPROCESSABLE_ENTITY", f"Return {return_id} not found")
            elif location_id is not None and location_id != record.location_id:
                error = TransitionError(
                    "UNPROCESSABLE_ENTITY",
                    f"Return {return_id} does not belong to location {location_id}",
                )
            else:
                try:
                    with self._store.watch_return(record):
                        move(self._store, record, detail, self._store.stamp())
                except TransitionError as exc:
                    error = exc
            results.append(outcome("returnId", return_id, error, "processingStatus"))
        return json_response({"returns": results})

    def acting(self, key: str, move: Move) -> Callable[[Call], Response]:
        """The handler of a return action: ``move`` applied to each return the body lists
        under ``key`` (``returns`` with details, or ``returnIds``)."""
        return lambda call: self._act(call, call.body[key], move)
