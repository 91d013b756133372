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
    from ..models.mandatory_forms_response_shipment import (
        MandatoryFormsResponseShipment,
    )


T = TypeVar("T", bound="MandatoryFormsResponse")


@_attrs_define
class MandatoryFormsResponse:
    """
    Attributes:
        shipments (list[MandatoryFormsResponseShipment | None] | None | Unset):
    """

    shipments: list[MandatoryFormsResponseShipment | None] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.mandatory_forms_response_shipment import (
            MandatoryFormsResponseShipment,
        )

        shipments: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.shipments, Unset):
            shipments = UNSET
        elif isinstance(self.shipments, list):
            shipments = []
            for shipments_type_0_item_data in self.shipments:
                shipments_type_0_item: dict[str, Any] | None
                if isinstance(
                    shipments_type_0_item_data, MandatoryFormsResponseShipment
                ):
                    shipments_type_0_item = shipments_type_0_item_data.to_dict()
                else:
                    shipments_type_0_item = shipments_type_0_item_data
                shipments.append(shipments_type_0_item)

        else:
            shipments = self.shipments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if shipments is not UNSET:
            field_dict["shipments"] = shipments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mandatory_forms_response_shipment import (
            MandatoryFormsResponseShipment,
        )

        d = dict(require_object(src_dict, "MandatoryFormsResponse"))
        _shipments_json = d.pop("shipments", UNSET)
        try:

            def _parse_shipments(
                data: object,
            ) -> list[MandatoryFormsResponseShipment | None] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    shipments_type_0 = []
                    _shipments_type_0 = data
                    for shipments_type_0_index, shipments_type_0_item_data in enumerate(
                        _shipments_type_0
                    ):
                        try:

                            def _parse_shipments_type_0_item(
                                data: object,
                            ) -> MandatoryFormsResponseShipment | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    shipments_type_0_item_type_1 = (
                                        MandatoryFormsResponseShipment.from_dict(data)
                                    )

                                    return shipments_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(MandatoryFormsResponseShipment | None, data)

                            shipments_type_0_item = _parse_shipments_type_0_item(
                                shipments_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                shipments_type_0_index, _payload_error.model
                            ) from None
                        shipments_type_0.append(shipments_type_0_item)

                    return shipments_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    list[MandatoryFormsResponseShipment | None] | None | Unset, data
                )

            shipments = _parse_shipments(_shipments_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("shipments", "MandatoryFormsResponse") from None

        mandatory_forms_response = cls(
            shipments=shipments,
        )

        mandatory_forms_response.additional_properties = d
        return mandatory_forms_response

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
