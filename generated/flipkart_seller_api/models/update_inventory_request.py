# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.location import Location


T = TypeVar("T", bound="UpdateInventoryRequest")


@_attrs_define
class UpdateInventoryRequest:
    """
    Attributes:
        locations (list[Location]):
        product_id (str):
    """

    locations: list[Location]
    product_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)

        product_id = self.product_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "locations": locations,
                "product_id": product_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.location import Location

        d = dict(require_object(src_dict, "UpdateInventoryRequest"))
        _locations_json = pop_required(d, "locations", "UpdateInventoryRequest")
        try:
            locations = []
            _locations = _locations_json
            for locations_index, locations_item_data in enumerate(_locations):
                try:
                    locations_item = Location.from_dict(locations_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        locations_index, _payload_error.model
                    ) from None
                locations.append(locations_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("locations", "UpdateInventoryRequest") from None

        product_id = pop_required(d, "product_id", "UpdateInventoryRequest")

        update_inventory_request = cls(
            locations=locations,
            product_id=product_id,
        )

        update_inventory_request.additional_properties = d
        return update_inventory_request

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
