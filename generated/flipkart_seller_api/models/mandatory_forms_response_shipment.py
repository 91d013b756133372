# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.forms import Forms


T = TypeVar("T", bound="MandatoryFormsResponseShipment")


@_attrs_define
class MandatoryFormsResponseShipment:
    """
    Attributes:
        forms (list[Forms | None] | None | Unset):
        shipment_id (None | str | Unset):
    """

    forms: list[Forms | None] | None | Unset = UNSET
    shipment_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.forms import Forms

        forms: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.forms, Unset):
            forms = UNSET
        elif isinstance(self.forms, list):
            forms = []
            for forms_type_0_item_data in self.forms:
                forms_type_0_item: dict[str, Any] | None
                if isinstance(forms_type_0_item_data, Forms):
                    forms_type_0_item = forms_type_0_item_data.to_dict()
                else:
                    forms_type_0_item = forms_type_0_item_data
                forms.append(forms_type_0_item)

        else:
            forms = self.forms

        shipment_id: None | str | Unset
        if isinstance(self.shipment_id, Unset):
            shipment_id = UNSET
        else:
            shipment_id = self.shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if forms is not UNSET:
            field_dict["forms"] = forms
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.forms import Forms

        d = dict(require_object(src_dict, "MandatoryFormsResponseShipment"))
        _forms_json = d.pop("forms", UNSET)
        try:

            def _parse_forms(data: object) -> list[Forms | None] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    forms_type_0 = []
                    _forms_type_0 = data
                    for forms_type_0_index, forms_type_0_item_data in enumerate(
                        _forms_type_0
                    ):
                        try:

                            def _parse_forms_type_0_item(data: object) -> Forms | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    forms_type_0_item_type_1 = Forms.from_dict(data)

                                    return forms_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(Forms | None, data)

                            forms_type_0_item = _parse_forms_type_0_item(
                                forms_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                forms_type_0_index, _payload_error.model
                            ) from None
                        forms_type_0.append(forms_type_0_item)

                    return forms_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[Forms | None] | None | Unset, data)

            forms = _parse_forms(_forms_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "forms", "MandatoryFormsResponseShipment"
            ) from None

        _shipment_id_json = d.pop("shipmentId", UNSET)
        try:

            def _parse_shipment_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            shipment_id = _parse_shipment_id(_shipment_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "shipmentId", "MandatoryFormsResponseShipment"
            ) from None

        mandatory_forms_response_shipment = cls(
            forms=forms,
            shipment_id=shipment_id,
        )

        mandatory_forms_response_shipment.additional_properties = d
        return mandatory_forms_response_shipment

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
