# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.get_marketplace_listing_details_response_available_type_0 import (
        GetMarketplaceListingDetailsResponseAvailableType0,
    )


T = TypeVar("T", bound="GetMarketplaceListingDetailsResponse")


@_attrs_define
class GetMarketplaceListingDetailsResponse:
    """
    Attributes:
        available (GetMarketplaceListingDetailsResponseAvailableType0 | None):
        invalid (list[None | str] | None | Unset):
        unavailable (list[None | str] | None | Unset):
    """

    available: GetMarketplaceListingDetailsResponseAvailableType0 | None
    invalid: list[None | str] | None | Unset = UNSET
    unavailable: list[None | str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.get_marketplace_listing_details_response_available_type_0 import (
            GetMarketplaceListingDetailsResponseAvailableType0,
        )

        available: dict[str, Any] | None
        if isinstance(
            self.available, GetMarketplaceListingDetailsResponseAvailableType0
        ):
            available = self.available.to_dict()
        else:
            available = self.available

        invalid: list[None | str] | None | Unset
        if isinstance(self.invalid, Unset):
            invalid = UNSET
        elif isinstance(self.invalid, list):
            invalid = []
            for invalid_type_0_item_data in self.invalid:
                invalid_type_0_item: None | str
                invalid_type_0_item = invalid_type_0_item_data
                invalid.append(invalid_type_0_item)

        else:
            invalid = self.invalid

        unavailable: list[None | str] | None | Unset
        if isinstance(self.unavailable, Unset):
            unavailable = UNSET
        elif isinstance(self.unavailable, list):
            unavailable = []
            for unavailable_type_0_item_data in self.unavailable:
                unavailable_type_0_item: None | str
                unavailable_type_0_item = unavailable_type_0_item_data
                unavailable.append(unavailable_type_0_item)

        else:
            unavailable = self.unavailable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
            }
        )
        if invalid is not UNSET:
            field_dict["invalid"] = invalid
        if unavailable is not UNSET:
            field_dict["unavailable"] = unavailable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_marketplace_listing_details_response_available_type_0 import (
            GetMarketplaceListingDetailsResponseAvailableType0,
        )

        d = dict(require_object(src_dict, "GetMarketplaceListingDetailsResponse"))
        _available_json = pop_required(
            d, "available", "GetMarketplaceListingDetailsResponse"
        )
        try:

            def _parse_available(
                data: object,
            ) -> GetMarketplaceListingDetailsResponseAvailableType0 | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    available_type_0 = (
                        GetMarketplaceListingDetailsResponseAvailableType0.from_dict(
                            data
                        )
                    )

                    return available_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    GetMarketplaceListingDetailsResponseAvailableType0 | None, data
                )

            available = _parse_available(_available_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "available", "GetMarketplaceListingDetailsResponse"
            ) from None

        _invalid_json = d.pop("invalid", UNSET)
        try:

            def _parse_invalid(data: object) -> list[None | str] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    invalid_type_0 = []
                    _invalid_type_0 = data
                    for invalid_type_0_index, invalid_type_0_item_data in enumerate(
                        _invalid_type_0
                    ):
                        try:

                            def _parse_invalid_type_0_item(data: object) -> None | str:
                                if data is None:
                                    return data
                                return cast(None | str, data)

                            invalid_type_0_item = _parse_invalid_type_0_item(
                                invalid_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                invalid_type_0_index, _payload_error.model
                            ) from None
                        invalid_type_0.append(invalid_type_0_item)

                    return invalid_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | str] | None | Unset, data)

            invalid = _parse_invalid(_invalid_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "invalid", "GetMarketplaceListingDetailsResponse"
            ) from None

        _unavailable_json = d.pop("unavailable", UNSET)
        try:

            def _parse_unavailable(data: object) -> list[None | str] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    unavailable_type_0 = []
                    _unavailable_type_0 = data
                    for (
                        unavailable_type_0_index,
                        unavailable_type_0_item_data,
                    ) in enumerate(_unavailable_type_0):
                        try:

                            def _parse_unavailable_type_0_item(
                                data: object,
                            ) -> None | str:
                                if data is None:
                                    return data
                                return cast(None | str, data)

                            unavailable_type_0_item = _parse_unavailable_type_0_item(
                                unavailable_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                unavailable_type_0_index, _payload_error.model
                            ) from None
                        unavailable_type_0.append(unavailable_type_0_item)

                    return unavailable_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | str] | None | Unset, data)

            unavailable = _parse_unavailable(_unavailable_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "unavailable", "GetMarketplaceListingDetailsResponse"
            ) from None

        get_marketplace_listing_details_response = cls(
            available=available,
            invalid=invalid,
            unavailable=unavailable,
        )

        get_marketplace_listing_details_response.additional_properties = d
        return get_marketplace_listing_details_response

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
