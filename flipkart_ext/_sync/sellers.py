# Generated from flipkart_ext/_async/sellers.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""Clients for many sellers of one application: ``AsyncSellerClients`` (and, generated from
it, ``SellerClients``).

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

``for_each`` runs one job for many sellers, at most ``max_parallel`` at a time (threads, or
tasks), and returns one :class:`~flipkart_ext.SellerResult` per seller, in input order: the
job's value, or the :class:`~flipkart_ext.FlipkartError` that ended it. Anything else (a
bug, :class:`KeyboardInterrupt`, cancellation) stops the run and propagates.

The bookkeeping (results, the client cache, the routes) is in
:mod:`flipkart_ext._core.sellers`; this module builds the shared transports, makes each
seller's client and runs the jobs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar, Unpack

import httpx

from .._boundary import callers_own, guarded_class
from .._concurrency import SyncFunction, sync_gather
from .._core.client_base import ClientOptions
from .._core.sellers import Routes, SellerPool, SellerResult, SellerResults, check_parallel
from .._core.sellers import seller_ids as checked_seller_ids
from .._pool import network_transport
from ..errors import FlipkartError
from .client import FlipkartClient
from .closing import Closing

__all__ = ["SellerClients"]

_T = TypeVar("_T")


class _Borrowed(httpx.BaseTransport):
    """The pool's transports lent to one client: closing the client leaves them open."""

    def __init__(self, routes: Routes[httpx.BaseTransport]) -> None:
        self.routes = routes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.routes.for_url(request.url).handle_request(request)

    def close(self) -> None:
        """The pool closes the transports, not the clients borrowing them."""


@guarded_class
class SellerClients(Closing, SellerPool[FlipkartClient]):
    """Clients for many sellers of one application, sharing one connection pool.

    ``token_store`` and ``rate_budget`` are shared by every client (use a Redis token store
    and rate budget to share them across processes); the other keyword options are those
    of the client, less the per-seller ones. ``transport`` replaces the network transport
    (one, shared; the pool closes it). ``SellerClients`` takes sync stores and budgets;
    ``AsyncSellerClients`` takes async ones, or the memory forms.
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
        own = transport is not None
        super().__init__(client_id, client_secret, max_clients, options, own_transport=own)
        self._routes: Routes[httpx.BaseTransport] = Routes(
            transport or self._network(), self._proxies, self._network
        )

    def _network(self, proxy: httpx.Proxy | None = None) -> httpx.HTTPTransport:
        return network_transport(proxy=proxy, trust_env=self._trust_env)

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
        job: SyncFunction[FlipkartClient, _T],
        *,
        max_parallel: int = 8,
    ) -> SellerResults[_T]:
        """Run ``job(client)`` for every seller, ``max_parallel`` at a time, one result each.

        With ``AsyncSellerClients``, ``job`` is a coroutine function, awaited in tasks; with
        ``SellerClients``, a plain function, run in threads.
        """
        sellers = checked_seller_ids(seller_ids)
        check_parallel(max_parallel)
        self._open()

        def one(seller_id: str) -> SellerResult[_T]:
            try:
                return SellerResult(seller_id, value=job(self.for_seller(seller_id)))
            except FlipkartError as error:
                return SellerResult(seller_id, error=error)
            except Exception as error:
                # The job's own bug: it stops the run and reaches the caller as raised.
                callers_own(error)
                raise

        return SellerResults(sync_gather(one, sellers, max_parallel))

    def close(self) -> None:
        """Close the shared connection pools (every client of this pool stops working)."""
        self._routes.closed = True
        for transport in self._routes.every():
            transport.close()
