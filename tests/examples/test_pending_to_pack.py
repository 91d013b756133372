"""examples/pending_to_pack.py: a pick list of APPROVED shipments per location."""

from __future__ import annotations

import re
from typing import Any

from .conftest import run_example


def _location_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if not line.startswith(" ")]


def _unit_lines(stdout: str) -> list[tuple[int, str]]:
    return [
        (int(m[1]), m[2]) for m in re.finditer(r"^ +(\d+) x (SKU-\d+) ", stdout, flags=re.MULTILINE)
    ]


def test_pick_list_against_the_emulator() -> None:
    result = run_example("pending_to_pack.py")

    assert result.returncode == 0, result.stderr
    assert "using a local emulator" in result.stderr
    first, second = _location_lines(result.stdout)
    # Seeded: 12 single-unit and 4 three-unit orders at one location, 6 two-unit at the
    # other; 5 packed shipments are not listed.
    assert re.fullmatch(
        r"LOC\w+: 16 shipments, 24 units, first due \d\d \w{3} \d\d:\d\d IST", first
    )
    assert re.fullmatch(r"LOC\w+: 6 shipments, 12 units, first due .+", second)
    units = _unit_lines(result.stdout)
    assert sum(n for n, _ in units) == 24 + 12
    assert all(n % 2 == 0 for n, _ in units[-6:])  # second location: two units per order


def test_location_flag_narrows_the_search() -> None:
    everything = run_example("pending_to_pack.py")
    second_location = _location_lines(everything.stdout)[1].split(":")[0]

    # A fresh emulator with the same seed has the same location ids.
    result = run_example("pending_to_pack.py", "--location", second_location)

    assert result.returncode == 0, result.stderr
    assert _location_lines(result.stdout) == [_location_lines(everything.stdout)[1]]


def test_pick_lists_read_partial_shipments_liberally(load_example: Any) -> None:
    from flipkart_seller_api.models.shipment import Shipment

    module = load_example("pending_to_pack")
    shipments = [
        Shipment.from_dict(
            {
                "shipmentId": "S1",
                "locationId": "L1",
                "orderItems": [{"sku": "A", "title": "Mug", "quantity": 2}, {"sku": "B"}],
            }
        ),
        Shipment.from_dict({"shipmentId": "S2", "locationId": "L1", "orderItems": None}),
        Shipment.from_dict({"shipmentId": "S3", "brandNewField": {"x": 1}}),
    ]

    lists = module.build_pick_lists(shipments)

    assert set(lists) == {"L1", "(unknown location)"}
    assert lists["L1"].shipments == 2
    assert dict(lists["L1"].units) == {("A", "Mug"): 2, ("B", ""): 1}
    assert lists["L1"].first_due is None
    assert module.render({}) == ["Nothing to pack."]
