# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="CreateOrderItemResponse")


@_attrs_define
class CreateOrderItemResponse:
    """
    Attributes:
        listing_id (None | str | Unset):
        order_item_id (None | str | Unset):
        quantity (int | None | Unset):
    """

    listing_id: None | str | Unset = UNSET
    order_item_id: None | str | Unset = UNSET
    quantity: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        listing_id: None | str | Unset
        if isinstance(self.listing_id, Unset):
            listing_id = UNSET
        else:
            listing_id = self.listing_id

        order_item_id: None | str | Unset
        if isinstance(self.order_item_id, Unset):
            order_item_id = UNSET
        else:
            order_item_id = self.order_item_id

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if listing_id is not UNSET:
            field_dict["listingId"] = listing_id
        if order_item_id is not UNSET:
            field_dict["orderItemId"] = order_item_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "CreateOrderItemResponse"))
        _listing_id_json = d.pop("listingId", UNSET)
        try:

            def _parse_listing_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            listing_id = _parse_listing_id(_listing_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "listingId", "CreateOrderItemResponse"
            ) from None

        _order_item_id_json = d.pop("orderItemId", UNSET)
        try:

            def _parse_order_item_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            order_item_id = _parse_order_item_id(_order_item_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "orderItemId", "CreateOrderItemResponse"
            ) from None

        _quantity_json = d.pop("quantity", UNSET)
        try:

            def _parse_quantity(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            quantity = _parse_quantity(_quantity_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("quantity", "CreateOrderItemResponse") from None

        create_order_item_response = cls(
            listing_id=listing_id,
            order_item_id=order_item_id,
            quantity=quantity,
        )

        create_order_item_response.additional_properties = d
        return create_order_item_response

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
