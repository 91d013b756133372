"""``ShipmentFilter``: a validated, immutable description of one shipment search.

Every check runs in the constructor, so a bad filter raises ``ValueError`` naming the
offending field before any request exists. The generated request model is built only
on demand (``to_request``), which keeps ``import flipkart_ext`` free of the generated
models package.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, TypedDict, Unpack

from .._boundary import guarded_class
from .._core.inputs import DateRangeInput, FrozenValue, Range, flag, text_problem
from .._core.inputs import date_range as _date_range
from .._core.inputs import one_of as _one_of
from .._core.inputs import optional_values as _optional_values
from .._core.inputs import values as _values
from .._spec import (
    CANCELLATION_TYPES,
    DISPATCH_SERVICE_TIERS,
    FILTER_TYPES,
    SERVICE_PROFILES,
    SHIPMENT_TYPES,
    SORT_FIELDS,
    SORT_ORDERS,
)
from ..errors import InvalidArgument

if TYPE_CHECKING:
    from flipkart_seller_api.models.search_shipment_request import SearchShipmentRequest

__all__ = [
    "MAX_PAGE_SIZE",
    "STATES_BY_TYPE",
    "ShipmentCriteria",
    "ShipmentFilter",
]

PRE_DISPATCH, POST_DISPATCH, CANCELLED = FILTER_TYPES

# Which states each filter type accepts (Flipkart's filter documentation); the spec's
# state enum is wider because it is shared with other operations.
STATES_BY_TYPE: Final[dict[str, tuple[str, ...]]] = {
    PRE_DISPATCH: ("APPROVED", "PACKING_IN_PROGRESS", "PACKED", "FORM_FAILED", "READY_TO_DISPATCH"),
    POST_DISPATCH: ("SHIPPED", "DELIVERED", "PICKUP_COMPLETE"),
}
MAX_PAGE_SIZE: Final = 20
"""Flipkart's largest ``pagination.pageSize`` (also the server's default)."""

_Range = Range


class ShipmentCriteria(TypedDict, total=False):
    """The keyword arguments every filter type takes (``pre_dispatch``, ``post_dispatch``,
    ``cancelled``); see :class:`ShipmentFilter` for each."""

    location_id: str | None
    skus: Iterable[str] | str | None
    order_date: DateRangeInput | None
    dispatch_after_date: DateRangeInput | None
    dispatch_by_date: DateRangeInput | None
    modified_date: DateRangeInput | None
    shipment_types: Iterable[str] | str | None
    service_profiles: Iterable[str] | str | None
    dispatch_service_tiers: Iterable[str] | str | None
    sort_field: str | None
    sort_order: str | None
    page_size: int | None


@guarded_class
class ShipmentFilter(FrozenValue):
    """What to search for with ``POST /v3/shipments/filter``.

    Prefer the constructors named after the filter types::

        ShipmentFilter.pre_dispatch(states=["APPROVED"], location_id="LOC123")
        ShipmentFilter.post_dispatch(states=["SHIPPED"], dispatch_after_date=(start, end))
        ShipmentFilter.cancelled(cancellation_type="buyerCancellation",
                                 cancellation_date=("2024-05-01T00:00+05:30", None))
        ShipmentFilter.any()  # {"filter": {}}, exactly what Flipkart's own curl sends

    List arguments take any iterable of strings (a single string counts as one value);
    duplicates are dropped, order is kept. Instances are immutable and comparable.
    """

    __slots__ = (
        "cancellation_date",
        "cancellation_type",
        "dispatch_after_date",
        "dispatch_by_date",
        "dispatch_service_tiers",
        "filter_type",
        "hold",
        "location_id",
        "modified_date",
        "order_date",
        "page_size",
        "service_profiles",
        "shipment_types",
        "skus",
        "sort_field",
        "sort_order",
        "states",
    )

    # Declaration order, for repr and comparison (__slots__ is kept sorted).
    _FIELDS: Final = (
        "filter_type",
        "states",
        "cancellation_type",
        "location_id",
        "skus",
        "order_date",
        "dispatch_after_date",
        "dispatch_by_date",
        "modified_date",
        "cancellation_date",
        "shipment_types",
        "service_profiles",
        "dispatch_service_tiers",
        "hold",
        "sort_field",
        "sort_order",
        "page_size",
    )

    #: ``None`` only for :meth:`any`, which sends no type at all.
    filter_type: str | None
    states: tuple[str, ...] | None
    cancellation_type: str | None
    location_id: str | None
    skus: tuple[str, ...] | None
    order_date: _Range | None
    dispatch_after_date: _Range | None
    dispatch_by_date: _Range | None
    modified_date: _Range | None
    cancellation_date: _Range | None
    shipment_types: tuple[str, ...] | None
    service_profiles: tuple[str, ...] | None
    dispatch_service_tiers: tuple[str, ...] | None
    hold: bool | None
    sort_field: str | None
    sort_order: str | None
    page_size: int | None

    def __init__(
        self,
        filter_type: str | None,
        *,
        states: Iterable[str] | str | None = None,
        cancellation_type: str | None = None,
        location_id: str | None = None,
        skus: Iterable[str] | str | None = None,
        order_date: DateRangeInput | None = None,
        dispatch_after_date: DateRangeInput | None = None,
        dispatch_by_date: DateRangeInput | None = None,
        modified_date: DateRangeInput | None = None,
        cancellation_date: DateRangeInput | None = None,
        shipment_types: Iterable[str] | str | None = None,
        service_profiles: Iterable[str] | str | None = None,
        dispatch_service_tiers: Iterable[str] | str | None = None,
        hold: bool | None = None,
        sort_field: str | None = None,
        sort_order: str | None = None,
        page_size: int | None = None,
    ) -> None:
        if filter_type is None:
            # The typeless filter of Flipkart's curl: nothing else goes with it.
            criteria = {
                "states": states,
                "cancellation_type": cancellation_type,
                "location_id": location_id,
                "skus": skus,
                "order_date": order_date,
                "dispatch_after_date": dispatch_after_date,
                "dispatch_by_date": dispatch_by_date,
                "modified_date": modified_date,
                "cancellation_date": cancellation_date,
                "shipment_types": shipment_types,
                "service_profiles": service_profiles,
                "dispatch_service_tiers": dispatch_service_tiers,
                "hold": hold,
                "sort_field": sort_field,
                "sort_order": sort_order,
                "page_size": page_size,
            }
            given = [name for name, value in criteria.items() if value is not None]
            if given:
                raise InvalidArgument(
                    f"{given[0]}: ShipmentFilter.any() sends an empty filter; "
                    "use pre_dispatch(), post_dispatch() or cancelled() to narrow it"
                )
            for name in self._FIELDS:
                object.__setattr__(self, name, None)
            return
        kind = _one_of("filter_type", filter_type, (PRE_DISPATCH, POST_DISPATCH, CANCELLED))
        allowed_states = STATES_BY_TYPE.get(kind)
        if allowed_states is None:
            if states is not None:
                raise InvalidArgument(
                    "states: a cancelled filter selects by cancellation_type, not by state"
                )
            normalized_states = None
        else:
            normalized_states = (
                None if states is None else _values("states", states, allowed_states)
            )

        if kind == CANCELLED:
            if cancellation_type is None:
                raise InvalidArgument(
                    f"cancellation_type: required for a cancelled filter; one of {CANCELLATION_TYPES}"
                )
            cancel_kind: str | None = _one_of(
                "cancellation_type", cancellation_type, CANCELLATION_TYPES
            )
        else:
            for name, value in (
                ("cancellation_type", cancellation_type),
                ("cancellation_date", cancellation_date),
            ):
                if value is not None:
                    raise InvalidArgument(f"{name}: only a cancelled filter accepts it, not {kind}")
            cancel_kind = None

        if hold is not None:
            if kind != PRE_DISPATCH:
                raise InvalidArgument(f"hold: only a preDispatch filter accepts it, not {kind}")
            flag("hold", hold)

        if location_id is not None and (problem := text_problem(location_id)) is not None:
            raise InvalidArgument(f"location_id: {problem}")

        if page_size is not None and (
            isinstance(page_size, bool)
            or not isinstance(page_size, int)
            or not 1 <= page_size <= MAX_PAGE_SIZE
        ):
            raise InvalidArgument(
                f"page_size: expected an integer from 1 to {MAX_PAGE_SIZE}, got {page_size!r}"
            )

        set_ = object.__setattr__
        set_(self, "filter_type", kind)
        set_(self, "states", normalized_states)
        set_(self, "cancellation_type", cancel_kind)
        set_(self, "location_id", location_id)
        set_(self, "skus", None if skus is None else _values("skus", skus, None))
        set_(self, "order_date", _date_range("order_date", order_date))
        set_(self, "dispatch_after_date", _date_range("dispatch_after_date", dispatch_after_date))
        set_(self, "dispatch_by_date", _date_range("dispatch_by_date", dispatch_by_date))
        set_(self, "modified_date", _date_range("modified_date", modified_date))
        set_(self, "cancellation_date", _date_range("cancellation_date", cancellation_date))
        set_(
            self,
            "shipment_types",
            _optional_values("shipment_types", shipment_types, SHIPMENT_TYPES),
        )
        set_(
            self,
            "service_profiles",
            _optional_values("service_profiles", service_profiles, SERVICE_PROFILES),
        )
        set_(
            self,
            "dispatch_service_tiers",
            _optional_values(
                "dispatch_service_tiers", dispatch_service_tiers, DISPATCH_SERVICE_TIERS
            ),
        )
        set_(self, "hold", hold)
        set_(
            self,
            "sort_field",
            None if sort_field is None else _one_of("sort_field", sort_field, SORT_FIELDS),
        )
        set_(
            self,
            "sort_order",
            None if sort_order is None else _one_of("sort_order", sort_order, SORT_ORDERS),
        )
        set_(self, "page_size", page_size)

    @classmethod
    def any(cls) -> ShipmentFilter:
        """No criteria at all: the body is ``{"filter": {}}``.

        That is the request Flipkart's "Getting Started" page sends with curl; what the
        server returns for it is Flipkart's choice (the spec calls ``type`` required, the
        documentation's own example omits it). To narrow the search, use the typed
        constructors, which check every argument.
        """
        return cls(None)

    @classmethod
    def pre_dispatch(
        cls,
        states: Iterable[str] | str | None = None,
        *,
        hold: bool | None = None,
        **criteria: Unpack[ShipmentCriteria],
    ) -> ShipmentFilter:
        """Shipments not yet handed to the courier.

        ``states``: any of ``APPROVED``, ``PACKING_IN_PROGRESS``, ``PACKED``,
        ``FORM_FAILED``, ``READY_TO_DISPATCH`` (omitted: the server searches all of
        them). ``hold`` selects shipments on (or off) hold. ``criteria``: the keyword
        arguments every filter type takes (:class:`ShipmentCriteria`).
        """
        return cls(PRE_DISPATCH, states=states, hold=hold, **criteria)

    @classmethod
    def post_dispatch(
        cls, states: Iterable[str] | str | None = None, **criteria: Unpack[ShipmentCriteria]
    ) -> ShipmentFilter:
        """Shipments already dispatched.

        ``states``: any of ``SHIPPED``, ``DELIVERED``, ``PICKUP_COMPLETE`` (omitted: the
        server searches all of them). ``criteria``: the keyword arguments every filter type
        takes (:class:`ShipmentCriteria`).
        """
        return cls(POST_DISPATCH, states=states, **criteria)

    @classmethod
    def cancelled(
        cls,
        cancellation_type: str,
        *,
        cancellation_date: DateRangeInput | None = None,
        **criteria: Unpack[ShipmentCriteria],
    ) -> ShipmentFilter:
        """Cancelled shipments: ``sellerCancellation``, ``buyerCancellation`` or
        ``marketplaceCancellation``, optionally within a ``cancellation_date`` range.
        ``criteria``: the keyword arguments every filter type takes
        (:class:`ShipmentCriteria`)."""
        return cls(
            CANCELLED,
            cancellation_type=cancellation_type,
            cancellation_date=cancellation_date,
            **criteria,
        )

    def to_request(self) -> SearchShipmentRequest:
        """The generated request model for ``POST /v3/shipments/filter``."""
        from flipkart_seller_api.models.date_filter import DateFilter
        from flipkart_seller_api.models.filter_ import Filter
        from flipkart_seller_api.models.filter_cancellation_type import FilterCancellationType
        from flipkart_seller_api.models.filter_dispatch_service_tiers_item import (
            FilterDispatchServiceTiersItem,
        )
        from flipkart_seller_api.models.filter_service_profiles_item import (
            FilterServiceProfilesItem,
        )
        from flipkart_seller_api.models.filter_shipment_types_item import FilterShipmentTypesItem
        from flipkart_seller_api.models.filter_states_item import FilterStatesItem
        from flipkart_seller_api.models.filter_type import FilterType
        from flipkart_seller_api.models.pagination import Pagination
        from flipkart_seller_api.models.search_shipment_request import SearchShipmentRequest
        from flipkart_seller_api.models.sort import Sort
        from flipkart_seller_api.models.sort_field import SortField
        from flipkart_seller_api.models.sort_order import SortOrder
        from flipkart_seller_api.types import UNSET

        def date_filter(value: _Range | None) -> Any:
            if value is None:
                return UNSET
            start, end = value
            return DateFilter(
                from_=UNSET if start is None else start, to=UNSET if end is None else end
            )

        def listed(values: tuple[str, ...] | None, enum: Any) -> Any:
            return UNSET if values is None else [enum(v) for v in values]

        filter_ = Filter(
            type_=UNSET if self.filter_type is None else FilterType(self.filter_type),
            states=listed(self.states, FilterStatesItem),
            cancellation_type=(
                UNSET
                if self.cancellation_type is None
                else FilterCancellationType(self.cancellation_type)
            ),
            location_id=UNSET if self.location_id is None else self.location_id,
            sku=UNSET if self.skus is None else list(self.skus),
            order_date=date_filter(self.order_date),
            dispatch_after_date=date_filter(self.dispatch_after_date),
            dispatch_by_date=date_filter(self.dispatch_by_date),
            modified_date=date_filter(self.modified_date),
            cancellation_date=date_filter(self.cancellation_date),
            shipment_types=listed(self.shipment_types, FilterShipmentTypesItem),
            service_profiles=listed(self.service_profiles, FilterServiceProfilesItem),
            dispatch_service_tiers=listed(
                self.dispatch_service_tiers, FilterDispatchServiceTiersItem
            ),
            hold=UNSET if self.hold is None else self.hold,
        )
        sort: Any = UNSET
        if self.sort_field is not None or self.sort_order is not None:
            sort = Sort(
                field=UNSET if self.sort_field is None else SortField(self.sort_field),
                order=UNSET if self.sort_order is None else SortOrder(self.sort_order),
            )
        return SearchShipmentRequest(
            filter_=filter_,
            pagination=UNSET if self.page_size is None else Pagination(page_size=self.page_size),
            sort=sort,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON body sent to ``POST /v3/shipments/filter``."""
        return self.to_request().to_dict()

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}"
            for name in self._FIELDS[1:]
            if getattr(self, name) is not None
        )
        return f"ShipmentFilter({self.filter_type!r}{', ' if shown else ''}{shown})"
