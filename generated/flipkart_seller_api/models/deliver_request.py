# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

T = TypeVar("T", bound="DeliverRequest")


@_attrs_define
class DeliverRequest:
    """
    Attributes:
        delivery_date (datetime.datetime):
        location_id (str | Unset):
        shipment_id (str | Unset):
    """

    delivery_date: datetime.datetime
    location_id: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        delivery_date = isoformat_as_received(self.delivery_date)

        location_id = self.location_id

        shipment_id = self.shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deliveryDate": delivery_date,
            }
        )
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "DeliverRequest"))
        delivery_date = parse_datetime(
            pop_required(d, "deliveryDate", "DeliverRequest")
        )

        location_id = d.pop("locationId", UNSET)

        shipment_id = d.pop("shipmentId", UNSET)

        deliver_request = cls(
            delivery_date=delivery_date,
            location_id=location_id,
            shipment_id=shipment_id,
        )

        deliver_request.additional_properties = d
        return deliver_request

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
