"""An e-way bill that Flipkart could not file: found by the forms look-up, filed by hand."""

from __future__ import annotations

import pytest

from flipkart_ext import ShipmentFilter

from ._target import Target


@pytest.mark.emulator_only
def test_a_failed_e_way_bill_is_acknowledged(target: Target) -> None:
    # The sandbox offers no way to make a filing fail; the emulator does.
    if target.emulator is not None:
        target.emulator.create_test_orders(2, form_failure=True)
    now = target.now()
    with target.client() as client:
        found = list(client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])))
        packed = client.shipments.pack(found, tax_rate=18, invoice_date=now)
        failed = ShipmentFilter.pre_dispatch(states=["FORM_FAILED"])
        failing = [s.shipment_id for s in client.shipments.search(failed)]
        forms = client.shipments.mandatory_forms(failing)
        acks = client.shipments.acknowledge_forms(
            {
                f.shipment_id: {str(form.name): f"ACK-{n}" for form in f.forms}
                for n, f in enumerate(forms)
            }
        )
        now_packed = client.shipments.search(ShipmentFilter.pre_dispatch(states=["PACKED"]))
        packed_ids = {s.shipment_id for s in now_packed}

    assert packed.all_ok and len(failing) == 2
    assert all(form.status == "FAILED" for f in forms for form in f.forms)
    assert acks.all_ok
    assert packed_ids == set(failing)
