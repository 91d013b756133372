# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ConfirmItemRow")


@_attrs_define
class ConfirmItemRow:
    """
    Attributes:
        invoice_date (datetime.date):
        tax_rate (float):
        invoice_number (str | Unset):
        order_item_id (str | Unset):
        quantity (int | Unset):
        serial_numbers (list[list[str]] | Unset):
    """

    invoice_date: datetime.date
    tax_rate: float
    invoice_number: str | Unset = UNSET
    order_item_id: str | Unset = UNSET
    quantity: int | Unset = UNSET
    serial_numbers: list[list[str]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        invoice_date = self.invoice_date.isoformat()

        tax_rate = self.tax_rate

        invoice_number = self.invoice_number

        order_item_id = self.order_item_id

        quantity = self.quantity

        serial_numbers: list[list[str]] | Unset = UNSET
        if not isinstance(self.serial_numbers, Unset):
            serial_numbers = []
            for serial_numbers_item_data in self.serial_numbers:
                serial_numbers_item = serial_numbers_item_data

                serial_numbers.append(serial_numbers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoiceDate": invoice_date,
                "taxRate": tax_rate,
            }
        )
        if invoice_number is not UNSET:
            field_dict["invoiceNumber"] = invoice_number
        if order_item_id is not UNSET:
            field_dict["orderItemId"] = order_item_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if serial_numbers is not UNSET:
            field_dict["serialNumbers"] = serial_numbers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "ConfirmItemRow"))
        invoice_date = datetime.date.fromisoformat(
            pop_required(d, "invoiceDate", "ConfirmItemRow")
        )

        tax_rate = pop_required(d, "taxRate", "ConfirmItemRow")

        invoice_number = d.pop("invoiceNumber", UNSET)

        order_item_id = d.pop("orderItemId", UNSET)

        quantity = d.pop("quantity", UNSET)

        _serial_numbers_json = d.pop("serialNumbers", UNSET)
        try:
            _serial_numbers = _serial_numbers_json
            serial_numbers: list[list[str]] | Unset = UNSET
            if _serial_numbers is not UNSET:
                serial_numbers = []
                for serial_numbers_index, serial_numbers_item_data in enumerate(
                    _serial_numbers
                ):
                    try:
                        serial_numbers_item = cast(list[str], serial_numbers_item_data)

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            serial_numbers_index, _payload_error.model
                        ) from None
                    serial_numbers.append(serial_numbers_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("serialNumbers", "ConfirmItemRow") from None

        confirm_item_row = cls(
            invoice_date=invoice_date,
            tax_rate=tax_rate,
            invoice_number=invoice_number,
            order_item_id=order_item_id,
            quantity=quantity,
            serial_numbers=serial_numbers,
        )

        confirm_item_row.additional_properties = d
        return confirm_item_row

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
