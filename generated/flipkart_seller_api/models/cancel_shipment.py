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

T = TypeVar("T", bound="CancelShipment")


@_attrs_define
class CancelShipment:
    """
    Attributes:
        cancellation_group_ids (list[str] | Unset):
        location_id (str | Unset):
        reason (str | Unset):
        shipment_id (str | Unset):
    """

    cancellation_group_ids: list[str] | Unset = UNSET
    location_id: str | Unset = UNSET
    reason: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        cancellation_group_ids: list[str] | Unset = UNSET
        if not isinstance(self.cancellation_group_ids, Unset):
            cancellation_group_ids = self.cancellation_group_ids

        location_id = self.location_id

        reason = self.reason

        shipment_id = self.shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cancellation_group_ids is not UNSET:
            field_dict["cancellationGroupIds"] = cancellation_group_ids
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "CancelShipment"))
        _cancellation_group_ids_json = d.pop("cancellationGroupIds", UNSET)
        try:
            cancellation_group_ids = cast(list[str], _cancellation_group_ids_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "cancellationGroupIds", "CancelShipment"
            ) from None

        location_id = d.pop("locationId", UNSET)

        reason = d.pop("reason", UNSET)

        shipment_id = d.pop("shipmentId", UNSET)

        cancel_shipment = cls(
            cancellation_group_ids=cancellation_group_ids,
            location_id=location_id,
            reason=reason,
            shipment_id=shipment_id,
        )

        cancel_shipment.additional_properties = d
        return cancel_shipment

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
