# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.reverse_otc import ReverseOTC


T = TypeVar("T", bound="ReverseOTCResponse")


@_attrs_define
class ReverseOTCResponse:
    """
    Attributes:
        otcs (list[None | ReverseOTC] | None | Unset):
    """

    otcs: list[None | ReverseOTC] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reverse_otc import ReverseOTC

        otcs: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.otcs, Unset):
            otcs = UNSET
        elif isinstance(self.otcs, list):
            otcs = []
            for otcs_type_0_item_data in self.otcs:
                otcs_type_0_item: dict[str, Any] | None
                if isinstance(otcs_type_0_item_data, ReverseOTC):
                    otcs_type_0_item = otcs_type_0_item_data.to_dict()
                else:
                    otcs_type_0_item = otcs_type_0_item_data
                otcs.append(otcs_type_0_item)

        else:
            otcs = self.otcs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if otcs is not UNSET:
            field_dict["otcs"] = otcs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reverse_otc import ReverseOTC

        d = dict(require_object(src_dict, "ReverseOTCResponse"))
        _otcs_json = d.pop("otcs", UNSET)
        try:

            def _parse_otcs(data: object) -> list[None | ReverseOTC] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    otcs_type_0 = []
                    _otcs_type_0 = data
                    for otcs_type_0_index, otcs_type_0_item_data in enumerate(
                        _otcs_type_0
                    ):
                        try:

                            def _parse_otcs_type_0_item(
                                data: object,
                            ) -> None | ReverseOTC:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    otcs_type_0_item_type_1 = ReverseOTC.from_dict(data)

                                    return otcs_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | ReverseOTC, data)

                            otcs_type_0_item = _parse_otcs_type_0_item(
                                otcs_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                otcs_type_0_index, _payload_error.model
                            ) from None
                        otcs_type_0.append(otcs_type_0_item)

                    return otcs_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | ReverseOTC] | None | Unset, data)

            otcs = _parse_otcs(_otcs_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("otcs", "ReverseOTCResponse") from None

        reverse_otc_response = cls(
            otcs=otcs,
        )

        reverse_otc_response.additional_properties = d
        return reverse_otc_response

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
