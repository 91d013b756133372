"""The token lifecycle as one :class:`httpx.Auth`: fetch, refresh, share, replay on 401.

A token is used as long as it is outside its refresh window. When it is not (missing,
expiring, or answered 401), the caller *renews* it, and a renewal reads in one place,
the renewal of ``flipkart_ext/_async/auth.py``::

    with self.sync_lock, store.lock(key) as lease:    # in-process, then shared
        stored = store.load(key)                      # someone may have renewed already
        plan = self._plan(...)                        # pure: use it, or which grant to send
        mark the refresh token as being spent         # check-and-set (the custody rule)
        answer = yield grant.call                     # the one token request
        save the answer (check-and-set)
    # both locks are left here, before the API request is sent

The renewal lives in ``flipkart_ext/_async/auth.py`` (the sync twin is generated from it).
It yields the token grant as a :class:`~flipkart_ext._core.calls.Call`; the auth flows
turn it into an ``httpx.Request`` yielded to httpx (as httpx's own ``DigestAuth`` does),
and ``fetch_token`` / ``exchange_code`` send it through the client's I/O path. Everything
that is not I/O (the plan, the grant, reading the token endpoint's answer) is here.

Single flight
=============

The in-process lock (a :class:`threading.Lock`, or an :class:`asyncio.Lock` per event
loop) makes the threads or tasks of one client renew one at a time; the store's lock
does the same for every client sharing the store (other processes, other machines).
Under both, the stored token is read again: if someone already replaced the token this
caller had judged stale, that one is used and no request is made. Hence N concurrent
callers holding an expired token cause one token request, and a 401 only triggers a
refresh if the rejected token is still the current one. The contract a store keeps
(who takes and leaves the lock, on which thread, with which timeouts) is stated on
:class:`~flipkart_ext.TokenStore`.

The async client never runs store I/O on the event loop: an
:class:`~flipkart_ext.AsyncTokenStore` is awaited, a synchronous store runs in worker
threads (:class:`~flipkart_ext._store_threads.ThreadedTokenStore`).

Grants
======

* a refresh token, whenever one is known (the rotated one is stored at once);
* otherwise client credentials (``scope=Seller_Api``) for a self-access
  application (``grant_type="client_credentials"``, the default without a seller);
* otherwise :class:`~flipkart_ext.ReauthorizationRequired`: a third-party
  application needs the seller to authorize again (``exchange_code``).

A 401 renews and replays once; a second 401 raises
:class:`~flipkart_ext.AuthenticationError`. A 403 is returned untouched: a
new token would not grant a permission. The bearer token is only ever attached
to requests for the configured API origin and base path.

Losing no refresh token (the custody rule)
==========================================

The rule is written on :class:`~flipkart_ext.TokenStore` and decided in
:mod:`flipkart_ext._core.auth_plan`; the renewal itself is written once, in
``flipkart_ext/_async/auth.py`` (the sync twin is generated from it):

* every write goes through a check-and-set that orders tokens by their generation, so no
  worker, whatever its lease, replaces a newer token with an older one or with a marker;
* the store records that a refresh token is being spent before it is sent, so a worker
  whose refresh is refused can tell a revoked grant from one another worker is renewing;
* a token whose save failed is kept, used and written again at every call; a worker that
  finds the stored record missing or older than the token it holds writes its own back.
"""

from __future__ import annotations

import base64
import collections
import dataclasses
import logging
import math
import time
from collections.abc import Callable, Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import httpx

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator

    from ._async.auth import AsyncHTTPSend

from ._boundary import guarded_class
from ._concurrency import AsyncLock, SyncLock
from ._core.answers import parse_error_body, status_error
from ._core.auth_plan import (
    foreign_intent,
    freshest,
    refusal,
    same_grant,
    with_intent,
)
from ._core.calls import Answer, Call
from ._core.environments import Environment
from ._core.redact import install_log_redaction, redact_url
from ._core.tokens import GRANT_EXTENSION, SCOPE, GrantType, Token, parse_token_payload, token_url
from .errors import (
    AuthenticationError,
    ConfigurationError,
    InvalidArgument,
    ReauthorizationRequired,
    TokenStoreError,
)
from .stores import AsyncTokenStore, MemoryTokenStore, TokenKey, TokenStore, is_async_store

__all__ = [
    "TOKEN_OPERATION",
    "AppGrant",
    "FlipkartAuth",
    "Grant",
    "TokenJob",
    "TokenStatus",
    "grant_request",
    "spent_mark",
]

logger = logging.getLogger("flipkart_ext")

#: How a new token is obtained when no refresh token is known.
AppGrant = Literal["client_credentials", "authorization_code"]

#: The operation a token grant is named by in errors and logs.
TOKEN_OPERATION = "oauth.token"  # noqa: S105 - an operation name, not a secret

_SPENT_GRANT_CODES = frozenset({"invalid_grant", "invalid_token", "expired_token"})
_CLIENT_REJECTED_CODES = frozenset({"invalid_client", "unauthorized_client", "access_denied"})

_REAUTHORIZE = (
    "The seller must authorize the application again: send them to "
    "client.authorize_url(redirect_uri), then pass the code Flipkart returns to "
    "client.exchange_code(code, redirect_uri, state)."
)


def _extensions(timeout: Any) -> dict[str, Any]:
    return {"timeout": timeout} if timeout is not None else {}


class Grant(NamedTuple):
    """A token grant ready to send: its kind, the call, and the secrets it carries."""

    kind: GrantType
    call: Call
    #: The secret values inside the call, to scrub from any error message.
    secrets: tuple[str, ...]

    def __repr__(self) -> str:
        return f"Grant(kind={self.kind!r})"  # the call carries the secrets


def _grant(
    oauth_base_url: str,
    client_id: str,
    client_secret: str,
    kind: GrantType,
    params: dict[str, str],
    secret_values: tuple[str, ...],
    extensions: dict[str, Any],
) -> Grant:
    basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode("ascii")
    call = Call(
        method="GET",
        url=token_url(oauth_base_url),
        params={"grant_type": kind, **params},
        headers={"Authorization": f"Basic {basic}", "Accept": "application/json"},
        extensions={**extensions, GRANT_EXTENSION: kind},
        operation=TOKEN_OPERATION,
        token_request=True,
        accept_errors=True,
    )
    return Grant(kind, call, (client_secret, basic, *secret_values))


def grant_request(call: Call) -> httpx.Request:
    """The ``httpx.Request`` of a token grant, to yield to httpx inside an auth flow."""
    return httpx.Request(
        call.method,
        call.url,
        params=call.params,
        headers=call.headers,
        extensions=dict(call.extensions),
    )


@dataclasses.dataclass(frozen=True)
class TokenJob:
    """What :meth:`FlipkartAuth.sync_run` / :meth:`~FlipkartAuth.async_run` settle.

    Built by :meth:`FlipkartAuth.ensure_token_flow` (a usable token, fetched only when
    needed) or :meth:`FlipkartAuth.exchange_code_flow` (an authorization code exchanged).
    """

    extensions: dict[str, Any]
    #: The authorization-code grant to send, for an exchange.
    code: Grant | None = dataclasses.field(default=None, repr=False)


@dataclasses.dataclass(frozen=True)
class _Plan:
    """What a renewal does once it has read the store (decided without I/O)."""

    #: A usable token: take it, send nothing.
    use: Token | None = None
    #: The freshest token known (its refresh token is the one to spend).
    known: Token | None = None
    #: The token answered 401, marked expired: this client stops using it...
    dead: Token | None = None
    #: ...and, when it is the stored one, the store too (so no one else sends it).
    invalidate: Token | None = None


@dataclasses.dataclass(frozen=True)
class _Spend:
    """How a refresh token is spent: the record to write first, or a token to use instead."""

    #: The stored record marked as being spent, written before the grant is sent.
    mark: Token | None = None
    #: When another worker marked the same refresh token first (it is spending it).
    foreign: float | None = None


@guarded_class
@dataclasses.dataclass(frozen=True)
class TokenStatus:
    """What can be said about the current token without revealing it."""

    environment: str
    has_token: bool
    expires_at: datetime | None
    seconds_left: float | None
    has_refresh_token: bool
    #: When the refresh token expires, if Flipkart said (``refresh_token_expires_in``).
    refresh_token_expires_at: datetime | None = None
    #: Seconds until then (negative once past), or ``None`` when unknown.
    refresh_token_seconds_left: float | None = None

    @property
    def expired(self) -> bool:
        """True when the token's known lifetime has run out."""
        return self.seconds_left is not None and self.seconds_left <= 0


def _when(epoch: float | None) -> datetime | None:
    """A timestamp as a datetime, or ``None`` when no calendar can show it."""
    if epoch is None:
        return None
    try:
        return datetime.fromtimestamp(epoch, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _seconds(value: float, name: str, *, zero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgument(f"{name}: expected a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        raise InvalidArgument(f"{name}: expected a finite positive number of seconds")
    return float(value)


@guarded_class
class FlipkartAuth(httpx.Auth):
    """Owns the access token for one application (and seller) in one environment.

    Use it as the ``auth`` of an :class:`httpx.Client` or :class:`httpx.AsyncClient`
    whose base URL is ``environment.api_base_url``; :class:`~flipkart_ext.FlipkartClient`
    does that for you. ``token_store`` is a :class:`~flipkart_ext.TokenStore` (sync and
    async clients) or an :class:`~flipkart_ext.AsyncTokenStore` (async clients only).

    ``custody_wait`` (a day) is how long a worker whose refresh token was refused waits for
    the worker that spent it to store the new token (calls meanwhile raise
    :class:`~flipkart_ext.TokenStoreError`) before it declares the grant lost: a worker
    holding an unsaved token retries its save every ``save_retry_every`` seconds, so only
    a dead one leaves it unsaved that long;
    ``custody_check`` how often a worker holding a token makes sure the store still holds
    it (and writes it back if the record was evicted).
    """

    # The body is loaded up front so that a replay after a 401 sends it intact.
    requires_request_body = True

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        environment: Environment,
        token_store: TokenStore | AsyncTokenStore | None = None,
        seller_id: str | None = None,
        refresh_token: str | None = None,
        access_token: str | None = None,
        grant_type: AppGrant | None = None,
        refresh_skew: float = 300.0,
        scope: str = SCOPE,
        clock: Callable[[], float] = time.time,
        custody_wait: float = 86_400.0,
        custody_check: float = 60.0,
    ) -> None:
        for name, value in (("client_id", client_id), ("client_secret", client_secret)):
            if value is not None and not isinstance(value, str):
                # Named by type only: the value may be the secret itself.
                raise ConfigurationError(f"{name} must be a string, got {type(value).__name__}")
        if not (client_id or "").strip() or not (client_secret or "").strip():
            raise ConfigurationError("client_id and client_secret are required (missing or blank)")
        # httpx logs every request URL at INFO, a refresh token's query string included:
        # used on its own, this auth must not leave that to a client's constructor.
        install_log_redaction()
        self._client_id = client_id
        self._client_secret = client_secret
        self.environment = environment
        self.store: TokenStore | AsyncTokenStore = (
            token_store if token_store is not None else MemoryTokenStore()
        )
        # The async view of a synchronous store is made on first async use (it needs asyncio).
        self._sync_store: TokenStore | None = None
        self._async_store: AsyncTokenStore | None = None
        if is_async_store(self.store):
            self._async_store = self.store  # type: ignore[assignment]
        else:
            self._sync_store = self.store  # type: ignore[assignment]
        self.key = TokenKey(environment.key, client_id, seller_id)
        self._seed_refresh_token = refresh_token
        # A third-party app must never fall back to client credentials: that token
        # would act on the application owner's account, not the seller's.
        self.grant_type: AppGrant = grant_type or (
            "authorization_code" if seller_id or refresh_token else "client_credentials"
        )
        self.refresh_skew = _seconds(refresh_skew, "refresh_skew", zero=True)
        self.custody_wait = _seconds(custody_wait, "custody_wait", zero=True)
        self.custody_check = _seconds(custody_check, "custody_check", zero=True)
        self.scope = scope
        self._clock = clock
        self._token: Token | None = (
            Token(
                access_token=access_token,
                refresh_token=refresh_token,  # pragma: no mutate (the seed holds the same value)
            )
            if access_token
            else None
        )
        #: A token obtained from Flipkart that no store holds yet; written at every call.
        self._unsaved: Token | None = None
        # The record the unsaved token was obtained over: its write-back may replace that
        # record only, or an older generation (the custody rule), never a sibling grant
        # stored meanwhile (the seller authorized again through another worker).
        self._unsaved_over: Token | None = None
        #: When this worker marked the refresh token it is spending (its own mark).
        self._intent: float | None = None
        #: When this worker first found a refresh token (by generation and value) that
        #: another worker had marked as being spent: a refusal of it is pending, not final.
        self._pending_since: dict[tuple[int, str | None], float] = {}
        self._checked_at: float | None = None
        #: Seconds between two background attempts to store an unsaved token (sync stores;
        #: ``None``: only at the next call). The retrier stops once the token is stored.
        self.save_retry_every: float | None = 5.0
        self._retrier: Any = None
        # Every token value seen, to scrub from errors: a bounded memory of recent ones.
        self._seen: collections.deque[str] = collections.deque(maxlen=32)
        self._api = httpx.URL(environment.api_base_url)
        self._sync_renewal = SyncLock()
        self._async_renewal = AsyncLock()

    def __repr__(self) -> str:
        return (
            f"FlipkartAuth(environment={self.environment.name!r}, grant_type={self.grant_type!r})"
        )

    # -- httpx.Auth: both drivers live in _async/auth.py (and its generated twin) ----------

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        from ._sync.auth import auth_flow

        return auth_flow(self, request)

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        from ._async.auth import auth_flow

        return auth_flow(self, request)

    # -- locks and store views (what differs between the flavours) -------------------------

    @property
    def sync_lock(self) -> SyncLock:
        """The in-process lock of sync renewals (one per client)."""
        return self._sync_renewal

    @property
    def async_lock(self) -> AsyncLock:
        """The in-process lock of async renewals: one per client and event loop."""
        return self._async_renewal

    def _require_sync_store(self) -> TokenStore:
        if self._sync_store is None:
            raise ConfigurationError(
                f"token_store: {type(self.store).__name__} is an async store; use it with "
                "AsyncFlipkartClient (or give the sync client a synchronous store)"
            )
        return self._sync_store

    def _async_view(self) -> AsyncTokenStore:
        if self._async_store is None:
            from ._store_threads import ThreadedTokenStore

            assert self._sync_store is not None
            self._async_store = ThreadedTokenStore(self._sync_store)
        return self._async_store

    # -- pure decisions --------------------------------------------------------------------

    def _now(self) -> float:
        return self._clock()

    def _needs_new(self, token: Token | None) -> bool:
        return token is None or token.needs_refresh(self._clock(), self.refresh_skew)

    def _expired(self, token: Token | None) -> bool:
        """True when ``token`` cannot be sent at all (its lifetime is over)."""
        if token is None:
            return True
        left = token.seconds_left(self._clock())
        return left is not None and left <= 0

    def _must_renew(self, token: Token | None) -> bool:
        """True when the caller has to go through a renewal before using ``token``."""
        return self._unsaved is not None or self._needs_new(token)

    def _custody_due(self) -> bool:
        """True when this worker should check that the store still holds its token."""
        token = self._token
        if token is None or token.refresh_token is None:
            return False
        now = self._clock()
        if self._checked_at is None:
            self._checked_at = now
            return False
        if now - self._checked_at < self.custody_check:
            return False
        self._checked_at = now
        return True

    def _needs_restore(self, stored: Token | None) -> bool:
        """True when the store lost (or holds an older copy of) the token this worker holds."""
        token = self._token
        if token is None or token.refresh_token is None:
            return False
        return stored is None or stored.generation < token.generation

    def is_api_request(self, request: httpx.Request) -> bool:
        """True if ``request`` targets the configured API origin and base path."""
        url, api = request.url, self._api
        if (url.scheme, url.host, url.port) != (api.scheme, api.host, api.port):
            return False
        base = api.path.rstrip("/")
        return not base or url.path == base or url.path.startswith(base + "/")

    def _remember(self, *tokens: Token | None) -> None:
        for token in tokens:
            if token is not None:
                for value in (token.access_token, token.refresh_token):
                    if value and value not in self._seen:
                        self._seen.append(value)

    def secrets(self, *tokens: Token | None) -> tuple[str, ...]:
        """Every secret this auth knows, to scrub from any error or log line.

        The client secret and its Basic credential, the seed refresh token, and the access
        and refresh tokens held, unsaved or seen recently (plus any ``tokens`` given).
        """
        basic = base64.b64encode(f"{self._client_id}:{self._client_secret}".encode()).decode()
        values = [self._client_secret, basic, self._seed_refresh_token or "", *self._seen]
        for token in (*tokens, self._token, self._unsaved):
            if token is not None:
                values += [token.access_token, token.refresh_token or ""]
        return tuple(dict.fromkeys(v for v in values if v))

    # Kept for the client of the previous layout, which calls it by this name.
    _secrets = secrets

    def _grant_for(self, known: Token | None, extensions: dict[str, Any]) -> Grant:
        """The token grant to send now, given the freshest token known (if any)."""
        oauth, cid, secret = self.environment.oauth_base_url, self._client_id, self._client_secret
        refresh = (known.refresh_token if known else None) or self._seed_refresh_token
        if refresh:
            params = {"refresh_token": refresh}
            return _grant(oauth, cid, secret, "refresh_token", params, (refresh,), extensions)
        if self.grant_type == "client_credentials":
            params = {"scope": self.scope}
            return _grant(oauth, cid, secret, "client_credentials", params, (), extensions)
        raise ReauthorizationRequired(
            "No usable access token and no refresh token for this seller. " + _REAUTHORIZE
        )

    def code_grant(
        self, code: str, redirect_uri: str, state: str, extensions: dict[str, Any]
    ) -> Grant:
        """The authorization-code grant exchanging ``code``."""
        params = {"redirect_uri": redirect_uri, "state": state, "code": code}
        return _grant(
            self.environment.oauth_base_url,
            self._client_id,
            self._client_secret,
            "authorization_code",
            params,
            (code,),
            extensions,
        )

    def _accept(self, grant: Grant, answer: Answer, generation: int) -> Token:
        """Turn a token endpoint answer into a token, or raise the right error (no I/O)."""
        secrets = (*grant.secrets, *self.secrets())
        if 200 <= answer.status < 300:
            try:
                token = parse_token_payload(answer.body, received_at=self._clock())
            except ValueError as exc:  # JSON without an access token
                raise AuthenticationError(
                    f"the token endpoint answered {answer.status} without a usable token ({exc})",
                    status_code=answer.status,
                    headers=answer.headers,
                ) from None
            if grant.kind == "refresh_token" and token.refresh_token is None:
                # The server did not rotate it: the one just used stays valid.
                used = (grant.call.params or {}).get("refresh_token")
                token = dataclasses.replace(token, refresh_token=used)
            if grant.kind == "refresh_token":
                self._seed_refresh_token = None  # pragma: no mutate (only read as true/false)
            token = dataclasses.replace(token, generation=generation)
            self._remember(token)
            left = token.seconds_left(self._clock())
            logger.info(
                "obtained a new access token (grant=%s, expires in %s)",
                grant.kind,
                "an unknown time" if left is None else f"{left:.0f}s",
            )
            return token
        code, message, _ = parse_error_body(answer.content)
        code_l = (code or "").lower()  # pragma: no mutate (any stand-in for None that is no code)
        spent = (
            code_l in _SPENT_GRANT_CODES
            or "expired" in (message or "").lower()  # pragma: no mutate (any stand-in for None)
            or (code is None and answer.status in (400, 401))
        )
        if grant.kind != "client_credentials" and spent and code_l not in _CLIENT_REJECTED_CODES:
            what = (
                "The refresh token was rejected (expired after about 180 days, revoked, or already used)."
                if grant.kind == "refresh_token"
                else "The authorization code was rejected (codes are single-use and short-lived)."
            )
            raise self._token_error(
                grant, answer, ReauthorizationRequired, f"{what} {_REAUTHORIZE}", secrets
            )
        if answer.status in (400, 401, 403) or code_l in _CLIENT_REJECTED_CODES:
            raise self._token_error(
                grant,
                answer,
                AuthenticationError,
                f"the token endpoint refused the {grant.kind} grant; check the application id and secret",
                secrets,
            )
        raise self._token_error(grant, answer, None, "the token endpoint failed", secrets)

    def _token_error(
        self,
        grant: Grant,
        answer: Answer,
        error_class: type[AuthenticationError] | None,
        message: str,
        secrets: tuple[str, ...],
    ) -> Exception:
        return status_error(
            status=answer.status,
            headers=answer.headers,
            content=answer.content,
            method=grant.call.method,
            url=str(grant.call.url),
            operation=TOKEN_OPERATION,
            error_class=error_class,
            message=message,
            secrets=secrets,
            now=self._clock(),  # a Retry-After date is read against this client's clock
        )

    def _plan(
        self, stale: Token | None, stored: Token | None, *, rejected: bool, code: bool
    ) -> _Plan:
        """Decide, from the token in hand and the stored one, what a renewal does.

        ``rejected`` means the API answered 401 to ``stale``: it is marked expired (in
        memory, and in the store when it is still the stored one, keeping its refresh
        token), so that if the renewal fails nobody sharing the store sends it again.
        The stored token is preferred unless the one in hand is of a later generation.
        """
        if code:
            return _Plan()
        best = freshest(stored, stale)
        same = best is not None and stale is not None and best.access_token == stale.access_token
        if best is not None and not (rejected and same) and not self._needs_new(best):
            return _Plan(use=best)
        dead = invalidate = None
        if rejected and stale is not None:
            dead = dataclasses.replace(
                best if same and best is not None else stale,
                expires_at=self._clock(),
                obtained_at=None,
            )
            stored_is_it = stored is not None and stored.access_token == stale.access_token
            invalidate = dead if same and stored_is_it else None
        return _Plan(known=invalidate or best, dead=dead, invalidate=invalidate)

    def _spending(self, grant: Grant, known: Token | None, stored: Token | None) -> _Spend:
        """How to spend a refresh token: mark it as being spent first, unless another worker did.

        A worker holding the store's lock is the only one sending; another worker's mark
        means that one stopped (it finished without an answer, or died) with the refresh
        token possibly spent. Sending it again is safe: if it was spent, the refusal is read
        as pending (the other worker may hold its successor), not as a revoked grant.
        """
        if grant.kind != "refresh_token" or known is None or known.refresh_token is None:
            return _Spend()
        foreign = foreign_intent(stored, known, self._intent)
        if foreign is None and not self._contested(known):
            return _Spend(mark=with_intent(known, self._clock()))
        if foreign is None:  # marked by another worker before this one re-marked it
            foreign = known.refresh_sent_at or self._clock()
        self._pending_since.setdefault((known.generation, known.refresh_token), self._clock())
        # Marked again with this worker's own mark: the one that marked first reads it, if
        # its own refresh is refused, as a peer's pending renewal.
        return _Spend(mark=with_intent(known, self._clock(), again=True), foreign=foreign)

    def _contested(self, token: Token) -> bool:
        """True when another worker marked ``token``'s refresh token before this one did."""
        return (token.generation, token.refresh_token) in self._pending_since

    def _waiting_for(self, spent: Token) -> bool:
        """True while this worker should still wait for the one that spent ``spent``."""
        now = self._clock()
        first = self._pending_since.setdefault((spent.generation, spent.refresh_token), now)
        if len(self._pending_since) > 64:  # pragma: no cover - a bound, not a behaviour
            self._pending_since.pop(next(iter(self._pending_since)))
        return now - first < self.custody_wait

    def _after_refusal(
        self,
        refused: ReauthorizationRequired,
        grant: Grant,
        known: Token | None,
        vouched: Token | None,
        spend: _Spend,
        now_stored: Token | None,
    ) -> Token:
        """A refresh token was refused as spent: a newer stored token, wait, or re-raise."""
        if grant.kind != "refresh_token":
            raise refused
        if known is None:  # the seed refresh token: any usable token stored meanwhile is newer
            if now_stored is not None and not self._needs_new(now_stored):
                logger.info(
                    "the refresh token was already spent by another holder; using its token"
                )
                return self._adopt(now_stored)
            raise refused
        kind = refusal(
            spent=known,
            vouched=vouched,
            now_stored=now_stored,
            foreign_since=spent_mark(spend),
            own=self._intent,
        )
        if kind == "superseded" and now_stored is not None:
            if not self._expired(now_stored):
                logger.info(
                    "the refresh token was already spent by another holder; using its token"
                )
                return self._adopt(now_stored)
            # A newer token is stored, its access token expired: the grant is not lost, the
            # newer token is the one to renew, which the next call does from the store.
            raise TokenStoreError(
                "the refresh token of this seller was spent by another worker, which stored "
                "a newer token that has expired since; try again: the next call renews it"
            ) from None
        if kind == "pending" and self._waiting_for(known):
            raise TokenStoreError(
                "the refresh token of this seller was spent by another worker, or the store "
                "lost its record, and no newer token is stored yet; it is written back by the "
                "worker holding it at its next call: try again shortly"
            ) from None
        raise refused

    @staticmethod
    def _record_lost() -> TokenStoreError:
        return TokenStoreError(
            "the token store once held a token for this seller but its record is gone "
            "(evicted?); a worker holding the token writes it back at its next call. If "
            "none does, the seller must authorize the application again."
        )

    def _mark_lost(self, now_stored: Token | None, stale: Token | None, rejected: bool) -> Token:
        """The record changed before the refresh token could be marked: use a newer one.

        Never the token the API just rejected.
        """
        dead = rejected and stale is not None and now_stored is not None
        if dead and now_stored.access_token == stale.access_token:  # type: ignore[union-attr]
            now_stored = None
        if now_stored is not None and not self._needs_new(now_stored):
            return self._adopt(now_stored)
        raise TokenStoreError(
            "the stored token changed while this worker was about to renew it (another "
            "worker wrote meanwhile); try again"
        )

    def _adopt(self, token: Token) -> Token:
        """Use ``token`` from now on (it is stored, or it is the newest this worker has)."""
        if self._token is None or self._token.refresh_token != token.refresh_token:
            self._intent = None
        self._token = token
        self._remember(token)
        return token

    def _unsaved_to_write(self, stored: Token | None) -> Token | None:
        """The unsaved token, unless the store already holds it or a newer one."""
        unsaved = self._unsaved
        if unsaved is None:
            return None
        if stored is not None and (
            stored.generation > unsaved.generation or same_grant(stored, unsaved)
        ):
            self._unsaved = None  # stored already, or someone renewed after us
            return None
        return unsaved

    def _over_for(self, unsaved: Token, stored: Token | None) -> Token | None:
        """The record an unsaved token's write-back may replace at its own generation.

        Normally the one read now. But a sibling grant of the same generation that can renew
        itself, stored after ours was obtained (the seller authorized again through another
        worker while our save failed), is not ours to replace: only the record ours was
        obtained over is.
        """
        if (
            stored is not None
            and stored.generation == unsaved.generation
            and stored.refresh_token is not None
            and not same_grant(stored, self._unsaved_over)
        ):
            return self._unsaved_over
        return stored

    def _restore(self, stored: Token | None) -> Token | None:
        """The token to write back because the store lost it (or holds an older one).

        It is written marked as possibly spent (``refresh_sent_at``): it comes from this
        worker's memory, which may be older than a token another worker holds, so a refusal
        of its refresh token reads as pending for every worker, never as a revoked grant.
        """
        if self._unsaved is None and self._needs_restore(stored):
            logger.warning(
                "the token store holds %s for this seller; writing back the token this "
                "worker holds (generation %d)",
                "no token"
                if stored is None
                else f"an older token (generation {stored.generation})",
                self._token.generation if self._token is not None else 0,
            )
            assert self._token is not None  # _needs_restore holds only with a token
            return with_intent(self._token, self._clock())
        return None

    def _written(self, token: Token) -> Token:
        if self._unsaved is token:
            self._unsaved = None
        return self._adopt(token)

    def _not_written(self, token: Token, now_stored: Token | None) -> Token:
        """A check-and-set lost: someone stored a token at least as new. Use it when usable."""
        if now_stored is not None and not self._needs_new(now_stored):
            logger.info("another holder of the token lock stored a token first; using it")
            return self._adopt(now_stored)
        return self._adopt(token)  # ours is valid: use it for this client, leave the store alone

    def _save_failed(self, token: Token, exc: TokenStoreError, over: Token | None = None) -> Token:
        logger.warning(
            "the new token could not be saved to the token store (%s); it is kept by this "
            "client and saved at its next call",
            exc,
        )
        self._unsaved = token
        self._unsaved_over = over
        self._keep_trying()
        return self._adopt(token)

    def _keep_trying(self) -> None:
        """Retry the save in the background until it lands (a synchronous store only: an
        async store is written again at the next call of its event loop)."""
        if self.save_retry_every is None or self._sync_store is None:
            return
        if self._retrier is not None:
            return
        from ._concurrency import SyncKeeper
        from ._sync.auth import store_unsaved

        def again() -> bool:
            done = store_unsaved(self)
            if done:
                self._retrier = None
            return not done  # keep going while the token is unsaved

        self._retrier = SyncKeeper(self.save_retry_every, again)
        self._retrier.start()

    def _fallback(self, stale: Token | None, rejected: bool, code: Grant | None) -> Token | None:
        """With the store failing: a token this worker may still send, if it has one."""
        if code is not None or rejected:
            return None
        for token in (self._unsaved, stale):
            if token is not None and not self._expired(token):
                return token
        return None

    # -- inspection and the jobs of the previous client layout -----------------------------

    def ensure_token_flow(self, *, timeout: dict[str, Any] | None = None) -> TokenJob:
        """Hold a usable token, asking for one only when needed. Run with :meth:`sync_run`."""
        return TokenJob(_extensions(timeout))

    def exchange_code_flow(
        self, code: str, redirect_uri: str, state: str, *, timeout: dict[str, Any] | None = None
    ) -> TokenJob:
        """Exchange an authorization ``code`` and store the tokens. Run with :meth:`sync_run`."""
        extensions = _extensions(timeout)
        return TokenJob(
            extensions,  # pragma: no mutate (unread: a code job's grant is already built)
            code=self.code_grant(code, redirect_uri, state, extensions),
        )

    def sync_run(self, job: TokenJob, send: Callable[[httpx.Request], httpx.Response]) -> Token:
        """Settle ``job`` with ``send`` doing the I/O (the token request), under the locks."""
        from ._sync.auth import run_job

        return run_job(self, job, send)

    async def async_run(self, job: TokenJob, send: AsyncHTTPSend) -> Token:
        """The async twin of :meth:`sync_run`."""
        from ._async.auth import run_job

        return await run_job(self, job, send)

    def token_status(self, *, read_store: bool = True) -> TokenStatus:
        """The current token's expiry, never the token itself.

        Without a token in hand, a synchronous store is read (unless ``read_store`` is
        false, as on the async client, which never does store I/O on the event loop).
        """
        token = self._token
        if token is None and read_store and self._sync_store is not None:
            token = self._sync_store.load(self.key)
        now = self._clock()
        return TokenStatus(
            environment=self.environment.name,
            has_token=token is not None,
            expires_at=_when(token.expires_at) if token is not None else None,
            seconds_left=token.seconds_left(now) if token is not None else None,
            has_refresh_token=bool(
                (token is not None and token.refresh_token) or self._seed_refresh_token
            ),
            refresh_token_expires_at=(
                _when(token.refresh_token_expires_at) if token is not None else None
            ),
            refresh_token_seconds_left=(
                token.refresh_token_seconds_left(now) if token is not None else None
            ),
        )

    # -- messages of the auth flow ---------------------------------------------------------

    @staticmethod
    def _log_replay(request: httpx.Request) -> None:
        logger.info(
            "%s %s answered 401; renewing the token and replaying once",
            request.method,
            redact_url(request.url),
        )

    def _rejected_again(self, answer: Answer, request: httpx.Request, token: Token) -> Exception:
        return status_error(
            status=answer.status,
            headers=answer.headers,
            content=answer.content,
            method=request.method,
            url=request.url,
            error_class=AuthenticationError,  # pragma: no mutate (always a 401, mapped to it anyway)
            message="the API rejected a freshly obtained token",
            secrets=self.secrets(token),
        )


def spent_mark(spend: _Spend) -> float | None:
    """The mark of another worker found on the refresh token before it was sent."""
    return spend.foreign
