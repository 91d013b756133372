"""client.returns against the emulator: search, pages, resume, look-ups in chunks of 25."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flipkart_ext import UnsafeNextPageUrl
from flipkart_ext.returns import ReturnFilter
from flipkart_ext.testing import Emulator
from tests.resource_clients import async_client, emulator, sync_client

CUSTOMER = ReturnFilter("customer_return")


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with emulator() as running:
        yield running


def _searches(emu: Emulator) -> list[str]:
    return [r.path for r in emu.requests if r.path.endswith("/v2/returns")]


def test_search_walks_every_page_once_and_yields_typed_items(emu: Emulator) -> None:
    opened = emu.create_returns(60)
    emu.create_returns(3, source="courier_return")

    with sync_client(emu) as client:
        found = list(client.returns.search(CUSTOMER))

    assert sorted(r.return_id for r in found) == sorted(opened)
    assert len(_searches(emu)) == 3  # 25 + 25 + 10


async def test_async_search_with_prefetch_matches_sync(emu: Emulator) -> None:
    opened = emu.create_returns(30)
    async with async_client(emu) as client:
        found = [r.return_id async for r in client.returns.search(CUSTOMER, prefetch=1)]
    assert sorted(found) == sorted(opened)


def test_pages_resume_from_a_stored_cursor(emu: Emulator) -> None:
    opened = emu.create_returns(60)
    with sync_client(emu) as client:
        first = list(client.returns.pages(CUSTOMER, max_pages=1, raw=True))
        cursor = first[0].cursor
        assert isinstance(cursor, str)
        rest = list(client.returns.search(None, resume_from=cursor, raw=True))

    ids = [r["returnId"] for r in first[0].items] + [r["returnId"] for r in rest]
    assert sorted(ids) == sorted(opened)
    assert len(ids) == len(set(ids))


def test_sixty_return_ids_are_three_look_ups_of_at_most_25_in_input_order(emu: Emulator) -> None:
    opened = emu.create_returns(60)
    wanted = list(reversed(opened))
    with sync_client(emu) as client:
        found = client.returns.get(source="customer_return", return_ids=wanted)

    assert [r.return_id for r in found] == wanted
    look_ups = [r for r in emu.requests if r.path.endswith("/v2/returns")]
    assert len(look_ups) == 3
    assert [len(r.query["returnIds"].split(",")) for r in look_ups] == [25, 25, 10]


async def test_async_look_up_by_tracking_id(emu: Emulator) -> None:
    emu.create_returns(5)
    async with async_client(emu) as client:
        every = [r async for r in client.returns.search(CUSTOMER)]
        tracking = [r.tracking_id for r in every][::-1]
        found = await client.returns.get(source="customer_return", tracking_ids=tracking)
    assert [r.tracking_id for r in found] == tracking


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"source": "customer_return"}, "give exactly one"),
        ({"source": "customer_return", "return_ids": ["a"], "tracking_ids": ["b"]}, "exactly one"),
        ({"source": "pigeon_return", "return_ids": ["a"]}, "source"),
        ({"source": "customer_return", "return_ids": ["a,b"]}, "comma"),
        ({"source": "customer_return", "return_ids": [""]}, "non-empty"),
    ],
)
def test_bad_look_ups_fail_before_any_request(emu: Emulator, kwargs: dict, message: str) -> None:
    with sync_client(emu) as client, pytest.raises(ValueError, match=message):
        client.returns.get(**kwargs)
    assert _searches(emu) == []


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "source"),
        (("nope",), {}, "source"),
        (
            ("customer_return",),
            {"created": ("2024-05-02T00:00+05:30", "2024-05-01T00:00+05:30")},
            "created: from",
        ),
        (("customer_return",), {"modified": ("2024-05-01T00:00", None)}, "no time zone"),
        (("customer_return",), {"location_id": ""}, "location_id"),
    ],
)
def test_bad_filters_name_the_field(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        ReturnFilter(*args, **kwargs)


def test_filter_query_uses_the_spec_parameter_names(emu: Emulator) -> None:
    emu.create_returns(2)
    since = "2020-01-01T00:00:00+05:30"
    with sync_client(emu) as client:
        list(
            client.returns.search(
                ReturnFilter("customer_return", created=(since, None), location_id="L1")
            )
        )
    (request,) = [r for r in emu.requests if r.path.endswith("/v2/returns")]
    assert request.query["source"] == "customer_return"
    assert request.query["createdAfter"] == since
    assert request.query["locationId"] == "L1"


def test_a_tampered_resume_cursor_is_refused_when_search_is_called(emu: Emulator) -> None:
    with sync_client(emu) as client, pytest.raises(UnsafeNextPageUrl):
        client.returns.search(None, resume_from="/v2/returns?x=1\n")
    assert _searches(emu) == []


def test_return_dates_are_parsed_and_an_unreadable_one_is_kept_as_sent() -> None:
    import datetime as dt

    from flipkart_seller_api.models.return_item import ReturnItem

    parsed = ReturnItem.from_dict({"returnId": "R1", "createdDate": "2024-05-01T10:00:00+05:30"})
    assert isinstance(parsed.created_date, dt.datetime)
    assert parsed.created_date.utcoffset() == dt.timedelta(hours=5, minutes=30)
    odd = ReturnItem.from_dict({"returnId": "R2", "createdDate": "last tuesday"})
    assert odd.created_date == "last tuesday"
    assert odd.to_dict() == {"returnId": "R2", "createdDate": "last tuesday"}
