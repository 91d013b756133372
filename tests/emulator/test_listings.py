from __future__ import annotations

from typing import Any

import httpx
import pytest

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


def _inventory(
    emu: Emulator, api: httpx.Client, sku: str, count: int, status: str = "ENABLED"
) -> dict[str, Any]:
    return {
        "product_id": listing(api, sku)["product_id"],
        "locations": [{"id": emu.location_ids[0], "status": status, "inventory": count}],
    }


def _whole(emu: Emulator, product_id: str = "PRODUCT000000001", **changes: Any) -> dict[str, Any]:
    body = {
        "product_id": product_id,
        "price": {"mrp": 1200, "selling_price": 999, "currency": "INR"},
        "tax": {"hsn": "94052090", "tax_code": "GST_12"},
        "listing_status": "ACTIVE",
        "fulfillment_profile": "NON_FBF",
        "shipping_fees": {"local": 10, "zonal": 20, "national": 30, "currency": "INR"},
        "locations": [{"id": emu.location_ids[0], "status": "ENABLED", "inventory": 9}],
        "packages": [
            {
                "name": "carton",
                "dimensions": {"length": 30, "breadth": 20, "height": 10},
                "weight": 1.5,
            }
        ],
    }
    body.update(changes)
    return body


@pytest.mark.parametrize("path", ["", "/update", "/update/price", "/update/inventory"])
def test_at_most_ten_skus_per_change_and_at_least_one(
    emu: Emulator, api: httpx.Client, path: str
) -> None:
    def value(n: int) -> dict[str, Any]:
        if path == "/update/price":
            return {"product_id": "P", "price": {"mrp": 9, "selling_price": 9, "currency": "INR"}}
        if path == "/update/inventory":
            return {"product_id": "P", "locations": []}
        return _whole(emu, f"PRODUCT{n:09d}")

    eleven = {f"SKU-X{n}": value(n) for n in range(11)}
    assert api.post(f"/listings/v3{path}", json=eleven).status_code == 400
    ten = dict(list(eleven.items())[:10])
    answer = api.post(f"/listings/v3{path}", json=ten)
    assert answer.status_code == 200
    assert len(answer.json()) == 10
    assert api.post(f"/listings/v3{path}", json={}).status_code == 400


def test_ninety_five_skus_of_stock_in_ten_calls_change_what_get_reads(
    emu: Emulator, api: httpx.Client
) -> None:
    skus = emu.add_listings(95, inventory=3)
    location = emu.location_ids[0]
    for start in range(0, 95, 10):
        chunk = skus[start : start + 10]
        body = {
            sku: {
                "product_id": listing(api, sku)["product_id"],
                "locations": [{"id": location, "status": "ENABLED", "inventory": n}],
            }
            for n, sku in enumerate(chunk, start=start)
        }
        answer = api.post("/listings/v3/update/inventory", json=body)
        assert {r["status"] for r in answer.json().values()} == {"SUCCESS"}
    stock = {
        sku: next(
            loc["inventory"] for loc in listing(api, sku)["locations"] if loc["id"] == location
        )
        for sku in (skus[0], skus[41], skus[94])
    }
    assert stock == {skus[0]: 0, skus[41]: 41, skus[94]: 94}


def test_a_disabled_location_is_a_warning(emu: Emulator, api: httpx.Client) -> None:
    answer = api.post(
        "/listings/v3/update/inventory",
        json={"SKU-0005": _inventory(emu, api, "SKU-0005", 4, status="DISABLED")},
    ).json()["SKU-0005"]
    assert answer["status"] == "WARNING"
    assert answer["errors"][0]["severity"] == "WARNING"
    [location] = [
        loc for loc in listing(api, "SKU-0005")["locations"] if loc["id"] == emu.location_ids[0]
    ]
    assert location == {"id": emu.location_ids[0], "status": "DISABLED", "inventory": 4}


def test_negative_stock_fails_that_sku_only(emu: Emulator, api: httpx.Client) -> None:
    answer = api.post(
        "/listings/v3/update/inventory",
        json={
            "SKU-0001": _inventory(emu, api, "SKU-0001", -1),
            "SKU-0002": _inventory(emu, api, "SKU-0002", 2),
        },
    ).json()
    assert (answer["SKU-0001"]["status"], answer["SKU-0002"]["status"]) == ("FAILURE", "SUCCESS")


def test_create_lists_a_new_sku_and_overwrites_an_existing_one(
    emu: Emulator, api: httpx.Client
) -> None:
    existing = listing(api, "SKU-0003")["product_id"]
    answer = api.post(
        "/listings/v3",
        json={
            "SKU-NEW": _whole(emu),
            "SKU-0003": _whole(emu, existing, listing_status="INACTIVE"),
            "SKU-BAD": _whole(emu, "SHORT"),
            "SKU-DEAR": _whole(
                emu, "PRODUCT000000002", price={"mrp": 1, "selling_price": 2, "currency": "INR"}
            ),
        },
    ).json()
    assert {sku: r["status"] for sku, r in answer.items()} == {
        "SKU-NEW": "SUCCESS",
        "SKU-0003": "SUCCESS",
        "SKU-BAD": "FAILURE",
        "SKU-DEAR": "FAILURE",
    }
    assert answer["SKU-BAD"]["attribute_errors"][0]["attribute"] == "product_id"
    created = listing(api, "SKU-NEW")
    assert created["product_id"] == "PRODUCT000000001"
    assert created["price"] == {"mrp": 1200, "selling_price": 999, "currency": "INR"}
    assert created["tax"] == {"hsn": "94052090", "tax_code": "GST_12"}
    assert created["listing_id"] == emu.listing_ids["SKU-NEW"]
    assert listing(api, "SKU-0003")["listing_status"] == "INACTIVE"
    gone = api.get("/listings/v3/SKU-BAD,SKU-DEAR").json()
    assert gone["unavailable"] == ["SKU-BAD", "SKU-DEAR"]


def test_update_needs_a_listed_sku_with_its_product(emu: Emulator, api: httpx.Client) -> None:
    existing = listing(api, "SKU-0006")["product_id"]
    answer = api.post(
        "/listings/v3/update",
        json={
            "SKU-0006": _whole(emu, existing, packages=[{"name": "bag", "weight": 0.1}]),
            "SKU-0404": _whole(emu),
            "SKU-0007": _whole(emu, "PRODUCT000000009"),
        },
    ).json()
    assert {sku: r["status"] for sku, r in answer.items()} == {
        "SKU-0006": "SUCCESS",
        "SKU-0404": "FAILURE",
        "SKU-0007": "FAILURE",
    }
    assert listing(api, "SKU-0006")["packages"] == [{"name": "bag", "weight": 0.1}]


def _search_all(api: httpx.Client, body: dict[str, Any]) -> list[str]:
    page = api.post("/listings/v3/search", json=body)
    assert page.status_code == 200, page.text
    skus = []
    while True:
        found = page.json()
        if found["listings"] is not None:
            skus.append(found["listings"]["sku_id"])
        if not found["has_more"]:
            assert found["next_page_id"] is None
            return skus
        page = api.post("/listings/v3/search", json={"page_id": found["next_page_id"]})
        assert page.status_code == 200, page.text


def test_search_pages_through_the_catalog_by_status(emu: Emulator, api: httpx.Client) -> None:
    inactive = emu.add_listings(["SKU-OFF-1", "SKU-OFF-2"], status="INACTIVE")
    everything = _search_all(api, {})
    assert everything == list(emu.listing_ids)
    assert _search_all(api, {"filters": {"lisitng_status": "INACTIVE"}}) == inactive
    assert len(_search_all(api, {"filters": {"lisitng_status": "ACTIVE"}})) == 8


def test_search_refuses_forged_or_mismatched_page_ids(api: httpx.Client) -> None:
    first = api.post("/listings/v3/search", json={"filters": {"lisitng_status": "ACTIVE"}}).json()
    assert api.post("/listings/v3/search", json={"page_id": "forged"}).status_code == 400
    mismatched = api.post(
        "/listings/v3/search",
        json={"page_id": first["next_page_id"], "filters": {"lisitng_status": "INACTIVE"}},
    )
    assert mismatched.status_code == 400


def test_an_empty_search(emu: Emulator, api: httpx.Client) -> None:
    answer = api.post(
        "/listings/v3/search", json={"filters": {"lisitng_status": "INACTIVE"}}
    ).json()
    assert answer == {"has_more": False, "next_page_id": None, "listings": None}


def test_add_listings_checks_its_input(emu: Emulator) -> None:
    assert emu.add_listings(2) == ["SKU-0009", "SKU-0010"]
    for bad in (
        {"skus": 0},
        {"skus": ["SKU-0001"]},
        {"skus": 1, "selling_price": 2000},
        {"skus": True},
    ):
        with pytest.raises(ValueError):
            emu.add_listings(**bad)
