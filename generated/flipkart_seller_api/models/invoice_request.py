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
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.invoice_item import InvoiceItem


T = TypeVar("T", bound="InvoiceRequest")


@_attrs_define
class InvoiceRequest:
    """
    Attributes:
        invoice_date (datetime.date):
        items (list[InvoiceItem]):
        invoice_number (str | Unset):
    """

    invoice_date: datetime.date
    items: list[InvoiceItem]
    invoice_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        invoice_date = self.invoice_date.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        invoice_number = self.invoice_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoiceDate": invoice_date,
                "items": items,
            }
        )
        if invoice_number is not UNSET:
            field_dict["invoiceNumber"] = invoice_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.invoice_item import InvoiceItem

        d = dict(require_object(src_dict, "InvoiceRequest"))
        invoice_date = datetime.date.fromisoformat(
            pop_required(d, "invoiceDate", "InvoiceRequest")
        )

        _items_json = pop_required(d, "items", "InvoiceRequest")
        try:
            items = []
            _items = _items_json
            for items_index, items_item_data in enumerate(_items):
                try:
                    items_item = InvoiceItem.from_dict(items_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        items_index, _payload_error.model
                    ) from None
                items.append(items_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("items", "InvoiceRequest") from None

        invoice_number = d.pop("invoiceNumber", UNSET)

        invoice_request = cls(
            invoice_date=invoice_date,
            items=items,
            invoice_number=invoice_number,
        )

        invoice_request.additional_properties = d
        return invoice_request

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
