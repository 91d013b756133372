"""What ``client.shipments`` decides before any I/O: searches, look-ups and downloads.

The sync and async facades (``flipkart_ext._async.shipments`` and its generated twin) take
every plan from here and only send its calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpx

from .._core.retry import RetryPolicy
from ..errors import InvalidArgument
from ..paging import ApiBase, PageRequest, PageWalker
from ._filter import ShipmentFilter
from ._lookup import DocumentDownload, ShipmentLookup
from ._shape import SHIPMENT_SEARCH_PAGES

__all__ = ["Ids", "ShipmentPlans"]

Ids = Iterable[str] | str
"""Shipment ids: an iterable of id strings, or one id alone."""


class ShipmentPlans:
    """The plans of every shipment call; mixed into the facades."""

    def __init__(self, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None) -> None:
        self._api_base = ApiBase(api_base_url)
        self._retry = retry or RetryPolicy()

    def _walker(
        self,
        filter: ShipmentFilter | None,
        *,
        raw: bool,
        limit: int | None,
        max_pages: int | None,
        resume_from: str | None,
        dedupe_window: int,
    ) -> PageWalker[Any]:
        """Check the search arguments and set up the iteration (no I/O)."""
        if filter is not None and not isinstance(filter, ShipmentFilter):
            raise InvalidArgument(f"filter: expected a ShipmentFilter, got {type(filter).__name__}")
        # The body is built even when resuming so a bad filter still fails early.
        first = None if filter is None else self._first_page(filter)
        return PageWalker(
            SHIPMENT_SEARCH_PAGES,
            api_base=self._api_base,
            first=first,
            resume_from=resume_from,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            dedupe_window=dedupe_window,
        )

    def _first_page(self, filter: ShipmentFilter) -> PageRequest:
        from flipkart_seller_api.api.shipment_v3 import search_pre_dispatch_shipment_post

        from .._core.calls import Call, WireBody

        return Call.of(search_pre_dispatch_shipment_post, body=WireBody(filter.to_dict()))

    def _labels(self, shipment_ids: Ids, invoice: bool) -> DocumentDownload:
        if not isinstance(invoice, bool):
            raise InvalidArgument(f"invoice: expected True or False, got {invoice!r}")
        return DocumentDownload("labels" if invoice else "label_only", shipment_ids)

    def _lookup(
        self, shipment_ids: Ids | None, order_ids: Ids | None, order_item_ids: Ids | None, raw: bool
    ) -> ShipmentLookup:
        return ShipmentLookup(
            shipment_ids=shipment_ids, order_ids=order_ids, order_item_ids=order_item_ids, raw=raw
        )
