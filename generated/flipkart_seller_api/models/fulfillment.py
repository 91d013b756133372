# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import pop_required, require_object
from ..models.fulfillment_procurement_type import FulfillmentProcurementType
from ..models.fulfillment_region_restriction import FulfillmentRegionRestriction
from ..models.fulfillment_shipping_provider import FulfillmentShippingProvider

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Fulfillment")


@_attrs_define
class Fulfillment:
    """
    Attributes:
        dispatch_sla (int):
        procurement_type (FulfillmentProcurementType):
        shipping_provider (FulfillmentShippingProvider):
        region_restriction (FulfillmentRegionRestriction | Unset):
    """

    dispatch_sla: int
    procurement_type: FulfillmentProcurementType
    shipping_provider: FulfillmentShippingProvider
    region_restriction: FulfillmentRegionRestriction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        dispatch_sla = self.dispatch_sla

        procurement_type = self.procurement_type.value

        shipping_provider = self.shipping_provider.value

        region_restriction: str | Unset = UNSET
        if not isinstance(self.region_restriction, Unset):
            region_restriction = self.region_restriction.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dispatch_sla": dispatch_sla,
                "procurement_type": procurement_type,
                "shipping_provider": shipping_provider,
            }
        )
        if region_restriction is not UNSET:
            field_dict["region_restriction"] = region_restriction

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Fulfillment"))
        dispatch_sla = pop_required(d, "dispatch_sla", "Fulfillment")

        procurement_type = FulfillmentProcurementType(
            pop_required(d, "procurement_type", "Fulfillment")
        )

        shipping_provider = FulfillmentShippingProvider(
            pop_required(d, "shipping_provider", "Fulfillment")
        )

        _region_restriction = d.pop("region_restriction", UNSET)
        region_restriction: FulfillmentRegionRestriction | Unset
        if isinstance(_region_restriction, Unset):
            region_restriction = UNSET
        else:
            region_restriction = FulfillmentRegionRestriction(_region_restriction)

        fulfillment = cls(
            dispatch_sla=dispatch_sla,
            procurement_type=procurement_type,
            shipping_provider=shipping_provider,
            region_restriction=region_restriction,
        )

        fulfillment.additional_properties = d
        return fulfillment

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
