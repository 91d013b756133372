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
    from ..models.params import Params


T = TypeVar("T", bound="GetManifestRequest")


@_attrs_define
class GetManifestRequest:
    """
    Attributes:
        params (Params):
    """

    params: Params
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        params = self.params.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "params": params,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.params import Params

        d = dict(require_object(src_dict, "GetManifestRequest"))
        _params_json = pop_required(d, "params", "GetManifestRequest")
        try:
            params = Params.from_dict(_params_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("params", "GetManifestRequest") from None

        get_manifest_request = cls(
            params=params,
        )

        get_manifest_request.additional_properties = d
        return get_manifest_request

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
