"""What to pack now: approved shipments as a pick list, per dispatch location.

    python examples/pending_to_pack.py [--location LOCATION_ID]

Searches every APPROVED shipment (all pages, soonest dispatch-by date first) and
adds up the units to pick per SKU. Read-only: nothing is packed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from _emulator_or_env import IST, example_client

from flipkart_ext import FlipkartClient, FlipkartError, ShipmentFilter
from flipkart_ext.testing import Emulator


@dataclass
class PickList:
    """Units to pick per SKU at one location, and the earliest dispatch-by date."""

    location_id: str
    shipments: int = 0
    units: Counter[tuple[str, str]] = field(default_factory=Counter)
    first_due: dt.datetime | None = None


def build_pick_lists(shipments: Iterable[object]) -> dict[str, PickList]:
    """Group ``Shipment`` models by location; unknown or missing fields are skipped."""
    lists: dict[str, PickList] = {}
    for shipment in shipments:
        location = getattr(shipment, "location_id", None)
        location = location if isinstance(location, str) else "(unknown location)"
        pick = lists.setdefault(location, PickList(location))
        pick.shipments += 1
        due = getattr(shipment, "dispatch_by_date", None)
        if isinstance(due, dt.datetime) and (pick.first_due is None or due < pick.first_due):
            pick.first_due = due
        items = getattr(shipment, "order_items", None)
        for item in items if isinstance(items, list) else []:
            sku = item.sku if isinstance(item.sku, str) else "?"
            title = item.title if isinstance(item.title, str) else ""
            quantity = item.quantity if isinstance(item.quantity, int) else 1
            pick.units[(sku, title)] += quantity
    return lists


def pending(client: FlipkartClient, location_id: str | None = None) -> dict[str, PickList]:
    """Pick lists for every APPROVED shipment (optionally at one location)."""
    awaiting = ShipmentFilter.pre_dispatch(
        states=["APPROVED"], location_id=location_id, sort_field="dispatchByDate"
    )
    return build_pick_lists(client.shipments.search(awaiting))


def render(lists: dict[str, PickList]) -> list[str]:
    """The pick lists as text, busiest location first."""
    if not lists:
        return ["Nothing to pack."]
    lines = []
    for pick in sorted(lists.values(), key=lambda p: -p.shipments):
        due = pick.first_due.astimezone(IST).strftime("%d %b %H:%M IST") if pick.first_due else "?"
        total = sum(pick.units.values())
        lines.append(
            f"{pick.location_id}: {pick.shipments} shipments, {total} units, first due {due}"
        )
        for (sku, title), units in sorted(pick.units.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {units:>4} x {sku:<10} {title}")
    return lines


def seed(emulator: Emulator) -> None:
    """Test data: approved orders at two locations, some for 2 or 3 units, plus packed ones."""
    first, second = emulator.location_ids[:2]
    emulator.create_test_orders(12, location_id=first)
    emulator.create_test_orders(4, location_id=first, quantity=3)
    emulator.create_test_orders(6, location_id=second, quantity=2)
    emulator.create_test_orders(5, state="PACKED", location_id=first)  # already packed: not listed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--location", help="only this dispatch location")
    args = parser.parse_args(argv)
    try:
        with example_client(seed) as client:
            lists = pending(client, args.location)
    except (FlipkartError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(render(lists)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
