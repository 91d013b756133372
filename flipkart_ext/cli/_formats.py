"""Writers for ``--format``: each takes shipments as Flipkart's JSON objects (plain dicts).

* ``jsonl``: each shipment exactly as received, unknown fields included, one per line;
* ``csv``: one row per order item, the columns a seller's spreadsheet needs (a resumed
  export writes no header, so that its rows append to the first part's);
* ``table``: one row per shipment in aligned columns. It must see every row before
  sizing the columns, so it holds them all; use jsonl or csv for large exports.

Server data is read liberally: a missing, ``null`` or oddly typed field becomes an
empty cell, never an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, Final, Protocol, TextIO

__all__ = ["CSV_COLUMNS", "TABLE_COLUMNS", "Writer", "csv_rows", "table_row", "writer_for"]

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


class _JsonLines:
    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, shipment: Mapping[str, Any]) -> None:
        self._out.write(json.dumps(shipment, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        self._out.flush()


class _Csv:
    def __init__(self, out: TextIO, *, header: bool = True) -> None:
        self._out = out
        self._writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        if header:
            self._writer.writeheader()

    def write(self, shipment: Mapping[str, Any]) -> None:
        self._writer.writerows(csv_rows(shipment))

    def close(self) -> None:
        self._out.flush()


class _Table:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._rows: list[tuple[str, ...]] = []

    def write(self, shipment: Mapping[str, Any]) -> None:
        self._rows.append(table_row(shipment))

    def close(self) -> None:
        if not self._rows:
            self._out.write("No shipments found.\n")
            self._out.flush()
            return
        rows = [TABLE_COLUMNS, *self._rows]
        widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
        for row in rows:
            self._out.write(
                "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            )
            self._out.write("\n")
        self._out.flush()


def writer_for(format: str, out: TextIO, *, header: bool = True) -> Writer:
    """The writer for a ``--format`` value; ``header=False``: a CSV continues an earlier one."""
    if format == "csv":
        return _Csv(out, header=header)
    writers: dict[str, type[_JsonLines] | type[_Table]] = {"jsonl": _JsonLines, "table": _Table}
    return writers[format](out)
