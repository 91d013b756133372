# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

T = TypeVar("T", bound="Dimension")


@_attrs_define
class Dimension:
    """
    Attributes:
        breadth (float | None):
        height (float | None):
        length (float | None):
    """

    breadth: float | None
    height: float | None
    length: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        breadth: float | None
        breadth = self.breadth

        height: float | None
        height = self.height

        length: float | None
        length = self.length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "breadth": breadth,
                "height": height,
                "length": length,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Dimension"))
        _breadth_json = pop_required(d, "breadth", "Dimension")
        try:

            def _parse_breadth(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            breadth = _parse_breadth(_breadth_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("breadth", "Dimension") from None

        _height_json = pop_required(d, "height", "Dimension")
        try:

            def _parse_height(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            height = _parse_height(_height_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("height", "Dimension") from None

        _length_json = pop_required(d, "length", "Dimension")
        try:

            def _parse_length(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            length = _parse_length(_length_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("length", "Dimension") from None

        dimension = cls(
            breadth=breadth,
            height=height,
            length=length,
        )

        dimension.additional_properties = d
        return dimension

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
