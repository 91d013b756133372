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
    from ..models.sub_item_request import SubItemRequest


T = TypeVar("T", bound="CreateOrderItem")


@_attrs_define
class CreateOrderItem:
    """
    Attributes:
        listing_id (str | Unset):
        quantity (int | Unset):
        sub_item (SubItemRequest | Unset):
    """

    listing_id: str | Unset = UNSET
    quantity: int | Unset = UNSET
    sub_item: SubItemRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        listing_id = self.listing_id

        quantity = self.quantity

        sub_item: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sub_item, Unset):
            sub_item = self.sub_item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if listing_id is not UNSET:
            field_dict["listingId"] = listing_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if sub_item is not UNSET:
            field_dict["subItem"] = sub_item

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sub_item_request import SubItemRequest

        d = dict(require_object(src_dict, "CreateOrderItem"))
        listing_id = d.pop("listingId", UNSET)

        quantity = d.pop("quantity", UNSET)

        _sub_item_json = d.pop("subItem", UNSET)
        try:
            _sub_item = _sub_item_json
            sub_item: SubItemRequest | Unset
            if isinstance(_sub_item, Unset):
                sub_item = UNSET
            else:
                sub_item = SubItemRequest.from_dict(_sub_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("subItem", "CreateOrderItem") from None

        create_order_item = cls(
            listing_id=listing_id,
            quantity=quantity,
            sub_item=sub_item,
        )

        create_order_item.additional_properties = d
        return create_order_item

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
