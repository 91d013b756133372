"""The shape of a listing search page for the shared paging engine.

``POST /listings/v3/search`` answers ``{has_more, next_page_id, listings}`` in snake case;
a later page is the same request with ``page_id`` set to ``next_page_id``. The spec types
``listings`` as one object and Flipkart's example as a list: both are accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from .._spec import LISTING_SEARCH_PAGE, LISTING_SEARCHED
from ..paging import PageShape, ResendWithToken

__all__ = ["LISTING_PAGES"]


def _listing_model() -> Callable[[dict[str, Any]], Any]:
    from flipkart_seller_api.models.bulk_listing import BulkListing

    return BulkListing.from_dict


LISTING_PAGES: Final = PageShape(
    name="listing search",
    items=LISTING_SEARCH_PAGE.items,
    item_id=LISTING_SEARCHED,
    has_more=LISTING_SEARCH_PAGE.has_more,
    next=LISTING_SEARCH_PAGE.next,
    cursor=ResendWithToken(LISTING_SEARCH_PAGE.page_id),
    load_model=_listing_model,
    single_object_items=True,
)
