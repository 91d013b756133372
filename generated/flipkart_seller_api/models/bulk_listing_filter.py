# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import require_object
from ..models.bulk_listing_filter_lisitng_status import BulkListingFilterLisitngStatus

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BulkListingFilter")


@_attrs_define
class BulkListingFilter:
    """
    Attributes:
        lisitng_status (BulkListingFilterLisitngStatus | Unset):
    """

    lisitng_status: BulkListingFilterLisitngStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        lisitng_status: str | Unset = UNSET
        if not isinstance(self.lisitng_status, Unset):
            lisitng_status = self.lisitng_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if lisitng_status is not UNSET:
            field_dict["lisitng_status"] = lisitng_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "BulkListingFilter"))
        _lisitng_status = d.pop("lisitng_status", UNSET)
        lisitng_status: BulkListingFilterLisitngStatus | Unset
        if isinstance(_lisitng_status, Unset):
            lisitng_status = UNSET
        else:
            lisitng_status = BulkListingFilterLisitngStatus(_lisitng_status)

        bulk_listing_filter = cls(
            lisitng_status=lisitng_status,
        )

        bulk_listing_filter.additional_properties = d
        return bulk_listing_filter

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
