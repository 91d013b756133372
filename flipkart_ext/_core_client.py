"""The plumbing of ``FlipkartClient`` and ``AsyncFlipkartClient``: auth, retries, ``call``.

:class:`CoreClient` and :class:`AsyncCoreClient` know nothing of shipments, returns or
listings; the facade in :mod:`._client` adds those resources on top, so the layers run
plumbing (this module, ``_auth``, ``_retry``, ``_errors``, ``paging``) → resources
(``shipments``, ``returns``, ``listings``) → facade, and nothing below imports upward.

Each client owns one :class:`httpx.Client` (or :class:`httpx.AsyncClient`) built as::

    httpx client  (base_url = API base, User-Agent, timeout)
      └─ auth      FlipkartAuth   token fetch / proactive refresh / 401 replay, single-flight
          └─ transport  RetryTransport   backoff, Retry-After, safe-to-repeat policy
              └─ BudgetTransport   a turn from the shared rate budget (only with rate_budget=)
                  └─ httpx.HTTPTransport (or the one you pass, e.g. httpx.MockTransport)

plus, when a proxy applies (``proxy=``, or ``HTTPS_PROXY`` & co. with ``trust_env``), one
more ``RetryTransport`` over an ``httpx.HTTPTransport(proxy=...)`` mounted per URL pattern
as httpx mounts its own (see :mod:`._proxies`), so API and OAuth calls alike take the
proxy that plain httpx would give them.

Every generated operation stays reachable: ``client.raw`` is a generated
``flipkart_seller_api.Client`` wired to that httpx client (the plain ``Client``:
``AuthenticatedClient`` would freeze the bearer header at construction and send
a stale token after a refresh). ``client.call(op, **kwargs)`` runs one generated
operation module and returns its parsed model, raising the typed errors of
:mod:`flipkart_ext.errors` for any non-2xx answer. A ``200`` whose body
reports per-item failures is returned as data.

Everything that is not I/O lives in :class:`_ClientBase`; the two classes only
repeat the lines that send, await or close.
"""

from __future__ import annotations

import functools
import time
import warnings
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, Self, TypedDict, TypeVar, Unpack
from urllib.parse import urlsplit

import httpx

from ._async.transports import AsyncRetryTransport
from ._auth import AppGrant, FlipkartAuth, TokenJob, TokenStatus
from ._budget_transport import AsyncBudgetTransport, BudgetTransport, require_sync_budget
from ._core.answers import (
    connection_errors,
    error_for_response,
)
from ._core.environments import (
    ConfigurationWarning,
    Environment,
    require_secure_url,
    resolve_environment,
    settings_from_env,
)
from ._core.redact import install_log_redaction
from ._core.retry import RetryPolicy
from ._core.tokens import AuthorizationURL, build_authorize_url
from ._core.tokens import verify_state as _verify_state
from ._pool import async_network_transport, network_transport
from ._proxies import ProxyInput, proxy_routes
from ._rate_budget import AsyncRateBudget, RateBudget
from ._sync.transports import RetryTransport
from ._version import __version__
from .errors import (
    ConfigurationError,
    InvalidArgument,
)
from .stores import AsyncTokenStore, FileTokenStore, TokenStore

if TYPE_CHECKING:
    import flipkart_seller_api
    from flipkart_seller_api.types import Response

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncCoreClient",
    "ClientOptions",
    "CoreClient",
    "Operation",
]

_T = TypeVar("_T")
_P = ParamSpec("_P")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class Operation(Protocol[_P, _T]):
    """A generated operation module (``flipkart_seller_api.api.<tag>.<operation>``).

    Only its I/O-free helpers are used: ``_get_kwargs`` builds the request and
    ``_build_response`` parses a 2xx answer, so our client does the sending
    (and the generated ``HTTPStatus(...)`` never sees Flipkart's non-standard 499).

    ``_P`` captures ``_get_kwargs``'s parameters (the operation's own: path and query
    parameters, ``body``), so a type checker holds ``client.call(op, ...)`` to them: a
    misspelt or missing argument is an error before the code runs.
    """

    def _get_kwargs(self, *args: _P.args, **kwargs: _P.kwargs) -> dict[str, Any]: ...

    def _build_response(self, *, client: Any, response: httpx.Response) -> Response[_T]: ...


class ClientOptions(TypedDict, total=False):
    """Keyword options shared by ``FlipkartClient`` and ``AsyncFlipkartClient``.

    ``environment``: ``"sandbox"`` (default), ``"production"`` or an :class:`Environment`.
    ``api_base_url`` / ``oauth_base_url``: custom URLs (https, or http on loopback).
    ``token_store``: where tokens are kept and shared (default: in memory); an
    :class:`~flipkart_ext.AsyncTokenStore` (e.g. ``AsyncRedisTokenStore``) for the async client only.
    ``rate_budget``: a shared rate budget each request takes a turn from (default: none);
    see :class:`~flipkart_ext.MemoryRateBudget` and ``RedisRateBudget``.
    ``seller_id``: the seller a third-party application acts for (part of the store key).
    ``refresh_token`` / ``access_token``: tokens the caller already holds.
    ``grant_type``: how to get a token without a refresh token; inferred when omitted.
    ``timeout``: seconds or an :class:`httpx.Timeout`. ``retry``: a :class:`RetryPolicy`.
    ``refresh_skew``: refresh this many seconds before expiry. ``user_agent``, ``clock``.
    ``proxy``: a proxy URL (``http://user:pass@proxy.corp:3128``) or :class:`httpx.Proxy` for
    every request, OAuth included. ``trust_env`` (default ``True``): without ``proxy``, honour
    ``HTTP_PROXY`` / ``HTTPS_PROXY`` / ``ALL_PROXY`` / ``NO_PROXY`` and the ``SSL_CERT_*``
    variables, as httpx does.
    """

    environment: str | Environment
    api_base_url: str | None
    oauth_base_url: str | None
    token_store: TokenStore | AsyncTokenStore | None
    seller_id: str | None
    refresh_token: str | None
    access_token: str | None
    grant_type: AppGrant | None
    timeout: float | httpx.Timeout
    retry: RetryPolicy | None
    refresh_skew: float
    user_agent: str | None
    clock: Callable[[], float]
    proxy: ProxyInput | None
    trust_env: bool
    rate_budget: RateBudget | AsyncRateBudget | None


@functools.cache
def _user_agent() -> str:
    return f"flipkart-seller/{__version__} httpx/{httpx.__version__}"


class _ClientBase:
    """Configuration and every pure decision shared by the sync and async clients."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        environment: str | Environment = "sandbox",
        api_base_url: str | None = None,
        oauth_base_url: str | None = None,
        token_store: TokenStore | AsyncTokenStore | None = None,
        seller_id: str | None = None,
        refresh_token: str | None = None,
        access_token: str | None = None,
        grant_type: AppGrant | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        refresh_skew: float = 300.0,
        user_agent: str | None = None,
        clock: Callable[[], float] = time.time,
        proxy: ProxyInput | None = None,
        trust_env: bool = True,
        rate_budget: RateBudget | AsyncRateBudget | None = None,
    ) -> None:
        install_log_redaction()
        self._environment = resolve_environment(
            environment, api_base_url=api_base_url, oauth_base_url=oauth_base_url
        )
        self._auth = FlipkartAuth(
            client_id,
            client_secret,
            environment=self._environment,
            token_store=token_store,
            seller_id=seller_id,
            refresh_token=refresh_token,
            access_token=access_token,
            grant_type=grant_type,
            refresh_skew=refresh_skew,
            clock=clock,
        )
        self._client_id = client_id
        self._seller_id = seller_id
        self._retry = retry or RetryPolicy()
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._headers = {"User-Agent": user_agent or _user_agent(), "Accept": "application/json"}
        self._proxy = proxy
        self._trust_env = trust_env
        self._rate_budget = rate_budget

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Self:
        """Build a client from ``FLIPKART_*`` environment variables (read now, not at import).

        ``FLIPKART_TOKEN_FILE`` selects a :class:`~flipkart_ext.FileTokenStore`.
        Keyword ``overrides`` win over the environment (e.g. ``transport=``, ``retry=``).
        A base URL that contradicts an explicit ``FLIPKART_ENV`` is used, with a
        :class:`~flipkart_ext.ConfigurationWarning` saying so.
        """
        settings = settings_from_env(environ)
        for conflict in settings.conflicts:
            warnings.warn(conflict, ConfigurationWarning, stacklevel=2)
        options: dict[str, Any] = {
            "environment": settings.environment,
            "api_base_url": settings.api_base_url,
            "oauth_base_url": settings.oauth_base_url,
            "token_store": FileTokenStore(settings.token_file) if settings.token_file else None,
            "seller_id": settings.seller_id,
            "refresh_token": settings.refresh_token,
            "access_token": settings.access_token,
        }
        options.update(overrides)
        return cls(settings.client_id, settings.client_secret, **options)

    def __repr__(self) -> str:
        seller = f", seller_id={self._seller_id!r}" if self._seller_id else ""
        return f"{type(self).__name__}(environment={self._environment.name!r}{seller})"

    # -- properties ------------------------------------------------------------------------

    @property
    def environment(self) -> Environment:
        """The environment (API and OAuth base URLs) this client talks to."""
        return self._environment

    @property
    def api_base_url(self) -> str:
        """The Seller API base URL, e.g. ``https://sandbox-api.flipkart.net/sellers``."""
        return self._environment.api_base_url

    @property
    def auth(self) -> FlipkartAuth:
        """The :class:`FlipkartAuth` owning this client's token."""
        return self._auth

    def _http_options(self) -> dict[str, Any]:
        return {
            "base_url": self.api_base_url,
            "auth": self._auth,
            "headers": self._headers,
            "timeout": self._timeout,
            "follow_redirects": False,
            "trust_env": self._trust_env,
        }

    def _proxy_routes(self, transport: object) -> dict[str, httpx.Proxy | None]:
        """httpx's proxy routing for this client; none when the caller brings a transport."""
        if transport is not None:
            if self._proxy is not None:
                raise ConfigurationError(
                    "proxy: give the proxy to the transport you pass (transport=), not to the client"
                )
            return {}  # as httpx: a transport of your own is used as is, whatever the environment
        return proxy_routes(self._proxy, trust_env=self._trust_env)

    def _api_base_path(self) -> str:
        return urlsplit(self.api_base_url).path

    # -- authorization-code helpers --------------------------------------------------------

    def authorize_url(self, redirect_uri: str, *, state: str | None = None) -> AuthorizationURL:
        """Where to send the seller to authorize this app, with a fresh random ``state``.

        Keep ``.state`` (e.g. in the user's session) and check the callback with
        :meth:`verify_state` before calling :meth:`exchange_code`.
        """
        require_secure_url(redirect_uri.split("?", 1)[0], what="redirect_uri")
        return build_authorize_url(
            self._environment.oauth_base_url, self._client_id, redirect_uri, state=state
        )

    @staticmethod
    def verify_state(expected: str, received: str | None) -> bool:
        """True if the callback's ``state`` equals the issued one (constant-time comparison)."""
        return _verify_state(expected, received)

    def _code_flow(
        self, code: str, redirect_uri: str, state: str, expected_state: str | None
    ) -> TokenJob:
        if expected_state is not None and not _verify_state(expected_state, state):
            raise InvalidArgument("the state returned by Flipkart does not match the one issued")
        if not code:
            raise InvalidArgument("code must not be empty")
        return self._auth.exchange_code_flow(
            code, redirect_uri, state, timeout=self._timeout.as_dict()
        )

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        request.headers.setdefault("User-Agent", self._headers["User-Agent"])
        return request

    def token_status(self) -> TokenStatus:
        """Environment and expiry of the current token (never the token itself)."""
        return self._auth.token_status()

    # -- generated operations --------------------------------------------------------------

    def _parsed(self, op: Operation[..., _T], response: httpx.Response, raw: Any) -> _T | None:
        if not response.is_success:
            raise error_for_response(response, secrets=self._auth._secrets())
        return op._build_response(client=raw, response=response).parsed


class CoreClient(_ClientBase):
    """Synchronous plumbing: auth, retries and ``call``. Use as a context manager or call :meth:`close`.

    ``transport`` replaces the network transport (e.g. :class:`httpx.MockTransport`
    in tests); retries still wrap it.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        super().__init__(client_id, client_secret, **options)
        self._auth._require_sync_store()  # an async store cannot serve the sync client
        routes = self._proxy_routes(transport)
        self._http = httpx.Client(
            **self._http_options(),
            transport=self._retrying(transport),
            mounts={
                pattern: None if proxy is None else self._retrying(self._network(proxy))
                for pattern, proxy in routes.items()
            },
        )

    def _network(self, proxy: httpx.Proxy | None = None) -> httpx.HTTPTransport:
        return network_transport(proxy=proxy, trust_env=self._trust_env)

    def _retrying(self, transport: httpx.BaseTransport | None) -> RetryTransport:
        inner: httpx.BaseTransport = transport if transport is not None else self._network()
        if self._rate_budget is not None:  # a turn from the shared budget before each attempt
            budget = require_sync_budget(self._rate_budget)
            inner = BudgetTransport(inner, budget, self._auth.key)
        return RetryTransport(inner, self._retry, api_base_path=self._api_base_path())

    @property
    def http(self) -> httpx.Client:
        """The underlying :class:`httpx.Client` (auth and retries included)."""
        return self._http

    @functools.cached_property
    def raw(self) -> flipkart_seller_api.Client:
        """A generated ``Client`` sending through :attr:`http`. Do not use it as a context manager."""
        from flipkart_seller_api import Client

        return Client(base_url=self.api_base_url).set_httpx_client(self._http)

    def call(self, op: Operation[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T | None:
        """Run a generated operation module and return its parsed 2xx body.

        ``args`` and ``kwargs`` are the operation's own (as its ``sync`` function takes
        them, without ``client``), checked by type checkers against its signature.
        Raises a :class:`~flipkart_ext.FlipkartError` subclass for any other outcome.
        """
        request_kwargs = op._get_kwargs(*args, **kwargs)
        with connection_errors():
            response = self._http.request(**request_kwargs)
        return self._parsed(op, response, self.raw)

    def _send_token_request(self, request: httpx.Request) -> httpx.Response:
        with connection_errors():
            return self._http.send(self._token_request(request), auth=None)

    def exchange_code(
        self, code: str, redirect_uri: str, state: str, *, expected_state: str | None = None
    ) -> TokenStatus:
        """Exchange the ``code`` from the authorization callback and store the tokens.

        Pass ``expected_state`` (the one from :meth:`authorize_url`) to have the
        callback's ``state`` checked here.
        """
        flow = self._code_flow(code, redirect_uri, state, expected_state)
        self._auth.sync_run(flow, self._send_token_request)
        return self.token_status()

    def fetch_token(self) -> TokenStatus:
        """Make sure a usable token is held, fetching one only if needed; no API call is made."""
        flow = self._auth.ensure_token_flow(timeout=self._timeout.as_dict())
        self._auth.sync_run(flow, self._send_token_request)
        return self.token_status()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncCoreClient(_ClientBase):
    """Asynchronous plumbing: auth, retries and ``call``. Use as an async context manager or await :meth:`aclose`."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        super().__init__(client_id, client_secret, **options)
        routes = self._proxy_routes(transport)
        self._http = httpx.AsyncClient(
            **self._http_options(),
            transport=self._retrying(transport),
            mounts={
                pattern: None if proxy is None else self._retrying(self._network(proxy))
                for pattern, proxy in routes.items()
            },
        )

    def _network(self, proxy: httpx.Proxy | None = None) -> httpx.AsyncHTTPTransport:
        return async_network_transport(proxy=proxy, trust_env=self._trust_env)

    def _retrying(self, transport: httpx.AsyncBaseTransport | None) -> AsyncRetryTransport:
        inner: httpx.AsyncBaseTransport = transport if transport is not None else self._network()
        if self._rate_budget is not None:  # a turn from the shared budget before each attempt
            inner = AsyncBudgetTransport(inner, self._rate_budget, self._auth.key)
        return AsyncRetryTransport(inner, self._retry, api_base_path=self._api_base_path())

    @property
    def http(self) -> httpx.AsyncClient:
        """The underlying :class:`httpx.AsyncClient` (auth and retries included)."""
        return self._http

    @functools.cached_property
    def raw(self) -> flipkart_seller_api.Client:
        """A generated ``Client`` sending through :attr:`http` (use its ``asyncio*`` functions)."""
        from flipkart_seller_api import Client

        return Client(base_url=self.api_base_url).set_async_httpx_client(self._http)

    async def call(self, op: Operation[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T | None:
        """Run a generated operation module and return its parsed 2xx body.

        ``args`` and ``kwargs`` are the operation's own, checked like the sync client's.
        """
        request_kwargs = op._get_kwargs(*args, **kwargs)
        with connection_errors():
            response = await self._http.request(**request_kwargs)
        return self._parsed(op, response, self.raw)

    async def _send_token_request(self, request: httpx.Request) -> httpx.Response:
        with connection_errors():
            return await self._http.send(self._token_request(request), auth=None)

    async def exchange_code(
        self, code: str, redirect_uri: str, state: str, *, expected_state: str | None = None
    ) -> TokenStatus:
        """Exchange the ``code`` from the authorization callback and store the tokens."""
        flow = self._code_flow(code, redirect_uri, state, expected_state)
        await self._auth.async_run(flow, self._send_token_request)
        return self.token_status()

    async def fetch_token(self) -> TokenStatus:
        """Make sure a usable token is held, fetching one only if needed; no API call is made."""
        flow = self._auth.ensure_token_flow(timeout=self._timeout.as_dict())
        await self._auth.async_run(flow, self._send_token_request)
        return self.token_status()

    def token_status(self) -> TokenStatus:
        """Environment and expiry of the token this client holds (never the token itself).

        The store is not read here (no store I/O on the event loop): before the first
        call, ``await client.fetch_token()`` loads the stored token, fetching only if needed.
        """
        return self._auth.token_status(read_store=False)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
