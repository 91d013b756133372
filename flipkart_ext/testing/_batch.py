"""What every bulk action shares: a size limit, and one result entry per item.

Flipkart answers a bulk action with HTTP 200 and a list of per-item results: the id, a
status (``status`` in the v3 shipment answers, ``processingStatus`` in the self-ship and
returns answers), and ``errorCode`` / ``errorMessage`` when that item failed. Only a
malformed or oversized request is refused as a whole (400).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._transitions import TransitionError
from ._wire import FieldError, Response, error_response

__all__ = ["outcome", "too_many"]


def too_many(entries: Sequence[Any] | None, limit: int, what: str) -> Response | None:
    """A 400 when ``entries`` is empty or longer than ``limit``; None when it is fine."""
    if not entries:
        return error_response(
            400,
            "invalid_request",
            f"{what} is required",
            details=[FieldError(what, "at least one entry is required")],
        )
    if len(entries) > limit:
        return error_response(
            400,
            "invalid_request",
            f"At most {limit} {what} per request, got {len(entries)}",
            details=[FieldError(what, f"at most {limit} entries")],
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
