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

T = TypeVar("T", bound="FailureAttributes")


@_attrs_define
class FailureAttributes:
    """
    Attributes:
        new_delivery_date (datetime.datetime):
        reason (str | Unset):
        sub_reason (str | Unset):
    """

    new_delivery_date: datetime.datetime
    reason: str | Unset = UNSET
    sub_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        new_delivery_date = isoformat_as_received(self.new_delivery_date)

        reason = self.reason

        sub_reason = self.sub_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "newDeliveryDate": new_delivery_date,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if sub_reason is not UNSET:
            field_dict["subReason"] = sub_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "FailureAttributes"))
        new_delivery_date = parse_datetime(
            pop_required(d, "newDeliveryDate", "FailureAttributes")
        )

        reason = d.pop("reason", UNSET)

        sub_reason = d.pop("subReason", UNSET)

        failure_attributes = cls(
            new_delivery_date=new_delivery_date,
            reason=reason,
            sub_reason=sub_reason,
        )

        failure_attributes.additional_properties = d
        return failure_attributes

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
