# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object
from ..models.notional_value_unit import NotionalValueUnit

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

T = TypeVar("T", bound="NotionalValue")


@_attrs_define
class NotionalValue:
    """
    Attributes:
        amount (float | None):
        unit (NotionalValueUnit):
    """

    amount: float | None
    unit: NotionalValueUnit
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        amount: float | None
        amount = self.amount

        unit = self.unit.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "NotionalValue"))
        _amount_json = pop_required(d, "amount", "NotionalValue")
        try:

            def _parse_amount(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            amount = _parse_amount(_amount_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("amount", "NotionalValue") from None

        unit = NotionalValueUnit(pop_required(d, "unit", "NotionalValue"))

        notional_value = cls(
            amount=amount,
            unit=unit,
        )

        notional_value.additional_properties = d
        return notional_value

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
