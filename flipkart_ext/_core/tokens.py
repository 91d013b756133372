"""OAuth tokens and Flipkart's token requests, as pure functions.

Every token call is ``GET {oauth}/oauth/token?grant_type=...`` with HTTP Basic
auth (application id and secret). The builders here only *build* the
:class:`httpx.Request`; sending it is the auth flow's job, so the same code
serves sync and async callers.

Expiry is computed from ``expires_in`` at the moment the answer is received
(``expires_at`` is wall-clock epoch seconds, so it survives a trip through a
file shared by several processes).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal, NamedTuple
from urllib.parse import urlencode

from .._boundary import guarded_class
from ..errors import InvalidArgument

__all__ = [
    "GRANT_EXTENSION",
    "MAX_GENERATION",
    "MAX_LIFETIME",
    "SCOPE",
    "AuthorizationURL",
    "GrantType",
    "Token",
    "build_authorize_url",
    "new_state",
    "parse_token_payload",
    "token_url",
    "verify_state",
]

#: The only scope Flipkart defines.
SCOPE = "Seller_Api"

GrantType = Literal["client_credentials", "authorization_code", "refresh_token"]

#: Request extension naming the grant of a token request (read by the auth flow and retries).
GRANT_EXTENSION = "flipkart_ext.grant"

#: Generations are counted in a Redis script too (Lua numbers are exact below 2**53).
MAX_GENERATION = 2**53
#: A lifetime longer than this (100 years) is not a lifetime: ``expires_in`` of 1e12 reads as
#: unknown instead of an expiry no calendar can show.
MAX_LIFETIME = 100 * 365 * 24 * 3600.0


@guarded_class
@dataclass(frozen=True, repr=False)
class Token:
    """An access token and what is known about it. ``repr`` never shows a secret."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - a token kind, not a secret
    #: Epoch seconds after which the token is expired; ``None`` when the server did not say.
    expires_at: float | None = None
    scope: str | None = None
    refresh_token: str | None = None
    #: Epoch seconds when the token was received, used to size the refresh window.
    obtained_at: float | None = None
    #: Epoch seconds after which the refresh token is expired (from Flipkart's
    #: ``refresh_token_expires_in``); ``None`` when the server did not say.
    refresh_token_expires_at: float | None = None
    #: How many renewals led to this token: a token obtained by renewing one of generation
    #: ``g`` has generation ``g + 1``. Stores order tokens by it (the custody rule on
    #: :class:`~flipkart_ext.TokenStore`), so an older token never replaces a newer one.
    generation: int = 0
    #: Epoch seconds when a worker sent this token's refresh token to the token endpoint,
    #: recorded in the store before it was sent; ``None`` while it is unspent. Another
    #: worker that finds it set knows that the refresh token may be spent, and by whom.
    refresh_sent_at: float | None = None

    def seconds_left(self, now: float) -> float | None:
        """Seconds until expiry at ``now``, or ``None`` if unknown."""
        return None if self.expires_at is None else self.expires_at - now

    def refresh_token_seconds_left(self, now: float) -> float | None:
        """Seconds until the refresh token expires at ``now``, or ``None`` if unknown."""
        if self.refresh_token_expires_at is None:
            return None
        return self.refresh_token_expires_at - now

    def needs_refresh(self, now: float, skew: float) -> bool:
        """True once ``now`` is inside the refresh window before expiry.

        The window is ``skew`` seconds, but never more than half the token's
        lifetime, so a short-lived token is not refreshed on every call.
        """
        if self.expires_at is None:
            return False
        window = skew
        if self.obtained_at is not None and self.expires_at > self.obtained_at:
            window = min(skew, (self.expires_at - self.obtained_at) / 2)
        return now >= self.expires_at - window

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping for token stores: every field, by its name."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Token:
        """Rebuild a token written by :meth:`to_dict`; ``InvalidArgument`` (a ``ValueError``)
        if it is not one."""
        if not isinstance(data, Mapping):
            raise InvalidArgument(f"stored token is a {type(data).__name__}, not an object")
        access_token = data.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise InvalidArgument("stored token has no access_token")

        def opt_str(key: str) -> str | None:
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise InvalidArgument(f"stored token field {key!r} is not a string")
            return value

        def opt_float(key: str) -> float | None:
            value = data.get(key)
            if value is None:
                return None
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
            ):
                raise InvalidArgument(f"stored token field {key!r} is not a number")
            return float(value)

        generation = data.get("generation", 0)
        if (
            isinstance(generation, bool)
            or not isinstance(generation, int)
            or not 0 <= generation < MAX_GENERATION
        ):
            raise InvalidArgument("stored token field 'generation' is not a whole number")
        return cls(
            access_token=access_token,
            token_type=opt_str("token_type") or "bearer",
            expires_at=opt_float("expires_at"),
            scope=opt_str("scope"),
            refresh_token=opt_str("refresh_token"),
            obtained_at=opt_float("obtained_at"),
            refresh_token_expires_at=opt_float("refresh_token_expires_at"),
            generation=generation,
            refresh_sent_at=opt_float("refresh_sent_at"),
        )

    def fingerprint(self) -> str:
        """A short non-reversible identifier, safe to log, to tell two tokens apart."""
        return hashlib.sha256(self.access_token.encode()).hexdigest()[:12]

    def __repr__(self) -> str:
        refresh = "'***'" if self.refresh_token else "None"
        return (
            f"Token(access_token='***', token_type={self.token_type!r}, "
            f"expires_at={self.expires_at!r}, scope={self.scope!r}, refresh_token={refresh}, "
            f"refresh_token_expires_at={self.refresh_token_expires_at!r}, "
            f"generation={self.generation!r})"
        )

    __str__ = __repr__


def parse_token_payload(payload: Any, *, received_at: float) -> Token:
    """Read a token endpoint's JSON answer; ``ValueError`` if it holds no access token.

    Liberal: ``expires_in`` and ``refresh_token_expires_in`` may be numbers or
    numeric strings (anything else counts as unknown), ``scope`` a string or a
    list, unknown fields are ignored.
    """
    if not isinstance(payload, Mapping):
        raise InvalidArgument("token response is not a JSON object")
    access_token = payload.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise InvalidArgument("token response has no access_token")
    expires_at = _expiry(payload.get("expires_in"), received_at)
    scope = payload.get("scope")
    if isinstance(scope, list):
        scope = " ".join(str(s) for s in scope)
    refresh = payload.get("refresh_token")
    token_type = payload.get("token_type")
    return Token(
        access_token=access_token,
        token_type=token_type if isinstance(token_type, str) and token_type else "bearer",
        expires_at=expires_at,
        scope=scope if isinstance(scope, str) else None,
        refresh_token=refresh if isinstance(refresh, str) and refresh else None,
        obtained_at=received_at,
        refresh_token_expires_at=_expiry(payload.get("refresh_token_expires_in"), received_at),
    )


def _expiry(raw: Any, received_at: float) -> float | None:
    """Epoch seconds ``raw`` seconds after ``received_at``; ``None`` unless ``raw`` is a sane count."""
    if raw is None or isinstance(raw, bool):
        return None
    try:
        seconds = float(raw)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(seconds) or seconds < 0 or seconds > MAX_LIFETIME:
        return None
    return received_at + seconds


def token_url(oauth_base_url: str) -> str:
    """``{oauth}/oauth/token``."""
    return oauth_base_url.rstrip("/") + "/oauth/token"


class AuthorizationURL(NamedTuple):
    """Where to send the seller's browser, and the ``state`` to keep for the callback."""

    url: str
    state: str


def new_state() -> str:
    """A fresh unguessable ``state`` value (256 bits from :mod:`secrets`)."""
    return secrets.token_urlsafe(32)


def build_authorize_url(
    oauth_base_url: str,
    client_id: str,
    redirect_uri: str,
    *,
    state: str | None = None,
    scope: str = SCOPE,
) -> AuthorizationURL:
    """Build ``{oauth}/oauth/authorize?...`` with a random ``state`` unless one is given."""
    state = state or new_state()
    query = urlencode(
        {
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "scope": scope,
            "state": state,
        }
    )
    return AuthorizationURL(f"{oauth_base_url.rstrip('/')}/oauth/authorize?{query}", state)


def verify_state(expected: str, received: str | None) -> bool:
    """Compare the callback's ``state`` with the one issued, in constant time."""
    if not expected or not received:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), received.encode("utf-8"))
