# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

T = TypeVar("T", bound="ReturnApproveRequest")


@_attrs_define
class ReturnApproveRequest:
    """
    Attributes:
        comments (str | Unset):
        return_id (str | Unset):
        service_date (datetime.datetime | Unset):
        service_fulfilment_id (str | Unset):
    """

    comments: str | Unset = UNSET
    return_id: str | Unset = UNSET
    service_date: datetime.datetime | Unset = UNSET
    service_fulfilment_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        comments = self.comments

        return_id = self.return_id

        service_date: str | Unset = UNSET
        if not isinstance(self.service_date, Unset):
            service_date = isoformat_as_received(self.service_date)

        service_fulfilment_id = self.service_fulfilment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comments is not UNSET:
            field_dict["comments"] = comments
        if return_id is not UNSET:
            field_dict["returnId"] = return_id
        if service_date is not UNSET:
            field_dict["serviceDate"] = service_date
        if service_fulfilment_id is not UNSET:
            field_dict["serviceFulfilmentId"] = service_fulfilment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "ReturnApproveRequest"))
        comments = d.pop("comments", UNSET)

        return_id = d.pop("returnId", UNSET)

        _service_date = d.pop("serviceDate", UNSET)
        service_date: datetime.datetime | Unset
        if isinstance(_service_date, Unset):
            service_date = UNSET
        else:
            service_date = parse_datetime(_service_date)

        service_fulfilment_id = d.pop("serviceFulfilmentId", UNSET)

        return_approve_request = cls(
            comments=comments,
            return_id=return_id,
            service_date=service_date,
            service_fulfilment_id=service_fulfilment_id,
        )

        return_approve_request.additional_properties = d
        return return_approve_request

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
