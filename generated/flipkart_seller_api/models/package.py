# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.dimension import Dimension
    from ..models.handling import Handling
    from ..models.notional_value import NotionalValue


T = TypeVar("T", bound="Package")


@_attrs_define
class Package:
    """
    Attributes:
        name (None | str):
        dimensions (Dimension | None | Unset):
        handling (Handling | None | Unset):
        id (None | str | Unset):
        notional_value (None | NotionalValue | Unset):
        weight (float | None | Unset):
    """

    name: None | str
    dimensions: Dimension | None | Unset = UNSET
    handling: Handling | None | Unset = UNSET
    id: None | str | Unset = UNSET
    notional_value: None | NotionalValue | Unset = UNSET
    weight: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dimension import Dimension
        from ..models.handling import Handling
        from ..models.notional_value import NotionalValue

        name: None | str
        name = self.name

        dimensions: dict[str, Any] | None | Unset
        if isinstance(self.dimensions, Unset):
            dimensions = UNSET
        elif isinstance(self.dimensions, Dimension):
            dimensions = self.dimensions.to_dict()
        else:
            dimensions = self.dimensions

        handling: dict[str, Any] | None | Unset
        if isinstance(self.handling, Unset):
            handling = UNSET
        elif isinstance(self.handling, Handling):
            handling = self.handling.to_dict()
        else:
            handling = self.handling

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        notional_value: dict[str, Any] | None | Unset
        if isinstance(self.notional_value, Unset):
            notional_value = UNSET
        elif isinstance(self.notional_value, NotionalValue):
            notional_value = self.notional_value.to_dict()
        else:
            notional_value = self.notional_value

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if handling is not UNSET:
            field_dict["handling"] = handling
        if id is not UNSET:
            field_dict["id"] = id
        if notional_value is not UNSET:
            field_dict["notional_value"] = notional_value
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dimension import Dimension
        from ..models.handling import Handling
        from ..models.notional_value import NotionalValue

        d = dict(require_object(src_dict, "Package"))
        _name_json = pop_required(d, "name", "Package")
        try:

            def _parse_name(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            name = _parse_name(_name_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("name", "Package") from None

        _dimensions_json = d.pop("dimensions", UNSET)
        try:

            def _parse_dimensions(data: object) -> Dimension | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    dimensions_type_1 = Dimension.from_dict(data)

                    return dimensions_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Dimension | None | Unset, data)

            dimensions = _parse_dimensions(_dimensions_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("dimensions", "Package") from None

        _handling_json = d.pop("handling", UNSET)
        try:

            def _parse_handling(data: object) -> Handling | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    handling_type_1 = Handling.from_dict(data)

                    return handling_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Handling | None | Unset, data)

            handling = _parse_handling(_handling_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("handling", "Package") from None

        _id_json = d.pop("id", UNSET)
        try:

            def _parse_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            id = _parse_id(_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("id", "Package") from None

        _notional_value_json = d.pop("notional_value", UNSET)
        try:

            def _parse_notional_value(data: object) -> None | NotionalValue | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    notional_value_type_1 = NotionalValue.from_dict(data)

                    return notional_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | NotionalValue | Unset, data)

            notional_value = _parse_notional_value(_notional_value_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("notional_value", "Package") from None

        _weight_json = d.pop("weight", UNSET)
        try:

            def _parse_weight(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            weight = _parse_weight(_weight_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("weight", "Package") from None

        package = cls(
            name=name,
            dimensions=dimensions,
            handling=handling,
            id=id,
            notional_value=notional_value,
            weight=weight,
        )

        package.additional_properties = d
        return package

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
