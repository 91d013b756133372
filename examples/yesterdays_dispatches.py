"""Were yesterday's shipments dispatched on time? An async report.

    python examples/yesterdays_dispatches.py [--date YYYY-MM-DD]

Finds the shipments whose dispatch-by date fell on that day (default: yesterday,
Indian Standard Time) with two searches run concurrently: those already handed over
(post-dispatch) and those still waiting (pre-dispatch), which are late. Read-only.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from _emulator_or_env import IST, async_example_client, using_emulator

from flipkart_ext import AsyncFlipkartClient, FlipkartError, ShipmentFilter
from flipkart_ext.testing import Emulator


@dataclass
class DayReport:
    """Shipments due on ``day``, by state; ``late`` lists those not yet dispatched."""

    day: dt.date
    dispatched: Counter[str] = field(default_factory=Counter)
    waiting: Counter[str] = field(default_factory=Counter)
    late: list[str] = field(default_factory=list)


def _state(shipment: dict[str, Any]) -> str:
    items = shipment.get("orderItems") or []
    states = {
        i["status"] for i in items if isinstance(i, dict) and isinstance(i.get("status"), str)
    }
    return "/".join(sorted(states)) or "UNKNOWN"


async def _states(client: AsyncFlipkartClient, search: ShipmentFilter) -> list[dict[str, Any]]:
    # prefetch=1 asks for page k+1 while page k is being read.
    return [s async for s in client.shipments.search(search, raw=True, prefetch=1)]


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The first and last millisecond of ``day`` in Indian Standard Time."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=IST)
    return start, start + dt.timedelta(days=1, milliseconds=-1)


async def report_for(client: AsyncFlipkartClient, day: dt.date) -> DayReport:
    """Both searches at once; every page of each."""
    due = day_bounds(day)
    shipped, waiting = await asyncio.gather(
        _states(client, ShipmentFilter.post_dispatch(dispatch_by_date=due)),
        _states(client, ShipmentFilter.pre_dispatch(dispatch_by_date=due)),
    )
    report = DayReport(day)
    report.dispatched.update(_state(s) for s in shipped)
    report.waiting.update(_state(s) for s in waiting)
    report.late = sorted(str(s.get("shipmentId")) for s in waiting)
    return report


def render(report: DayReport) -> list[str]:
    def breakdown(counts: Counter[str]) -> str:
        return ", ".join(f"{state} {n}" for state, n in sorted(counts.items())) or "none"

    dispatched, waiting = sum(report.dispatched.values()), sum(report.waiting.values())
    total = dispatched + waiting
    lines = [f"Shipments due for dispatch on {report.day:%a %d %b %Y} (IST): {total}"]
    if total:
        lines.append(f"  dispatched:    {dispatched} ({breakdown(report.dispatched)})")
        lines.append(f"  still waiting: {waiting} ({breakdown(report.waiting)})")
        lines.append(f"  on time: {100 * dispatched / total:.0f}%")
        lines += [f"  late: {shipment_id}" for shipment_id in report.late]
    return lines


def seed_for(day: dt.date) -> tuple[dict[str, Any], Any]:
    """Emulator options and seed that put some dispatch-by dates on ``day``."""
    # Orders are placed up to 10 hours before the emulator's "now" and are due 6 to 96
    # hours later; a clock at 06:00 that day spreads them over it and the days after.
    now = dt.datetime.combine(day, dt.time(6), tzinfo=IST)

    def seed(emulator: Emulator) -> None:
        emulator.create_test_orders(20, state="SHIPPED")
        emulator.create_test_orders(10, state="DELIVERED")
        emulator.create_test_orders(10, state="PICKUP_COMPLETE")
        emulator.create_test_orders(8, state="READY_TO_DISPATCH")
        emulator.create_test_orders(6, state="APPROVED")

    return {"clock": lambda: now}, seed


async def run(day: dt.date) -> DayReport:
    options, seed = seed_for(day) if using_emulator() else ({}, None)
    async with async_example_client(seed, **options) as client:
        return await report_for(client, day)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    yesterday = dt.datetime.now(IST).date() - dt.timedelta(days=1)
    parser.add_argument(
        "--date", type=dt.date.fromisoformat, default=yesterday, help="YYYY-MM-DD (IST)"
    )
    args = parser.parse_args(argv)
    try:
        report = asyncio.run(run(args.date))
    except FlipkartError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(render(report)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
