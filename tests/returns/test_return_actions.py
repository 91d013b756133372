"""Self-ship return actions: chunks of 100, one result per return, refusals as data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from flipkart_ext import InvalidArgument
from flipkart_ext.returns import NOT_APPLIED
from flipkart_ext.testing import Emulator
from tests.resource_clients import FIXED_NOW, async_client, emulator, sync_client


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with emulator() as running:
        yield running


def _calls(emu: Emulator, action: str) -> list[object]:
    return [r for r in emu.requests if r.path.endswith(f"/v2/returns/{action}")]


def test_approving_130_returns_is_two_calls_and_one_result_each(emu: Emulator) -> None:
    ids = emu.create_returns(130, shipment_type="SELF")
    with sync_client(emu) as client:
        results = client.returns.approve([*ids, "UNKNOWN-RETURN"])

    assert [r.return_id for r in results] == [*ids, "UNKNOWN-RETURN"]
    assert len(_calls(emu, "approve")) == 2
    assert [r.return_id for r in results.failed] == ["UNKNOWN-RETURN"]
    assert results.failed[0].status == "FAILURE" and results.failed[0].error_code


def test_the_return_lifecycle_and_an_illegal_move_reported_as_data(emu: Emulator) -> None:
    ids = emu.create_returns(3, shipment_type="SELF")
    when = FIXED_NOW + timedelta(hours=2)
    with sync_client(emu) as client:
        assert client.returns.approve(ids).all_ok
        assert client.returns.pickup_attempt(
            ids[:1], pickup_date=when, new_pickup_date=when + timedelta(days=1), reason="locked"
        ).all_ok
        assert client.returns.pickup(ids, pickup_date=when).all_ok
        assert client.returns.complete(ids).all_ok
        again = client.returns.cancel(ids[:1])

    assert again[0].status == "FAILURE"
    assert "completed" in (again[0].error_message or "")


async def test_async_actions_match_sync(emu: Emulator) -> None:
    ids = emu.create_returns(4, shipment_type="SELF")
    async with async_client(emu) as client:
        rejected = await client.returns.reject(
            ids[:2], service_date=FIXED_NOW, comments="damaged by buyer"
        )
        cancelled = await client.returns.cancel(ids[2:])
    assert rejected.all_ok and cancelled.all_ok and len(rejected) == 2


def test_a_call_failing_after_retries_marks_its_returns_not_applied(emu: Emulator) -> None:
    ids = emu.create_returns(2, shipment_type="SELF")
    emu.faults.server_error(status=500, count=1)
    with sync_client(emu) as client:
        results = client.returns.approve(ids)
    assert {r.status for r in results} == {NOT_APPLIED}
    assert all(r.error is not None for r in results)


@pytest.mark.parametrize(
    ("action", "kwargs", "field"),
    [
        ("reject", {"service_date": None}, "service_date"),
        ("pickup", {"pickup_date": datetime(2024, 5, 1, 10, 0)}, "pickup_date"),
        (
            "pickup_attempt",
            {"pickup_date": FIXED_NOW, "new_pickup_date": "soon"},
            "new_pickup_date",
        ),
        ("approve", {"comments": 12}, "comments"),
    ],
)
def test_bad_action_arguments_name_the_field_before_any_request(
    emu: Emulator, action: str, kwargs: dict, field: str
) -> None:
    with sync_client(emu) as client, pytest.raises(InvalidArgument, match=field):
        getattr(client.returns, action)(["R1"], **kwargs)
    assert not [r for r in emu.requests if "/v2/returns/" in r.path]


@pytest.mark.parametrize("ids", [["R1,R2"], [""], [None]])
def test_bad_return_ids_are_refused(emu: Emulator, ids: list) -> None:
    with sync_client(emu) as client, pytest.raises(InvalidArgument):
        client.returns.complete(ids)
