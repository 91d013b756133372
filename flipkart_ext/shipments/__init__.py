"""Shipment search, look-ups by id and label/invoice downloads.

``client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"]))`` yields every
matching shipment once, following Flipkart's ``nextPageUrl`` only on the API host, through
the shared paging engine (:mod:`flipkart_ext.paging`, whose errors and iterators are
re-exported here). Log records go to the ``flipkart_ext.shipments`` logger.
"""

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
from ._lookup import MAX_IDS_PER_CALL, PdfDocument, SavedPdf
from ._resource import AsyncShipments, Shipments

ShipmentIterator = ItemIterator
"""The iterator ``Shipments.search`` returns (the engine's ``ItemIterator``)."""
AsyncShipmentIterator = AsyncItemIterator
"""The iterator ``AsyncShipments.search`` returns (the engine's ``AsyncItemIterator``)."""

__all__ = [
    "DEFAULT_DEDUPE_WINDOW",
    "MAX_IDS_PER_CALL",
    "AsyncPageIterator",
    "AsyncShipmentIterator",
    "AsyncShipments",
    "DateRangeInput",
    "InstantInput",
    "MalformedResponse",
    "MissingNextPage",
    "NoProgress",
    "Page",
    "PageIterator",
    "PaginationError",
    "PdfDocument",
    "RepeatedCursor",
    "SavedPdf",
    "ShipmentFilter",
    "ShipmentIterator",
    "Shipments",
    "UnsafeNextPageUrl",
]
