# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SelfShipReturnAttemptPickupRequest")


@_attrs_define
class SelfShipReturnAttemptPickupRequest:
    """
    Attributes:
        new_pickup_date (datetime.datetime):
        pickup_date (datetime.datetime):
        reason (str | Unset):
        return_id (str | Unset):
    """

    new_pickup_date: datetime.datetime
    pickup_date: datetime.datetime
    reason: str | Unset = UNSET
    return_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new_pickup_date = self.new_pickup_date.isoformat()

        pickup_date = self.pickup_date.isoformat()

        reason = self.reason

        return_id = self.return_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "newPickupDate": new_pickup_date,
                "pickupDate": pickup_date,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if return_id is not UNSET:
            field_dict["returnId"] = return_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        new_pickup_date = datetime.datetime.fromisoformat(d.pop("newPickupDate"))

        pickup_date = datetime.datetime.fromisoformat(d.pop("pickupDate"))

        reason = d.pop("reason", UNSET)

        return_id = d.pop("returnId", UNSET)

        self_ship_return_attempt_pickup_request = cls(
            new_pickup_date=new_pickup_date,
            pickup_date=pickup_date,
            reason=reason,
            return_id=return_id,
        )

        self_ship_return_attempt_pickup_request.additional_properties = d
        return self_ship_return_attempt_pickup_request

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
