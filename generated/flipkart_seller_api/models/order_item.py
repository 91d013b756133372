# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object
from ..models.order_item_payment_type import OrderItemPaymentType
from ..models.order_item_service_profile import OrderItemServiceProfile
from ..models.order_item_status import OrderItemStatus

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, isoformat_as_received, model_repr, parse_datetime

if TYPE_CHECKING:
    from ..models.price_component import PriceComponent


T = TypeVar("T", bound="OrderItem")


@_attrs_define
class OrderItem:
    """
    Attributes:
        cancellation_date (datetime.datetime | None | Unset):
        cancellation_group_id (None | str | Unset):
        cancellation_reason (None | str | Unset):
        cancellation_sub_reason (None | str | Unset):
        courier_return (bool | None | Unset):
        fsn (None | str | Unset):
        hsn (None | str | Unset):
        is_replacement (bool | None | Unset):
        listing_id (None | str | Unset):
        order_date (datetime.datetime | None | Unset):
        order_id (None | str | Unset):
        order_item_id (None | str | Unset):
        package_ids (list[None | str] | None | Unset):
        payment_type (OrderItemPaymentType | Unset):
        price_components (None | PriceComponent | Unset):
        quantity (int | None | Unset):
        service_profile (OrderItemServiceProfile | Unset):
        sku (None | str | Unset):
        status (OrderItemStatus | Unset):
        title (None | str | Unset):
    """

    cancellation_date: datetime.datetime | None | Unset = UNSET
    cancellation_group_id: None | str | Unset = UNSET
    cancellation_reason: None | str | Unset = UNSET
    cancellation_sub_reason: None | str | Unset = UNSET
    courier_return: bool | None | Unset = UNSET
    fsn: None | str | Unset = UNSET
    hsn: None | str | Unset = UNSET
    is_replacement: bool | None | Unset = UNSET
    listing_id: None | str | Unset = UNSET
    order_date: datetime.datetime | None | Unset = UNSET
    order_id: None | str | Unset = UNSET
    order_item_id: None | str | Unset = UNSET
    package_ids: list[None | str] | None | Unset = UNSET
    payment_type: OrderItemPaymentType | Unset = UNSET
    price_components: None | PriceComponent | Unset = UNSET
    quantity: int | None | Unset = UNSET
    service_profile: OrderItemServiceProfile | Unset = UNSET
    sku: None | str | Unset = UNSET
    status: OrderItemStatus | Unset = UNSET
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.price_component import PriceComponent

        cancellation_date: None | str | Unset
        if isinstance(self.cancellation_date, Unset):
            cancellation_date = UNSET
        elif isinstance(self.cancellation_date, datetime.datetime):
            cancellation_date = isoformat_as_received(self.cancellation_date)
        else:
            cancellation_date = self.cancellation_date

        cancellation_group_id: None | str | Unset
        if isinstance(self.cancellation_group_id, Unset):
            cancellation_group_id = UNSET
        else:
            cancellation_group_id = self.cancellation_group_id

        cancellation_reason: None | str | Unset
        if isinstance(self.cancellation_reason, Unset):
            cancellation_reason = UNSET
        else:
            cancellation_reason = self.cancellation_reason

        cancellation_sub_reason: None | str | Unset
        if isinstance(self.cancellation_sub_reason, Unset):
            cancellation_sub_reason = UNSET
        else:
            cancellation_sub_reason = self.cancellation_sub_reason

        courier_return: bool | None | Unset
        if isinstance(self.courier_return, Unset):
            courier_return = UNSET
        else:
            courier_return = self.courier_return

        fsn: None | str | Unset
        if isinstance(self.fsn, Unset):
            fsn = UNSET
        else:
            fsn = self.fsn

        hsn: None | str | Unset
        if isinstance(self.hsn, Unset):
            hsn = UNSET
        else:
            hsn = self.hsn

        is_replacement: bool | None | Unset
        if isinstance(self.is_replacement, Unset):
            is_replacement = UNSET
        else:
            is_replacement = self.is_replacement

        listing_id: None | str | Unset
        if isinstance(self.listing_id, Unset):
            listing_id = UNSET
        else:
            listing_id = self.listing_id

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

        package_ids: list[None | str] | None | Unset
        if isinstance(self.package_ids, Unset):
            package_ids = UNSET
        elif isinstance(self.package_ids, list):
            package_ids = []
            for package_ids_type_0_item_data in self.package_ids:
                package_ids_type_0_item: None | str
                package_ids_type_0_item = package_ids_type_0_item_data
                package_ids.append(package_ids_type_0_item)

        else:
            package_ids = self.package_ids

        payment_type: str | Unset = UNSET
        if not isinstance(self.payment_type, Unset):
            payment_type = self.payment_type.value

        price_components: dict[str, Any] | None | Unset
        if isinstance(self.price_components, Unset):
            price_components = UNSET
        elif isinstance(self.price_components, PriceComponent):
            price_components = self.price_components.to_dict()
        else:
            price_components = self.price_components

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        service_profile: str | Unset = UNSET
        if not isinstance(self.service_profile, Unset):
            service_profile = self.service_profile.value

        sku: None | str | Unset
        if isinstance(self.sku, Unset):
            sku = UNSET
        else:
            sku = self.sku

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cancellation_date is not UNSET:
            field_dict["cancellationDate"] = cancellation_date
        if cancellation_group_id is not UNSET:
            field_dict["cancellationGroupId"] = cancellation_group_id
        if cancellation_reason is not UNSET:
            field_dict["cancellationReason"] = cancellation_reason
        if cancellation_sub_reason is not UNSET:
            field_dict["cancellationSubReason"] = cancellation_sub_reason
        if courier_return is not UNSET:
            field_dict["courierReturn"] = courier_return
        if fsn is not UNSET:
            field_dict["fsn"] = fsn
        if hsn is not UNSET:
            field_dict["hsn"] = hsn
        if is_replacement is not UNSET:
            field_dict["is_replacement"] = is_replacement
        if listing_id is not UNSET:
            field_dict["listingId"] = listing_id
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if order_item_id is not UNSET:
            field_dict["orderItemId"] = order_item_id
        if package_ids is not UNSET:
            field_dict["packageIds"] = package_ids
        if payment_type is not UNSET:
            field_dict["paymentType"] = payment_type
        if price_components is not UNSET:
            field_dict["priceComponents"] = price_components
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if service_profile is not UNSET:
            field_dict["serviceProfile"] = service_profile
        if sku is not UNSET:
            field_dict["sku"] = sku
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.price_component import PriceComponent

        d = dict(require_object(src_dict, "OrderItem"))
        _cancellation_date_json = d.pop("cancellationDate", UNSET)
        try:

            def _parse_cancellation_date(
                data: object,
            ) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    cancellation_date_type_0 = parse_datetime(data)

                    return cancellation_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            cancellation_date = _parse_cancellation_date(_cancellation_date_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("cancellationDate", "OrderItem") from None

        _cancellation_group_id_json = d.pop("cancellationGroupId", UNSET)
        try:

            def _parse_cancellation_group_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            cancellation_group_id = _parse_cancellation_group_id(
                _cancellation_group_id_json
            )

        except PayloadError as _payload_error:
            raise _payload_error.within("cancellationGroupId", "OrderItem") from None

        _cancellation_reason_json = d.pop("cancellationReason", UNSET)
        try:

            def _parse_cancellation_reason(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            cancellation_reason = _parse_cancellation_reason(_cancellation_reason_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("cancellationReason", "OrderItem") from None

        _cancellation_sub_reason_json = d.pop("cancellationSubReason", UNSET)
        try:

            def _parse_cancellation_sub_reason(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            cancellation_sub_reason = _parse_cancellation_sub_reason(
                _cancellation_sub_reason_json
            )

        except PayloadError as _payload_error:
            raise _payload_error.within("cancellationSubReason", "OrderItem") from None

        _courier_return_json = d.pop("courierReturn", UNSET)
        try:

            def _parse_courier_return(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            courier_return = _parse_courier_return(_courier_return_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("courierReturn", "OrderItem") from None

        _fsn_json = d.pop("fsn", UNSET)
        try:

            def _parse_fsn(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            fsn = _parse_fsn(_fsn_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("fsn", "OrderItem") from None

        _hsn_json = d.pop("hsn", UNSET)
        try:

            def _parse_hsn(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            hsn = _parse_hsn(_hsn_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("hsn", "OrderItem") from None

        _is_replacement_json = d.pop("is_replacement", UNSET)
        try:

            def _parse_is_replacement(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            is_replacement = _parse_is_replacement(_is_replacement_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("is_replacement", "OrderItem") from None

        _listing_id_json = d.pop("listingId", UNSET)
        try:

            def _parse_listing_id(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            listing_id = _parse_listing_id(_listing_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("listingId", "OrderItem") from None

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
            raise _payload_error.within("orderDate", "OrderItem") from None

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
            raise _payload_error.within("orderId", "OrderItem") from None

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
            raise _payload_error.within("orderItemId", "OrderItem") from None

        _package_ids_json = d.pop("packageIds", UNSET)
        try:

            def _parse_package_ids(data: object) -> list[None | str] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    package_ids_type_0 = []
                    _package_ids_type_0 = data
                    for (
                        package_ids_type_0_index,
                        package_ids_type_0_item_data,
                    ) in enumerate(_package_ids_type_0):
                        try:

                            def _parse_package_ids_type_0_item(
                                data: object,
                            ) -> None | str:
                                if data is None:
                                    return data
                                return cast(None | str, data)

                            package_ids_type_0_item = _parse_package_ids_type_0_item(
                                package_ids_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                package_ids_type_0_index, _payload_error.model
                            ) from None
                        package_ids_type_0.append(package_ids_type_0_item)

                    return package_ids_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | str] | None | Unset, data)

            package_ids = _parse_package_ids(_package_ids_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("packageIds", "OrderItem") from None

        _payment_type = d.pop("paymentType", UNSET)
        payment_type: OrderItemPaymentType | Unset
        if isinstance(_payment_type, Unset):
            payment_type = UNSET
        else:
            payment_type = OrderItemPaymentType(_payment_type)

        _price_components_json = d.pop("priceComponents", UNSET)
        try:

            def _parse_price_components(data: object) -> None | PriceComponent | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    price_components_type_1 = PriceComponent.from_dict(data)

                    return price_components_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | PriceComponent | Unset, data)

            price_components = _parse_price_components(_price_components_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("priceComponents", "OrderItem") from None

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
            raise _payload_error.within("quantity", "OrderItem") from None

        _service_profile = d.pop("serviceProfile", UNSET)
        service_profile: OrderItemServiceProfile | Unset
        if isinstance(_service_profile, Unset):
            service_profile = UNSET
        else:
            service_profile = OrderItemServiceProfile(_service_profile)

        _sku_json = d.pop("sku", UNSET)
        try:

            def _parse_sku(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            sku = _parse_sku(_sku_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("sku", "OrderItem") from None

        _status = d.pop("status", UNSET)
        status: OrderItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = OrderItemStatus(_status)

        _title_json = d.pop("title", UNSET)
        try:

            def _parse_title(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            title = _parse_title(_title_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("title", "OrderItem") from None

        order_item = cls(
            cancellation_date=cancellation_date,
            cancellation_group_id=cancellation_group_id,
            cancellation_reason=cancellation_reason,
            cancellation_sub_reason=cancellation_sub_reason,
            courier_return=courier_return,
            fsn=fsn,
            hsn=hsn,
            is_replacement=is_replacement,
            listing_id=listing_id,
            order_date=order_date,
            order_id=order_id,
            order_item_id=order_item_id,
            package_ids=package_ids,
            payment_type=payment_type,
            price_components=price_components,
            quantity=quantity,
            service_profile=service_profile,
            sku=sku,
            status=status,
            title=title,
        )

        order_item.additional_properties = d
        return order_item

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
