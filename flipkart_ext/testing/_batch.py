"""What every bulk action shares: a size limit, and one result entry per item.

Flipkart answers a bulk action with HTTP 200 and a list of per-item results: the id, a
status (``status`` in the v3 shipment answers, ``processingStatus`` in the self-ship and
returns answers), and ``errorCode`` / ``errorMessage`` when that item failed. Only a
malformed or oversized request is refused as a whole (400).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ._transitions import TransitionError
from ._wire import Response, invalid_field

if TYPE_CHECKING:
    from ._state import ShipmentRecord, Store

__all__ = ["each_shipment", "outcome", "too_many"]


def too_many(entries: Sequence[Any] | None, limit: int | None, what: str) -> Response | None:
    """A 400 when ``entries`` is empty or longer than ``limit`` (``None``: no limit); None
    when it is fine."""
    if not entries:
        return invalid_field(what, f"{what} is required", "at least one entry is required")
    if limit is not None and len(entries) > limit:
        return invalid_field(
            what,
            f"At most {limit} {what} per request, got {len(entries)}",
            f"at most {limit} entries",
        )
    return None


def outcome(
    id_key: str, item_id: str | None, error: TransitionError | None, status_key: str
) -> dict[str, Any]:
    """One per-item result: ``{id_key: id, status_key: SUCCESS|FAILURE[, errorCode, errorMessage]}``."""
    result: dict[str, Any] = {
        id_key: item_id,
        status_key: "SUCCESS" if error is None else "FAILURE",
    }
    if error is not None:
        result["errorCode"] = error.code
        result["errorMessage"] = error.message
    return result


def each_shipment(
    store: Store,
    entries: Sequence[Any],
    move: Callable[[ShipmentRecord, Any], None],
    status_key: str,
) -> list[dict[str, Any]]:
    """One result per entry, in order: the shipment the entry names (its ``shipmentId``, or
    the entry itself when it is an id) moved by ``move(shipment, entry)`` under the store's
    watch (an entry that is an id alone is moved with ``{}``). A shipment not found, or a
    move refused, is that entry's failure; the others go on."""
    results = []
    for entry in entries:
        shipment_id = entry if isinstance(entry, str) else entry.get("shipmentId")
        shipment = store.shipments.get(shipment_id or "")
        error: TransitionError | None = None
        if shipment is None:
            error = TransitionError("SHIPMENT_NOT_FOUND", f"Shipment {shipment_id} not found")
        else:
            try:
                with store.watch(shipment):
                    move(shipment, {} if isinstance(entry, str) else entry)
            except TransitionError as exc:
                error = exc
        results.append(outcome("shipmentId", shipment_id, error, status_key))
    return results
