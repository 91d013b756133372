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

T = TypeVar("T", bound="DispatchShipmentRequest")


@_attrs_define
class DispatchShipmentRequest:
    """
    Attributes:
        location_id (str | Unset):
        shipment_ids (list[str] | Unset):
    """

    location_id: str | Unset = UNSET
    shipment_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        location_id = self.location_id

        shipment_ids: list[str] | Unset = UNSET
        if not isinstance(self.shipment_ids, Unset):
            shipment_ids = self.shipment_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if shipment_ids is not UNSET:
            field_dict["shipmentIds"] = shipment_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "DispatchShipmentRequest"))
        location_id = d.pop("locationId", UNSET)

        _shipment_ids_json = d.pop("shipmentIds", UNSET)
        try:
            shipment_ids = cast(list[str], _shipment_ids_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "shipmentIds", "DispatchShipmentRequest"
            ) from None

        dispatch_shipment_request = cls(
            location_id=location_id,
            shipment_ids=shipment_ids,
        )

        dispatch_shipment_request.additional_properties = d
        return dispatch_shipment_request

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
