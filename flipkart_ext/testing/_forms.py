"""Mandatory forms of a shipment (e-way bills) and their acknowledgement numbers.

- ``POST /v3/shipments/{shipmentIds}/forms``: the forms each shipment needs, with the link
  to the government portal, whether Flipkart files them (``automated``) and their status
  (``NOT_CREATED``, ``COMPLETED`` or ``FAILED``). At most 100 shipment ids (Flipkart's
  documented limit); unknown ids are left out, as look-ups do.
- ``POST /v3/shipments/forms/updateAck``: after filing a failed form by hand, the seller
  sends its acknowledgement number; when every form of a FORM_FAILED shipment is filed it
  becomes PACKED. Flipkart documents no limit for this call; the emulator takes the same
  100 shipments as the forms look-up.
"""

from __future__ import annotations

from typing import Any

from ._batch import each_shipment, too_many
from ._shipments import split_ids
from ._state import ShipmentRecord, Store
from ._transitions import acknowledge_forms
from ._wire import Call, Response, json_response

__all__ = ["MAX_FORM_SHIPMENTS", "FormsApi"]

MAX_FORM_SHIPMENTS = 100


class FormsApi:
    """Route handlers for the forms endpoints over one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def mandatory_forms(self, call: Call) -> Response:
        """``POST /v3/shipments/{shipmentIds}/forms``."""
        ids = split_ids(call.params["shipmentIds"], "shipmentIds", MAX_FORM_SHIPMENTS)
        if isinstance(ids, Response):
            return ids
        shipments: list[dict[str, Any]] = []
        for shipment_id in ids:
            shipment = self._store.shipments.get(shipment_id)
            if shipment is None:
                continue
            forms = [
                {"name": f.name, "link": f.link, "automated": f.automated, "status": f.status}
                for f in shipment.forms
            ]
            shipments.append({"shipmentId": shipment_id, "forms": forms})
        return json_response({"shipments": shipments})

    def acknowledge(self, call: Call) -> Response:
        """``POST /v3/shipments/forms/updateAck``: per-shipment results."""
        entries = call.body.get("shipments")
        refused = too_many(entries, MAX_FORM_SHIPMENTS, "shipments")
        if refused is not None:
            return refused
        now = self._store.now()

        def acknowledge(shipment: ShipmentRecord, entry: dict[str, Any]) -> None:
            acknowledge_forms(shipment, entry["forms"], now)

        results = each_shipment(self._store, entries, acknowledge, "status")
        return json_response({"shipments": results})
