"""What ``client.shipments`` decides before any I/O: searches, look-ups and downloads.

The sync and async facades (``flipkart_ext._async.shipments`` and its generated twin) take
every plan from here and only send its calls.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._core.inputs import flag
from ..errors import InvalidArgument
from ..paging import PageRequest
from ..paging._plans import SearchPlans
from ._filter import ShipmentFilter
from ._lookup import DocumentDownload, ShipmentLookup
from ._shape import SHIPMENT_SEARCH_PAGES

__all__ = ["Ids", "ShipmentPlans"]

Ids = Iterable[str] | str
"""Shipment ids: an iterable of id strings, or one id alone."""


class ShipmentPlans(SearchPlans[ShipmentFilter]):
    """The plans of every shipment call; mixed into the facades."""

    _shape = SHIPMENT_SEARCH_PAGES

    def _first(self, filter: ShipmentFilter | None) -> PageRequest | None:
        if filter is None:
            return None
        if not isinstance(filter, ShipmentFilter):
            raise InvalidArgument(f"filter: expected a ShipmentFilter, got {type(filter).__name__}")
        # The body is built even when resuming so a bad filter still fails early.
        from flipkart_seller_api.api.shipment_v3 import search_pre_dispatch_shipment_post

        from .._core.calls import Call, WireBody

        return Call.of(search_pre_dispatch_shipment_post, body=WireBody(filter.to_dict()))

    def _labels(self, shipment_ids: Ids, invoice: bool) -> DocumentDownload:
        flag("invoice", invoice)
        return DocumentDownload("labels" if invoice else "label_only", shipment_ids)

    def _lookup(
        self, shipment_ids: Ids | None, order_ids: Ids | None, order_item_ids: Ids | None, raw: bool
    ) -> ShipmentLookup:
        return ShipmentLookup(
            shipment_ids=shipment_ids, order_ids=order_ids, order_item_ids=order_item_ids, raw=raw
        )
