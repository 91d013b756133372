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

T = TypeVar("T", bound="DatingLabel")


@_attrs_define
class DatingLabel:
    """
    Attributes:
        expiry_date (int | Unset):
        mfg_date (int | Unset):
        shelf_life (int | Unset):
    """

    expiry_date: int | Unset = UNSET
    mfg_date: int | Unset = UNSET
    shelf_life: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        expiry_date = self.expiry_date

        mfg_date = self.mfg_date

        shelf_life = self.shelf_life

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if expiry_date is not UNSET:
            field_dict["expiry_date"] = expiry_date
        if mfg_date is not UNSET:
            field_dict["mfg_date"] = mfg_date
        if shelf_life is not UNSET:
            field_dict["shelf_life"] = shelf_life

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "DatingLabel"))
        expiry_date = d.pop("expiry_date", UNSET)

        mfg_date = d.pop("mfg_date", UNSET)

        shelf_life = d.pop("shelf_life", UNSET)

        dating_label = cls(
            expiry_date=expiry_date,
            mfg_date=mfg_date,
            shelf_life=shelf_life,
        )

        dating_label.additional_properties = d
        return dating_label

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
