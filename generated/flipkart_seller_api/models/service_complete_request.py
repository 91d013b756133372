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
    from ..models.deliver_request import DeliverRequest


T = TypeVar("T", bound="ServiceCompleteRequest")


@_attrs_define
class ServiceCompleteRequest:
    """
    Attributes:
        services (list[DeliverRequest]):
    """

    services: list[DeliverRequest]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "services": services,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deliver_request import DeliverRequest

        d = dict(require_object(src_dict, "ServiceCompleteRequest"))
        _services_json = pop_required(d, "services", "ServiceCompleteRequest")
        try:
            services = []
            _services = _services_json
            for services_index, services_item_data in enumerate(_services):
                try:
                    services_item = DeliverRequest.from_dict(services_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        services_index, _payload_error.model
                    ) from None
                services.append(services_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("services", "ServiceCompleteRequest") from None

        service_complete_request = cls(
            services=services,
        )

        service_complete_request.additional_properties = d
        return service_complete_request

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
