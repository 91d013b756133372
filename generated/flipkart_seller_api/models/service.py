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

T = TypeVar("T", bound="Service")


@_attrs_define
class Service:
    """
    Attributes:
        created_at (None | str | Unset):
        service_by_date (None | str | Unset):
        service_fulfilment_id (None | str | Unset):
    """

    created_at: None | str | Unset = UNSET
    service_by_date: None | str | Unset = UNSET
    service_fulfilment_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        service_by_date: None | str | Unset
        if isinstance(self.service_by_date, Unset):
            service_by_date = UNSET
        else:
            service_by_date = self.service_by_date

        service_fulfilment_id: None | str | Unset
        if isinstance(self.service_fulfilment_id, Unset):
            service_fulfilment_id = UNSET
        else:
            service_fulfilment_id = self.service_fulfilment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if service_by_date is not UNSET:
            field_dict["serviceByDate"] = service_by_date
        if service_fulfilment_id is not UNSET:
            field_dict["serviceFulfilmentId"] = service_fulfilment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Service"))
        _created_at_json = d.pop("createdAt", UNSET)
        try:

            def _parse_created_at(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            created_at = _parse_created_at(_created_at_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("createdAt", "Service") from None

        _service_by_date_json = d.pop("serviceByDate", UNSET)
        try:

            def _parse_service_by_date(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            service_by_date = _parse_service_by_date(_service_by_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("serviceByDate", "Service") from None

        _service_fulfilment_id_json = d.pop("serviceFulfilmentId", UNSET)
        try:

            def _parse_service_fulfilment_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            service_fulfilment_id = _parse_service_fulfilment_id(
                _service_fulfilment_id_json
            )

        except PayloadError as _payload_error:
            raise _payload_error.within("serviceFulfilmentId", "Service") from None

        service = cls(
            created_at=created_at,
            service_by_date=service_by_date,
            service_fulfilment_id=service_fulfilment_id,
        )

        service.additional_properties = d
        return service

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
