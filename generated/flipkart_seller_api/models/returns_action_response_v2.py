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
    from ..models.return_action_response import ReturnActionResponse


T = TypeVar("T", bound="ReturnsActionResponseV2")


@_attrs_define
class ReturnsActionResponseV2:
    """
    Attributes:
        returns (list[None | ReturnActionResponse] | None | Unset):
    """

    returns: list[None | ReturnActionResponse] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.return_action_response import ReturnActionResponse

        returns: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.returns, Unset):
            returns = UNSET
        elif isinstance(self.returns, list):
            returns = []
            for returns_type_0_item_data in self.returns:
                returns_type_0_item: dict[str, Any] | None
                if isinstance(returns_type_0_item_data, ReturnActionResponse):
                    returns_type_0_item = returns_type_0_item_data.to_dict()
                else:
                    returns_type_0_item = returns_type_0_item_data
                returns.append(returns_type_0_item)

        else:
            returns = self.returns

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if returns is not UNSET:
            field_dict["returns"] = returns

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.return_action_response import ReturnActionResponse

        d = dict(require_object(src_dict, "ReturnsActionResponseV2"))
        _returns_json = d.pop("returns", UNSET)
        try:

            def _parse_returns(
                data: object,
            ) -> list[None | ReturnActionResponse] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    returns_type_0 = []
                    _returns_type_0 = data
                    for returns_type_0_index, returns_type_0_item_data in enumerate(
                        _returns_type_0
                    ):
                        try:

                            def _parse_returns_type_0_item(
                                data: object,
                            ) -> None | ReturnActionResponse:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    returns_type_0_item_type_1 = (
                                        ReturnActionResponse.from_dict(data)
                                    )

                                    return returns_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | ReturnActionResponse, data)

                            returns_type_0_item = _parse_returns_type_0_item(
                                returns_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                returns_type_0_index, _payload_error.model
                            ) from None
                        returns_type_0.append(returns_type_0_item)

                    return returns_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | ReturnActionResponse] | None | Unset, data)

            returns = _parse_returns(_returns_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("returns", "ReturnsActionResponseV2") from None

        returns_action_response_v2 = cls(
            returns=returns,
        )

        returns_action_response_v2.additional_properties = d
        return returns_action_response_v2

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
