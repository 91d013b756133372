# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="DispatchAddress")


@_attrs_define
class DispatchAddress:
    """
    Attributes:
        address1 (str | Unset):
        address2 (str | Unset):
        city (str | Unset):
        landmark (str | Unset):
        pincode (str | Unset):
        state (str | Unset):
    """

    address1: str | Unset = UNSET
    address2: str | Unset = UNSET
    city: str | Unset = UNSET
    landmark: str | Unset = UNSET
    pincode: str | Unset = UNSET
    state: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        address1 = self.address1

        address2 = self.address2

        city = self.city

        landmark = self.landmark

        pincode = self.pincode

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address1 is not UNSET:
            field_dict["address1"] = address1
        if address2 is not UNSET:
            field_dict["address2"] = address2
        if city is not UNSET:
            field_dict["city"] = city
        if landmark is not UNSET:
            field_dict["landmark"] = landmark
        if pincode is not UNSET:
            field_dict["pincode"] = pincode
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "DispatchAddress"))
        address1 = d.pop("address1", UNSET)

        address2 = d.pop("address2", UNSET)

        city = d.pop("city", UNSET)

        landmark = d.pop("landmark", UNSET)

        pincode = d.pop("pincode", UNSET)

        state = d.pop("state", UNSET)

        dispatch_address = cls(
            address1=address1,
            address2=address2,
            city=city,
            landmark=landmark,
            pincode=pincode,
            state=state,
        )

        dispatch_address.additional_properties = d
        return dispatch_address

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
