"""The configured API base, and where a ``nextPageUrl`` or stored cursor may lead.

Resolution runs once per page, so the common case (a relative URL) is plain string
work; only a URL that names a scheme or host is parsed, to compare its origin.
"""

from __future__ import annotations

import re
from typing import Final

import httpx

from ._errors import PaginationError, UnsafeNextPageUrl

__all__ = ["ApiBase"]

# RFC 3986 scheme: a letter, then letters, digits, "+", "-" or ".", then ":".
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


class ApiBase:
    """The API base URL (e.g. ``https://api.flipkart.net/sellers``) as paths hang off it."""

    __slots__ = ("_origin", "prefix")

    def __init__(self, url: str | httpx.URL) -> None:
        parsed = httpx.URL(url)
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ValueError(f"api_base_url: expected an absolute http(s) URL, got {str(url)!r}")
        self.prefix = str(parsed.copy_with(query=None, fragment=None)).rstrip("/")
        """The base without a trailing slash: ``https://host/sellers``."""
        self._origin = (parsed.scheme, parsed.host, parsed.port)

    def join(self, path: str) -> str:
        """``path`` under the base path, leading slash or not."""
        return f"{self.prefix}/{path.lstrip('/')}"

    def resolve(self, next_page_url: str) -> str:
        """The URL to fetch for a ``nextPageUrl`` (or stored cursor), or refuse it.

        A relative URL belongs under the API base *path*, leading slash or not
        (``https://host/sellers`` + ``/v3/x`` is ``https://host/sellers/v3/x``); appended
        after the base path it cannot change the host. An absolute or scheme-relative
        URL is followed only if its scheme, host and port equal the base's; anything
        else raises ``UnsafeNextPageUrl`` before a request exists.
        """
        if not next_page_url.startswith("//") and not _SCHEME.match(next_page_url):
            return self.join(next_page_url)
        try:
            url = httpx.URL(next_page_url)
        except httpx.InvalidURL as exc:
            raise PaginationError(f"the next-page URL cannot be parsed: {exc}") from None
        if not url.scheme:
            url = url.copy_with(scheme=self._origin[0])
        if (url.scheme, url.host, url.port) != self._origin:
            raise UnsafeNextPageUrl(_origin(url.scheme, url.host, url.port), _origin(*self._origin))
        return str(url)


def _origin(scheme: str, host: str, port: int | None) -> str:
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")
