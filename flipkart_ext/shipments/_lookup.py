"""Look-ups by id and label/invoice downloads, in chunks of at most 100 ids.

``ShipmentLookup`` and ``DocumentDownload`` hold every decision (validation, de-duplication,
chunking, URLs, result order); the functions at the bottom only send requests.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import httpx

from .._core.answers import (
    connection_errors,
    raise_for_response,
)
from .._core.ids import chunked as _chunked
from .._core.ids import in_input_order, unique_ids
from .._core.retry import IDEMPOTENT_EXTENSION
from .._spec import (
    LABEL_ONLY_REPRINT,
    ORDER_ITEM,
    SHIPMENT,
    SHIPMENT_DOCUMENTS,
    SHIPMENT_LOOKUP,
    SHIPMENT_LOOKUP_ANSWER,
)
from ..errors import (
    InvalidArgument,
    MalformedResponse,
)
from ..paging import ApiBase

__all__ = [
    "MAX_IDS_PER_CALL",
    "MAX_LABEL_ONLY_IDS",
    "DocumentDownload",
    "PdfDocument",
    "SavedPdf",
    "ShipmentLookup",
    "aget_documents",
    "aget_shipments",
    "asave_documents",
    "get_documents",
    "get_shipments",
    "save_documents",
    "write_atomic",
]

MAX_IDS_PER_CALL: Final = 100
MAX_LABEL_ONLY_IDS: Final = 50
"""Flipkart's limit on ids per label-only download (``.../labelOnly/pdf``)."""
"""Flipkart's limit on ids per look-up call."""

_QUERY_PARAMS: Final = {
    "shipment_ids": SHIPMENT_LOOKUP.shipment_ids.name,
    "order_ids": SHIPMENT_LOOKUP.order_ids.name,
    "order_item_ids": SHIPMENT_LOOKUP.order_item_ids.name,
}
# Where each kind of id sits inside a shipment, to put results back in input order.
_ORDER_ITEM_KEYS: Final = {
    "order_ids": ORDER_ITEM.order_id,
    "order_item_ids": ORDER_ITEM.order_item_id,
}


def chunked(ids: list[str]) -> list[list[str]]:
    """Consecutive runs of at most ``MAX_IDS_PER_CALL`` ids."""
    return _chunked(ids, MAX_IDS_PER_CALL)


def _joined(ids: list[str]) -> str:
    # Commas stay literal (Flipkart's documented separator); each id is escaped.
    return ",".join(quote(i, safe="") for i in ids)


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


class ShipmentLookup:
    """Plan for ``GET /v3/shipments?shipmentIds=|orderIds=|orderItemIds=``.

    Results come back in the order of the input ids (a shipment answering several of
    them sits at the first); shipments the server adds that match no input id follow
    their chunk in server order; a shipment returned by two chunks appears once.
    """

    def __init__(
        self,
        api_base: ApiBase,
        *,
        shipment_ids: Iterable[str] | str | None,
        order_ids: Iterable[str] | str | None,
        order_item_ids: Iterable[str] | str | None,
        raw: bool,
    ) -> None:
        given = {
            name: value
            for name, value in (
                ("shipment_ids", shipment_ids),
                ("order_ids", order_ids),
                ("order_item_ids", order_item_ids),
            )
            if value is not None
        }
        if len(given) != 1:
            raise InvalidArgument(
                "shipment_ids, order_ids, order_item_ids: give exactly one of them"
                f" (got {', '.join(given) or 'none'})"
            )
        ((self._field, values),) = given.items()
        self._ids = unique_ids(self._field, values)
        self._chunks = chunked(self._ids)
        param = _QUERY_PARAMS[self._field]
        path = SHIPMENT_LOOKUP.shipment_ids.operation.path
        self.urls = [api_base.join(f"{path}?{param}={_joined(c)}") for c in self._chunks]
        """One URL per chunk, in input order."""
        self._parse: Callable[[dict[str, Any]], Any]
        if raw:
            self._parse = dict
        else:
            from flipkart_seller_api.models.shipment import Shipment

            self._parse = Shipment.from_dict
        self._results: list[Any] = []
        self._returned: set[str] = set()
        self._answered = 0

    def add(self, payload: object) -> None:
        """Take the answer for the next chunk."""
        chunk = self._chunks[self._answered]
        self._answered += 1
        if not isinstance(payload, Mapping):
            raise MalformedResponse(
                f"look-up: expected a JSON object, got {type(payload).__name__}"
            )
        shipments = payload.get(SHIPMENT_LOOKUP_ANSWER) or []
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


@dataclass(frozen=True, slots=True)
class PdfDocument:
    """One downloaded PDF covering ``shipment_ids`` (at most 100 of them)."""

    shipment_ids: tuple[str, ...]
    content: bytes


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

    def __init__(self, api_base: ApiBase, kind: str, shipment_ids: Iterable[str] | str) -> None:
        self.kind = kind
        operation = SHIPMENT_DOCUMENTS[kind]
        limit = MAX_LABEL_ONLY_IDS if kind == "label_only" else MAX_IDS_PER_CALL
        self.chunks = _chunked(unique_ids("shipment_ids", shipment_ids), limit)
        self.method = operation.method.upper()
        query = f"?{LABEL_ONLY_REPRINT.name}=true" if kind == "label_only" else ""
        self.urls = [
            api_base.join(operation.path.replace("{shipmentIds}", _joined(c)) + query)
            for c in self.chunks
        ]
        self.extensions = {IDEMPOTENT_EXTENSION: True} if kind == "label_only" else {}

    def file_path(self, folder: Path, index: int) -> Path:
        """``<folder>/labels-001.pdf`` (or ``invoices-...``), numbered by chunk."""
        name = "labels" if self.kind == "label_only" else self.kind
        return folder / f"{name}-{index + 1:03d}.pdf"


def write_atomic(path: Path, content: bytes) -> None:
    # A crash mid-write leaves no truncated PDF under the final name.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _checked(response: httpx.Response) -> httpx.Response:
    raise_for_response(response)
    return response


def _json(response: httpx.Response) -> object:
    try:
        return _checked(response).json()
    except ValueError:
        raise MalformedResponse("look-up: the answer is not JSON") from None


def _prepare_folder(folder: str | os.PathLike[str]) -> Path:
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _get(http: httpx.Client, url: str) -> httpx.Response:
    with connection_errors():
        return http.get(url)


async def _aget(http: httpx.AsyncClient, url: str) -> httpx.Response:
    with connection_errors():
        return await http.get(url)


def _fetch(http: httpx.Client, plan: DocumentDownload, url: str) -> bytes:
    with connection_errors():
        response = http.request(plan.method, url, extensions=plan.extensions)
    return _checked(response).content


async def _afetch(http: httpx.AsyncClient, plan: DocumentDownload, url: str) -> bytes:
    with connection_errors():
        response = await http.request(plan.method, url, extensions=plan.extensions)
    return _checked(response).content


def get_shipments(http: httpx.Client, lookup: ShipmentLookup) -> list[Any]:
    """Send every chunk of ``lookup`` and return its ordered result."""
    for url in lookup.urls:
        lookup.add(_json(_get(http, url)))
    return lookup.result()


async def aget_shipments(http: httpx.AsyncClient, lookup: ShipmentLookup) -> list[Any]:
    """Async form of ``get_shipments``."""
    for url in lookup.urls:
        lookup.add(_json(await _aget(http, url)))
    return lookup.result()


def get_documents(http: httpx.Client, plan: DocumentDownload) -> list[PdfDocument]:
    """Download one PDF per chunk of ``plan``, in input order."""
    return [
        PdfDocument(tuple(chunk), _fetch(http, plan, url))
        for chunk, url in zip(plan.chunks, plan.urls, strict=True)
    ]


async def aget_documents(http: httpx.AsyncClient, plan: DocumentDownload) -> list[PdfDocument]:
    """Async form of ``get_documents``."""
    return [
        PdfDocument(tuple(chunk), await _afetch(http, plan, url))
        for chunk, url in zip(plan.chunks, plan.urls, strict=True)
    ]


def save_documents(
    http: httpx.Client, plan: DocumentDownload, folder: str | os.PathLike[str]
) -> list[SavedPdf]:
    """Download one PDF per chunk into ``folder`` (created if missing)."""
    target = _prepare_folder(folder)
    saved = []
    for index, (chunk, url) in enumerate(zip(plan.chunks, plan.urls, strict=True)):
        path = plan.file_path(target, index)
        write_atomic(path, _fetch(http, plan, url))
        saved.append(SavedPdf(tuple(chunk), path))
    return saved


async def asave_documents(
    http: httpx.AsyncClient, plan: DocumentDownload, folder: str | os.PathLike[str]
) -> list[SavedPdf]:
    """Async form of ``save_documents``; file writes run in a worker thread."""
    import asyncio  # loaded on first async use: sync-only programs never import it

    target = await asyncio.to_thread(_prepare_folder, folder)
    saved = []
    for index, (chunk, url) in enumerate(zip(plan.chunks, plan.urls, strict=True)):
        path = plan.file_path(target, index)
        content = await _afetch(http, plan, url)
        await asyncio.to_thread(write_atomic, path, content)
        saved.append(SavedPdf(tuple(chunk), path))
    return saved
