"""One paging engine for every list Flipkart serves.

A list declares its :class:`PageShape` (the first request is built by its resource; the
shape names the items key, the item id, the "has more" flag and the next cursor, and
whether that cursor is a URL to follow or a token to resend). :class:`PageWalker` holds
every guarantee (safe cursors, no loops, no silent truncation, de-duplication, limits,
resume); :class:`ItemIterator` / :class:`PageIterator` and their async twins drive it.

Log records go to the ``flipkart_ext.paging`` logger.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_module_getattr
from ._shape import CursorStyle, FollowUrl, PageRequest, PageShape, ResendWithToken
from ._urls import MAX_CURSOR_LENGTH, ApiBase
from ._walker import DEFAULT_DEDUPE_WINDOW, MAX_EMPTY_PAGES, MAX_STALE_PAGES, Page, PageWalker

if TYPE_CHECKING:
    from .._async.pages import AsyncItemIterator, AsyncPagedList, AsyncPageIterator
    from .._sync.pages import ItemIterator, PagedList, PageIterator

__all__ = [
    "DEFAULT_DEDUPE_WINDOW",
    "MAX_CURSOR_LENGTH",
    "MAX_EMPTY_PAGES",
    "MAX_STALE_PAGES",
    "ApiBase",
    "AsyncItemIterator",
    "AsyncPageIterator",
    "AsyncPagedList",
    "CursorStyle",
    "FollowUrl",
    "ItemIterator",
    "Page",
    "PageIterator",
    "PageRequest",
    "PageShape",
    "PageWalker",
    "PagedList",
    "ResendWithToken",
]

# The iterators live with the I/O layer (which imports this package's pure parts), so
# they are loaded on first use; the errors moved to flipkart_ext (one error tree).
__getattr__ = lazy_module_getattr(
    __name__,
    {
        "AsyncItemIterator": ".._async.pages",
        "AsyncPageIterator": ".._async.pages",
        "AsyncPagedList": ".._async.pages",
        "ItemIterator": ".._sync.pages",
        "PageIterator": ".._sync.pages",
        "PagedList": ".._sync.pages",
    },
    moved={
        name: f"flipkart_ext.{name}"
        for name in (
            "MalformedResponse",
            "MissingNextPage",
            "NoProgress",
            "PaginationError",
            "RepeatedCursor",
            "UnsafeCursor",
            "UnsafeNextPageUrl",
        )
    },
)
