from __future__ import annotations

from typing import Any

import httpx

from flipkart_ext.testing import Emulator

from .conftest import FIXED_NOW


def session_bodies(seed: int) -> list[Any]:
    """A short session's answers, tokens left out."""
    with Emulator(seed=seed, clock=lambda: FIXED_NOW) as emu, httpx.Client() as client:
        ids = emu.create_test_orders(count=7, items_per_order=2)
        token = client.get(
            f"{emu.oauth_base_url}/oauth/token",
            params={"grant_type": "client_credentials"},
            auth=(emu.client_id, emu.client_secret),
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        first = client.post(
            f"{emu.api_base_url}/v3/shipments/filter",
            json={"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 3}},
            headers=headers,
        ).json()
        second = client.get(emu.api_base_url + first["nextPageUrl"], headers=headers).json()
        packed = client.post(
            f"{emu.api_base_url}/v3/shipments/labels",
            json={"shipments": [{"shipmentId": ids[0]}]},
            headers=headers,
        ).json()
        labels = client.get(f"{emu.api_base_url}/v3/shipments/{ids[0]}/labels", headers=headers)
        client.post(
            f"{emu.api_base_url}/v3/shipments/dispatch",
            json={"shipmentIds": [ids[0]]},
            headers=headers,
        )
        counts = client.get(
            f"{emu.api_base_url}/v3/shipments/handover/counts",
            params={"locationId": emu.location_ids[0]},
            headers=headers,
        ).json()
        manifest = client.post(
            f"{emu.api_base_url}/v3/shipments/manifest",
            json={"params": {"vendorGroupCode": "Ekart Logistics"}},
            headers=headers,
        )
        emu.create_returns(count=30)
        emu.add_listings(3)
        returns = client.get(
            f"{emu.api_base_url}/v2/returns", params={"source": "customer_return"}, headers=headers
        ).json()
        listings = client.post(
            f"{emu.api_base_url}/listings/v3/search", json={}, headers=headers
        ).json()
        return [
            ids,
            first,
            second,
            packed,
            labels.content.decode("latin-1"),
            emu.state()["sellerId"],
            counts,
            manifest.content.decode("latin-1"),
            returns,
            listings,
            emu.listing_ids,
            emu.events,
        ]


def test_same_seed_and_clock_give_identical_answers() -> None:
    assert session_bodies(seed=7) == session_bodies(seed=7)


def test_another_seed_gives_other_ids() -> None:
    first = session_bodies(seed=1)
    second = session_bodies(seed=2)
    assert set(first[0]).isdisjoint(second[0])
    first_returns = {r["returnId"] for r in first[8]["returnItems"]}
    assert first_returns.isdisjoint(r["returnId"] for r in second[8]["returnItems"])
