"""Token values encrypted at rest, with keys the user supplies (the ``crypto`` extra).

``FileTokenStore(..., encryption_key=...)`` and the Redis stores keep each token record
encrypted with `cryptography`'s Fernet (AES-128-CBC with an HMAC-SHA256, a timestamp and a
version byte): a copied file or a Redis dump then holds no usable token without the key.

``encryption_key`` is one Fernet key (``Fernet.generate_key()``), or a list of them for
rotation: the first encrypts, every one decrypts (``MultiFernet``). To rotate, put the new key
first and keep the old one after it until every record has been written again (each renewal
rewrites its record; ``flipkart token status`` shows which are still old), then drop it.

A record written before encryption was turned on is read as it is and encrypted at its next
write; a record that no key opens is a :class:`~flipkart_ext.TokenStoreError` naming it
(the data is not guessed at, nor overwritten by a token of a lower generation).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ConfigurationError, InvalidArgument, TokenStoreError

__all__ = ["SEALED_PREFIX", "Sealer"]

#: What a sealed record starts with (a Fernet token is URL-safe base64 text).
SEALED_PREFIX = "fernet:"


class Sealer:
    """Seals and opens token records with one or more Fernet keys (the first one seals)."""

    def __init__(self, keys: Sequence[str | bytes]) -> None:
        try:
            from cryptography.fernet import Fernet, MultiFernet
        except ImportError:
            raise ConfigurationError(
                "encryption_key needs the crypto extra: pip install 'flipkart-seller[crypto]'"
            ) from None
        if not keys:
            raise InvalidArgument("encryption_key: expected a Fernet key or a list of them")
        try:
            fernets = [Fernet(key) for key in keys]
        except (ValueError, TypeError):
            # The message of cryptography names the format, never the key.
            raise InvalidArgument(
                "encryption_key: each key must be 32 url-safe base64-encoded bytes "
                "(cryptography.fernet.Fernet.generate_key())"
            ) from None
        self._fernet = MultiFernet(fernets)

    @classmethod
    def of(cls, key: Any) -> Sealer | None:
        """A sealer for ``encryption_key`` (a key or a list of keys), or ``None`` without one."""
        if key is None:
            return None
        keys = [key] if isinstance(key, (str, bytes)) else list(key)
        return cls(keys)

    def __repr__(self) -> str:
        return "Sealer()"

    def seal(self, text: str) -> str:
        """``text`` encrypted with the first key."""
        sealed: bytes = self._fernet.encrypt(text.encode("utf-8"))
        return SEALED_PREFIX + sealed.decode("ascii")

    def open(self, text: str, *, what: str) -> str:
        """The plain text of a sealed record (a record never sealed is returned as it is)."""
        if not text.startswith(SEALED_PREFIX):
            return text
        from cryptography.fernet import InvalidToken

        try:
            opened: bytes = self._fernet.decrypt(text[len(SEALED_PREFIX) :].encode("ascii"))
            return opened.decode("utf-8")
        except (InvalidToken, UnicodeError, ValueError):
            raise TokenStoreError(
                f"{what} cannot be decrypted with the encryption keys given (rotated without "
                "keeping the old key?)"
            ) from None
