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

T = TypeVar("T", bound="Forms")


@_attrs_define
class Forms:
    """
    Attributes:
        automated (bool | None | Unset):
        link (None | str | Unset):
        name (None | str | Unset):
        status (None | str | Unset):
    """

    automated: bool | None | Unset = UNSET
    link: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if automated is not UNSET:
            field_dict["automated"] = automated
        if link is not UNSET:
            field_dict["link"] = link
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Forms"))
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
            raise _payload_error.within("automated", "Forms") from None

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
            raise _payload_error.within("link", "Forms") from None

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
            raise _payload_error.within("name", "Forms") from None

        _status_json = d.pop("status", UNSET)
        try:

            def _parse_status(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            status = _parse_status(_status_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("status", "Forms") from None

        forms = cls(
            automated=automated,
            link=link,
            name=name,
            status=status,
        )

        forms.additional_properties = d
        return forms

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
