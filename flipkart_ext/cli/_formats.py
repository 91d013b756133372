"""Writers for ``--format``: each takes items (shipments, returns) as Flipkart's JSON objects.

* ``jsonl``: each item exactly as received, unknown fields included, one per line;
* ``csv``: the columns a seller's spreadsheet needs (for shipments one row per order
  item); a resumed export writes no header, so that its rows append to the first part's;
* ``table``: one row per item in aligned columns. It must see every row before sizing
  the columns, so it holds them all; use jsonl or csv for large exports.

What differs between lists is a :class:`Layout` (``SHIPMENTS``, ``RETURNS``); the writers
are shared.

Server data is read liberally: a missing, ``null`` or oddly typed field becomes an
empty cell, never an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Protocol, TextIO

__all__ = [
    "CSV_COLUMNS",
    "LISTINGS",
    "LISTING_COLUMNS",
    "RETURNS",
    "RETURN_TABLE_KEYS",
    "SHIPMENTS",
    "TABLE_COLUMNS",
    "Layout",
    "Writer",
    "csv_rows",
    "print_table",
    "table_row",
    "writer_for",
]

CSV_COLUMNS: Final = (
    "shipmentId",
    "orderId",
    "orderItemId",
    "status",
    "sku",
    "title",
    "quantity",
    "sellingPrice",
    "orderDate",
    "dispatchAfterDate",
    "dispatchByDate",
    "locationId",
    "shipmentType",
    "hold",
)
TABLE_COLUMNS: Final = ("SHIPMENT", "STATUS", "SKU", "QTY", "DISPATCH BY", "LOCATION")


class Writer(Protocol):
    """Receives shipments one at a time; ``close`` finishes the output."""

    def write(self, shipment: Mapping[str, Any]) -> None: ...

    def close(self) -> None: ...


def _cell(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _items(shipment: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    items = shipment.get("orderItems")
    return [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []


def csv_rows(shipment: Mapping[str, Any]) -> list[dict[str, str]]:
    """One row per order item (one row of shipment fields when it lists none)."""
    common = {
        key: _cell(shipment.get(key))
        for key in ("shipmentId", "dispatchAfterDate", "dispatchByDate", "locationId")
    }
    common["shipmentType"] = _cell(shipment.get("shipmentType"))
    common["hold"] = _cell(shipment.get("hold"))
    rows = []
    for item in _items(shipment) or [{}]:
        prices = item.get("priceComponents")
        row = dict(common)
        for key in ("orderId", "orderItemId", "status", "sku", "title", "quantity", "orderDate"):
            row[key] = _cell(item.get(key))
        row["sellingPrice"] = (
            _cell(prices.get("sellingPrice")) if isinstance(prices, Mapping) else ""
        )
        rows.append(row)
    return rows


def _short_time(value: Any) -> str:
    text = _cell(value)
    try:
        return dt.datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def _distinct(values: list[str]) -> str:
    return ",".join(dict.fromkeys(v for v in values if v))


def table_row(shipment: Mapping[str, Any]) -> tuple[str, ...]:
    """One line per shipment: distinct statuses and SKUs, total quantity."""
    items = _items(shipment)
    quantities = [q for q in (i.get("quantity") for i in items) if isinstance(q, int)]
    return (
        _cell(shipment.get("shipmentId")),
        _distinct([_cell(i.get("status")) for i in items]),
        _distinct([_cell(i.get("sku")) for i in items]),
        str(sum(quantities)) if quantities else "",
        _short_time(shipment.get("dispatchByDate")),
        _cell(shipment.get("locationId")),
    )


@dataclass(frozen=True)
class Layout:
    """How one list's items become CSV rows and table lines."""

    noun: str
    csv_columns: Callable[[], tuple[str, ...]]
    """The CSV header (a function: a list may read its columns from the spec on first use)."""
    csv_rows: Callable[[Mapping[str, Any]], list[dict[str, str]]]
    table_columns: tuple[str, ...]
    table_rows: Callable[[Mapping[str, Any]], list[tuple[str, ...]]]


SHIPMENTS: Final = Layout(
    "shipments", lambda: CSV_COLUMNS, csv_rows, TABLE_COLUMNS, lambda item: [table_row(item)]
)


@cache
def _return_columns() -> tuple[str, ...]:
    """Every plain property of a return, as the bundled spec names them (sorted)."""
    from importlib.resources import files

    spec = json.loads(files("flipkart_seller_api").joinpath("openapi.json").read_text())
    properties = spec["components"]["schemas"]["ReturnItem"]["properties"]
    plain = ("string", "integer", "number", "boolean")
    return tuple(sorted(name for name, p in properties.items() if p.get("type") in plain))


def _return_rows(item: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{column: _cell(item.get(column)) for column in _return_columns()}]


_RETURN_TABLE: Final = (
    ("RETURN", "returnId"),
    ("STATUS", "status"),
    ("TYPE", "type"),
    ("REASON", "reason"),
    ("QTY", "quantity"),
    ("CREATED", "createdDate"),
    ("TRACKING", "trackingId"),
)


def _return_line(item: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        _short_time(item.get(key)) if key.endswith("Date") else _cell(item.get(key))
        for _, key in _RETURN_TABLE
    )


RETURNS: Final = Layout(
    "returns",
    _return_columns,
    _return_rows,
    tuple(t for t, _ in _RETURN_TABLE),
    lambda item: [_return_line(item)],
)
RETURN_TABLE_KEYS: Final = tuple(key for _, key in _RETURN_TABLE)
"""The return properties the table shows (a test holds them against the spec)."""


LISTING_COLUMNS: Final = (
    "sku",
    "product_id",
    "location",
    "inventory",
    "mrp",
    "selling_price",
    "currency",
    "listing_status",
)
"""One row per SKU and location: ``update-inventory`` reads the first four columns,
``update-price`` reads sku, product_id, mrp, selling_price and currency."""
_LISTING_TABLE: Final = ("SKU", "PRODUCT", "LOCATION", "STOCK", "MRP", "PRICE", "STATUS")


def _listing_rows(listing: Mapping[str, Any]) -> list[dict[str, str]]:
    """One row per location of a listing as Flipkart sent it (plus its ``sku``)."""
    price = listing.get("price")
    price = price if isinstance(price, Mapping) else {}
    common = {
        "sku": _cell(listing.get("sku")),
        "product_id": _cell(listing.get("product_id")),
        "mrp": _cell(price.get("mrp")),
        "selling_price": _cell(price.get("selling_price")),
        "currency": _cell(price.get("currency")),
        "listing_status": _cell(listing.get("listing_status")),
    }
    locations = listing.get("locations")
    places = [p for p in locations if isinstance(p, Mapping)] if isinstance(locations, list) else []
    return [
        {**common, "location": _cell(place.get("id")), "inventory": _cell(place.get("inventory"))}
        for place in places or [{}]
    ]


def _listing_lines(listing: Mapping[str, Any]) -> list[tuple[str, ...]]:
    keys = ("sku", "product_id", "location", "inventory", "mrp", "selling_price", "listing_status")
    return [tuple(row[key] for key in keys) for row in _listing_rows(listing)]


LISTINGS: Final = Layout(
    "listings", lambda: LISTING_COLUMNS, _listing_rows, _LISTING_TABLE, _listing_lines
)


class _JsonLines:
    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, item: Mapping[str, Any]) -> None:
        self._out.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        self._out.flush()


class _Csv:
    def __init__(self, out: TextIO, layout: Layout, *, header: bool = True) -> None:
        self._out = out
        self._rows = layout.csv_rows
        self._writer = csv.DictWriter(out, fieldnames=layout.csv_columns(), lineterminator="\n")
        if header:
            self._writer.writeheader()

    def write(self, item: Mapping[str, Any]) -> None:
        self._writer.writerows(self._rows(item))

    def close(self) -> None:
        self._out.flush()


def print_table(
    out: TextIO, columns: Sequence[str], rows: Iterable[Sequence[str]], *, empty: str
) -> None:
    """A rich table on ``out``: boxed on a terminal, plain aligned columns elsewhere.

    Off a terminal the width is not limited, so that no cell is cut or wrapped in a file.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    rows = list(rows)
    if not rows:
        out.write(empty + "\n")
        out.flush()
        return
    terminal = bool(getattr(out, "isatty", None) and out.isatty())
    console = Console(file=out, width=None if terminal else 100_000, soft_wrap=not terminal)
    table = Table(
        box=box.SIMPLE_HEAD if terminal else None,
        show_edge=False,
        pad_edge=False,
        header_style="bold" if terminal else "",
    )
    for column in columns:
        table.add_column(column, no_wrap=not terminal, overflow="fold")
    for row in rows:
        table.add_row(*row)
    console.print(table, crop=False)
    out.flush()


class _Table:
    def __init__(self, out: TextIO, layout: Layout) -> None:
        self._out = out
        self._layout = layout
        self._rows: list[tuple[str, ...]] = []

    def write(self, item: Mapping[str, Any]) -> None:
        self._rows.extend(self._layout.table_rows(item))

    def close(self) -> None:
        print_table(
            self._out,
            self._layout.table_columns,
            self._rows,
            empty=f"No {self._layout.noun} found.",
        )


def writer_for(
    format: str, out: TextIO, *, header: bool = True, layout: Layout = SHIPMENTS
) -> Writer:
    """The writer for a ``--format`` value; ``header=False``: a CSV continues an earlier one."""
    if format == "csv":
        return _Csv(out, layout, header=header)
    if format == "table":
        return _Table(out, layout)
    return _JsonLines(out)
