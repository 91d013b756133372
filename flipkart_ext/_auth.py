"""The token lifecycle as one :class:`httpx.Auth`: fetch, refresh, share, replay on 401.

:meth:`FlipkartAuth.auth_flow` is a generator with no I/O, shared by the sync and
async clients (as httpx's own ``DigestAuth``): it yields the token request when
a token is needed, yields the API request with ``Authorization: Bearer ...``,
and on a 401 renews the token and yields the same request once more.

Single flight
=============

Before touching the token the flow yields a *lock step* (a placeholder request
that is never sent). :meth:`sync_auth_flow` answers it by taking a
:class:`threading.Lock` and the store's lock; :meth:`async_auth_flow` takes an
:class:`asyncio.Lock` (one per event loop, created lazily) and the store's lock
(acquired in a worker thread, so the loop never blocks). The locks are held
across *read store -> fetch if still needed -> write store* and released as
soon as the flow yields the API request. Under the lock the flow re-reads the
store: if someone (another thread, task or process) already replaced the
token it had judged stale, that token is used and no request is made. Hence N
concurrent callers holding an expired token cause one token request, and a
401 only triggers a refresh if the rejected token is still the current one.

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
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import httpx

if TYPE_CHECKING:
    import asyncio

from ._environments import Environment
from ._errors import (
    AuthenticationError,
    ConfigurationError,
    ReauthorizationRequired,
    error_for_response,
    parse_error_body,
)
from ._redact import redact_url
from ._stores import MemoryTokenStore, TokenKey, TokenStore
from ._tokens import (
    GRANT_EXTENSION,
    SCOPE,
    Token,
    TokenRequest,
    authorization_code_request,
    client_credentials_request,
    parse_token_payload,
    refresh_token_request,
)

__all__ = ["AppGrant", "FlipkartAuth", "TokenStatus"]

logger = logging.getLogger("flipkart_ext")

_T = TypeVar("_T")

#: How a new token is obtained when no refresh token is known.
AppGrant = Literal["client_credentials", "authorization_code"]

_LOCK_EXTENSION = "flipkart_ext.lock_step"
_LOCK_URL = "http://flipkart-ext.invalid/lock"
_SPENT_GRANT_CODES = frozenset({"invalid_grant", "invalid_token", "expired_token"})
_CLIENT_REJECTED_CODES = frozenset({"invalid_client", "unauthorized_client", "access_denied"})

_REAUTHORIZE = (
    "The seller must authorize the application again: send them to "
    "client.authorize_url(redirect_uri), then pass the code Flipkart returns to "
    "client.exchange_code(code, redirect_uri, state)."
)


def _lock_step() -> httpx.Request:
    return httpx.Request("GET", _LOCK_URL, extensions={_LOCK_EXTENSION: True})


def _is_lock_step(request: httpx.Request) -> bool:
    return request.extensions.get(_LOCK_EXTENSION) is True


def _is_token_request(request: httpx.Request) -> bool:
    return GRANT_EXTENSION in request.extensions


async def _enter_in_thread(cm: contextlib.AbstractContextManager[None]) -> None:
    """Enter a blocking context manager off the event loop, without leaking it on cancellation."""
    import asyncio  # only async callers pay for importing it

    entered = asyncio.ensure_future(asyncio.to_thread(cm.__enter__))
    try:
        await asyncio.shield(entered)
    except asyncio.CancelledError:

        def release(future: asyncio.Future[None]) -> None:
            if not future.cancelled() and future.exception() is None:
                cm.__exit__(None, None, None)

        entered.add_done_callback(release)
        raise


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
    does that for you.
    """

    # The body is loaded up front so that a replay after a 401 sends it intact.
    requires_request_body = True

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        environment: Environment,
        token_store: TokenStore | None = None,
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
        self.store: TokenStore = token_store if token_store is not None else MemoryTokenStore()
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
            Token(access_token=access_token, refresh_token=refresh_token) if access_token else None
        )
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
        """Turn a token endpoint answer into a stored token, or raise the right error."""
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
            self.store.save(self.key, token)
            self._token = token
            if grant.grant == "refresh_token":
                self._seed_refresh_token = None
            left = token.seconds_left(self._clock())
            logger.info(
                "obtained a new access token (grant=%s, expires in %s)",
                grant.grant,
                "an unknown time" if left is None else f"{left:.0f}s",
            )
            return token
        code, message, _ = parse_error_body(response.content)
        code_l = (code or "").lower()
        spent = (
            code_l in _SPENT_GRANT_CODES
            or "expired" in (message or "").lower()
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

    # -- the shared flow -------------------------------------------------------------------

    def _renew(
        self, stale: Token | None, extensions: dict[str, Any], *, rejected: bool = False
    ) -> Generator[httpx.Request, httpx.Response, Token]:
        """Replace ``stale`` unless someone already did; runs with the driver's locks held.

        ``rejected`` means the API answered 401 to ``stale``: it is first marked
        expired (in memory and in the store, keeping its refresh token), so that
        if the renewal fails nobody sharing the store sends it again.
        """
        yield _lock_step()
        stored = self.store.load(self.key)
        same = (
            stored is not None and stale is not None and stored.access_token == stale.access_token
        )
        if stored is not None and not same and not self._needs_new(stored):
            logger.debug("using the token stored by a concurrent caller")
            self._token = stored
            return stored
        if rejected and stale is not None:
            dead = dataclasses.replace(stale, expires_at=self._clock(), obtained_at=None)
            if same and stored is not None:
                dead = dataclasses.replace(stored, expires_at=dead.expires_at, obtained_at=None)
                self.store.save(self.key, dead)
                stored = dead
            self._token = dead
        known = stored or stale
        grant = self._grant_for(known, extensions)
        response = yield grant.request
        return self._accept(grant, response, known)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not self.is_api_request(request):
            # Defence in depth: the bearer token never leaves the configured API origin.
            yield request
            return
        timeout = request.extensions.get("timeout")
        extensions = {"timeout": timeout} if timeout is not None else {}
        token = self._token
        if token is None or self._needs_new(token):  # (the first test narrows the type)
            token = yield from self._renew(token, extensions)
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        response = yield request
        if response.status_code != httpx.codes.UNAUTHORIZED:
            return
        logger.info(
            "%s %s answered 401; renewing the token and replaying once",
            request.method,
            redact_url(request.url),
        )
        token = yield from self._renew(token, extensions, rejected=True)
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED:
            raise error_for_response(
                response,
                error_class=AuthenticationError,
                message="the API rejected a freshly obtained token",
                secrets=self._secrets(token),
            )

    def ensure_token_flow(
        self, *, timeout: dict[str, Any] | None = None
    ) -> Generator[httpx.Request, httpx.Response, Token]:
        """Hold a usable token, asking for one only when needed. Drive with :meth:`sync_run`."""
        extensions = {"timeout": timeout} if timeout is not None else {}
        token = self._token
        if token is None or self._needs_new(token):
            token = yield from self._renew(token, extensions)
        return token

    def exchange_code_flow(
        self, code: str, redirect_uri: str, state: str, *, timeout: dict[str, Any] | None = None
    ) -> Generator[httpx.Request, httpx.Response, Token]:
        """Exchange an authorization ``code`` and store the tokens. Drive with :meth:`sync_run`."""
        yield _lock_step()
        extensions = {"timeout": timeout} if timeout is not None else {}
        grant = authorization_code_request(
            self.environment.oauth_base_url,
            self._client_id,
            self._client_secret,
            code=code,
            redirect_uri=redirect_uri,
            state=state,
            extensions=extensions,
        )
        response = yield grant.request
        return self._accept(grant, response, None)

    # -- the two drivers: only locking and body reads differ ----------------------------------

    def _async_lock(self) -> asyncio.Lock:
        import asyncio

        loop = asyncio.get_running_loop()
        with self._locks_guard:
            lock = self._async_locks.get(loop)
            if lock is None:
                lock = self._async_locks[loop] = asyncio.Lock()
            return lock

    def _hold_sync(self) -> contextlib.ExitStack:
        stack = contextlib.ExitStack()
        try:
            stack.enter_context(self._thread_lock)
            stack.enter_context(self.store.lock(self.key))
        except BaseException:
            stack.close()
            raise
        return stack

    async def _hold_async(self) -> contextlib.AsyncExitStack:
        stack = contextlib.AsyncExitStack()
        try:
            await stack.enter_async_context(self._async_lock())
            store_lock = self.store.lock(self.key)
            await _enter_in_thread(store_lock)
            stack.push(store_lock)
        except BaseException:
            await stack.aclose()
            raise
        return stack

    def _drive_sync(
        self, flow: Generator[httpx.Request, httpx.Response, _T]
    ) -> Generator[httpx.Request, httpx.Response, _T]:
        held: contextlib.ExitStack | None = None
        try:
            # A flow may finish at any step, even the first (a token that needs no renewal).
            step = next(flow)
            while True:
                if _is_lock_step(step):
                    held = self._hold_sync()
                    step = flow.send(httpx.Response(204, request=step))
                    continue
                if held is not None and not _is_token_request(step):
                    held.close()  # the token is settled: let the others in before the API call
                    held = None
                response = yield step
                if _is_token_request(step) or response.status_code == httpx.codes.UNAUTHORIZED:
                    response.read()
                step = flow.send(response)
        except StopIteration as done:
            value: _T = done.value
            return value
        finally:
            if held is not None:
                held.close()
            flow.close()

    async def _drive_async(
        self, flow: Generator[httpx.Request, httpx.Response, _T], result: list[_T]
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        held: contextlib.AsyncExitStack | None = None
        try:
            step = next(flow)
            while True:
                if _is_lock_step(step):
                    held = await self._hold_async()
                    step = flow.send(httpx.Response(204, request=step))
                    continue
                if held is not None and not _is_token_request(step):
                    await held.aclose()
                    held = None
                response = yield step
                if _is_token_request(step) or response.status_code == httpx.codes.UNAUTHORIZED:
                    await response.aread()
                step = flow.send(response)
        except StopIteration as done:
            result.append(done.value)
        finally:
            if held is not None:
                await held.aclose()
            flow.close()

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.requires_request_body:
            request.read()
        yield from self._drive_sync(self.auth_flow(request))

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self.requires_request_body:
            await request.aread()
        driver = self._drive_async(self.auth_flow(request), [])
        try:
            step = await driver.__anext__()
            while True:
                response = yield step
                step = await driver.asend(response)
        except StopAsyncIteration:
            return
        finally:
            await driver.aclose()

    def sync_run(
        self,
        flow: Generator[httpx.Request, httpx.Response, _T],
        send: Callable[[httpx.Request], httpx.Response],
    ) -> _T:
        """Run a token flow (e.g. :meth:`exchange_code_flow`) with ``send`` doing the I/O, under the locks."""
        driver = self._drive_sync(flow)
        try:
            step = next(driver)
            while True:
                step = driver.send(send(step))
        except StopIteration as done:
            value: _T = done.value
            return value

    async def async_run(
        self,
        flow: Generator[httpx.Request, httpx.Response, _T],
        send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    ) -> _T:
        """The async twin of :meth:`sync_run`."""
        result: list[_T] = []
        driver = self._drive_async(flow, result)
        try:
            step = await driver.__anext__()
            while True:
                step = await driver.asend(await send(step))
        except StopAsyncIteration:
            return result[0]
        finally:
            await driver.aclose()

    # -- inspection ------------------------------------------------------------------------

    def token_status(self) -> TokenStatus:
        """The current token's expiry, never the token itself."""
        token = self._token or self.store.load(self.key)
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
