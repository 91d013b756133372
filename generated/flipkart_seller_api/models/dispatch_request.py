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
    from ..models.confirm_item_row import ConfirmItemRow


T = TypeVar("T", bound="DispatchRequest")


@_attrs_define
class DispatchRequest:
    """
    Attributes:
        dispatch_date (datetime.datetime):
        order_items (list[ConfirmItemRow]):
        tentative_delivery_date (datetime.datetime):
        delivery_partner (str | Unset):
        facility_id (str | Unset):
        location_id (str | Unset):
        shipment_id (str | Unset):
        tracking_id (str | Unset):
    """

    dispatch_date: datetime.datetime
    order_items: list[ConfirmItemRow]
    tentative_delivery_date: datetime.datetime
    delivery_partner: str | Unset = UNSET
    facility_id: str | Unset = UNSET
    location_id: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    tracking_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        dispatch_date = isoformat_as_received(self.dispatch_date)

        order_items = []
        for order_items_item_data in self.order_items:
            order_items_item = order_items_item_data.to_dict()
            order_items.append(order_items_item)

        tentative_delivery_date = isoformat_as_received(self.tentative_delivery_date)

        delivery_partner = self.delivery_partner

        facility_id = self.facility_id

        location_id = self.location_id

        shipment_id = self.shipment_id

        tracking_id = self.tracking_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dispatchDate": dispatch_date,
                "orderItems": order_items,
                "tentativeDeliveryDate": tentative_delivery_date,
            }
        )
        if delivery_partner is not UNSET:
            field_dict["deliveryPartner"] = delivery_partner
        if facility_id is not UNSET:
            field_dict["facilityId"] = facility_id
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id
        if tracking_id is not UNSET:
            field_dict["trackingId"] = tracking_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.confirm_item_row import ConfirmItemRow

        d = dict(require_object(src_dict, "DispatchRequest"))
        dispatch_date = parse_datetime(
            pop_required(d, "dispatchDate", "DispatchRequest")
        )

        _order_items_json = pop_required(d, "orderItems", "DispatchRequest")
        try:
            order_items = []
            _order_items = _order_items_json
            for order_items_index, order_items_item_data in enumerate(_order_items):
                try:
                    order_items_item = ConfirmItemRow.from_dict(order_items_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        order_items_index, _payload_error.model
                    ) from None
                order_items.append(order_items_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderItems", "DispatchRequest") from None

        tentative_delivery_date = parse_datetime(
            pop_required(d, "tentativeDeliveryDate", "DispatchRequest")
        )

        delivery_partner = d.pop("deliveryPartner", UNSET)

        facility_id = d.pop("facilityId", UNSET)

        location_id = d.pop("locationId", UNSET)

        shipment_id = d.pop("shipmentId", UNSET)

        tracking_id = d.pop("trackingId", UNSET)

        dispatch_request = cls(
            dispatch_date=dispatch_date,
            order_items=order_items,
            tentative_delivery_date=tentative_delivery_date,
            delivery_partner=delivery_partner,
            facility_id=facility_id,
            location_id=location_id,
            shipment_id=shipment_id,
            tracking_id=tracking_id,
        )

        dispatch_request.additional_properties = d
        return dispatch_request

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
