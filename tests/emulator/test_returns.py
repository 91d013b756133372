"""Returns: search and look-up by id, the self-ship actions, and the sandbox helpers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator

TODAY = "2024-03-01T09:00:00+05:30"
LATER = "2024-03-04T18:00:00+05:30"


def search(api: httpx.Client, **params: str) -> httpx.Response:
    return api.get("/v2/returns", params=params)


def every_page(api: httpx.Client, **params: str) -> tuple[list[dict[str, Any]], int]:
    """All returns of a search, following ``nextUrl`` as given; and the number of pages."""
    answer = search(api, **params)
    assert answer.status_code == 200, answer.text
    items = list(answer.json()["returnItems"])
    pages = 1
    while answer.json()["hasMore"]:
        assert len(answer.json()["returnItems"]) == 25
        answer = api.get(answer.json()["nextUrl"])
        assert answer.status_code == 200, answer.text
        items += answer.json()["returnItems"]
        pages += 1
    assert "nextUrl" not in answer.json()
    return items, pages


def act(api: httpx.Client, action: str, body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    answer = api.post(f"/v2/returns/{action}", json=body)
    assert answer.status_code == 200, answer.text
    return {r["returnId"]: r for r in answer.json()["returns"]}


# -- search ---------------------------------------------------------------------------------


def test_sixty_returns_come_in_three_pages_each_once(emu: Emulator, api: httpx.Client) -> None:
    created = emu.create_returns(count=60)
    items, pages = every_page(api, source="customer_return")
    assert pages == 3
    assert [r["returnId"] for r in items] == created
    assert {r["status"] for r in items} == {"created"}


def test_next_url_keeps_the_filters(emu: Emulator, api: httpx.Client) -> None:
    emu.create_returns(count=30)
    emu.create_returns(count=5, source="courier_return")
    first = search(api, source="courier_return", locationId=emu.location_ids[0]).json()
    assert first["hasMore"] is False
    assert len(first["returnItems"]) == 5
    assert {r["type"] for r in first["returnItems"]} == {"courier_return"}
    page = search(api, source="customer_return", locationId=emu.location_ids[0]).json()
    assert page["nextUrl"].startswith("/v2/returns?")
    assert "source=customer_return" in page["nextUrl"]
    assert f"locationId={emu.location_ids[0]}" in page["nextUrl"]


def test_a_return_created_while_paging_is_not_lost(emu: Emulator, api: httpx.Client) -> None:
    first_batch = emu.create_returns(count=26)
    page = search(api, source="customer_return").json()
    [late] = emu.create_returns(count=1)
    rest = api.get(page["nextUrl"]).json()
    seen = [r["returnId"] for r in page["returnItems"] + rest["returnItems"]]
    assert seen == [*first_batch, late]


def test_look_up_by_return_and_tracking_ids(emu: Emulator, api: httpx.Client) -> None:
    ids = emu.create_returns(count=4)
    found = search(api, source="customer_return", returnIds=f"{ids[2]},{ids[0]}").json()
    assert [r["returnId"] for r in found["returnItems"]] == [ids[0], ids[2]]
    tracking = found["returnItems"][0]["trackingId"]
    by_tracking = search(api, source="customer_return", trackingIds=tracking).json()
    assert [r["returnId"] for r in by_tracking["returnItems"]] == [ids[0]]
    assert search(api, source="courier_return", returnIds=ids[0]).json()["returnItems"] == []


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({}, "source"),
        ({"source": "gift_return"}, "source"),
        (
            {"source": "customer_return", "returnIds": ",".join(str(n) for n in range(26))},
            "returnIds",
        ),
        (
            {"source": "customer_return", "trackingIds": ",".join(f"T{n}" for n in range(26))},
            "trackingIds",
        ),
        ({"source": "customer_return", "returnIds": "1,,2"}, "returnIds"),
        ({"source": "customer_return", "createdAfter": "yesterday"}, "createdAfter"),
    ],
)
def test_malformed_searches_are_refused(
    api: httpx.Client, params: dict[str, str], path: str
) -> None:
    answer = search(api, **params)
    assert answer.status_code == 400
    assert path in {e["path"] for e in answer.json()["errors"]}


def test_twenty_five_ids_are_allowed(emu: Emulator, api: httpx.Client) -> None:
    ids = emu.create_returns(count=25)
    answer = search(api, source="customer_return", returnIds=",".join(ids))
    assert answer.status_code == 200
    assert len(answer.json()["returnItems"]) == 25


def test_date_ranges(emu: Emulator, api: httpx.Client) -> None:
    ids = emu.create_returns(count=3)
    items = search(api, source="customer_return").json()["returnItems"]
    middle = items[1]["createdDate"]
    after = search(api, source="customer_return", createdAfter=middle).json()["returnItems"]
    before = search(api, source="customer_return", createdBefore=middle).json()["returnItems"]
    assert [r["returnId"] for r in after] == [ids[2]]
    assert [r["returnId"] for r in before] == [ids[0]]
    act(api, "approve", {"returns": [{"returnId": ids[0]}]})
    modified = search(api, source="customer_return", modifiedAfter=items[2]["updatedDate"])
    assert [r["returnId"] for r in modified.json()["returnItems"]] == [ids[0]]


# -- actions --------------------------------------------------------------------------------


def test_a_customer_return_from_request_to_refund(emu: Emulator, api: httpx.Client) -> None:
    [return_id] = emu.create_returns(count=1)
    [item] = search(api, source="customer_return").json()["returnItems"]
    assert item["shipmentStatus"] == "RETURN_REQUESTED"
    assert (
        act(api, "approve", {"returns": [{"returnId": return_id, "comments": "fine"}]})[return_id][
            "processingStatus"
        ]
        == "SUCCESS"
    )
    assert emu.return_status(return_id) == "approved"
    act(
        api,
        "pickupAttempt",
        {"returns": [{"returnId": return_id, "pickupDate": TODAY, "newPickupDate": LATER}]},
    )
    assert emu.return_status(return_id) == "approved"
    act(api, "pickup", {"returns": [{"returnId": return_id, "pickupDate": TODAY}]})
    assert emu.return_status(return_id) == "picked_up"
    act(api, "complete", {"returnIds": [return_id]})
    [done] = search(api, source="customer_return").json()["returnItems"]
    assert done["status"] == "completed"
    assert done["shipmentStatus"] == "RETURNED"
    assert done["approvedOn"] is not None
    assert done["expectedDate"].startswith("2024-03-04T18:00")


def test_illegal_moves_and_unknown_ids_fail_per_return(emu: Emulator, api: httpx.Client) -> None:
    created, approved = emu.create_returns(count=2)
    act(api, "approve", {"returns": [{"returnId": approved}]})
    results = act(
        api,
        "pickup",
        {"returns": [{"returnId": r, "pickupDate": TODAY} for r in (created, approved, "R404")]},
    )
    assert results[approved]["processingStatus"] == "SUCCESS"
    for failed in (created, "R404"):
        assert results[failed]["processingStatus"] == "FAILURE"
        assert results[failed]["errorCode"] == "UNPROCESSABLE_ENTITY"
    assert "not found" in results["R404"]["errorMessage"]
    assert "status created" in results[created]["errorMessage"]
    assert emu.return_status(created) == "created"


def test_reject_and_cancel_give_the_item_back(emu: Emulator, api: httpx.Client) -> None:
    rejected, cancelled = emu.create_returns(count=2)
    act(api, "reject", {"returns": [{"returnId": rejected, "serviceDate": TODAY}]})
    act(api, "cancel", {"returnIds": [cancelled]})
    statuses = {
        r["returnId"]: (r["status"], r["shipmentStatus"])
        for r in search(api, source="customer_return").json()["returnItems"]
    }
    assert statuses == {rejected: ("rejected", "DELIVERED"), cancelled: ("cancelled", "DELIVERED")}
    again = act(api, "cancel", {"returnIds": [cancelled]})
    assert again[cancelled]["processingStatus"] == "FAILURE"


def test_courier_returns_are_not_approved_or_picked_up(emu: Emulator, api: httpx.Client) -> None:
    [courier] = emu.create_returns(source="courier_return")
    assert act(api, "approve", {"returns": [{"returnId": courier}]})[courier]["errorCode"] == (
        "UNPROCESSABLE_ENTITY"
    )
    assert act(api, "complete", {"returnIds": [courier]})[courier]["processingStatus"] == "SUCCESS"


def test_a_return_of_another_location_is_refused(emu: Emulator, api: httpx.Client) -> None:
    [return_id] = emu.create_returns(count=1)
    results = act(
        api, "approve", {"locationId": emu.location_ids[1], "returns": [{"returnId": return_id}]}
    )
    assert "does not belong to location" in results[return_id]["errorMessage"]


def test_pickup_dates_are_checked(emu: Emulator, api: httpx.Client) -> None:
    [return_id] = emu.create_returns(count=1)
    act(api, "approve", {"returns": [{"returnId": return_id}]})
    future = act(
        api,
        "pickup",
        {"returns": [{"returnId": return_id, "pickupDate": "2024-03-09T10:00:00+05:30"}]},
    )
    assert future[return_id]["processingStatus"] == "FAILURE"
    backwards = act(
        api,
        "pickupAttempt",
        {"returns": [{"returnId": return_id, "pickupDate": TODAY, "newPickupDate": TODAY}]},
    )
    assert "after pickupDate" in backwards[return_id]["errorMessage"]


_ENTRIES: dict[str, dict[str, str]] = {
    "approve": {},
    "reject": {"serviceDate": TODAY},
    "pickup": {"pickupDate": TODAY},
    "pickupAttempt": {"pickupDate": TODAY, "newPickupDate": LATER},
}


def _action_body(action: str, count: int) -> dict[str, Any]:
    if action in ("cancel", "complete"):
        return {"returnIds": [f"R{n}" for n in range(count)]}
    return {"returns": [{"returnId": f"R{n}", **_ENTRIES[action]} for n in range(count)]}


@pytest.mark.parametrize("action", [*_ENTRIES, "cancel", "complete"])
def test_at_most_one_hundred_returns_per_action(api: httpx.Client, action: str) -> None:
    assert api.post(f"/v2/returns/{action}", json=_action_body(action, 101)).status_code == 400
    answer = api.post(f"/v2/returns/{action}", json=_action_body(action, 100))
    assert answer.status_code == 200
    assert len(answer.json()["returns"]) == 100
    assert {r["errorCode"] for r in answer.json()["returns"]} == {"UNPROCESSABLE_ENTITY"}


# -- sandbox --------------------------------------------------------------------------------


def test_sandbox_returns_need_a_dispatched_item(emu: Emulator, api: httpx.Client) -> None:
    [approved] = emu.create_test_orders(count=1)
    [shipped] = emu.create_test_orders(count=1, state="SHIPPED")
    [delivered] = emu.create_test_orders(count=1, state="DELIVERED")

    def create(shipment_id: str, kind: str) -> httpx.Response:
        item = emu.order_item_ids(shipment_id)[0]
        return api.post(
            "/returns/sandbox/create_returns", json={"orderItemId": item, "returnType": kind}
        )

    assert create(approved, "customer_return").status_code == 400
    assert create(shipped, "customer_return").status_code == 400
    assert create(delivered, "courier_return").status_code == 400
    assert create(delivered, "sideways").status_code == 400
    assert create(delivered, "CUSTOMER_RETURN").status_code == 200
    assert create(delivered, "customer_return").status_code == 400  # one open return per item
    assert create(shipped, "courier").status_code == 200
    assert (
        api.post(
            "/returns/sandbox/create_returns", json={"orderItemId": "404", "returnType": "courier"}
        ).status_code
        == 404
    )
    assert emu.state()["returnsByStatus"] == {"created": 2}


def test_sandbox_return_events_close_the_return(emu: Emulator, api: httpx.Client) -> None:
    [return_id] = emu.create_returns(source="courier_return")
    [item] = search(api, source="courier_return").json()["returnItems"]
    body = {"orderItemId": item["orderItemId"], "eventType": "RETURN_COMPLETED"}
    assert api.post("/returns/sandbox/return_events", json=body).status_code == 200
    assert emu.return_status(return_id) == "completed"
    assert api.post("/returns/sandbox/return_events", json=body).status_code == 404
    body["eventType"] = "teleported"
    assert api.post("/returns/sandbox/return_events", json=body).status_code == 400


def test_create_returns_helper_checks_its_input(emu: Emulator) -> None:
    with pytest.raises(ValueError, match="source"):
        emu.create_returns(source="gift")
    [approved] = emu.create_test_orders(count=1)
    with pytest.raises(ValueError, match="DELIVERED"):
        emu.create_returns(order_item_ids=emu.order_item_ids(approved))
