"""Flipkart Marketplace Seller API: token lifecycle, retries and pagination over a generated client.

``flipkart_seller_api`` (under ``generated/``) is the raw client generated from Flipkart's
spec; this package is the hand-written layer on top of it::

    from flipkart_ext import FlipkartClient, ShipmentFilter

    with FlipkartClient.from_env() as client:
        for shipment in client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])):
            print(shipment.shipment_id)

Every name below is loaded the first time it is used, so ``import flipkart_ext`` costs
next to nothing until a client is built. Every error is a :class:`FlipkartError`.

Log records go to the ``flipkart_ext`` logger, which has a :class:`logging.NullHandler`:
nothing reaches stderr unless the application configures logging.
"""

import logging as _logging
from typing import TYPE_CHECKING

from ._lazy import lazy_module_getattr
from ._version import __version__

if TYPE_CHECKING:
    from ._async.client import AsyncFlipkartClient
    from ._async.redis_budget import AsyncRedisRateBudget
    from ._async.redis_store import AsyncRedisTokenStore
    from ._async.sellers import AsyncSellerClients
    from ._auth import FlipkartAuth, TokenStatus
    from ._core.batches import BatchAnomaly, BatchResults
    from ._core.client_base import ClientOptions
    from ._core.environments import PRODUCTION, SANDBOX, ConfigurationWarning, Environment
    from ._core.redact import redact_url
    from ._core.retry import RetryPolicy
    from ._core.sellers import SellerResult, SellerResults
    from ._core.tokens import AuthorizationURL, Token
    from ._rate_budget import AsyncRateBudget, MemoryRateBudget, RateBudget, RateLimit
    from ._sync.client import FlipkartClient
    from ._sync.redis_budget import RedisRateBudget
    from ._sync.redis_store import RedisTokenStore
    from ._sync.sellers import SellerClients
    from .errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadSignature,
        ClientClosed,
        ConcurrentUse,
        ConfigurationError,
        FailureReason,
        FlipkartError,
        InternalError,
        InvalidArgument,
        InvalidItem,
        InvalidRequest,
        InvalidSignature,
        LocalFileError,
        MalformedEvent,
        MalformedHeader,
        MalformedResponse,
        MissingHeader,
        MissingNextPage,
        NoProgress,
        NotFound,
        NotificationError,
        PaginationError,
        PermissionDenied,
        RateBudgetError,
        RateLimitError,
        ReauthorizationRequired,
        RepeatedCursor,
        ServerError,
        SharedStateError,
        StaleRequest,
        TokenStoreError,
        UnsafeCursor,
        UnsafeNextPageUrl,
        UsageError,
        WrongApplication,
        WrongEventLoop,
    )
    from .returns import ReturnFilter
    from .shipments import ShipmentFilter
    from .stores import (
        AsyncCheckedTokenStore,
        AsyncTokenStore,
        CheckedTokenStore,
        FileTokenStore,
        MemoryTokenStore,
        TokenKey,
        TokenStore,
    )

#: Where each public name lives; it is imported from there on first use. Every other name
#: of ``__all__`` (below) is an error class, from ``.errors``.
_HOMES = {
    "AsyncFlipkartClient": "._async.client",
    "FlipkartClient": "._sync.client",
    "ClientOptions": "._core.client_base",
    "FlipkartAuth": "._auth",
    "TokenStatus": "._auth",
    "BatchAnomaly": "._core.batches",
    "BatchResults": "._core.batches",
    "PRODUCTION": "._core.environments",
    "SANDBOX": "._core.environments",
    "ConfigurationWarning": "._core.environments",
    "Environment": "._core.environments",
    "redact_url": "._core.redact",
    "RetryPolicy": "._core.retry",
    "AuthorizationURL": "._core.tokens",
    "Token": "._core.tokens",
    "AsyncRateBudget": "._rate_budget",
    "MemoryRateBudget": "._rate_budget",
    "RateBudget": "._rate_budget",
    "RateLimit": "._rate_budget",
    "AsyncRedisRateBudget": "._async.redis_budget",
    "RedisRateBudget": "._sync.redis_budget",
    "AsyncRedisTokenStore": "._async.redis_store",
    "RedisTokenStore": "._sync.redis_store",
    "AsyncSellerClients": "._async.sellers",
    "SellerClients": "._sync.sellers",
    "SellerResult": "._core.sellers",
    "SellerResults": "._core.sellers",
    "ReturnFilter": ".returns",
    "ShipmentFilter": ".shipments",
    "AsyncCheckedTokenStore": ".stores",
    "AsyncTokenStore": ".stores",
    "CheckedTokenStore": ".stores",
    "FileTokenStore": ".stores",
    "MemoryTokenStore": ".stores",
    "TokenKey": ".stores",
    "TokenStore": ".stores",
}

__all__ = [
    "PRODUCTION",
    "SANDBOX",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCheckedTokenStore",
    "AsyncFlipkartClient",
    "AsyncRateBudget",
    "AsyncRedisRateBudget",
    "AsyncRedisTokenStore",
    "AsyncSellerClients",
    "AsyncTokenStore",
    "AuthenticationError",
    "AuthorizationURL",
    "BadSignature",
    "BatchAnomaly",
    "BatchResults",
    "CheckedTokenStore",
    "ClientClosed",
    "ClientOptions",
    "ConcurrentUse",
    "ConfigurationError",
    "ConfigurationWarning",
    "Environment",
    "FailureReason",
    "FileTokenStore",
    "FlipkartAuth",
    "FlipkartClient",
    "FlipkartError",
    "InternalError",
    "InvalidArgument",
    "InvalidItem",
    "InvalidRequest",
    "InvalidSignature",
    "LocalFileError",
    "MalformedEvent",
    "MalformedHeader",
    "MalformedResponse",
    "MemoryRateBudget",
    "MemoryTokenStore",
    "MissingHeader",
    "MissingNextPage",
    "NoProgress",
    "NotFound",
    "NotificationError",
    "PaginationError",
    "PermissionDenied",
    "RateBudget",
    "RateBudgetError",
    "RateLimit",
    "RateLimitError",
    "ReauthorizationRequired",
    "RedisRateBudget",
    "RedisTokenStore",
    "RepeatedCursor",
    "RetryPolicy",
    "ReturnFilter",
    "SellerClients",
    "SellerResult",
    "SellerResults",
    "ServerError",
    "SharedStateError",
    "ShipmentFilter",
    "StaleRequest",
    "Token",
    "TokenKey",
    "TokenStatus",
    "TokenStore",
    "TokenStoreError",
    "UnsafeCursor",
    "UnsafeNextPageUrl",
    "UsageError",
    "WrongApplication",
    "WrongEventLoop",
    "__version__",
    "redact_url",
]

_HOMES.update((name, ".errors") for name in __all__ if name not in _HOMES and name != "__version__")

__getattr__ = lazy_module_getattr(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


# A library leaves output to the application: without this, Python's last-resort handler
# would print our warnings (a retry given up on, a Retry-After past the cap) to stderr.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
