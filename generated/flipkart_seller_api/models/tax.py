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

T = TypeVar("T", bound="Tax")


@_attrs_define
class Tax:
    """
    Attributes:
        hsn (None | str):
        goods_services_rate (float | None | Unset):
        is_gst_sellable (bool | None | Unset):
        luxury_cess_percentage (float | None | Unset):
        tax_code (None | str | Unset):
    """

    hsn: None | str
    goods_services_rate: float | None | Unset = UNSET
    is_gst_sellable: bool | None | Unset = UNSET
    luxury_cess_percentage: float | None | Unset = UNSET
    tax_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        hsn: None | str
        hsn = self.hsn

        goods_services_rate: float | None | Unset
        if isinstance(self.goods_services_rate, Unset):
            goods_services_rate = UNSET
        else:
            goods_services_rate = self.goods_services_rate

        is_gst_sellable: bool | None | Unset
        if isinstance(self.is_gst_sellable, Unset):
            is_gst_sellable = UNSET
        else:
            is_gst_sellable = self.is_gst_sellable

        luxury_cess_percentage: float | None | Unset
        if isinstance(self.luxury_cess_percentage, Unset):
            luxury_cess_percentage = UNSET
        else:
            luxury_cess_percentage = self.luxury_cess_percentage

        tax_code: None | str | Unset
        if isinstance(self.tax_code, Unset):
            tax_code = UNSET
        else:
            tax_code = self.tax_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hsn": hsn,
            }
        )
        if goods_services_rate is not UNSET:
            field_dict["goods_services_rate"] = goods_services_rate
        if is_gst_sellable is not UNSET:
            field_dict["is_gst_sellable"] = is_gst_sellable
        if luxury_cess_percentage is not UNSET:
            field_dict["luxury_cess_percentage"] = luxury_cess_percentage
        if tax_code is not UNSET:
            field_dict["tax_code"] = tax_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Tax"))
        _hsn_json = pop_required(d, "hsn", "Tax")
        try:

            def _parse_hsn(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            hsn = _parse_hsn(_hsn_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("hsn", "Tax") from None

        _goods_services_rate_json = d.pop("goods_services_rate", UNSET)
        try:

            def _parse_goods_services_rate(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            goods_services_rate = _parse_goods_services_rate(_goods_services_rate_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("goods_services_rate", "Tax") from None

        _is_gst_sellable_json = d.pop("is_gst_sellable", UNSET)
        try:

            def _parse_is_gst_sellable(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            is_gst_sellable = _parse_is_gst_sellable(_is_gst_sellable_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("is_gst_sellable", "Tax") from None

        _luxury_cess_percentage_json = d.pop("luxury_cess_percentage", UNSET)
        try:

            def _parse_luxury_cess_percentage(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            luxury_cess_percentage = _parse_luxury_cess_percentage(
                _luxury_cess_percentage_json
            )

        except PayloadError as _payload_error:
            raise _payload_error.within("luxury_cess_percentage", "Tax") from None

        _tax_code_json = d.pop("tax_code", UNSET)
        try:

            def _parse_tax_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            tax_code = _parse_tax_code(_tax_code_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("tax_code", "Tax") from None

        tax = cls(
            hsn=hsn,
            goods_services_rate=goods_services_rate,
            is_gst_sellable=is_gst_sellable,
            luxury_cess_percentage=luxury_cess_percentage,
            tax_code=tax_code,
        )

        tax.additional_properties = d
        return tax

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
