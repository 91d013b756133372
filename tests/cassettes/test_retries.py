"""Retries recorded from injected faults: a 429 honouring Retry-After, and a 503 burst."""

from __future__ import annotations

import pytest

from flipkart_ext import ShipmentFilter

from ._orders import create_orders
from ._target import Target

pytestmark = pytest.mark.emulator_only


def _statuses(target: Target) -> list[int]:
    return [response["status"]["code"] for response in target.cassette.responses]


def test_429_waits_for_retry_after_then_succeeds(target: Target) -> None:
    with target.client() as client:
        create_orders(client, target, 2)
        target.faults.rate_limit(count=1, retry_after=2)
        found = list(client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])))
    assert len(found) == 2
    assert target.sleeps == [2.0]
    assert _statuses(target)[-2:] == [429, 200]


def test_503_burst_on_search_is_retried(target: Target) -> None:
    with target.client() as client:
        create_orders(client, target, 2)
        target.faults.server_error(status=503, count=2)
        found = list(client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])))
    assert len(found) == 2
    assert len(target.sleeps) == 2
    assert _statuses(target)[-3:] == [503, 503, 200]
