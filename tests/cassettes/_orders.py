"""Test orders created through the sandbox helper endpoint, recorded like any other call."""

from __future__ import annotations

from typing import Any

from flipkart_seller_api.api.sandbox_ap_is import create_test_orders
from flipkart_seller_api.models.create_test_orders_request import CreateTestOrdersRequest

from ._target import Target


def create_orders(client: Any, target: Target, count: int, items_per_order: int = 1) -> list[Any]:
    """Create ``count`` approved orders; return the created order responses."""
    listing = target.listing_id()
    body = CreateTestOrdersRequest.from_dict(
        {"orderItems": [{"listingId": listing, "quantity": 1}] * items_per_order}
    )
    return [client.call(create_test_orders, body=body) for _ in range(count)]


def token_grants(target: Target) -> list[str]:
    """grant_type of every token request in the cassette, in order."""
    grants = []
    for request in target.cassette.requests:
        if request.path.endswith("/oauth/token"):
            grants.append(dict(request.query)["grant_type"])
    return grants
