"""The shape of a returns page for the shared paging engine.

``GET /v2/returns`` answers ``{hasMore, nextUrl, returnItems}`` (``nextUrl``, not
``nextPageUrl`` as for shipments); a later page is a ``GET`` of ``nextUrl`` as given.
"""

from __future__ import annotations

from typing import Final

from .._spec import RETURN_ITEM, RETURNS_PAGE
from ..paging import FollowUrl
from ..paging._shape import page_shape

__all__ = ["RETURN_PAGES"]


RETURN_PAGES: Final = page_shape(
    "returns search",
    RETURNS_PAGE,
    RETURN_ITEM.id,
    FollowUrl("returns_v2.get_returns"),
    "return_item.ReturnItem",
)
