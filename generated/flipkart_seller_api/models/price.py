# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Price")


@_attrs_define
class Price:
    """
    Attributes:
        currency (None | str):
        mrp (int | None):
        selling_price (int | None):
        dealer_price (int | None | Unset):
        mop (int | None | Unset):
        nlc (int | None | Unset):
    """

    currency: None | str
    mrp: int | None
    selling_price: int | None
    dealer_price: int | None | Unset = UNSET
    mop: int | None | Unset = UNSET
    nlc: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        currency: None | str
        currency = self.currency

        mrp: int | None
        mrp = self.mrp

        selling_price: int | None
        selling_price = self.selling_price

        dealer_price: int | None | Unset
        if isinstance(self.dealer_price, Unset):
            dealer_price = UNSET
        else:
            dealer_price = self.dealer_price

        mop: int | None | Unset
        if isinstance(self.mop, Unset):
            mop = UNSET
        else:
            mop = self.mop

        nlc: int | None | Unset
        if isinstance(self.nlc, Unset):
            nlc = UNSET
        else:
            nlc = self.nlc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "mrp": mrp,
                "selling_price": selling_price,
            }
        )
        if dealer_price is not UNSET:
            field_dict["dealer_price"] = dealer_price
        if mop is not UNSET:
            field_dict["mop"] = mop
        if nlc is not UNSET:
            field_dict["nlc"] = nlc

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(require_object(src_dict, "Price"))
        _currency_json = pop_required(d, "currency", "Price")
        try:

            def _parse_currency(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            currency = _parse_currency(_currency_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("currency", "Price") from None

        _mrp_json = pop_required(d, "mrp", "Price")
        try:

            def _parse_mrp(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            mrp = _parse_mrp(_mrp_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("mrp", "Price") from None

        _selling_price_json = pop_required(d, "selling_price", "Price")
        try:

            def _parse_selling_price(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            selling_price = _parse_selling_price(_selling_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("selling_price", "Price") from None

        _dealer_price_json = d.pop("dealer_price", UNSET)
        try:

            def _parse_dealer_price(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            dealer_price = _parse_dealer_price(_dealer_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("dealer_price", "Price") from None

        _mop_json = d.pop("mop", UNSET)
        try:

            def _parse_mop(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            mop = _parse_mop(_mop_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("mop", "Price") from None

        _nlc_json = d.pop("nlc", UNSET)
        try:

            def _parse_nlc(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            nlc = _parse_nlc(_nlc_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("nlc", "Price") from None

        price = cls(
            currency=currency,
            mrp=mrp,
            selling_price=selling_price,
            dealer_price=dealer_price,
            mop=mop,
            nlc=nlc,
        )

        price.additional_properties = d
        return price

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
