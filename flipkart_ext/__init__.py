"""Flipkart Marketplace Seller API: token lifecycle, retries and pagination over a generated client.

``flipkart_seller_api`` (under ``generated/``) is the raw client generated from Flipkart's
spec; this package is the hand-written layer on top of it::

    from flipkart_ext import FlipkartClient, ShipmentFilter

    with FlipkartClient.from_env() as client:
        for shipment in client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"])):
            print(shipment.shipment_id)

Log records go to the ``flipkart_ext`` logger, which has a :class:`logging.NullHandler`:
nothing reaches stderr unless the application configures logging.
"""

import logging as _logging

from ._async.redis_budget import AsyncRedisRateBudget
from ._async.redis_store import AsyncRedisTokenStore
from ._auth import FlipkartAuth, TokenStatus
from ._batches import BatchAnomaly, BatchResults, InvalidItem
from ._client import AsyncFlipkartClient, FlipkartClient
from ._core.environments import PRODUCTION, SANDBOX, ConfigurationWarning, Environment
from ._core.redact import redact_url
from ._core.tokens import AuthorizationURL, Token
from ._core_client import ClientOptions
from ._rate_budget import AsyncRateBudget, MemoryRateBudget, RateBudget, RateLimit
from ._retry import RetryPolicy
from ._sellers import AsyncSellerClients, SellerClients, SellerResult, SellerResults
from ._sync.redis_budget import RedisRateBudget
from ._sync.redis_store import RedisTokenStore
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ClientClosed,
    ConcurrentUse,
    ConfigurationError,
    FlipkartError,
    InternalError,
    InvalidArgument,
    InvalidRequest,
    LocalFileError,
    MalformedResponse,
    NotFound,
    PermissionDenied,
    RateBudgetError,
    RateLimitError,
    ReauthorizationRequired,
    ServerError,
    SharedStateError,
    TokenStoreError,
    UsageError,
    WrongEventLoop,
)
from .paging import (
    MissingNextPage,
    NoProgress,
    PaginationError,
    RepeatedCursor,
    UnsafeCursor,
    UnsafeNextPageUrl,
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
    "BatchAnomaly",
    "BatchResults",
    "CheckedTokenStore",
    "ClientClosed",
    "ClientOptions",
    "ConcurrentUse",
    "ConfigurationError",
    "ConfigurationWarning",
    "Environment",
    "FileTokenStore",
    "FlipkartAuth",
    "FlipkartClient",
    "FlipkartError",
    "InternalError",
    "InvalidArgument",
    "InvalidItem",
    "InvalidRequest",
    "LocalFileError",
    "MalformedResponse",
    "MemoryRateBudget",
    "MemoryTokenStore",
    "MissingNextPage",
    "NoProgress",
    "NotFound",
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
    "Token",
    "TokenKey",
    "TokenStatus",
    "TokenStore",
    "TokenStoreError",
    "UnsafeCursor",
    "UnsafeNextPageUrl",
    "UsageError",
    "WrongEventLoop",
    "__version__",
    "redact_url",
]

# A library leaves output to the application: without this, Python's last-resort handler
# would print our warnings (a retry given up on, a Retry-After past the cap) to stderr.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
