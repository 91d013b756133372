"""Listings through ``client.listings``: search, look-up by SKU, price, stock and
whole-listing updates, and a new listing."""

from __future__ import annotations

from typing import Any

import pytest

from flipkart_ext.listings import PriceUpdate, StockUpdate

from ._target import Target

# What a whole-listing update or a creation sends, taken from the listing as Flipkart holds it.
_WHOLE = (
    "product_id",
    "price",
    "tax",
    "locations",
    "packages",
    "fulfillment_profile",
    "shipping_fees",
)


def _first_active(client: Any) -> tuple[str, dict[str, Any]]:
    (first,) = client.listings.search("ACTIVE", limit=1)
    sku = str(first.sku_id)
    return sku, client.listings.get([sku]).available[sku].to_dict()


def test_price_stock_and_listing_updates(target: Target) -> None:
    with target.client() as client:
        sku, listing = _first_active(client)
        product = listing["product_id"]
        location = listing["locations"][0]["id"]
        priced = client.listings.update_price(
            {sku: PriceUpdate(product, mrp=1000, selling_price=899)}
        )
        stocked = client.listings.update_inventory({sku: StockUpdate(product, {location: 12})})
        # A whole-listing update restates everything, the new price and stock included.
        whole = {key: listing[key] for key in _WHOLE if key in listing}
        whole |= {
            "price": {"mrp": 1000, "selling_price": 899, "currency": "INR"},
            "listing_status": "ACTIVE",
        }
        whole["locations"] = [
            {**loc, "inventory": 12} if loc["id"] == location else loc
            for loc in listing["locations"]
        ]
        updated = client.listings.update({sku: whole})
        after = client.listings.get([sku]).available[sku].to_dict()

    for results in (priced, stocked, updated):
        assert [(r.sku, r.status) for r in results] == [(sku, "SUCCESS")]
    assert after["price"]["selling_price"] == 899
    assert [loc["inventory"] for loc in after["locations"] if loc["id"] == location] == [12]


@pytest.mark.emulator_only
def test_a_new_listing(target: Target) -> None:
    # A new listing needs a product Flipkart's catalogue knows: the emulator's first one here.
    with target.client() as client:
        _, listing = _first_active(client)
        new = {key: listing[key] for key in _WHOLE if key in listing}
        new["listing_status"] = "ACTIVE"
        created = client.listings.create({"CASSETTE-1": new})
        found = client.listings.get(["CASSETTE-1"])

    assert [(r.sku, r.status) for r in created] == [("CASSETTE-1", "SUCCESS")]
    assert "CASSETTE-1" in found.available


def test_listing_search_and_a_bulk_stock_update_with_a_partial_failure(target: Target) -> None:
    with target.client() as client:
        listed = list(client.listings.search("ACTIVE"))  # one listing per page
        skus = [str(listing.sku_id) for listing in listed][:10]
        found = client.listings.get(skus).available
        updates: dict[str, Any] = {
            sku: StockUpdate(str(found[sku].product_id), {str(found[sku].locations[0].id): 5 + n})
            for n, sku in enumerate(skus)
        }
        # A SKU the seller never listed: Flipkart answers FAILURE for it, inside a 200.
        updates["CASSETTE-NOT-LISTED"] = StockUpdate("CASSETTEPRODUCT1", {"LOC-NONE": 1})
        results = client.listings.update_inventory(updates)

    assert len(listed) > 1 and len({listing.listing_id for listing in listed}) == len(listed)
    assert results.requests == -(-len(updates) // 10)  # calls of at most 10 SKUs
    assert [r.sku for r in results.failed] == ["CASSETTE-NOT-LISTED"]
    assert results.failed[0].status == "FAILURE"
    assert [r.sku for r in results.succeeded] == skus
