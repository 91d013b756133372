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
    from ..models.package import Package


T = TypeVar("T", bound="SubShipment")


@_attrs_define
class SubShipment:
    """
    Attributes:
        packages (list[None | Package] | None | Unset):
        sub_shipment_id (None | str | Unset):
    """

    packages: list[None | Package] | None | Unset = UNSET
    sub_shipment_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.package import Package

        packages: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.packages, Unset):
            packages = UNSET
        elif isinstance(self.packages, list):
            packages = []
            for packages_type_0_item_data in self.packages:
                packages_type_0_item: dict[str, Any] | None
                if isinstance(packages_type_0_item_data, Package):
                    packages_type_0_item = packages_type_0_item_data.to_dict()
                else:
                    packages_type_0_item = packages_type_0_item_data
                packages.append(packages_type_0_item)

        else:
            packages = self.packages

        sub_shipment_id: None | str | Unset
        if isinstance(self.sub_shipment_id, Unset):
            sub_shipment_id = UNSET
        else:
            sub_shipment_id = self.sub_shipment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if packages is not UNSET:
            field_dict["packages"] = packages
        if sub_shipment_id is not UNSET:
            field_dict["subShipmentId"] = sub_shipment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.package import Package

        d = dict(require_object(src_dict, "SubShipment"))
        _packages_json = d.pop("packages", UNSET)
        try:

            def _parse_packages(data: object) -> list[None | Package] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    packages_type_0 = []
                    _packages_type_0 = data
                    for packages_type_0_index, packages_type_0_item_data in enumerate(
                        _packages_type_0
                    ):
                        try:

                            def _parse_packages_type_0_item(
                                data: object,
                            ) -> None | Package:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    packages_type_0_item_type_1 = Package.from_dict(
                                        data
                                    )

                                    return packages_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | Package, data)

                            packages_type_0_item = _parse_packages_type_0_item(
                                packages_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                packages_type_0_index, _payload_error.model
                            ) from None
                        packages_type_0.append(packages_type_0_item)

                    return packages_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | Package] | None | Unset, data)

            packages = _parse_packages(_packages_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("packages", "SubShipment") from None

        _sub_shipment_id_json = d.pop("subShipmentId", UNSET)
        try:

            def _parse_sub_shipment_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            sub_shipment_id = _parse_sub_shipment_id(_sub_shipment_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("subShipmentId", "SubShipment") from None

        sub_shipment = cls(
            packages=packages,
            sub_shipment_id=sub_shipment_id,
        )

        sub_shipment.additional_properties = d
        return sub_shipment

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
