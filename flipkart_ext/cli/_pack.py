"""``flipkart shipments pack``: generate labels and invoices, from a CSV or with defaults.

``--csv FILE`` takes one row per shipment; every column but ``shipment_id`` may be left
blank, and a blank falls back to the flags (``--tax-rate``, ``--invoice-date``), then to
what the shipment says (package size, location, orders and items)::

    shipment_id,invoice_number,invoice_date,tax_rate,length,breadth,height,weight
    SH-1,INV-1001,2024-05-01,18,20,15,10,0.5
    SH-2,INV-1002,,5,,,,

``--auto`` packs the given ids, or every APPROVED shipment not on hold (at ``--location``,
when given), with those defaults alone; the GST rate is not part of a shipment, so
``--tax-rate`` is required.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, TextIO

from ._args import split_values
from ._client import DryRun, client_from_env
from ._errors import BadInput
from ._files import csv_rows, read_text
from ._results import Bulk, every_shipment

if TYPE_CHECKING:
    from ..shipments import PackSpec

__all__ = ["CSV_COLUMNS", "read_pack_csv", "renamed", "run"]

CSV_COLUMNS: Final = (
    "shipment_id",
    "invoice_number",
    "invoice_date",
    "tax_rate",
    "length",
    "breadth",
    "height",
    "weight",
)
_SIZES: Final = ("length", "breadth", "height", "weight")
_ITEM: Final = re.compile(r"^shipments\[(\d+)\]")


def _number(text: str, where: str, column: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise BadInput(f"{where}: {column}: expected a number, got {text!r}") from None


def read_pack_csv(text: str, name: str) -> list[PackSpec]:
    """One :class:`PackSpec` per row; a malformed row is bad input naming its line and column."""
    from ..shipments import Package, PackSpec

    rows = csv_rows(text, name, required=("shipment_id",), known=CSV_COLUMNS, other_columns=False)
    specs = []
    for line, cells in rows:
        where = f"{name} line {line}"
        if not cells.get("shipment_id"):
            raise BadInput(f"{where}: shipment_id: required")
        sizes = [cells.get(column, "") for column in _SIZES]
        if any(sizes) and not all(sizes):
            raise BadInput(f"{where}: length, breadth, height, weight: give all four or none")
        package = (
            Package(*(_number(v, where, c) for v, c in zip(sizes, _SIZES, strict=True)))
            if all(sizes)
            else None
        )
        specs.append(
            PackSpec(
                cells["shipment_id"],
                invoice_number=cells.get("invoice_number") or None,
                invoice_date=cells.get("invoice_date") or None,
                tax_rate=_number(cells["tax_rate"], where, "tax_rate")
                if cells.get("tax_rate")
                else None,
                package=package,
            )
        )
    return specs


# The library's names for the call-wide values, as the user typed them.
_FLAGS: Final = {"pack: tax_rate": "--tax-rate", "pack: invoice_date": "--invoice-date"}


def renamed(message: str, csv_name: str | None) -> str:
    """A library message in the user's terms: flags, and CSV lines for ``shipments[i]``."""
    if csv_name is not None:
        # The library counts items from 0; a CSV's first row is its line 2.
        message = _ITEM.sub(lambda m: f"{csv_name} line {int(m.group(1)) + 2}", message)
    for field, flag in _FLAGS.items():
        if message.startswith(field + ":"):
            message = flag + message[len(field) :]
    return message


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Pack the shipments and list each one's result (or, with ``--dry-run``, the bodies)."""
    from ..shipments import ShipmentFilter

    ids = list(dict.fromkeys(split_values(args.ids) or []))
    if args.csv_file is not None and (args.auto or ids):
        raise BadInput("--csv lists the shipments itself; drop --auto and the ids")
    if args.csv_file is None and not args.auto:
        raise BadInput("say how to pack: --csv FILE with one row per shipment, or --auto")
    if args.auto and args.tax_rate is None:
        raise BadInput("--tax-rate is required with --auto: Flipkart needs each item's GST rate")
    items: list[Any]
    csv_name = None
    if args.csv_file is not None:
        text, csv_name = read_text(args.csv_file, option="--csv")
        items = read_pack_csv(text, csv_name)
    else:
        items = ids
    bulk = Bulk(out, err, DryRun() if args.dry_run else None)
    with client_from_env(args, dry_run=bulk.dry_run) as client:
        if args.auto and not items:
            awaiting = ShipmentFilter.pre_dispatch(
                states=["APPROVED"], hold=False, location_id=args.location
            )
            items = every_shipment(client, awaiting, err, none="No APPROVED shipments to pack.")
            if not items:
                return 0
        return bulk.run(
            lambda: client.shipments.pack(
                items, tax_rate=args.tax_rate, invoice_date=args.invoice_date
            ),
            items=len(items),
            done="packed",
            rename=lambda message: renamed(message, csv_name),
        )
