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

T = TypeVar("T", bound="ShipmentResponseStatusV2")


@_attrs_define
class ShipmentResponseStatusV2:
    """
    Attributes:
        error_code (None | str | Unset):
        error_message (None | str | Unset):
        processing_status (None | str | Unset):
        shipment_id (None | str | Unset):
    """

    error_code: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    processing_status: None | str | Unset = UNSET
    shipment_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        processing_status: None | str | Unset
        if isinstance(self.processing_status, Unset):
            processing_status = UNSET
        else:
            processing_status = self.processing_status

        shipment_id: None | str | Unset
        if isinstance(self.shipment_id, Unset):
            shipment_id = UNSET
        else:
            shipment_id = self.shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if processing_status is not UNSET:
            field_dict["processingStatus"] = processing_status
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "ShipmentResponseStatusV2"))
        _error_code_json = d.pop("errorCode", UNSET)
        try:

            def _parse_error_code(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            error_code = _parse_error_code(_error_code_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "errorCode", "ShipmentResponseStatusV2"
            ) from None

        _error_message_json = d.pop("errorMessage", UNSET)
        try:

            def _parse_error_message(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            error_message = _parse_error_message(_error_message_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "errorMessage", "ShipmentResponseStatusV2"
            ) from None

        _processing_status_json = d.pop("processingStatus", UNSET)
        try:

            def _parse_processing_status(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            processing_status = _parse_processing_status(_processing_status_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "processingStatus", "ShipmentResponseStatusV2"
            ) from None

        _shipment_id_json = d.pop("shipmentId", UNSET)
        try:

            def _parse_shipment_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            shipment_id = _parse_shipment_id(_shipment_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "shipmentId", "ShipmentResponseStatusV2"
            ) from None

        shipment_response_status_v2 = cls(
            error_code=error_code,
            error_message=error_message,
            processing_status=processing_status,
            shipment_id=shipment_id,
        )

        shipment_response_status_v2.additional_properties = d
        return shipment_response_status_v2

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
