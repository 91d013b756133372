"""Responses that grow (nulls, unknown enum values, unknown fields) parse without raising, keeping the unknowns."""

from __future__ import annotations

import datetime

from flipkart_seller_api.models.order_item import OrderItem
from flipkart_seller_api.models.order_item_status import OrderItemStatus
from flipkart_seller_api.models.search_shipment_response import SearchShipmentResponse
from flipkart_seller_api.models.shipment import Shipment


def grown_payload() -> dict[str, object]:
    return {
        "hasMore": None,
        "nextPageUrl": None,
        "brandNewTopLevel": {"nested": [1, 2]},
        "shipments": [
            {
                "shipmentId": "S1",
                "dispatchByDate": None,
                "updatedAt": "2026-11-26T10:15:00+05:30",
                "locationId": None,
                "subShipments": None,
                "futureField": "kept",
                "orderItems": [
                    {
                        "orderItemId": "OI1",
                        "status": "SOMETHING_NEW",
                        "priceComponents": None,
                        "cancellationDate": None,
                        "sku": None,
                        "extra": {"deep": True},
                    }
                ],
            }
        ],
    }


def test_grown_response_parses_and_keeps_unknowns() -> None:
    page = SearchShipmentResponse.from_dict(grown_payload())
    assert page.has_more is None and page.next_page_url is None
    assert page.additional_properties == {"brandNewTopLevel": {"nested": [1, 2]}}
    assert isinstance(page.shipments, list)
    shipment = page.shipments[0]
    assert isinstance(shipment, Shipment)
    assert shipment.dispatch_by_date is None
    assert shipment.updated_at == datetime.datetime(
        2026, 11, 26, 10, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    )
    assert shipment.additional_properties == {"futureField": "kept"}
    assert isinstance(shipment.order_items, list)
    item = shipment.order_items[0]
    assert isinstance(item, OrderItem)
    assert isinstance(item.status, OrderItemStatus)
    assert item.status.value == "SOMETHING_NEW"
    assert item.status.is_known is False
    assert item.price_components is None
    assert item.additional_properties == {"extra": {"deep": True}}


def test_unknowns_round_trip_to_the_same_json() -> None:
    payload = grown_payload()
    assert SearchShipmentResponse.from_dict(payload).to_dict() == payload


def test_known_enum_values_are_still_members() -> None:
    assert OrderItemStatus("APPROVED") is OrderItemStatus.APPROVED
    assert OrderItemStatus.APPROVED.is_known is True
    assert OrderItemStatus("SOMETHING_NEW") != OrderItemStatus.APPROVED
    assert str(OrderItemStatus("SOMETHING_NEW")) == "SOMETHING_NEW"
