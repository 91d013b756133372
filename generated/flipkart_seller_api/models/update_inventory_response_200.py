# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.listing_change_response import ListingChangeResponse


T = TypeVar("T", bound="UpdateInventoryResponse200")


@_attrs_define
class UpdateInventoryResponse200:
    additional_properties: dict[str, ListingChangeResponse | None] = _attrs_field(
        init=False, factory=dict
    )

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.listing_change_response import ListingChangeResponse

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, ListingChangeResponse):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.listing_change_response import ListingChangeResponse

        d = dict(require_object(src_dict, "UpdateInventoryResponse200"))
        update_inventory_response_200 = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            try:

                def _parse_additional_property(
                    data: object,
                ) -> ListingChangeResponse | None:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        additional_property_type_1 = ListingChangeResponse.from_dict(
                            data
                        )

                        return additional_property_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(ListingChangeResponse | None, data)

                additional_property = _parse_additional_property(prop_dict)

            except PayloadError as _payload_error:
                raise _payload_error.within_key(
                    prop_name, "UpdateInventoryResponse200"
                ) from None
            additional_properties[prop_name] = additional_property

        update_inventory_response_200.additional_properties = additional_properties
        return update_inventory_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ListingChangeResponse | None:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ListingChangeResponse | None) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
