"""Shipment search through the real clients: auth, retries and the emulator on loopback."""

import json

import httpx
import pytest

from flipkart_ext import AsyncFlipkartClient, FlipkartClient
from flipkart_ext.shipments import ShipmentFilter
from flipkart_ext.testing import Emulator

from ._fake import API_HOST, FakeShipments, ids_of, paged

APPROVED = ShipmentFilter.pre_dispatch(states=["APPROVED"])
SIX_PAGES = [[f"S{p}{i}" for i in range(3)] for p in range(6)]
ALL_IDS = [i for page in SIX_PAGES for i in page]


@pytest.fixture(scope="module")
def emulator():
    with Emulator(seed=4) as emu:
        emu.create_test_orders(count=107)
        emu.create_test_orders(count=103, state="PACKED")
        yield emu


def emulator_client(emu, cls=FlipkartClient):
    return cls(
        emu.client_id,
        emu.client_secret,
        api_base_url=emu.api_base_url,
        oauth_base_url=emu.oauth_base_url,
    )


def hand_loop(http: httpx.Client) -> list[str]:
    """What a careful hand-written loop sees: the server's own order."""
    body = http.post("/v3/shipments/filter", json=APPROVED.to_dict()).json()
    ids = [s["shipmentId"] for s in body["shipments"]]
    while body.get("hasMore"):
        body = http.get(body["nextPageUrl"]).json()
        ids += [s["shipmentId"] for s in body["shipments"]]
    return ids


def test_emulator_search_yields_every_approved_shipment_once_in_server_order(emulator):
    with emulator_client(emulator) as client:
        expected = hand_loop(client.http)
        iterator = client.shipments.search(APPROVED)
        found = ids_of(iterator)

    assert len(expected) == 107
    assert found == expected
    assert iterator.pages_fetched == 6


async def test_emulator_async_search_with_prefetch_matches_the_sync_one(emulator):
    with emulator_client(emulator) as client:
        expected = hand_loop(client.http)
    async with emulator_client(emulator, AsyncFlipkartClient) as client:
        found = [s.shipment_id async for s in client.shipments.search(APPROVED, prefetch=1)]

    assert found == expected


def test_emulator_401_between_pages_two_and_three_refreshes_once_and_loses_nothing(emulator):
    with emulator_client(emulator) as client:
        expected = hand_loop(client.http)
        before = len(emulator.token_requests)
        found = []
        for page in client.shipments.pages(APPROVED):
            found += ids_of(page.items)
            if page.number == 2:
                emulator.faults.unauthorized(count=1)

    assert found == expected
    assert len(emulator.token_requests) == before + 1
    assert emulator.faults.injected[-1] == "unauthorized"


async def test_emulator_async_401_between_pages_two_and_three(emulator):
    async with emulator_client(emulator, AsyncFlipkartClient) as client:
        found = []
        async for page in client.shipments.pages(APPROVED, raw=True):
            found += ids_of(page.items)
            if page.number == 1:
                before = len(emulator.token_requests)
            if page.number == 2:
                emulator.faults.unauthorized(count=1)

    assert len(found) == len(set(found)) == 107
    assert len(emulator.token_requests) == before + 1


def test_emulator_lookups_and_labels(emulator, tmp_path):
    with emulator_client(emulator) as client:
        wanted = [s.shipment_id for s in client.shipments.search(APPROVED, limit=130)]
        wanted.reverse()
        found = client.shipments.get(shipment_ids=wanted)
        packed = [
            s.shipment_id
            for s in client.shipments.search(ShipmentFilter.pre_dispatch(states="PACKED"))
        ]
        labels = client.shipments.save_labels(packed, tmp_path)

    assert ids_of(found) == wanted
    assert [list(s.shipment_ids) for s in labels] == [packed[:100], packed[100:]]
    assert all(s.path.read_bytes().startswith(b"%PDF") for s in labels)


class ExpiringTokenServer:
    """My fake shipments behind an OAuth endpoint; the first access token dies at page 3."""

    def __init__(self) -> None:
        self.fake = FakeShipments(paged(SIX_PAGES), on_request=self.check_token)
        self.tokens_issued = 0
        self.grants: list[str] = []
        self.rejected: list[httpx.Request] = []

    def check_token(self, index: int, request: httpx.Request) -> httpx.Response | None:
        if index >= 2 and request.headers["Authorization"] == "Bearer AT-1":
            self.rejected.append(request)
            return httpx.Response(
                401, json={"error": "invalid_token", "error_description": "expired"}
            )
        return None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth-service/oauth/token":
            self.grants.append(request.url.params["grant_type"])
            self.tokens_issued += 1
            body = {
                "access_token": f"AT-{self.tokens_issued}",
                "token_type": "bearer",
                "expires_in": 3600,
                "scope": "Seller_Api",
                "refresh_token": f"RT-{self.tokens_issued}",
            }
            return httpx.Response(
                200, content=json.dumps(body).encode(), headers={"content-type": "application/json"}
            )
        return self.fake(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self(request)

    def options(self):
        return {
            "api_base_url": f"https://{API_HOST}/sellers",
            "oauth_base_url": f"https://{API_HOST}/oauth-service",
        }


def test_token_expiring_mid_iteration_is_refreshed_once_and_the_page_replayed():
    server = ExpiringTokenServer()

    with FlipkartClient(
        "app", "app-secret", transport=httpx.MockTransport(server), **server.options()
    ) as client:
        found = ids_of(client.shipments.search(APPROVED, raw=True))

    assert found == ALL_IDS
    assert server.tokens_issued == 2
    assert server.fake.served == [0, 1, 2, 3, 4, 5]
    assert [str(r.url) for r in server.rejected] == [
        f"https://{API_HOST}/sellers/v3/shipments/filter?next_token=t2"
    ]


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_async_token_expiring_mid_iteration_with_and_without_prefetch(prefetch):
    server = ExpiringTokenServer()
    transport = httpx.MockTransport(server.handle_async)

    async with AsyncFlipkartClient(
        "app", "app-secret", transport=transport, **server.options()
    ) as client:
        found = [s.shipment_id async for s in client.shipments.search(APPROVED, prefetch=prefetch)]

    assert found == ALL_IDS
    assert server.tokens_issued == 2
    assert server.fake.served == [0, 1, 2, 3, 4, 5]
    assert len(server.rejected) == 1


def test_seller_token_is_refreshed_exactly_once_with_the_refresh_token():
    server = ExpiringTokenServer()
    server.tokens_issued = 1  # the seller's cached AT-1 / RT-1 came from an earlier run

    with FlipkartClient(
        "app",
        "app-secret",
        transport=httpx.MockTransport(server),
        access_token="AT-1",
        refresh_token="RT-1",
        seller_id="seller-1",
        **server.options(),
    ) as client:
        pages = list(client.shipments.pages(APPROVED, raw=True))

    assert [ids_of(p.items) for p in pages] == SIX_PAGES
    assert server.grants == ["refresh_token"]
    assert len(server.rejected) == 1
    assert server.fake.served == [0, 1, 2, 3, 4, 5]
