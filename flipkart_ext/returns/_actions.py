"""Self-ship return actions: approve, reject, cancel, pickup, pickup attempt, complete.

Nothing here does I/O. :func:`plan_action` checks the ids and the dates (raising
:class:`~flipkart_ext.InvalidItem` naming the return and field), builds each request with
the generated operation (``_get_kwargs``, so paths and keys come from the spec), splits
the returns into calls of at most :data:`MAX_RETURNS_PER_ACTION`, and returns a
:class:`~flipkart_ext._core.batches.BatchPlan` for the shared batch engine.

Flipkart answers ``200`` with ``{returns: [{returnId, processingStatus, errorCode,
errorMessage}]}``; a ``FAILURE`` (e.g. ``UNPROCESSABLE_ENTITY`` for a return in the wrong
state) is a :class:`ReturnResult`, never an exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Final

from .._boundary import guarded_class
from .._core.batches import BatchPlan, Chunk, action_entries, failure_fields
from .._core.calls import Call
from .._core.ids import chunked, unique_ids
from .._core.inputs import instant
from .._spec import RETURN_ACTION_ANSWER
from ..errors import FlipkartError, InvalidItem

__all__ = [
    "MAX_RETURNS_PER_ACTION",
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "ReturnResult",
    "plan_action",
]

MAX_RETURNS_PER_ACTION: Final = 100
"""Flipkart's limit on returns per self-ship return action (its returns pages, and NOTES)."""
NOT_APPLIED: Final = "NOT_APPLIED"
NOT_IN_ANSWER: Final = "NOT_IN_ANSWER"


@guarded_class
@dataclass(frozen=True, slots=True)
class ReturnResult:
    """What happened to one return in a bulk action."""

    return_id: str
    status: str
    """Flipkart's ``processingStatus`` (``SUCCESS`` / ``FAILURE``), or ``NOT_APPLIED`` /
    ``NOT_IN_ANSWER`` for a return whose call failed or whose answer left it out."""
    error_code: str | None = None
    error_message: str | None = None
    error: FlipkartError | None = field(default=None, compare=False)
    raw: Mapping[str, Any] | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        """True when Flipkart reports success for this return."""
        return self.status.upper() == "SUCCESS"

    def __str__(self) -> str:
        detail = ": ".join(part for part in (self.error_code, self.error_message) if part)
        return f"{self.return_id}: {self.status}" + (f" ({detail})" if detail else "")


def _read(chunk: Chunk[str], body: Any) -> list[tuple[str, ReturnResult]]:
    answer = RETURN_ACTION_ANSWER
    entries = action_entries(
        body,
        answer.items,
        answer.id,
        (answer.status,),
        answer.error_code,
        answer.error_message,
        "return action",
    )
    return [
        (
            entry.key,
            ReturnResult(
                entry.key,
                entry.status or "NO_STATUS",
                error_code=entry.error_code,
                error_message=entry.error_message,
                raw=entry.raw,
            ),
        )
        for entry in entries
    ]


def _not_applied(return_id: str, error: FlipkartError) -> ReturnResult:
    return ReturnResult(return_id, NOT_APPLIED, **failure_fields(error))


def _not_in_answer(return_id: str) -> ReturnResult:
    return ReturnResult(
        return_id, NOT_IN_ANSWER, error_message="Flipkart's answer did not mention this return"
    )


def _when(value: object, name: str) -> dt.datetime:
    try:
        return instant(name, value)
    except ValueError as exc:
        raise InvalidItem("returns", name, str(exc).split(": ", 1)[-1]) from None


def _body(action: str, ids: list[str], options: Mapping[str, Any]) -> tuple[ModuleType, Any]:
    """The generated operation module for ``action`` and its request body for ``ids``."""
    from flipkart_seller_api.api.returns_v2 import (
        approve_self_ship_returns,
        cancel_self_ship_return,
        pickup,
        pickup_attempt,
        reject_self_ship_returns,
        return_complete,
    )
    from flipkart_seller_api.models import (
        ReturnApproveRequest,
        ReturnRejectRequest,
        ReturnsApproveRequest,
        ReturnsRejectRequest,
        SelfShipReturnAttemptPickupRequest,
        SelfShipReturnCancellationRequest,
        SelfShipReturnCompleteRequest,
        SelfShipReturnPickupAttemptRequests,
        SelfShipReturnPickupRequest,
        SelfShipReturnPickupRequests,
    )
    from flipkart_seller_api.types import UNSET

    comments = options.get("comments") or UNSET
    if action == "approve":
        return approve_self_ship_returns, ReturnsApproveRequest(
            returns=[ReturnApproveRequest(return_id=i, comments=comments) for i in ids]
        )
    if action == "reject":
        when = options["service_date"]
        return reject_self_ship_returns, ReturnsRejectRequest(
            returns=[
                ReturnRejectRequest(service_date=when, return_id=i, comments=comments) for i in ids
            ]
        )
    if action == "cancel":
        return cancel_self_ship_return, SelfShipReturnCancellationRequest(return_ids=ids)
    if action == "complete":
        return return_complete, SelfShipReturnCompleteRequest(return_ids=ids)
    if action == "pickup":
        return pickup, SelfShipReturnPickupRequests(
            returns=[
                SelfShipReturnPickupRequest(pickup_date=options["pickup_date"], return_id=i)
                for i in ids
            ]
        )
    reason = options.get("reason") or UNSET
    return pickup_attempt, SelfShipReturnPickupAttemptRequests(
        returns=[
            SelfShipReturnAttemptPickupRequest(
                new_pickup_date=options["new_pickup_date"],
                pickup_date=options["pickup_date"],
                return_id=i,
                reason=reason,
            )
            for i in ids
        ]
    )


_DATES: Final = {
    "reject": ("service_date",),
    "pickup": ("pickup_date",),
    "pickup_attempt": ("pickup_date", "new_pickup_date"),
}


def plan_action(
    action: str, return_ids: Iterable[str] | str, options: Mapping[str, Any]
) -> BatchPlan[str, ReturnResult]:
    """Check the call and split it into requests of at most 100 returns (no I/O)."""
    ids = unique_ids("return_ids", return_ids)
    checked = dict(options)
    for name in _DATES.get(action, ()):
        if checked.get(name) is None:
            raise InvalidItem("returns", name, f"required to {action.replace('_', ' ')} a return")
        checked[name] = _when(checked[name], name)
    for name in ("comments", "reason"):
        if checked.get(name) is not None and not isinstance(checked[name], str):
            raise InvalidItem("returns", name, f"expected a string, got {checked[name]!r}")
    chunks = []
    for part in chunked(ids, MAX_RETURNS_PER_ACTION):
        operation, body = _body(action, part, checked)
        chunks.append(Chunk(tuple(part), Call.of(operation, body=body)))
    return BatchPlan(
        name=f"returns {action.replace('_', ' ')}",
        keys=ids,
        chunks=chunks,
        read=_read,
        failed=_not_applied,
        missing=_not_in_answer,
    )
