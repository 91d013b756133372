import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from flipkart_seller_api.models.filter_cancellation_type import FilterCancellationType
from flipkart_seller_api.models.filter_dispatch_service_tiers_item import (
    FilterDispatchServiceTiersItem,
)
from flipkart_seller_api.models.filter_service_profiles_item import FilterServiceProfilesItem
from flipkart_seller_api.models.filter_shipment_types_item import FilterShipmentTypesItem
from flipkart_seller_api.models.filter_states_item import FilterStatesItem
from flipkart_seller_api.models.search_shipment_request import SearchShipmentRequest
from flipkart_seller_api.models.sort_field import SortField

from flipkart_ext import InvalidArgument
from flipkart_ext.shipments import ShipmentFilter, _filter

IST = ZoneInfo("Asia/Kolkata")
MAY_1 = dt.datetime(2024, 5, 1, tzinfo=IST)
MAY_2 = dt.datetime(2024, 5, 2, tzinfo=IST)


def test_pre_dispatch_builds_the_documented_body():
    f = ShipmentFilter.pre_dispatch(
        states=["APPROVED", "PACKED"],
        location_id="LOC1",
        skus="SKU-1",
        order_date=(MAY_1, "2024-05-02T00:00:00+05:30"),
        dispatch_by_date=(None, MAY_2),
        shipment_types=["NORMAL", "EXPRESS"],
        service_profiles=["NON_FBF"],
        dispatch_service_tiers=["REGULAR"],
        hold=False,
        sort_field="dispatchByDate",
        sort_order="desc",
        page_size=20,
    )

    assert f.to_dict() == {
        "filter": {
            "type": "preDispatch",
            "states": ["APPROVED", "PACKED"],
            "locationId": "LOC1",
            "sku": ["SKU-1"],
            "orderDate": {"from": "2024-05-01T00:00:00+05:30", "to": "2024-05-02T00:00:00+05:30"},
            "dispatchByDate": {"to": "2024-05-02T00:00:00+05:30"},
            "shipmentTypes": ["NORMAL", "EXPRESS"],
            "serviceProfiles": ["NON_FBF"],
            "dispatchServiceTiers": ["REGULAR"],
            "hold": False,
        },
        "pagination": {"pageSize": 20},
        "sort": {"field": "dispatchByDate", "order": "desc"},
    }


def test_to_request_returns_the_generated_model():
    request = ShipmentFilter.post_dispatch(states="SHIPPED", sort_field="modifiedDate").to_request()

    assert isinstance(request, SearchShipmentRequest)
    assert request.filter_.states == [FilterStatesItem.SHIPPED]
    assert request.sort.field is SortField.MODIFIEDDATE


def test_cancelled_filter_carries_type_and_date_range():
    f = ShipmentFilter.cancelled(
        "buyerCancellation", cancellation_date=("2024-05-01 09:30 +05:30", None)
    )

    assert f.to_dict() == {
        "filter": {
            "type": "cancelled",
            "cancellationType": "buyerCancellation",
            "cancellationDate": {"from": "2024-05-01T09:30:00+05:30"},
        }
    }


def test_states_may_be_omitted_and_enum_members_are_sent_as_plain_values():
    assert ShipmentFilter.post_dispatch().to_dict() == {"filter": {"type": "postDispatch"}}
    f = ShipmentFilter.pre_dispatch(states=[FilterStatesItem.APPROVED])
    assert f.states == ("APPROVED",)
    assert type(f.states[0]) is str


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: ShipmentFilter("returned"), "filter_type"),
        (lambda: ShipmentFilter.pre_dispatch(states=["SHIPPED"]), "states"),
        (lambda: ShipmentFilter.post_dispatch(states=["APPROVED"]), "states"),
        (lambda: ShipmentFilter.pre_dispatch(states=[]), "states"),
        (lambda: ShipmentFilter.pre_dispatch(states=["approved"]), "states"),
        (lambda: ShipmentFilter.pre_dispatch(states=7), "states"),
        (
            lambda: ShipmentFilter(
                "cancelled", states=["CANCELLED"], cancellation_type="buyerCancellation"
            ),
            "states",
        ),
        (lambda: ShipmentFilter("cancelled"), "cancellation_type"),
        (lambda: ShipmentFilter.cancelled("customerCancellation"), "cancellation_type"),
        (
            lambda: ShipmentFilter("preDispatch", cancellation_type="buyerCancellation"),
            "cancellation_type",
        ),
        (
            lambda: ShipmentFilter("postDispatch", cancellation_date=(MAY_1, MAY_2)),
            "cancellation_date",
        ),
        (lambda: ShipmentFilter("postDispatch", hold=True), "hold"),
        (
            lambda: ShipmentFilter("cancelled", cancellation_type="buyerCancellation", hold=True),
            "hold",
        ),
        (lambda: ShipmentFilter.pre_dispatch(hold="yes"), "hold"),
        (lambda: ShipmentFilter.pre_dispatch(location_id=""), "location_id"),
        (lambda: ShipmentFilter.pre_dispatch(skus=["A", ""]), "skus"),
        (lambda: ShipmentFilter.pre_dispatch(skus=[]), "skus"),
        (lambda: ShipmentFilter.pre_dispatch(skus=[3]), "skus"),
        (lambda: ShipmentFilter.pre_dispatch(shipment_types=["FAST"]), "shipment_types"),
        (lambda: ShipmentFilter.pre_dispatch(service_profiles=["SMART"]), "service_profiles"),
        (
            lambda: ShipmentFilter.pre_dispatch(dispatch_service_tiers=["SLOW"]),
            "dispatch_service_tiers",
        ),
        (lambda: ShipmentFilter.pre_dispatch(sort_field="price"), "sort_field"),
        (lambda: ShipmentFilter.pre_dispatch(sort_order="ASC"), "sort_order"),
        (lambda: ShipmentFilter.pre_dispatch(page_size=0), "page_size"),
        (lambda: ShipmentFilter.pre_dispatch(page_size=21), "page_size"),
        (lambda: ShipmentFilter.pre_dispatch(page_size=True), "page_size"),
        (lambda: ShipmentFilter.pre_dispatch(page_size="10"), "page_size"),
    ],
)
def test_bad_input_raises_value_error_naming_the_field(build, field):
    with pytest.raises(ValueError, match=rf"^{field}: "):
        build()


@pytest.mark.parametrize(
    ("date_range", "problem"),
    [
        ((dt.datetime(2024, 5, 1), None), "no time zone"),
        (("2024-05-01T10:00:00", None), "no time zone"),
        ((None, dt.date(2024, 5, 1)), "a date has no time"),
        ((MAY_2, MAY_1), "is after"),
        (("2024-05-02T00:00+05:30", "2024-05-01T23:00+05:30"), "is after"),
        (("not a date", None), "cannot read"),
        ((None, None), "at least one"),
        ((MAY_1,), "pair"),
        ("2024-05-01/2024-05-02", "pair"),
        ((1714521600, None), "expected an aware datetime"),
    ],
)
@pytest.mark.parametrize(
    "field", ["order_date", "dispatch_after_date", "dispatch_by_date", "modified_date"]
)
def test_bad_date_ranges_are_rejected_naming_the_field(field, date_range, problem):
    with pytest.raises(ValueError, match=rf"^{field}\b.*{problem}"):
        ShipmentFilter.pre_dispatch(**{field: date_range})


def test_date_range_comparison_uses_instants_not_wall_clock():
    # 10:00 IST is 04:30 UTC, so this range is valid although 10 > 05 on the clock.
    f = ShipmentFilter.pre_dispatch(order_date=("2024-05-01T10:00+05:30", "2024-05-01T05:00+00:00"))
    assert f.order_date is not None


def test_filters_are_immutable_comparable_and_readable():
    a = ShipmentFilter.pre_dispatch(states=["APPROVED"], location_id="L")
    b = ShipmentFilter.pre_dispatch(states="APPROVED", location_id="L")

    assert a == b
    assert hash(a) == hash(b)
    assert a != ShipmentFilter.pre_dispatch(states=["PACKED"])
    with pytest.raises(AttributeError):
        a.page_size = 5  # type: ignore[misc]
    assert repr(a) == "ShipmentFilter('preDispatch', states=('APPROVED',), location_id='L')"


@pytest.mark.parametrize(
    ("ours", "generated"),
    [
        (
            (*_filter.STATES_BY_TYPE["preDispatch"], *_filter.STATES_BY_TYPE["postDispatch"]),
            FilterStatesItem,
        ),
        (_filter.CANCELLATION_TYPES, FilterCancellationType),
        (_filter.SHIPMENT_TYPES, FilterShipmentTypesItem),
        (_filter.SERVICE_PROFILES, FilterServiceProfilesItem),
        (_filter.DISPATCH_SERVICE_TIERS, FilterDispatchServiceTiersItem),
        (_filter.SORT_FIELDS, SortField),
    ],
)
def test_accepted_values_are_known_members_of_the_generated_enums(ours, generated):
    # Guards a regeneration that renames or drops a value this builder sends.
    assert all(generated(value).is_known for value in ours)


def test_a_state_given_twice_is_refused_naming_both_places():
    with pytest.raises(InvalidArgument) as caught:
        ShipmentFilter.pre_dispatch(states=["APPROVED", "PACKED", "APPROVED"])
    assert (
        str(caught.value)
        == "states[2]: 'APPROVED' is given twice (also at states[0]); give each once"
    )
