# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, pop_required, require_object
from ..models.update_listing_request_archived_status import (
    UpdateListingRequestArchivedStatus,
)
from ..models.update_listing_request_fulfillment_profile import (
    UpdateListingRequestFulfillmentProfile,
)
from ..models.update_listing_request_listing_status import (
    UpdateListingRequestListingStatus,
)

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.address_label import AddressLabel
    from ..models.dating_label import DatingLabel
    from ..models.fulfillment import Fulfillment
    from ..models.location import Location
    from ..models.package import Package
    from ..models.price import Price
    from ..models.shipping_fees import ShippingFees
    from ..models.tax import Tax


T = TypeVar("T", bound="UpdateListingRequest")


@_attrs_define
class UpdateListingRequest:
    """
    Attributes:
        fulfillment_profile (UpdateListingRequestFulfillmentProfile):
        listing_status (UpdateListingRequestListingStatus):
        locations (list[Location]):
        packages (list[Package]):
        price (Price):
        product_id (str):
        tax (Tax):
        address_label (AddressLabel | Unset):
        archived_status (UpdateListingRequestArchivedStatus | Unset):
        dating_label (DatingLabel | Unset):
        fulfillment (Fulfillment | Unset):
        shipping_fees (ShippingFees | Unset):
        subsidized_shipping (bool | Unset):
    """

    fulfillment_profile: UpdateListingRequestFulfillmentProfile
    listing_status: UpdateListingRequestListingStatus
    locations: list[Location]
    packages: list[Package]
    price: Price
    product_id: str
    tax: Tax
    address_label: AddressLabel | Unset = UNSET
    archived_status: UpdateListingRequestArchivedStatus | Unset = UNSET
    dating_label: DatingLabel | Unset = UNSET
    fulfillment: Fulfillment | Unset = UNSET
    shipping_fees: ShippingFees | Unset = UNSET
    subsidized_shipping: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        fulfillment_profile = self.fulfillment_profile.value

        listing_status = self.listing_status.value

        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.to_dict()
            locations.append(locations_item)

        packages = []
        for packages_item_data in self.packages:
            packages_item = packages_item_data.to_dict()
            packages.append(packages_item)

        price = self.price.to_dict()

        product_id = self.product_id

        tax = self.tax.to_dict()

        address_label: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address_label, Unset):
            address_label = self.address_label.to_dict()

        archived_status: str | Unset = UNSET
        if not isinstance(self.archived_status, Unset):
            archived_status = self.archived_status.value

        dating_label: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dating_label, Unset):
            dating_label = self.dating_label.to_dict()

        fulfillment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fulfillment, Unset):
            fulfillment = self.fulfillment.to_dict()

        shipping_fees: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_fees, Unset):
            shipping_fees = self.shipping_fees.to_dict()

        subsidized_shipping = self.subsidized_shipping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fulfillment_profile": fulfillment_profile,
                "listing_status": listing_status,
                "locations": locations,
                "packages": packages,
                "price": price,
                "product_id": product_id,
                "tax": tax,
            }
        )
        if address_label is not UNSET:
            field_dict["address_label"] = address_label
        if archived_status is not UNSET:
            field_dict["archived_status"] = archived_status
        if dating_label is not UNSET:
            field_dict["dating_label"] = dating_label
        if fulfillment is not UNSET:
            field_dict["fulfillment"] = fulfillment
        if shipping_fees is not UNSET:
            field_dict["shipping_fees"] = shipping_fees
        if subsidized_shipping is not UNSET:
            field_dict["subsidized_shipping"] = subsidized_shipping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_label import AddressLabel
        from ..models.dating_label import DatingLabel
        from ..models.fulfillment import Fulfillment
        from ..models.location import Location
        from ..models.package import Package
        from ..models.price import Price
        from ..models.shipping_fees import ShippingFees
        from ..models.tax import Tax

        d = dict(require_object(src_dict, "UpdateListingRequest"))
        fulfillment_profile = UpdateListingRequestFulfillmentProfile(
            pop_required(d, "fulfillment_profile", "UpdateListingRequest")
        )

        listing_status = UpdateListingRequestListingStatus(
            pop_required(d, "listing_status", "UpdateListingRequest")
        )

        _locations_json = pop_required(d, "locations", "UpdateListingRequest")
        try:
            locations = []
            _locations = _locations_json
            for locations_index, locations_item_data in enumerate(_locations):
                try:
                    locations_item = Location.from_dict(locations_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        locations_index, _payload_error.model
                    ) from None
                locations.append(locations_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("locations", "UpdateListingRequest") from None

        _packages_json = pop_required(d, "packages", "UpdateListingRequest")
        try:
            packages = []
            _packages = _packages_json
            for packages_index, packages_item_data in enumerate(_packages):
                try:
                    packages_item = Package.from_dict(packages_item_data)

                except PayloadError as _payload_error:
                    raise _payload_error.within_index(
                        packages_index, _payload_error.model
                    ) from None
                packages.append(packages_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("packages", "UpdateListingRequest") from None

        _price_json = pop_required(d, "price", "UpdateListingRequest")
        try:
            price = Price.from_dict(_price_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("price", "UpdateListingRequest") from None

        product_id = pop_required(d, "product_id", "UpdateListingRequest")

        _tax_json = pop_required(d, "tax", "UpdateListingRequest")
        try:
            tax = Tax.from_dict(_tax_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("tax", "UpdateListingRequest") from None

        _address_label_json = d.pop("address_label", UNSET)
        try:
            _address_label = _address_label_json
            address_label: AddressLabel | Unset
            if isinstance(_address_label, Unset):
                address_label = UNSET
            else:
                address_label = AddressLabel.from_dict(_address_label)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "address_label", "UpdateListingRequest"
            ) from None

        _archived_status = d.pop("archived_status", UNSET)
        archived_status: UpdateListingRequestArchivedStatus | Unset
        if isinstance(_archived_status, Unset):
            archived_status = UNSET
        else:
            archived_status = UpdateListingRequestArchivedStatus(_archived_status)

        _dating_label_json = d.pop("dating_label", UNSET)
        try:
            _dating_label = _dating_label_json
            dating_label: DatingLabel | Unset
            if isinstance(_dating_label, Unset):
                dating_label = UNSET
            else:
                dating_label = DatingLabel.from_dict(_dating_label)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "dating_label", "UpdateListingRequest"
            ) from None

        _fulfillment_json = d.pop("fulfillment", UNSET)
        try:
            _fulfillment = _fulfillment_json
            fulfillment: Fulfillment | Unset
            if isinstance(_fulfillment, Unset):
                fulfillment = UNSET
            else:
                fulfillment = Fulfillment.from_dict(_fulfillment)

        except PayloadError as _payload_error:
            raise _payload_error.within("fulfillment", "UpdateListingRequest") from None

        _shipping_fees_json = d.pop("shipping_fees", UNSET)
        try:
            _shipping_fees = _shipping_fees_json
            shipping_fees: ShippingFees | Unset
            if isinstance(_shipping_fees, Unset):
                shipping_fees = UNSET
            else:
                shipping_fees = ShippingFees.from_dict(_shipping_fees)

        except PayloadError as _payload_error:
            raise _payload_error.within(
                "shipping_fees", "UpdateListingRequest"
            ) from None

        subsidized_shipping = d.pop("subsidized_shipping", UNSET)

        update_listing_request = cls(
            fulfillment_profile=fulfillment_profile,
            listing_status=listing_status,
            locations=locations,
            packages=packages,
            price=price,
            product_id=product_id,
            tax=tax,
            address_label=address_label,
            archived_status=archived_status,
            dating_label=dating_label,
            fulfillment=fulfillment,
            shipping_fees=shipping_fees,
            subsidized_shipping=subsidized_shipping,
        )

        update_listing_request.additional_properties = d
        return update_listing_request

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
