# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object
from ..models.marketplace_listing_detail_archived_status import (
    MarketplaceListingDetailArchivedStatus,
)
from ..models.marketplace_listing_detail_fulfillment_profile import (
    MarketplaceListingDetailFulfillmentProfile,
)
from ..models.marketplace_listing_detail_listing_status import (
    MarketplaceListingDetailListingStatus,
)

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.location import Location
    from ..models.package import Package
    from ..models.price import Price
    from ..models.shipping_fees import ShippingFees
    from ..models.tax import Tax


T = TypeVar("T", bound="MarketplaceListingDetail")


@_attrs_define
class MarketplaceListingDetail:
    """
    Attributes:
        fulfillment_profile (MarketplaceListingDetailFulfillmentProfile):
        listing_id (None | str):
        listing_status (MarketplaceListingDetailListingStatus):
        price (None | Price):
        product_id (None | str):
        archived_status (MarketplaceListingDetailArchivedStatus | Unset):
        locations (list[Location | None] | None | Unset):
        packages (list[None | Package] | None | Unset):
        shipping_fees (None | ShippingFees | Unset):
        tax (None | Tax | Unset):
    """

    fulfillment_profile: MarketplaceListingDetailFulfillmentProfile
    listing_id: None | str
    listing_status: MarketplaceListingDetailListingStatus
    price: None | Price
    product_id: None | str
    archived_status: MarketplaceListingDetailArchivedStatus | Unset = UNSET
    locations: list[Location | None] | None | Unset = UNSET
    packages: list[None | Package] | None | Unset = UNSET
    shipping_fees: None | ShippingFees | Unset = UNSET
    tax: None | Tax | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location
        from ..models.package import Package
        from ..models.price import Price
        from ..models.shipping_fees import ShippingFees
        from ..models.tax import Tax

        fulfillment_profile = self.fulfillment_profile.value

        listing_id: None | str
        listing_id = self.listing_id

        listing_status = self.listing_status.value

        price: dict[str, Any] | None
        if isinstance(self.price, Price):
            price = self.price.to_dict()
        else:
            price = self.price

        product_id: None | str
        product_id = self.product_id

        archived_status: str | Unset = UNSET
        if not isinstance(self.archived_status, Unset):
            archived_status = self.archived_status.value

        locations: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.locations, Unset):
            locations = UNSET
        elif isinstance(self.locations, list):
            locations = []
            for locations_type_0_item_data in self.locations:
                locations_type_0_item: dict[str, Any] | None
                if isinstance(locations_type_0_item_data, Location):
                    locations_type_0_item = locations_type_0_item_data.to_dict()
                else:
                    locations_type_0_item = locations_type_0_item_data
                locations.append(locations_type_0_item)

        else:
            locations = self.locations

        packages: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.packages, Unset):
            packages = UNSET
        elif isinstance(self.packages, list):
            packages = []
            for packages_type_0_item_data in self.packages:
                packages_type_0_item: dict[str, Any] | None
                if isinstance(packages_type_0_item_data, Package):
                    packages_type_0_item = packages_type_0_item_data.to_dict()
                else:
                    packages_type_0_item = packages_type_0_item_data
                packages.append(packages_type_0_item)

        else:
            packages = self.packages

        shipping_fees: dict[str, Any] | None | Unset
        if isinstance(self.shipping_fees, Unset):
            shipping_fees = UNSET
        elif isinstance(self.shipping_fees, ShippingFees):
            shipping_fees = self.shipping_fees.to_dict()
        else:
            shipping_fees = self.shipping_fees

        tax: dict[str, Any] | None | Unset
        if isinstance(self.tax, Unset):
            tax = UNSET
        elif isinstance(self.tax, Tax):
            tax = self.tax.to_dict()
        else:
            tax = self.tax

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fulfillment_profile": fulfillment_profile,
                "listing_id": listing_id,
                "listing_status": listing_status,
                "price": price,
                "product_id": product_id,
            }
        )
        if archived_status is not UNSET:
            field_dict["archived_status"] = archived_status
        if locations is not UNSET:
            field_dict["locations"] = locations
        if packages is not UNSET:
            field_dict["packages"] = packages
        if shipping_fees is not UNSET:
            field_dict["shipping_fees"] = shipping_fees
        if tax is not UNSET:
            field_dict["tax"] = tax

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.location import Location
        from ..models.package import Package
        from ..models.price import Price
        from ..models.shipping_fees import ShippingFees
        from ..models.tax import Tax

        d = dict(require_object(src_dict, "MarketplaceListingDetail"))
        fulfillment_profile = MarketplaceListingDetailFulfillmentProfile(
            pop_required(d, "fulfillment_profile", "MarketplaceListingDetail")
        )

        _listing_id_json = pop_required(d, "listing_id", "MarketplaceListingDetail")
        try:

            def _parse_listing_id(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            listing_id = _parse_listing_id(_listing_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "listing_id", "MarketplaceListingDetail"
            ) from None

        listing_status = MarketplaceListingDetailListingStatus(
            pop_required(d, "listing_status", "MarketplaceListingDetail")
        )

        _price_json = pop_required(d, "price", "MarketplaceListingDetail")
        try:

            def _parse_price(data: object) -> None | Price:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    price_type_1 = Price.from_dict(data)

                    return price_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Price, data)

            price = _parse_price(_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("price", "MarketplaceListingDetail") from None

        _product_id_json = pop_required(d, "product_id", "MarketplaceListingDetail")
        try:

            def _parse_product_id(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            product_id = _parse_product_id(_product_id_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "product_id", "MarketplaceListingDetail"
            ) from None

        _archived_status = d.pop("archived_status", UNSET)
        archived_status: MarketplaceListingDetailArchivedStatus | Unset
        if isinstance(_archived_status, Unset):
            archived_status = UNSET
        else:
            archived_status = MarketplaceListingDetailArchivedStatus(_archived_status)

        _locations_json = d.pop("locations", UNSET)
        try:

            def _parse_locations(data: object) -> list[Location | None] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    locations_type_0 = []
                    _locations_type_0 = data
                    for locations_type_0_index, locations_type_0_item_data in enumerate(
                        _locations_type_0
                    ):
                        try:

                            def _parse_locations_type_0_item(
                                data: object,
                            ) -> Location | None:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    locations_type_0_item_type_1 = Location.from_dict(
                                        data
                                    )

                                    return locations_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(Location | None, data)

                            locations_type_0_item = _parse_locations_type_0_item(
                                locations_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                locations_type_0_index, _payload_error.model
                            ) from None
                        locations_type_0.append(locations_type_0_item)

                    return locations_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[Location | None] | None | Unset, data)

            locations = _parse_locations(_locations_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "locations", "MarketplaceListingDetail"
            ) from None

        _packages_json = d.pop("packages", UNSET)
        try:

            def _parse_packages(data: object) -> list[None | Package] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    packages_type_0 = []
                    _packages_type_0 = data
                    for packages_type_0_index, packages_type_0_item_data in enumerate(
                        _packages_type_0
                    ):
                        try:

                            def _parse_packages_type_0_item(
                                data: object,
                            ) -> None | Package:
                                if data is None:
                                    return data
                                try:
                                    if not isinstance(data, dict):
                                        raise TypeError()
                                    packages_type_0_item_type_1 = Package.from_dict(
                                        data
                                    )

                                    return packages_type_0_item_type_1
                                except (
                                    TypeError,
                                    ValueError,
                                    AttributeError,
                                    KeyError,
                                ):
                                    pass
                                return cast(None | Package, data)

                            packages_type_0_item = _parse_packages_type_0_item(
                                packages_type_0_item_data
                            )

                        except PayloadError as _payload_error:
                            raise _payload_error.within_index(
                                packages_type_0_index, _payload_error.model
                            ) from None
                        packages_type_0.append(packages_type_0_item)

                    return packages_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | Package] | None | Unset, data)

            packages = _parse_packages(_packages_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "packages", "MarketplaceListingDetail"
            ) from None

        _shipping_fees_json = d.pop("shipping_fees", UNSET)
        try:

            def _parse_shipping_fees(data: object) -> None | ShippingFees | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    shipping_fees_type_1 = ShippingFees.from_dict(data)

                    return shipping_fees_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | ShippingFees | Unset, data)

            shipping_fees = _parse_shipping_fees(_shipping_fees_json)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "shipping_fees", "MarketplaceListingDetail"
            ) from None

        _tax_json = d.pop("tax", UNSET)
        try:

            def _parse_tax(data: object) -> None | Tax | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    tax_type_1 = Tax.from_dict(data)

                    return tax_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | Tax | Unset, data)

            tax = _parse_tax(_tax_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("tax", "MarketplaceListingDetail") from None

        marketplace_listing_detail = cls(
            fulfillment_profile=fulfillment_profile,
            listing_id=listing_id,
            listing_status=listing_status,
            price=price,
            product_id=product_id,
            archived_status=archived_status,
            locations=locations,
            packages=packages,
            shipping_fees=shipping_fees,
            tax=tax,
        )

        marketplace_listing_detail.additional_properties = d
        return marketplace_listing_detail

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
