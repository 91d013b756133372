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

T = TypeVar("T", bound="AddressLabel")


@_attrs_define
class AddressLabel:
    """
    Attributes:
        countries_of_origin (list[str] | Unset):
        importer_details (list[str] | Unset):
        manufacturer_details (list[str] | Unset):
        packer_details (list[str] | Unset):
    """

    countries_of_origin: list[str] | Unset = UNSET
    importer_details: list[str] | Unset = UNSET
    manufacturer_details: list[str] | Unset = UNSET
    packer_details: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        countries_of_origin: list[str] | Unset = UNSET
        if not isinstance(self.countries_of_origin, Unset):
            countries_of_origin = self.countries_of_origin

        importer_details: list[str] | Unset = UNSET
        if not isinstance(self.importer_details, Unset):
            importer_details = self.importer_details

        manufacturer_details: list[str] | Unset = UNSET
        if not isinstance(self.manufacturer_details, Unset):
            manufacturer_details = self.manufacturer_details

        packer_details: list[str] | Unset = UNSET
        if not isinstance(self.packer_details, Unset):
            packer_details = self.packer_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if countries_of_origin is not UNSET:
            field_dict["countries_of_origin"] = countries_of_origin
        if importer_details is not UNSET:
            field_dict["importer_details"] = importer_details
        if manufacturer_details is not UNSET:
            field_dict["manufacturer_details"] = manufacturer_details
        if packer_details is not UNSET:
            field_dict["packer_details"] = packer_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "AddressLabel"))
        _countries_of_origin_json = d.pop("countries_of_origin", UNSET)
        try:
            countries_of_origin = cast(list[str], _countries_of_origin_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("countries_of_origin", "AddressLabel") from None

        _importer_details_json = d.pop("importer_details", UNSET)
        try:
            importer_details = cast(list[str], _importer_details_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("importer_details", "AddressLabel") from None

        _manufacturer_details_json = d.pop("manufacturer_details", UNSET)
        try:
            manufacturer_details = cast(list[str], _manufacturer_details_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "manufacturer_details", "AddressLabel"
            ) from None

        _packer_details_json = d.pop("packer_details", UNSET)
        try:
            packer_details = cast(list[str], _packer_details_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("packer_details", "AddressLabel") from None

        address_label = cls(
            countries_of_origin=countries_of_origin,
            importer_details=importer_details,
            manufacturer_details=manufacturer_details,
            packer_details=packer_details,
        )

        address_label.additional_properties = d
        return address_label

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
