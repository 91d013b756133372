"""A stable key per notification, for receivers de-duplicating at-least-once delivery."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from .._boundary import guarded
from ._events import NotificationEvent

__all__ = ["idempotency_key"]

# Part of the hashed material: bump it if the material changes, so keys from
# different schemes can never collide.
_KEY_VERSION = "fk-notification-v1"


@guarded
def idempotency_key(event: NotificationEvent) -> str:
    """Return 64 hex characters identifying this event, equal for every re-delivery.

    Flipkart delivers each notification at least once, so a receiver should
    record the key (e.g. in a unique database column) and skip events it has
    already handled.

    The key is the SHA-256 of the canonical JSON (sorted keys, no spaces) of:
    the canonical event type (so ``packed`` and ``shipment_packed`` agree), the
    shipment id, the location id, the timestamp (as UTC ISO 8601 when readable,
    else as sent) and ``attributes``, then ``{"returnId": ...}`` when the payload
    has a top-level ``returnId`` (return events). Re-deliveries of one event share a key;
    events differing in any of those fields do not. Request headers and the key
    order of the body play no part.
    """
    material = [
        _KEY_VERSION,
        event.event_type,
        event.shipment_id,
        event.location_id,
        _timestamp_material(event),
        event.attributes,
    ]
    return_id = event.raw.get("returnId")
    if return_id is not None:
        # Return events name their return at the top level, beside attributes.
        material.append({"returnId": return_id})
    canonical = json.dumps(
        material, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _timestamp_material(event: NotificationEvent) -> Any:
    # One instant written in two offsets is still one event.
    if event.timestamp is not None:
        return event.timestamp.astimezone(dt.UTC).isoformat()
    return event.raw_timestamp
