from __future__ import annotations

from typing import Any

import httpx

from flipkart_ext.testing import Emulator


def listing(api: httpx.Client, sku: str) -> dict[str, Any]:
    body = api.get(f"/listings/v3/{sku}").json()
    found: dict[str, Any] = body["available"][sku]
    return found


def test_get_listings_splits_available_and_unavailable(emu: Emulator, api: httpx.Client) -> None:
    body = api.get("/listings/v3/SKU-0001,SKU-0404").json()
    assert set(body["available"]) == {"SKU-0001"}
    assert body["unavailable"] == ["SKU-0404"]
    detail = body["available"]["SKU-0001"]
    assert detail["listing_id"] == emu.listing_ids["SKU-0001"]
    assert {loc["id"] for loc in detail["locations"]} == set(emu.location_ids)


def test_at_most_ten_skus(api: httpx.Client) -> None:
    skus = ",".join(f"SKU-{n:04d}" for n in range(1, 12))
    assert api.get(f"/listings/v3/{skus}").status_code == 400


def test_price_update_changes_the_listing(api: httpx.Client) -> None:
    product_id = listing(api, "SKU-0002")["product_id"]
    response = api.post(
        "/listings/v3/update/price",
        json={
            "SKU-0002": {
                "product_id": product_id,
                "price": {"mrp": 700, "selling_price": 555, "currency": "INR"},
            }
        },
    )
    assert response.json() == {
        "SKU-0002": {"status": "SUCCESS", "errors": [], "attribute_errors": []}
    }
    assert listing(api, "SKU-0002")["price"] == {
        "mrp": 700,
        "selling_price": 555,
        "currency": "INR",
    }


def test_price_update_failures_are_per_sku(api: httpx.Client) -> None:
    product_id = listing(api, "SKU-0001")["product_id"]
    before = listing(api, "SKU-0001")["price"]
    response = api.post(
        "/listings/v3/update/price",
        json={
            "SKU-0001": {
                "product_id": product_id,
                "price": {"mrp": 100, "selling_price": 200, "currency": "INR"},
            },
            "SKU-0404": {
                "product_id": "x",
                "price": {"mrp": 100, "selling_price": 50, "currency": "INR"},
            },
            "SKU-0003": {
                "product_id": "not-its-product",
                "price": {"mrp": 100, "selling_price": 50, "currency": "INR"},
            },
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert {sku: r["status"] for sku, r in body.items()} == dict.fromkeys(
        ("SKU-0001", "SKU-0404", "SKU-0003"), "FAILURE"
    )
    assert body["SKU-0001"]["errors"][0]["path"] == "price.selling_price"
    assert listing(api, "SKU-0001")["price"] == before


def test_inventory_update(emu: Emulator, api: httpx.Client) -> None:
    product_id = listing(api, "SKU-0004")["product_id"]
    location = emu.location_ids[1]
    ok = api.post(
        "/listings/v3/update/inventory",
        json={
            "SKU-0004": {
                "product_id": product_id,
                "locations": [{"id": location, "status": "ENABLED", "inventory": 7}],
            }
        },
    ).json()
    assert ok["SKU-0004"]["status"] == "SUCCESS"
    stock = {loc["id"]: loc["inventory"] for loc in listing(api, "SKU-0004")["locations"]}
    assert stock[location] == 7
    unknown = api.post(
        "/listings/v3/update/inventory",
        json={
            "SKU-0004": {
                "product_id": product_id,
                "locations": [{"id": "LOCnowhere", "status": "ENABLED", "inventory": 1}],
            }
        },
    ).json()
    assert unknown["SKU-0004"]["status"] == "FAILURE"
