# Generated from flipkart_ext/_async/shipments.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""``client.shipments``: search, look-ups, PDF downloads and the dispatch day.

Written once (the sync twin is generated): every method takes its plan from the resource
package (``ShipmentPlans``, the lifecycle plans of ``_packing``, ``_lifecycle`` and
``_self_ship``) and runs it on an engine of this layer (pages, batches, look-ups), whose
calls go through the I/O path. Nothing here sees a token.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from .._boundary import guarded_class
from .._concurrency import sync_off_loop
from .._core.batches import BatchResults
from .._core.inputs import whole_number
from ..shipments import _lifecycle, _packing, _self_ship
from ..shipments._filter import ShipmentFilter
from ..shipments._handover import PickupWindow, handover_request, manifest_request, read_handover
from ..shipments._lookup import DocumentDownload, PdfDocument, SavedPdf
from ..shipments._planner import Ids, ShipmentPlans
from ..shipments._plans import Prepared
from ..shipments._results import ShipmentForms, ShipmentResult
from .batches import run_batch
from .lookups import run_lookup, save_documents, write_atomic
from .pages import PagedList

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment
    from flipkart_seller_api.models.vendor_group_code_details_response_v3 import (
        VendorGroupCodeDetailsResponseV3,
    )

__all__ = [
    "Items",
    "Shipments",
    "When",
]

Items = Iterable[Any] | str
"""Shipments for a bulk call: ids, ``Shipment`` models (or their JSON), specs or generated
request models, mixed as needed; a single id may be given alone."""
When = dt.datetime | dt.date | str
_R = TypeVar("_R")


def _by_id(shipments: Iterable[Shipment]) -> dict[str, Shipment]:
    return {s.shipment_id: s for s in shipments if isinstance(s.shipment_id, str)}


@guarded_class
class Shipments(ShipmentPlans, PagedList[ShipmentFilter, "Shipment"]):
    """``client.shipments``: search, look-ups, label downloads and the dispatch day.

    Built by the client; every call goes through its I/O path (auth, retries, budget).
    """

    @overload
    def get(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: Literal[False] = ...,
    ) -> list[Shipment]: ...

    @overload
    def get(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: Literal[True],
    ) -> list[dict[str, Any]]: ...

    @overload
    def get(
        self,
        *,
        shipment_ids: Ids | None = ...,
        order_ids: Ids | None = ...,
        order_item_ids: Ids | None = ...,
        raw: bool,
    ) -> list[Any]: ...

    def get(
        self,
        *,
        shipment_ids: Ids | None = None,
        order_ids: Ids | None = None,
        order_item_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Shipments by exactly one kind of id, in input order.

        Calls carry at most 100 ids each; an id given twice is refused before any call.
        Returns ``Shipment`` models, or dicts with ``raw=True``.
        """
        plan = self._lookup(shipment_ids, order_ids, order_item_ids, raw)
        return run_lookup(self._wire, plan)

    def get_labels(self, shipment_ids: Ids, *, invoice: bool = True) -> list[PdfDocument]:
        """Shipping label PDFs, one per chunk of at most 100 shipments, in input order.

        ``invoice=False`` downloads the labels alone (``.../labelOnly/pdf``, 50 shipments
        per PDF), with ``reprint=true`` so that no shipment is marked packed by the download.
        """
        return run_lookup(self._wire, self._labels(shipment_ids, invoice))

    def save_labels(
        self, shipment_ids: Ids, folder: str | os.PathLike[str], *, invoice: bool = True
    ) -> list[SavedPdf]:
        """Write label PDFs as ``labels-001.pdf``, ``labels-002.pdf``, ... into ``folder``."""
        saved = save_documents(self._wire, self._labels(shipment_ids, invoice), folder)
        return [SavedPdf(ids, path) for ids, path in saved]

    def get_invoices(self, shipment_ids: Ids) -> list[PdfDocument]:
        """Invoice PDFs, one per chunk of at most 100 shipments, in input order."""
        return run_lookup(self._wire, DocumentDownload("invoices", shipment_ids))

    def save_invoices(self, shipment_ids: Ids, folder: str | os.PathLike[str]) -> list[SavedPdf]:
        """Write invoice PDFs as ``invoices-001.pdf``, ... into ``folder``."""
        saved = save_documents(self._wire, DocumentDownload("invoices", shipment_ids), folder)
        return [SavedPdf(ids, path) for ids, path in saved]

    # -- the dispatch day ------------------------------------------------------------------

    def _run(self, prepared: Prepared[_R], max_concurrency: int) -> BatchResults[Any]:
        whole_number("max_concurrency", max_concurrency)  # before the look-up, not after it
        found = _by_id(self.get(shipment_ids=prepared.lookup)) if prepared.lookup else {}
        plan = prepared.build(found)
        return run_batch(self._wire, plan, max_concurrency=max_concurrency, policy=self._retry)

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
        plan = _lifecycle.prepare_mandatory_forms(shipment_ids)
        return run_batch(self._wire, plan, policy=self._retry)

    def acknowledge_forms(
        self, acknowledgements: Mapping[str, Mapping[str, str]] | Iterable[Any]
    ) -> BatchResults[ShipmentResult]:
        """Record the acknowledgement numbers of forms filed by hand.

        ``{shipment id: {form name: ack number}}`` (or generated ``FormUpdate`` models),
        100 shipments per request. A FORM_FAILED shipment becomes PACKED once every form
        is filed.
        """
        plan = _lifecycle.prepare_acknowledge_forms(acknowledgements)
        return run_batch(self._wire, plan, policy=self._retry)

    def update_tracking(
        self, updates: Iterable[Any], *, max_concurrency: int = 1
    ) -> BatchResults[ShipmentResult]:
        """New courier, tracking id or expected delivery of self-ship shipments.

        Each item is a :class:`TrackingUpdate` (or a generated ``UpdateShipmentRequest``
        naming its shipment); one request per shipment, as the id is part of the path.
        """
        plan = _lifecycle.prepare_update_tracking(updates)
        return run_batch(self._wire, plan, max_concurrency=max_concurrency, policy=self._retry)

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
        return read_handover((self._wire.send(handover_request(location_id))).body)

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
        content = (self._wire.send(request)).content
        if out is None:
            return content
        path = Path(out)
        sync_off_loop(write_atomic, path, content)
        return path

    # -- names kept for one release --------------------------------------------------------

    def get_shipments(
        self,
        *,
        shipment_ids: Ids | None = None,
        order_ids: Ids | None = None,
        order_item_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Deprecated: use :meth:`get` (same arguments); this name goes in the next release."""
        warnings.warn(
            "shipments.get_shipments() is now shipments.get(); the old name goes in the next release",
            DeprecationWarning,
            stacklevel=3,  # past the boundary wrapper, to the caller
        )
        return self.get(
            shipment_ids=shipment_ids, order_ids=order_ids, order_item_ids=order_item_ids, raw=raw
        )
