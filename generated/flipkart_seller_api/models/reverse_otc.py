# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object
from ..models.reverse_otc_request_type import ReverseOTCRequestType

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.otcv_2 import Otcv2


T = TypeVar("T", bound="ReverseOTC")


@_attrs_define
class ReverseOTC:
    """
    Attributes:
        otc (None | Otcv2 | Unset):
        request_type (ReverseOTCRequestType | Unset):
        status (None | str | Unset):
    """

    otc: None | Otcv2 | Unset = UNSET
    request_type: ReverseOTCRequestType | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.otcv_2 import Otcv2

        otc: dict[str, Any] | None | Unset
        if isinstance(self.otc, Unset):
            otc = UNSET
        elif isinstance(self.otc, Otcv2):
            otc = self.otc.to_dict()
        else:
            otc = self.otc

        request_type: str | Unset = UNSET
        if not isinstance(self.request_type, Unset):
            request_type = self.request_type.value

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if otc is not UNSET:
            field_dict["otc"] = otc
        if request_type is not UNSET:
            field_dict["requestType"] = request_type
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.otcv_2 import Otcv2

        d = dict(require_object(src_dict, "ReverseOTC"))
        _otc_json = d.pop("otc", UNSET)
        try:

            def _parse_otc(data: object) -> None | Otcv2 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    otc_type_1 = Otcv2.from_dict(data)

                    return otc_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Otcv2 | Unset, data)

            otc = _parse_otc(_otc_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("otc", "ReverseOTC") from None

        _request_type = d.pop("requestType", UNSET)
        request_type: ReverseOTCRequestType | Unset
        if isinstance(_request_type, Unset):
            request_type = UNSET
        else:
            request_type = ReverseOTCRequestType(_request_type)

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
            raise _payload_error.within("status", "ReverseOTC") from None

        reverse_otc = cls(
            otc=otc,
            request_type=request_type,
            status=status,
        )

        reverse_otc.additional_properties = d
        return reverse_otc

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
