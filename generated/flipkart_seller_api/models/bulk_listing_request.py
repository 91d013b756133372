# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.bulk_listing_filter import BulkListingFilter


T = TypeVar("T", bound="BulkListingRequest")


@_attrs_define
class BulkListingRequest:
    """
    Attributes:
        filters (BulkListingFilter | Unset):
        page_id (str | Unset):
    """

    filters: BulkListingFilter | Unset = UNSET
    page_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        page_id = self.page_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filters is not UNSET:
            field_dict["filters"] = filters
        if page_id is not UNSET:
            field_dict["page_id"] = page_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bulk_listing_filter import BulkListingFilter

        d = dict(require_object(src_dict, "BulkListingRequest"))
        _filters_json = d.pop("filters", UNSET)
        try:
            _filters = _filters_json
            filters: BulkListingFilter | Unset
            if isinstance(_filters, Unset):
                filters = UNSET
            else:
                filters = BulkListingFilter.from_dict(_filters)

        except PayloadError as _payload_error:
            raise _payload_error.within("filters", "BulkListingRequest") from None

        page_id = d.pop("page_id", UNSET)

        bulk_listing_request = cls(
            filters=filters,
            page_id=page_id,
        )

        bulk_listing_request.additional_properties = d
        return bulk_listing_request

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
