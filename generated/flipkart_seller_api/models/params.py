# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.pick_up_date import PickUpDate


T = TypeVar("T", bound="Params")


@_attrs_define
class Params:
    """
    Attributes:
        vendor_group_code (str):
        is_mps (bool | Unset):
        location_id (str | Unset):
        pickup_date (PickUpDate | Unset):
    """

    vendor_group_code: str
    is_mps: bool | Unset = UNSET
    location_id: str | Unset = UNSET
    pickup_date: PickUpDate | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        vendor_group_code = self.vendor_group_code

        is_mps = self.is_mps

        location_id = self.location_id

        pickup_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup_date, Unset):
            pickup_date = self.pickup_date.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vendorGroupCode": vendor_group_code,
            }
        )
        if is_mps is not UNSET:
            field_dict["is_mps"] = is_mps
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if pickup_date is not UNSET:
            field_dict["pickupDate"] = pickup_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pick_up_date import PickUpDate

        d = dict(require_object(src_dict, "Params"))
        vendor_group_code = pop_required(d, "vendorGroupCode", "Params")

        is_mps = d.pop("is_mps", UNSET)

        location_id = d.pop("locationId", UNSET)

        _pickup_date_json = d.pop("pickupDate", UNSET)
        try:
            _pickup_date = _pickup_date_json
            pickup_date: PickUpDate | Unset
            if isinstance(_pickup_date, Unset):
                pickup_date = UNSET
            else:
                pickup_date = PickUpDate.from_dict(_pickup_date)

        except PayloadError as _payload_error:
            raise _payload_error.within("pickupDate", "Params") from None

        params = cls(
            vendor_group_code=vendor_group_code,
            is_mps=is_mps,
            location_id=location_id,
            pickup_date=pickup_date,
        )

        params.additional_properties = d
        return params

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
