"""Self-ship: the seller's own courier dispatches and delivers (v3 helpers, v2 through
``client.call``), tracking updates, a failed delivery attempt, and an installation service."""

from __future__ import annotations

from datetime import timedelta

from flipkart_seller_api.api.orders_v2 import (
    submit_self_ship_deliver_attempt_request_v2,
    submit_self_ship_deliver_request,
    submit_self_shipment_dispatch_request,
    submit_service_attempt_request,
    submit_service_complete_request,
)
from flipkart_seller_api.api.sandbox_ap_is import create_service
from flipkart_seller_api.models.create_service import CreateService
from flipkart_seller_api.models.service_attempt_request import ServiceAttemptRequest
from flipkart_seller_api.models.service_complete_request import ServiceCompleteRequest
from flipkart_seller_api.models.shipments_deliver_attempt_request_v2 import (
    ShipmentsDeliverAttemptRequestV2,
)
from flipkart_seller_api.models.shipments_deliver_request_v2 import ShipmentsDeliverRequestV2
from flipkart_seller_api.models.shipments_dispatch_request_v2 import ShipmentsDispatchRequestV2

from flipkart_ext.shipments import SelfShipDispatch, TrackingUpdate

from ._orders import create_orders, order_item_ids
from ._target import Target


def _statuses(answer: object) -> list[object]:
    return [entry.processing_status for entry in getattr(answer, "shipments", None) or []]


def test_v3_self_ship_dispatch_tracking_attempt_and_delivery(target: Target) -> None:
    now = target.now()
    later = now + timedelta(days=2)
    with target.client() as client:
        items = order_item_ids(create_orders(client, target, 2, shipment_type="SELF"))
        first, second = client.shipments.get(order_item_ids=items)
        dispatched = client.shipments.dispatch_self_ship(
            [first, SelfShipDispatch(second, invoice_number="INV-SELF-2", tracking_id="TRK-2")],
            tentative_delivery_date=later,
            dispatch_date=now,
            delivery_partner="Own Fleet",
        )
        tracked = client.shipments.update_tracking(
            [
                TrackingUpdate(
                    str(first.shipment_id), tracking_id="TRK-1", delivery_partner="Own Fleet"
                )
            ]
        )
        attempted = client.shipments.record_delivery_attempt(
            [second], attempt_date=now, new_delivery_date=later, reason="customer_not_available"
        )
        delivered = client.shipments.deliver_self_ship([first], delivery_date=now)
        service = client.call(
            create_service, body=CreateService(order_item_id=items[0], service_type="FORWARD")
        )
        visit = {"shipmentId": first.shipment_id, "deliveryDate": now.isoformat()}
        tried = client.call(
            submit_service_attempt_request,
            body=ServiceAttemptRequest.from_dict({"services": [visit]}),
        )
        done = client.call(
            submit_service_complete_request,
            body=ServiceCompleteRequest.from_dict({"services": [visit]}),
        )

    assert dispatched.all_ok and tracked.all_ok and attempted.all_ok and delivered.all_ok
    assert service is not None
    assert [s.status for s in (tried.services or [])] == ["SUCCESS"]
    assert [s.status for s in (done.services or [])] == ["SUCCESS"]


def test_v2_self_ship_dispatch_attempt_and_delivery(target: Target) -> None:
    now = target.now()
    later = now + timedelta(days=1)
    with target.client() as client:
        (item,) = order_item_ids(create_orders(client, target, 1, shipment_type="SELF"))
        (shipment,) = client.shipments.get(order_item_ids=[item])
        entry = {"shipmentId": shipment.shipment_id, "locationId": shipment.location_id}
        dispatch = {
            **entry,
            "dispatchDate": now.isoformat(),
            "tentativeDeliveryDate": later.isoformat(),
            "orderItems": [
                {
                    "orderItemId": item,
                    "quantity": 1,
                    "invoiceDate": now.date().isoformat(),
                    "invoiceNumber": "INV-V2-1",
                    "taxRate": 18,
                }
            ],
        }
        dispatched = client.call(
            submit_self_shipment_dispatch_request,
            body=ShipmentsDispatchRequestV2.from_dict({"shipments": [dispatch]}),
        )
        attempt = {
            **entry,
            "deliveryDate": now.isoformat(),
            "failureAttributes": {"newDeliveryDate": later.isoformat(), "reason": "door_locked"},
        }
        attempted = client.call(
            submit_self_ship_deliver_attempt_request_v2,
            body=ShipmentsDeliverAttemptRequestV2.from_dict({"shipments": [attempt]}),
        )
        delivered = client.call(
            submit_self_ship_deliver_request,
            body=ShipmentsDeliverRequestV2.from_dict(
                {"shipments": [{**entry, "deliveryDate": now.isoformat()}]}
            ),
        )

    assert _statuses(dispatched) == _statuses(attempted) == _statuses(delivered) == ["SUCCESS"]
