"""Shipment search across pages, look-ups by id and label/invoice downloads.

``client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"]))`` yields every
matching shipment once, following Flipkart's ``nextPageUrl`` only on the API host.
Log records go to the ``flipkart_ext.shipments`` logger.
"""

from ._errors import (
    MalformedResponse,
    PaginationError,
    RepeatedCursor,
    ShipmentsError,
    UnsafeNextPageUrl,
)
from ._filter import DateRangeInput, InstantInput, ShipmentFilter
from ._lookup import MAX_IDS_PER_CALL, PdfDocument, SavedPdf
from ._paging import DEFAULT_DEDUPE_WINDOW, Page
from ._resource import AsyncShipments, Shipments
from ._search import AsyncPageIterator, AsyncShipmentIterator, PageIterator, ShipmentIterator

__all__ = [
    "DEFAULT_DEDUPE_WINDOW",
    "MAX_IDS_PER_CALL",
    "AsyncPageIterator",
    "AsyncShipmentIterator",
    "AsyncShipments",
    "DateRangeInput",
    "InstantInput",
    "MalformedResponse",
    "Page",
    "PageIterator",
    "PaginationError",
    "PdfDocument",
    "RepeatedCursor",
    "SavedPdf",
    "ShipmentFilter",
    "ShipmentIterator",
    "Shipments",
    "ShipmentsError",
    "UnsafeNextPageUrl",
]
