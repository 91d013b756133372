# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.listing_change_response_status import ListingChangeResponseStatus

if TYPE_CHECKING:
    from ..models.attribute_error import AttributeError_
    from ..models.error import Error


T = TypeVar("T", bound="ListingChangeResponse")


@_attrs_define
class ListingChangeResponse:
    """
    Attributes:
        attribute_errors (list[AttributeError_] | None):
        errors (list[Error] | None):
        status (ListingChangeResponseStatus):
    """

    attribute_errors: list[AttributeError_] | None
    errors: list[Error] | None
    status: ListingChangeResponseStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attribute_errors: list[dict[str, Any]] | None
        if isinstance(self.attribute_errors, list):
            attribute_errors = []
            for attribute_errors_type_0_item_data in self.attribute_errors:
                attribute_errors_type_0_item = (
                    attribute_errors_type_0_item_data.to_dict()
                )
                attribute_errors.append(attribute_errors_type_0_item)

        else:
            attribute_errors = self.attribute_errors

        errors: list[dict[str, Any]] | None
        if isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attribute_errors": attribute_errors,
                "errors": errors,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attribute_error import AttributeError_
        from ..models.error import Error

        d = dict(src_dict)

        def _parse_attribute_errors(data: object) -> list[AttributeError_] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attribute_errors_type_0 = []
                _attribute_errors_type_0 = data
                for attribute_errors_type_0_item_data in _attribute_errors_type_0:
                    attribute_errors_type_0_item = AttributeError_.from_dict(
                        attribute_errors_type_0_item_data
                    )

                    attribute_errors_type_0.append(attribute_errors_type_0_item)

                return attribute_errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttributeError_] | None, data)

        attribute_errors = _parse_attribute_errors(d.pop("attribute_errors"))

        def _parse_errors(data: object) -> list[Error] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = Error.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Error] | None, data)

        errors = _parse_errors(d.pop("errors"))

        status = ListingChangeResponseStatus(d.pop("status"))

        listing_change_response = cls(
            attribute_errors=attribute_errors,
            errors=errors,
            status=status,
        )

        listing_change_response.additional_properties = d
        return listing_change_response

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
