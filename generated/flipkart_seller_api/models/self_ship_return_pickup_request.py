# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

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

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        pickup_date = isoformat_as_received(self.pickup_date)

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
        d = dict(require_object(src_dict, "SelfShipReturnPickupRequest"))
        pickup_date = parse_datetime(
            pop_required(d, "pickupDate", "SelfShipReturnPickupRequest")
        )

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
