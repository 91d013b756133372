"""The shape of a shipment search page, for the shared paging engine.

``POST /v3/shipments/filter`` opens the search; each answer is
``{hasMore, nextPageUrl, shipments}`` and a later page is a ``GET`` of ``nextPageUrl``
exactly as given (it carries the filter; the client must not rebuild it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from .._spec import SHIPMENT, SHIPMENT_PAGE
from ..paging import FollowUrl, PageShape

__all__ = ["SHIPMENT_SEARCH_PAGES"]


def _shipment_model() -> Callable[[dict[str, Any]], Any]:
    from flipkart_seller_api.models.shipment import Shipment

    return Shipment.from_dict


SHIPMENT_SEARCH_PAGES: Final = PageShape(
    name="shipment search",
    items=SHIPMENT_PAGE.items,
    item_id=SHIPMENT.id,
    has_more=SHIPMENT_PAGE.has_more,
    next=SHIPMENT_PAGE.next,
    cursor=FollowUrl("shipment_v3.search_pre_dispatch_shipment_get"),
    load_model=_shipment_model,
)
