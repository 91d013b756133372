# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.dispatch_address import DispatchAddress


T = TypeVar("T", bound="DispatchLocation")


@_attrs_define
class DispatchLocation:
    """
    Attributes:
        address (DispatchAddress):
        location_id (str | Unset):
    """

    address: DispatchAddress
    location_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        location_id = self.location_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
            }
        )
        if location_id is not UNSET:
            field_dict["locationId"] = location_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dispatch_address import DispatchAddress

        d = dict(require_object(src_dict, "DispatchLocation"))
        _address_json = pop_required(d, "address", "DispatchLocation")
        try:
            address = DispatchAddress.from_dict(_address_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("address", "DispatchLocation") from None

        location_id = d.pop("locationId", UNSET)

        dispatch_location = cls(
            address=address,
            location_id=location_id,
        )

        dispatch_location.additional_properties = d
        return dispatch_location

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
