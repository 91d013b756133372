"""Bulk listing changes against the emulator: chunks of 10, one result per SKU, 429 pauses
the whole batch, a failed chunk is reported per SKU, input checked before any request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from flipkart_ext import FlipkartClient, InvalidArgument, RetryPolicy, ServerError
from flipkart_ext.listings import NOT_APPLIED, PriceUpdate, StockUpdate
from flipkart_ext.testing import Emulator
from tests.resource_clients import async_client, emulator, options


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with emulator() as running:
        yield running


def _updates(emu: Emulator, count: int, units: int = 7) -> dict[str, StockUpdate]:
    skus = emu.add_listings(count)
    with FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client:
        found = client.listings.get(skus)
    return {
        sku: StockUpdate(
            found.available[sku].product_id, {found.available[sku].locations[0].id: units}
        )
        for sku in skus
    }


def _change_calls(emu: Emulator) -> list[Any]:
    return [r for r in emu.requests if r.path.endswith("/listings/v3/update/inventory")]


def test_ninety_five_skus_are_ten_calls_and_ninety_five_results(emu: Emulator) -> None:
    updates = _updates(emu, 95)
    with FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client:
        results = client.listings.update_inventory(updates, max_concurrency=4)
        after = client.listings.get(list(updates)[:3])

    assert [r.sku for r in results] == list(updates)
    assert results.all_ok and results.requests == 10
    assert len(_change_calls(emu)) == 10
    assert all(listing.locations[0].inventory == 7 for listing in after.available.values())


def test_unknown_skus_fail_as_data_and_the_rest_apply(emu: Emulator) -> None:
    updates: dict[str, Any] = _updates(emu, 4)
    product, location = next(iter(updates.values())).product_id, "LOC-X"
    updates["NEVER-LISTED"] = StockUpdate(product, {location: 1})
    with FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client:
        results = client.listings.update_inventory(updates)

    assert [r.sku for r in results.failed] == ["NEVER-LISTED"]
    assert results.failed[0].status == "FAILURE" and results.failed[0].errors
    assert len(results.succeeded) == 4


def test_a_429_pauses_the_whole_batch_and_loses_nothing(emu: Emulator) -> None:
    updates = _updates(emu, 30)
    slept: list[float] = []
    retry = RetryPolicy(sleep=slept.append)
    emu.faults.rate_limit(count=1, retry_after=2)
    with FlipkartClient(
        emu.client_id, emu.client_secret, **{**options(emu), "retry": retry}
    ) as client:
        results = client.listings.update_inventory(updates, max_concurrency=3)

    assert results.all_ok and len(results) == 30
    assert results.requests == 4  # the refused chunk once more
    assert slept and max(slept) == pytest.approx(2, abs=0.5)


def test_a_chunk_failing_after_retries_marks_its_skus_not_applied(emu: Emulator) -> None:
    updates = _updates(emu, 25)
    emu.faults.server_error(status=503, count=1)  # a mutating call is not repeated after a 5xx
    with FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client:
        results = client.listings.update_inventory(updates)

    assert len(results) == 25
    failed = results.failed
    assert len(failed) == 10 and {r.status for r in failed} == {NOT_APPLIED}
    assert all(isinstance(r.error, ServerError) for r in failed)
    assert [r.sku for r in failed] == list(updates)[:10]


async def test_async_updates_match_sync(emu: Emulator) -> None:
    updates = _updates(emu, 23, units=3)
    prices = {
        sku: PriceUpdate(update.product_id, mrp=1200, selling_price=999)
        for sku, update in updates.items()
    }
    seen: list[tuple[int, int]] = []
    async with async_client(emu) as client:
        stock = await client.listings.update_inventory(updates, max_concurrency=3)
        priced = await client.listings.update_price(
            prices, max_concurrency=2, progress=lambda d, t: seen.append((d, t))
        )
    assert stock.all_ok and priced.all_ok and len(priced) == 23
    assert seen[-1] == (3, 3)


def test_the_wire_form_and_generated_models_are_accepted(emu: Emulator) -> None:
    from flipkart_seller_api.models.update_price_request import UpdatePriceRequest

    updates = _updates(emu, 2)
    (first, one), (second, two) = updates.items()
    location = next(iter(one.locations))
    with FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client:
        stock = client.listings.update_inventory(
            {first: {"product_id": one.product_id, "locations": [{"id": location, "inventory": 0}]}}
        )
        price = client.listings.update_price(
            {
                second: UpdatePriceRequest.from_dict(
                    {
                        "product_id": two.product_id,
                        "price": {"mrp": 500, "selling_price": 450, "currency": "INR"},
                    }
                )
            }
        )
    assert stock.all_ok and price.all_ok


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (StockUpdate("P1", {"L1": -1}), "inventory"),
        (StockUpdate("P1", {"L1": True}), "inventory"),
        (StockUpdate("P1", {"L1": 2.5}), "inventory"),
        (StockUpdate("P1", {}), "locations"),
        (StockUpdate("", {"L1": 1}), "product_id"),
        ({"product_id": "P1", "locations": [{"inventory": 1}]}, "locations[0].id"),
        (PriceUpdate("P1", mrp=100, selling_price=120), "selling_price"),
        (PriceUpdate("P1", mrp=0, selling_price=0), "mrp"),
        (PriceUpdate("P1", mrp=100, selling_price=90, currency="rupees"), "currency"),
        ({"product_id": "P1"}, "price"),
        ("twelve", "update"),
    ],
)
def test_bad_changes_name_the_sku_and_field_before_any_request(
    emu: Emulator, change: Any, field: str
) -> None:
    method = (
        "update_price"
        if isinstance(change, PriceUpdate) or "price" in field
        else "update_inventory"
    )
    with (
        FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client,
        pytest.raises(InvalidArgument) as caught,
    ):
        getattr(client.listings, method)(
            {"GOOD": StockUpdate("P", {"L": 1}), "SKU-9": change}
            if method == "update_inventory"
            else {"SKU-9": change}
        )
    assert "SKU-9" in str(caught.value) and field in str(caught.value)
    assert not [r for r in emu.requests if "/listings/v3/update" in r.path]


@pytest.mark.parametrize(
    "updates", [{"": StockUpdate("P", {"L": 1})}, {"A\nB": StockUpdate("P", {"L": 1})}, [("A", 1)]]
)
def test_bad_sku_keys_or_a_non_mapping_are_refused(emu: Emulator, updates: Any) -> None:
    with (
        FlipkartClient(emu.client_id, emu.client_secret, **options(emu)) as client,
        pytest.raises(InvalidArgument),
    ):
        client.listings.update_inventory(updates)
