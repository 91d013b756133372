"""Returns: the sandbox opens them, the seller searches and acts on each through
``client.returns``, the reverse one-time code, and the sandbox closes a courier return."""

from __future__ import annotations

from datetime import timedelta

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

from flipkart_ext.returns import ReturnFilter

from ._orders import create_orders, order_item_ids
from ._target import Target


def test_returns_from_request_to_refund(target: Target) -> None:
    now = target.now()
    later = now + timedelta(days=3)
    with target.client() as client:
        items = order_item_ids(create_orders(client, target, 4))
        shipments = client.shipments.get(order_item_ids=items)
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
        found = client.returns.search(ReturnFilter("customer_return"))
        kept, refused, withdrawn = (str(r.return_id) for r in found)
        approved = client.returns.approve([kept], comments="ok")
        rejected = client.returns.reject([refused], service_date=now)
        cancelled = client.returns.cancel([withdrawn])
        location = str(shipments[0].location_id)
        otc = client.call(get_reverse_otc, location, request_type="RETURN")
        attempted = client.returns.pickup_attempt([kept], pickup_date=now, new_pickup_date=later)
        picked = client.returns.pickup([kept], pickup_date=now)
        completed = client.returns.complete([kept])
        closed = client.call(
            process_return_events,
            body=ProcessReturnEvents(order_item_id=items[3], event_type="return_cancelled"),
        )
        courier = list(client.returns.search(ReturnFilter("courier_return")))

    for results in (approved, rejected, cancelled, attempted, picked, completed):
        assert [r.status for r in results] == ["SUCCESS"]
    assert [entry.status for entry in otc.otcs or []] == ["OTC_GENERATED"]
    assert closed is not None
    assert [str(r.status) for r in courier] == ["cancelled"]
