"""``flipkart listings``: read listings, and bulk stock and price changes from CSV files.

``get`` and ``search`` write CSV (one row per SKU and location: ``sku, product_id,
location, inventory, mrp, selling_price, currency, listing_status``), JSONL (each listing
as Flipkart sent it, with its ``sku``) or a table. The CSV is what the update commands
read: edit it and feed it back.

Stock (``update-inventory``): columns ``sku, product_id, location, inventory``, one row
per SKU and location (a SKU's rows are sent together). Prices (``update-price``): columns
``sku, product_id, mrp, selling_price`` and optionally ``currency`` (default INR); a SKU
may repeat (one row per location) when its prices agree. Other columns are ignored.

Every row is checked before anything is sent (a bad one names its line and column); the
file must be UTF-8. Calls carry at most 10 SKUs, ``--concurrency`` at a time; progress
goes to stderr on a terminal. stdout gets one line per SKU (``sku TAB status TAB
reason``); ``--results FILE`` also writes them as CSV, with the answers that did not
match their request. ``--dry-run`` makes every check the real run makes (the library's
too: a negative stock, a price above the MRP) and shows the bodies it would send. The
exit code is 0 when every SKU succeeded, 5 when some did not (each is listed).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, TextIO

from ._args import split_values
from ._client import DryRun, client_from_env
from ._errors import EXIT_OK, EXIT_PARTIAL, BadInput
from ._export import export_pages
from ._files import csv_rows, read_text
from ._formats import LISTINGS, writer_for
from ._results import anomaly_line, cell, conclude

if TYPE_CHECKING:
    from .. import BatchResults, FlipkartClient
    from ..listings import SkuResult

__all__ = [
    "PRICE_COLUMNS",
    "RESULT_COLUMNS",
    "STOCK_COLUMNS",
    "read_prices",
    "read_stock",
    "run_get",
    "run_inventory",
    "run_price",
    "run_search",
]

STOCK_COLUMNS: Final = ("sku", "product_id", "location", "inventory")
PRICE_COLUMNS: Final = ("sku", "product_id", "mrp", "selling_price", "currency")
RESULT_COLUMNS: Final = ("sku", "status", "errors", "anomaly")


def _rows(
    path: str, required: tuple[str, ...], known: tuple[str, ...]
) -> list[tuple[int, dict[str, str]]]:
    text, name = read_text(path)
    return csv_rows(text, name, required=required, known=known)


def _whole(text: str, where: str, column: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise BadInput(f"{where}: {column}: expected a whole number, got {text!r}") from None


def _text(cells: Mapping[str, str], where: str, column: str) -> str:
    if not cells.get(column):
        raise BadInput(f"{where}: {column}: required")
    return cells[column]


def _where(path: str, line: int) -> str:
    return f"{'stdin' if path == '-' else path} line {line}"


def read_stock(path: str) -> dict[str, Any]:
    """``{sku: StockUpdate}`` from a stock CSV; a malformed row names its line and column."""
    from ..listings import StockUpdate

    products: dict[str, str] = {}
    locations: dict[str, dict[str, int]] = {}
    for line, cells in _rows(path, STOCK_COLUMNS, STOCK_COLUMNS):
        where = _where(path, line)
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
    """``{sku: PriceUpdate}`` from a price CSV; a malformed row names its line and column.

    A SKU may repeat (a file written by ``listings get`` has one row per location) as long
    as its rows agree.
    """
    from ..listings import PriceUpdate

    updates: dict[str, Any] = {}
    for line, cells in _rows(path, PRICE_COLUMNS[:4], PRICE_COLUMNS):
        where = _where(path, line)
        sku = _text(cells, where, "sku")
        update = PriceUpdate(
            _text(cells, where, "product_id"),
            _whole(_text(cells, where, "mrp"), where, "mrp"),
            _whole(_text(cells, where, "selling_price"), where, "selling_price"),
            cells.get("currency") or "INR",
        )
        if updates.setdefault(sku, update) != update:
            raise BadInput(f"{where}: sku: {sku} has other prices on an earlier line")
    return updates


def _report(
    results: BatchResults[SkuResult], args: SimpleNamespace, out: TextIO, err: TextIO
) -> int:
    for result in results:
        print(f"{cell(result.sku)}\t{cell(result.status)}\t{cell(result.reason)}", file=out)
    out.flush()
    if args.results is not None:
        by_key: dict[str, list[str]] = {}
        for anomaly in results.anomalies:
            by_key.setdefault(str(anomaly.key), []).append(anomaly_line(anomaly))
        with Path(args.results).open("w", newline="", encoding="utf-8") as sink:
            writer = csv.writer(sink)
            writer.writerow(RESULT_COLUMNS)
            for result in results:
                writer.writerow(
                    (
                        result.sku,
                        result.status,
                        result.reason,
                        "; ".join(by_key.pop(result.sku, ())),
                    )
                )
            # Answers about SKUs that no request carried: a row each, so none goes unseen.
            for key, lines in by_key.items():
                writer.writerow((key, "ANOMALY", "", "; ".join(lines)))
    return conclude(results, err, done="updated", noun="SKU")


def _run(
    args: SimpleNamespace, out: TextIO, err: TextIO, kind: str, updates: dict[str, Any]
) -> int:
    from .. import InvalidArgument
    from ._progress import BatchProgress, progress_mode

    dry_run = DryRun() if args.dry_run else None
    with client_from_env(args, dry_run=dry_run) as client:
        change = getattr(client.listings, kind)
        progress = None
        if dry_run is None and progress_mode(None, out, err) == "live":
            what = "stock" if kind == "update_inventory" else "prices"
            progress = BatchProgress(err, description=f"Updating {what}")
        try:
            if dry_run is not None:
                with dry_run.intercepting():
                    checked = change(updates, max_concurrency=args.concurrency)
                return dry_run.show(out, err, items=len(updates), noun="SKU", results=checked)
            results = change(updates, max_concurrency=args.concurrency, progress=progress)
        except InvalidArgument as exc:
            raise BadInput(f"{'stdin' if args.file == '-' else args.file}: {exc}") from exc
        finally:
            if progress is not None:
                progress.close()
    return _report(results, args, out, err)


def run_inventory(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Set stock from a CSV file."""
    return _run(args, out, err, "update_inventory", read_stock(args.file))


def run_price(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Set prices from a CSV file."""
    return _run(args, out, err, "update_price", read_prices(args.file))


# -- reading -------------------------------------------------------------------------------


def _details(client: FlipkartClient, skus: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Each listed SKU's listing as Flipkart sent it (with its ``sku``); the SKUs not listed."""
    found = client.listings.get(skus, raw=True)
    listed = [
        {"sku": sku, **found.available[sku]}
        for sku in skus
        if isinstance(found.available.get(sku), Mapping)
    ]
    return listed, [*found.unavailable, *found.invalid]


def run_get(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Write the listings of the given SKUs; name those Flipkart does not list."""
    skus = list(dict.fromkeys(split_values(args.skus) or []))
    if not skus:
        raise BadInput("SKUS: no SKUs given")
    with client_from_env(args) as client:
        listed, missing = _details(client, skus)
    writer = writer_for(args.format, out, layout=LISTINGS)
    for listing in listed:
        writer.write(listing)
    writer.close()
    if missing:
        print(
            f"flipkart: not listed: {', '.join(missing)} ({len(missing)} of {len(skus)} SKUs); "
            f"exit {EXIT_PARTIAL}",
            file=err,
        )
        return EXIT_PARTIAL
    return EXIT_OK


def run_search(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Write every listing (of ``--status``), each page looked up for stock and prices."""
    from .. import PaginationError

    with client_from_env(args) as client:

        def expand(items: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            skus = [str(item.get("sku_id")) for item in items if item.get("sku_id")]
            if not skus:
                return []
            listed, missing = _details(client, skus)
            # A SKU the search names but the look-up does not know: its search entry.
            by_sku = {str(item.get("sku_id")): item for item in items}
            return [*listed, *({"sku": sku, **by_sku[sku]} for sku in missing if sku in by_sku)]

        try:
            pages = client.listings.pages(
                args.status, max_pages=args.max_pages, resume_from=args.resume_from, raw=True
            )
        except (PaginationError, ValueError) as exc:
            raise BadInput(f"--resume-from: {exc}") from exc
        # The cursor does not carry the status: the continue command repeats it.
        return export_pages(pages, args, out, err, noun="listings", layout=LISTINGS, expand=expand)
