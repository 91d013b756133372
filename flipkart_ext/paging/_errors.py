"""Errors raised while walking the pages of a list, whatever the resource.

::

    FlipkartError (flipkart_ext.errors)
    ├── MalformedResponse                a 2xx answer that is not the documented JSON shape
    └── PaginationError                  the server's paging answer cannot be followed safely
         ├── UnsafeCursor                a cursor that must not be sent (control characters, too long)
         │    └── UnsafeNextPageUrl      ... or a next-page URL leading off the API host or base path
         ├── RepeatedCursor              a cursor this iteration already fetched came back
         ├── MissingNextPage             a page says there is more but gives no usable cursor
         └── NoProgress                  pages in a row brought nothing new (all repeats, or empty)

Every error that ends an iteration carries ``resume_from`` (see
:attr:`flipkart_ext.FlipkartError.resume_from`): the cursor of the first page that was
*not* handed over, or ``None`` when no page was, so the same call started again with
``resume_from=error.resume_from`` neither loses nor repeats an item.
"""

from __future__ import annotations

from ..errors import FlipkartError, MalformedResponse

__all__ = [
    "MalformedResponse",
    "MissingNextPage",
    "NoProgress",
    "PaginationError",
    "RepeatedCursor",
    "UnsafeCursor",
    "UnsafeNextPageUrl",
]


class PaginationError(FlipkartError):
    """The server's paging answer cannot be followed safely."""


class UnsafeCursor(PaginationError):
    """A cursor (from the server or from ``resume_from``) that must not be sent.

    Raised before any request carrying it exists.
    """


class UnsafeNextPageUrl(UnsafeCursor):
    """A next-page URL leads outside the API's origin or base path, or cannot be sent as is.

    ``host`` is the origin it named when that is the reason (else ``None``); ``api_host``
    is the configured API origin, the only one that receives the bearer token.
    """

    def __init__(self, reason: str, *, api_host: str, host: str | None = None) -> None:
        self.reason = reason
        self.host = host
        self.api_host = api_host
        super().__init__(f"refusing to follow a next-page URL: {reason}")


class RepeatedCursor(PaginationError):
    """The server returned a cursor that was already fetched in this iteration.

    Following it would loop forever or yield pages twice.
    """

    def __init__(self, page_number: int) -> None:
        self.page_number = page_number
        super().__init__(
            f"page {page_number} returned a next-page cursor that this iteration already "
            "fetched; stopping instead of looping"
        )


class MissingNextPage(PaginationError):
    """A page says there are more pages but gives no usable cursor to fetch them.

    Stopping there would present a truncated list as complete. The page itself is not
    handed over: ``resume_from`` fetches it again.
    """

    def __init__(self, page_number: int, has_more_key: str, next_key: str, found: str) -> None:
        self.page_number = page_number
        super().__init__(
            f"page {page_number} says {has_more_key!r} is true but its {next_key!r} is {found}: "
            "the list would end early"
        )


class NoProgress(PaginationError):
    """Several pages in a row brought no item that was not already handed over.

    A server serving the same items under fresh cursors would otherwise be walked until
    ``max_pages``. The stale pages are empty once de-duplicated, so nothing is withheld.
    """

    def __init__(self, page_number: int, stale_pages: int) -> None:
        self.page_number = page_number
        self.stale_pages = stale_pages
        super().__init__(
            f"pages {page_number - stale_pages + 1} to {page_number} brought nothing new "
            f"({stale_pages} in a row, each still saying there is more); stopping instead of "
            "walking on"
        )
