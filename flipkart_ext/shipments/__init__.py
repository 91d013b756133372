"""Shipment search, look-ups by id, label/invoice downloads and the dispatch day.

``client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"]))`` yields every
matching shipment once, following Flipkart's ``nextPageUrl`` only on the API host, through
the shared paging engine (:mod:`flipkart_ext.paging`). ``pack``, ``mark_ready_to_dispatch``, ``cancel``, the forms, tracking and
self-ship calls take plain values (ids, ``Shipment`` models, the specs below) and answer one
:class:`ShipmentResult` per shipment, collected in a :class:`~flipkart_ext.BatchResults`. Log records go to the ``flipkart_ext.shipments`` logger.
"""

from typing import TYPE_CHECKING

from .._core.inputs import DateRangeInput, InstantInput
from .._lazy import lazy_module_getattr
from .._spec import (
    CANCELLATION_TYPES,
    DISPATCH_SERVICE_TIERS,
    FILTER_TYPES,
    SERVICE_PROFILES,
    SHIPMENT_TYPES,
    SORT_FIELDS,
    SORT_ORDERS,
)
from ._filter import ShipmentCriteria, ShipmentFilter
from ._inputs import CancelSpec, Package, PackSpec, SelfShipDispatch, TrackingUpdate
from ._lookup import MAX_IDS_PER_CALL, PdfDocument, SavedPdf
from ._plans import LIMITS
from ._results import NOT_APPLIED, NOT_IN_ANSWER, ShipmentForms, ShipmentResult

if TYPE_CHECKING:
    from .._async.shipments import AsyncShipments
    from .._sync.shipments import Shipments

CANCELLATION_REASONS = ("not_enough_inventory", "cannot_procure_item", "b2b_order")
"""The seller cancellation reasons Flipkart documents for ``cancel``."""

__all__ = [
    "CANCELLATION_REASONS",
    "CANCELLATION_TYPES",
    "DISPATCH_SERVICE_TIERS",
    "FILTER_TYPES",
    "LIMITS",
    "MAX_IDS_PER_CALL",
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "SERVICE_PROFILES",
    "SHIPMENT_TYPES",
    "SORT_FIELDS",
    "SORT_ORDERS",
    "AsyncShipments",
    "CancelSpec",
    "DateRangeInput",
    "InstantInput",
    "PackSpec",
    "Package",
    "PdfDocument",
    "SavedPdf",
    "SelfShipDispatch",
    "ShipmentCriteria",
    "ShipmentFilter",
    "ShipmentForms",
    "ShipmentResult",
    "Shipments",
    "TrackingUpdate",
]

# The facades live with the I/O layer, which imports this package's plans: loaded on use.
# Names that moved elsewhere (one import path each) work for one more release.
__getattr__ = lazy_module_getattr(
    __name__,
    {"AsyncShipments": ".._async.shipments", "Shipments": ".._sync.shipments"},
    moved={
        "BatchResults": "flipkart_ext.BatchResults",
        "InvalidItem": "flipkart_ext.InvalidItem",
        "MalformedResponse": "flipkart_ext.MalformedResponse",
        "MissingNextPage": "flipkart_ext.MissingNextPage",
        "NoProgress": "flipkart_ext.NoProgress",
        "PaginationError": "flipkart_ext.PaginationError",
        "RepeatedCursor": "flipkart_ext.RepeatedCursor",
        "UnsafeNextPageUrl": "flipkart_ext.UnsafeNextPageUrl",
        "DEFAULT_DEDUPE_WINDOW": "flipkart_ext.paging.DEFAULT_DEDUPE_WINDOW",
        "Page": "flipkart_ext.paging.Page",
        "PageIterator": "flipkart_ext.paging.PageIterator",
        "AsyncPageIterator": "flipkart_ext.paging.AsyncPageIterator",
    },
)
