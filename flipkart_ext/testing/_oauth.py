"""Flipkart's OAuth service: ``/oauth/token`` (three grants) and ``/oauth/authorize``.

Tokens, refresh tokens and authorization codes are random opaque strings. The store keeps
only their SHA-256 digests, so nothing that could authenticate is held (or shown) in plain.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit

from ._wire import Request, Response, error_response, json_response

__all__ = [
    "SCOPE",
    "AccessCheck",
    "OAuthService",
    "TokenRequest",
    "TokenStore",
]

SCOPE = "Seller_Api"
_CODE_LIFETIME = 600.0


class TokenRequest(NamedTuple):
    """One call to the token endpoint, as tests count them (no secrets)."""

    grant_type: str
    client_id: str | None
    status: int


@dataclass
class _Grant:
    kind: str  # "access", "refresh" or "code"
    client_id: str
    scope: str
    expires_at: float
    revoked: bool = False
    redirect_uri: str | None = None


class AccessCheck(NamedTuple):
    """Whether a bearer token may call the API, and why not."""

    ok: bool
    error: str
    description: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class TokenStore:
    """Issued grants by digest, with expiry on a monotonic timer."""

    def __init__(
        self,
        *,
        expires_in: int,
        refresh_expires_in: int,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        self.expires_in = expires_in
        self.refresh_expires_in = refresh_expires_in
        self._timer = timer
        self._grants: dict[str, _Grant] = {}

    def clear(self) -> None:
        """Forget every grant."""
        self._grants.clear()

    def issue(
        self,
        kind: str,
        client_id: str,
        scope: str,
        lifetime: float,
        redirect_uri: str | None = None,
    ) -> str:
        """A new random grant of ``kind``; only its digest is stored."""
        value = (
            secrets.token_urlsafe(24)
            if kind == "code"
            else str(uuid.UUID(bytes=secrets.token_bytes(16), version=4))
        )
        self._grants[_digest(value)] = _Grant(
            kind, client_id, scope, self._timer() + lifetime, redirect_uri=redirect_uri
        )
        return value

    def find(self, kind: str, value: str) -> _Grant | None:
        """The live grant of ``kind`` with this value, or None when unknown, expired or revoked."""
        grant = self._grants.get(_digest(value))
        if grant is None or grant.kind != kind or grant.revoked:
            return None
        if self._timer() >= grant.expires_at:
            return None
        return grant

    def check_access(self, value: str) -> AccessCheck:
        """Judge a bearer token the way Flipkart's gateway does."""
        grant = self._grants.get(_digest(value))
        if grant is None or grant.kind != "access":
            return AccessCheck(False, "invalid_token", "Invalid access token")
        if grant.revoked:
            return AccessCheck(False, "invalid_token", "Access token has been revoked")
        if self._timer() >= grant.expires_at:
            return AccessCheck(False, "invalid_token", "Access token expired")
        return AccessCheck(True, "", "")

    def revoke(self, value: str) -> bool:
        """Revoke an access token, refresh token or code; False when it is unknown."""
        grant = self._grants.get(_digest(value))
        if grant is None or grant.revoked:
            return False
        grant.revoked = True
        return True

    def expire(self, *, refresh_tokens: bool = False) -> int:
        """Make every live access token (and refresh token, if asked) expire now."""
        now = self._timer()
        kinds = {"access", "refresh"} if refresh_tokens else {"access"}
        count = 0
        for grant in self._grants.values():
            if grant.kind in kinds and not grant.revoked and grant.expires_at > now:
                grant.expires_at = now
                count += 1
        return count

    def counts(self) -> dict[str, int]:
        """Live grants per kind, for the state endpoint."""
        now = self._timer()
        result = {"access": 0, "refresh": 0, "code": 0}
        for grant in self._grants.values():
            if not grant.revoked and grant.expires_at > now:
                result[grant.kind] += 1
        return result


def _oauth_error(status: int, error: str, description: str) -> Response:
    headers = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]
    if status == 401:
        headers.append(("WWW-Authenticate", 'Basic realm="oauth2/client"'))
    return error_response(status, error, description, headers=headers)


class OAuthService:
    """The token and authorize endpoints for one registered application."""

    def __init__(self, store: TokenStore, client_id: str, client_secret: str) -> None:
        self.store = store
        self.client_id = client_id
        self._secret_digest = _digest(client_secret)
        self.token_requests: list[TokenRequest] = []

    def _client_from_basic(self, request: Request) -> str | None:
        header = request.header("authorization") or ""
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return None
        client_id, sep, client_secret = decoded.partition(":")
        if not sep or client_id != self.client_id:
            return None
        if not hmac.compare_digest(_digest(client_secret), self._secret_digest):
            return None
        return client_id

    def token(self, request: Request) -> Response:
        """``GET /oauth-service/oauth/token``: answer one grant and remember that it was asked."""
        grant_type = request.query.get("grant_type", "")
        client_id = self._client_from_basic(request)
        response = self._token(request, grant_type, client_id)
        self.token_requests.append(TokenRequest(grant_type, client_id, response.status))
        return response

    def _token(self, request: Request, grant_type: str, client_id: str | None) -> Response:
        if request.method != "GET":
            return _oauth_error(
                405, "method_not_allowed", f"Request method {request.method!r} not supported"
            )
        if client_id is None:
            return _oauth_error(401, "invalid_client", "Bad client credentials")
        if not grant_type:
            return _oauth_error(400, "invalid_request", "Missing grant type")
        scope = request.query.get("scope", SCOPE)
        if scope != SCOPE:
            return _oauth_error(400, "invalid_scope", f"Invalid scope: {scope}")
        if grant_type == "client_credentials":
            return self._issue(client_id, scope, with_refresh=False)
        if grant_type == "authorization_code":
            return self._exchange_code(request, client_id)
        if grant_type == "refresh_token":
            return self._refresh(request, client_id)
        return _oauth_error(400, "unsupported_grant_type", f"Unsupported grant type: {grant_type}")

    def _exchange_code(self, request: Request, client_id: str) -> Response:
        code = request.query.get("code")
        redirect_uri = request.query.get("redirect_uri")
        if not code:
            return _oauth_error(400, "invalid_request", "An authorization code must be supplied.")
        if not redirect_uri:
            return _oauth_error(400, "invalid_request", "A redirect_uri must be supplied.")
        # A code is single use, whether or not the exchange succeeds.
        grant = self._spend("code", code, client_id, "Invalid authorization code")
        if isinstance(grant, Response):
            return grant
        if grant.redirect_uri != redirect_uri:
            return _oauth_error(400, "invalid_grant", "Redirect URI mismatch.")
        return self._issue(client_id, grant.scope, with_refresh=True)

    def _refresh(self, request: Request, client_id: str) -> Response:
        value = request.query.get("refresh_token")
        if not value:
            return _oauth_error(400, "invalid_request", "A refresh token must be supplied.")
        # Rotation: the presented refresh token dies with this answer.
        grant = self._spend("refresh", value, client_id, "Invalid refresh token")
        if isinstance(grant, Response):
            return grant
        return self._issue(client_id, grant.scope, with_refresh=True)

    def _spend(self, kind: str, value: str, client_id: str, invalid: str) -> _Grant | Response:
        """The ``kind`` grant ``value`` names, revoked as it is taken (codes and refresh
        tokens are single use); ``invalid`` is the answer when the client holds no such grant."""
        grant = self.store.find(kind, value)
        if grant is None or grant.client_id != client_id:
            return _oauth_error(400, "invalid_grant", invalid)
        self.store.revoke(value)
        return grant

    def _issue(self, client_id: str, scope: str, *, with_refresh: bool) -> Response:
        expires_in = self.store.expires_in
        payload: dict[str, object] = {
            "access_token": self.store.issue("access", client_id, scope, expires_in),
            "token_type": "bearer",
        }
        if with_refresh:
            payload["refresh_token"] = self.store.issue(
                "refresh", client_id, scope, self.store.refresh_expires_in
            )
        payload["expires_in"] = expires_in
        payload["scope"] = scope
        return json_response(
            payload, headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")]
        )

    def authorize(self, request: Request) -> Response:
        """``GET /oauth-service/oauth/authorize``: the seller approves at once; 302 back with a code."""
        query = request.query
        if query.get("client_id") != self.client_id:
            return _oauth_error(400, "invalid_client", "Unknown client id")
        redirect_uri = query.get("redirect_uri", "")
        parts = urlsplit(redirect_uri)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.fragment:
            return _oauth_error(
                400, "invalid_request", "redirect_uri must be an absolute http(s) URL"
            )
        params: dict[str, str] = {}
        if query.get("response_type") != "code":
            params["error"] = "unsupported_response_type"
        elif query.get("scope", SCOPE) != SCOPE:
            params["error"] = "invalid_scope"
        else:
            params["code"] = self.store.issue(
                "code", self.client_id, SCOPE, _CODE_LIFETIME, redirect_uri=redirect_uri
            )
        if "state" in query:
            params["state"] = query["state"]
        separator = "&" if parts.query else "?"
        location = f"{redirect_uri}{separator}{urlencode(params)}"
        return Response(status=302, content_type=None, headers=[("Location", location)])
