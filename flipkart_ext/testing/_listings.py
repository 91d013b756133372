"""Listing endpoints: read listings by SKU, update price and inventory.

Updates answer 200 with a result per SKU (``SUCCESS`` or ``FAILURE`` with ``errors``), as
Flipkart's listings v3 API does; only a malformed request is refused as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._state import ListingRecord, Store
from ._wire import Call, Response, error_response, json_response

__all__ = ["MAX_SKUS_PER_CALL", "ListingsApi", "render_listing"]

MAX_SKUS_PER_CALL = 10


def render_listing(listing: ListingRecord) -> dict[str, Any]:
    """A listing in the spec's ``MarketplaceListingDetail`` shape."""
    return {
        "listing_id": listing.listing_id,
        "product_id": listing.product_id,
        "listing_status": listing.status,
        "archived_status": "NONE",
        "fulfillment_profile": "NON_FBF",
        "price": {"mrp": listing.mrp, "selling_price": listing.selling_price, "currency": "INR"},
        "tax": {"hsn": listing.hsn, "tax_code": "GST_18"},
        "shipping_fees": {"local": 0, "zonal": 0, "national": 0, "currency": "INR"},
        "locations": [
            {"id": location, "status": "ENABLED", "inventory": count}
            for location, count in listing.inventory.items()
        ],
        "packages": [
            {
                "name": "package-1",
                "dimensions": {"length": 20.0, "breadth": 15.0, "height": 10.0},
                "weight": 0.5,
            }
        ],
    }


def _failure(code: int, description: str, path: str) -> dict[str, Any]:
    return {
        "status": "FAILURE",
        "errors": [{"severity": "ERROR", "code": code, "description": description, "path": path}],
        "attribute_errors": [],
    }


_SUCCESS: dict[str, Any] = {"status": "SUCCESS", "errors": [], "attribute_errors": []}


class ListingsApi:
    """Route handlers over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

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

    def _update(
        self, call: Call, apply: Callable[[ListingRecord, dict[str, Any]], dict[str, Any] | None]
    ) -> Response:
        results = {}
        for sku, change in call.body.items():
            listing = self._store.listings.get(sku)
            if listing is None:
                results[sku] = _failure(404, f"SKU {sku} is not listed", sku)
            elif change["product_id"] != listing.product_id:
                results[sku] = _failure(
                    400, "product_id does not match the listing", f"{sku}.product_id"
                )
            else:
                results[sku] = apply(listing, change) or dict(_SUCCESS)
        return json_response(results)

    def update_price(self, call: Call) -> Response:
        """``POST /listings/v3/update/price``."""

        def apply(listing: ListingRecord, change: dict[str, Any]) -> dict[str, Any] | None:
            price = change["price"]
            mrp, selling_price = price.get("mrp"), price.get("selling_price")
            # The shared Price schema makes these nullable; an update still needs them.
            if mrp is None or selling_price is None:
                return _failure(400, "mrp and selling_price are required", "price")
            if selling_price > mrp:
                return _failure(400, "selling_price cannot exceed mrp", "price.selling_price")
            if price.get("currency") != "INR":
                return _failure(400, "currency must be INR", "price.currency")
            listing.mrp = mrp
            listing.selling_price = selling_price
            return None

        return self._update(call, apply)

    def update_inventory(self, call: Call) -> Response:
        """``POST /listings/v3/update/inventory``."""
        locations = self._store.locations

        def apply(listing: ListingRecord, change: dict[str, Any]) -> dict[str, Any] | None:
            for entry in change["locations"]:
                if entry["id"] not in locations:
                    return _failure(400, f"Unknown location {entry['id']}", "locations.id")
                if (entry.get("inventory") or 0) < 0:
                    return _failure(400, "inventory cannot be negative", "locations.inventory")
            for entry in change["locations"]:
                listing.inventory[entry["id"]] = entry.get("inventory") or 0
            return None

        return self._update(call, apply)
