"""The shape of a listing search page for the shared paging engine.

``POST /listings/v3/search`` answers ``{has_more, next_page_id, listings}`` in snake case;
a later page is the same request with ``page_id`` set to ``next_page_id``. The spec types
``listings`` as one object and Flipkart's example as a list: both are accepted.
"""

from __future__ import annotations

from typing import Final

from .._spec import LISTING_SEARCH_PAGE, LISTING_SEARCHED
from ..paging import ResendWithToken
from ..paging._shape import page_shape

__all__ = ["LISTING_PAGES"]


LISTING_PAGES: Final = page_shape(
    "listing search",
    LISTING_SEARCH_PAGE,
    LISTING_SEARCHED,
    ResendWithToken(LISTING_SEARCH_PAGE.page_id),
    "bulk_listing.BulkListing",
    single_object_items=True,
)
