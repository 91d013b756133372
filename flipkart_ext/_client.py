"""``FlipkartClient`` and ``AsyncFlipkartClient``: the plumbing plus the resources.

The facade is the top layer: :mod:`._core_client` holds auth, retries and ``call``; each
resource (``shipments``, ``returns``, ``listings``) is built on the same httpx client the
first time it is used, and shares its token, retries and connection pool.
"""

from __future__ import annotations

import functools

from ._core.redact import install_log_redaction
from ._core_client import AsyncCoreClient, CoreClient
from .listings import AsyncListings, Listings
from .returns import AsyncReturns, Returns
from .shipments import AsyncShipments, Shipments

__all__ = ["AsyncFlipkartClient", "FlipkartClient"]


class FlipkartClient(CoreClient):
    """Synchronous Flipkart Seller API client. Use as a context manager or call :meth:`close`.

    ``transport`` replaces the network transport (e.g. :class:`httpx.MockTransport`
    in tests); retries still wrap it.
    """

    @functools.cached_property
    def shipments(self) -> Shipments:
        """Shipment search, look-ups, label downloads and the dispatch day (pack to manifest)."""
        install_log_redaction()  # covers loggers created since the client was built
        return Shipments(self.http, self.api_base_url, self._retry)

    @functools.cached_property
    def returns(self) -> Returns:
        """Returns search across pages and look-ups by return or tracking id."""
        install_log_redaction()
        return Returns(self.http, self.api_base_url, self._retry)

    @functools.cached_property
    def listings(self) -> Listings:
        """Listings by SKU, listing search, and bulk stock and price updates."""
        install_log_redaction()
        return Listings(self.http, self.api_base_url, self._retry)


class AsyncFlipkartClient(AsyncCoreClient):
    """Asynchronous Flipkart Seller API client. Use as an async context manager or await :meth:`aclose`."""

    @functools.cached_property
    def shipments(self) -> AsyncShipments:
        """Shipment search, look-ups, label downloads and the dispatch day (pack to manifest)."""
        install_log_redaction()
        return AsyncShipments(self.http, self.api_base_url, self._retry)

    @functools.cached_property
    def returns(self) -> AsyncReturns:
        """Returns search across pages and look-ups by return or tracking id."""
        install_log_redaction()
        return AsyncReturns(self.http, self.api_base_url, self._retry)

    @functools.cached_property
    def listings(self) -> AsyncListings:
        """Listings by SKU, listing search, and bulk stock and price updates."""
        install_log_redaction()
        return AsyncListings(self.http, self.api_base_url, self._retry)
