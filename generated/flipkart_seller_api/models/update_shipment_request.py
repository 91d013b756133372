# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

T = TypeVar("T", bound="UpdateShipmentRequest")


@_attrs_define
class UpdateShipmentRequest:
    """
    Attributes:
        delivery_partner (str | Unset):
        seller_id (str | Unset):
        shipment_id (str | Unset):
        tentative_delivery_date (datetime.datetime | Unset):
        tracking_id (str | Unset):
    """

    delivery_partner: str | Unset = UNSET
    seller_id: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    tentative_delivery_date: datetime.datetime | Unset = UNSET
    tracking_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        delivery_partner = self.delivery_partner

        seller_id = self.seller_id

        shipment_id = self.shipment_id

        tentative_delivery_date: str | Unset = UNSET
        if not isinstance(self.tentative_delivery_date, Unset):
            tentative_delivery_date = isoformat_as_received(
                self.tentative_delivery_date
            )

        tracking_id = self.tracking_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if delivery_partner is not UNSET:
            field_dict["delivery_partner"] = delivery_partner
        if seller_id is not UNSET:
            field_dict["seller_id"] = seller_id
        if shipment_id is not UNSET:
            field_dict["shipment_id"] = shipment_id
        if tentative_delivery_date is not UNSET:
            field_dict["tentative_delivery_date"] = tentative_delivery_date
        if tracking_id is not UNSET:
            field_dict["tracking_id"] = tracking_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "UpdateShipmentRequest"))
        delivery_partner = d.pop("delivery_partner", UNSET)

        seller_id = d.pop("seller_id", UNSET)

        shipment_id = d.pop("shipment_id", UNSET)

        _tentative_delivery_date = d.pop("tentative_delivery_date", UNSET)
        tentative_delivery_date: datetime.datetime | Unset
        if isinstance(_tentative_delivery_date, Unset):
            tentative_delivery_date = UNSET
        else:
            tentative_delivery_date = parse_datetime(_tentative_delivery_date)

        tracking_id = d.pop("tracking_id", UNSET)

        update_shipment_request = cls(
            delivery_partner=delivery_partner,
            seller_id=seller_id,
            shipment_id=shipment_id,
            tentative_delivery_date=tentative_delivery_date,
            tracking_id=tracking_id,
        )

        update_shipment_request.additional_properties = d
        return update_shipment_request

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
