# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.create_order_item_response import CreateOrderItemResponse


T = TypeVar("T", bound="CreateTestOrdersResponse")


@_attrs_define
class CreateTestOrdersResponse:
    """
    Attributes:
        order_id (None | str | Unset):
        order_items (list[CreateOrderItemResponse | None] | None | Unset):
    """

    order_id: None | str | Unset = UNSET
    order_items: list[CreateOrderItemResponse | None] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_order_item_response import CreateOrderItemResponse

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        order_items: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.order_items, Unset):
            order_items = UNSET
        elif isinstance(self.order_items, list):
            order_items = []
            for order_items_type_0_item_data in self.order_items:
                order_items_type_0_item: dict[str, Any] | None
                if isinstance(order_items_type_0_item_data, CreateOrderItemResponse):
                    order_items_type_0_item = order_items_type_0_item_data.to_dict()
                else:
                    order_items_type_0_item = order_items_type_0_item_data
                order_items.append(order_items_type_0_item)

        else:
            order_items = self.order_items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_order_item_response import CreateOrderItemResponse

        d = dict(require_object(src_dict, "CreateTestOrdersResponse"))
        _order_id_json = d.pop("orderId", UNSET)
        try:

            def _parse_order_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            order_id = _parse_order_id(_order_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderId", "CreateTestOrdersResponse") from None

        _order_items_json = d.pop("orderItems", UNSET)
        try:

            def _parse_order_items(
                data: object,
            ) -> list[CreateOrderItemResponse | None] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    order_items_type_0 = []
                    _order_items_type_0 = data
                    for (
                        order_items_type_0_index,
                        order_items_type_0_item_data,
                    ) in enumerate(_order_items_type_0):
                        try:

                            def _parse_order_items_type_0_item(
                                data: object,
                            ) -> CreateOrderItemResponse | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    order_items_type_0_item_type_1 = (
                                        CreateOrderItemResponse.from_dict(data)
                                    )

                                    return order_items_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(CreateOrderItemResponse | None, data)

                            order_items_type_0_item = _parse_order_items_type_0_item(
                                order_items_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                order_items_type_0_index, _payload_error.model
                            ) from None
                        order_items_type_0.append(order_items_type_0_item)

                    return order_items_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[CreateOrderItemResponse | None] | None | Unset, data)

            order_items = _parse_order_items(_order_items_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "orderItems", "CreateTestOrdersResponse"
            ) from None

        create_test_orders_response = cls(
            order_id=order_id,
            order_items=order_items,
        )

        create_test_orders_response.additional_properties = d
        return create_test_orders_response

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
