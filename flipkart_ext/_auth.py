"""The token lifecycle as one :class:`httpx.Auth`: fetch, refresh, share, replay on 401.

A token is used as long as it is outside its refresh window. When it is not (missing,
expiring, or answered 401), the caller *renews* it, and a renewal reads in one place,
:meth:`FlipkartAuth._sync_renew` (its async twin :meth:`FlipkartAuth._async_renew` differs
only by ``await``)::

    with self._thread_lock, store.lock(key) as lease:   # in-process, then shared
        stored = store.load(key)                        # someone may have renewed already
        plan = self._plan(...)                          # pure: use it, or which grant to send
        response = yield grant.request                  # the one token request
        save the answer (check-and-set under a lease)
    # both locks are left here, before the API request is sent

Both drivers (:meth:`sync_auth_flow`, :meth:`async_auth_flow`) are plain generators:
they yield the token request and the API request to httpx, as httpx's own
``DigestAuth`` does. Everything that is not I/O (the plan, the grant, reading the token
endpoint's answer) is shared.

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

Losing no refresh token
=======================

* A store whose lock is a lease (Redis) saves by check-and-set: a holder whose lease ran
  out writes nothing if someone else wrote meanwhile; it re-reads and uses that token.
* A refresh token refused as spent is checked against the store once more: if another
  process stored a newer token meanwhile, that one is used instead of raising.
* A token obtained from Flipkart whose save failed (the store is down) is kept in memory,
  used, and saved at the client's next call, unless a newer one is stored by then.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import httpx

if TYPE_CHECKING:
    import asyncio

from ._core.answers import (
    error_for_response,
    parse_error_body,
)
from ._core.environments import Environment
from ._core.redact import redact_url
from ._core.tokens import (
    SCOPE,
    Token,
    TokenRequest,
    authorization_code_request,
    client_credentials_request,
    parse_token_payload,
    refresh_token_request,
)
from .errors import (
    AuthenticationError,
    ConfigurationError,
    ReauthorizationRequired,
    TokenStoreError,
)
from .stores import AsyncTokenStore, MemoryTokenStore, TokenKey, TokenStore, is_async_store

__all__ = ["AppGrant", "FlipkartAuth", "TokenJob", "TokenStatus"]

logger = logging.getLogger("flipkart_ext")

#: How a new token is obtained when no refresh token is known.
AppGrant = Literal["client_credentials", "authorization_code"]

_SPENT_GRANT_CODES = frozenset({"invalid_grant", "invalid_token", "expired_token"})
_CLIENT_REJECTED_CODES = frozenset({"invalid_client", "unauthorized_client", "access_denied"})

_REAUTHORIZE = (
    "The seller must authorize the application again: send them to "
    "client.authorize_url(redirect_uri), then pass the code Flipkart returns to "
    "client.exchange_code(code, redirect_uri, state)."
)

#: A renewal yields the token request, receives its answer, and ends with the token.
_SyncRenewal = Generator[httpx.Request, httpx.Response, Token]
#: The async twin yields the token request, receives its answer, and yields the token last.
_AsyncRenewal = AsyncGenerator["httpx.Request | Token", httpx.Response]


def _extensions(timeout: Any) -> dict[str, Any]:
    return {"timeout": timeout} if timeout is not None else {}


@dataclasses.dataclass(frozen=True)
class TokenJob:
    """What :meth:`FlipkartAuth.sync_run` / :meth:`~FlipkartAuth.async_run` settle.

    Built by :meth:`FlipkartAuth.ensure_token_flow` (a usable token, fetched only when
    needed) or :meth:`FlipkartAuth.exchange_code_flow` (an authorization code exchanged).
    """

    extensions: dict[str, Any]
    #: The authorization-code request to send, for an exchange.
    code: TokenRequest | None = dataclasses.field(default=None, repr=False)


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


class FlipkartAuth(httpx.Auth):
    """Owns the access token for one application (and seller) in one environment.

    Use it as the ``auth`` of an :class:`httpx.Client` or :class:`httpx.AsyncClient`
    whose base URL is ``environment.api_base_url``; :class:`~flipkart_ext.FlipkartClient`
    does that for you. ``token_store`` is a :class:`~flipkart_ext.TokenStore` (sync and
    async clients) or an :class:`~flipkart_ext.AsyncTokenStore` (async clients only).
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
    ) -> None:
        if not (client_id or "").strip() or not (client_secret or "").strip():
            raise ConfigurationError("client_id and client_secret are required (missing or blank)")
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
        # Saves go through ``replace`` (check-and-set) when the store has one.
        self._checked = callable(getattr(self.store, "replace", None))
        self.key = TokenKey(environment.name, client_id, seller_id)
        self._seed_refresh_token = refresh_token
        # A third-party app must never fall back to client credentials: that token
        # would act on the application owner's account, not the seller's.
        self.grant_type: AppGrant = grant_type or (
            "authorization_code" if seller_id or refresh_token else "client_credentials"
        )
        self.refresh_skew = refresh_skew
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
        #: A token obtained from Flipkart that the store failed to save; saved at the next call.
        self._unsaved: Token | None = None
        self._api = httpx.URL(environment.api_base_url)
        self._thread_lock = threading.Lock()
        self._locks_guard = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def __repr__(self) -> str:
        return (
            f"FlipkartAuth(environment={self.environment.name!r}, grant_type={self.grant_type!r})"
        )

    # -- pure decisions --------------------------------------------------------------------

    def _needs_new(self, token: Token | None) -> bool:
        return token is None or token.needs_refresh(self._clock(), self.refresh_skew)

    def _must_renew(self, token: Token | None) -> bool:
        """True when the caller has to go through a renewal before using ``token``."""
        return self._unsaved is not None or self._needs_new(token)

    def is_api_request(self, request: httpx.Request) -> bool:
        """True if ``request`` targets the configured API origin and base path."""
        url, api = request.url, self._api
        if (url.scheme, url.host, url.port) != (api.scheme, api.host, api.port):
            return False
        base = api.path.rstrip("/")
        return not base or url.path == base or url.path.startswith(base + "/")

    def _secrets(self, *tokens: Token | None) -> tuple[str, ...]:
        values = [self._client_secret, self._seed_refresh_token or ""]
        for token in (*tokens, self._token):
            if token is not None:
                values += [token.access_token, token.refresh_token or ""]
        return tuple(v for v in values if v)

    def _grant_for(self, known: Token | None, extensions: dict[str, Any]) -> TokenRequest:
        """The token request to make now, given the freshest token known (if any)."""
        oauth, cid, secret = self.environment.oauth_base_url, self._client_id, self._client_secret
        refresh = (known.refresh_token if known else None) or self._seed_refresh_token
        if refresh:
            return refresh_token_request(
                oauth, cid, secret, refresh_token=refresh, extensions=extensions
            )
        if self.grant_type == "client_credentials":
            return client_credentials_request(
                oauth, cid, secret, scope=self.scope, extensions=extensions
            )
        raise ReauthorizationRequired(
            "No usable access token and no refresh token for this seller. " + _REAUTHORIZE
        )

    def _accept(
        self, grant: TokenRequest, response: httpx.Response, previous: Token | None
    ) -> Token:
        """Turn a token endpoint answer into a token, or raise the right error (no I/O)."""
        secrets = (*grant.secrets, *self._secrets(previous))
        if response.is_success:
            try:
                token = parse_token_payload(response.json(), received_at=self._clock())
            except ValueError as exc:  # not JSON, or JSON without an access token
                raise AuthenticationError(
                    f"the token endpoint answered {response.status_code} without a usable token ({exc})",
                    status_code=response.status_code,
                    headers=response.headers,
                ) from None
            if grant.grant == "refresh_token" and token.refresh_token is None:
                # The server did not rotate it: the one just used stays valid.
                used = grant.request.url.params.get("refresh_token")
                token = dataclasses.replace(token, refresh_token=used)
            if grant.grant == "refresh_token":
                self._seed_refresh_token = None  # pragma: no mutate (only read as true/false)
            left = token.seconds_left(self._clock())
            logger.info(
                "obtained a new access token (grant=%s, expires in %s)",
                grant.grant,
                "an unknown time" if left is None else f"{left:.0f}s",
            )
            return token
        code, message, _ = parse_error_body(response.content)
        code_l = (code or "").lower()  # pragma: no mutate (any stand-in for None that is no code)
        spent = (
            code_l in _SPENT_GRANT_CODES
            or "expired" in (message or "").lower()  # pragma: no mutate (any stand-in for None)
            or (code is None and response.status_code in (400, 401))
        )
        if grant.grant != "client_credentials" and spent and code_l not in _CLIENT_REJECTED_CODES:
            what = (
                "The refresh token was rejected (expired after about 180 days, revoked, or already used)."
                if grant.grant == "refresh_token"
                else "The authorization code was rejected (codes are single-use and short-lived)."
            )
            raise error_for_response(
                response,
                error_class=ReauthorizationRequired,
                message=f"{what} {_REAUTHORIZE}",
                secrets=secrets,
            )
        if response.status_code in (400, 401, 403) or code_l in _CLIENT_REJECTED_CODES:
            raise error_for_response(
                response,
                error_class=AuthenticationError,
                message=f"the token endpoint refused the {grant.grant} grant; check the application id and secret",
                secrets=secrets,
            )
        raise error_for_response(response, message="the token endpoint failed", secrets=secrets)

    def _plan(
        self, stale: Token | None, stored: Token | None, *, rejected: bool, code: bool
    ) -> _Plan:
        """Decide, from the token in hand and the stored one, what a renewal does.

        ``rejected`` means the API answered 401 to ``stale``: it is marked expired (in
        memory, and in the store when it is still the stored one, keeping its refresh
        token), so that if the renewal fails nobody sharing the store sends it again.
        """
        if code:
            return _Plan()
        same = (
            stored is not None and stale is not None and stored.access_token == stale.access_token
        )
        if stored is not None and not (rejected and same) and not self._needs_new(stored):
            return _Plan(use=stored)
        dead = invalidate = None
        if rejected and stale is not None:
            dead = dataclasses.replace(
                stored if same and stored is not None else stale,
                expires_at=self._clock(),
                obtained_at=None,
            )
            invalidate = dead if same else None
        return _Plan(known=invalidate or stored or stale, dead=dead, invalidate=invalidate)

    def _unsaved_to_write(self, stored: Token | None) -> Token | None:
        """The unsaved token, unless the store already holds one obtained after it."""
        unsaved = self._unsaved
        if unsaved is None:
            return None
        if stored is not None and stored.access_token == unsaved.access_token:
            self._unsaved = None
            return None
        if stored is not None and (stored.obtained_at or 0.0) > (unsaved.obtained_at or 0.0):
            self._unsaved = None  # someone renewed after us: theirs is the newest
            return None
        return unsaved

    def _written(self, token: Token) -> Token:
        if self._unsaved is token:
            self._unsaved = None
        self._token = token
        return token

    def _not_written(self, token: Token, now_stored: Token | None) -> Token:
        """A check-and-set lost: someone else wrote meanwhile. Use theirs when it is usable."""
        if now_stored is not None and not self._needs_new(now_stored):
            logger.info("another holder of the token lock stored a token first; using it")
            self._token = now_stored
            return now_stored
        self._token = token  # ours is valid: use it for this client, leave the store alone
        return token

    def _save_failed(self, token: Token, exc: TokenStoreError) -> Token:
        logger.warning(
            "the new token could not be saved to the token store (%s); it is kept by this "
            "client and saved at its next call",
            exc,
        )
        self._unsaved = token
        self._token = token
        return token

    def _stored_instead(
        self, grant: TokenRequest, stored: Token | None, known: Token | None
    ) -> Token | None:
        """After a refresh token was refused as spent: a token someone stored meanwhile."""
        if grant.grant != "refresh_token" or stored is None or self._needs_new(stored):
            return None
        if known is not None and stored.access_token == known.access_token:
            return None
        logger.info("the refresh token was already spent by another holder; using its token")
        self._token = stored
        return stored

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

    def _async_lock(self) -> asyncio.Lock:
        import asyncio  # only async callers pay for importing it

        loop = asyncio.get_running_loop()
        with self._locks_guard:
            lock = self._async_locks.get(loop)
            if lock is None:
                lock = self._async_locks[loop] = asyncio.Lock()
            return lock

    # -- renewal: the one place where locks are taken ---------------------------------------

    def _sync_write(
        self, store: TokenStore, lease: object, expected: Token | None, token: Token
    ) -> bool:
        if self._checked:
            return bool(
                store.replace(self.key, token, expected=expected, lease=lease)  # type: ignore[attr-defined]
            )
        store.save(self.key, token)
        return True

    def _only_saving(self, stale: Token | None, rejected: bool, code: TokenRequest | None) -> bool:
        """True when only an earlier failed save brought the caller to a renewal."""
        return code is None and not rejected and stale is not None and not self._needs_new(stale)

    def _sync_keep(
        self, store: TokenStore, lease: object, stored: Token | None, token: Token
    ) -> Token:
        """Save a token just obtained; after a lost check-and-set, use the winner's."""
        try:
            if self._sync_write(store, lease, stored, token):
                return self._written(token)
        except TokenStoreError as exc:
            return self._save_failed(token, exc)
        return self._not_written(token, store.load(self.key))

    def _sync_renew(
        self,
        stale: Token | None,
        extensions: dict[str, Any],
        *,
        rejected: bool = False,
        code: TokenRequest | None = None,
    ) -> _SyncRenewal:
        """Settle a usable token. Both locks are held from the store read to the store write."""
        store = self._require_sync_store()
        try:
            with self._thread_lock, store.lock(self.key) as lease:
                stored = store.load(self.key)
                unsaved = self._unsaved_to_write(stored)
                if unsaved is not None and self._sync_write(store, lease, stored, unsaved):
                    stored = self._written(unsaved)
                plan = self._plan(stale, stored, rejected=rejected, code=code is not None)
                if plan.use is not None:
                    self._token = plan.use
                    return plan.use
                if plan.dead is not None:
                    self._token = plan.dead
                if plan.invalidate is not None and self._sync_write(
                    store, lease, stored, plan.invalidate
                ):
                    stored = plan.invalidate
                grant = code or self._grant_for(plan.known, extensions)
                response = yield grant.request
                response.read()
                try:
                    token = self._accept(grant, response, plan.known)
                except ReauthorizationRequired:
                    instead = self._stored_instead(grant, store.load(self.key), plan.known)
                    if instead is None:
                        raise
                    return instead
                return self._sync_keep(store, lease, stored, token)
        except TokenStoreError:
            if stale is None or not self._only_saving(stale, rejected, code):
                raise
            return stale  # the store is still down: the save waits for the next call

    async def _async_write(
        self, store: AsyncTokenStore, lease: object, expected: Token | None, token: Token
    ) -> bool:
        replace = getattr(store, "replace", None)
        if replace is not None:
            return bool(await replace(self.key, token, expected=expected, lease=lease))
        await store.save(self.key, token)
        return True

    async def _async_keep(
        self, store: AsyncTokenStore, lease: object, stored: Token | None, token: Token
    ) -> Token:
        """The async twin of :meth:`_sync_keep`."""
        try:
            if await self._async_write(store, lease, stored, token):
                return self._written(token)
        except TokenStoreError as exc:
            return self._save_failed(token, exc)
        return self._not_written(token, await store.load(self.key))

    async def _async_renew(
        self,
        stale: Token | None,
        extensions: dict[str, Any],
        *,
        rejected: bool = False,
        code: TokenRequest | None = None,
    ) -> _AsyncRenewal:
        """The async twin of :meth:`_sync_renew`: yields the token request, then the token.

        The locks are left before the token is yielded.
        """
        store = self._async_view()
        try:
            async with self._async_lock(), store.lock(self.key) as lease:
                stored = await store.load(self.key)
                unsaved = self._unsaved_to_write(stored)
                if unsaved is not None and await self._async_write(store, lease, stored, unsaved):
                    stored = self._written(unsaved)
                plan = self._plan(stale, stored, rejected=rejected, code=code is not None)
                if plan.use is not None:
                    settled = self._token = plan.use
                else:
                    if plan.dead is not None:
                        self._token = plan.dead
                    if plan.invalidate is not None and await self._async_write(
                        store, lease, stored, plan.invalidate
                    ):
                        stored = plan.invalidate
                    grant = code or self._grant_for(plan.known, extensions)
                    response = yield grant.request
                    await response.aread()
                    try:
                        token = self._accept(grant, response, plan.known)
                    except ReauthorizationRequired:
                        instead = self._stored_instead(
                            grant, await store.load(self.key), plan.known
                        )
                        if instead is None:
                            raise
                        settled = instead
                    else:
                        settled = await self._async_keep(store, lease, stored, token)
        except TokenStoreError:
            if stale is None or not self._only_saving(stale, rejected, code):
                raise
            settled = stale  # the store is still down: the save waits for the next call
        yield settled

    # -- the two drivers ------------------------------------------------------------------

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if not self.is_api_request(request):
            # Defence in depth: the bearer token never leaves the configured API origin.
            yield request
            return
        request.read()
        extensions = _extensions(request.extensions.get("timeout"))
        token, rejected = self._token, False
        while True:
            if rejected or token is None or self._must_renew(token):
                token = yield from self._sync_renew(token, extensions, rejected=rejected)
            request.headers["Authorization"] = f"Bearer {token.access_token}"
            response = yield request
            if response.status_code != httpx.codes.UNAUTHORIZED:
                return
            response.read()
            if rejected:
                raise self._rejected_again(response, token)
            self._log_replay(request)
            rejected = True

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if not self.is_api_request(request):
            yield request
            return
        await request.aread()
        extensions = _extensions(request.extensions.get("timeout"))
        token, rejected = self._token, False
        while True:
            if rejected or token is None or self._must_renew(token):
                renewal = self._async_renew(token, extensions, rejected=rejected)
                try:
                    step = await anext(renewal)
                    while isinstance(step, httpx.Request):
                        step = await renewal.asend((yield step))
                finally:
                    await renewal.aclose()
                token = step
            request.headers["Authorization"] = f"Bearer {token.access_token}"
            response = yield request
            if response.status_code != httpx.codes.UNAUTHORIZED:
                return
            await response.aread()
            if rejected:
                raise self._rejected_again(response, token)
            self._log_replay(request)
            rejected = True

    @staticmethod
    def _log_replay(request: httpx.Request) -> None:
        logger.info(
            "%s %s answered 401; renewing the token and replaying once",
            request.method,
            redact_url(request.url),
        )

    def _rejected_again(self, response: httpx.Response, token: Token) -> AuthenticationError:
        return error_for_response(  # type: ignore[return-value]
            response,
            error_class=AuthenticationError,  # pragma: no mutate (always a 401, mapped to it anyway)
            message="the API rejected a freshly obtained token",
            secrets=self._secrets(token),
        )

    # -- token jobs without an API call (fetch_token, exchange_code) ------------------------

    def ensure_token_flow(self, *, timeout: dict[str, Any] | None = None) -> TokenJob:
        """Hold a usable token, asking for one only when needed. Run with :meth:`sync_run`."""
        return TokenJob(_extensions(timeout))

    def exchange_code_flow(
        self, code: str, redirect_uri: str, state: str, *, timeout: dict[str, Any] | None = None
    ) -> TokenJob:
        """Exchange an authorization ``code`` and store the tokens. Run with :meth:`sync_run`."""
        extensions = _extensions(timeout)
        grant = authorization_code_request(
            self.environment.oauth_base_url,
            self._client_id,
            self._client_secret,
            code=code,
            redirect_uri=redirect_uri,
            state=state,
            extensions=extensions,
        )
        return TokenJob(
            extensions,  # pragma: no mutate (unread: a code job's request is already built)
            code=grant,
        )

    def sync_run(self, job: TokenJob, send: Callable[[httpx.Request], httpx.Response]) -> Token:
        """Settle ``job`` with ``send`` doing the I/O (the token request), under the locks."""
        token = self._token
        if job.code is None and token is not None and not self._must_renew(token):
            return token
        renewal = self._sync_renew(token, job.extensions, code=job.code)
        try:
            request = next(renewal)
            while True:
                request = renewal.send(send(request))
        except StopIteration as done:
            settled: Token = done.value
            return settled

    async def async_run(
        self, job: TokenJob, send: Callable[[httpx.Request], Awaitable[httpx.Response]]
    ) -> Token:
        """The async twin of :meth:`sync_run`."""
        token = self._token
        if job.code is None and token is not None and not self._must_renew(token):
            return token
        renewal = self._async_renew(token, job.extensions, code=job.code)
        try:
            step = await anext(renewal)
            while isinstance(step, httpx.Request):
                step = await renewal.asend(await send(step))
            return step
        finally:
            await renewal.aclose()

    # -- inspection ------------------------------------------------------------------------

    def token_status(self, *, read_store: bool = True) -> TokenStatus:
        """The current token's expiry, never the token itself.

        Without a token in hand, a synchronous store is read (unless ``read_store`` is
        false, as on the async client, which never does store I/O on the event loop).
        """
        token = self._token
        if token is None and read_store and self._sync_store is not None:
            token = self._sync_store.load(self.key)
        now = self._clock()
        expires = refresh_expires = None
        if token is not None and token.expires_at is not None:
            expires = datetime.fromtimestamp(token.expires_at, tz=UTC)
        if token is not None and token.refresh_token_expires_at is not None:
            refresh_expires = datetime.fromtimestamp(token.refresh_token_expires_at, tz=UTC)
        return TokenStatus(
            environment=self.environment.name,
            has_token=token is not None,
            expires_at=expires,
            seconds_left=token.seconds_left(now) if token is not None else None,
            has_refresh_token=bool(
                (token is not None and token.refresh_token) or self._seed_refresh_token
            ),
            refresh_token_expires_at=refresh_expires,
            refresh_token_seconds_left=(
                token.refresh_token_seconds_left(now) if token is not None else None
            ),
        )
