# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.update_listing_request import UpdateListingRequest


T = TypeVar("T", bound="UpdateListingsBody")


@_attrs_define
class UpdateListingsBody:
    additional_properties: dict[str, UpdateListingRequest] = _attrs_field(
        init=False, factory=dict
    )

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.update_listing_request import UpdateListingRequest

        d = dict(require_object(src_dict, "UpdateListingsBody"))
        update_listings_body = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            try:
                additional_property = UpdateListingRequest.from_dict(prop_dict)

            except PayloadError as _payload_error:
                raise _payload_error.within_key(
                    prop_name, "UpdateListingsBody"
                ) from None
            additional_properties[prop_name] = additional_property

        update_listings_body.additional_properties = additional_properties
        return update_listings_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> UpdateListingRequest:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: UpdateListingRequest) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
