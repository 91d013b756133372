"""``AsyncFlipkartClient`` (and, generated from it, ``FlipkartClient``).

Configuration and every decision that is not I/O are in
:class:`~flipkart_ext._core.client_base.ClientBase`; this class builds the ``httpx`` client
and its transport chain, the I/O path every request takes (:class:`AsyncWire`), and the
resources on top of it, which share its token, retries and connection pool.

Every generated operation stays reachable: ``client.raw`` is a generated
``flipkart_seller_api.Client`` wired to the same ``httpx`` client (the plain ``Client``:
``AuthenticatedClient`` would freeze the bearer header at construction and send a stale
token after a refresh), and ``client.call(op, **arguments)`` sends one generated operation
through the I/O path and returns its parsed model.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, ParamSpec, TypeVar, Unpack, cast

import httpx

from .._auth import TokenStatus
from .._boundary import guarded_class
from .._concurrency import ASYNC_STORE_IO_ALLOWED, async_check_store
from .._core.calls import Call
from .._core.client_base import ClientBase, ClientOptions, Operation
from .._core.models import parsed_model
from .._core.redact import install_log_redaction
from .._pool import async_network_transport
from .auth import exchange_code, fetch_token
from .closing import AsyncClosing
from .http import AsyncWire
from .listings import AsyncListings
from .returns import AsyncReturns
from .shipments import AsyncShipments
from .transports import AsyncBudgetTransport, AsyncRetryTransport

if TYPE_CHECKING:
    import flipkart_seller_api

__all__ = ["AsyncFlipkartClient"]

_T = TypeVar("_T")
_P = ParamSpec("_P")


@guarded_class
class AsyncFlipkartClient(AsyncClosing, ClientBase):
    """A Flipkart Seller API client. Use it as a context manager, or close it when done.

    ``transport`` replaces the network transport (e.g. :class:`httpx.MockTransport` in
    tests); retries still wrap it. Every argument is checked here: a bad one raises
    :class:`~flipkart_ext.InvalidArgument` (or :class:`~flipkart_ext.ConfigurationError`)
    naming it, before anything is sent.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        super().__init__(client_id, client_secret, **options)
        async_check_store(self._auth)
        routes = self._proxy_routes(transport)
        self._http = httpx.AsyncClient(
            **self._http_options(),
            transport=self._retrying(transport),
            mounts={
                pattern: None if proxy is None else self._retrying(self._network(proxy))
                for pattern, proxy in routes.items()
            },
        )
        self._wire = AsyncWire(
            self._http,
            api_base=self.api_base_url,
            secrets=self._auth.secrets,
            owner=type(self).__name__,
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
        """The underlying ``httpx`` client (auth and retries included)."""
        return self._http

    @functools.cached_property
    def raw(self) -> flipkart_seller_api.Client:
        """A generated ``Client`` sending through :attr:`http`. Do not use it as a context manager."""
        from flipkart_seller_api import Client

        return Client(base_url=self.api_base_url).set_async_httpx_client(self._http)

    # -- the resources ----------------------------------------------------------------------

    @functools.cached_property
    def shipments(self) -> AsyncShipments:
        """Shipment search, look-ups, label downloads and the dispatch day (pack to manifest)."""
        install_log_redaction()  # covers loggers created since the client was built
        return AsyncShipments(self._wire, self.api_base_url, self._retry)

    @functools.cached_property
    def returns(self) -> AsyncReturns:
        """Returns search, look-ups by return or tracking id, and self-ship return actions."""
        install_log_redaction()
        return AsyncReturns(self._wire, self.api_base_url, self._retry)

    @functools.cached_property
    def listings(self) -> AsyncListings:
        """Listings by SKU, listing search, and bulk stock and price updates."""
        install_log_redaction()
        return AsyncListings(self._wire, self.api_base_url, self._retry)

    # -- any generated operation ------------------------------------------------------------

    async def call(self, op: Operation[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T | None:
        """Run a generated operation module and return its parsed 2xx body.

        ``args`` and ``kwargs`` are the operation's own (as its ``sync`` function takes
        them, without ``client``), checked by type checkers against its signature.
        Raises a :class:`~flipkart_ext.FlipkartError` subclass for any other outcome.
        """
        answer = await self._wire.send(Call.of(op, *args, **kwargs))  # type: ignore[arg-type]
        return cast("_T | None", parsed_model(op, answer, self.raw))

    # -- tokens without an API call ---------------------------------------------------------

    async def exchange_code(
        self, code: str, redirect_uri: str, state: str, *, expected_state: str | None = None
    ) -> TokenStatus:
        """Exchange the ``code`` from the authorization callback and store the tokens.

        Pass ``expected_state`` (the one from :meth:`authorize_url`) to have the callback's
        ``state`` checked here.
        """
        self._check_code(code, state, expected_state)
        await exchange_code(
            self._auth, self._wire, code, redirect_uri, state, timeout=self._timeout.as_dict()
        )
        return self.token_status()

    async def fetch_token(self) -> TokenStatus:
        """Make sure a usable token is held, fetching one only if needed; no API call is made."""
        await fetch_token(self._auth, self._wire, timeout=self._timeout.as_dict())
        return self.token_status()

    def token_status(self) -> TokenStatus:
        """Environment and expiry of the token this client holds (never the token itself).

        The async client never reads its store here (no store I/O on the event loop):
        before the first call, ``fetch_token()`` loads the stored token.
        """
        return self._auth.token_status(read_store=ASYNC_STORE_IO_ALLOWED)

    # -- closing ----------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connection pool; the client cannot send afterwards."""
        await self._http.aclose()
