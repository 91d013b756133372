from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator

PREFIX = "/v3/shipments/filter?next_token="


def search_all(api: httpx.Client, body: dict[str, Any]) -> list[dict[str, Any]]:
    """Every page of a search, following nextPageUrl exactly as given."""
    pages = [api.post("/v3/shipments/filter", json=body)]
    while True:
        page = pages[-1]
        assert page.status_code == 200, page.text
        data = page.json()
        if not data["hasMore"]:
            assert "nextPageUrl" not in data
            return pages_payload(pages)
        assert data["nextPageUrl"].startswith(PREFIX)
        pages.append(api.get(data["nextPageUrl"]))


def pages_payload(pages: list[httpx.Response]) -> list[dict[str, Any]]:
    return [page.json() for page in pages]


def ids_of(pages: list[dict[str, Any]]) -> list[str]:
    return [s["shipmentId"] for page in pages for s in page["shipments"]]


def test_pagination_over_many_pages_keeps_the_filter(emu: Emulator, api: httpx.Client) -> None:
    other_location = emu.location_ids[1]
    wanted = emu.create_test_orders(count=17, sku="SKU-0003", location_id=other_location)
    # Near misses: each differs from the filter in exactly one respect.
    emu.create_test_orders(count=4, sku="SKU-0004", location_id=other_location)
    emu.create_test_orders(count=4, sku="SKU-0003")
    emu.create_test_orders(count=4, sku="SKU-0003", location_id=other_location, state="PACKED")
    emu.create_test_orders(count=4, sku="SKU-0003", location_id=other_location, hold=True)

    pages = search_all(
        api,
        {
            "filter": {
                "type": "preDispatch",
                "states": ["APPROVED"],
                "sku": ["SKU-0003"],
                "locationId": other_location,
            },
            "pagination": {"pageSize": 3},
        },
    )

    assert len(pages) == 6
    assert [len(p["shipments"]) for p in pages] == [3, 3, 3, 3, 3, 2]
    found = ids_of(pages)
    assert len(found) == len(set(found))
    assert set(found) == set(wanted)
    for shipment in (s for p in pages for s in p["shipments"]):
        assert shipment["locationId"] == other_location
        assert shipment["hold"] is False
        assert {i["sku"] for i in shipment["orderItems"]} == {"SKU-0003"}
        assert {i["status"] for i in shipment["orderItems"]} == {"APPROVED"}


@pytest.mark.parametrize(
    ("field", "order"),
    [
        ("dispatchByDate", "asc"),
        ("dispatchByDate", "desc"),
        ("orderDate", "asc"),
        ("orderDate", "desc"),
    ],
)
def test_sort_is_honoured_across_pages(
    emu: Emulator, api: httpx.Client, field: str, order: str
) -> None:
    emu.create_test_orders(count=23)
    pages = search_all(
        api,
        {
            "filter": {"type": "preDispatch"},
            "pagination": {"pageSize": 5},
            "sort": {"field": field, "order": order},
        },
    )
    shipments = [s for p in pages for s in p["shipments"]]
    assert len(shipments) == 23

    def value(shipment: dict[str, Any]) -> datetime:
        text = shipment[field] if field == "dispatchByDate" else shipment["orderItems"][0][field]
        return datetime.fromisoformat(text)

    values = [value(s) for s in shipments]
    assert len(set(values)) > 5, "dates too alike for the order to mean anything"
    assert values == sorted(values, reverse=order == "desc")


def test_default_page_size_is_twenty_and_default_sort_is_dispatch_by_ascending(
    emu: Emulator, api: httpx.Client
) -> None:
    emu.create_test_orders(count=25)
    first = api.post("/v3/shipments/filter", json={"filter": {"type": "preDispatch"}}).json()
    assert len(first["shipments"]) == 20
    assert first["hasMore"] is True
    dates = [datetime.fromisoformat(s["dispatchByDate"]) for s in first["shipments"]]
    assert dates == sorted(dates)
    second = api.get(first["nextPageUrl"]).json()
    assert len(second["shipments"]) == 5
    assert second["hasMore"] is False


def test_a_single_page_has_no_next_page_url(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=2)
    body = api.post("/v3/shipments/filter", json={"filter": {"type": "preDispatch"}}).json()
    assert body["hasMore"] is False
    assert "nextPageUrl" not in body
    assert len(body["shipments"]) == 2


def test_cursor_is_opaque_and_tamper_proof(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=3)
    first = api.post(
        "/v3/shipments/filter",
        json={"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 1}},
    ).json()
    token = first["nextPageUrl"][len(PREFIX) :]
    assert "preDispatch" not in token
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = api.get("/v3/shipments/filter", params={"next_token": forged})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert api.get("/v3/shipments/filter", params={"next_token": "garbage"}).status_code == 400
    assert api.get("/v3/shipments/filter").status_code == 400


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (
            {"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 21}},
            "pagination.pageSize",
        ),
        ({"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 0}}, "pagination.pageSize"),
        ({"filter": {"type": "preDispatch", "states": ["SHIPPED"]}}, "filter.states"),
        ({"filter": {"type": "postDispatch", "states": ["APPROVED"]}}, "filter.states"),
        ({"filter": {"type": "cancelled"}}, "filter.cancellationType"),
        ({"filter": {"type": "postDispatch", "hold": True}}, "filter.hold"),
        (
            {
                "filter": {
                    "type": "preDispatch",
                    "orderDate": {"from": "2024-03-02T00:00:00Z", "to": "2024-03-01T00:00:00Z"},
                }
            },
            "filter.orderDate",
        ),
    ],
)
def test_flipkart_rules_refuse_inconsistent_searches(
    api: httpx.Client, body: dict[str, Any], path: str
) -> None:
    response = api.post("/v3/shipments/filter", json=body)
    assert response.status_code == 400
    assert path in [e["path"] for e in response.json()["errors"]]


def test_type_selects_states(emu: Emulator, api: httpx.Client) -> None:
    approved = emu.create_test_orders(count=2)
    shipped = emu.create_test_orders(count=3, state="SHIPPED")
    delivered = emu.create_test_orders(count=1, state="DELIVERED")
    pre = ids_of(search_all(api, {"filter": {"type": "preDispatch"}}))
    post = ids_of(search_all(api, {"filter": {"type": "postDispatch"}}))
    only_shipped = ids_of(
        search_all(api, {"filter": {"type": "postDispatch", "states": ["SHIPPED"]}})
    )
    assert set(pre) == set(approved)
    assert set(post) == set(shipped + delivered)
    assert set(only_shipped) == set(shipped)


def test_cancelled_searches_by_cancellation_type(emu: Emulator, api: httpx.Client) -> None:
    by_buyer = emu.create_test_orders(
        count=2, state="CANCELLED", cancellation_type="buyerCancellation"
    )
    emu.create_test_orders(count=2, state="CANCELLED", cancellation_type="marketplaceCancellation")
    emu.create_test_orders(count=2)
    found = ids_of(
        search_all(api, {"filter": {"type": "cancelled", "cancellationType": "buyerCancellation"}})
    )
    assert set(found) == set(by_buyer)


def test_held_shipments_only_when_asked(emu: Emulator, api: httpx.Client) -> None:
    free = emu.create_test_orders(count=2)
    held = emu.create_test_orders(count=3, hold=True)
    default = ids_of(search_all(api, {"filter": {"type": "preDispatch"}}))
    asked = ids_of(search_all(api, {"filter": {"type": "preDispatch", "hold": True}}))
    assert set(default) == set(free)
    assert set(asked) == set(held)


def test_shipment_types_filter(emu: Emulator, api: httpx.Client) -> None:
    express = emu.create_test_orders(count=2, shipment_type="EXPRESS")
    emu.create_test_orders(count=2)
    found = ids_of(
        search_all(api, {"filter": {"type": "preDispatch", "shipmentTypes": ["EXPRESS"]}})
    )
    assert set(found) == set(express)
    tiers = ids_of(
        search_all(api, {"filter": {"type": "preDispatch", "dispatchServiceTiers": ["EXPRESS"]}})
    )
    assert set(tiers) == set(express)


def test_date_range_is_inclusive_and_filters(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=12)
    everything = [
        s for p in search_all(api, {"filter": {"type": "preDispatch"}}) for s in p["shipments"]
    ]
    dates = sorted(datetime.fromisoformat(s["dispatchByDate"]) for s in everything)
    low, high = dates[3], dates[8]
    expected = {
        s["shipmentId"]
        for s in everything
        if low <= datetime.fromisoformat(s["dispatchByDate"]) <= high
    }
    found = ids_of(
        search_all(
            api,
            {
                "filter": {
                    "type": "preDispatch",
                    "dispatchByDate": {"from": low.isoformat(), "to": high.isoformat()},
                }
            },
        )
    )
    assert 6 <= len(expected) < 12
    assert set(found) == expected


def test_later_pages_are_logged_with_their_cursor(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=3)
    search_all(api, {"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 2}})
    calls = [(r.method, r.path, sorted(r.query)) for r in emu.requests]
    assert calls == [
        ("POST", "/sellers/v3/shipments/filter", []),
        ("GET", "/sellers/v3/shipments/filter", ["next_token"]),
    ]
