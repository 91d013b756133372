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
    from ..models.dispatch_location import DispatchLocation
    from ..models.invoice_request import InvoiceRequest


T = TypeVar("T", bound="DispatchRequestV3")


@_attrs_define
class DispatchRequestV3:
    """
    Attributes:
        dispatch_date (datetime.datetime):
        invoice (InvoiceRequest):
        tentative_delivery_date (datetime.datetime):
        delivery_partner (str | Unset):
        dispatch_location (DispatchLocation | Unset):
        location_id (str | Unset):
        shipment_id (str | Unset):
        tracking_id (str | Unset):
    """

    dispatch_date: datetime.datetime
    invoice: InvoiceRequest
    tentative_delivery_date: datetime.datetime
    delivery_partner: str | Unset = UNSET
    dispatch_location: DispatchLocation | Unset = UNSET
    location_id: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    tracking_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        dispatch_date = isoformat_as_received(self.dispatch_date)

        invoice = self.invoice.to_dict()

        tentative_delivery_date = isoformat_as_received(self.tentative_delivery_date)

        delivery_partner = self.delivery_partner

        dispatch_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dispatch_location, Unset):
            dispatch_location = self.dispatch_location.to_dict()

        location_id = self.location_id

        shipment_id = self.shipment_id

        tracking_id = self.tracking_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dispatchDate": dispatch_date,
                "invoice": invoice,
                "tentativeDeliveryDate": tentative_delivery_date,
            }
        )
        if delivery_partner is not UNSET:
            field_dict["deliveryPartner"] = delivery_partner
        if dispatch_location is not UNSET:
            field_dict["dispatchLocation"] = dispatch_location
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id
        if tracking_id is not UNSET:
            field_dict["trackingId"] = tracking_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dispatch_location import DispatchLocation
        from ..models.invoice_request import InvoiceRequest

        d = dict(require_object(src_dict, "DispatchRequestV3"))
        dispatch_date = parse_datetime(
            pop_required(d, "dispatchDate", "DispatchRequestV3")
        )

        _invoice_json = pop_required(d, "invoice", "DispatchRequestV3")
        try:
            invoice = InvoiceRequest.from_dict(_invoice_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("invoice", "DispatchRequestV3") from None

        tentative_delivery_date = parse_datetime(
            pop_required(d, "tentativeDeliveryDate", "DispatchRequestV3")
        )

        delivery_partner = d.pop("deliveryPartner", UNSET)

        _dispatch_location_json = d.pop("dispatchLocation", UNSET)
        try:
            _dispatch_location = _dispatch_location_json
            dispatch_location: DispatchLocation | Unset
            if isinstance(_dispatch_location, Unset):
                dispatch_location = UNSET
            else:
                dispatch_location = DispatchLocation.from_dict(_dispatch_location)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "dispatchLocation", "DispatchRequestV3"
            ) from None

        location_id = d.pop("locationId", UNSET)

        shipment_id = d.pop("shipmentId", UNSET)

        tracking_id = d.pop("trackingId", UNSET)

        dispatch_request_v3 = cls(
            dispatch_date=dispatch_date,
            invoice=invoice,
            tentative_delivery_date=tentative_delivery_date,
            delivery_partner=delivery_partner,
            dispatch_location=dispatch_location,
            location_id=location_id,
            shipment_id=shipment_id,
            tracking_id=tracking_id,
        )

        dispatch_request_v3.additional_properties = d
        return dispatch_request_v3

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
