"""Look-ups by id and label/invoice downloads, in chunks of at most 100 ids (plans, no I/O).

``ShipmentLookup`` and ``DocumentDownload`` hold every decision (validation, chunking, the
calls, result order); ``flipkart_ext._async.lookups`` sends their calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .._boundary import guarded_class
from .._core.calls import Call
from .._core.ids import chunked as _chunked
from .._core.ids import in_input_order, unique_ids
from .._core.inputs import exactly_one, flag
from .._core.retry import IDEMPOTENT_EXTENSION
from .._spec import (
    ORDER_ITEM,
    SHIPMENT,
    SHIPMENT_LOOKUP_ANSWER,
)
from ..errors import MalformedResponse

__all__ = [
    "MAX_IDS_PER_CALL",
    "MAX_LABEL_ONLY_IDS",
    "DocumentDownload",
    "PdfDocument",
    "SavedPdf",
    "ShipmentLookup",
]

MAX_IDS_PER_CALL: Final = 100
"""Flipkart's limit on ids per look-up call."""
MAX_LABEL_ONLY_IDS: Final = 50
"""Flipkart's limit on ids per label-only download (``.../labelOnly/pdf``)."""

# Where each kind of id sits inside a shipment, to put results back in input order.
_ORDER_ITEM_KEYS: Final = {
    "order_ids": ORDER_ITEM.order_id,
    "order_item_ids": ORDER_ITEM.order_item_id,
}


def _id_keys(field: str, shipment: Mapping[str, Any]) -> list[str]:
    if field == "shipment_ids":
        keys = [shipment.get(SHIPMENT.id)]
    else:
        order_items = shipment.get(SHIPMENT.order_items)
        key = _ORDER_ITEM_KEYS[field]
        keys = (
            [item.get(key) for item in order_items if isinstance(item, Mapping)]
            if isinstance(order_items, list)
            else []
        )
    return [k for k in keys if isinstance(k, str)]


def _arguments(field: str, chunk: list[str]) -> dict[str, Any]:
    return {field: ",".join(chunk)}


class ShipmentLookup:
    """Plan for ``GET /v3/shipments?shipmentIds=|orderIds=|orderItemIds=``.

    Results come back in the order of the input ids (a shipment answering several of
    them sits at the first); shipments the server adds that match no input id follow
    their chunk in server order; a shipment returned by two chunks appears once.
    """

    def __init__(
        self,
        *,
        shipment_ids: Iterable[str] | str | None,
        order_ids: Iterable[str] | str | None,
        order_item_ids: Iterable[str] | str | None,
        raw: bool,
    ) -> None:
        self._field, values = exactly_one(
            shipment_ids=shipment_ids, order_ids=order_ids, order_item_ids=order_item_ids
        )
        from flipkart_seller_api.api.shipment_v3 import get_shipment_details_by_internal_id

        self._ids = unique_ids(self._field, values)
        self._chunks = _chunked(self._ids, MAX_IDS_PER_CALL)
        # The generated operation names the query parameter of each kind of id.
        self.calls = [
            Call.of(get_shipment_details_by_internal_id, **_arguments(self._field, chunk))
            for chunk in self._chunks
        ]
        """One call per chunk, in input order."""
        self._parse: Callable[[dict[str, Any]], Any]
        if flag("raw", raw):
            self._parse = dict
        else:
            from flipkart_seller_api.models.shipment import Shipment

            self._parse = Shipment.from_dict
        self._results: list[Any] = []
        self._returned: set[str] = set()

    def add(self, index: int, payload: object) -> None:
        """Take the answer to chunk ``index``."""
        chunk = self._chunks[index]
        if not isinstance(payload, Mapping):
            raise MalformedResponse(
                f"look-up: expected a JSON object, got {type(payload).__name__}"
            )
        shipments = payload.get(SHIPMENT_LOOKUP_ANSWER)
        if shipments is None:
            # Absent or null: nothing found. A 0, "" or {} is not a list, and is refused below.
            shipments = []
        if not isinstance(shipments, list):
            raise MalformedResponse(
                f"look-up: '{SHIPMENT_LOOKUP_ANSWER}' is {type(shipments).__name__}, not a list"
            )
        found = in_input_order(
            chunk,
            (s for s in shipments if isinstance(s, dict)),
            lambda shipment: _id_keys(self._field, shipment),
        )
        for shipment in found:
            shipment_id = shipment.get(SHIPMENT.id)
            if isinstance(shipment_id, str):
                if shipment_id in self._returned:
                    continue
                self._returned.add(shipment_id)
            self._results.append(self._parse(shipment))

    def result(self) -> list[Any]:
        """Every shipment found, in input order."""
        return self._results


@guarded_class
@dataclass(frozen=True, slots=True)
class PdfDocument:
    """One downloaded PDF covering ``shipment_ids`` (at most 100 of them)."""

    shipment_ids: tuple[str, ...]
    content: bytes


@guarded_class
@dataclass(frozen=True, slots=True)
class SavedPdf:
    """One PDF written to ``path``, covering ``shipment_ids``."""

    shipment_ids: tuple[str, ...]
    path: Path


class DocumentDownload:
    """Plan for one PDF per chunk of shipments: labels, invoices, or labels without invoices.

    ``labels`` and ``invoices`` are ``GET .../{ids}/labels`` and ``.../invoices`` (100 ids
    per call); ``label_only`` is ``POST .../{ids}/labelOnly/pdf?reprint=true`` (50 ids per
    call, Flipkart's documented limit). ``reprint=true`` keeps Flipkart from marking an
    unpacked shipment packed, which makes the call a read, safe to retry.
    """

    def __init__(self, kind: str, shipment_ids: Iterable[str] | str) -> None:
        from flipkart_seller_api.api.shipment_v3 import (
            get_invoices_pdf_from_esi,
            get_labels,
            get_labels_only_pdf,
        )

        self.kind = kind
        limit = MAX_LABEL_ONLY_IDS if kind == "label_only" else MAX_IDS_PER_CALL
        self.chunks = _chunked(unique_ids("shipment_ids", shipment_ids), limit)
        calls: list[Call] = []
        for chunk in self.chunks:
            ids = ",".join(chunk)
            if kind == "labels":
                calls.append(Call.of(get_labels, shipment_ids=ids))
            elif kind == "invoices":
                calls.append(Call.of(get_invoices_pdf_from_esi, shipment_ids=ids))
            else:
                # reprint=true makes the download a read: safe to send again.
                calls.append(
                    Call.of(
                        get_labels_only_pdf,
                        shipment_ids=ids,
                        reprint=True,
                        extensions={IDEMPOTENT_EXTENSION: True},
                    )
                )
        self.calls = calls
        """One call per chunk, in input order; each answer must be a PDF."""
        self._documents: list[PdfDocument] = []

    def add(self, index: int, body: Any) -> None:
        """Take the PDF of chunk ``index`` (checked to be one by the I/O path)."""
        self._documents.append(PdfDocument(tuple(self.chunks[index]), body))

    def result(self) -> list[PdfDocument]:
        """One PDF per chunk, in input order."""
        return self._documents

    def file_path(self, folder: Path, index: int) -> Path:
        """``<folder>/labels-001.pdf`` (or ``invoices-...``), numbered by chunk."""
        name = "labels" if self.kind == "label_only" else self.kind
        return folder / f"{name}-{index + 1:03d}.pdf"
