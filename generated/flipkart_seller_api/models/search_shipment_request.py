# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.filter_ import Filter
    from ..models.pagination import Pagination
    from ..models.sort import Sort


T = TypeVar("T", bound="SearchShipmentRequest")


@_attrs_define
class SearchShipmentRequest:
    """
    Attributes:
        filter_ (Filter | Unset):
        pagination (Pagination | Unset):
        seller_id (str | Unset):
        sort (Sort | Unset):
    """

    filter_: Filter | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    seller_id: str | Unset = UNSET
    sort: Sort | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        seller_id = self.seller_id

        sort: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if seller_id is not UNSET:
            field_dict["sellerId"] = seller_id
        if sort is not UNSET:
            field_dict["sort"] = sort

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.filter_ import Filter
        from ..models.pagination import Pagination
        from ..models.sort import Sort

        d = dict(require_object(src_dict, "SearchShipmentRequest"))
        _filter__json = d.pop("filter", UNSET)
        try:
            _filter_ = _filter__json
            filter_: Filter | Unset
            if isinstance(_filter_, Unset):
                filter_ = UNSET
            else:
                filter_ = Filter.from_dict(_filter_)

        except PayloadError as _payload_error:
            raise _payload_error.within("filter", "SearchShipmentRequest") from None

        _pagination_json = d.pop("pagination", UNSET)
        try:
            _pagination = _pagination_json
            pagination: Pagination | Unset
            if isinstance(_pagination, Unset):
                pagination = UNSET
            else:
                pagination = Pagination.from_dict(_pagination)

        except PayloadError as _payload_error:
            raise _payload_error.within("pagination", "SearchShipmentRequest") from None

        seller_id = d.pop("sellerId", UNSET)

        _sort_json = d.pop("sort", UNSET)
        try:
            _sort = _sort_json
            sort: Sort | Unset
            if isinstance(_sort, Unset):
                sort = UNSET
            else:
                sort = Sort.from_dict(_sort)

        except PayloadError as _payload_error:
            raise _payload_error.within("sort", "SearchShipmentRequest") from None

        search_shipment_request = cls(
            filter_=filter_,
            pagination=pagination,
            seller_id=seller_id,
            sort=sort,
        )

        search_shipment_request.additional_properties = d
        return search_shipment_request

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
