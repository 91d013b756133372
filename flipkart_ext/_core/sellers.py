"""What the seller pools share that is not I/O: results, input checks, the client cache, routes.

The pools themselves (``flipkart_ext/_async/sellers.py`` and its generated sync twin) build
the shared transports, make each seller's client and run jobs; the bookkeeping here is the
same for both.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Self, TypeVar

import httpx

from .._boundary import guarded_class
from .._proxies import ProxyInput, proxy_routes
from ..errors import ClientClosed, ConfigurationError, FlipkartError, InvalidArgument
from .client_base import check_client_options
from .inputs import refuse_repeats, text_problem

__all__ = ["Routes", "SellerPool", "SellerResult", "SellerResults", "check_parallel", "seller_ids"]

_T = TypeVar("_T")
_C = TypeVar("_C")
_Transport = TypeVar("_Transport", httpx.BaseTransport, httpx.AsyncBaseTransport)

#: Options that belong to one seller, never to the pool.
_PER_SELLER = frozenset({"seller_id", "refresh_token", "access_token"})


@guarded_class
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


@guarded_class
class SellerResults(Mapping[str, SellerResult[_T]]):
    """One :class:`SellerResult` per seller, by seller id, in input order."""

    def __init__(self, results: Iterable[SellerResult[_T]]) -> None:
        if isinstance(results, str | bytes) or not isinstance(results, Iterable):
            raise InvalidArgument(
                f"results: expected SellerResult items, got {type(results).__name__}"
            )
        found = list(results)
        if not all(isinstance(result, SellerResult) for result in found):
            raise InvalidArgument("results: expected SellerResult items only")
        self._results = {result.seller_id: result for result in found}

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


def seller_ids(given: Iterable[str]) -> list[str]:
    """The sellers in input order; a non-string, blank or unprintable id is refused by
    position, and so is a seller given twice (its job would run once, quietly)."""
    if isinstance(given, str):
        raise InvalidArgument("seller_ids: expected a list of seller ids, got one string")
    try:
        listed = list(given)
    except TypeError:
        raise InvalidArgument(
            f"seller_ids: expected an iterable of seller ids, got {type(given).__name__}"
        ) from None
    for index, seller_id in enumerate(listed):
        problem = text_problem(seller_id)
        if problem is not None:
            raise InvalidArgument(f"seller_ids[{index}]: {problem}")
    refuse_repeats("seller_ids", listed)
    return listed


def check_parallel(max_parallel: int) -> None:
    """Refuse a ``max_parallel`` that is not a whole number of at least 1."""
    if isinstance(max_parallel, bool) or not isinstance(max_parallel, int) or max_parallel < 1:
        raise InvalidArgument("max_parallel: expected a whole number of at least 1")


class Routes(Generic[_Transport]):
    """The pool's transports: a direct one, and one per proxy route, chosen per URL as httpx
    chooses its mounts (the most specific pattern first; a ``None`` route goes direct)."""

    def __init__(
        self,
        direct: _Transport,
        proxies: dict[str, httpx.Proxy | None],
        make: Callable[[httpx.Proxy], _Transport],
    ) -> None:
        from httpx._utils import URLPattern  # httpx's own matcher, as its mounts use it

        self.direct: _Transport = direct
        self.mounts: list[tuple[Any, _Transport | None]] = sorted(
            (
                (URLPattern(pattern), None if proxy is None else make(proxy))
                for pattern, proxy in proxies.items()
            ),
            key=lambda mount: mount[0],
        )
        self.closed = False

    def for_url(self, url: httpx.URL) -> _Transport:
        """The transport a request to ``url`` goes through."""
        if self.closed:
            raise ClientClosed("the seller pool is closed: build a new one")
        for pattern, transport in self.mounts:
            if pattern.matches(url):
                chosen: _Transport = self.direct if transport is None else transport
                return chosen
        return self.direct

    def every(self) -> list[_Transport]:
        """Every transport of the pool, the direct one first."""
        every = [self.direct]
        every.extend(t for _, t in self.mounts if t is not None)
        return every


class SellerPool(Generic[_C]):
    """The bounded cache of per-seller clients and the shared configuration (no I/O).

    ``own_transport``: the caller passes the network transport, so the pool routes no proxy
    of its own (``proxy=`` belongs to that transport then).
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        max_clients: int,
        options: Mapping[str, Any],
        *,
        own_transport: bool,
    ) -> None:
        from ..stores import MemoryTokenStore

        shared: dict[str, Any] = dict(options)
        if shared.get("token_store") is None:
            shared["token_store"] = MemoryTokenStore()
        proxy: ProxyInput | None = shared.pop("proxy", None)  # the shared pools go through it
        self._trust_env = bool(shared.get("trust_env", True))
        given = sorted(_PER_SELLER & shared.keys())
        if given:
            raise ConfigurationError(
                f"{', '.join(given)}: per seller, not for the pool (the pool gives each client "
                "its seller_id; tokens come from the token store)"
            )
        if isinstance(max_clients, bool) or not isinstance(max_clients, int) or max_clients < 1:
            raise InvalidArgument("max_clients: must be a whole number of at least 1")
        check_client_options(**shared)  # what each client would refuse, refused now
        if own_transport and proxy is not None:
            raise ConfigurationError(
                "proxy: give the proxy to the transport you pass (transport=), not to the pool"
            )
        #: URL pattern -> proxy, for the shared transports (none when the caller gave one).
        self._proxies = {} if own_transport else proxy_routes(proxy, trust_env=self._trust_env)
        self._client_id = client_id
        self._client_secret = client_secret
        self._options = shared
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
        from ..stores import FileTokenStore
        from .environments import settings_from_env

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
        if (problem := text_problem(seller_id)) is not None:
            raise InvalidArgument(f"seller_id: {problem}")
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
