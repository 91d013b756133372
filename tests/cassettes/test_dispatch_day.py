"""A seller's dispatch day through the lifecycle helpers: search, pack, look-ups, labels,
invoices, forms, ready to dispatch, handover counts, the manifest and a cancellation."""

from __future__ import annotations

from pathlib import Path

from flipkart_seller_api.api.shipment_v3 import get_labels_only, get_shipment_details

from flipkart_ext import ShipmentFilter

from ._orders import create_orders
from ._target import Target


def test_a_full_dispatch_day(target: Target, tmp_path: Path) -> None:
    now = target.now()
    with target.client() as client:
        create_orders(client, target, 7)
        approved = ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=5)
        found = list(client.shipments.search(approved))  # two pages
        ids = [s.shipment_id for s in found]
        packed = client.shipments.pack(found, tax_rate=18, invoice_date=now)
        looked_up = client.shipments.get(shipment_ids=ids[:2])
        by_path = client.call(get_shipment_details, shipment_ids=",".join(ids[:2]))
        forms = client.shipments.mandatory_forms(ids[:2])
        labels = client.shipments.save_labels(ids, tmp_path)
        invoices = client.shipments.get_invoices(ids[:1])
        label_only = client.shipments.get_labels(ids[:2], invoice=False)
        # The byte-stream variant answers a PDF the generated parser would read as JSON.
        stream = client.http.request(**get_labels_only._get_kwargs(ids[0], reprint=True))
        cancelled = client.shipments.cancel(found[-1:], reason="not_enough_inventory")
        ready = client.shipments.mark_ready_to_dispatch(found[:-1])
        location = str(found[0].location_id)
        counts = client.shipments.handover_counts(location)
        vendor = str(counts[0].vendor_group_code)
        manifest = client.shipments.manifest(vendor, location_id=location)

    assert len(found) == 7
    assert packed.all_ok and packed.requests == 1
    assert [s.shipment_id for s in looked_up] == ids[:2]
    assert by_path is not None and len(by_path.shipments or []) == 2
    assert [f.status for f in forms] == ["FOUND", "FOUND"]
    assert labels[0].path.read_bytes().startswith(b"%PDF-")
    assert invoices[0].content.startswith(b"%PDF-")
    assert [len(d.shipment_ids) for d in label_only] == [2]
    assert stream.status_code == 200 and stream.content.startswith(b"%PDF-")
    assert cancelled.all_ok
    assert ready.all_ok and len(ready) == 6
    assert sum(c.count or 0 for c in counts) == 6
    assert manifest.startswith(b"%PDF-")
