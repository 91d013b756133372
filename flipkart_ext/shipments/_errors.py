"""Errors raised while paging through shipments, and the seam that maps HTTP failures.

::

    FlipkartError (flipkart_ext._errors)
    └── ShipmentsError
         ├── MalformedResponse         a 2xx answer that is not the documented JSON shape
         └── PaginationError           the server's paging answer cannot be followed safely
              ├── UnsafeNextPageUrl    nextPageUrl (or a stored cursor) names another host
              └── RepeatedCursor       a cursor this iteration already fetched came back

Non-2xx answers raise the package's ``APIStatusError`` family, mapped in one place.
"""

from __future__ import annotations

import httpx

from .._errors import FlipkartError, raise_for_response

__all__ = [
    "MalformedResponse",
    "PaginationError",
    "RepeatedCursor",
    "ShipmentsError",
    "UnsafeNextPageUrl",
    "raise_for_status",
]


class ShipmentsError(FlipkartError):
    """Base of the errors raised by shipment search and look-ups."""


class MalformedResponse(ShipmentsError):
    """A successful answer whose body is not the documented JSON shape."""


class PaginationError(ShipmentsError):
    """The paging answer of ``POST /v3/shipments/filter`` cannot be followed safely."""


class UnsafeNextPageUrl(PaginationError):
    """A next-page URL points outside the configured API host.

    Raised before any request is sent, so the bearer token never reaches that host.
    """

    def __init__(self, host: str, api_host: str) -> None:
        self.host = host
        self.api_host = api_host
        super().__init__(
            f"refusing to follow a next-page URL to {host!r}: only the API host "
            f"{api_host!r} receives credentials"
        )


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


def raise_for_status(response: httpx.Response) -> None:
    """Raise the typed ``APIStatusError`` for a non-2xx answer."""
    raise_for_response(response)
