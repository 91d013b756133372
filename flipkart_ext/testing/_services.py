"""Services on self-ship order items: installations (FORWARD) and technician visits (REVERSE).

The sandbox's ``POST /v2/shipments/sandbox/create_service/`` opens one ("order items
should be of type self ship"; ``serviceType`` FORWARD or REVERSE, per Flipkart's SDK
documentation). The seller then reports:

- ``POST /v2/services/attempt``: a visit that did not finish the job; the service stays
  open (ATTEMPTED);
- ``POST /v2/services/complete``: the job is done (COMPLETED).

Both take at most 100 services per request (Flipkart's documented limit) and answer one
entry per requested service with ``serviceFulfilmentId``, ``status`` (SUCCESS or FAILURE)
and ``failureReason``. The spec's request entries name a shipment (``shipmentId``,
``deliveryDate``, ``locationId``) rather than a service, so each entry acts on the oldest
open service of that shipment. An installation needs the shipment delivered first; the
``deliveryDate`` (the visit) may not be after today.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from ._batch import too_many
from ._dates import IST, parse_datetime
from ._state import ServiceRecord, Store
from ._wire import Call, Response, json_response

__all__ = ["MAX_SERVICES", "SERVICE_TYPES", "ServiceRefused", "ServicesApi", "open_service"]

MAX_SERVICES = 100
_OPEN = ("SCHEDULED", "ATTEMPTED")


class ServiceRefused(Exception):
    """A service request the rules refuse, with the reason Flipkart's answer carries."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _visit_date(entry: Mapping[str, Any], now: datetime) -> datetime:
    try:
        visited = parse_datetime(str(entry["deliveryDate"]))
    except (KeyError, ValueError):
        raise ServiceRefused("deliveryDate is not an ISO 8601 date") from None
    if visited.astimezone(IST).date() > now.astimezone(IST).date():
        raise ServiceRefused("deliveryDate is after today")
    return visited


def _attempt(service: ServiceRecord, visited: datetime) -> None:
    service.status = "ATTEMPTED"
    service.attempts.append(visited)


def _complete(service: ServiceRecord, visited: datetime) -> None:
    service.status = "COMPLETED"
    service.completed_at = visited


class ServicesApi:
    """Route handlers for the service endpoints over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _open_service(self, entry: Mapping[str, Any]) -> ServiceRecord:
        shipment_id = entry.get("shipmentId")
        shipment = self._store.shipments.get(shipment_id or "")
        if shipment is None:
            raise ServiceRefused(f"Shipment {shipment_id} not found")
        location = entry.get("locationId")
        if location is not None and location != shipment.location_id:
            raise ServiceRefused(f"Shipment does not belong to location {location}")
        open_services = [
            s for s in self._store.services.values() if s.shipment is shipment and s.status in _OPEN
        ]
        if not open_services:
            raise ServiceRefused(f"No open service for shipment {shipment_id}")
        service = min(open_services, key=lambda s: (s.created, s.service_fulfilment_id))
        if service.service_type == "FORWARD" and shipment.state != "DELIVERED":
            raise ServiceRefused(f"Shipment {shipment_id} is not delivered yet ({shipment.state})")
        return service

    def _each(self, call: Call, apply: Callable[[ServiceRecord, datetime], None]) -> Response:
        entries = call.body["services"]
        refused = too_many(entries, MAX_SERVICES, "services")
        if refused is not None:
            return refused
        now = self._store.now()
        results = []
        for entry in entries:
            service: ServiceRecord | None = None
            try:
                service = self._open_service(entry)
                apply(service, _visit_date(entry, now))
            except ServiceRefused as exc:
                results.append(
                    {
                        "serviceFulfilmentId": service.service_fulfilment_id if service else None,
                        "status": "FAILURE",
                        "failureReason": exc.reason,
                    }
                )
                continue
            results.append(
                {
                    "serviceFulfilmentId": service.service_fulfilment_id,
                    "status": "SUCCESS",
                    "failureReason": None,
                }
            )
        return json_response({"services": results})

    def attempt(self, call: Call) -> Response:
        """``POST /v2/services/attempt``."""
        return self._each(call, _attempt)

    def complete(self, call: Call) -> Response:
        """``POST /v2/services/complete``."""
        return self._each(call, _complete)


SERVICE_TYPES = ("FORWARD", "REVERSE")


def open_service(store: Store, order_item_id: str, service_type: str) -> ServiceRecord:
    """Open a service for a self-ship order item (the sandbox's ``create_service``).

    An installation (FORWARD) is for a live item; a technician visit (REVERSE) checks an
    item the buyer wants to return, so it needs an open return. Raises ``ServiceRefused``.
    """
    found = store.carrier_of(order_item_id)
    if found is None:
        raise ServiceRefused(f"Order item {order_item_id} not found")
    shipment, item = found
    if service_type not in SERVICE_TYPES:
        raise ServiceRefused(f"serviceType must be one of {', '.join(SERVICE_TYPES)}")
    if shipment.shipment_type != "SELF":
        raise ServiceRefused("services are for self-ship order items")
    if service_type == "FORWARD" and item.status == "CANCELLED":
        raise ServiceRefused("the order item is cancelled")
    if service_type == "REVERSE" and item.status != "RETURN_REQUESTED":
        raise ServiceRefused("a technician visit needs an open return for the order item")
    now = store.now()
    service = ServiceRecord(
        service_fulfilment_id=store.new_id("service"),
        service_type=service_type,
        item=item,
        shipment=shipment,
        created=now,
        service_by=now + timedelta(days=3),
    )
    store.services[service.service_fulfilment_id] = service
    return service
