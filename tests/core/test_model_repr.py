"""Generated models print what the payload held: unset fields are left out, nulls shown."""

from __future__ import annotations

from flipkart_seller_api.models import OrderItem, Shipment
from flipkart_seller_api.models.order_item_status import OrderItemStatus
from flipkart_seller_api.types import UNSET


def test_an_empty_model_prints_its_name_only() -> None:
    assert repr(OrderItem()) == "OrderItem()"


def test_unset_prints_as_its_name() -> None:
    assert repr(UNSET) == "UNSET"
    assert "object at 0x" not in repr(UNSET)


def test_only_the_fields_the_payload_had_are_shown_in_declaration_order() -> None:
    shipment = Shipment.from_dict(
        {
            "shipmentId": "S-1",
            "orderItems": [{"sku": "SKU-1", "quantity": 2, "title": None}, None],
            "somethingNew": {"x": 1},
        }
    )
    assert repr(shipment) == (
        "Shipment(order_items=[OrderItem(quantity=2, sku='SKU-1', title=None), None], "
        "shipment_id='S-1', additional_properties={'somethingNew': {'x': 1}})"
    )
    assert str(shipment) == repr(shipment)


def test_a_value_set_in_code_is_shown_like_one_parsed() -> None:
    item = OrderItem(order_id="OD-9", status=OrderItemStatus.APPROVED)
    assert repr(item) == f"OrderItem(order_id='OD-9', status={OrderItemStatus.APPROVED!r})"
    item.status = UNSET
    assert repr(item) == "OrderItem(order_id='OD-9')"
