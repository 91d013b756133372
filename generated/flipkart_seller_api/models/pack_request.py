# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

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

    def __repr__(self) -> str:
        return model_repr(self)

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

        d = dict(require_object(src_dict, "PackRequest"))
        ignore_warning = d.pop("ignoreWarning", UNSET)

        _invoices_json = d.pop("invoices", UNSET)
        try:
            _invoices = _invoices_json
            invoices: list[PackRequestInvoice] | Unset = UNSET
            if _invoices is not UNSET:
                invoices = []
                for invoices_index, invoices_item_data in enumerate(_invoices):
                    try:
                        invoices_item = PackRequestInvoice.from_dict(invoices_item_data)

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            invoices_index, _payload_error.model
                        ) from None
                    invoices.append(invoices_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("invoices", "PackRequest") from None

        location_id = d.pop("locationId", UNSET)

        _serial_numbers_json = d.pop("serialNumbers", UNSET)
        try:
            _serial_numbers = _serial_numbers_json
            serial_numbers: list[SerialNumber] | Unset = UNSET
            if _serial_numbers is not UNSET:
                serial_numbers = []
                for serial_numbers_index, serial_numbers_item_data in enumerate(
                    _serial_numbers
                ):
                    try:
                        serial_numbers_item = SerialNumber.from_dict(
                            serial_numbers_item_data
                        )

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            serial_numbers_index, _payload_error.model
                        ) from None
                    serial_numbers.append(serial_numbers_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("serialNumbers", "PackRequest") from None

        shipment_id = d.pop("shipmentId", UNSET)

        _sub_shipments_json = d.pop("subShipments", UNSET)
        try:
            _sub_shipments = _sub_shipments_json
            sub_shipments: list[SubShipments] | Unset = UNSET
            if _sub_shipments is not UNSET:
                sub_shipments = []
                for sub_shipments_index, sub_shipments_item_data in enumerate(
                    _sub_shipments
                ):
                    try:
                        sub_shipments_item = SubShipments.from_dict(
                            sub_shipments_item_data
                        )

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            sub_shipments_index, _payload_error.model
                        ) from None
                    sub_shipments.append(sub_shipments_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("subShipments", "PackRequest") from None

        _tax_items_json = d.pop("taxItems", UNSET)
        try:
            _tax_items = _tax_items_json
            tax_items: list[TaxItem] | Unset = UNSET
            if _tax_items is not UNSET:
                tax_items = []
                for tax_items_index, tax_items_item_data in enumerate(_tax_items):
                    try:
                        tax_items_item = TaxItem.from_dict(tax_items_item_data)

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            tax_items_index, _payload_error.model
                        ) from None
                    tax_items.append(tax_items_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("taxItems", "PackRequest") from None

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
