# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.shipment_form_update_form import ShipmentFormUpdateForm


T = TypeVar("T", bound="FormUpdate")


@_attrs_define
class FormUpdate:
    """
    Attributes:
        forms (list[ShipmentFormUpdateForm]):
        shipment_id (str):
    """

    forms: list[ShipmentFormUpdateForm]
    shipment_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        forms = []
        for forms_item_data in self.forms:
            forms_item = forms_item_data.to_dict()
            forms.append(forms_item)

        shipment_id = self.shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "forms": forms,
                "shipmentId": shipment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shipment_form_update_form import ShipmentFormUpdateForm

        d = dict(require_object(src_dict, "FormUpdate"))
        _forms_json = pop_required(d, "forms", "FormUpdate")
        try:
            forms = []
            _forms = _forms_json
            for forms_index, forms_item_data in enumerate(_forms):
                try:
                    forms_item = ShipmentFormUpdateForm.from_dict(forms_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        forms_index, _payload_error.model
                    ) from None
                forms.append(forms_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("forms", "FormUpdate") from None

        shipment_id = pop_required(d, "shipmentId", "FormUpdate")

        form_update = cls(
            forms=forms,
            shipment_id=shipment_id,
        )

        form_update.additional_properties = d
        return form_update

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
