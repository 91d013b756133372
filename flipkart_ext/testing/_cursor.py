"""Opaque ``next_token`` cursors that carry the whole search, like Flipkart's.

Flipkart's tokens are base64 of JSON holding the filter, sort and page number, so a later
page keeps the first request's filter without server-side sessions. These do the same and
add a MAC, so that an edited or made-up token is refused instead of silently misread.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

__all__ = ["CursorCodec", "InvalidCursorError"]


class InvalidCursorError(ValueError):
    """The token was not issued by this emulator, or was altered."""


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorCodec:
    """Encode ``(search, page)`` into a token and back."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes) -> str:
        return _b64encode(hmac.new(self._key, payload, hashlib.sha256).digest()[:12])

    def encode(self, search: dict[str, Any], page: int) -> str:
        """A token for ``page`` (0-based) of ``search``."""
        payload = json.dumps(
            {"search": search, "page": page}, sort_keys=True, separators=(",", ":")
        ).encode()
        return f"{_b64encode(payload)}.{self._mac(payload)}"

    def decode(self, token: str) -> tuple[dict[str, Any], int]:
        """The search and page a token stands for; InvalidCursorError when it is not ours."""
        body, sep, mac = token.partition(".")
        try:
            payload = _b64decode(body)
        except (binascii.Error, ValueError) as exc:
            raise InvalidCursorError("next_token is not valid") from exc
        if not sep or not hmac.compare_digest(mac, self._mac(payload)):
            raise InvalidCursorError("next_token is not valid")
        data = json.loads(payload)
        return data["search"], int(data["page"])
