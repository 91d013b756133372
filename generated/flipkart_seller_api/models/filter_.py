# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import PayloadError, require_object
from ..models.filter_cancellation_type import FilterCancellationType
from ..models.filter_dispatch_service_tiers_item import FilterDispatchServiceTiersItem
from ..models.filter_service_profiles_item import FilterServiceProfilesItem
from ..models.filter_shipment_types_item import FilterShipmentTypesItem
from ..models.filter_states_item import FilterStatesItem
from ..models.filter_type import FilterType

# Used by some models only; the post-generation ruff run drops the unused ones.
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.date_filter import DateFilter


T = TypeVar("T", bound="Filter")


@_attrs_define
class Filter:
    """
    Attributes:
        cancellation_date (DateFilter | Unset):
        cancellation_type (FilterCancellationType | Unset):
        dispatch_after_date (DateFilter | Unset):
        dispatch_by_date (DateFilter | Unset):
        dispatch_service_tiers (list[FilterDispatchServiceTiersItem] | Unset):
        hold (bool | Unset):
        location_id (str | Unset):
        modified_date (DateFilter | Unset):
        order_date (DateFilter | Unset):
        service_profiles (list[FilterServiceProfilesItem] | Unset):
        shipment_types (list[FilterShipmentTypesItem] | Unset):
        sku (list[str] | Unset):
        states (list[FilterStatesItem] | Unset):
        type_ (FilterType | Unset):
    """

    cancellation_date: DateFilter | Unset = UNSET
    cancellation_type: FilterCancellationType | Unset = UNSET
    dispatch_after_date: DateFilter | Unset = UNSET
    dispatch_by_date: DateFilter | Unset = UNSET
    dispatch_service_tiers: list[FilterDispatchServiceTiersItem] | Unset = UNSET
    hold: bool | Unset = UNSET
    location_id: str | Unset = UNSET
    modified_date: DateFilter | Unset = UNSET
    order_date: DateFilter | Unset = UNSET
    service_profiles: list[FilterServiceProfilesItem] | Unset = UNSET
    shipment_types: list[FilterShipmentTypesItem] | Unset = UNSET
    sku: list[str] | Unset = UNSET
    states: list[FilterStatesItem] | Unset = UNSET
    type_: FilterType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        cancellation_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cancellation_date, Unset):
            cancellation_date = self.cancellation_date.to_dict()

        cancellation_type: str | Unset = UNSET
        if not isinstance(self.cancellation_type, Unset):
            cancellation_type = self.cancellation_type.value

        dispatch_after_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dispatch_after_date, Unset):
            dispatch_after_date = self.dispatch_after_date.to_dict()

        dispatch_by_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dispatch_by_date, Unset):
            dispatch_by_date = self.dispatch_by_date.to_dict()

        dispatch_service_tiers: list[str] | Unset = UNSET
        if not isinstance(self.dispatch_service_tiers, Unset):
            dispatch_service_tiers = []
            for dispatch_service_tiers_item_data in self.dispatch_service_tiers:
                dispatch_service_tiers_item = dispatch_service_tiers_item_data.value
                dispatch_service_tiers.append(dispatch_service_tiers_item)

        hold = self.hold

        location_id = self.location_id

        modified_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.modified_date, Unset):
            modified_date = self.modified_date.to_dict()

        order_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order_date, Unset):
            order_date = self.order_date.to_dict()

        service_profiles: list[str] | Unset = UNSET
        if not isinstance(self.service_profiles, Unset):
            service_profiles = []
            for service_profiles_item_data in self.service_profiles:
                service_profiles_item = service_profiles_item_data.value
                service_profiles.append(service_profiles_item)

        shipment_types: list[str] | Unset = UNSET
        if not isinstance(self.shipment_types, Unset):
            shipment_types = []
            for shipment_types_item_data in self.shipment_types:
                shipment_types_item = shipment_types_item_data.value
                shipment_types.append(shipment_types_item)

        sku: list[str] | Unset = UNSET
        if not isinstance(self.sku, Unset):
            sku = self.sku

        states: list[str] | Unset = UNSET
        if not isinstance(self.states, Unset):
            states = []
            for states_item_data in self.states:
                states_item = states_item_data.value
                states.append(states_item)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cancellation_date is not UNSET:
            field_dict["cancellationDate"] = cancellation_date
        if cancellation_type is not UNSET:
            field_dict["cancellationType"] = cancellation_type
        if dispatch_after_date is not UNSET:
            field_dict["dispatchAfterDate"] = dispatch_after_date
        if dispatch_by_date is not UNSET:
            field_dict["dispatchByDate"] = dispatch_by_date
        if dispatch_service_tiers is not UNSET:
            field_dict["dispatchServiceTiers"] = dispatch_service_tiers
        if hold is not UNSET:
            field_dict["hold"] = hold
        if location_id is not UNSET:
            field_dict["locationId"] = location_id
        if modified_date is not UNSET:
            field_dict["modifiedDate"] = modified_date
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if service_profiles is not UNSET:
            field_dict["serviceProfiles"] = service_profiles
        if shipment_types is not UNSET:
            field_dict["shipmentTypes"] = shipment_types
        if sku is not UNSET:
            field_dict["sku"] = sku
        if states is not UNSET:
            field_dict["states"] = states
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.date_filter import DateFilter

        d = dict(require_object(src_dict, "Filter"))
        _cancellation_date_json = d.pop("cancellationDate", UNSET)
        try:
            _cancellation_date = _cancellation_date_json
            cancellation_date: DateFilter | Unset
            if isinstance(_cancellation_date, Unset):
                cancellation_date = UNSET
            else:
                cancellation_date = DateFilter.from_dict(_cancellation_date)

        except PayloadError as _payload_error:
            raise _payload_error.within("cancellationDate", "Filter") from None

        _cancellation_type = d.pop("cancellationType", UNSET)
        cancellation_type: FilterCancellationType | Unset
        if isinstance(_cancellation_type, Unset):
            cancellation_type = UNSET
        else:
            cancellation_type = FilterCancellationType(_cancellation_type)

        _dispatch_after_date_json = d.pop("dispatchAfterDate", UNSET)
        try:
            _dispatch_after_date = _dispatch_after_date_json
            dispatch_after_date: DateFilter | Unset
            if isinstance(_dispatch_after_date, Unset):
                dispatch_after_date = UNSET
            else:
                dispatch_after_date = DateFilter.from_dict(_dispatch_after_date)

        except PayloadError as _payload_error:
            raise _payload_error.within("dispatchAfterDate", "Filter") from None

        _dispatch_by_date_json = d.pop("dispatchByDate", UNSET)
        try:
            _dispatch_by_date = _dispatch_by_date_json
            dispatch_by_date: DateFilter | Unset
            if isinstance(_dispatch_by_date, Unset):
                dispatch_by_date = UNSET
            else:
                dispatch_by_date = DateFilter.from_dict(_dispatch_by_date)

        except PayloadError as _payload_error:
            raise _payload_error.within("dispatchByDate", "Filter") from None

        _dispatch_service_tiers_json = d.pop("dispatchServiceTiers", UNSET)
        try:
            _dispatch_service_tiers = _dispatch_service_tiers_json
            dispatch_service_tiers: list[FilterDispatchServiceTiersItem] | Unset = UNSET
            if _dispatch_service_tiers is not UNSET:
                dispatch_service_tiers = []
                for (
                    dispatch_service_tiers_index,
                    dispatch_service_tiers_item_data,
                ) in enumerate(_dispatch_service_tiers):
                    try:
                        dispatch_service_tiers_item = FilterDispatchServiceTiersItem(
                            dispatch_service_tiers_item_data
                        )

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            dispatch_service_tiers_index, _payload_error.model
                        ) from None
                    dispatch_service_tiers.append(dispatch_service_tiers_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("dispatchServiceTiers", "Filter") from None

        hold = d.pop("hold", UNSET)

        location_id = d.pop("locationId", UNSET)

        _modified_date_json = d.pop("modifiedDate", UNSET)
        try:
            _modified_date = _modified_date_json
            modified_date: DateFilter | Unset
            if isinstance(_modified_date, Unset):
                modified_date = UNSET
            else:
                modified_date = DateFilter.from_dict(_modified_date)

        except PayloadError as _payload_error:
            raise _payload_error.within("modifiedDate", "Filter") from None

        _order_date_json = d.pop("orderDate", UNSET)
        try:
            _order_date = _order_date_json
            order_date: DateFilter | Unset
            if isinstance(_order_date, Unset):
                order_date = UNSET
            else:
                order_date = DateFilter.from_dict(_order_date)

        except PayloadError as _payload_error:
            raise _payload_error.within("orderDate", "Filter") from None

        _service_profiles_json = d.pop("serviceProfiles", UNSET)
        try:
            _service_profiles = _service_profiles_json
            service_profiles: list[FilterServiceProfilesItem] | Unset = UNSET
            if _service_profiles is not UNSET:
                service_profiles = []
                for service_profiles_index, service_profiles_item_data in enumerate(
                    _service_profiles
                ):
                    try:
                        service_profiles_item = FilterServiceProfilesItem(
                            service_profiles_item_data
                        )

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            service_profiles_index, _payload_error.model
                        ) from None
                    service_profiles.append(service_profiles_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("serviceProfiles", "Filter") from None

        _shipment_types_json = d.pop("shipmentTypes", UNSET)
        try:
            _shipment_types = _shipment_types_json
            shipment_types: list[FilterShipmentTypesItem] | Unset = UNSET
            if _shipment_types is not UNSET:
                shipment_types = []
                for shipment_types_index, shipment_types_item_data in enumerate(
                    _shipment_types
                ):
                    try:
                        shipment_types_item = FilterShipmentTypesItem(
                            shipment_types_item_data
                        )

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            shipment_types_index, _payload_error.model
                        ) from None
                    shipment_types.append(shipment_types_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("shipmentTypes", "Filter") from None

        _sku_json = d.pop("sku", UNSET)
        try:
            sku = cast(list[str], _sku_json)

        except PayloadError as _payload_error:
            raise _payload_error.within("sku", "Filter") from None

        _states_json = d.pop("states", UNSET)
        try:
            _states = _states_json
            states: list[FilterStatesItem] | Unset = UNSET
            if _states is not UNSET:
                states = []
                for states_index, states_item_data in enumerate(_states):
                    try:
                        states_item = FilterStatesItem(states_item_data)

                    except PayloadError as _payload_error:
                        raise _payload_error.within_index(
                            states_index, _payload_error.model
                        ) from None
                    states.append(states_item)

        except PayloadError as _payload_error:
            raise _payload_error.within("states", "Filter") from None

        _type_ = d.pop("type", UNSET)
        type_: FilterType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = FilterType(_type_)

        filter_ = cls(
            cancellation_date=cancellation_date,
            cancellation_type=cancellation_type,
            dispatch_after_date=dispatch_after_date,
            dispatch_by_date=dispatch_by_date,
            dispatch_service_tiers=dispatch_service_tiers,
            hold=hold,
            location_id=location_id,
            modified_date=modified_date,
            order_date=order_date,
            service_profiles=service_profiles,
            shipment_types=shipment_types,
            sku=sku,
            states=states,
            type_=type_,
        )

        filter_.additional_properties = d
        return filter_

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
