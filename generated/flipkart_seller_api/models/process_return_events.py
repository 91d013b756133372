# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ProcessReturnEvents")


@_attrs_define
class ProcessReturnEvents:
    """
    Attributes:
        event_type (str | Unset):
        order_item_id (str | Unset):
    """

    event_type: str | Unset = UNSET
    order_item_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        order_item_id = self.order_item_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if order_item_id is not UNSET:
            field_dict["orderItemId"] = order_item_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "ProcessReturnEvents"))
        event_type = d.pop("eventType", UNSET)

        order_item_id = d.pop("orderItemId", UNSET)

        process_return_events = cls(
            event_type=event_type,
            order_item_id=order_item_id,
        )

        process_return_events.additional_properties = d
        return process_return_events

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
