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
    from ..models.deliver_attempt_request import DeliverAttemptRequest


T = TypeVar("T", bound="ShipmentsDeliverAttemptRequestV2")


@_attrs_define
class ShipmentsDeliverAttemptRequestV2:
    """
    Attributes:
        shipments (list[DeliverAttemptRequest]):
    """

    shipments: list[DeliverAttemptRequest]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        shipments = []
        for shipments_item_data in self.shipments:
            shipments_item = shipments_item_data.to_dict()
            shipments.append(shipments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "shipments": shipments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deliver_attempt_request import DeliverAttemptRequest

        d = dict(require_object(src_dict, "ShipmentsDeliverAttemptRequestV2"))
        _shipments_json = pop_required(
            d, "shipments", "ShipmentsDeliverAttemptRequestV2"
        )
        try:
            shipments = []
            _shipments = _shipments_json
            for shipments_index, shipments_item_data in enumerate(_shipments):
                try:
                    shipments_item = DeliverAttemptRequest.from_dict(
                        shipments_item_data
                    )

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        shipments_index, _payload_error.model
                    ) from None
                shipments.append(shipments_item)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "shipments", "ShipmentsDeliverAttemptRequestV2"
            ) from None

        shipments_deliver_attempt_request_v2 = cls(
            shipments=shipments,
        )

        shipments_deliver_attempt_request_v2.additional_properties = d
        return shipments_deliver_attempt_request_v2

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
