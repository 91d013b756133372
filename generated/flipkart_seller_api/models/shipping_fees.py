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

T = TypeVar("T", bound="ShippingFees")


@_attrs_define
class ShippingFees:
    """
    Attributes:
        currency (None | str):
        local (int | None):
        national (int | None):
        zonal (int | None):
    """

    currency: None | str
    local: int | None
    national: int | None
    zonal: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        currency: None | str
        currency = self.currency

        local: int | None
        local = self.local

        national: int | None
        national = self.national

        zonal: int | None
        zonal = self.zonal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "local": local,
                "national": national,
                "zonal": zonal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "ShippingFees"))
        _currency_json = pop_required(d, "currency", "ShippingFees")
        try:

            def _parse_currency(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            currency = _parse_currency(_currency_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("currency", "ShippingFees") from None

        _local_json = pop_required(d, "local", "ShippingFees")
        try:

            def _parse_local(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            local = _parse_local(_local_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("local", "ShippingFees") from None

        _national_json = pop_required(d, "national", "ShippingFees")
        try:

            def _parse_national(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            national = _parse_national(_national_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("national", "ShippingFees") from None

        _zonal_json = pop_required(d, "zonal", "ShippingFees")
        try:

            def _parse_zonal(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            zonal = _parse_zonal(_zonal_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("zonal", "ShippingFees") from None

        shipping_fees = cls(
            currency=currency,
            local=local,
            national=national,
            zonal=zonal,
        )

        shipping_fees.additional_properties = d
        return shipping_fees

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
