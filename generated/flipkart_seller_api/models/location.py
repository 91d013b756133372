# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.location_status import LocationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Location")


@_attrs_define
class Location:
    """
    Attributes:
        id (None | str):
        status (LocationStatus):
        inventory (int | None | Unset):
        pending_inventory (int | None | Unset):
    """

    id: None | str
    status: LocationStatus
    inventory: int | None | Unset = UNSET
    pending_inventory: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str
        id = self.id

        status = self.status.value

        inventory: int | None | Unset
        if isinstance(self.inventory, Unset):
            inventory = UNSET
        else:
            inventory = self.inventory

        pending_inventory: int | None | Unset
        if isinstance(self.pending_inventory, Unset):
            pending_inventory = UNSET
        else:
            pending_inventory = self.pending_inventory

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if inventory is not UNSET:
            field_dict["inventory"] = inventory
        if pending_inventory is not UNSET:
            field_dict["pending_inventory"] = pending_inventory

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        status = LocationStatus(d.pop("status"))

        def _parse_inventory(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        inventory = _parse_inventory(d.pop("inventory", UNSET))

        def _parse_pending_inventory(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pending_inventory = _parse_pending_inventory(d.pop("pending_inventory", UNSET))

        location = cls(
            id=id,
            status=status,
            inventory=inventory,
            pending_inventory=pending_inventory,
        )

        location.additional_properties = d
        return location

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
