"""Test orders created through the sandbox helper endpoint, recorded like any other call."""

from __future__ import annotations

from typing import Any

from flipkart_seller_api.api.sandbox_ap_is import create_test_orders
from flipkart_seller_api.models.create_test_orders_request import CreateTestOrdersRequest

from ._target import Target


def create_orders(
    client: Any,
    target: Target,
    count: int,
    items_per_order: int = 1,
    *,
    shipment_type: str | None = None,
) -> list[Any]:
    """Create ``count`` approved orders; return the created order responses.

    ``shipment_type="SELF"`` makes self-ship orders (the seller's own courier).
    """
    listing = target.listing_id()
    request: dict[str, Any] = {
        "orderItems": [{"listingId": listing, "quantity": 1}] * items_per_order
    }
    if shipment_type is not None:
        request["shipmentType"] = shipment_type
    body = CreateTestOrdersRequest.from_dict(request)
    return [client.call(create_test_orders, body=body) for _ in range(count)]


def order_item_ids(created: list[Any]) -> list[str]:
    """The first order item id of each created order."""
    return [str(order.order_items[0].order_item_id) for order in created]


def token_grants(target: Target) -> list[str]:
    """grant_type of every token request in the cassette, in order."""
    grants = []
    for request in target.cassette.requests:
        if request.path.endswith("/oauth/token"):
            grants.append(dict(request.query)["grant_type"])
    return grants
