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

T = TypeVar("T", bound="RequestStatus")


@_attrs_define
class RequestStatus:
    """
    Attributes:
        failure_reason (None | str | Unset):
        service_fulfilment_id (None | str | Unset):
        status (None | str | Unset):
    """

    failure_reason: None | str | Unset = UNSET
    service_fulfilment_id: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        service_fulfilment_id: None | str | Unset
        if isinstance(self.service_fulfilment_id, Unset):
            service_fulfilment_id = UNSET
        else:
            service_fulfilment_id = self.service_fulfilment_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if failure_reason is not UNSET:
            field_dict["failureReason"] = failure_reason
        if service_fulfilment_id is not UNSET:
            field_dict["serviceFulfilmentId"] = service_fulfilment_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "RequestStatus"))
        _failure_reason_json = d.pop("failureReason", UNSET)
        try:

            def _parse_failure_reason(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            failure_reason = _parse_failure_reason(_failure_reason_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("failureReason", "RequestStatus") from None

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
            raise _payload_error.within(
                "serviceFulfilmentId", "RequestStatus"
            ) from None

        _status_json = d.pop("status", UNSET)
        try:

            def _parse_status(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            status = _parse_status(_status_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("status", "RequestStatus") from None

        request_status = cls(
            failure_reason=failure_reason,
            service_fulfilment_id=service_fulfilment_id,
            status=status,
        )

        request_status.additional_properties = d
        return request_status

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
