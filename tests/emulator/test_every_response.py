"""Every answer of a scripted session, hitting every operation of the spec, checked against it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from flipkart_ext.testing import Emulator

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "flipkart-seller-api.json"
UPSTREAM = Path(__file__).resolve().parents[1] / "pipeline" / "fixtures" / "upstream-swagger.json"
_METHODS = ("get", "post", "put", "delete", "patch")


def spec_operations() -> frozenset[tuple[str, str]]:
    """``(METHOD, path)`` of every operation in the committed normalized spec."""
    spec = json.loads(SPEC_PATH.read_text())
    return frozenset(
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in _METHODS
    )


class Checker:
    """An httpx response hook: validates each answer and notes which operation it was."""

    def __init__(self, emu: Emulator) -> None:
        self._emu = emu
        self.violations: list[str] = []
        self.operations: set[tuple[str, str]] = set()
        self.statuses: dict[tuple[str, str], set[int]] = {}
        self.checked = 0

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        request = response.request
        path = request.url.path
        self.checked += 1
        for problem in self._emu.contract.response_errors(
            request.method,
            path,
            response.status_code,
            response.headers.get("content-type"),
            response.content,
        ):
            self.violations.append(f"{request.method} {path} {response.status_code}: {problem}")
        if path.startswith("/sellers/"):
            found = self._emu.contract.find(request.method, path[len("/sellers") :])
            if found is not None:
                key = (found[0].method, found[0].template)
                self.statuses.setdefault(key, set()).add(response.status_code)
                if response.status_code == 200:
                    self.operations.add(key)


@pytest.fixture
def checker(emu: Emulator) -> Checker:
    return Checker(emu)


@pytest.fixture
def session(emu: Emulator, checker: Checker) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=emu.url, event_hooks={"response": [checker]}) as client:
        yield client


def _upstream_operations() -> frozenset[tuple[str, str]]:
    """The operations of the frozen upstream copy the handlers were written for."""
    swagger = json.loads(UPSTREAM.read_text())
    return frozenset(
        (method.upper(), path)
        for path, item in swagger["paths"].items()
        for method in item
        if method in ("get", "post", "put", "delete", "patch")
    )


def test_the_emulator_serves_exactly_the_spec_operations() -> None:
    emulator = Emulator()
    assert emulator.operations == spec_operations()
    # Every operation the handlers were written for has one; only newer ones are generic.
    assert emulator.generic_operations.isdisjoint(_upstream_operations())
    assert emulator.generic_operations == spec_operations() - _upstream_operations()


def test_every_route_answers_within_the_spec(
    emu: Emulator, session: httpx.Client, checker: Checker
) -> None:
    basic = (emu.client_id, emu.client_secret)
    token_url = "/oauth-service/oauth/token"

    # OAuth: every grant, and errors.
    cc = session.get(token_url, params={"grant_type": "client_credentials"}, auth=basic)
    redirect = "https://partner.example/cb"
    authorize = session.get(
        "/oauth-service/oauth/authorize",
        params={
            "client_id": emu.client_id,
            "redirect_uri": redirect,
            "response_type": "code",
            "scope": "Seller_Api",
            "state": "s1",
        },
    )
    code = parse_qs(urlsplit(authorize.headers["location"]).query)["code"][0]
    ac = session.get(
        token_url,
        params={"grant_type": "authorization_code", "code": code, "redirect_uri": redirect},
        auth=basic,
    )
    rt = session.get(
        token_url,
        params={"grant_type": "refresh_token", "refresh_token": ac.json()["refresh_token"]},
        auth=basic,
    )
    session.get(token_url, params={"grant_type": "client_credentials"}, auth=("x", "y"))
    session.get(token_url, params={"grant_type": "nope"}, auth=basic)
    assert [cc.status_code, ac.status_code, rt.status_code] == [200, 200, 200]

    headers = {"Authorization": f"Bearer {cc.json()['access_token']}"}
    api = "/sellers"
    location = emu.location_ids[0]

    def post(path: str, body: object, **params: str) -> httpx.Response:
        return session.post(api + path, json=body, params=params, headers=headers)

    def get(path: str, **params: str) -> httpx.Response:
        return session.get(api + path, params=params, headers=headers)

    def put(path: str, body: object) -> httpx.Response:
        return session.put(api + path, json=body, headers=headers)

    def first_item(shipment_id: str) -> dict[str, str]:
        return {"orderItemId": emu.order_item_ids(shipment_id)[0]}

    # Orders, through the sandbox endpoint and the Python helper.
    created = post(
        "/orders/sandbox/test_orders",
        {"orderItems": [{"listingId": emu.listing_ids["SKU-0001"], "quantity": 1}]},
    ).json()
    ids = emu.create_test_orders(count=7, items_per_order=2)
    emu.create_test_orders(count=2, state="CANCELLED", cancellation_type="buyerCancellation")
    emu.create_test_orders(count=2, state="DELIVERED")
    post(
        "/orders/sandbox/update_dispatch_slot",
        {"orderItems": [{"listingId": emu.listing_ids["SKU-0001"]}], "locationId": location},
    )

    # Search: every page, every type.
    page = post(
        "/v3/shipments/filter", {"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 3}}
    )
    while page.json()["hasMore"]:
        page = session.get(api + page.json()["nextPageUrl"], headers=headers)
    post("/v3/shipments/filter", {"filter": {"type": "postDispatch"}})
    post(
        "/v3/shipments/filter",
        {"filter": {"type": "cancelled", "cancellationType": "buyerCancellation"}},
    )

    # Look-ups.
    get(f"/v3/shipments/{','.join(ids)}")
    get("/v3/shipments", shipmentIds=ids[0])
    get("/v3/shipments", orderIds=created["orderId"])
    get("/v3/shipments", orderItemIds=created["orderItems"][0]["orderItemId"])

    # Labels, documents, dispatch, cancel; with per-shipment failures.
    post("/v3/shipments/labels", {"shipments": [{"shipmentId": i} for i in [*ids[:3], "nope"]]})
    get(f"/v3/shipments/{','.join(ids[:3])}/labels")
    get(f"/v3/shipments/{ids[0]}/invoices")
    post(f"/v3/shipments/{ids[6]}/labelOnly", None, reprint="false")
    post(f"/v3/shipments/{ids[6]}/labelOnly/pdf", None, reprint="true")
    post(f"/v3/shipments/{ids[5]}/labelOnly", None, reprint="true")
    post("/v3/shipments/dispatch", {"shipmentIds": [*ids[:2], ids[5]], "locationId": location})
    post(
        "/v3/shipments/cancel",
        {
            "shipments": [
                {"shipmentId": ids[4], "reason": "not_enough_inventory"},
                {"shipmentId": ids[0]},
            ]
        },
    )

    # Handover: counts, manifest, and a manifest with nothing in it.
    counts = get("/v3/shipments/handover/counts", locationId=location).json()
    post("/v3/shipments/manifest", {"params": {"vendorGroupCode": counts[0]["vendorGroupCode"]}})
    post("/v3/shipments/manifest", {"params": {"vendorGroupCode": "Nobody Logistics"}})
    get("/v3/shipments/handover/counts")

    # Forms: a failed e-way bill, filed by hand.
    [form_failed] = emu.create_test_orders(count=1, form_failure=True)
    post("/v3/shipments/labels", {"shipments": [{"shipmentId": form_failed}]})
    post(f"/v3/shipments/{form_failed},{ids[1]}/forms", None)
    post(
        "/v3/shipments/forms/updateAck",
        {
            "shipments": [
                {"shipmentId": form_failed, "forms": [{"name": "EWAY_BILL", "ackNumber": "1"}]},
                {"shipmentId": ids[1], "forms": [{"name": "EWAY_BILL", "ackNumber": "2"}]},
            ]
        },
    )

    # The sandbox's marketplace moves, through a whole lifecycle, and one refusal.
    item = first_item(ids[1])
    put("/orders/sandbox/on_hold", item)
    put("/orders/sandbox/un_hold", item)
    put("/orders/sandbox/un_hold", item)
    post("/orders/sandbox/pick_up_complete", item)
    post("/orders/sandbox/shipped", item)
    post("/orders/sandbox/delivered", item)
    post("/orders/sandbox/delivered", {"orderItemId": "404"})

    # Self-ship, v3 and v2, with a delivery attempt, tracking and services.
    self_ids = emu.create_test_orders(count=3, shipment_type="SELF")
    today = "2024-03-01T09:00:00+05:30"
    later = "2024-03-04T18:00:00+05:30"
    invoice = {
        "invoiceDate": "2024-03-01",
        "invoiceNumber": "INV-1",
        "items": [{"orderItemId": emu.order_item_ids(self_ids[0])[0], "quantity": 1}],
    }
    post(
        "/v3/shipments/selfShip/dispatch",
        {
            "shipments": [
                {
                    "shipmentId": self_ids[0],
                    "dispatchDate": today,
                    "tentativeDeliveryDate": later,
                    "invoice": invoice,
                    "trackingId": "TRK1",
                    "deliveryPartner": "Local Courier",
                },
                {
                    "shipmentId": ids[2],
                    "dispatchDate": today,
                    "tentativeDeliveryDate": later,
                    "invoice": invoice,
                },
            ]
        },
    )
    post(
        "/v2/shipments/dispatch",
        {
            "shipments": [
                {
                    "shipmentId": sid,
                    "dispatchDate": today,
                    "tentativeDeliveryDate": later,
                    "orderItems": [
                        {
                            "orderItemId": emu.order_item_ids(sid)[0],
                            "invoiceDate": "2024-03-01",
                            "taxRate": 18,
                        }
                    ],
                }
                for sid in self_ids[1:]
            ]
        },
    )
    post(
        f"/v3/shipments/{self_ids[0]}/update",
        {
            "tracking_id": "TRK2",
            "delivery_partner": "Other Courier",
            "tentative_delivery_date": later,
        },
    )
    attempt = {
        "deliveryDate": today,
        "failureAttributes": {"newDeliveryDate": later, "reason": "door_locked"},
    }
    post(
        "/v3/shipments/selfShip/deliveryAttempt",
        {"shipments": [{"shipmentId": self_ids[0], **attempt}]},
    )
    post("/v2/shipments/deliveryAttempt", {"shipments": [{"shipmentId": self_ids[1], **attempt}]})
    post(
        "/v3/shipments/selfShip/delivery",
        {"shipments": [{"shipmentId": self_ids[0], "deliveryDate": today}]},
    )
    post(
        "/v2/shipments/delivery",
        {"shipments": [{"shipmentId": self_ids[1], "deliveryDate": today}]},
    )
    post(
        "/v2/shipments/sandbox/create_service/",
        {**first_item(self_ids[0]), "serviceType": "FORWARD"},
    )
    post(
        "/v2/shipments/sandbox/create_service/",
        {**first_item(self_ids[1]), "serviceType": "FORWARD"},
    )
    post("/v2/services/attempt", {"services": [{"shipmentId": self_ids[0], "deliveryDate": today}]})
    post(
        "/v2/services/complete",
        {
            "services": [
                {"shipmentId": self_ids[0], "deliveryDate": today},
                {"shipmentId": "nope", "deliveryDate": today},
            ]
        },
    )

    # Returns: created through the sandbox and the helper, searched, acted on.
    post(
        "/returns/sandbox/create_returns",
        {**first_item(self_ids[1]), "returnType": "customer_return"},
    )
    customer = emu.create_returns(count=3)
    [courier] = emu.create_returns(source="courier_return")
    page = get("/v2/returns", source="customer_return", locationId=location)
    get("/v2/returns", source="courier_return", returnIds=courier)
    get("/v2/returns")
    post(
        "/v2/returns/approve",
        {"returns": [{"returnId": r, "comments": "ok"} for r in customer[:2]]},
    )
    post(
        "/v2/returns/reject",
        {
            "returns": [
                {"returnId": customer[2], "serviceDate": today, "comments": "used"},
                {"returnId": "nope", "serviceDate": today},
            ]
        },
    )
    post(
        "/v2/returns/pickupAttempt",
        {"returns": [{"returnId": customer[0], "pickupDate": today, "newPickupDate": later}]},
    )
    post("/v2/returns/pickup", {"returns": [{"returnId": customer[0], "pickupDate": today}]})
    post("/v2/returns/complete", {"returnIds": [customer[0], courier]})
    post("/v2/returns/cancel", {"returnIds": [customer[1], customer[0]]})
    post(
        "/returns/sandbox/return_events",
        {**first_item(self_ids[1]), "eventType": "return_completed"},
    )
    get(f"/v3/shipments/otc/{location}", requestType="RETURN")
    emu.create_returns(count=1)
    get(f"/v3/shipments/otc/{location}")

    # Listings: read, search every page, create, update, price, inventory.
    get("/listings/v3/SKU-0001,SKU-0002,SKU-9999")
    listing_page = post("/listings/v3/search", {"filters": {"lisitng_status": "ACTIVE"}})
    while listing_page.json()["has_more"]:
        listing_page = post("/listings/v3/search", {"page_id": listing_page.json()["next_page_id"]})
    whole = {
        "product_id": "NEWPRODUCT000001",
        "price": {"mrp": 900, "selling_price": 800, "currency": "INR"},
        "tax": {"hsn": "61091000", "tax_code": "GST_12"},
        "listing_status": "ACTIVE",
        "fulfillment_profile": "NON_FBF",
        "locations": [{"id": location, "status": "ENABLED", "inventory": 5}],
        "packages": [
            {"name": "box", "dimensions": {"length": 1, "breadth": 1, "height": 1}, "weight": 0.2}
        ],
    }
    post("/listings/v3", {"SKU-NEW-1": whole, "SKU-NEW-2": {**whole, "product_id": "short"}})
    post(
        "/listings/v3/update",
        {"SKU-NEW-1": {**whole, "listing_status": "INACTIVE"}, "SKU-9999": whole},
    )
    post(
        "/listings/v3/update/price",
        {
            "SKU-0001": {
                "product_id": "wrong",
                "price": {"mrp": 900, "selling_price": 800, "currency": "INR"},
            },
        },
    )
    post(
        "/listings/v3/update/inventory",
        {
            "SKU-9999": {
                "product_id": "x",
                "locations": [{"id": emu.location_ids[0], "status": "ENABLED", "inventory": 3}],
            },
            "SKU-NEW-1": {
                "product_id": "NEWPRODUCT000001",
                "locations": [{"id": emu.location_ids[1], "status": "DISABLED", "inventory": 3}],
            },
        },
    )

    # Errors: contract, not found, method, auth, faults.
    post("/v3/shipments/filter", {"filter": {"type": "sideways"}})
    get("/v3/shipments/filter", next_token="forged")
    get("/v3/nothing-here")
    session.delete(api + "/v3/shipments/filter", headers=headers)
    session.get(api + "/v3/shipments/x")
    emu.faults.rate_limit(retry_after=1)
    emu.faults.server_error(status=503)
    get("/listings/v3/SKU-0001")
    get("/listings/v3/SKU-0001")

    assert checker.violations == []
    assert emu.operations == spec_operations()
    assert checker.operations >= _upstream_operations()
    assert checker.operations >= emu.operations - emu.generic_operations
    assert not any(501 in statuses for statuses in checker.statuses.values())
    assert checker.checked >= 80


def test_noisy_answers_are_the_only_ones_that_break_enums(
    emu: Emulator, session: httpx.Client, checker: Checker, token: str
) -> None:
    # The checker must be able to fail: noise puts an unknown enum value in the answer.
    emu.create_test_orders(count=2)
    emu.faults.noise()
    session.post(
        "/sellers/v3/shipments/filter",
        json={"filter": {"type": "preDispatch"}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert any("SOMETHING_NEW" in v for v in checker.violations)
