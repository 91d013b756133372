"""A seller's ready-to-dispatch flow: find approved shipments, pack them, print labels, dispatch."""

from __future__ import annotations

from pathlib import Path

from flipkart_ext import ShipmentFilter

from ._flow import dispatch, pack
from ._orders import create_orders
from ._target import Target


def test_filter_pack_label_dispatch(target: Target, tmp_path: Path) -> None:
    with target.client() as client:
        create_orders(client, target, 3)
        approved = list(client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])))
        ids = [shipment.shipment_id for shipment in approved]
        location = approved[0].location_id
        packed = pack(client, ids)
        assert [s.status for s in packed.shipments] == ["SUCCESS"] * 3
        labels = client.shipments.save_labels(ids, tmp_path)
        packed_now = list(client.shipments.search(ShipmentFilter.pre_dispatch(states=["PACKED"])))
        dispatched = dispatch(client, ids, location)
        ready = list(
            client.shipments.search(ShipmentFilter.pre_dispatch(states=["READY_TO_DISPATCH"]))
        )
    assert len(ids) == 3
    assert {s.shipment_id for s in packed_now} == set(ids)
    assert [s.status for s in dispatched.shipments] == ["SUCCESS"] * 3
    assert {s.shipment_id for s in ready} == set(ids)
    assert labels[0].path.read_bytes().startswith(b"%PDF-")
