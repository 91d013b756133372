# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object
from ..models.location_status import LocationStatus

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Location")


@_attrs_define
class Location:
    """
    Attributes:
        id (None | str):
        inventory (int | None | Unset):
        pending_inventory (int | None | Unset):
        status (LocationStatus | Unset):
    """

    id: None | str
    inventory: int | None | Unset = UNSET
    pending_inventory: int | None | Unset = UNSET
    status: LocationStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id: None | str
        id = self.id

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if inventory is not UNSET:
            field_dict["inventory"] = inventory
        if pending_inventory is not UNSET:
            field_dict["pending_inventory"] = pending_inventory
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Location"))
        _id_json = pop_required(d, "id", "Location")
        try:

            def _parse_id(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            id = _parse_id(_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("id", "Location") from None

        _inventory_json = d.pop("inventory", UNSET)
        try:

            def _parse_inventory(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            inventory = _parse_inventory(_inventory_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("inventory", "Location") from None

        _pending_inventory_json = d.pop("pending_inventory", UNSET)
        try:

            def _parse_pending_inventory(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            pending_inventory = _parse_pending_inventory(_pending_inventory_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("pending_inventory", "Location") from None

        _status = d.pop("status", UNSET)
        status: LocationStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LocationStatus(_status)

        location = cls(
            id=id,
            inventory=inventory,
            pending_inventory=pending_inventory,
            status=status,
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
