"""What ``/v3/shipments/filter`` means: the rules a search body follows, and how it selects.

Limits chosen to match Flipkart's documentation and the cursors it returns:

- ``pagination.pageSize`` defaults to 20 and must be 1 to 20;
- ``sort`` defaults to ``dispatchByDate`` ascending; ties break on ``shipmentId``;
- ``filter.type`` decides which states are allowed (preDispatch, postDispatch) and
  which are searched when ``states`` is absent; ``cancelled`` needs ``cancellationType``;
- ``hold`` applies to preDispatch only and defaults to ``false`` there, so held shipments
  appear only when asked for;
- date ranges are inclusive and compare instants (offsets are required by the contract).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from ._state import POST_DISPATCH_STATES, PRE_DISPATCH_STATES, ShipmentRecord
from ._wire import FieldError

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "SearchRequestError",
    "ShipmentSearch",
    "parse_search",
    "run_search",
]

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 20
_DATE_FIELDS = (
    "orderDate",
    "dispatchAfterDate",
    "dispatchByDate",
    "modifiedDate",
    "cancellationDate",
)
_STATES_BY_TYPE = {"preDispatch": PRE_DISPATCH_STATES, "postDispatch": POST_DISPATCH_STATES}


class SearchRequestError(ValueError):
    """A search body that the schema allows but Flipkart's rules refuse."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.path}: {e.description}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class ShipmentSearch:
    """A normalized search: what the cursor carries from page to page."""

    type: str
    states: tuple[str, ...]
    hold: bool | None
    skus: tuple[str, ...]
    location_id: str | None
    shipment_types: tuple[str, ...]
    service_profiles: tuple[str, ...]
    dispatch_tiers: tuple[str, ...]
    cancellation_type: str | None
    dates: tuple[tuple[str, str | None, str | None], ...]
    sort_field: str
    sort_order: str
    page_size: int

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict for the cursor."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ShipmentSearch:
        """Inverse of :meth:`to_json`."""
        return cls(
            type=data["type"],
            states=tuple(data["states"]),
            hold=data["hold"],
            skus=tuple(data["skus"]),
            location_id=data["location_id"],
            shipment_types=tuple(data["shipment_types"]),
            service_profiles=tuple(data["service_profiles"]),
            dispatch_tiers=tuple(data["dispatch_tiers"]),
            cancellation_type=data["cancellation_type"],
            dates=tuple((name, start, end) for name, start, end in data["dates"]),
            sort_field=data["sort_field"],
            sort_order=data["sort_order"],
            page_size=int(data["page_size"]),
        )


def _parse_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("a date-time needs an offset")
    return value


def parse_search(body: Mapping[str, Any]) -> ShipmentSearch:
    """Apply Flipkart's rules to a schema-valid search body; SearchRequestError otherwise."""
    errors: list[FieldError] = []
    if "filter" not in body:
        # The schema leaves it optional; Flipkart needs at least filter.type.
        raise SearchRequestError([FieldError("filter", "filter with a type is required")])
    flt: Mapping[str, Any] = body["filter"]
    kind = flt.get("type", "")
    states = tuple(flt.get("states") or ())
    allowed = _STATES_BY_TYPE.get(kind)
    if allowed is not None:
        wrong = [s for s in states if s not in allowed]
        if wrong:
            errors.append(
                FieldError("filter.states", f"{', '.join(wrong)} not allowed for type {kind}")
            )
        states = states or allowed
    elif states:
        errors.append(FieldError("filter.states", "states are not allowed for type cancelled"))
    cancellation_type = flt.get("cancellationType")
    if kind == "cancelled" and not cancellation_type:
        errors.append(FieldError("filter.cancellationType", "required for type cancelled"))
    if kind != "cancelled" and cancellation_type:
        errors.append(FieldError("filter.cancellationType", "only allowed for type cancelled"))
    if kind != "cancelled" and "cancellationDate" in flt:
        errors.append(FieldError("filter.cancellationDate", "only allowed for type cancelled"))
    hold = flt.get("hold")
    if kind == "preDispatch":
        hold = bool(hold)
    elif hold is not None:
        errors.append(FieldError("filter.hold", "only allowed for type preDispatch"))
    dates = []
    for name in _DATE_FIELDS:
        window = flt.get(name)
        if window is None:
            continue
        start, end = window.get("from"), window.get("to")
        try:
            bounds = [_parse_datetime(v) for v in (start, end) if v is not None]
        except ValueError:
            errors.append(FieldError(f"filter.{name}", "not an ISO 8601 date-time"))
            continue
        if len(bounds) == 2 and bounds[0] > bounds[1]:
            errors.append(FieldError(f"filter.{name}", "from is after to"))
        dates.append((name, start, end))
    page_size = (body.get("pagination") or {}).get("pageSize", DEFAULT_PAGE_SIZE)
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        errors.append(FieldError("pagination.pageSize", f"must be between 1 and {MAX_PAGE_SIZE}"))
    if errors:
        raise SearchRequestError(errors)
    sort = body.get("sort") or {}
    return ShipmentSearch(
        type=kind,
        states=states,
        hold=hold,
        skus=tuple(flt.get("sku") or ()),
        location_id=flt.get("locationId"),
        shipment_types=tuple(flt.get("shipmentTypes") or ()),
        service_profiles=tuple(flt.get("serviceProfiles") or ()),
        dispatch_tiers=tuple(flt.get("dispatchServiceTiers") or ()),
        cancellation_type=cancellation_type,
        dates=tuple(dates),
        sort_field=sort.get("field", "dispatchByDate"),
        sort_order=sort.get("order", "asc"),
        page_size=page_size,
    )


def _shipment_dates(shipment: ShipmentRecord) -> dict[str, list[datetime]]:
    cancelled = [i.cancellation_date for i in shipment.items if i.cancellation_date is not None]
    return {
        "orderDate": [shipment.order_date],
        "dispatchAfterDate": [shipment.dispatch_after],
        "dispatchByDate": [shipment.dispatch_by],
        "modifiedDate": [shipment.updated_at],
        "cancellationDate": cancelled,
    }


def _in_window(values: list[datetime], start: str | None, end: str | None) -> bool:
    low = _parse_datetime(start) if start else None
    high = _parse_datetime(end) if end else None
    return any((low is None or v >= low) and (high is None or v <= high) for v in values)


def _matches(search: ShipmentSearch, shipment: ShipmentRecord) -> bool:
    if search.type == "cancelled":
        if not any(
            i.status == "CANCELLED" and i.cancellation_type == search.cancellation_type
            for i in shipment.items
        ):
            return False
    elif not any(item.status in search.states for item in shipment.active_items):
        return False
    if search.hold is not None and shipment.hold != search.hold:
        return False
    if search.skus and not any(i.listing.sku in search.skus for i in shipment.items):
        return False
    if search.location_id is not None and shipment.location_id != search.location_id:
        return False
    if search.shipment_types and shipment.shipment_type not in search.shipment_types:
        return False
    # Every emulated listing is seller-fulfilled.
    if search.service_profiles and "NON_FBF" not in search.service_profiles:
        return False
    if search.dispatch_tiers and shipment.dispatch_tier not in search.dispatch_tiers:
        return False
    dates = _shipment_dates(shipment)
    return all(_in_window(dates[name], start, end) for name, start, end in search.dates)


def run_search(search: ShipmentSearch, shipments: Iterable[ShipmentRecord]) -> list[ShipmentRecord]:
    """Every matching shipment in the requested order."""
    found = [s for s in shipments if _matches(search, s)]
    found.sort(key=lambda s: s.shipment_id)
    key = {
        "dispatchByDate": lambda s: s.dispatch_by,
        "orderDate": lambda s: s.order_date,
        "modifiedDate": lambda s: s.updated_at,
        "dispatchAfterDate": lambda s: s.dispatch_after,
    }[search.sort_field]
    # Stable sort keeps the shipmentId tie-break in both directions.
    found.sort(key=key, reverse=search.sort_order == "desc")
    return found
