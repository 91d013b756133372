"""What ``FlipkartClient`` and ``AsyncFlipkartClient`` share that is not I/O.

Configuration (checked here, at construction: credentials, environment, every timeout,
the retry policy, proxies), the :class:`~flipkart_ext.FlipkartAuth` owning the token, the
authorization-code helpers and how the ``httpx`` client is assembled::

    httpx client  (base_url = API base, User-Agent, timeout)
      └─ auth      FlipkartAuth   token fetch / proactive refresh / 401 replay, single-flight
          └─ transport  RetryTransport   backoff, Retry-After, safe-to-repeat policy
              └─ BudgetTransport   a turn from the shared rate budget (only with rate_budget=)
                  └─ httpx.HTTPTransport (or the one you pass, e.g. httpx.MockTransport)

plus, when a proxy applies (``proxy=``, or ``HTTPS_PROXY`` & co. with ``trust_env``), one
more retrying transport over an ``httpx.HTTPTransport(proxy=...)`` mounted per URL pattern
as httpx mounts its own (see :mod:`flipkart_ext._proxies`).

The clients themselves (``flipkart_ext/_async/client.py`` and its generated sync twin)
only build that chain and send through the I/O path.
"""

from __future__ import annotations

import functools
import math
import time
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, Self, TypedDict, TypeVar, Unpack
from urllib.parse import urlsplit

import httpx

from .._auth import AppGrant, FlipkartAuth, TokenStatus
from .._boundary import guarded_class
from .._proxies import ProxyInput, proxy_routes
from .._rate_budget import AsyncRateBudget, RateBudget
from .._version import __version__
from ..errors import ConfigurationError, InvalidArgument
from ..stores import AsyncTokenStore, FileTokenStore, TokenStore
from .environments import (
    ConfigurationWarning,
    Environment,
    require_secure_url,
    resolve_environment,
    settings_from_env,
)
from .inputs import number, text_problem
from .redact import install_log_redaction
from .retry import RetryPolicy
from .tokens import AuthorizationURL, build_authorize_url
from .tokens import verify_state as _verify_state

if TYPE_CHECKING:
    from flipkart_seller_api.types import Response

__all__ = [
    "DEFAULT_TIMEOUT",
    "ClientBase",
    "ClientOptions",
    "Operation",
    "check_client_options",
    "checked_timeout",
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


def checked_timeout(value: object) -> httpx.Timeout:
    """``timeout=`` as an :class:`httpx.Timeout`: seconds (a positive finite number) or a
    ``Timeout`` whose parts are each that or ``None`` (no limit); anything else is refused
    by name before the client exists."""
    if isinstance(value, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            given = getattr(value, part)
            if given is not None:
                number(f"timeout.{part}", given, above_minimum=True)
        return value
    if isinstance(value, float) and math.isinf(value) and value > 0:
        raise InvalidArgument(
            "timeout: expected a positive finite number of seconds, got inf "
            "(for no limit, pass httpx.Timeout(None))"
        )
    return httpx.Timeout(number("timeout", value, above_minimum=True))


def check_client_options(**options: Any) -> httpx.Timeout:
    """Refuse, by name, any client option of the wrong kind; ``timeout`` as a ``Timeout``.

    Shared by the clients and the seller pools, so a pool refuses at construction what each
    of its clients would.
    """
    retry = options.get("retry")
    if retry is not None and not isinstance(retry, RetryPolicy):
        raise InvalidArgument(f"retry: expected a RetryPolicy, got {type(retry).__name__}")
    number("refresh_skew", options.get("refresh_skew", 300.0))
    trust_env = options.get("trust_env", True)
    if not isinstance(trust_env, bool):
        raise InvalidArgument(f"trust_env: expected True or False, got {trust_env!r}")
    user_agent = options.get("user_agent")
    if user_agent is not None and (problem := text_problem(user_agent)) is not None:
        # A newline would split the header; httpx would refuse it only when sending.
        raise InvalidArgument(f"user_agent: {problem}")
    clock = options.get("clock", time.time)
    if not callable(clock):
        raise InvalidArgument(f"clock: expected a callable, got {clock!r}")
    return checked_timeout(options.get("timeout", DEFAULT_TIMEOUT))


#: The client options that configure its FlipkartAuth (whose defaults are the client's).
_AUTH_OPTIONS = (
    "token_store",
    "seller_id",
    "refresh_token",
    "access_token",
    "grant_type",
    "refresh_skew",
    "clock",
)


@functools.cache
def _user_agent() -> str:
    return f"flipkart-seller/{__version__} httpx/{httpx.__version__}"


@guarded_class
class ClientBase:
    """Configuration and every pure decision shared by the sync and async clients."""

    def __init__(
        self, client_id: str, client_secret: str, **options: Unpack[ClientOptions]
    ) -> None:
        unknown = sorted(options.keys() - ClientOptions.__annotations__.keys())
        if unknown:
            raise InvalidArgument(f"{unknown[0]}: not an option of {type(self).__name__}")
        install_log_redaction()
        self._timeout = check_client_options(**options)
        self._environment = resolve_environment(
            options.get("environment", "sandbox"),
            api_base_url=options.get("api_base_url"),
            oauth_base_url=options.get("oauth_base_url"),
        )
        # Every option of the token's owner, with the same defaults as the client's.
        given: dict[str, Any] = dict(options)
        for_auth = {name: given[name] for name in _AUTH_OPTIONS if name in given}
        self._auth = FlipkartAuth(
            client_id, client_secret, environment=self._environment, **for_auth
        )
        self._client_id = client_id
        self._seller_id = options.get("seller_id")
        self._retry = options.get("retry") or RetryPolicy()
        user_agent = options.get("user_agent") or _user_agent()
        self._headers = {"User-Agent": user_agent, "Accept": "application/json"}
        self._proxy = options.get("proxy")
        self._trust_env = options.get("trust_env", True)
        self._rate_budget = options.get("rate_budget")

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
            warnings.warn(conflict, ConfigurationWarning, stacklevel=3)  # past the boundary wrapper
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

    @staticmethod
    def _check_code(code: str, state: str, expected_state: str | None) -> None:
        """An authorization callback's values, checked before any request."""
        if expected_state is not None and not _verify_state(expected_state, state):
            raise InvalidArgument("the state returned by Flipkart does not match the one issued")
        if not isinstance(code, str) or not code:
            raise InvalidArgument("code must not be empty")

    def token_status(self) -> TokenStatus:
        """Environment and expiry of the current token (never the token itself)."""
        return self._auth.token_status()
