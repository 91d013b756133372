"""Listings by SKU: calls of at most 10 SKUs, answers merged across calls.

``GET /listings/v3/{skuIds}`` answers ``{available: {sku: listing}, unavailable: [...],
invalid: [...]}``; :class:`ListingDetails` holds the three, merged over every chunk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .._boundary import guarded_class
from .._core.calls import Call
from .._core.ids import chunked, unique_ids
from .._core.inputs import flag
from .._spec import LISTING_DETAILS
from ..errors import MalformedResponse

__all__ = ["MAX_SKUS_PER_CALL", "ListingDetails", "ListingLookup"]

MAX_SKUS_PER_CALL: Final = 10
"""Flipkart's limit on SKUs per listings call (look-ups and updates alike)."""


@guarded_class
@dataclass
class ListingDetails:
    """What Flipkart knows of the SKUs asked for, merged across calls.

    ``available`` maps each listed SKU to its listing (the generated
    ``MarketplaceListingDetail``, or the JSON as sent with ``raw=True``); ``unavailable``
    and ``invalid`` list the other SKUs, in input order.
    """

    available: dict[str, Any] = field(default_factory=dict)
    unavailable: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)


def _strings(payload: Mapping[str, Any], name: str) -> list[str]:
    """The SKUs listed under ``name``: absent or null is none; another shape is refused,
    since reading it as none would hide what the answer says."""
    value = payload.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedResponse(f"listings look-up: '{name}' is a {type(value).__name__}")
    return [v for v in value if isinstance(v, str)]


class ListingLookup:
    """Plan for a look-up by SKU: validation, chunks, URLs, merging (no I/O)."""

    def __init__(self, skus: Iterable[str] | str, *, raw: bool) -> None:
        from flipkart_seller_api.api.listings_v3 import get_listings

        self.skus = unique_ids("skus", skus)
        self.chunks = chunked(self.skus, MAX_SKUS_PER_CALL)
        self.calls = [Call.of(get_listings, sku_ids=",".join(chunk)) for chunk in self.chunks]
        """One call per chunk, in input order."""
        self._parse: Any = None
        if not flag("raw", raw):
            from flipkart_seller_api.models.marketplace_listing_detail import (
                MarketplaceListingDetail,
            )

            self._parse = MarketplaceListingDetail.from_dict
        self._found = ListingDetails()

    def add(self, index: int, payload: object) -> None:
        """Take the answer to chunk ``index``."""
        if not isinstance(payload, Mapping):
            raise MalformedResponse(
                f"listings look-up: expected a JSON object, got {type(payload).__name__}"
            )
        available = payload.get(LISTING_DETAILS.available)
        if available is None:
            # Absent or null: nothing found. A 0, "" or [] is not a mapping, and is refused.
            available = {}
        if not isinstance(available, Mapping):
            raise MalformedResponse(
                f"listings look-up: '{LISTING_DETAILS.available}' is a {type(available).__name__}"
            )
        for sku, listing in available.items():
            # A listing of an odd shape is kept as sent rather than dropped.
            typed = self._parse is not None and isinstance(listing, dict)
            self._found.available[sku] = self._parse(listing) if typed else listing
        self._found.unavailable += _strings(payload, LISTING_DETAILS.unavailable)
        self._found.invalid += _strings(payload, LISTING_DETAILS.invalid)

    def result(self) -> ListingDetails:
        """Everything found, with ``unavailable`` / ``invalid`` in input order."""
        order = {sku: i for i, sku in enumerate(self.skus)}
        found = self._found
        for listed in (found.unavailable, found.invalid):
            listed[:] = sorted(dict.fromkeys(listed), key=lambda s: order.get(s, len(order)))
        found.available = dict(
            sorted(found.available.items(), key=lambda kv: order.get(kv[0], len(order)))
        )
        return found
