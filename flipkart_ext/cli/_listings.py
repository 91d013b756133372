"""``flipkart listings update-inventory`` and ``update-price``: bulk changes from a CSV file.

Stock (``update-inventory``): columns ``sku, product_id, location, inventory``, one row per
SKU and location (a SKU's rows are sent together). Prices (``update-price``): columns
``sku, product_id, mrp, selling_price`` and optionally ``currency`` (default INR).

Every row is checked before anything is sent (a bad one names its line and column); calls
carry at most 10 SKUs, ``--concurrency`` at a time; progress goes to stderr on a terminal.
stdout gets one line per SKU (``sku TAB status TAB details``); ``--results FILE`` also
writes them as CSV. ``--dry-run`` prints the batches and sends nothing. The exit code is
0 when every SKU succeeded, 5 when some did not (each is listed).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from ._client import client_from_env
from ._errors import EXIT_OK, EXIT_PARTIAL, BadInput, one_line
from ._text import plural

if TYPE_CHECKING:
    from ..listings import SkuResult

__all__ = [
    "PRICE_COLUMNS",
    "STOCK_COLUMNS",
    "read_prices",
    "read_stock",
    "run_inventory",
    "run_price",
]

STOCK_COLUMNS: Final = ("sku", "product_id", "location", "inventory")
PRICE_COLUMNS: Final = ("sku", "product_id", "mrp", "selling_price", "currency")
_RESULT_COLUMNS: Final = ("sku", "status", "errors")


def _rows(
    path: str, required: tuple[str, ...], known: tuple[str, ...]
) -> list[tuple[int, dict[str, str]]]:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read it ({exc.strerror or exc})") from None
    reader = csv.DictReader(text.splitlines())
    header = [column.strip() for column in reader.fieldnames or []]
    missing = [column for column in required if column not in header]
    if missing:
        raise BadInput(
            f"{path}: the header lacks {', '.join(missing)} (columns: {', '.join(known)})"
        )
    rows = [
        (reader.line_num, {key.strip(): (value or "").strip() for key, value in row.items() if key})
        for row in reader
    ]
    if not rows:
        raise BadInput(f"{path}: no rows")
    return rows


def _whole(text: str, where: str, column: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise BadInput(f"{where}: {column}: expected a whole number, got {text!r}") from None


def _text(cells: Mapping[str, str], where: str, column: str) -> str:
    if not cells.get(column):
        raise BadInput(f"{where}: {column}: required")
    return cells[column]


def read_stock(path: str) -> dict[str, Any]:
    """``{sku: StockUpdate}`` from a stock CSV; a malformed row names its line and column."""
    from ..listings import StockUpdate

    products: dict[str, str] = {}
    locations: dict[str, dict[str, int]] = {}
    for line, cells in _rows(path, STOCK_COLUMNS, STOCK_COLUMNS):
        where = f"{path} line {line}"
        sku = _text(cells, where, "sku")
        product = _text(cells, where, "product_id")
        if products.setdefault(sku, product) != product:
            raise BadInput(f"{where}: product_id: {sku} has {products[sku]!r} on an earlier line")
        location = _text(cells, where, "location")
        if location in locations.setdefault(sku, {}):
            raise BadInput(f"{where}: location: {sku} at {location} is given twice")
        locations[sku][location] = _whole(_text(cells, where, "inventory"), where, "inventory")
    return {sku: StockUpdate(products[sku], units) for sku, units in locations.items()}


def read_prices(path: str) -> dict[str, Any]:
    """``{sku: PriceUpdate}`` from a price CSV; a malformed row names its line and column."""
    from ..listings import PriceUpdate

    updates: dict[str, Any] = {}
    for line, cells in _rows(path, PRICE_COLUMNS[:4], PRICE_COLUMNS):
        where = f"{path} line {line}"
        sku = _text(cells, where, "sku")
        if sku in updates:
            raise BadInput(f"{where}: sku: {sku} is given twice")
        updates[sku] = PriceUpdate(
            _text(cells, where, "product_id"),
            _whole(_text(cells, where, "mrp"), where, "mrp"),
            _whole(_text(cells, where, "selling_price"), where, "selling_price"),
            cells.get("currency") or "INR",
        )
    return updates


def _details(result: SkuResult) -> str:
    text = str(result)
    return text.split(": ", 2)[2] if text.count(": ") >= 2 else ""


def _report(results: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    for result in results:
        print(f"{result.sku}\t{result.status}\t{one_line(_details(result))}", file=out)
    if args.results is not None:
        with Path(args.results).open("w", newline="", encoding="utf-8") as sink:
            writer = csv.writer(sink)
            writer.writerow(_RESULT_COLUMNS)
            writer.writerows((r.sku, r.status, _details(r)) for r in results)
    failed = len(results.failed)
    summary = (
        f"Updated {len(results) - failed} of {plural(len(results), 'SKU')} "
        f"in {plural(results.requests, 'request')}"
    )
    if failed:
        summary += f"; {failed} not updated (listed with their reason; exit {EXIT_PARTIAL})"
    print(summary, file=err)
    return EXIT_OK if failed == 0 else EXIT_PARTIAL


def _progress(err: TextIO) -> Callable[[int, int], None] | None:
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        err.write(f"\r{done}/{total} requests")
        if done == total:
            err.write("\n")
        err.flush()

    return show


def _run(
    args: argparse.Namespace, out: TextIO, err: TextIO, kind: str, updates: dict[str, Any]
) -> int:
    from ..errors import InvalidArgument
    from ..listings import MAX_SKUS_PER_CALL

    if args.dry_run:
        skus = list(updates)
        for number, start in enumerate(range(0, len(skus), MAX_SKUS_PER_CALL), 1):
            print(f"batch {number}: {', '.join(skus[start : start + MAX_SKUS_PER_CALL])}", file=out)
        print(
            f"Dry run: {plural(len(skus), 'SKU')} in {plural(number, 'request')}; nothing sent",
            file=err,
        )
        return EXIT_OK
    with client_from_env(args) as client:
        change = getattr(client.listings, kind)
        try:
            results = change(updates, max_concurrency=args.concurrency, progress=_progress(err))
        except InvalidArgument as exc:
            raise BadInput(f"{args.file}: {exc}") from exc
    return _report(results, args, out, err)


def run_inventory(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Set stock from a CSV file."""
    return _run(args, out, err, "update_inventory", read_stock(args.file))


def run_price(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Set prices from a CSV file."""
    return _run(args, out, err, "update_price", read_prices(args.file))
