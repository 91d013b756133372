# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object
from ..models.listing_change_response_status import ListingChangeResponseStatus

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.attribute_error import AttributeError_
    from ..models.error import Error


T = TypeVar("T", bound="ListingChangeResponse")


@_attrs_define
class ListingChangeResponse:
    """
    Attributes:
        attribute_errors (list[AttributeError_ | None] | None):
        errors (list[Error | None] | None):
        status (ListingChangeResponseStatus):
    """

    attribute_errors: list[AttributeError_ | None] | None
    errors: list[Error | None] | None
    status: ListingChangeResponseStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.attribute_error import AttributeError_
        from ..models.error import Error

        attribute_errors: list[dict[str, Any] | None] | None
        if isinstance(self.attribute_errors, list):
            attribute_errors = []
            for attribute_errors_type_0_item_data in self.attribute_errors:
                attribute_errors_type_0_item: dict[str, Any] | None
                if isinstance(attribute_errors_type_0_item_data, AttributeError_):
                    attribute_errors_type_0_item = (
                        attribute_errors_type_0_item_data.to_dict()
                    )
                else:
                    attribute_errors_type_0_item = attribute_errors_type_0_item_data
                attribute_errors.append(attribute_errors_type_0_item)

        else:
            attribute_errors = self.attribute_errors

        errors: list[dict[str, Any] | None] | None
        if isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item: dict[str, Any] | None
                if isinstance(errors_type_0_item_data, Error):
                    errors_type_0_item = errors_type_0_item_data.to_dict()
                else:
                    errors_type_0_item = errors_type_0_item_data
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

        d = dict(require_object(src_dict, "ListingChangeResponse"))
        _attribute_errors_json = pop_required(
            d, "attribute_errors", "ListingChangeResponse"
        )
        try:

            def _parse_attribute_errors(
                data: object,
            ) -> list[AttributeError_ | None] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    attribute_errors_type_0 = []
                    _attribute_errors_type_0 = data
                    for (
                        attribute_errors_type_0_index,
                        attribute_errors_type_0_item_data,
                    ) in enumerate(_attribute_errors_type_0):
                        try:

                            def _parse_attribute_errors_type_0_item(
                                data: object,
                            ) -> AttributeError_ | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    attribute_errors_type_0_item_type_1 = (
                                        AttributeError_.from_dict(data)
                                    )

                                    return attribute_errors_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(AttributeError_ | None, data)

                            attribute_errors_type_0_item = (
                                _parse_attribute_errors_type_0_item(
                                    attribute_errors_type_0_item_data
                                )
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                attribute_errors_type_0_index, _payload_error.model
                            ) from None
                        attribute_errors_type_0.append(attribute_errors_type_0_item)

                    return attribute_errors_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[AttributeError_ | None] | None, data)

            attribute_errors = _parse_attribute_errors(_attribute_errors_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "attribute_errors", "ListingChangeResponse"
            ) from None

        _errors_json = pop_required(d, "errors", "ListingChangeResponse")
        try:

            def _parse_errors(data: object) -> list[Error | None] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    errors_type_0 = []
                    _errors_type_0 = data
                    for errors_type_0_index, errors_type_0_item_data in enumerate(
                        _errors_type_0
                    ):
                        try:

                            def _parse_errors_type_0_item(data: object) -> Error | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    errors_type_0_item_type_1 = Error.from_dict(data)

                                    return errors_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(Error | None, data)

                            errors_type_0_item = _parse_errors_type_0_item(
                                errors_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                errors_type_0_index, _payload_error.model
                            ) from None
                        errors_type_0.append(errors_type_0_item)

                    return errors_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[Error | None] | None, data)

            errors = _parse_errors(_errors_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("errors", "ListingChangeResponse") from None

        status = ListingChangeResponseStatus(
            pop_required(d, "status", "ListingChangeResponse")
        )

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
