"""One paging engine for every list Flipkart serves.

A list declares its :class:`PageShape` (the first request is built by its resource; the
shape names the items key, the item id, the "has more" flag and the next cursor, and
whether that cursor is a URL to follow or a token to resend). :class:`PageWalker` holds
every guarantee (safe cursors, no loops, no silent truncation, de-duplication, limits,
resume); :class:`ItemIterator` / :class:`PageIterator` and their async twins drive it.

Log records go to the ``flipkart_ext.paging`` logger.
"""

from ._drivers import AsyncItemIterator, AsyncPageIterator, ItemIterator, PageIterator
from ._errors import (
    MalformedResponse,
    MissingNextPage,
    NoProgress,
    PaginationError,
    RepeatedCursor,
    UnsafeCursor,
    UnsafeNextPageUrl,
)
from ._lists import AsyncPagedList, PagedList
from ._shape import CursorStyle, FollowUrl, PageRequest, PageShape, ResendWithToken
from ._urls import MAX_CURSOR_LENGTH, ApiBase
from ._walker import DEFAULT_DEDUPE_WINDOW, MAX_EMPTY_PAGES, MAX_STALE_PAGES, Page, PageWalker

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
    "MalformedResponse",
    "MissingNextPage",
    "NoProgress",
    "Page",
    "PageIterator",
    "PageRequest",
    "PageShape",
    "PageWalker",
    "PagedList",
    "PaginationError",
    "RepeatedCursor",
    "ResendWithToken",
    "UnsafeCursor",
    "UnsafeNextPageUrl",
]
