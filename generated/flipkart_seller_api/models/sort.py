# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import require_object
from ..models.sort_field import SortField
from ..models.sort_order import SortOrder

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Sort")


@_attrs_define
class Sort:
    """
    Attributes:
        field (SortField | Unset):
        order (SortOrder | Unset):
    """

    field: SortField | Unset = UNSET
    order: SortOrder | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field: str | Unset = UNSET
        if not isinstance(self.field, Unset):
            field = self.field.value

        order: str | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if order is not UNSET:
            field_dict["order"] = order

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Sort"))
        _field = d.pop("field", UNSET)
        field: SortField | Unset
        if isinstance(_field, Unset):
            field = UNSET
        else:
            field = SortField(_field)

        _order = d.pop("order", UNSET)
        order: SortOrder | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = SortOrder(_order)

        sort = cls(
            field=field,
            order=order,
        )

        sort.additional_properties = d
        return sort

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
