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

T = TypeVar("T", bound="SerialNumber")


@_attrs_define
class SerialNumber:
    """
    Attributes:
        order_item_id (str | Unset):
        serial_numbers (list[list[str]] | Unset):
    """

    order_item_id: str | Unset = UNSET
    serial_numbers: list[list[str]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        order_item_id = self.order_item_id

        serial_numbers: list[list[str]] | Unset = UNSET
        if not isinstance(self.serial_numbers, Unset):
            serial_numbers = []
            for serial_numbers_item_data in self.serial_numbers:
                serial_numbers_item = serial_numbers_item_data

                serial_numbers.append(serial_numbers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_item_id is not UNSET:
            field_dict["orderItemId"] = order_item_id
        if serial_numbers is not UNSET:
            field_dict["serialNumbers"] = serial_numbers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "SerialNumber"))
        order_item_id = d.pop("orderItemId", UNSET)

        _serial_numbers_json = d.pop("serialNumbers", UNSET)
        try:
            _serial_numbers = _serial_numbers_json
            serial_numbers: list[list[str]] | Unset = UNSET
            if _serial_numbers is not UNSET:
                serial_numbers = []
                for serial_numbers_index, serial_numbers_item_data in enumerate(
                    _serial_numbers
                ):
                    try:
                        serial_numbers_item = cast(list[str], serial_numbers_item_data)

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            serial_numbers_index, _payload_error.model
                        ) from None
                    serial_numbers.append(serial_numbers_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("serialNumbers", "SerialNumber") from None

        serial_number = cls(
            order_item_id=order_item_id,
            serial_numbers=serial_numbers,
        )

        serial_number.additional_properties = d
        return serial_number

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
