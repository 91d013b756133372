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

T = TypeVar("T", bound="PackRequestInvoice")


@_attrs_define
class PackRequestInvoice:
    """
    Attributes:
        invoice_date (datetime.datetime):
        order_id (str):
        invoice_number (str | Unset):
    """

    invoice_date: datetime.datetime
    order_id: str
    invoice_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        invoice_date = isoformat_as_received(self.invoice_date)

        order_id = self.order_id

        invoice_number = self.invoice_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoiceDate": invoice_date,
                "orderId": order_id,
            }
        )
        if invoice_number is not UNSET:
            field_dict["invoiceNumber"] = invoice_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "PackRequestInvoice"))
        invoice_date = parse_datetime(
            pop_required(d, "invoiceDate", "PackRequestInvoice")
        )

        order_id = pop_required(d, "orderId", "PackRequestInvoice")

        invoice_number = d.pop("invoiceNumber", UNSET)

        pack_request_invoice = cls(
            invoice_date=invoice_date,
            order_id=order_id,
            invoice_number=invoice_number,
        )

        pack_request_invoice.additional_properties = d
        return pack_request_invoice

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
