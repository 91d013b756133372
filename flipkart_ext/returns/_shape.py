"""The shape of a returns page for the shared paging engine.

``GET /v2/returns`` answers ``{hasMore, nextUrl, returnItems}`` (``nextUrl``, not
``nextPageUrl`` as for shipments); a later page is a ``GET`` of ``nextUrl`` as given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from .._spec import RETURN_ITEM, RETURNS_PAGE
from ..paging import FollowUrl, PageShape

__all__ = ["RETURN_PAGES"]


def _return_model() -> Callable[[dict[str, Any]], Any]:
    from flipkart_seller_api.models.return_item import ReturnItem

    return ReturnItem.from_dict


RETURN_PAGES: Final = PageShape(
    name="returns search",
    items=RETURNS_PAGE.items,
    item_id=RETURN_ITEM.id,
    has_more=RETURNS_PAGE.has_more,
    next=RETURNS_PAGE.next,
    cursor=FollowUrl("returns_v2.get_returns"),
    load_model=_return_model,
)
