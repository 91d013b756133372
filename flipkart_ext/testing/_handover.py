"""Handing shipments to the courier, and receiving returns: counts, manifest, one-time codes.

- ``GET /v3/shipments/handover/counts?locationId=``: per logistics partner (vendor group),
  how many READY_TO_DISPATCH shipments wait at the location, the pick-up window and the
  one-time code (OTC) to give the pick-up executive. Self-ship shipments are the seller's
  own and are not counted. Flipkart: "It gives number of shipments in RTD state".
- ``POST /v3/shipments/manifest``: the manifest PDF listing those shipments for one
  vendor group (and location, when given). ``vendorGroupCode`` is mandatory and, for
  multi-package shipments (``is_mps``), so is the pick-up window (Flipkart's documented
  validations). The emulator has no multi-package shipments, so an ``is_mps`` manifest
  is empty; an empty manifest is refused with 400 rather than printed.
- ``GET /v3/shipments/otc/{locationId}?requestType=RETURN``: the one-time code for
  receiving returns that Flipkart's logistics bring back to the location;
  ``OTC_NOT_GENERATED`` while none is on its way.

One-time codes are derived from the seed, the location, the vendor and the day, so that
the counts and a later look-up agree.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from ._dates import IST, format_datetime
from ._pdf import build_pdf
from ._state import ShipmentRecord, Store
from ._wire import (
    PDF_CONTENT_TYPE,
    Call,
    Response,
    invalid_field,
    json_response,
)

__all__ = ["HandoverApi"]

_LINES_PER_PAGE = 22
# Flipkart's example pick-up window: 15:00 to 17:00 local time.
_PICKUP_FROM = time(15, 0)
_PICKUP_TO = time(17, 0)
_RETURNS_IN_TRANSIT = ("created", "approved", "picked_up")


def _pickup_window(now: datetime) -> tuple[datetime, datetime]:
    """Today's window, or tomorrow's once today's has closed."""
    local = now.astimezone(IST)
    day = local.date()
    if local.time() >= _PICKUP_TO:
        day += timedelta(days=1)
    return (
        datetime.combine(day, _PICKUP_FROM, tzinfo=IST),
        datetime.combine(day, _PICKUP_TO, tzinfo=IST),
    )


class HandoverApi:
    """Route handlers for handover counts, manifests and reverse OTCs over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _unknown_location(self, location_id: str | None, where: str) -> Response | None:
        if not location_id:
            return invalid_field(where, "locationId is required", "required")
        if location_id not in self._store.locations:
            return invalid_field(
                where, f"Unknown location {location_id}", "not a location of this seller"
            )
        return None

    def _awaiting_pickup(self, location_id: str | None) -> list[ShipmentRecord]:
        found = [
            s
            for s in self._store.shipments.values()
            if s.state == "READY_TO_DISPATCH"
            and s.shipment_type != "SELF"
            and (location_id is None or s.location_id == location_id)
        ]
        found.sort(key=lambda s: (s.dispatch_by, s.shipment_id))
        return found

    def counts(self, call: Call) -> Response:
        """``GET /v3/shipments/handover/counts``: one entry per vendor group with shipments."""
        location_id = call.request.query.get("locationId")
        refused = self._unknown_location(location_id, "locationId")
        if refused is not None:
            return refused
        groups: dict[str, int] = {}
        for shipment in self._awaiting_pickup(location_id):
            groups[shipment.vendor_group] = groups.get(shipment.vendor_group, 0) + 1
        start, end = _pickup_window(self._store.now())
        answer: list[dict[str, Any]] = [
            {
                "vendorGroupCode": vendor,
                "count": count,
                "isMps": False,
                "pickUpDate": {"from": format_datetime(start), "to": format_datetime(end)},
                "otc": {"code": self._store.code("otc", location_id, vendor, start.date())},
            }
            for vendor, count in sorted(groups.items())
        ]
        return json_response(answer)

    def manifest(self, call: Call) -> Response:
        """``POST /v3/shipments/manifest``: a PDF of the vendor group's waiting shipments."""
        params = call.body["params"]
        vendor = params["vendorGroupCode"]
        location_id = params.get("locationId")
        if location_id is not None:
            refused = self._unknown_location(location_id, "params.locationId")
            if refused is not None:
                return refused
        mps = bool(params.get("is_mps"))
        window = params.get("pickupDate") or {}
        if mps and not (window.get("from") and window.get("to")):
            return invalid_field(
                "params.pickupDate",
                "pickupDate.from and pickupDate.to are required for multi-package shipments",
                "required when is_mps is true",
            )
        shipments = [] if mps else self._awaiting_pickup(location_id)
        shipments = [s for s in shipments if s.vendor_group == vendor]
        if not shipments:
            where = f" at {location_id}" if location_id else ""
            return invalid_field(
                "params.vendorGroupCode",
                f"No ready-to-dispatch shipments for vendor group {vendor!r}{where}",
                "nothing to hand over",
            )
        now = self._store.now()
        header = [
            "Flipkart emulator - Manifest",
            f"Vendor group {vendor}",
            f"Seller {self._store.seller_id}",
            f"Generated {format_datetime(now)}",
            f"{len(shipments)} shipments",
        ]
        lines = []
        for number, shipment in enumerate(shipments, start=1):
            shipment.manifested_at = now
            items = ", ".join(f"{i.listing.sku} x{i.quantity}" for i in shipment.active_items)
            lines.append(f"{number}. {shipment.shipment_id} {shipment.location_id[:12]} {items}")
        pages = [
            header + lines[start : start + _LINES_PER_PAGE]
            for start in range(0, len(lines), _LINES_PER_PAGE)
        ]
        return Response(status=200, raw=build_pdf(pages), content_type=PDF_CONTENT_TYPE)

    def reverse_otc(self, call: Call) -> Response:
        """``GET /v3/shipments/otc/{locationId}``: the code for receiving returns."""
        location_id = call.params["locationId"]
        refused = self._unknown_location(location_id, "locationId")
        if refused is not None:
            return refused
        request_type = call.request.query.get("requestType") or "RETURN"
        if request_type != "RETURN":
            return invalid_field(
                "requestType", "requestType must be RETURN", "only RETURN is supported"
            )
        incoming = [
            r
            for r in self._store.returns.values()
            if r.location_id == location_id
            and r.shipment.shipment_type != "SELF"
            and r.status in _RETURNS_IN_TRANSIT
        ]
        if not incoming:
            entry: dict[str, Any] = {
                "requestType": "RETURN",
                "status": "OTC_NOT_GENERATED",
                "otc": None,
            }
        else:
            day = self._store.now().astimezone(IST).date()
            entry = {
                "requestType": "RETURN",
                "status": "OTC_GENERATED",
                "otc": {
                    "code": self._store.code("reverse-otc", location_id, day),
                    "type": "NON_LARGE",
                    "vendor": "Ekart Logistics",
                },
            }
        return json_response({"otcs": [entry]})
