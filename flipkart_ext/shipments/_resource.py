"""``client.shipments``: search, look-ups and PDF downloads, sync and async.

Both classes only wire arguments into the shared plans (the paging engine with
``SHIPMENT_SEARCH_PAGES``, ``_lookup.ShipmentLookup``, ``_lookup.DocumentDownload``) and pick
the sync or async I/O function. ``http`` carries the base URL, auth and retries; nothing here sees a token.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, overload

import httpx

from .._wire_names import SHIPMENT_SEARCH
from ..paging import (
    DEFAULT_DEDUPE_WINDOW,
    ApiBase,
    AsyncItemIterator,
    AsyncPageIterator,
    ItemIterator,
    PageIterator,
    PageRequest,
    PageWalker,
)
from . import _lookup
from ._filter import ShipmentFilter
from ._lookup import DocumentDownload, PdfDocument, SavedPdf, ShipmentLookup
from ._shape import SHIPMENT_SEARCH_PAGES

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment

__all__ = ["AsyncShipments", "Shipments"]

Ids = Iterable[str] | str


class _ShipmentsBase:
    def __init__(self, api_base_url: str | httpx.URL) -> None:
        self._api_base = ApiBase(api_base_url)

    def _walker(
        self,
        filter: ShipmentFilter | None,
        *,
        raw: bool,
        limit: int | None,
        max_pages: int | None,
        resume_from: str | None,
        dedupe_window: int,
    ) -> PageWalker[Any]:
        """Check the search arguments and set up the iteration (no I/O)."""
        if filter is not None and not isinstance(filter, ShipmentFilter):
            raise ValueError(f"filter: expected a ShipmentFilter, got {type(filter).__name__}")
        # The body is built even when resuming so a bad filter still fails early.
        first = (
            None
            if filter is None
            else PageRequest("POST", self._api_base.join(SHIPMENT_SEARCH.path), filter.to_dict())
        )
        return PageWalker(
            SHIPMENT_SEARCH_PAGES,
            api_base=self._api_base,
            first=first,
            resume_from=resume_from,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            dedupe_window=dedupe_window,
        )

    def _lookup(
        self, shipment_ids: Ids | None, order_ids: Ids | None, order_item_ids: Ids | None, raw: bool
    ) -> ShipmentLookup:
        return ShipmentLookup(
            self._api_base,
            shipment_ids=shipment_ids,
            order_ids=order_ids,
            order_item_ids=order_item_ids,
            raw=raw,
        )


class Shipments(_ShipmentsBase):
    """Shipment search and look-ups over a configured ``httpx.Client``."""

    def __init__(self, http: httpx.Client, api_base_url: str | httpx.URL) -> None:
        super().__init__(api_base_url)
        self._http = http

    @overload
    def search(
        self,
        filter: ShipmentFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        dedupe_window: int = ...,
    ) -> ItemIterator[Shipment]: ...

    @overload
    def search(
        self,
        filter: ShipmentFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        dedupe_window: int = ...,
    ) -> ItemIterator[dict[str, Any]]: ...

    def search(
        self,
        filter: ShipmentFilter | None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> ItemIterator[Any]:
        """Every shipment matching ``filter``, across pages, each exactly once, in server order.

        ``limit`` caps the number of shipments, ``max_pages`` the number of requests.
        ``resume_from`` is a ``Page.cursor`` from an earlier run (``filter`` may then be
        ``None``). ``raw=True`` yields the JSON objects as plain dicts instead of
        ``Shipment`` models. ``dedupe_window``: how many recent shipment ids are
        remembered to skip duplicates. Arguments are checked here, before any request.
        """
        walker = self._walker(
            filter,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return ItemIterator(self._http, walker)

    @overload
    def pages(
        self,
        filter: ShipmentFilter | None,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        dedupe_window: int = ...,
    ) -> PageIterator[Shipment]: ...

    @overload
    def pages(
        self,
        filter: ShipmentFilter | None,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        dedupe_window: int = ...,
    ) -> PageIterator[dict[str, Any]]: ...

    def pages(
        self,
        filter: ShipmentFilter | None,
        *,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> PageIterator[Any]:
        """The same search one ``Page`` at a time; store ``page.cursor`` to resume later."""
        walker = self._walker(
            filter,
            raw=raw,
            limit=None,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return PageIterator(self._http, walker)

    @overload
    def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: Literal[False] = ...,
    ) -> list[Shipment]: ...

    @overload
    def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: Literal[True],
    ) -> list[dict[str, Any]]: ...

    def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = None,
        order_ids: Ids | None = None,
        order_item_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Shipments by exactly one kind of id, in input order.

        Repeated ids are asked for once; calls carry at most 100 ids each. Returns
        ``Shipment`` models, or dicts with ``raw=True``.
        """
        plan = self._lookup(shipment_ids, order_ids, order_item_ids, raw)
        return _lookup.get_shipments(self._http, plan)

    def get_labels(self, shipment_ids: Ids) -> list[PdfDocument]:
        """Shipping label PDFs, one per chunk of at most 100 shipments, in input order."""
        return _lookup.get_documents(
            self._http, DocumentDownload(self._api_base, "labels", shipment_ids)
        )

    def save_labels(self, shipment_ids: Ids, folder: str | os.PathLike[str]) -> list[SavedPdf]:
        """Write label PDFs as ``labels-001.pdf``, ``labels-002.pdf``, ... into ``folder``."""
        plan = DocumentDownload(self._api_base, "labels", shipment_ids)
        return _lookup.save_documents(self._http, plan, folder)

    def get_invoices(self, shipment_ids: Ids) -> list[PdfDocument]:
        """Invoice PDFs, one per chunk of at most 100 shipments, in input order."""
        return _lookup.get_documents(
            self._http, DocumentDownload(self._api_base, "invoices", shipment_ids)
        )

    def save_invoices(self, shipment_ids: Ids, folder: str | os.PathLike[str]) -> list[SavedPdf]:
        """Write invoice PDFs as ``invoices-001.pdf``, ... into ``folder``."""
        plan = DocumentDownload(self._api_base, "invoices", shipment_ids)
        return _lookup.save_documents(self._http, plan, folder)


class AsyncShipments(_ShipmentsBase):
    """Shipment search and look-ups over a configured ``httpx.AsyncClient``."""

    def __init__(self, http: httpx.AsyncClient, api_base_url: str | httpx.URL) -> None:
        super().__init__(api_base_url)
        self._http = http

    @overload
    def search(
        self,
        filter: ShipmentFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[Shipment]: ...

    @overload
    def search(
        self,
        filter: ShipmentFilter | None,
        *,
        limit: int | None = ...,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncItemIterator[dict[str, Any]]: ...

    def search(
        self,
        filter: ShipmentFilter | None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncItemIterator[Any]:
        """``async for`` form of ``Shipments.search``.

        ``prefetch=1`` requests page k+1 while the caller still works on page k.
        Leaving early: ``async with`` the iterator, or ``await it.aclose()``, cancels a
        prefetch in flight at once.
        """
        walker = self._walker(
            filter,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncItemIterator(self._http, walker, prefetch)

    @overload
    def pages(
        self,
        filter: ShipmentFilter | None,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[False] = ...,
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncPageIterator[Shipment]: ...

    @overload
    def pages(
        self,
        filter: ShipmentFilter | None,
        *,
        max_pages: int | None = ...,
        resume_from: str | None = ...,
        raw: Literal[True],
        prefetch: int = ...,
        dedupe_window: int = ...,
    ) -> AsyncPageIterator[dict[str, Any]]: ...

    def pages(
        self,
        filter: ShipmentFilter | None,
        *,
        max_pages: int | None = None,
        resume_from: str | None = None,
        raw: bool = False,
        prefetch: int = 0,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
    ) -> AsyncPageIterator[Any]:
        """``async for`` form of ``Shipments.pages``; ``prefetch`` as in ``search``."""
        walker = self._walker(
            filter,
            raw=raw,
            limit=None,
            max_pages=max_pages,
            resume_from=resume_from,
            dedupe_window=dedupe_window,
        )
        return AsyncPageIterator(self._http, walker, prefetch)

    @overload
    async def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: Literal[False] = ...,
    ) -> list[Shipment]: ...

    @overload
    async def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: Literal[True],
    ) -> list[dict[str, Any]]: ...

    async def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = None,
        order_ids: Ids | None = None,
        order_item_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Async form of ``Shipments.get_shipments``."""
        plan = self._lookup(shipment_ids, order_ids, order_item_ids, raw)
        return await _lookup.aget_shipments(self._http, plan)

    async def get_labels(self, shipment_ids: Ids) -> list[PdfDocument]:
        """Async form of ``Shipments.get_labels``."""
        plan = DocumentDownload(self._api_base, "labels", shipment_ids)
        return await _lookup.aget_documents(self._http, plan)

    async def save_labels(
        self, shipment_ids: Ids, folder: str | os.PathLike[str]
    ) -> list[SavedPdf]:
        """Async form of ``Shipments.save_labels``."""
        plan = DocumentDownload(self._api_base, "labels", shipment_ids)
        return await _lookup.asave_documents(self._http, plan, folder)

    async def get_invoices(self, shipment_ids: Ids) -> list[PdfDocument]:
        """Async form of ``Shipments.get_invoices``."""
        plan = DocumentDownload(self._api_base, "invoices", shipment_ids)
        return await _lookup.aget_documents(self._http, plan)

    async def save_invoices(
        self, shipment_ids: Ids, folder: str | os.PathLike[str]
    ) -> list[SavedPdf]:
        """Async form of ``Shipments.save_invoices``."""
        plan = DocumentDownload(self._api_base, "invoices", shipment_ids)
        return await _lookup.asave_documents(self._http, plan, folder)
