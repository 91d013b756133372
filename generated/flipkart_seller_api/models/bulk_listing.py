# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BulkListing")


@_attrs_define
class BulkListing:
    """
    Attributes:
        listing_id (None | str | Unset):
        product_id (None | str | Unset):
        sku_id (None | str | Unset):
    """

    listing_id: None | str | Unset = UNSET
    product_id: None | str | Unset = UNSET
    sku_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        listing_id: None | str | Unset
        if isinstance(self.listing_id, Unset):
            listing_id = UNSET
        else:
            listing_id = self.listing_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        sku_id: None | str | Unset
        if isinstance(self.sku_id, Unset):
            sku_id = UNSET
        else:
            sku_id = self.sku_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if listing_id is not UNSET:
            field_dict["listing_id"] = listing_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if sku_id is not UNSET:
            field_dict["sku_id"] = sku_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "BulkListing"))
        _listing_id_json = d.pop("listing_id", UNSET)
        try:

            def _parse_listing_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            listing_id = _parse_listing_id(_listing_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("listing_id", "BulkListing") from None

        _product_id_json = d.pop("product_id", UNSET)
        try:

            def _parse_product_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            product_id = _parse_product_id(_product_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("product_id", "BulkListing") from None

        _sku_id_json = d.pop("sku_id", UNSET)
        try:

            def _parse_sku_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            sku_id = _parse_sku_id(_sku_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("sku_id", "BulkListing") from None

        bulk_listing = cls(
            listing_id=listing_id,
            product_id=product_id,
            sku_id=sku_id,
        )

        bulk_listing.additional_properties = d
        return bulk_listing

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
