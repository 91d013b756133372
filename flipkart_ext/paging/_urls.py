"""The configured API base, and where a next-page URL or stored cursor may lead.

A cursor is refused before any request exists when it

* contains a control character (tab, newline, NUL, DEL ...): it would be sent mangled or
  split a request line;
* is longer than :data:`MAX_CURSOR_LENGTH` characters: no server of Flipkart's issues one,
  and a proxy in between would answer 414 or cut it;
* names another scheme, host or port than the API's, or carries user info: the bearer
  token goes to the API origin only;
* has a dot-segment (``.`` or ``..``, percent-encoded or behind a backslash included) in
  its path, or an absolute path outside the API base path: the request must stay under
  the API's base path, however a server or proxy normalizes it.

Resolution runs once per page, so the common case (a relative URL) is plain string work;
only a URL that names a scheme or host is parsed, to compare its origin.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import unquote

import httpx

from .._boundary import guarded_class
from ..errors import InvalidArgument, UnsafeCursor, UnsafeNextPageUrl

__all__ = ["MAX_CURSOR_LENGTH", "ApiBase", "check_token"]

MAX_CURSOR_LENGTH: Final = 8192
"""Longest cursor (URL or token) sent; longer ones are refused as unsafe."""

# RFC 3986 scheme: a letter, then letters, digits, "+", "-" or ".", then ":".
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DOT_SEGMENTS: Final = frozenset({".", ".."})


def _common_refusal(cursor: object) -> str | None:
    """Why ``cursor`` can never be sent, whatever its kind; ``None`` when it may be."""
    if not isinstance(cursor, str):
        return f"it is a {type(cursor).__name__}, not a string"
    if len(cursor) > MAX_CURSOR_LENGTH:
        return f"it is {len(cursor)} characters long, over the limit of {MAX_CURSOR_LENGTH}"
    control = _CONTROL.search(cursor)
    if control is not None:
        return f"it contains the control character U+{ord(control.group()):04X}"
    return None


def check_token(cursor: object, *, what: str = "page token") -> str:
    """``cursor`` as an opaque token to put in a request body, or raise ``UnsafeCursor``."""
    reason = _common_refusal(cursor)
    if reason is None and not str(cursor).strip():
        reason = "it is blank"
    if reason is not None:
        raise UnsafeCursor(f"refusing to send a {what}: {reason}")
    assert isinstance(cursor, str)
    return cursor


def _leaves_base(path: str) -> bool:
    """True if some segment of ``path`` is a dot-segment once decoded (``..``, ``%2e%2E`` ...)."""
    decoded = unquote(path).replace("\\", "/")
    return any(segment in _DOT_SEGMENTS for segment in decoded.split("/"))


@guarded_class
class ApiBase:
    """The API base URL (e.g. ``https://api.flipkart.net/sellers``) as paths hang off it."""

    __slots__ = ("_base_path", "_origin", "origin", "prefix")

    def __init__(self, url: str | httpx.URL) -> None:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise InvalidArgument(f"api_base_url: {exc}") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise InvalidArgument(
                f"api_base_url: expected an absolute http(s) URL, got {str(url)!r}"
            )
        self.prefix = str(parsed.copy_with(query=None, fragment=None)).rstrip("/")
        """The base without a trailing slash: ``https://host/sellers``."""
        self._origin = (parsed.scheme, parsed.host, parsed.port)
        self.origin = _origin(*self._origin)
        """``scheme://host[:port]`` of the API."""
        self._base_path = parsed.path.rstrip("/")

    def join(self, path: str) -> str:
        """``path`` under the base path, leading slash or not."""
        return f"{self.prefix}/{path.lstrip('/')}"

    def _refuse(self, reason: str, host: str | None = None) -> UnsafeNextPageUrl:
        return UnsafeNextPageUrl(reason, api_host=self.origin, host=host)

    def resolve(self, next_page_url: str) -> str:
        """The URL to fetch for a next-page URL (or stored cursor), or raise ``UnsafeNextPageUrl``.

        A relative URL belongs under the API base *path*, leading slash or not
        (``https://host/sellers`` + ``/v3/x`` is ``https://host/sellers/v3/x``). An absolute
        or scheme-relative URL is followed only if its scheme, host and port equal the
        base's and its path lies under the base path. Any URL is refused if it matches
        one of the rules in this module's docstring.
        """
        reason = _common_refusal(next_page_url)
        if reason is not None:
            raise self._refuse(reason)
        path = next_page_url.split("?", 1)[0].split("#", 1)[0]  # pragma: no mutate (only [0] used)
        if _leaves_base(path):
            raise self._refuse("its path has a dot-segment ('.' or '..')")
        if not next_page_url.startswith("//") and not _SCHEME.match(next_page_url):
            if not next_page_url.strip():
                raise self._refuse("it is blank")
            return self.join(next_page_url)
        try:
            url = httpx.URL(next_page_url)
        except httpx.InvalidURL as exc:
            raise self._refuse(f"it cannot be parsed ({exc})") from None
        if not url.scheme:
            url = url.copy_with(scheme=self._origin[0])
        if (url.scheme, url.host, url.port) != self._origin:
            raise self._refuse(
                f"{_origin(url.scheme, url.host, url.port)!r} is not the API host "
                f"{self.origin!r}, the only one that receives credentials",
                host=_origin(url.scheme, url.host, url.port),
            )
        if url.userinfo:
            raise self._refuse("it carries user info ('user@')")
        if self._base_path and not (url.path + "/").startswith(self._base_path + "/"):
            raise self._refuse(f"its path is outside the API base path {self._base_path!r}")
        return str(url)


def _origin(scheme: str, host: str, port: int | None) -> str:
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")
