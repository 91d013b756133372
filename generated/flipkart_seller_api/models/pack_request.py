# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pack_request_invoice import PackRequestInvoice
    from ..models.serial_number import SerialNumber
    from ..models.sub_shipments import SubShipments
    from ..models.tax_item import TaxItem


T = TypeVar("T", bound="PackRequest")


@_attrs_define
class PackRequest:
    """
    Attributes:
        ignore_warning (bool | Unset):
        invoices (list[PackRequestInvoice] | Unset):
        location_id (str | Unset):
        serial_numbers (list[SerialNumber] | Unset):
        shipment_id (str | Unset):
        sub_shipments (list[SubShipments] | Unset):
        tax_items (list[TaxItem] | Unset):
    """

    ignore_warning: bool | Unset = UNSET
    invoices: list[PackRequestInvoice] | Unset = UNSET
    location_id: str | Unset = UNSET
    serial_numbers: list[SerialNumber] | Unset = UNSET
    shipment_id: str | Unset = UNSET
    sub_shipments: list[SubShipments] | Unset = UNSET
    tax_items: list[TaxItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ignore_warning = self.ignore_warning

        invoices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invoices, Unset):
            invoices = []
            for invoices_item_data in self.invoices:
                invoices_item = invoices_item_data.to_dict()
                invoices.append(invoices_item)

        location_id = self.location_id

        serial_numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.serial_numbers, Unset):
            serial_numbers = []
            for serial_numbers_item_data in self.serial_numbers:
                serial_numbers_item = serial_numbers_item_data.to_dict()
                serial_numbers.append(serial_numbers_item)

        shipment_id = self.shipment_id

        sub_shipments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_shipments, Unset):
            sub_shipments = []
            for sub_shipments_item_data in self.sub_shipments:
                sub_shipments_item = sub_shipments_item_data.to_dict()
                sub_shipments.append(sub_shipments_item)

        tax_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tax_items, Unset):
            tax_items = []
            for tax_items_item_data in self.tax_items:
                tax_items_item = tax_items_item_data.to_dict()
                tax_items.append(tax_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ignore_warning is not UNSET:
            field_dict["ignoreWarning"] = ignore_warning
        if invoices is not UNSET:
            field_dict["invoices"] = invoices
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if serial_numbers is not UNSET:
            field_dict["serialNumbers"] = serial_numbers
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id
        if sub_shipments is not UNSET:
            field_dict["subShipments"] = sub_shipments
        if tax_items is not UNSET:
            field_dict["taxItems"] = tax_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pack_request_invoice import PackRequestInvoice
        from ..models.serial_number import SerialNumber
        from ..models.sub_shipments import SubShipments
        from ..models.tax_item import TaxItem

        d = dict(src_dict)
        ignore_warning = d.pop("ignoreWarning", UNSET)

        _invoices = d.pop("invoices", UNSET)
        invoices: list[PackRequestInvoice] | Unset = UNSET
        if _invoices is not UNSET:
            invoices = []
            for invoices_item_data in _invoices:
                invoices_item = PackRequestInvoice.from_dict(invoices_item_data)

                invoices.append(invoices_item)

        location_id = d.pop("locationId", UNSET)

        _serial_numbers = d.pop("serialNumbers", UNSET)
        serial_numbers: list[SerialNumber] | Unset = UNSET
        if _serial_numbers is not UNSET:
            serial_numbers = []
            for serial_numbers_item_data in _serial_numbers:
                serial_numbers_item = SerialNumber.from_dict(serial_numbers_item_data)

                serial_numbers.append(serial_numbers_item)

        shipment_id = d.pop("shipmentId", UNSET)

        _sub_shipments = d.pop("subShipments", UNSET)
        sub_shipments: list[SubShipments] | Unset = UNSET
        if _sub_shipments is not UNSET:
            sub_shipments = []
            for sub_shipments_item_data in _sub_shipments:
                sub_shipments_item = SubShipments.from_dict(sub_shipments_item_data)

                sub_shipments.append(sub_shipments_item)

        _tax_items = d.pop("taxItems", UNSET)
        tax_items: list[TaxItem] | Unset = UNSET
        if _tax_items is not UNSET:
            tax_items = []
            for tax_items_item_data in _tax_items:
                tax_items_item = TaxItem.from_dict(tax_items_item_data)

                tax_items.append(tax_items_item)

        pack_request = cls(
            ignore_warning=ignore_warning,
            invoices=invoices,
            location_id=location_id,
            serial_numbers=serial_numbers,
            shipment_id=shipment_id,
            sub_shipments=sub_shipments,
            tax_items=tax_items,
        )

        pack_request.additional_properties = d
        return pack_request

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
