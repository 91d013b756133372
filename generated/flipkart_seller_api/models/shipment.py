# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

if TYPE_CHECKING:
    from ..models.form import Form
    from ..models.order_item import OrderItem
    from ..models.sub_shipment import SubShipment


T = TypeVar("T", bound="Shipment")


@_attrs_define
class Shipment:
    """
    Attributes:
        dispatch_after_date (datetime.datetime | None | Unset):
        dispatch_by_date (datetime.datetime | None | Unset):
        forms (list[Form | None] | None | Unset):
        hold (bool | None | Unset):
        location_id (None | str | Unset):
        mps (bool | None | Unset):
        order_items (list[None | OrderItem] | None | Unset):
        packaging_policy (None | str | Unset):
        shipment_id (None | str | Unset):
        shipment_type (None | str | Unset):
        sub_shipments (list[None | SubShipment] | None | Unset):
        updated_at (datetime.datetime | None | Unset):
    """

    dispatch_after_date: datetime.datetime | None | Unset = UNSET
    dispatch_by_date: datetime.datetime | None | Unset = UNSET
    forms: list[Form | None] | None | Unset = UNSET
    hold: bool | None | Unset = UNSET
    location_id: None | str | Unset = UNSET
    mps: bool | None | Unset = UNSET
    order_items: list[None | OrderItem] | None | Unset = UNSET
    packaging_policy: None | str | Unset = UNSET
    shipment_id: None | str | Unset = UNSET
    shipment_type: None | str | Unset = UNSET
    sub_shipments: list[None | SubShipment] | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.form import Form
        from ..models.order_item import OrderItem
        from ..models.sub_shipment import SubShipment

        dispatch_after_date: None | str | Unset
        if isinstance(self.dispatch_after_date, Unset):
            dispatch_after_date = UNSET
        elif isinstance(self.dispatch_after_date, datetime.datetime):
            dispatch_after_date = isoformat_as_received(self.dispatch_after_date)
        else:
            dispatch_after_date = self.dispatch_after_date

        dispatch_by_date: None | str | Unset
        if isinstance(self.dispatch_by_date, Unset):
            dispatch_by_date = UNSET
        elif isinstance(self.dispatch_by_date, datetime.datetime):
            dispatch_by_date = isoformat_as_received(self.dispatch_by_date)
        else:
            dispatch_by_date = self.dispatch_by_date

        forms: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.forms, Unset):
            forms = UNSET
        elif isinstance(self.forms, list):
            forms = []
            for forms_type_0_item_data in self.forms:
                forms_type_0_item: dict[str, Any] | None
                if isinstance(forms_type_0_item_data, Form):
                    forms_type_0_item = forms_type_0_item_data.to_dict()
                else:
                    forms_type_0_item = forms_type_0_item_data
                forms.append(forms_type_0_item)

        else:
            forms = self.forms

        hold: bool | None | Unset
        if isinstance(self.hold, Unset):
            hold = UNSET
        else:
            hold = self.hold

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        mps: bool | None | Unset
        if isinstance(self.mps, Unset):
            mps = UNSET
        else:
            mps = self.mps

        order_items: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.order_items, Unset):
            order_items = UNSET
        elif isinstance(self.order_items, list):
            order_items = []
            for order_items_type_0_item_data in self.order_items:
                order_items_type_0_item: dict[str, Any] | None
                if isinstance(order_items_type_0_item_data, OrderItem):
                    order_items_type_0_item = order_items_type_0_item_data.to_dict()
                else:
                    order_items_type_0_item = order_items_type_0_item_data
                order_items.append(order_items_type_0_item)

        else:
            order_items = self.order_items

        packaging_policy: None | str | Unset
        if isinstance(self.packaging_policy, Unset):
            packaging_policy = UNSET
        else:
            packaging_policy = self.packaging_policy

        shipment_id: None | str | Unset
        if isinstance(self.shipment_id, Unset):
            shipment_id = UNSET
        else:
            shipment_id = self.shipment_id

        shipment_type: None | str | Unset
        if isinstance(self.shipment_type, Unset):
            shipment_type = UNSET
        else:
            shipment_type = self.shipment_type

        sub_shipments: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.sub_shipments, Unset):
            sub_shipments = UNSET
        elif isinstance(self.sub_shipments, list):
            sub_shipments = []
            for sub_shipments_type_0_item_data in self.sub_shipments:
                sub_shipments_type_0_item: dict[str, Any] | None
                if isinstance(sub_shipments_type_0_item_data, SubShipment):
                    sub_shipments_type_0_item = sub_shipments_type_0_item_data.to_dict()
                else:
                    sub_shipments_type_0_item = sub_shipments_type_0_item_data
                sub_shipments.append(sub_shipments_type_0_item)

        else:
            sub_shipments = self.sub_shipments

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = isoformat_as_received(self.updated_at)
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dispatch_after_date is not UNSET:
            field_dict["dispatchAfterDate"] = dispatch_after_date
        if dispatch_by_date is not UNSET:
            field_dict["dispatchByDate"] = dispatch_by_date
        if forms is not UNSET:
            field_dict["forms"] = forms
        if hold is not UNSET:
            field_dict["hold"] = hold
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if mps is not UNSET:
            field_dict["mps"] = mps
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items
        if packaging_policy is not UNSET:
            field_dict["packagingPolicy"] = packaging_policy
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id
        if shipment_type is not UNSET:
            field_dict["shipmentType"] = shipment_type
        if sub_shipments is not UNSET:
            field_dict["subShipments"] = sub_shipments
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.form import Form
        from ..models.order_item import OrderItem
        from ..models.sub_shipment import SubShipment

        d = dict(require_object(src_dict, "Shipment"))
        _dispatch_after_date_json = d.pop("dispatchAfterDate", UNSET)
        try:

            def _parse_dispatch_after_date(
                data: object,
            ) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    dispatch_after_date_type_0 = parse_datetime(data)

                    return dispatch_after_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            dispatch_after_date = _parse_dispatch_after_date(_dispatch_after_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("dispatchAfterDate", "Shipment") from None

        _dispatch_by_date_json = d.pop("dispatchByDate", UNSET)
        try:

            def _parse_dispatch_by_date(
                data: object,
            ) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    dispatch_by_date_type_0 = parse_datetime(data)

                    return dispatch_by_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            dispatch_by_date = _parse_dispatch_by_date(_dispatch_by_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("dispatchByDate", "Shipment") from None

        _forms_json = d.pop("forms", UNSET)
        try:

            def _parse_forms(data: object) -> list[Form | None] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    forms_type_0 = []
                    _forms_type_0 = data
                    for forms_type_0_index, forms_type_0_item_data in enumerate(
                        _forms_type_0
                    ):
                        try:

                            def _parse_forms_type_0_item(data: object) -> Form | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    forms_type_0_item_type_1 = Form.from_dict(data)

                                    return forms_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(Form | None, data)

                            forms_type_0_item = _parse_forms_type_0_item(
                                forms_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                forms_type_0_index, _payload_error.model
                            ) from None
                        forms_type_0.append(forms_type_0_item)

                    return forms_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[Form | None] | None | Unset, data)

            forms = _parse_forms(_forms_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("forms", "Shipment") from None

        _hold_json = d.pop("hold", UNSET)
        try:

            def _parse_hold(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            hold = _parse_hold(_hold_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("hold", "Shipment") from None

        _location_id_json = d.pop("locationId", UNSET)
        try:

            def _parse_location_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            location_id = _parse_location_id(_location_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("locationId", "Shipment") from None

        _mps_json = d.pop("mps", UNSET)
        try:

            def _parse_mps(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            mps = _parse_mps(_mps_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("mps", "Shipment") from None

        _order_items_json = d.pop("orderItems", UNSET)
        try:

            def _parse_order_items(
                data: object,
            ) -> list[None | OrderItem] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    order_items_type_0 = []
                    _order_items_type_0 = data
                    for (
                        order_items_type_0_index,
                        order_items_type_0_item_data,
                    ) in enumerate(_order_items_type_0):
                        try:

                            def _parse_order_items_type_0_item(
                                data: object,
                            ) -> None | OrderItem:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    order_items_type_0_item_type_1 = (
                                        OrderItem.from_dict(data)
                                    )

                                    return order_items_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | OrderItem, data)

                            order_items_type_0_item = _parse_order_items_type_0_item(
                                order_items_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                order_items_type_0_index, _payload_error.model
                            ) from None
                        order_items_type_0.append(order_items_type_0_item)

                    return order_items_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | OrderItem] | None | Unset, data)

            order_items = _parse_order_items(_order_items_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderItems", "Shipment") from None

        _packaging_policy_json = d.pop("packagingPolicy", UNSET)
        try:

            def _parse_packaging_policy(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            packaging_policy = _parse_packaging_policy(_packaging_policy_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("packagingPolicy", "Shipment") from None

        _shipment_id_json = d.pop("shipmentId", UNSET)
        try:

            def _parse_shipment_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            shipment_id = _parse_shipment_id(_shipment_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("shipmentId", "Shipment") from None

        _shipment_type_json = d.pop("shipmentType", UNSET)
        try:

            def _parse_shipment_type(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            shipment_type = _parse_shipment_type(_shipment_type_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("shipmentType", "Shipment") from None

        _sub_shipments_json = d.pop("subShipments", UNSET)
        try:

            def _parse_sub_shipments(
                data: object,
            ) -> list[None | SubShipment] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    sub_shipments_type_0 = []
                    _sub_shipments_type_0 = data
                    for (
                        sub_shipments_type_0_index,
                        sub_shipments_type_0_item_data,
                    ) in enumerate(_sub_shipments_type_0):
                        try:

                            def _parse_sub_shipments_type_0_item(
                                data: object,
                            ) -> None | SubShipment:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    sub_shipments_type_0_item_type_1 = (
                                        SubShipment.from_dict(data)
                                    )

                                    return sub_shipments_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | SubShipment, data)

                            sub_shipments_type_0_item = (
                                _parse_sub_shipments_type_0_item(
                                    sub_shipments_type_0_item_data
                                )
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                sub_shipments_type_0_index, _payload_error.model
                            ) from None
                        sub_shipments_type_0.append(sub_shipments_type_0_item)

                    return sub_shipments_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | SubShipment] | None | Unset, data)

            sub_shipments = _parse_sub_shipments(_sub_shipments_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("subShipments", "Shipment") from None

        _updated_at_json = d.pop("updatedAt", UNSET)
        try:

            def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    updated_at_type_0 = parse_datetime(data)

                    return updated_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            updated_at = _parse_updated_at(_updated_at_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("updatedAt", "Shipment") from None

        shipment = cls(
            dispatch_after_date=dispatch_after_date,
            dispatch_by_date=dispatch_by_date,
            forms=forms,
            hold=hold,
            location_id=location_id,
            mps=mps,
            order_items=order_items,
            packaging_policy=packaging_policy,
            shipment_id=shipment_id,
            shipment_type=shipment_type,
            sub_shipments=sub_shipments,
            updated_at=updated_at,
        )

        shipment.additional_properties = d
        return shipment

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
