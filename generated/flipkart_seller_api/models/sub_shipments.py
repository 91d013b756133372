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
    from ..models.dimensions import Dimensions


T = TypeVar("T", bound="SubShipments")


@_attrs_define
class SubShipments:
    """
    Attributes:
        dimensions (Dimensions):
        sub_shipment_id (str):
    """

    dimensions: Dimensions
    sub_shipment_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        dimensions = self.dimensions.to_dict()

        sub_shipment_id = self.sub_shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dimensions": dimensions,
                "subShipmentId": sub_shipment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dimensions import Dimensions

        d = dict(require_object(src_dict, "SubShipments"))
        _dimensions_json = pop_required(d, "dimensions", "SubShipments")
        try:
            dimensions = Dimensions.from_dict(_dimensions_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("dimensions", "SubShipments") from None

        sub_shipment_id = pop_required(d, "subShipmentId", "SubShipments")

        sub_shipments = cls(
            dimensions=dimensions,
            sub_shipment_id=sub_shipment_id,
        )

        sub_shipments.additional_properties = d
        return sub_shipments

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
