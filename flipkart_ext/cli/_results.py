"""What the bulk commands print: one line per shipment on stdout, a summary on stderr.

stdout carries ``<shipment id> TAB <status> TAB <error code> TAB <message>`` for every
shipment, in input order, so a script can keep the ones that went through::

    flipkart shipments pack --auto --tax-rate 18 | awk -F'\\t' '$2 == "SUCCESS" {print $1}'

The exit code is 0 when every shipment went through, ``EXIT_PARTIAL`` (5) otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ._errors import EXIT_OK, EXIT_PARTIAL, one_line
from ._text import plural

if TYPE_CHECKING:
    from .._core.batches import BatchResults
    from ..shipments import ShipmentResult

__all__ = ["report"]


def _cell(text: str | None) -> str:
    return one_line(text).replace("\t", " ") if text else ""


def report(results: BatchResults[ShipmentResult], out: TextIO, err: TextIO, *, done: str) -> int:
    """Print every result and a summary (``done``: ``packed``, ``cancelled``...); the exit code."""
    for result in results:
        cells = (result.shipment_id, result.status, result.error_code, result.error_message)
        print("\t".join(_cell(cell) for cell in cells), file=out)
    failed = len(results.failed)
    summary = (
        f"{done.capitalize()} {len(results) - failed} of {plural(len(results), 'shipment')} "
        f"in {plural(results.requests, 'request')}"
    )
    if failed:
        summary += f"; {failed} not {done} (listed with their reason; exit {EXIT_PARTIAL})"
    print(summary, file=err)
    return EXIT_OK if failed == 0 else EXIT_PARTIAL
