# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="SelfShipReturnCancellationRequest")


@_attrs_define
class SelfShipReturnCancellationRequest:
    """
    Attributes:
        return_ids (list[str]):
        location_id (str | Unset):
    """

    return_ids: list[str]
    location_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        return_ids = self.return_ids

        location_id = self.location_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "returnIds": return_ids,
            }
        )
        if location_id is not UNSET:
            field_dict["locationId"] = location_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "SelfShipReturnCancellationRequest"))
        _return_ids_json = pop_required(
            d, "returnIds", "SelfShipReturnCancellationRequest"
        )
        try:
            return_ids = cast(list[str], _return_ids_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "returnIds", "SelfShipReturnCancellationRequest"
            ) from None

        location_id = d.pop("locationId", UNSET)

        self_ship_return_cancellation_request = cls(
            return_ids=return_ids,
            location_id=location_id,
        )

        self_ship_return_cancellation_request.additional_properties = d
        return self_ship_return_cancellation_request

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
