"""One result per shipment, read liberally from Flipkart's answers to bulk calls.

Flipkart answers a bulk shipment call with HTTP 200 and one entry per shipment: its id,
``status`` (``processingStatus`` in the self-ship answers, and in Flipkart's own pages for
the v3 ones: either is read) and, on failure, ``errorCode`` / ``errorMessage``. Two more
statuses are ours, for shipments Flipkart did not answer about:

- ``NOT_APPLIED``: the request carrying the shipment failed (``error`` holds the typed
  error), or it could not be sent (an id Flipkart does not know). When ``error`` is a
  :class:`~flipkart_ext.ServerError` or a lost connection, Flipkart may still have acted
  on it: check the shipment's state before sending it again;
- ``NOT_IN_ANSWER``: the request went through but its answer did not mention the shipment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from .._boundary import guarded_class
from .._core.batches import Chunk, action_entries, failure_fields
from .._spec import (
    MANDATORY_FORMS_ANSWER,
    SELF_SHIP_ACTION_ANSWER,
    SHIPMENT_ACTION_ANSWER,
    SpecField,
)
from ..errors import FlipkartError

if TYPE_CHECKING:
    from flipkart_seller_api.models.forms import Forms

__all__ = [
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "SUCCESS",
    "ShipmentForms",
    "ShipmentResult",
    "forms_not_applied",
    "forms_not_in_answer",
    "forms_reader",
    "not_applied",
    "not_in_answer",
    "status_reader",
    "success_reader",
]

SUCCESS: Final = "SUCCESS"
NOT_APPLIED: Final = "NOT_APPLIED"
NOT_IN_ANSWER: Final = "NOT_IN_ANSWER"
_FOUND: Final = "FOUND"
# Either name may carry the outcome (the spec and Flipkart's pages disagree for v3).
_STATUS_KEYS: Final = (SHIPMENT_ACTION_ANSWER.status, SELF_SHIP_ACTION_ANSWER.status)


@guarded_class
@dataclass(frozen=True, slots=True)
class ShipmentResult:
    """What happened to one shipment in a bulk call."""

    shipment_id: str
    status: str
    """Flipkart's ``SUCCESS`` / ``FAILURE`` (as sent), or ``NOT_APPLIED`` / ``NOT_IN_ANSWER``."""
    error_code: str | None = None
    error_message: str | None = None
    error: FlipkartError | None = field(default=None, compare=False)
    """The typed error of the request that carried the shipment, when it failed."""
    raw: Mapping[str, Any] | None = field(default=None, compare=False)
    """Flipkart's entry for the shipment exactly as sent."""

    @property
    def ok(self) -> bool:
        """True when Flipkart reports success for this shipment."""
        return self.status.upper() == SUCCESS

    def __str__(self) -> str:
        if self.ok:
            return f"{self.shipment_id}: {self.status}"
        detail = ": ".join(part for part in (self.error_code, self.error_message) if part)
        return f"{self.shipment_id}: {self.status}" + (f" ({detail})" if detail else "")


@guarded_class
@dataclass(frozen=True, slots=True)
class ShipmentForms:
    """The regulatory forms (e-way bills) one shipment needs, and their status."""

    shipment_id: str
    forms: list[Forms]
    status: str = _FOUND
    """``FOUND``, or ``NOT_IN_ANSWER`` (Flipkart does not know the id) / ``NOT_APPLIED``."""
    error_code: str | None = None
    error_message: str | None = None
    error: FlipkartError | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        """True when Flipkart answered for this shipment."""
        return self.status == _FOUND


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def not_applied(shipment_id: str, error: FlipkartError) -> ShipmentResult:
    """The result of a shipment whose request failed."""
    return ShipmentResult(shipment_id, NOT_APPLIED, **failure_fields(error))


def not_in_answer(shipment_id: str) -> ShipmentResult:
    """The result of a shipment a 2xx answer left out."""
    return ShipmentResult(
        shipment_id, NOT_IN_ANSWER, error_message="Flipkart's answer did not mention this shipment"
    )


def status_reader(
    what: str, items: SpecField = SHIPMENT_ACTION_ANSWER.items
) -> Callable[[Chunk[str], Any], list[tuple[str, ShipmentResult]]]:
    """Reads ``{items: [{shipmentId, status|processingStatus, errorCode, errorMessage}]}``."""
    answer = SHIPMENT_ACTION_ANSWER

    def read(chunk: Chunk[str], body: Any) -> list[tuple[str, ShipmentResult]]:
        entries = action_entries(
            body,
            items,
            answer.id,
            _STATUS_KEYS,
            answer.error_code,
            answer.error_message,
            what,
        )
        return [
            (
                entry.key,
                ShipmentResult(
                    entry.key,
                    entry.status or "NO_STATUS",
                    error_code=entry.error_code,
                    error_message=entry.error_message
                    or (
                        None if entry.status else "Flipkart's entry for this shipment has no status"
                    ),
                    raw=entry.raw,
                ),
            )
            for entry in entries
        ]

    return read


def success_reader(chunk: Chunk[str], body: Any) -> list[tuple[str, ShipmentResult]]:
    """For calls whose 2xx answer has no body (tracking updates): the 2xx is the success of
    the one shipment the call carried."""
    return [(key, ShipmentResult(key, SUCCESS)) for key in chunk.keys]


def forms_reader(chunk: Chunk[str], body: Any) -> list[tuple[str, ShipmentForms]]:
    """Reads ``{shipments: [{shipmentId, forms: [...]}]}``."""
    from flipkart_seller_api.models.forms import Forms

    answer = MANDATORY_FORMS_ANSWER
    results = []
    for found in action_entries(body, answer.items, answer.id, (), "", "", "forms"):
        shipment_id, entry = found.key, found.raw
        listed = entry.get(answer.forms)
        forms = [
            Forms.from_dict(form)
            for form in (listed if isinstance(listed, list) else [])
            if isinstance(form, Mapping)
        ]
        results.append((shipment_id, ShipmentForms(shipment_id, forms)))
    return results


def forms_not_applied(shipment_id: str, error: FlipkartError) -> ShipmentForms:
    """The forms look-up of this shipment failed."""
    return ShipmentForms(shipment_id, [], NOT_APPLIED, **failure_fields(error))


def forms_not_in_answer(shipment_id: str) -> ShipmentForms:
    """Flipkart's answer left the shipment out (an id it does not know)."""
    return ShipmentForms(
        shipment_id, [], NOT_IN_ANSWER, error_message="Flipkart does not know this shipment"
    )
