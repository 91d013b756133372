# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object
from ..models.return_item_service_profile import ReturnItemServiceProfile

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

if TYPE_CHECKING:
    from ..models.service import Service


T = TypeVar("T", bound="ReturnItem")


@_attrs_define
class ReturnItem:
    """
    Attributes:
        approved_on (datetime.datetime | None | Unset):
        comments (None | str | Unset):
        courier_name (None | str | Unset):
        created_date (datetime.datetime | None | Unset):
        expected_date (datetime.datetime | None | Unset):
        location_id (None | str | Unset):
        order_date (datetime.datetime | None | Unset):
        order_id (None | str | Unset):
        order_item_id (None | str | Unset):
        quantity (int | None | Unset):
        reason (None | str | Unset):
        return_id (None | str | Unset):
        seller_id (None | str | Unset):
        service_profile (ReturnItemServiceProfile | Unset):
        services (list[None | Service] | None | Unset):
        shipment_id (None | str | Unset):
        shipment_status (None | str | Unset):
        status (None | str | Unset):
        sub_reason (None | str | Unset):
        tracking_id (None | str | Unset):
        type_ (None | str | Unset):
        updated_date (datetime.datetime | None | Unset):
    """

    approved_on: datetime.datetime | None | Unset = UNSET
    comments: None | str | Unset = UNSET
    courier_name: None | str | Unset = UNSET
    created_date: datetime.datetime | None | Unset = UNSET
    expected_date: datetime.datetime | None | Unset = UNSET
    location_id: None | str | Unset = UNSET
    order_date: datetime.datetime | None | Unset = UNSET
    order_id: None | str | Unset = UNSET
    order_item_id: None | str | Unset = UNSET
    quantity: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    return_id: None | str | Unset = UNSET
    seller_id: None | str | Unset = UNSET
    service_profile: ReturnItemServiceProfile | Unset = UNSET
    services: list[None | Service] | None | Unset = UNSET
    shipment_id: None | str | Unset = UNSET
    shipment_status: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    sub_reason: None | str | Unset = UNSET
    tracking_id: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    updated_date: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.service import Service

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.datetime):
            approved_on = isoformat_as_received(self.approved_on)
        else:
            approved_on = self.approved_on

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        courier_name: None | str | Unset
        if isinstance(self.courier_name, Unset):
            courier_name = UNSET
        else:
            courier_name = self.courier_name

        created_date: None | str | Unset
        if isinstance(self.created_date, Unset):
            created_date = UNSET
        elif isinstance(self.created_date, datetime.datetime):
            created_date = isoformat_as_received(self.created_date)
        else:
            created_date = self.created_date

        expected_date: None | str | Unset
        if isinstance(self.expected_date, Unset):
            expected_date = UNSET
        elif isinstance(self.expected_date, datetime.datetime):
            expected_date = isoformat_as_received(self.expected_date)
        else:
            expected_date = self.expected_date

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        order_date: None | str | Unset
        if isinstance(self.order_date, Unset):
            order_date = UNSET
        elif isinstance(self.order_date, datetime.datetime):
            order_date = isoformat_as_received(self.order_date)
        else:
            order_date = self.order_date

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        order_item_id: None | str | Unset
        if isinstance(self.order_item_id, Unset):
            order_item_id = UNSET
        else:
            order_item_id = self.order_item_id

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        return_id: None | str | Unset
        if isinstance(self.return_id, Unset):
            return_id = UNSET
        else:
            return_id = self.return_id

        seller_id: None | str | Unset
        if isinstance(self.seller_id, Unset):
            seller_id = UNSET
        else:
            seller_id = self.seller_id

        service_profile: str | Unset = UNSET
        if not isinstance(self.service_profile, Unset):
            service_profile = self.service_profile.value

        services: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.services, Unset):
            services = UNSET
        elif isinstance(self.services, list):
            services = []
            for services_type_0_item_data in self.services:
                services_type_0_item: dict[str, Any] | None
                if isinstance(services_type_0_item_data, Service):
                    services_type_0_item = services_type_0_item_data.to_dict()
                else:
                    services_type_0_item = services_type_0_item_data
                services.append(services_type_0_item)

        else:
            services = self.services

        shipment_id: None | str | Unset
        if isinstance(self.shipment_id, Unset):
            shipment_id = UNSET
        else:
            shipment_id = self.shipment_id

        shipment_status: None | str | Unset
        if isinstance(self.shipment_status, Unset):
            shipment_status = UNSET
        else:
            shipment_status = self.shipment_status

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        sub_reason: None | str | Unset
        if isinstance(self.sub_reason, Unset):
            sub_reason = UNSET
        else:
            sub_reason = self.sub_reason

        tracking_id: None | str | Unset
        if isinstance(self.tracking_id, Unset):
            tracking_id = UNSET
        else:
            tracking_id = self.tracking_id

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        updated_date: None | str | Unset
        if isinstance(self.updated_date, Unset):
            updated_date = UNSET
        elif isinstance(self.updated_date, datetime.datetime):
            updated_date = isoformat_as_received(self.updated_date)
        else:
            updated_date = self.updated_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approved_on is not UNSET:
            field_dict["approvedOn"] = approved_on
        if comments is not UNSET:
            field_dict["comments"] = comments
        if courier_name is not UNSET:
            field_dict["courierName"] = courier_name
        if created_date is not UNSET:
            field_dict["createdDate"] = created_date
        if expected_date is not UNSET:
            field_dict["expectedDate"] = expected_date
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if order_item_id is not UNSET:
            field_dict["orderItemId"] = order_item_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if reason is not UNSET:
            field_dict["reason"] = reason
        if return_id is not UNSET:
            field_dict["returnId"] = return_id
        if seller_id is not UNSET:
            field_dict["sellerId"] = seller_id
        if service_profile is not UNSET:
            field_dict["serviceProfile"] = service_profile
        if services is not UNSET:
            field_dict["services"] = services
        if shipment_id is not UNSET:
            field_dict["shipmentId"] = shipment_id
        if shipment_status is not UNSET:
            field_dict["shipmentStatus"] = shipment_status
        if status is not UNSET:
            field_dict["status"] = status
        if sub_reason is not UNSET:
            field_dict["subReason"] = sub_reason
        if tracking_id is not UNSET:
            field_dict["trackingId"] = tracking_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if updated_date is not UNSET:
            field_dict["updatedDate"] = updated_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service import Service

        d = dict(require_object(src_dict, "ReturnItem"))
        _approved_on_json = d.pop("approvedOn", UNSET)
        try:

            def _parse_approved_on(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    approved_on_type_0 = parse_datetime(data)

                    return approved_on_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            approved_on = _parse_approved_on(_approved_on_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("approvedOn", "ReturnItem") from None

        _comments_json = d.pop("comments", UNSET)
        try:

            def _parse_comments(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            comments = _parse_comments(_comments_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("comments", "ReturnItem") from None

        _courier_name_json = d.pop("courierName", UNSET)
        try:

            def _parse_courier_name(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            courier_name = _parse_courier_name(_courier_name_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("courierName", "ReturnItem") from None

        _created_date_json = d.pop("createdDate", UNSET)
        try:

            def _parse_created_date(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    created_date_type_0 = parse_datetime(data)

                    return created_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            created_date = _parse_created_date(_created_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("createdDate", "ReturnItem") from None

        _expected_date_json = d.pop("expectedDate", UNSET)
        try:

            def _parse_expected_date(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    expected_date_type_0 = parse_datetime(data)

                    return expected_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            expected_date = _parse_expected_date(_expected_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("expectedDate", "ReturnItem") from None

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
            raise _payload_error.within("locationId", "ReturnItem") from None

        _order_date_json = d.pop("orderDate", UNSET)
        try:

            def _parse_order_date(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    order_date_type_0 = parse_datetime(data)

                    return order_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            order_date = _parse_order_date(_order_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderDate", "ReturnItem") from None

        _order_id_json = d.pop("orderId", UNSET)
        try:

            def _parse_order_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            order_id = _parse_order_id(_order_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderId", "ReturnItem") from None

        _order_item_id_json = d.pop("orderItemId", UNSET)
        try:

            def _parse_order_item_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            order_item_id = _parse_order_item_id(_order_item_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderItemId", "ReturnItem") from None

        _quantity_json = d.pop("quantity", UNSET)
        try:

            def _parse_quantity(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            quantity = _parse_quantity(_quantity_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("quantity", "ReturnItem") from None

        _reason_json = d.pop("reason", UNSET)
        try:

            def _parse_reason(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            reason = _parse_reason(_reason_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("reason", "ReturnItem") from None

        _return_id_json = d.pop("returnId", UNSET)
        try:

            def _parse_return_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            return_id = _parse_return_id(_return_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("returnId", "ReturnItem") from None

        _seller_id_json = d.pop("sellerId", UNSET)
        try:

            def _parse_seller_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            seller_id = _parse_seller_id(_seller_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("sellerId", "ReturnItem") from None

        _service_profile = d.pop("serviceProfile", UNSET)
        service_profile: ReturnItemServiceProfile | Unset
        if isinstance(_service_profile, Unset):
            service_profile = UNSET
        else:
            service_profile = ReturnItemServiceProfile(_service_profile)

        _services_json = d.pop("services", UNSET)
        try:

            def _parse_services(data: object) -> list[None | Service] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    services_type_0 = []
                    _services_type_0 = data
                    for services_type_0_index, services_type_0_item_data in enumerate(
                        _services_type_0
                    ):
                        try:

                            def _parse_services_type_0_item(
                                data: object,
                            ) -> None | Service:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    services_type_0_item_type_1 = Service.from_dict(
                                        data
                                    )

                                    return services_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | Service, data)

                            services_type_0_item = _parse_services_type_0_item(
                                services_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                services_type_0_index, _payload_error.model
                            ) from None
                        services_type_0.append(services_type_0_item)

                    return services_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | Service] | None | Unset, data)

            services = _parse_services(_services_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("services", "ReturnItem") from None

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
            raise _payload_error.within("shipmentId", "ReturnItem") from None

        _shipment_status_json = d.pop("shipmentStatus", UNSET)
        try:

            def _parse_shipment_status(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            shipment_status = _parse_shipment_status(_shipment_status_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("shipmentStatus", "ReturnItem") from None

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
            raise _payload_error.within("status", "ReturnItem") from None

        _sub_reason_json = d.pop("subReason", UNSET)
        try:

            def _parse_sub_reason(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            sub_reason = _parse_sub_reason(_sub_reason_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("subReason", "ReturnItem") from None

        _tracking_id_json = d.pop("trackingId", UNSET)
        try:

            def _parse_tracking_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            tracking_id = _parse_tracking_id(_tracking_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("trackingId", "ReturnItem") from None

        _type__json = d.pop("type", UNSET)
        try:

            def _parse_type_(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            type_ = _parse_type_(_type__json)

        except PayloadError as _payload_error:
            raise _payload_error.within("type", "ReturnItem") from None

        _updated_date_json = d.pop("updatedDate", UNSET)
        try:

            def _parse_updated_date(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    updated_date_type_0 = parse_datetime(data)

                    return updated_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            updated_date = _parse_updated_date(_updated_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("updatedDate", "ReturnItem") from None

        return_item = cls(
            approved_on=approved_on,
            comments=comments,
            courier_name=courier_name,
            created_date=created_date,
            expected_date=expected_date,
            location_id=location_id,
            order_date=order_date,
            order_id=order_id,
            order_item_id=order_item_id,
            quantity=quantity,
            reason=reason,
            return_id=return_id,
            seller_id=seller_id,
            service_profile=service_profile,
            services=services,
            shipment_id=shipment_id,
            shipment_status=shipment_status,
            status=status,
            sub_reason=sub_reason,
            tracking_id=tracking_id,
            type_=type_,
            updated_date=updated_date,
        )

        return_item.additional_properties = d
        return return_item

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
