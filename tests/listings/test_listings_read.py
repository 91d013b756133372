"""client.listings look-ups (chunks of 10, merged) and search (paged by next_page_id)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from flipkart_ext import UnsafeCursor
from flipkart_ext.listings import Listings
from flipkart_ext.testing import Emulator
from tests.resource_clients import async_client, emulator, sync_client


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with emulator() as running:
        yield running


def _lookups(emu: Emulator) -> list[str]:
    return [r.path for r in emu.requests if "/listings/v3/" in r.path and "search" not in r.path]


def test_get_asks_ten_skus_per_call_and_merges_the_answers(emu: Emulator) -> None:
    skus = emu.add_listings(23)
    wanted = [*reversed(skus), "NOT-LISTED"]
    with sync_client(emu) as client:
        found = client.listings.get(wanted)

    assert list(found.available) == list(reversed(skus))
    assert found.unavailable == ["NOT-LISTED"]
    calls = _lookups(emu)
    assert [len(path.rsplit("/", 1)[1].split(",")) for path in calls] == [10, 10, 4]


async def test_async_get_matches_sync(emu: Emulator) -> None:
    skus = emu.add_listings(12)
    async with async_client(emu) as client:
        found = await client.listings.get(skus, raw=True)
    assert list(found.available) == skus
    assert all(isinstance(v, dict) for v in found.available.values())


def test_search_pages_by_token_and_resumes_with_the_same_status(emu: Emulator) -> None:
    emu.add_listings(12)
    emu.add_listings(3, status="INACTIVE")
    with sync_client(emu) as client:
        every = [listing.sku_id for listing in client.listings.search("ACTIVE")]
        first = list(client.listings.pages("ACTIVE", max_pages=2, raw=True))
        rest = [
            item["sku_id"]
            for item in client.listings.search("ACTIVE", resume_from=first[-1].cursor, raw=True)
        ]

    assert len(every) == len(set(every))
    assert [i["sku_id"] for p in first for i in p.items] + rest == every


def test_a_listing_page_given_as_a_list_or_a_single_object_both_work() -> None:
    pages = [
        {"has_more": True, "next_page_id": "p2", "listings": {"listing_id": "L1", "sku_id": "A"}},
        {
            "has_more": False,
            "listings": [{"listing_id": "L2", "sku_id": "B"}, {"listing_id": "L3", "sku_id": "C"}],
        },
    ]
    sent: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        import json

        body = json.loads(request.content)
        sent.append(body)
        return httpx.Response(200, json=pages[1 if body.get("page_id") == "p2" else 0])

    http = httpx.Client(transport=httpx.MockTransport(handler), base_url="https://api.test/sellers")
    found = list(Listings(http, "https://api.test/sellers").search(raw=True))

    assert [item["sku_id"] for item in found] == ["A", "B", "C"]
    assert sent[1]["page_id"] == "p2"


@pytest.mark.parametrize("token", ["p\n2", "x" * 9000, "p\x00"])
def test_an_unsafe_resume_token_is_refused_before_any_request(emu: Emulator, token: str) -> None:
    with sync_client(emu) as client, pytest.raises(UnsafeCursor):
        client.listings.search(resume_from=token)
    assert not [r for r in emu.requests if "search" in r.path]


@pytest.mark.parametrize(
    ("skus", "message"), [(["a,b"], "comma"), ([""], "non-empty"), (5, "iterable")]
)
def test_bad_skus_fail_before_any_request(emu: Emulator, skus: object, message: str) -> None:
    with sync_client(emu) as client, pytest.raises(ValueError, match=message):
        client.listings.get(skus)  # type: ignore[arg-type]
    assert _lookups(emu) == []


def test_a_bad_status_names_the_field(emu: Emulator) -> None:
    with sync_client(emu) as client, pytest.raises(ValueError, match="status"):
        client.listings.search("LIVE")


def test_no_skus_means_no_request_and_an_empty_answer(emu: Emulator) -> None:
    with sync_client(emu) as client:
        found = client.listings.get([])
    assert (found.available, found.unavailable, found.invalid) == ({}, [], [])
    assert _lookups(emu) == []
