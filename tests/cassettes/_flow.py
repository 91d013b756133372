"""Pack and dispatch through the generated operations, as a seller's integration would."""

from __future__ import annotations

from typing import Any

from flipkart_seller_api.api.shipment_v3 import mark_rtd
from flipkart_seller_api.api.shipment_v3 import pack as pack_op
from flipkart_seller_api.models.dispatch_shipment_request import DispatchShipmentRequest
from flipkart_seller_api.models.shipment_pack_request import ShipmentPackRequest


def pack(client: Any, shipment_ids: list[str]) -> Any:
    body = ShipmentPackRequest.from_dict(
        {"shipments": [{"shipmentId": shipment_id} for shipment_id in shipment_ids]}
    )
    return client.call(pack_op, body=body)


def dispatch(client: Any, shipment_ids: list[str], location_id: str) -> Any:
    body = DispatchShipmentRequest.from_dict(
        {"shipmentIds": shipment_ids, "locationId": location_id}
    )
    return client.call(mark_rtd, body=body)
