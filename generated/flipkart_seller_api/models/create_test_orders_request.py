# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.create_order_item import CreateOrderItem


T = TypeVar("T", bound="CreateTestOrdersRequest")


@_attrs_define
class CreateTestOrdersRequest:
    """
    Attributes:
        location_id (str | Unset):
        order_items (list[CreateOrderItem] | Unset):
        shipment_type (str | Unset):
    """

    location_id: str | Unset = UNSET
    order_items: list[CreateOrderItem] | Unset = UNSET
    shipment_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        location_id = self.location_id

        order_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_items, Unset):
            order_items = []
            for order_items_item_data in self.order_items:
                order_items_item = order_items_item_data.to_dict()
                order_items.append(order_items_item)

        shipment_type = self.shipment_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items
        if shipment_type is not UNSET:
            field_dict["shipmentType"] = shipment_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_order_item import CreateOrderItem

        d = dict(require_object(src_dict, "CreateTestOrdersRequest"))
        location_id = d.pop("locationId", UNSET)

        _order_items_json = d.pop("orderItems", UNSET)
        try:
            _order_items = _order_items_json
            order_items: list[CreateOrderItem] | Unset = UNSET
            if _order_items is not UNSET:
                order_items = []
                for order_items_index, order_items_item_data in enumerate(_order_items):
                    try:
                        order_items_item = CreateOrderItem.from_dict(
                            order_items_item_data
                        )

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            order_items_index, _payload_error.model
                        ) from None
                    order_items.append(order_items_item)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "orderItems", "CreateTestOrdersRequest"
            ) from None

        shipment_type = d.pop("shipmentType", UNSET)

        create_test_orders_request = cls(
            location_id=location_id,
            order_items=order_items,
            shipment_type=shipment_type,
        )

        create_test_orders_request.additional_properties = d
        return create_test_orders_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
