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

T = TypeVar("T", bound="PriceComponent")


@_attrs_define
class PriceComponent:
    """
    Attributes:
        customer_price (float | None | Unset):
        flipkart_discount (float | None | Unset):
        selling_price (float | None | Unset):
        shipping_charge (float | None | Unset):
        total_price (float | None | Unset):
    """

    customer_price: float | None | Unset = UNSET
    flipkart_discount: float | None | Unset = UNSET
    selling_price: float | None | Unset = UNSET
    shipping_charge: float | None | Unset = UNSET
    total_price: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        customer_price: float | None | Unset
        if isinstance(self.customer_price, Unset):
            customer_price = UNSET
        else:
            customer_price = self.customer_price

        flipkart_discount: float | None | Unset
        if isinstance(self.flipkart_discount, Unset):
            flipkart_discount = UNSET
        else:
            flipkart_discount = self.flipkart_discount

        selling_price: float | None | Unset
        if isinstance(self.selling_price, Unset):
            selling_price = UNSET
        else:
            selling_price = self.selling_price

        shipping_charge: float | None | Unset
        if isinstance(self.shipping_charge, Unset):
            shipping_charge = UNSET
        else:
            shipping_charge = self.shipping_charge

        total_price: float | None | Unset
        if isinstance(self.total_price, Unset):
            total_price = UNSET
        else:
            total_price = self.total_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if customer_price is not UNSET:
            field_dict["customerPrice"] = customer_price
        if flipkart_discount is not UNSET:
            field_dict["flipkartDiscount"] = flipkart_discount
        if selling_price is not UNSET:
            field_dict["sellingPrice"] = selling_price
        if shipping_charge is not UNSET:
            field_dict["shippingCharge"] = shipping_charge
        if total_price is not UNSET:
            field_dict["totalPrice"] = total_price

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "PriceComponent"))
        _customer_price_json = d.pop("customerPrice", UNSET)
        try:

            def _parse_customer_price(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            customer_price = _parse_customer_price(_customer_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("customerPrice", "PriceComponent") from None

        _flipkart_discount_json = d.pop("flipkartDiscount", UNSET)
        try:

            def _parse_flipkart_discount(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            flipkart_discount = _parse_flipkart_discount(_flipkart_discount_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("flipkartDiscount", "PriceComponent") from None

        _selling_price_json = d.pop("sellingPrice", UNSET)
        try:

            def _parse_selling_price(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            selling_price = _parse_selling_price(_selling_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("sellingPrice", "PriceComponent") from None

        _shipping_charge_json = d.pop("shippingCharge", UNSET)
        try:

            def _parse_shipping_charge(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            shipping_charge = _parse_shipping_charge(_shipping_charge_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("shippingCharge", "PriceComponent") from None

        _total_price_json = d.pop("totalPrice", UNSET)
        try:

            def _parse_total_price(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(float | None | Unset, data)

            total_price = _parse_total_price(_total_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("totalPrice", "PriceComponent") from None

        price_component = cls(
            customer_price=customer_price,
            flipkart_discount=flipkart_discount,
            selling_price=selling_price,
            shipping_charge=shipping_charge,
            total_price=total_price,
        )

        price_component.additional_properties = d
        return price_component

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
