"""Listing endpoints: read by SKU, search, create, update, and update price or inventory.

As Flipkart's listings v3 documents them:

- every call takes at most 10 SKUs ("Max batch size allowed is 10"); more, or none, is
  refused with 400;
- create, update, price and inventory answer 200 with one entry per SKU:
  ``{"status": SUCCESS | FAILURE | WARNING, "errors": [...], "attribute_errors": [...]}``;
  an unknown SKU or a bad value fails that SKU only ("Individual SKUs may have failed. The
  status field has to be tested");
- create on an existing SKU overwrites it ("this call will overwrite the listing
  information"), update needs an existing SKU;
- ``product_id`` is 13 to 16 characters (reported as an attribute error);
- an inventory update for a DISABLED location is applied with a WARNING: the stock is
  recorded but that location does not sell it;
- search (``POST /listings/v3/search``) pages with snake_case ``has_more`` /
  ``next_page_id``, the next request sending ``page_id``. The spec gives each answer one
  ``BulkListing`` (not a list), so each page holds one listing; clients accept a list too.

Changes are stateful: what an update writes, ``GET /listings/v3/{skuIds}`` reads back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._spec import LISTING_SEARCH_PAGE, LISTING_SEARCH_STATUS
from ._cursor import CursorCodec, InvalidCursorError
from ._state import ListingRecord, Store
from ._wire import Call, Response, error_response, invalid_field, json_response

__all__ = ["MAX_SKUS_PER_CALL", "ListingsApi", "render_listing"]

MAX_SKUS_PER_CALL = 10
_PRODUCT_ID_LENGTH = range(13, 17)

Apply = Callable[[ListingRecord | None, str, dict[str, Any]], dict[str, Any] | None]


def render_listing(listing: ListingRecord) -> dict[str, Any]:
    """A listing in the spec's ``MarketplaceListingDetail`` shape."""
    return {
        "listing_id": listing.listing_id,
        "product_id": listing.product_id,
        "listing_status": listing.status,
        "archived_status": listing.archived_status,
        "fulfillment_profile": listing.fulfillment_profile,
        "price": {"mrp": listing.mrp, "selling_price": listing.selling_price, "currency": "INR"},
        "tax": {"hsn": listing.hsn, "tax_code": listing.tax_code},
        "shipping_fees": dict(listing.shipping_fees),
        "locations": [
            {
                "id": location,
                "status": listing.location_status.get(location, "ENABLED"),
                "inventory": count,
            }
            for location, count in listing.inventory.items()
        ],
        "packages": [dict(package) for package in listing.packages],
    }


def _failure(code: int, description: str, path: str) -> dict[str, Any]:
    return {
        "status": "FAILURE",
        "errors": [{"severity": "ERROR", "code": code, "description": description, "path": path}],
        "attribute_errors": [],
    }


def _attribute_failure(attribute: str, description: str, path: str) -> dict[str, Any]:
    return {
        "status": "FAILURE",
        "errors": [],
        "attribute_errors": [
            {
                "attribute": attribute,
                "severity": "ERROR",
                "code": 400,
                "description": description,
                "path": path,
            }
        ],
    }


_SUCCESS: dict[str, Any] = {"status": "SUCCESS", "errors": [], "attribute_errors": []}


def _price_problem(sku: str, price: Mapping[str, Any]) -> dict[str, Any] | None:
    mrp, selling_price = price.get("mrp"), price.get("selling_price")
    # The shared Price schema makes these nullable; an update still needs them.
    if mrp is None or selling_price is None:
        return _failure(400, "mrp and selling_price are required", "price")
    if selling_price > mrp:
        return _failure(400, "selling_price cannot exceed mrp", "price.selling_price")
    if price.get("currency") != "INR":
        return _failure(400, "currency must be INR", "price.currency")
    return None


class _Locations:
    """Checks and applies ``locations`` entries against the seller's locations."""

    def __init__(self, known: list[str]) -> None:
        self._known = known

    def problem(self, entries: list[Mapping[str, Any]]) -> dict[str, Any] | None:
        for entry in entries:
            if entry["id"] not in self._known:
                return _failure(400, f"Unknown location {entry['id']}", "locations.id")
            if (entry.get("inventory") or 0) < 0:
                return _failure(400, "inventory cannot be negative", "locations.inventory")
        return None

    @staticmethod
    def apply(listing: ListingRecord, entries: list[Mapping[str, Any]]) -> dict[str, Any] | None:
        """Write stock and status; a WARNING entry when a disabled location got stock."""
        disabled = []
        for entry in entries:
            listing.inventory[entry["id"]] = entry.get("inventory") or 0
            status = entry.get("status") or "ENABLED"
            listing.location_status[entry["id"]] = status
            if status == "DISABLED":
                disabled.append(entry["id"])
        if not disabled:
            return None
        return {
            "status": "WARNING",
            "errors": [
                {
                    "severity": "WARNING",
                    "code": 200,
                    "description": f"Location {location} is disabled; its stock is not sold",
                    "path": "locations.status",
                }
                for location in disabled
            ],
            "attribute_errors": [],
        }


class ListingsApi:
    """Route handlers over one store."""

    def __init__(self, store: Store, cursors: CursorCodec) -> None:
        self._store = store
        self._cursors = cursors
        self._locations = _Locations(store.locations)

    # -- reading --------------------------------------------------------------------------

    def get(self, call: Call) -> Response:
        """``GET /listings/v3/{skuIds}``: known SKUs under ``available``, others ``unavailable``."""
        skus = list(dict.fromkeys(s.strip() for s in call.params["skuIds"].split(",")))
        if any(not sku for sku in skus):
            return error_response(400, "invalid_request", "skuIds must be SKUs separated by commas")
        if len(skus) > MAX_SKUS_PER_CALL:
            return error_response(
                400, "invalid_request", f"At most {MAX_SKUS_PER_CALL} SKUs per request"
            )
        listings = self._store.listings
        return json_response(
            {
                "available": {s: render_listing(listings[s]) for s in skus if s in listings},
                "unavailable": [s for s in skus if s not in listings],
                "invalid": [],
            }
        )

    def search(self, call: Call) -> Response:
        """``POST /listings/v3/search``: one listing per page, ``page_id`` for the next."""
        body = call.body or {}
        wanted = (body.get(LISTING_SEARCH_PAGE.filters) or {}).get(LISTING_SEARCH_STATUS)
        start = 0
        page_id = body.get(LISTING_SEARCH_PAGE.page_id)
        if page_id is not None:
            try:
                search, start = self._cursors.decode(page_id)
            except InvalidCursorError as exc:
                return invalid_field(
                    LISTING_SEARCH_PAGE.page_id, str(exc), "not issued by this server"
                )
            if wanted is not None and wanted != search["status"]:
                return invalid_field(
                    LISTING_SEARCH_PAGE.filters,
                    "filters differ from the search this page_id belongs to",
                    "must match the first page",
                )
            wanted = search["status"]
        listings = list(self._store.listings.values())
        matches = [
            index
            for index in range(start, len(listings))
            if wanted is None or listings[index].status == wanted
        ][:2]
        payload: dict[str, Any] = {LISTING_SEARCH_PAGE.has_more: len(matches) > 1}
        payload[LISTING_SEARCH_PAGE.next] = (
            self._cursors.encode({"status": wanted}, matches[0] + 1) if len(matches) > 1 else None
        )
        if matches:
            found = listings[matches[0]]
            payload[LISTING_SEARCH_PAGE.items] = {
                "listing_id": found.listing_id,
                "product_id": found.product_id,
                "sku_id": found.sku,
            }
        else:
            payload[LISTING_SEARCH_PAGE.items] = None
        return json_response(payload)

    # -- writing --------------------------------------------------------------------------

    def _change(self, call: Call, apply: Apply, *, create: bool = False) -> Response:
        body: dict[str, Any] = call.body
        if not body:
            return error_response(400, "invalid_request", "at least one SKU is required")
        if len(body) > MAX_SKUS_PER_CALL:
            return error_response(
                400,
                "invalid_request",
                f"At most {MAX_SKUS_PER_CALL} SKUs per request, got {len(body)}",
            )
        results = {}
        for sku, change in body.items():
            listing = self._store.listings.get(sku)
            if listing is None and not create:
                results[sku] = _failure(404, f"SKU {sku} is not listed", sku)
            elif listing is not None and change["product_id"] != listing.product_id:
                results[sku] = _failure(
                    400, "product_id does not match the listing", f"{sku}.product_id"
                )
            else:
                results[sku] = apply(listing, sku, change) or dict(_SUCCESS)
        return json_response(results)

    def update_price(self, call: Call) -> Response:
        """``POST /listings/v3/update/price``."""

        def apply(
            listing: ListingRecord | None, sku: str, change: dict[str, Any]
        ) -> dict[str, Any] | None:
            assert listing is not None  # _change only passes known SKUs here
            price = change["price"]
            problem = _price_problem(sku, price)
            if problem is not None:
                return problem
            listing.mrp = price["mrp"]
            listing.selling_price = price["selling_price"]
            return None

        return self._change(call, apply)

    def update_inventory(self, call: Call) -> Response:
        """``POST /listings/v3/update/inventory``."""

        def apply(
            listing: ListingRecord | None, sku: str, change: dict[str, Any]
        ) -> dict[str, Any] | None:
            assert listing is not None  # _change only passes known SKUs here
            return self._locations.problem(change["locations"]) or self._locations.apply(
                listing, change["locations"]
            )

        return self._change(call, apply)

    def _write_all(
        self, listing: ListingRecord | None, sku: str, change: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Check and write a whole listing (create or update)."""
        product_id = change["product_id"]
        if len(product_id) not in _PRODUCT_ID_LENGTH:
            return _attribute_failure(
                "product_id", "product_id must be 13 to 16 characters", f"{sku}.product_id"
            )
        problem = _price_problem(sku, change["price"]) or self._locations.problem(
            change["locations"]
        )
        if problem is not None:
            return problem
        if not change["packages"]:
            return _attribute_failure("packages", "at least one package is required", "packages")
        if listing is None:
            listing = self._store.add_listing(sku, product_id=product_id, inventory=0)
        listing.mrp = change["price"]["mrp"]
        listing.selling_price = change["price"]["selling_price"]
        listing.status = change["listing_status"]
        listing.fulfillment_profile = change["fulfillment_profile"]
        listing.hsn = change["tax"]["hsn"]
        listing.tax_code = change["tax"].get("tax_code") or listing.tax_code
        listing.archived_status = change.get("archived_status") or listing.archived_status
        if change.get("shipping_fees"):
            listing.shipping_fees = dict(change["shipping_fees"])
        listing.packages = [dict(package) for package in change["packages"]]
        return self._locations.apply(listing, change["locations"])

    def create(self, call: Call) -> Response:
        """``POST /listings/v3``: new SKUs are listed, existing ones overwritten."""
        return self._change(call, self._write_all, create=True)

    def update(self, call: Call) -> Response:
        """``POST /listings/v3/update``: a whole listing, for SKUs already listed."""
        return self._change(call, self._write_all)
