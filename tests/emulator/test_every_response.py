"""Every answer of a scripted session, hitting every route, checked against the spec."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from flipkart_ext.testing import Emulator


class Checker:
    """An httpx response hook: validates each answer and notes which operation it was."""

    def __init__(self, emu: Emulator) -> None:
        self._emu = emu
        self.violations: list[str] = []
        self.operations: set[str] = set()
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
            if found is not None and response.status_code == 200:
                self.operations.add(found[0].operation_id)


@pytest.fixture
def checker(emu: Emulator) -> Checker:
    return Checker(emu)


@pytest.fixture
def session(emu: Emulator, checker: Checker) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=emu.url, event_hooks={"response": [checker]}) as client:
        yield client


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

    def post(path: str, body: object) -> httpx.Response:
        return session.post(api + path, json=body, headers=headers)

    def get(path: str, **params: str) -> httpx.Response:
        return session.get(api + path, params=params, headers=headers)

    # Orders, through the sandbox endpoint and the Python helper.
    created = post(
        "/orders/sandbox/test_orders",
        {"orderItems": [{"listingId": emu.listing_ids["SKU-0001"], "quantity": 1}]},
    ).json()
    ids = emu.create_test_orders(count=7, items_per_order=2)
    emu.create_test_orders(count=2, state="CANCELLED", cancellation_type="buyerCancellation")
    emu.create_test_orders(count=2, state="DELIVERED")

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
    post("/v3/shipments/dispatch", {"shipmentIds": [*ids[:2], ids[5]]})
    post("/v3/shipments/cancel", {"shipments": [{"shipmentId": ids[4]}, {"shipmentId": ids[0]}]})

    # The sandbox's marketplace moves, through a whole lifecycle, and one refusal.
    item = {
        "orderItemId": get(f"/v3/shipments/{ids[1]}").json()["shipments"][0]["orderItems"][0][
            "orderItemId"
        ]
    }
    session.put(api + "/orders/sandbox/on_hold", json=item, headers=headers)
    session.put(api + "/orders/sandbox/un_hold", json=item, headers=headers)
    session.put(api + "/orders/sandbox/un_hold", json=item, headers=headers)
    post("/orders/sandbox/pick_up_complete", item)
    post("/orders/sandbox/shipped", item)
    post("/orders/sandbox/delivered", item)
    post("/orders/sandbox/delivered", {"orderItemId": "404"})

    # Listings.
    get("/listings/v3/SKU-0001,SKU-0002,SKU-9999")
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
            }
        },
    )

    # Errors: contract, not found, method, auth, unimplemented, faults.
    post("/v3/shipments/filter", {"filter": {"type": "sideways"}})
    get("/v3/shipments/filter", next_token="forged")
    get("/v3/nothing-here")
    session.delete(api + "/v3/shipments/filter", headers=headers)
    session.get(api + "/v3/shipments/x")
    get("/v2/returns")
    emu.faults.rate_limit(retry_after=1)
    emu.faults.server_error(status=503)
    get("/listings/v3/SKU-0001")
    get("/listings/v3/SKU-0001")

    assert checker.violations == []
    assert checker.operations == emu.operations
    assert checker.checked >= 30


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
