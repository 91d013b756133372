"""The sandbox's own moves: hold and release, a new dispatch slot, pick-up, shipped, delivered."""

from __future__ import annotations

from flipkart_seller_api.api.sandbox_ap_is import (
    change_dispatch_slots,
    make_order_un_hold,
    mark_order_item_delivered,
    mark_order_item_pickup_complete,
    mark_order_item_shipped,
    put_order_on_hold,
)
from flipkart_seller_api.models.create_test_orders_request import CreateTestOrdersRequest
from flipkart_seller_api.models.make_order_un_hold import MakeOrderUnHold
from flipkart_seller_api.models.mark_order_item_delivered import MarkOrderItemDelivered
from flipkart_seller_api.models.mark_order_item_pickup_complete import (
    MarkOrderItemPickupComplete,
)
from flipkart_seller_api.models.mark_order_item_shipped import MarkOrderItemShipped
from flipkart_seller_api.models.put_order_on_hold import PutOrderOnHold

from flipkart_ext import ShipmentFilter

from ._orders import create_orders, order_item_ids
from ._target import Target


def test_the_sandbox_moves_orders_along(target: Target) -> None:
    now = target.now()
    with target.client() as client:
        held_item, moved_item = order_item_ids(create_orders(client, target, 2))
        client.call(put_order_on_hold, body=PutOrderOnHold(order_item_id=held_item))
        on_hold = list(client.shipments.search(ShipmentFilter.pre_dispatch(hold=True)))
        client.call(make_order_un_hold, body=MakeOrderUnHold(order_item_id=held_item))
        slot = CreateTestOrdersRequest.from_dict(
            {"orderItems": [{"listingId": target.listing_id()}]}
        )
        client.call(change_dispatch_slots, body=slot)
        (shipment,) = client.shipments.get(order_item_ids=[moved_item])
        packed = client.shipments.pack([shipment], tax_rate=5, invoice_date=now)
        ready = client.shipments.mark_ready_to_dispatch([shipment])
        item = {"order_item_id": moved_item}
        client.call(mark_order_item_pickup_complete, body=MarkOrderItemPickupComplete(**item))
        client.call(mark_order_item_shipped, body=MarkOrderItemShipped(**item))
        client.call(mark_order_item_delivered, body=MarkOrderItemDelivered(**item))
        delivered = client.shipments.search(ShipmentFilter.post_dispatch(states=["DELIVERED"]))
        delivered_ids = [s.shipment_id for s in delivered]

    assert len(on_hold) == 1
    assert packed.all_ok and ready.all_ok
    assert delivered_ids == [shipment.shipment_id]
