"""examples/yesterdays_dispatches.py: shipments due on a day, dispatched or late (async)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flipkart_ext import AsyncFlipkartClient, Environment, FlipkartClient
from flipkart_ext.testing import Emulator

from .conftest import run_example

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def test_report_against_the_emulator() -> None:
    result = run_example("yesterdays_dispatches.py", "--date", "2024-05-01")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = re.fullmatch(r"Shipments due for dispatch on Wed 01 May 2024 \(IST\): (\d+)", lines[0])
    assert header is not None
    dispatched = re.fullmatch(r"  dispatched: +(\d+) \((.*)\)", lines[1])
    waiting = re.fullmatch(r"  still waiting: +(\d+) \((.*)\)", lines[2])
    assert dispatched is not None and waiting is not None
    total, done, late = int(header[1]), int(dispatched[1]), int(waiting[1])
    assert total == done + late > 0
    assert set(re.findall(r"[A-Z_]+", dispatched[2])) <= {"SHIPPED", "DELIVERED", "PICKUP_COMPLETE"}
    assert set(re.findall(r"[A-Z_]+", waiting[2])) <= {"READY_TO_DISPATCH", "APPROVED"}
    assert lines[3] == f"  on time: {100 * done / total:.0f}%"
    assert len([line for line in lines if line.startswith("  late: ")]) == late


async def test_report_matches_each_shipments_own_dates(load_example: Any) -> None:
    module = load_example("yesterdays_dispatches")
    day = dt.date(2024, 5, 1)
    options, seed = module.seed_for(day)
    with Emulator(**options) as emu:
        seed(emu)
        env = Environment.custom(emu.api_base_url, emu.oauth_base_url)
        async with AsyncFlipkartClient(emu.client_id, emu.client_secret, environment=env) as client:
            report = await module.report_for(client, day)
        # Independently: every shipment looked up by id, its date and state read one by one.
        all_ids = [s.shipment_id for s in _everything(emu, env)]
        with FlipkartClient(emu.client_id, emu.client_secret, environment=env) as client:
            detailed = client.shipments.get(shipment_ids=all_ids, raw=True)
        states = {s["shipmentId"]: emu.shipment_state(s["shipmentId"]) for s in detailed}

    due = [
        s
        for s in detailed
        if dt.datetime.fromisoformat(s["dispatchByDate"]).astimezone(IST).date() == day
    ]
    late = sorted(
        s["shipmentId"] for s in due if states[s["shipmentId"]] in ("APPROVED", "READY_TO_DISPATCH")
    )
    assert 0 < len(late) < len(due)
    assert report.late == late
    assert sum(report.dispatched.values()) == len(due) - len(late)


def _everything(emu: Emulator, env: Environment) -> list[Any]:
    from flipkart_ext import ShipmentFilter

    with FlipkartClient(emu.client_id, emu.client_secret, environment=env) as client:
        return [
            *client.shipments.search(ShipmentFilter.pre_dispatch()),
            *client.shipments.search(ShipmentFilter.post_dispatch()),
        ]
