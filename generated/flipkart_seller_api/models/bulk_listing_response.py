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
    from ..models.bulk_listing import BulkListing


T = TypeVar("T", bound="BulkListingResponse")


@_attrs_define
class BulkListingResponse:
    """
    Attributes:
        has_more (bool | None | Unset):
        listings (BulkListing | None | Unset):
        next_page_id (None | str | Unset):
    """

    has_more: bool | None | Unset = UNSET
    listings: BulkListing | None | Unset = UNSET
    next_page_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bulk_listing import BulkListing

        has_more: bool | None | Unset
        if isinstance(self.has_more, Unset):
            has_more = UNSET
        else:
            has_more = self.has_more

        listings: dict[str, Any] | None | Unset
        if isinstance(self.listings, Unset):
            listings = UNSET
        elif isinstance(self.listings, BulkListing):
            listings = self.listings.to_dict()
        else:
            listings = self.listings

        next_page_id: None | str | Unset
        if isinstance(self.next_page_id, Unset):
            next_page_id = UNSET
        else:
            next_page_id = self.next_page_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if listings is not UNSET:
            field_dict["listings"] = listings
        if next_page_id is not UNSET:
            field_dict["next_page_id"] = next_page_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bulk_listing import BulkListing

        d = dict(require_object(src_dict, "BulkListingResponse"))
        _has_more_json = d.pop("has_more", UNSET)
        try:

            def _parse_has_more(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            has_more = _parse_has_more(_has_more_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("has_more", "BulkListingResponse") from None

        _listings_json = d.pop("listings", UNSET)
        try:

            def _parse_listings(data: object) -> BulkListing | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    listings_type_1 = BulkListing.from_dict(data)

                    return listings_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(BulkListing | None | Unset, data)

            listings = _parse_listings(_listings_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("listings", "BulkListingResponse") from None

        _next_page_id_json = d.pop("next_page_id", UNSET)
        try:

            def _parse_next_page_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            next_page_id = _parse_next_page_id(_next_page_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("next_page_id", "BulkListingResponse") from None

        bulk_listing_response = cls(
            has_more=has_more,
            listings=listings,
            next_page_id=next_page_id,
        )

        bulk_listing_response.additional_properties = d
        return bulk_listing_response

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
