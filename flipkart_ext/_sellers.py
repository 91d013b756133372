"""Clients for many sellers of one application: ``SellerClients`` and ``AsyncSellerClients``.

A partner application acts for many sellers, each with a token of its own. The pool hands
out one client per seller, all sharing what should be shared::

    SellerClients
      ├─ one connection pool per route (direct, and one per proxy that applies), borrowed by every client
      ├─ one token store (e.g. RedisTokenStore): each seller's token under its own key
      ├─ one rate budget (optional): a turn per request, per application and per seller
      └─ one configuration (environment, timeouts, retries, user agent)
          └─ for_seller("s-1") -> FlipkartClient(seller_id="s-1"), made on first use

Clients are made lazily and at most ``max_clients`` are kept; the least recently used one
is dropped beyond that (it holds no connection of its own, so a reference kept elsewhere
still works; a later ``for_seller`` makes a new one, which reads the token from the store).
A seller's errors stay that seller's: its token, its lock and its
:class:`~flipkart_ext.ReauthorizationRequired` concern no other seller.

Proxies are routed per URL as a single :class:`~flipkart_ext.FlipkartClient` routes them:
``proxy=`` carries everything; otherwise, with ``trust_env`` (the default), ``HTTPS_PROXY``,
``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` decide, by httpx's own reading of them, the
OAuth calls included. A closed pool raises :class:`~flipkart_ext.ClientClosed`.

:meth:`SellerClients.for_each` runs one job for many sellers, at most ``max_parallel`` at a
time (threads, or tasks), and returns one :class:`SellerResult` per seller, in input
order: the job's value, or the :class:`~flipkart_ext.FlipkartError` that ended it.
Anything else (a bug, :class:`KeyboardInterrupt`, cancellation) stops the run and
propagates.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, Unpack

import httpx

from ._async.client import AsyncFlipkartClient
from ._core.client_base import ClientOptions, check_client_options
from ._pool import async_network_transport, network_transport
from ._proxies import ProxyInput, proxy_routes
from ._sync.client import FlipkartClient
from .errors import ClientClosed, ConfigurationError, FlipkartError, InvalidArgument

__all__ = ["AsyncSellerClients", "SellerClients", "SellerResult", "SellerResults"]

_T = TypeVar("_T")
_C = TypeVar("_C", FlipkartClient, AsyncFlipkartClient)

#: Options that belong to one seller, never to the pool.
_PER_SELLER = frozenset({"seller_id", "refresh_token", "access_token"})


@dataclass(frozen=True)
class SellerResult(Generic[_T]):
    """What one seller's job gave: its value, or the typed error that ended it."""

    seller_id: str
    value: _T | None = None
    error: FlipkartError | None = None

    @property
    def ok(self) -> bool:
        """True when the job returned (``value`` is what it returned)."""
        return self.error is None


class SellerResults(Mapping[str, SellerResult[_T]]):
    """One :class:`SellerResult` per seller, by seller id, in input order."""

    def __init__(self, results: Iterable[SellerResult[_T]]) -> None:
        self._results = {result.seller_id: result for result in results}

    def __getitem__(self, seller_id: str) -> SellerResult[_T]:
        return self._results[seller_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._results)

    def __len__(self) -> int:
        return len(self._results)

    @property
    def succeeded(self) -> list[SellerResult[_T]]:
        """The sellers whose job returned."""
        return [result for result in self._results.values() if result.ok]

    @property
    def failed(self) -> list[SellerResult[_T]]:
        """The sellers whose job ended with a typed error."""
        return [result for result in self._results.values() if not result.ok]

    def __repr__(self) -> str:
        return f"SellerResults(succeeded={len(self.succeeded)}, failed={len(self.failed)})"


def _seller_ids(seller_ids: Iterable[str]) -> list[str]:
    """Each seller once, in input order; a non-string or blank id is refused by position."""
    seen: dict[str, None] = {}
    for index, seller_id in enumerate(seller_ids):
        if not isinstance(seller_id, str) or not seller_id.strip():
            raise InvalidArgument(f"seller_ids[{index}]: expected a non-empty string")
        seen.setdefault(seller_id, None)
    return list(seen)


def _check_parallel(max_parallel: int) -> None:
    if isinstance(max_parallel, bool) or not isinstance(max_parallel, int) or max_parallel < 1:
        raise InvalidArgument("max_parallel: expected a whole number of at least 1")


class _Pool(Generic[_C]):
    """The bounded cache of per-seller clients and the shared configuration (no I/O)."""

    def __init__(
        self, client_id: str, client_secret: str, max_clients: int, options: dict[str, Any]
    ) -> None:
        given = sorted(_PER_SELLER & options.keys())
        if given:
            raise ConfigurationError(
                f"{', '.join(given)}: per seller, not for the pool (the pool gives each client "
                "its seller_id; tokens come from the token store)"
            )
        if isinstance(max_clients, bool) or not isinstance(max_clients, int) or max_clients < 1:
            raise InvalidArgument("max_clients: must be a whole number of at least 1")
        check_client_options(**options)  # what each client would refuse, refused now
        self._client_id = client_id
        self._client_secret = client_secret
        self._options = options
        self.max_clients = max_clients
        self._clients: OrderedDict[str, _C] = OrderedDict()
        self._guard = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(clients={len(self._clients)}, max_clients={self.max_clients})"
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Self:
        """A pool from the ``FLIPKART_*`` variables, as ``FlipkartClient.from_env`` reads them.

        The application's settings only: a seller id, refresh or access token in the
        environment is ignored (each seller's token comes from the token store).
        """
        from ._core.environments import settings_from_env
        from .stores import FileTokenStore

        settings = settings_from_env(environ)
        options: dict[str, Any] = {
            "environment": settings.environment,
            "api_base_url": settings.api_base_url,
            "oauth_base_url": settings.oauth_base_url,
            "token_store": FileTokenStore(settings.token_file) if settings.token_file else None,
        }
        options.update(overrides)
        return cls(settings.client_id, settings.client_secret, **options)

    def _make(self, seller_id: str) -> _C:
        raise NotImplementedError

    def _open(self) -> None:
        """Refuse a closed pool with :class:`~flipkart_ext.ClientClosed`."""
        routes = getattr(self, "_routes", None)
        if routes is not None and routes.closed:
            raise ClientClosed(f"{type(self).__name__} is closed: build a new one")

    def for_seller(self, seller_id: str) -> _C:
        """The client acting for ``seller_id``, made on first use (no I/O)."""
        self._open()
        if not isinstance(seller_id, str) or not seller_id.strip():
            raise InvalidArgument("seller_id: expected a non-empty string")
        with self._guard:
            client = self._clients.get(seller_id)
            if client is not None:
                self._clients.move_to_end(seller_id)
                return client
            client = self._clients[seller_id] = self._make(seller_id)
            while len(self._clients) > self.max_clients:
                self._clients.popitem(
                    last=False
                )  # borrows the pool's connections: nothing to close
            return client


_T_co = TypeVar("_T_co", httpx.BaseTransport, httpx.AsyncBaseTransport)


class _Routes(Generic[_T_co]):
    """The pool's transports: a direct one, and one per proxy route, chosen per URL as httpx
    chooses its mounts (the most specific pattern first; a ``None`` route goes direct)."""

    def __init__(
        self,
        direct: _T_co,
        proxies: dict[str, httpx.Proxy | None],
        make: Callable[[httpx.Proxy], _T_co],
    ) -> None:
        from httpx._utils import URLPattern  # httpx's own matcher, as its mounts use it

        self.direct: _T_co = direct
        self.mounts: list[tuple[Any, _T_co | None]] = sorted(
            (
                (URLPattern(pattern), None if proxy is None else make(proxy))
                for pattern, proxy in proxies.items()
            ),
            key=lambda mount: mount[0],
        )
        self.closed = False

    def for_url(self, url: httpx.URL) -> _T_co:
        if self.closed:
            raise ClientClosed("the seller pool is closed: build a new one")
        for pattern, transport in self.mounts:
            if pattern.matches(url):
                chosen: _T_co = self.direct if transport is None else transport
                return chosen
        return self.direct

    def every(self) -> list[_T_co]:
        every = [self.direct]
        every.extend(t for _, t in self.mounts if t is not None)
        return every


class _Borrowed(httpx.BaseTransport):
    """The pool's transports lent to one client: closing the client leaves them open."""

    def __init__(self, routes: _Routes[httpx.BaseTransport]) -> None:
        self.routes = routes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.routes.for_url(request.url).handle_request(request)

    def close(self) -> None:
        """The pool closes the transports, not the clients borrowing them."""


class _AsyncBorrowed(httpx.AsyncBaseTransport):
    def __init__(self, routes: _Routes[httpx.AsyncBaseTransport]) -> None:
        self.routes = routes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.routes.for_url(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        """The pool closes the transports, not the clients borrowing them."""


class SellerClients(_Pool[FlipkartClient]):
    """Synchronous clients for many sellers of one application, sharing one connection pool.

    ``token_store`` and ``rate_budget`` are shared by every client (use ``RedisTokenStore``
    and ``RedisRateBudget`` to share them across processes); the other keyword options are
    those of :class:`~flipkart_ext.FlipkartClient`, less the per-seller ones. ``transport``
    replaces the network transport (one, shared; the pool closes it).
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        max_clients: int = 256,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        from .stores import MemoryTokenStore

        shared: dict[str, Any] = dict(options)
        if shared.get("token_store") is None:
            shared["token_store"] = MemoryTokenStore()
        proxy: ProxyInput | None = shared.pop("proxy", None)  # the shared pools go through it
        trust_env = bool(shared.get("trust_env", True))
        super().__init__(client_id, client_secret, max_clients, shared)
        if transport is not None and proxy is not None:
            raise ConfigurationError(
                "proxy: give the proxy to the transport you pass (transport=), not to the pool"
            )
        self._routes: _Routes[httpx.BaseTransport] = _Routes(
            transport or network_transport(trust_env=trust_env),
            {} if transport is not None else proxy_routes(proxy, trust_env=trust_env),
            lambda through: network_transport(proxy=through, trust_env=trust_env),
        )

    def _make(self, seller_id: str) -> FlipkartClient:
        return FlipkartClient(
            self._client_id,
            self._client_secret,
            seller_id=seller_id,
            transport=_Borrowed(self._routes),
            **self._options,
        )

    def for_each(
        self,
        seller_ids: Iterable[str],
        job: Callable[[FlipkartClient], _T],
        *,
        max_parallel: int = 8,
    ) -> SellerResults[_T]:
        """Run ``job(client)`` for every seller, ``max_parallel`` at a time, one result each."""
        from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

        sellers = _seller_ids(seller_ids)
        _check_parallel(max_parallel)
        self._open()

        def one(seller_id: str) -> SellerResult[_T]:
            try:
                return SellerResult(seller_id, value=job(self.for_seller(seller_id)))
            except FlipkartError as error:
                return SellerResult(seller_id, error=error)

        if not sellers:
            return SellerResults([])
        with ThreadPoolExecutor(max_workers=min(max_parallel, len(sellers))) as threads:
            futures = [threads.submit(one, seller_id) for seller_id in sellers]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            if any(future.exception() is not None for future in done):
                for future in futures:
                    future.cancel()
            return SellerResults([future.result() for future in futures])

    def close(self) -> None:
        """Close the shared connection pools (every client of this pool stops working)."""
        self._routes.closed = True
        for transport in self._routes.every():
            transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncSellerClients(_Pool[AsyncFlipkartClient]):
    """The asyncio twin of :class:`SellerClients` (``AsyncRedisTokenStore``, ``AsyncRedisRateBudget``)."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        max_clients: int = 256,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        from .stores import MemoryTokenStore

        shared: dict[str, Any] = dict(options)
        if shared.get("token_store") is None:
            shared["token_store"] = MemoryTokenStore()
        proxy: ProxyInput | None = shared.pop("proxy", None)  # the shared pools go through it
        trust_env = bool(shared.get("trust_env", True))
        super().__init__(client_id, client_secret, max_clients, shared)
        if transport is not None and proxy is not None:
            raise ConfigurationError(
                "proxy: give the proxy to the transport you pass (transport=), not to the pool"
            )
        self._routes: _Routes[httpx.AsyncBaseTransport] = _Routes(
            transport or async_network_transport(trust_env=trust_env),
            {} if transport is not None else proxy_routes(proxy, trust_env=trust_env),
            lambda through: async_network_transport(proxy=through, trust_env=trust_env),
        )

    def _make(self, seller_id: str) -> AsyncFlipkartClient:
        return AsyncFlipkartClient(
            self._client_id,
            self._client_secret,
            seller_id=seller_id,
            transport=_AsyncBorrowed(self._routes),
            **self._options,
        )

    async def for_each(
        self,
        seller_ids: Iterable[str],
        job: Callable[[AsyncFlipkartClient], Awaitable[_T]],
        *,
        max_parallel: int = 8,
    ) -> SellerResults[_T]:
        """Await ``job(client)`` for every seller, ``max_parallel`` at a time, one result each."""
        import asyncio

        sellers = _seller_ids(seller_ids)
        _check_parallel(max_parallel)
        self._open()
        slots = asyncio.Semaphore(max_parallel)

        async def one(seller_id: str) -> SellerResult[_T]:
            async with slots:
                try:
                    return SellerResult(seller_id, value=await job(self.for_seller(seller_id)))
                except FlipkartError as error:
                    return SellerResult(seller_id, error=error)

        tasks = [asyncio.create_task(one(seller_id)) for seller_id in sellers]
        try:
            return SellerResults(await asyncio.gather(*tasks))
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise

    async def aclose(self) -> None:
        """Close the shared connection pools (every client of this pool stops working)."""
        self._routes.closed = True
        for transport in self._routes.every():
            await transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
