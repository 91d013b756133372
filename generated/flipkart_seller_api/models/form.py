# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Form")


@_attrs_define
class Form:
    """
    Attributes:
        automated (bool | None | Unset):
        link (None | str | Unset):
        name (None | str | Unset):
    """

    automated: bool | None | Unset = UNSET
    link: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        automated: bool | None | Unset
        if isinstance(self.automated, Unset):
            automated = UNSET
        else:
            automated = self.automated

        link: None | str | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        else:
            link = self.link

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if automated is not UNSET:
            field_dict["automated"] = automated
        if link is not UNSET:
            field_dict["link"] = link
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Form"))
        _automated_json = d.pop("automated", UNSET)
        try:

            def _parse_automated(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            automated = _parse_automated(_automated_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("automated", "Form") from None

        _link_json = d.pop("link", UNSET)
        try:

            def _parse_link(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            link = _parse_link(_link_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("link", "Form") from None

        _name_json = d.pop("name", UNSET)
        try:

            def _parse_name(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            name = _parse_name(_name_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("name", "Form") from None

        form = cls(
            automated=automated,
            link=link,
            name=name,
        )

        form.additional_properties = d
        return form

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
