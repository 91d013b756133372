"""Returns: the sandbox opens them, the seller searches and acts on each (through
``client.call``), the reverse one-time code, and the sandbox closes a courier return."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flipkart_seller_api.api.returns_v2 import (
    approve_self_ship_returns,
    cancel_self_ship_return,
    get_returns,
    pickup,
    pickup_attempt,
    reject_self_ship_returns,
    return_complete,
)
from flipkart_seller_api.api.sandbox_ap_is import (
    create_return,
    mark_order_item_delivered,
    mark_order_item_shipped,
    process_return_events,
)
from flipkart_seller_api.api.shipment_v3 import get_reverse_otc
from flipkart_seller_api.models.create_courier_return_request import CreateCourierReturnRequest
from flipkart_seller_api.models.mark_order_item_delivered import MarkOrderItemDelivered
from flipkart_seller_api.models.mark_order_item_shipped import MarkOrderItemShipped
from flipkart_seller_api.models.process_return_events import ProcessReturnEvents
from flipkart_seller_api.models.returns_approve_request import ReturnsApproveRequest
from flipkart_seller_api.models.returns_reject_request import ReturnsRejectRequest
from flipkart_seller_api.models.self_ship_return_cancellation_request import (
    SelfShipReturnCancellationRequest,
)
from flipkart_seller_api.models.self_ship_return_complete_request import (
    SelfShipReturnCompleteRequest,
)
from flipkart_seller_api.models.self_ship_return_pickup_attempt_requests import (
    SelfShipReturnPickupAttemptRequests,
)
from flipkart_seller_api.models.self_ship_return_pickup_requests import (
    SelfShipReturnPickupRequests,
)

from ._orders import create_orders, order_item_ids
from ._target import Target


def _statuses(answer: Any) -> list[str]:
    return [str(entry.processing_status) for entry in answer.returns or []]


def test_returns_from_request_to_refund(target: Target) -> None:
    now = target.now()
    later = now + timedelta(days=3)
    with target.client() as client:
        items = order_item_ids(create_orders(client, target, 4))
        shipments = client.shipments.get_shipments(order_item_ids=items)
        client.shipments.pack(shipments, tax_rate=18, invoice_date=now)
        client.shipments.mark_ready_to_dispatch(shipments)
        for item in items:
            client.call(mark_order_item_shipped, body=MarkOrderItemShipped(order_item_id=item))
        for item in items[:3]:
            client.call(mark_order_item_delivered, body=MarkOrderItemDelivered(order_item_id=item))
        kinds = ["customer_return"] * 3 + ["courier_return"]
        for item, kind in zip(items, kinds, strict=True):
            request = CreateCourierReturnRequest(order_item_id=item, return_type=kind)
            client.call(create_return, body=request)
        found = client.call(get_returns, source="customer_return")
        kept, refused, withdrawn = (str(r.return_id) for r in found.return_items)
        approved = client.call(
            approve_self_ship_returns,
            body=ReturnsApproveRequest.from_dict(
                {"returns": [{"returnId": kept, "comments": "ok"}]}
            ),
        )
        rejected = client.call(
            reject_self_ship_returns,
            body=ReturnsRejectRequest.from_dict(
                {"returns": [{"returnId": refused, "serviceDate": now.isoformat()}]}
            ),
        )
        cancelled = client.call(
            cancel_self_ship_return,
            body=SelfShipReturnCancellationRequest(return_ids=[withdrawn]),
        )
        location = str(shipments[0].location_id)
        otc = client.call(get_reverse_otc, location, request_type="RETURN")
        attempted = client.call(
            pickup_attempt,
            body=SelfShipReturnPickupAttemptRequests.from_dict(
                {
                    "returns": [
                        {
                            "returnId": kept,
                            "pickupDate": now.isoformat(),
                            "newPickupDate": later.isoformat(),
                        }
                    ]
                }
            ),
        )
        picked = client.call(
            pickup,
            body=SelfShipReturnPickupRequests.from_dict(
                {"returns": [{"returnId": kept, "pickupDate": now.isoformat()}]}
            ),
        )
        completed = client.call(
            return_complete, body=SelfShipReturnCompleteRequest(return_ids=[kept])
        )
        closed = client.call(
            process_return_events,
            body=ProcessReturnEvents(order_item_id=items[3], event_type="return_cancelled"),
        )
        courier = client.call(get_returns, source="courier_return")

    for answer in (approved, rejected, cancelled, attempted, picked, completed):
        assert _statuses(answer) == ["SUCCESS"]
    assert [entry.status for entry in otc.otcs or []] == ["OTC_GENERATED"]
    assert closed is not None
    assert [str(r.status) for r in courier.return_items or []] == ["cancelled"]
