# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SelfShipReturnPickupRequest")


@_attrs_define
class SelfShipReturnPickupRequest:
    """
    Attributes:
        pickup_date (datetime.datetime):
        return_id (str | Unset):
    """

    pickup_date: datetime.datetime
    return_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pickup_date = self.pickup_date.isoformat()

        return_id = self.return_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pickupDate": pickup_date,
            }
        )
        if return_id is not UNSET:
            field_dict["returnId"] = return_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pickup_date = datetime.datetime.fromisoformat(d.pop("pickupDate"))

        return_id = d.pop("returnId", UNSET)

        self_ship_return_pickup_request = cls(
            pickup_date=pickup_date,
            return_id=return_id,
        )

        self_ship_return_pickup_request.additional_properties = d
        return self_ship_return_pickup_request

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
