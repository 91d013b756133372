"""``client.shipments``: search, look-ups, PDF downloads and the dispatch day, sync and async.

Both classes only wire arguments into the shared plans (the paging engine with
``SHIPMENT_SEARCH_PAGES``, ``_lookup.ShipmentLookup``, ``_lookup.DocumentDownload``, the
lifecycle plans of ``_packing``, ``_lifecycle`` and ``_self_ship`` run by the batch engine of :mod:`flipkart_ext._batches`)
and pick the sync or async I/O function. ``http`` carries the base URL, auth and retries;
nothing here sees a token.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import httpx

from .._batches import BatchResults, arun_batch, run_batch
from .._core.answers import (
    connection_errors,
    raise_for_response,
)
from .._core.retry import RetryPolicy
from .._spec import SHIPMENT_SEARCH
from ..errors import InvalidArgument
from ..paging import (
    ApiBase,
    AsyncPagedList,
    PagedList,
    PageRequest,
    PageWalker,
)
from . import _lifecycle, _lookup, _packing, _self_ship
from ._filter import ShipmentFilter
from ._handover import PickupWindow, handover_request, manifest_request, read_handover
from ._lookup import DocumentDownload, PdfDocument, SavedPdf, ShipmentLookup, write_atomic
from ._plans import Prepared
from ._results import ShipmentForms, ShipmentResult
from ._shape import SHIPMENT_SEARCH_PAGES

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment
    from flipkart_seller_api.models.vendor_group_code_details_response_v3 import (
        VendorGroupCodeDetailsResponseV3,
    )

__all__ = ["AsyncShipments", "Shipments"]

Ids = Iterable[str] | str
Items = Iterable[Any] | str
"""Shipments for a bulk call: ids, ``Shipment`` models (or their JSON), specs or generated
request models, mixed as needed; a single id may be given alone."""
When = dt.datetime | dt.date | str
_R = TypeVar("_R")


def _by_id(shipments: Iterable[Shipment]) -> dict[str, Shipment]:
    return {s.shipment_id: s for s in shipments if isinstance(s.shipment_id, str)}


class _ShipmentsBase:
    def __init__(self, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None) -> None:
        self._api_base = ApiBase(api_base_url)
        self._retry = retry or RetryPolicy()

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
            raise InvalidArgument(f"filter: expected a ShipmentFilter, got {type(filter).__name__}")
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

    def _labels(self, shipment_ids: Ids, invoice: bool) -> DocumentDownload:
        if not isinstance(invoice, bool):
            raise InvalidArgument(f"invoice: expected True or False, got {invoice!r}")
        return DocumentDownload(self._api_base, "labels" if invoice else "label_only", shipment_ids)

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


class Shipments(_ShipmentsBase, PagedList[ShipmentFilter, "Shipment"]):
    """Shipment search and look-ups over a configured ``httpx.Client``."""

    def __init__(
        self, http: httpx.Client, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None
    ) -> None:
        super().__init__(api_base_url, retry)
        self._http = http

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

    def get_labels(self, shipment_ids: Ids, *, invoice: bool = True) -> list[PdfDocument]:
        """Shipping label PDFs, one per chunk of at most 100 shipments, in input order.

        ``invoice=False`` downloads the labels alone (``.../labelOnly/pdf``, 50 shipments
        per PDF), with ``reprint=true`` so that no shipment is marked packed by the download.
        """
        return _lookup.get_documents(self._http, self._labels(shipment_ids, invoice))

    def save_labels(
        self, shipment_ids: Ids, folder: str | os.PathLike[str], *, invoice: bool = True
    ) -> list[SavedPdf]:
        """Write label PDFs as ``labels-001.pdf``, ``labels-002.pdf``, ... into ``folder``."""
        return _lookup.save_documents(self._http, self._labels(shipment_ids, invoice), folder)

    def get_invoices(self, shipment_ids: Ids) -> list[PdfDocument]:
        """Invoice PDFs, one per chunk of at most 100 shipments, in input order."""
        return _lookup.get_documents(
            self._http, DocumentDownload(self._api_base, "invoices", shipment_ids)
        )

    def save_invoices(self, shipment_ids: Ids, folder: str | os.PathLike[str]) -> list[SavedPdf]:
        """Write invoice PDFs as ``invoices-001.pdf``, ... into ``folder``."""
        plan = DocumentDownload(self._api_base, "invoices", shipment_ids)
        return _lookup.save_documents(self._http, plan, folder)

    # -- the dispatch day ------------------------------------------------------------------

    def _run(self, prepared: Prepared[_R], max_concurrency: int) -> BatchResults[Any]:
        found = _by_id(self.get_shipments(shipment_ids=prepared.lookup)) if prepared.lookup else {}
        plan = prepared.build(found)
        return run_batch(self._http, plan, max_concurrency=max_concurrency, policy=self._retry)

    def _send(self, request: Mapping[str, Any]) -> httpx.Response:
        with connection_errors():
            response = self._http.request(**request)
        raise_for_response(response)
        return response

    def pack(
        self,
        shipments: Items,
        *,
        tax_rate: float | Mapping[str, float] | None = None,
        invoice_date: When | None = None,
        package: Any = None,
        ignore_warning: bool | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Generate labels and invoices: mark shipments PACKED, 25 per request.

        Each item is a shipment id (looked up first), a ``Shipment`` (or its JSON), a
        :class:`PackSpec` with values for that shipment, or a generated ``PackRequest``
        (sent as it is). For everything a spec leaves out:

        - ``tax_rate``: the GST rate in percent (0 to 100), or SKU / order item id -> rate.
          Flipkart requires one per item and the shipment does not carry it;
        - ``invoice_date``: aware ``datetime``, ``date`` (midnight IST) or ISO string;
          default now. One invoice per order of the shipment; numbers come from specs;
        - ``package``: a :class:`Package` (cm, kg) for every sub-shipment; default the size
          Flipkart already holds for the shipment's package;
        - the location, orders, items, quantities and sub-shipments come from the shipment.

        Returns one :class:`ShipmentResult` per shipment, in input order: a refusal by
        Flipkart or a failed request is a result, never an exception. Invalid input raises
        :class:`~flipkart_ext.InvalidItem` naming the shipment and field before anything is
        sent. ``max_concurrency`` requests may be in flight at once.
        """
        prepared = _packing.prepare_pack(
            shipments,
            tax_rate=tax_rate,
            invoice_date=invoice_date,
            package=package,
            ignore_warning=ignore_warning,
        )
        return self._run(prepared, max_concurrency)

    def mark_ready_to_dispatch(
        self, shipments: Items, *, location_id: str | None = None, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """Tell Flipkart that packed shipments wait for the courier, 25 per request.

        Requests are grouped by the shipments' dispatch location. ``location_id`` is used
        for ids given without their shipment (otherwise those are looked up first).
        """
        prepared = _lifecycle.prepare_ready_to_dispatch(shipments, location_id=location_id)
        return self._run(prepared, max_concurrency)

    def cancel(
        self, shipments: Items, *, reason: str | None = None, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """Seller cancellation, 25 shipments per request.

        ``reason`` applies to every shipment without its own (a :class:`CancelSpec`);
        Flipkart documents ``not_enough_inventory``, ``cannot_procure_item`` and
        ``b2b_order`` (see ``CANCELLATION_REASONS``). Every active cancellation group of a
        shipment is cancelled unless a spec names some.
        """
        return self._run(_lifecycle.prepare_cancel(shipments, reason=reason), max_concurrency)

    def mandatory_forms(self, shipment_ids: Ids) -> BatchResults[ShipmentForms]:
        """The forms (e-way bills) each shipment needs and their status, 100 ids per request."""
        return run_batch(
            self._http, _lifecycle.prepare_mandatory_forms(shipment_ids), policy=self._retry
        )

    def acknowledge_forms(
        self, acknowledgements: Mapping[str, Mapping[str, str]] | Iterable[Any]
    ) -> BatchResults[ShipmentResult]:
        """Record the acknowledgement numbers of forms filed by hand.

        ``{shipment id: {form name: ack number}}`` (or generated ``FormUpdate`` models),
        100 shipments per request. A FORM_FAILED shipment becomes PACKED once every form
        is filed.
        """
        plan = _lifecycle.prepare_acknowledge_forms(acknowledgements)
        return run_batch(self._http, plan, policy=self._retry)

    def update_tracking(
        self, updates: Iterable[Any], *, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """New courier, tracking id or expected delivery of self-ship shipments.

        Each item is a :class:`TrackingUpdate` (or a generated ``UpdateShipmentRequest``
        naming its shipment); one request per shipment, as the id is part of the path.
        """
        plan = _lifecycle.prepare_update_tracking(updates)
        return run_batch(self._http, plan, max_concurrency=max_concurrency, policy=self._retry)

    def dispatch_self_ship(
        self,
        shipments: Items,
        *,
        tentative_delivery_date: When | None = None,
        dispatch_date: When | None = None,
        invoice_date: When | None = None,
        delivery_partner: str | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Self-ship shipments leave with the seller's courier (v3), 100 per request.

        Items as for :meth:`pack`, with :class:`SelfShipDispatch` as the per-shipment spec
        (invoice number, tracking id...). ``tentative_delivery_date`` is required (here or
        in each spec); ``dispatch_date`` defaults to now and the invoice date to the
        dispatch day. The invoice lists the shipment's items and quantities.
        """
        prepared = _self_ship.prepare_dispatch_self_ship(
            shipments,
            tentative_delivery_date=tentative_delivery_date,
            dispatch_date=dispatch_date,
            invoice_date=invoice_date,
            delivery_partner=delivery_partner,
        )
        return self._run(prepared, max_concurrency)

    def deliver_self_ship(
        self,
        shipments: Items,
        *,
        delivery_date: When,
        location_id: str | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Self-ship shipments reached the buyer on ``delivery_date`` (v3), 100 per request."""
        prepared = _self_ship.prepare_deliver_self_ship(
            shipments, delivery_date=delivery_date, location_id=location_id
        )
        return self._run(prepared, max_concurrency)

    def record_delivery_attempt(
        self,
        shipments: Items,
        *,
        attempt_date: When,
        new_delivery_date: When,
        reason: str,
        sub_reason: str | None = None,
        location_id: str | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """A failed self-ship delivery and the next date (v3), 100 shipments per request."""
        prepared = _self_ship.prepare_delivery_attempt(
            shipments,
            attempt_date=attempt_date,
            new_delivery_date=new_delivery_date,
            reason=reason,
            sub_reason=sub_reason,
            location_id=location_id,
        )
        return self._run(prepared, max_concurrency)

    def handover_counts(self, location_id: str) -> list[VendorGroupCodeDetailsResponseV3]:
        """Per vendor group, the ready-to-dispatch shipments waiting at ``location_id``.

        Each entry has ``vendor_group_code``, ``count``, ``pick_up_date`` and the ``otc``
        to give the pick-up executive.
        """
        return read_handover(self._send(handover_request(location_id)))

    @overload
    def manifest(
        self,
        vendor_group_code: str,
        *,
        location_id: str | None = ...,
        is_mps: bool = ...,
        pickup_window: PickupWindow | None = ...,
        out: None = ...,
    ) -> bytes: ...

    @overload
    def manifest(
        self,
        vendor_group_code: str,
        *,
        location_id: str | None = ...,
        is_mps: bool = ...,
        pickup_window: PickupWindow | None = ...,
        out: str | os.PathLike[str],
    ) -> Path: ...

    def manifest(
        self,
        vendor_group_code: str,
        *,
        location_id: str | None = None,
        is_mps: bool = False,
        pickup_window: PickupWindow | None = None,
        out: str | os.PathLike[str] | None = None,
    ) -> bytes | Path:
        """The manifest PDF of one vendor group's shipments: its bytes, or the file ``out``.

        ``pickup_window`` (from, to) is required for multi-package shipments (``is_mps``).
        The file is written atomically (no half-written PDF under its name).
        """
        request = manifest_request(
            vendor_group_code, location_id=location_id, is_mps=is_mps, pickup_window=pickup_window
        )
        content = self._send(request).content
        if out is None:
            return content
        path = Path(out)
        write_atomic(path, content)
        return path


class AsyncShipments(_ShipmentsBase, AsyncPagedList[ShipmentFilter, "Shipment"]):
    """Shipment search and look-ups over a configured ``httpx.AsyncClient``."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        api_base_url: str | httpx.URL,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(api_base_url, retry)
        self._http = http

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

    async def get_labels(self, shipment_ids: Ids, *, invoice: bool = True) -> list[PdfDocument]:
        """Async form of ``Shipments.get_labels``."""
        return await _lookup.aget_documents(self._http, self._labels(shipment_ids, invoice))

    async def save_labels(
        self, shipment_ids: Ids, folder: str | os.PathLike[str], *, invoice: bool = True
    ) -> list[SavedPdf]:
        """Async form of ``Shipments.save_labels``."""
        plan = self._labels(shipment_ids, invoice)
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

    # -- the dispatch day ------------------------------------------------------------------

    async def _run(self, prepared: Prepared[_R], max_concurrency: int) -> BatchResults[Any]:
        found = (
            _by_id(await self.get_shipments(shipment_ids=prepared.lookup))
            if prepared.lookup
            else {}
        )
        plan = prepared.build(found)
        return await arun_batch(
            self._http, plan, max_concurrency=max_concurrency, policy=self._retry
        )

    async def _send(self, request: Mapping[str, Any]) -> httpx.Response:
        with connection_errors():
            response = await self._http.request(**request)
        raise_for_response(response)
        return response

    async def pack(
        self,
        shipments: Items,
        *,
        tax_rate: float | Mapping[str, float] | None = None,
        invoice_date: When | None = None,
        package: Any = None,
        ignore_warning: bool | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.pack``."""
        prepared = _packing.prepare_pack(
            shipments,
            tax_rate=tax_rate,
            invoice_date=invoice_date,
            package=package,
            ignore_warning=ignore_warning,
        )
        return await self._run(prepared, max_concurrency)

    async def mark_ready_to_dispatch(
        self, shipments: Items, *, location_id: str | None = None, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.mark_ready_to_dispatch``."""
        prepared = _lifecycle.prepare_ready_to_dispatch(shipments, location_id=location_id)
        return await self._run(prepared, max_concurrency)

    async def cancel(
        self, shipments: Items, *, reason: str | None = None, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.cancel``."""
        prepared = _lifecycle.prepare_cancel(shipments, reason=reason)
        return await self._run(prepared, max_concurrency)

    async def mandatory_forms(self, shipment_ids: Ids) -> BatchResults[ShipmentForms]:
        """Async form of ``Shipments.mandatory_forms``."""
        plan = _lifecycle.prepare_mandatory_forms(shipment_ids)
        return await arun_batch(self._http, plan, policy=self._retry)

    async def acknowledge_forms(
        self, acknowledgements: Mapping[str, Mapping[str, str]] | Iterable[Any]
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.acknowledge_forms``."""
        plan = _lifecycle.prepare_acknowledge_forms(acknowledgements)
        return await arun_batch(self._http, plan, policy=self._retry)

    async def update_tracking(
        self, updates: Iterable[Any], *, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.update_tracking``."""
        plan = _lifecycle.prepare_update_tracking(updates)
        return await arun_batch(
            self._http, plan, max_concurrency=max_concurrency, policy=self._retry
        )

    async def dispatch_self_ship(
        self,
        shipments: Items,
        *,
        tentative_delivery_date: When | None = None,
        dispatch_date: When | None = None,
        invoice_date: When | None = None,
        delivery_partner: str | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.dispatch_self_ship``."""
        prepared = _self_ship.prepare_dispatch_self_ship(
            shipments,
            tentative_delivery_date=tentative_delivery_date,
            dispatch_date=dispatch_date,
            invoice_date=invoice_date,
            delivery_partner=delivery_partner,
        )
        return await self._run(prepared, max_concurrency)

    async def deliver_self_ship(
        self,
        shipments: Items,
        *,
        delivery_date: When,
        location_id: str | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.deliver_self_ship``."""
        prepared = _self_ship.prepare_deliver_self_ship(
            shipments, delivery_date=delivery_date, location_id=location_id
        )
        return await self._run(prepared, max_concurrency)

    async def record_delivery_attempt(
        self,
        shipments: Items,
        *,
        attempt_date: When,
        new_delivery_date: When,
        reason: str,
        sub_reason: str | None = None,
        location_id: str | None = None,
        max_concurrency: int = 1,
    ) -> BatchResults[ShipmentResult]:
        """Async form of ``Shipments.record_delivery_attempt``."""
        prepared = _self_ship.prepare_delivery_attempt(
            shipments,
            attempt_date=attempt_date,
            new_delivery_date=new_delivery_date,
            reason=reason,
            sub_reason=sub_reason,
            location_id=location_id,
        )
        return await self._run(prepared, max_concurrency)

    async def handover_counts(self, location_id: str) -> list[VendorGroupCodeDetailsResponseV3]:
        """Async form of ``Shipments.handover_counts``."""
        return read_handover(await self._send(handover_request(location_id)))

    @overload
    async def manifest(
        self,
        vendor_group_code: str,
        *,
        location_id: str | None = ...,
        is_mps: bool = ...,
        pickup_window: PickupWindow | None = ...,
        out: None = ...,
    ) -> bytes: ...

    @overload
    async def manifest(
        self,
        vendor_group_code: str,
        *,
        location_id: str | None = ...,
        is_mps: bool = ...,
        pickup_window: PickupWindow | None = ...,
        out: str | os.PathLike[str],
    ) -> Path: ...

    async def manifest(
        self,
        vendor_group_code: str,
        *,
        location_id: str | None = None,
        is_mps: bool = False,
        pickup_window: PickupWindow | None = None,
        out: str | os.PathLike[str] | None = None,
    ) -> bytes | Path:
        """Async form of ``Shipments.manifest``; the file is written in a worker thread."""
        import asyncio

        request = manifest_request(
            vendor_group_code, location_id=location_id, is_mps=is_mps, pickup_window=pickup_window
        )
        content = (await self._send(request)).content
        if out is None:
            return content
        path = Path(out)
        await asyncio.to_thread(write_atomic, path, content)
        return path
