"""Listings through ``client.call``: search, look-up by SKU, price, stock and whole-listing
updates, and a new listing."""

from __future__ import annotations

from typing import Any

import pytest
from flipkart_seller_api.api.listings_v3 import (
    create_listings,
    get_listings,
    listing_search,
    update_inventory,
    update_listings,
    update_price,
)
from flipkart_seller_api.models.bulk_listing_request import BulkListingRequest
from flipkart_seller_api.models.create_listings_body import CreateListingsBody
from flipkart_seller_api.models.update_inventory_body import UpdateInventoryBody
from flipkart_seller_api.models.update_listings_body import UpdateListingsBody
from flipkart_seller_api.models.update_price_body import UpdatePriceBody

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


def _statuses(answer: Any) -> dict[str, str]:
    return {sku: str(result.status) for sku, result in answer.additional_properties.items()}


def _first_active(client: Any) -> tuple[str, dict[str, Any]]:
    page = client.call(
        listing_search, body=BulkListingRequest.from_dict({"filters": {"lisitng_status": "ACTIVE"}})
    )
    listings = page.listings if isinstance(page.listings, list) else [page.listings]
    sku = str(listings[0].sku_id)
    details = client.call(get_listings, sku_ids=sku)
    return sku, details.available[sku].to_dict()


def test_price_stock_and_listing_updates(target: Target) -> None:
    with target.client() as client:
        sku, listing = _first_active(client)
        product = listing["product_id"]
        location = listing["locations"][0]["id"]
        price = {"mrp": 1000, "selling_price": 899, "currency": "INR"}
        priced = client.call(
            update_price,
            body=UpdatePriceBody.from_dict({sku: {"product_id": product, "price": price}}),
        )
        stock = {"id": location, "status": "ENABLED", "inventory": 12}
        stocked = client.call(
            update_inventory,
            body=UpdateInventoryBody.from_dict(
                {sku: {"product_id": product, "locations": [stock]}}
            ),
        )
        # A whole-listing update restates everything, the new price and stock included.
        whole = {key: listing[key] for key in _WHOLE if key in listing}
        whole |= {"price": price, "listing_status": "ACTIVE"}
        whole["locations"] = [
            {**loc, "inventory": 12} if loc["id"] == location else loc
            for loc in listing["locations"]
        ]
        updated = client.call(update_listings, body=UpdateListingsBody.from_dict({sku: whole}))
        after = client.call(get_listings, sku_ids=sku).available[sku].to_dict()

    assert _statuses(priced) == _statuses(stocked) == _statuses(updated) == {sku: "SUCCESS"}
    assert after["price"]["selling_price"] == 899
    assert [loc["inventory"] for loc in after["locations"] if loc["id"] == location] == [12]


@pytest.mark.emulator_only
def test_a_new_listing(target: Target) -> None:
    # A new listing needs a product Flipkart's catalogue knows: the emulator's first one here.
    with target.client() as client:
        _, listing = _first_active(client)
        new = {key: listing[key] for key in _WHOLE if key in listing}
        new["listing_status"] = "ACTIVE"
        created = client.call(
            create_listings, body=CreateListingsBody.from_dict({"CASSETTE-1": new})
        )
        found = client.call(get_listings, sku_ids="CASSETTE-1")

    assert _statuses(created) == {"CASSETTE-1": "SUCCESS"}
    assert "CASSETTE-1" in found.available
