"""Every wire name that hand-written code reads or writes directly, declared once.

The generated models know Flipkart's JSON keys because they are generated from the spec.
Code written by hand (the pagers, the look-ups, the emulator) reads raw JSON for speed and
for liberal parsing, so it needs the keys too. It takes them from here and never from a
literal of its own: ``tests/core/test_wire_names.py`` holds every declaration against the
committed normalized spec (``openapi/flipkart-seller-api.json``). When Flipkart renames a
field, regeneration changes the spec, and that test fails naming the field, instead of an
export quietly stopping after page 1 because the client and the emulator agreed on a
stale string.

A :class:`SpecField` *is* the ``str`` of its key (``payload.get(SHIPMENT_PAGE.next)`` is a
plain dict look-up); it also remembers which component schema declares it.
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = [
    "CANCELLATION_TYPES",
    "DECLARED_FIELDS",
    "DECLARED_OPERATIONS",
    "DECLARED_PARAMS",
    "DECLARED_VALUES",
    "DISPATCH_SERVICE_TIERS",
    "DOCUMENT_OPERATIONS",
    "EVENTS",
    "FILTER_TYPES",
    "LABEL_ONLY_REPRINT",
    "LISTING_CHANGE",
    "LISTING_CHANGES",
    "LISTING_DETAILS",
    "LISTING_LOOKUP",
    "LISTING_SEARCH",
    "LISTING_SEARCHED",
    "LISTING_SEARCH_PAGE",
    "LISTING_SEARCH_STATUS",
    "MANDATORY_FORMS_ANSWER",
    "ORDER_ITEM",
    "PRICE_BODY",
    "READ_ONLY_POSTS",
    "RETURNS_PAGE",
    "RETURNS_QUERY",
    "RETURNS_SEARCH",
    "RETURN_ACTION_ANSWER",
    "RETURN_ITEM",
    "RETURN_SOURCES",
    "SELF_SHIP_ACTION_ANSWER",
    "SERVICE_PROFILES",
    "SHIPMENT",
    "SHIPMENT_ACTION_ANSWER",
    "SHIPMENT_DOCUMENTS",
    "SHIPMENT_FORMS",
    "SHIPMENT_LOOKUP",
    "SHIPMENT_LOOKUP_ANSWER",
    "SHIPMENT_PAGE",
    "SHIPMENT_SEARCH",
    "SHIPMENT_SEARCH_NEXT",
    "SHIPMENT_TYPES",
    "SORT_FIELDS",
    "SORT_ORDERS",
    "STOCK_BODY",
    "UNTYPED_ANSWER_OPERATIONS",
    "SpecField",
    "SpecOperation",
    "SpecParam",
    "SpecValues",
    "expected_answer",
]


class SpecField(str):
    """The property ``self`` of the component schema ``schema`` in the normalized spec."""

    schema: str

    def __new__(cls, schema: str, name: str) -> SpecField:
        field = super().__new__(cls, name)
        field.schema = schema
        DECLARED_FIELDS.append(field)
        return field

    def __repr__(self) -> str:
        return f"SpecField({self.schema}.{str.__str__(self)})"


class SpecOperation(NamedTuple):
    """An operation of the normalized spec: ``method`` (lower case) and ``path``."""

    method: str
    path: str

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"


class SpecParam(NamedTuple):
    """Parameter ``name`` of ``operation``, sent ``location`` (``query`` or ``path``)."""

    operation: SpecOperation
    name: str
    location: str = "query"


class SpecValues(tuple[str, ...]):
    """The values ``where`` takes: *is* the tuple of them, and remembers where they come from.

    ``where`` is a :class:`SpecField` (its enum, or its items' enum, in the normalized spec)
    or a :class:`SpecParam` whose values Flipkart documents but the spec leaves as a plain
    string (``in_spec=False``).
    """

    where: SpecField | SpecParam
    in_spec: bool

    def __new__(
        cls, where: SpecField | SpecParam, values: tuple[str, ...], *, in_spec: bool = True
    ) -> SpecValues:
        declared = super().__new__(cls, values)
        declared.where = where
        declared.in_spec = in_spec
        DECLARED_VALUES.append(declared)
        return declared


DECLARED_FIELDS: Final[list[SpecField]] = []
"""Every :class:`SpecField` declared below, in declaration order (filled on construction)."""
DECLARED_VALUES: Final[list[SpecValues]] = []
"""Every :class:`SpecValues` declared below (filled on construction)."""


class _Page(NamedTuple):
    """A page that says whether more follow and where the next one is (a URL)."""

    has_more: SpecField
    next: SpecField
    items: SpecField


class _Shipment(NamedTuple):
    id: SpecField
    order_items: SpecField


class _OrderItem(NamedTuple):
    order_id: SpecField
    order_item_id: SpecField


class _ShipmentLookup(NamedTuple):
    shipment_ids: SpecParam
    order_ids: SpecParam
    order_item_ids: SpecParam


class _ActionAnswer(NamedTuple):
    """Where a bulk action's answer keeps its per-item results."""

    items: SpecField
    id: SpecField
    status: SpecField
    error_code: SpecField
    error_message: SpecField


class _FormsAnswer(NamedTuple):
    items: SpecField
    id: SpecField
    forms: SpecField


class _ReturnsQuery(NamedTuple):
    source: SpecParam
    created_after: SpecParam
    created_before: SpecParam
    modified_after: SpecParam
    modified_before: SpecParam
    return_ids: SpecParam
    tracking_ids: SpecParam
    location_id: SpecParam


class _ReturnItem(NamedTuple):
    id: SpecField
    tracking_id: SpecField


class _StockBody(NamedTuple):
    product_id: SpecField
    locations: SpecField
    location_id: SpecField
    inventory: SpecField


class _PriceBody(NamedTuple):
    product_id: SpecField
    price: SpecField
    mrp: SpecField
    selling_price: SpecField
    currency: SpecField


class _ListingChange(NamedTuple):
    status: SpecField
    errors: SpecField
    attribute_errors: SpecField


class _ListingDetails(NamedTuple):
    available: SpecField
    unavailable: SpecField
    invalid: SpecField


class _ListingSearchPage(NamedTuple):
    has_more: SpecField
    next: SpecField
    items: SpecField
    page_id: SpecField
    filters: SpecField


# -- shipments ---------------------------------------------------------------------------------

SHIPMENT_SEARCH: Final = SpecOperation("post", "/v3/shipments/filter")
"""The first page of a shipment search."""
SHIPMENT_SEARCH_NEXT: Final = SpecOperation("get", "/v3/shipments/filter")
"""Every later page: a ``GET`` of the server's ``nextPageUrl``."""

SHIPMENT_PAGE: Final = _Page(
    has_more=SpecField("SearchShipmentResponse", "hasMore"),
    next=SpecField("SearchShipmentResponse", "nextPageUrl"),
    items=SpecField("SearchShipmentResponse", "shipments"),
)
SHIPMENT: Final = _Shipment(
    id=SpecField("Shipment", "shipmentId"),
    order_items=SpecField("Shipment", "orderItems"),
)
ORDER_ITEM: Final = _OrderItem(
    order_id=SpecField("OrderItem", "orderId"),
    order_item_id=SpecField("OrderItem", "orderItemId"),
)

_LOOKUP: Final = SpecOperation("get", "/v3/shipments")
SHIPMENT_LOOKUP: Final = _ShipmentLookup(
    shipment_ids=SpecParam(_LOOKUP, "shipmentIds"),
    order_ids=SpecParam(_LOOKUP, "orderIds"),
    order_item_ids=SpecParam(_LOOKUP, "orderItemIds"),
)
SHIPMENT_LOOKUP_ANSWER: Final = SpecField("ShipmentResponse", "shipments")
"""The list of shipments in the answer of ``GET /v3/shipments``."""
SHIPMENT_DOCUMENTS: Final = {
    "labels": SpecOperation("get", "/v3/shipments/{shipmentIds}/labels"),
    "invoices": SpecOperation("get", "/v3/shipments/{shipmentIds}/invoices"),
    "label_only": SpecOperation("post", "/v3/shipments/{shipmentIds}/labelOnly/pdf"),
}
"""PDF downloads by kind; ``{shipmentIds}`` takes comma-separated ids."""
LABEL_ONLY_REPRINT: Final = SpecParam(SHIPMENT_DOCUMENTS["label_only"], "reprint")
"""``true``: download the label without marking the shipment packed."""

SHIPMENT_ACTION_ANSWER: Final = _ActionAnswer(
    items=SpecField("ShipmentStatusResponseV3", "shipments"),
    id=SpecField("ShipmentV3", "shipmentId"),
    status=SpecField("ShipmentV3", "status"),
    error_code=SpecField("ShipmentV3", "errorCode"),
    error_message=SpecField("ShipmentV3", "errorMessage"),
)
"""The answer of pack, ready to dispatch, cancel and form acknowledgements (v3)."""
SELF_SHIP_ACTION_ANSWER: Final = _ActionAnswer(
    items=SpecField("ShipmentsDispatchResponseV2", "shipments"),
    id=SpecField("ShipmentResponseStatusV2", "shipmentId"),
    status=SpecField("ShipmentResponseStatusV2", "processingStatus"),
    error_code=SpecField("ShipmentResponseStatusV2", "errorCode"),
    error_message=SpecField("ShipmentResponseStatusV2", "errorMessage"),
)
"""The answer of the self-ship dispatch, delivery and delivery-attempt calls.

Flipkart's pages print ``processingStatus`` for the v3 actions too, where the spec says
``status``: readers accept either.
"""
SHIPMENT_FORMS: Final = SpecOperation("post", "/v3/shipments/{shipmentIds}/forms")
"""The mandatory forms of shipments; ``{shipmentIds}`` takes comma-separated ids."""
MANDATORY_FORMS_ANSWER: Final = _FormsAnswer(
    items=SpecField("MandatoryFormsResponse", "shipments"),
    id=SpecField("MandatoryFormsResponseShipment", "shipmentId"),
    forms=SpecField("MandatoryFormsResponseShipment", "forms"),
)

# -- returns -----------------------------------------------------------------------------------

RETURNS_SEARCH: Final = SpecOperation("get", "/v2/returns")
RETURNS_PAGE: Final = _Page(
    has_more=SpecField("ReturnsSearchResponseV2", "hasMore"),
    next=SpecField("ReturnsSearchResponseV2", "nextUrl"),
    items=SpecField("ReturnsSearchResponseV2", "returnItems"),
)
RETURN_ACTION_ANSWER: Final = _ActionAnswer(
    items=SpecField("ReturnsActionResponseV2", "returns"),
    id=SpecField("ReturnActionResponse", "returnId"),
    status=SpecField("ReturnActionResponse", "processingStatus"),
    error_code=SpecField("ReturnActionResponse", "errorCode"),
    error_message=SpecField("ReturnActionResponse", "errorMessage"),
)
"""Where a return action's answer keeps its per-return results."""
RETURN_ITEM: Final = _ReturnItem(
    id=SpecField("ReturnItem", "returnId"),
    tracking_id=SpecField("ReturnItem", "trackingId"),
)
RETURNS_QUERY: Final = _ReturnsQuery(
    source=SpecParam(RETURNS_SEARCH, "source"),
    created_after=SpecParam(RETURNS_SEARCH, "createdAfter"),
    created_before=SpecParam(RETURNS_SEARCH, "createdBefore"),
    modified_after=SpecParam(RETURNS_SEARCH, "modifiedAfter"),
    modified_before=SpecParam(RETURNS_SEARCH, "modifiedBefore"),
    return_ids=SpecParam(RETURNS_SEARCH, "returnIds"),
    tracking_ids=SpecParam(RETURNS_SEARCH, "trackingIds"),
    location_id=SpecParam(RETURNS_SEARCH, "locationId"),
)
"""The query of a returns search; a next page (``nextUrl``) is a search with these too."""

# -- listings ----------------------------------------------------------------------------------

LISTING_SEARCH: Final = SpecOperation("post", "/listings/v3/search")
LISTING_SEARCH_PAGE: Final = _ListingSearchPage(
    has_more=SpecField("BulkListingResponse", "has_more"),
    next=SpecField("BulkListingResponse", "next_page_id"),
    items=SpecField("BulkListingResponse", "listings"),
    page_id=SpecField("BulkListingRequest", "page_id"),
    filters=SpecField("BulkListingRequest", "filters"),
)
LISTING_SEARCHED: Final = SpecField("BulkListing", "listing_id")
"""The id of a listing on a listing search page (de-duplication key)."""
LISTING_LOOKUP: Final = SpecOperation("get", "/listings/v3/{skuIds}")
LISTING_DETAILS: Final = _ListingDetails(
    available=SpecField("GetMarketplaceListingDetailsResponse", "available"),
    unavailable=SpecField("GetMarketplaceListingDetailsResponse", "unavailable"),
    invalid=SpecField("GetMarketplaceListingDetailsResponse", "invalid"),
)
LISTING_CHANGES: Final = {
    "create": SpecOperation("post", "/listings/v3"),
    "update": SpecOperation("post", "/listings/v3/update"),
    "update_price": SpecOperation("post", "/listings/v3/update/price"),
    "update_inventory": SpecOperation("post", "/listings/v3/update/inventory"),
}
"""The bulk listing calls: bodies and answers are maps keyed by SKU."""
STOCK_BODY: Final = _StockBody(
    product_id=SpecField("UpdateInventoryRequest", "product_id"),
    locations=SpecField("UpdateInventoryRequest", "locations"),
    location_id=SpecField("Location", "id"),
    inventory=SpecField("Location", "inventory"),
)
"""One SKU's body in a stock update (built by hand: 20,000 of them must be cheap)."""
PRICE_BODY: Final = _PriceBody(
    product_id=SpecField("UpdatePriceRequest", "product_id"),
    price=SpecField("UpdatePriceRequest", "price"),
    mrp=SpecField("Price", "mrp"),
    selling_price=SpecField("Price", "selling_price"),
    currency=SpecField("Price", "currency"),
)
"""One SKU's body in a price update."""
LISTING_CHANGE: Final = _ListingChange(
    status=SpecField("ListingChangeResponse", "status"),
    errors=SpecField("ListingChangeResponse", "errors"),
    attribute_errors=SpecField("ListingChangeResponse", "attribute_errors"),
)
"""One SKU's entry in the answer to a bulk listing call."""
LISTING_SEARCH_STATUS: Final = SpecField("BulkListingFilter", "lisitng_status")
"""The listing-status filter of a listing search, spelled as the spec spells it."""

# -- values the shipment filter, the emulator and the CLI share --------------------------------

FILTER_TYPES: Final = SpecValues(
    SpecField("Filter", "type"), ("preDispatch", "postDispatch", "cancelled")
)
CANCELLATION_TYPES: Final = SpecValues(
    SpecField("Filter", "cancellationType"),
    ("sellerCancellation", "buyerCancellation", "marketplaceCancellation"),
)
SHIPMENT_TYPES: Final = SpecValues(
    SpecField("Filter", "shipmentTypes"), ("EXPRESS", "NORMAL", "SELF")
)
SERVICE_PROFILES: Final = SpecValues(
    SpecField("Filter", "serviceProfiles"), ("FBF", "FBF_LITE", "NON_FBF")
)
DISPATCH_SERVICE_TIERS: Final = SpecValues(
    SpecField("Filter", "dispatchServiceTiers"), ("EXPRESS", "REGULAR")
)
SORT_FIELDS: Final = SpecValues(
    SpecField("Sort", "field"), ("orderDate", "dispatchAfterDate", "dispatchByDate", "modifiedDate")
)
SORT_ORDERS: Final = SpecValues(SpecField("Sort", "order"), ("asc", "desc"))
RETURN_SOURCES: Final = SpecValues(
    RETURNS_QUERY.source, ("customer_return", "courier_return"), in_spec=False
)
"""Documented by Flipkart for ``GET /v2/returns?source=``; the spec types it as a string."""


class _Events(NamedTuple):
    """The notification events Flipkart documents, by their ``eventType``."""

    shipment_created: str = "shipment_created"
    shipment_hold: str = "shipment_hold"
    shipment_unhold: str = "shipment_unhold"
    shipment_packed: str = "shipment_packed"
    shipment_ready_to_dispatch: str = "shipment_ready_to_dispatch"
    shipment_pickup_complete: str = "shipment_pickup_complete"
    shipment_shipped: str = "shipment_shipped"
    shipment_delivered: str = "shipment_delivered"
    shipment_dispatch_dates_changed: str = "shipment_dispatch_dates_changed"
    shipment_cancelled: str = "shipment_cancelled"
    shipment_form_failed: str = "shipment_form_failed"
    return_created: str = "return_created"
    return_item_tracking_id_update: str = "return_item_tracking_id_update"
    return_expected_date_changed: str = "return_expected_date_changed"
    return_picked_up: str = "return_picked_up"
    return_completed: str = "return_completed"
    return_cancelled: str = "return_cancelled"


EVENTS: Final = _Events()
"""Every documented notification event name (webhooks are not in the spec: the names are held
against Flipkart's notification pages, kept under ``tests/notifications/samples``). The typed
events of :mod:`flipkart_ext.notifications` and the emulator's notices take their names here."""

# -- what answers hold, and which requests only read ---------------------------------------------

DOCUMENT_OPERATIONS: Final = frozenset(
    {
        "shipment_v3.get_labels",
        "shipment_v3.get_invoices_pdf_from_esi",
        "shipment_v3.get_labels_only_pdf",
        "shipment_v3.get_manifest",
    }
)
"""Generated operations whose successful answer is a PDF (``application/pdf`` only)."""
UNTYPED_ANSWER_OPERATIONS: Final = frozenset({"shipment_v3.update_tracking_info"})
"""Generated operations whose successful answer the spec leaves without content."""


def expected_answer(operation: str) -> str:
    """``"PDF"``, ``"ANY"`` or ``"JSON"``: what a successful answer to ``operation`` holds."""
    if operation in DOCUMENT_OPERATIONS:
        return "PDF"
    if operation in UNTYPED_ANSWER_OPERATIONS:
        return "ANY"
    return "JSON"


READ_ONLY_POSTS: Final = (SHIPMENT_SEARCH, LISTING_SEARCH)
"""``POST`` operations that only read (searches): safe to send again, so they are retried."""

DECLARED_OPERATIONS: Final = (
    SHIPMENT_SEARCH,
    SHIPMENT_SEARCH_NEXT,
    _LOOKUP,
    *SHIPMENT_DOCUMENTS.values(),
    SHIPMENT_FORMS,
    RETURNS_SEARCH,
    LISTING_SEARCH,
    LISTING_LOOKUP,
    *LISTING_CHANGES.values(),
)
DECLARED_PARAMS: Final = (*SHIPMENT_LOOKUP, *RETURNS_QUERY, LABEL_ONLY_REPRINT)
