# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

if TYPE_CHECKING:
    from ..models.failure_attributes import FailureAttributes


T = TypeVar("T", bound="DeliverAttemptRequest")


@_attrs_define
class DeliverAttemptRequest:
    """
    Attributes:
        delivery_date (datetime.datetime):
        failure_attributes (FailureAttributes | Unset):
        location_id (str | Unset):
        shipment_id (str | Unset):
    """

    delivery_date: datetime.datetime
    failure_attributes: FailureAttributes | Unset = UNSET
    location_id: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        delivery_date = isoformat_as_received(self.delivery_date)

        failure_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.failure_attributes, Unset):
            failure_attributes = self.failure_attributes.to_dict()

        location_id = self.location_id

        shipment_id = self.shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deliveryDate": delivery_date,
            }
        )
        if failure_attributes is not UNSET:
            field_dict["failureAttributes"] = failure_attributes
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.failure_attributes import FailureAttributes

        d = dict(require_object(src_dict, "DeliverAttemptRequest"))
        delivery_date = parse_datetime(
            pop_required(d, "deliveryDate", "DeliverAttemptRequest")
        )

        _failure_attributes_json = d.pop("failureAttributes", UNSET)
        try:
            _failure_attributes = _failure_attributes_json
            failure_attributes: FailureAttributes | Unset
            if isinstance(_failure_attributes, Unset):
                failure_attributes = UNSET
            else:
                failure_attributes = FailureAttributes.from_dict(_failure_attributes)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "failureAttributes", "DeliverAttemptRequest"
            ) from None

        location_id = d.pop("locationId", UNSET)

        shipment_id = d.pop("shipmentId", UNSET)

        deliver_attempt_request = cls(
            delivery_date=delivery_date,
            failure_attributes=failure_attributes,
            location_id=location_id,
            shipment_id=shipment_id,
        )

        deliver_attempt_request.additional_properties = d
        return deliver_attempt_request

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
