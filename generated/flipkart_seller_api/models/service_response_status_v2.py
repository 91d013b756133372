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
    from ..models.request_status import RequestStatus


T = TypeVar("T", bound="ServiceResponseStatusV2")


@_attrs_define
class ServiceResponseStatusV2:
    """
    Attributes:
        services (list[None | RequestStatus] | None | Unset):
    """

    services: list[None | RequestStatus] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.request_status import RequestStatus

        services: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.services, Unset):
            services = UNSET
        elif isinstance(self.services, list):
            services = []
            for services_type_0_item_data in self.services:
                services_type_0_item: dict[str, Any] | None
                if isinstance(services_type_0_item_data, RequestStatus):
                    services_type_0_item = services_type_0_item_data.to_dict()
                else:
                    services_type_0_item = services_type_0_item_data
                services.append(services_type_0_item)

        else:
            services = self.services

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if services is not UNSET:
            field_dict["services"] = services

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.request_status import RequestStatus

        d = dict(require_object(src_dict, "ServiceResponseStatusV2"))
        _services_json = d.pop("services", UNSET)
        try:

            def _parse_services(
                data: object,
            ) -> list[None | RequestStatus] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    services_type_0 = []
                    _services_type_0 = data
                    for services_type_0_index, services_type_0_item_data in enumerate(
                        _services_type_0
                    ):
                        try:

                            def _parse_services_type_0_item(
                                data: object,
                            ) -> None | RequestStatus:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    services_type_0_item_type_1 = (
                                        RequestStatus.from_dict(data)
                                    )

                                    return services_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | RequestStatus, data)

                            services_type_0_item = _parse_services_type_0_item(
                                services_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                services_type_0_index, _payload_error.model
                            ) from None
                        services_type_0.append(services_type_0_item)

                    return services_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | RequestStatus] | None | Unset, data)

            services = _parse_services(_services_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("services", "ServiceResponseStatusV2") from None

        service_response_status_v2 = cls(
            services=services,
        )

        service_response_status_v2.additional_properties = d
        return service_response_status_v2

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
