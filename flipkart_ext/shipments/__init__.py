"""Shipment search, look-ups by id, label/invoice downloads and the dispatch day.

``client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"]))`` yields every
matching shipment once, following Flipkart's ``nextPageUrl`` only on the API host, through
the shared paging engine (:mod:`flipkart_ext.paging`, whose errors and iterators are
re-exported here). ``pack``, ``mark_ready_to_dispatch``, ``cancel``, the forms, tracking and
self-ship calls take plain values (ids, ``Shipment`` models, the specs below) and answer one
:class:`ShipmentResult` per shipment, through the shared batch engine
(:mod:`flipkart_ext._batches`). Log records go to the ``flipkart_ext.shipments`` logger.
"""

from .._batches import BatchResults, InvalidItem
from ..paging import (
    DEFAULT_DEDUPE_WINDOW,
    AsyncItemIterator,
    AsyncPageIterator,
    ItemIterator,
    MalformedResponse,
    MissingNextPage,
    NoProgress,
    Page,
    PageIterator,
    PaginationError,
    RepeatedCursor,
    UnsafeNextPageUrl,
)
from ._filter import DateRangeInput, InstantInput, ShipmentFilter
from ._inputs import CancelSpec, Package, PackSpec, SelfShipDispatch, TrackingUpdate
from ._lifecycle import LIMITS
from ._lookup import MAX_IDS_PER_CALL, PdfDocument, SavedPdf
from ._resource import AsyncShipments, Shipments
from ._results import NOT_APPLIED, NOT_IN_ANSWER, ShipmentForms, ShipmentResult

CANCELLATION_REASONS = ("not_enough_inventory", "cannot_procure_item", "b2b_order")
"""The seller cancellation reasons Flipkart documents for ``cancel``."""

ShipmentIterator = ItemIterator
"""The iterator ``Shipments.search`` returns (the engine's ``ItemIterator``)."""
AsyncShipmentIterator = AsyncItemIterator
"""The iterator ``AsyncShipments.search`` returns (the engine's ``AsyncItemIterator``)."""

__all__ = [
    "CANCELLATION_REASONS",
    "DEFAULT_DEDUPE_WINDOW",
    "LIMITS",
    "MAX_IDS_PER_CALL",
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "AsyncPageIterator",
    "AsyncShipmentIterator",
    "AsyncShipments",
    "BatchResults",
    "CancelSpec",
    "DateRangeInput",
    "InstantInput",
    "InvalidItem",
    "MalformedResponse",
    "MissingNextPage",
    "NoProgress",
    "PackSpec",
    "Package",
    "Page",
    "PageIterator",
    "PaginationError",
    "PdfDocument",
    "RepeatedCursor",
    "SavedPdf",
    "SelfShipDispatch",
    "ShipmentFilter",
    "ShipmentForms",
    "ShipmentIterator",
    "ShipmentResult",
    "Shipments",
    "TrackingUpdate",
    "UnsafeNextPageUrl",
]
