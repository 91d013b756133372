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
    from ..models.return_item import ReturnItem


T = TypeVar("T", bound="ReturnsSearchResponseV2")


@_attrs_define
class ReturnsSearchResponseV2:
    """
    Attributes:
        has_more (bool | None | Unset):
        next_url (None | str | Unset):
        return_items (list[None | ReturnItem] | None | Unset):
    """

    has_more: bool | None | Unset = UNSET
    next_url: None | str | Unset = UNSET
    return_items: list[None | ReturnItem] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.return_item import ReturnItem

        has_more: bool | None | Unset
        if isinstance(self.has_more, Unset):
            has_more = UNSET
        else:
            has_more = self.has_more

        next_url: None | str | Unset
        if isinstance(self.next_url, Unset):
            next_url = UNSET
        else:
            next_url = self.next_url

        return_items: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.return_items, Unset):
            return_items = UNSET
        elif isinstance(self.return_items, list):
            return_items = []
            for return_items_type_0_item_data in self.return_items:
                return_items_type_0_item: dict[str, Any] | None
                if isinstance(return_items_type_0_item_data, ReturnItem):
                    return_items_type_0_item = return_items_type_0_item_data.to_dict()
                else:
                    return_items_type_0_item = return_items_type_0_item_data
                return_items.append(return_items_type_0_item)

        else:
            return_items = self.return_items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if has_more is not UNSET:
            field_dict["hasMore"] = has_more
        if next_url is not UNSET:
            field_dict["nextUrl"] = next_url
        if return_items is not UNSET:
            field_dict["returnItems"] = return_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.return_item import ReturnItem

        d = dict(require_object(src_dict, "ReturnsSearchResponseV2"))
        _has_more_json = d.pop("hasMore", UNSET)
        try:

            def _parse_has_more(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            has_more = _parse_has_more(_has_more_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("hasMore", "ReturnsSearchResponseV2") from None

        _next_url_json = d.pop("nextUrl", UNSET)
        try:

            def _parse_next_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            next_url = _parse_next_url(_next_url_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("nextUrl", "ReturnsSearchResponseV2") from None

        _return_items_json = d.pop("returnItems", UNSET)
        try:

            def _parse_return_items(
                data: object,
            ) -> list[None | ReturnItem] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    return_items_type_0 = []
                    _return_items_type_0 = data
                    for (
                        return_items_type_0_index,
                        return_items_type_0_item_data,
                    ) in enumerate(_return_items_type_0):
                        try:

                            def _parse_return_items_type_0_item(
                                data: object,
                            ) -> None | ReturnItem:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    return_items_type_0_item_type_1 = (
                                        ReturnItem.from_dict(data)
                                    )

                                    return return_items_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | ReturnItem, data)

                            return_items_type_0_item = _parse_return_items_type_0_item(
                                return_items_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                return_items_type_0_index, _payload_error.model
                            ) from None
                        return_items_type_0.append(return_items_type_0_item)

                    return return_items_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | ReturnItem] | None | Unset, data)

            return_items = _parse_return_items(_return_items_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "returnItems", "ReturnsSearchResponseV2"
            ) from None

        returns_search_response_v2 = cls(
            has_more=has_more,
            next_url=next_url,
            return_items=return_items,
        )

        returns_search_response_v2.additional_properties = d
        return returns_search_response_v2

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
