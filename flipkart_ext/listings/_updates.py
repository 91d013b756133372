"""Bulk listing changes (stock, price, whole listings): check, chunk at 10 SKUs, read per SKU.

Nothing here does I/O. Each ``plan_*`` function checks every SKU's change before anything
is sent (raising :class:`~flipkart_ext.InvalidItem` naming the SKU and field), builds the
bodies with the generated request models (so keys come from the spec), and returns a
:class:`~flipkart_ext._core.batches.BatchPlan` for the shared batch engine, which sends the
chunks with bounded concurrency, pauses the whole batch on a 429 and reports a chunk that
failed after retries as ``NOT_APPLIED`` for each of its SKUs.

Flipkart answers ``200`` with a map keyed by SKU: ``{status: SUCCESS | FAILURE | WARNING,
errors, attribute_errors}``. A ``FAILURE`` is data on :class:`SkuResult`, never raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .._boundary import guarded_class
from .._core.batches import BatchPlan, Chunk
from .._core.calls import Call, WireBody
from .._core.ids import chunked
from .._core.inputs import first_repeat, refuse_repeats, text_problem
from .._spec import LISTING_CHANGE, PRICE_BODY, STOCK_BODY
from ..errors import FlipkartError, InvalidItem, MalformedResponse
from ._lookup import MAX_SKUS_PER_CALL

__all__ = [
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "PriceUpdate",
    "SkuResult",
    "StockUpdate",
    "plan_change",
]

NOT_APPLIED: Final = "NOT_APPLIED"
"""The request carrying the SKU failed (``SkuResult.error`` says how): it was not applied,
or, after a 5xx or a lost connection, may have been; check before sending it again."""
NOT_IN_ANSWER: Final = "NOT_IN_ANSWER"
"""The request went through but Flipkart's answer did not mention the SKU."""
_APPLIED: Final = frozenset({"SUCCESS", "WARNING"})


@guarded_class
@dataclass(frozen=True, slots=True)
class StockUpdate:
    """New stock for one SKU: units per location id (``{"LOC1": 12}``)."""

    product_id: str
    locations: Mapping[str, int]


@guarded_class
@dataclass(frozen=True, slots=True)
class PriceUpdate:
    """New prices for one SKU, in whole rupees (Flipkart's ``int32`` price fields)."""

    product_id: str
    mrp: int
    selling_price: int
    currency: str = "INR"


@guarded_class
@dataclass(frozen=True, slots=True)
class SkuResult:
    """What happened to one SKU in a bulk listing call."""

    sku: str
    status: str
    """Flipkart's ``SUCCESS`` / ``FAILURE`` / ``WARNING`` (as sent), or ``NOT_APPLIED`` /
    ``NOT_IN_ANSWER``."""
    errors: list[Any] = field(default_factory=list)
    """Flipkart's ``errors`` for the SKU, as sent (``code``, ``description``, ``path`` ...)."""
    attribute_errors: list[Any] = field(default_factory=list)
    error: FlipkartError | None = field(default=None, compare=False)
    """The typed error of the request that carried the SKU, when it failed."""
    raw: Mapping[str, Any] | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        """True when Flipkart applied the change (``SUCCESS``, or ``WARNING``)."""
        return self.status.upper() in _APPLIED

    @property
    def reason(self) -> str:
        """Why the change did not go through (or a warning), from Flipkart's errors and the
        request's error; empty when there is none. Built from the fields, never from text."""
        details = [
            str(entry.get("description") or entry.get("code") or "")
            for entry in self.errors
            if isinstance(entry, Mapping)
        ]
        details += [
            f"{entry.get('attribute')}: {entry.get('description') or entry.get('code')}"
            for entry in self.attribute_errors
            if isinstance(entry, Mapping)
        ]
        if self.error is not None:
            details.append(str(self.error))
        return "; ".join(detail for detail in details if detail)

    def __str__(self) -> str:
        reason = "" if self.status.upper() == "SUCCESS" else self.reason
        return f"{self.sku}: {self.status}" + (f" ({reason})" if reason else "")


def _not_applied(sku: str, error: FlipkartError) -> SkuResult:
    return SkuResult(sku, NOT_APPLIED, error=error)


def _not_in_answer(sku: str) -> SkuResult:
    return SkuResult(
        sku, NOT_IN_ANSWER, errors=[{"description": "Flipkart's answer did not mention this SKU"}]
    )


def _listed(value: object) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _read(chunk: Chunk[str], body: Any) -> list[tuple[str, SkuResult]]:
    if not isinstance(body, Mapping):
        raise MalformedResponse(
            f"listing change: expected a JSON object, got {type(body).__name__}"
        )
    results = []
    for sku, entry in body.items():
        if not isinstance(entry, Mapping):  # null or odd: nothing said about this SKU
            continue
        status = entry.get(LISTING_CHANGE.status)
        results.append(
            (
                sku,
                SkuResult(
                    sku,
                    status if isinstance(status, str) and status else "NO_STATUS",
                    errors=_listed(entry.get(LISTING_CHANGE.errors)),
                    attribute_errors=_listed(entry.get(LISTING_CHANGE.attribute_errors)),
                    raw=dict(entry),
                ),
            )
        )
    return results


# -- checking what the caller gave ----------------------------------------------------------


def _pairs(changes: object) -> list[tuple[str, object]]:
    """The checked ``(SKU, change)`` pairs of a mapping, or of an iterable of pairs.

    Pairs are the form a CSV reader produces, and the only one in which a SKU can be given
    twice: that is refused, naming both positions, rather than the last change winning.
    """
    if isinstance(changes, Mapping):
        given: list[object] = list(changes.items())
    elif isinstance(changes, Iterable) and not isinstance(changes, str | bytes | bytearray):
        given = list(changes)
    else:
        raise InvalidItem(
            "updates",
            "updates",
            "expected a mapping of SKU to change, or (SKU, change) pairs, "
            f"got {type(changes).__name__}",
        )
    pairs: list[tuple[str, object]] = []
    for index, pair in enumerate(given):
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidItem(
                f"updates[{index}]",
                "updates",
                f"expected a (SKU, change) pair, got a {type(pair).__name__}",
            )
        pairs.append((_sku(pair[0], index), pair[1]))
    refuse_repeats("updates", [sku for sku, _ in pairs])
    return pairs


def _sku(value: object, index: int) -> str:
    # A comma is allowed: the SKU is a key of the JSON body, never joined into a list.
    problem = text_problem(value)
    if problem is not None:
        raise InvalidItem(f"updates[{index}]", "sku", problem)
    return str.__str__(value)  # text_problem proved it a str


def _text(value: object, sku: str, name: str) -> str:
    problem = text_problem(value)
    if problem is not None:
        raise InvalidItem(sku, name, problem)
    return str.__str__(value)  # text_problem proved it a str


def _whole(value: object, sku: str, name: str, *, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidItem(sku, name, f"expected a whole number >= {low}, got {value!r}")
    if value > 2**31 - 1:
        raise InvalidItem(sku, name, f"{value} is beyond Flipkart's 32-bit limit")
    return value


def _from_wire(model: type[Any], sku: str, change: Mapping[str, Any]) -> Any:
    """``change`` read by the generated ``model``; a missing or mistyped field names its path."""
    from flipkart_seller_api.errors import PayloadError

    try:
        return model.from_dict(dict(change))
    except PayloadError as exc:
        raise InvalidItem(sku, getattr(exc, "path", "") or model.__name__, str(exc)) from None


def _stock_body(sku: str, change: object) -> dict[str, Any]:
    from flipkart_seller_api.models.update_inventory_request import UpdateInventoryRequest

    if isinstance(change, Mapping):  # the wire form, read by the generated model
        change = _from_wire(UpdateInventoryRequest, sku, change)
    if isinstance(change, UpdateInventoryRequest):
        entries = change.locations if isinstance(change.locations, list) else []
        repeat = first_repeat([getattr(entry, "id", None) for entry in entries])
        if repeat is not None:  # a dict below would keep only the last of them
            first, second = repeat
            raise InvalidItem(
                sku,
                f"locations[{second}].id",
                f"{entries[second].id!r} is given twice (also at locations[{first}])",
            )
        change = StockUpdate(
            change.product_id,
            {
                # Checked below like any other value: a missing count is refused there.
                _text(entry.id, sku, f"locations[{n}].id"): entry.inventory  # type: ignore[misc]
                for n, entry in enumerate(entries)
            },
        )
    if not isinstance(change, StockUpdate):
        raise InvalidItem(sku, "update", f"expected a StockUpdate, got {type(change).__name__}")
    if not isinstance(change.locations, Mapping) or not change.locations:
        raise InvalidItem(sku, "locations", "give at least one location id and its units")
    body = STOCK_BODY
    return {
        body.product_id: _text(change.product_id, sku, "product_id"),
        body.locations: [
            {
                body.location_id: _text(location, sku, "locations"),
                body.inventory: _whole(units, sku, f"locations[{location!r}].inventory", low=0),
            }
            for location, units in change.locations.items()
        ],
    }


def _price_body(sku: str, change: object) -> dict[str, Any]:
    from flipkart_seller_api.models.update_price_request import UpdatePriceRequest
    from flipkart_seller_api.types import Unset

    if isinstance(change, Mapping):  # the wire form, read by the generated model
        change = _from_wire(UpdatePriceRequest, sku, change)
    if isinstance(change, UpdatePriceRequest):
        price = change.price
        currency = getattr(price, "currency", None)
        change = PriceUpdate(
            change.product_id,
            getattr(price, "mrp", None),  # type: ignore[arg-type]
            getattr(price, "selling_price", None),  # type: ignore[arg-type]
            "INR" if currency is None or isinstance(currency, Unset) else currency,
        )
    if not isinstance(change, PriceUpdate):
        raise InvalidItem(sku, "update", f"expected a PriceUpdate, got {type(change).__name__}")
    mrp = _whole(change.mrp, sku, "price.mrp", low=1)
    selling = _whole(change.selling_price, sku, "price.selling_price", low=1)
    if selling > mrp:
        raise InvalidItem(sku, "price.selling_price", f"{selling} is above the MRP {mrp}")
    currency = _text(change.currency, sku, "price.currency")
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise InvalidItem(
            sku, "price.currency", f"expected an ISO 4217 code such as 'INR', got {currency!r}"
        )
    body = PRICE_BODY
    return {
        body.product_id: _text(change.product_id, sku, "product_id"),
        body.price: {body.mrp: mrp, body.selling_price: selling, body.currency: currency},
    }


def _listing_body(model: Callable[[], type[Any]]) -> Callable[[str, object], dict[str, Any]]:
    """A whole listing (create or update): a generated request model, or its JSON form."""

    def body(sku: str, change: object) -> dict[str, Any]:
        kind = model()
        if isinstance(change, Mapping):
            change = _from_wire(kind, sku, change)
        if not isinstance(change, kind):
            raise InvalidItem(
                sku, "listing", f"expected a {kind.__name__} or a dict, got {type(change).__name__}"
            )
        return dict(change.to_dict())

    return body


def _create_model() -> type[Any]:
    from flipkart_seller_api.models.create_listing_request import CreateListingRequest

    return CreateListingRequest


def _update_model() -> type[Any]:
    from flipkart_seller_api.models.update_listing_request import UpdateListingRequest

    return UpdateListingRequest


_BODIES: Final[dict[str, Callable[[str, object], dict[str, Any]]]] = {
    "update_inventory": _stock_body,
    "update_price": _price_body,
    "create": _listing_body(_create_model),
    "update": _listing_body(_update_model),
}


def _operation(kind: str) -> Any:
    from flipkart_seller_api.api.listings_v3 import (
        create_listings,
        update_inventory,
        update_listings,
        update_price,
    )

    return {
        "update_inventory": update_inventory,
        "update_price": update_price,
        "create": create_listings,
        "update": update_listings,
    }[kind]


def plan_change(kind: str, changes: object) -> BatchPlan[str, SkuResult]:
    """Check every SKU's change and split them into calls of at most 10 SKUs (no I/O)."""
    make = _BODIES[kind]
    bodies = [(sku, make(sku, change)) for sku, change in _pairs(changes)]
    operation = _operation(kind)
    chunks = [
        Chunk(tuple(sku for sku, _ in part), Call.of(operation, body=WireBody(dict(part))))
        for part in chunked(bodies, MAX_SKUS_PER_CALL)
    ]
    return BatchPlan(
        name=f"listings {kind.replace('_', ' ')}",
        keys=[sku for sku, _ in bodies],
        chunks=chunks,
        read=_read,
        failed=_not_applied,
        missing=_not_in_answer,
    )
