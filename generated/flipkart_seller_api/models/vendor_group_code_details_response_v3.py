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
    from ..models.otc import Otc
    from ..models.pick_up_date import PickUpDate


T = TypeVar("T", bound="VendorGroupCodeDetailsResponseV3")


@_attrs_define
class VendorGroupCodeDetailsResponseV3:
    """
    Attributes:
        count (int | None | Unset):
        is_mps (bool | None | Unset):
        otc (None | Otc | Unset):
        pick_up_date (None | PickUpDate | Unset):
        vendor_group_code (None | str | Unset):
    """

    count: int | None | Unset = UNSET
    is_mps: bool | None | Unset = UNSET
    otc: None | Otc | Unset = UNSET
    pick_up_date: None | PickUpDate | Unset = UNSET
    vendor_group_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.otc import Otc
        from ..models.pick_up_date import PickUpDate

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        is_mps: bool | None | Unset
        if isinstance(self.is_mps, Unset):
            is_mps = UNSET
        else:
            is_mps = self.is_mps

        otc: dict[str, Any] | None | Unset
        if isinstance(self.otc, Unset):
            otc = UNSET
        elif isinstance(self.otc, Otc):
            otc = self.otc.to_dict()
        else:
            otc = self.otc

        pick_up_date: dict[str, Any] | None | Unset
        if isinstance(self.pick_up_date, Unset):
            pick_up_date = UNSET
        elif isinstance(self.pick_up_date, PickUpDate):
            pick_up_date = self.pick_up_date.to_dict()
        else:
            pick_up_date = self.pick_up_date

        vendor_group_code: None | str | Unset
        if isinstance(self.vendor_group_code, Unset):
            vendor_group_code = UNSET
        else:
            vendor_group_code = self.vendor_group_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if is_mps is not UNSET:
            field_dict["isMps"] = is_mps
        if otc is not UNSET:
            field_dict["otc"] = otc
        if pick_up_date is not UNSET:
            field_dict["pickUpDate"] = pick_up_date
        if vendor_group_code is not UNSET:
            field_dict["vendorGroupCode"] = vendor_group_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.otc import Otc
        from ..models.pick_up_date import PickUpDate

        d = dict(require_object(src_dict, "VendorGroupCodeDetailsResponseV3"))
        _count_json = d.pop("count", UNSET)
        try:

            def _parse_count(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            count = _parse_count(_count_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "count", "VendorGroupCodeDetailsResponseV3"
            ) from None

        _is_mps_json = d.pop("isMps", UNSET)
        try:

            def _parse_is_mps(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            is_mps = _parse_is_mps(_is_mps_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "isMps", "VendorGroupCodeDetailsResponseV3"
            ) from None

        _otc_json = d.pop("otc", UNSET)
        try:

            def _parse_otc(data: object) -> None | Otc | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    otc_type_1 = Otc.from_dict(data)

                    return otc_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Otc | Unset, data)

            otc = _parse_otc(_otc_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "otc", "VendorGroupCodeDetailsResponseV3"
            ) from None

        _pick_up_date_json = d.pop("pickUpDate", UNSET)
        try:

            def _parse_pick_up_date(data: object) -> None | PickUpDate | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    pick_up_date_type_1 = PickUpDate.from_dict(data)

                    return pick_up_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | PickUpDate | Unset, data)

            pick_up_date = _parse_pick_up_date(_pick_up_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "pickUpDate", "VendorGroupCodeDetailsResponseV3"
            ) from None

        _vendor_group_code_json = d.pop("vendorGroupCode", UNSET)
        try:

            def _parse_vendor_group_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            vendor_group_code = _parse_vendor_group_code(_vendor_group_code_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "vendorGroupCode", "VendorGroupCodeDetailsResponseV3"
            ) from None

        vendor_group_code_details_response_v3 = cls(
            count=count,
            is_mps=is_mps,
            otc=otc,
            pick_up_date=pick_up_date,
            vendor_group_code=vendor_group_code,
        )

        vendor_group_code_details_response_v3.additional_properties = d
        return vendor_group_code_details_response_v3

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
