"""``python -m flipkart_ext.demo``: a seller's daily job against the embedded emulator.

No credentials and no network: the demo starts :class:`flipkart_ext.testing.Emulator`
on loopback, fills it with approved test orders, then works through the day the way
a seller's program would, through the public client only:

1. obtain a token (only its environment and expiry are shown);
2. search the APPROVED shipments awaiting packing, across pages;
3. pack them (generate labels) in one call of ``client.shipments.pack``, which sends at
   most 25 per request, the spec's ``maxItems`` for ``ShipmentPackRequest.shipments``;
4. download the label PDFs into a folder (``--out``, default ``./flipkart-labels``);
5. mark them ready to dispatch, per dispatch location, at most 25 per call.

``FLIPKART_*`` variables are ignored: the demo never touches a real account.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .cli._text import describe_token, plural

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment

    from . import FlipkartClient
    from .shipments import SavedPdf, ShipmentResult
    from .testing import Emulator

__all__ = [
    "DEFAULT_ORDERS",
    "DEFAULT_OUT",
    "MAX_SHIPMENTS_PER_ACTION",
    "DailyJobReport",
    "batched",
    "main",
    "run_daily_job",
    "seed_orders",
]

_T = TypeVar("_T")

MAX_SHIPMENTS_PER_ACTION = 25
"""``maxItems`` of ``ShipmentPackRequest.shipments`` and ``DispatchShipmentRequest.shipmentIds``."""

DEFAULT_ORDERS = 45
DEFAULT_OUT = "flipkart-labels"
_GST_RATE = 18.0  # percent; the rate a seller declares per item when packing

Say = Callable[[str], None]


@dataclass
class DailyJobReport:
    """What the daily job did, for the summary line and for tests."""

    found: int = 0
    pages: int = 0
    packed: list[str] = field(default_factory=list)
    pack_calls: int = 0
    labels: list[SavedPdf] = field(default_factory=list)
    dispatched: list[str] = field(default_factory=list)
    dispatch_calls: int = 0
    failures: list[str] = field(default_factory=list)
    """One line per shipment the server refused, ``<shipment id>: <error>``."""

    @property
    def labelled(self) -> int:
        """Shipments covered by the saved label PDFs."""
        return sum(len(saved.shipment_ids) for saved in self.labels)


def batched(items: Sequence[_T], size: int) -> list[list[_T]]:
    """Consecutive runs of at most ``size`` items."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def seed_orders(emulator: Emulator, count: int) -> None:
    """Create ``count`` approved orders spread over the seller's locations (SKUs rotate)."""
    locations = emulator.location_ids
    for index, location_id in enumerate(locations):
        share = count // len(locations) + (1 if index < count % len(locations) else 0)
        if share:
            emulator.create_test_orders(share, location_id=location_id)


def _refusals(results: Iterable[ShipmentResult], report: DailyJobReport) -> list[str]:
    """Shipment ids that went through; the others are added to ``report.failures``."""
    report.failures += [str(result) for result in results if not result.ok]
    return [result.shipment_id for result in results if result.ok]


def run_daily_job(client: FlipkartClient, out: str | os.PathLike[str], say: Say) -> DailyJobReport:
    """Search, pack, download labels and mark ready to dispatch; ``say`` prints progress."""
    from .shipments import ShipmentFilter

    report = DailyJobReport()
    awaiting = ShipmentFilter.pre_dispatch(
        states=["APPROVED"], sort_field="dispatchByDate", sort_order="asc"
    )
    shipments: list[Shipment] = []
    for page in client.shipments.pages(awaiting):
        if page.number == 1:  # the first call obtained the token
            say(f"Token acquired: {describe_token(client.token_status())}")
        shipments.extend(page.items)
        report.pages = page.number
    report.found = len(shipments)
    say(
        f"{plural(report.found, 'shipment')} awaiting packing found across "
        f"{plural(report.pages, 'page')}"
    )
    if not shipments:
        return report

    packed = client.shipments.pack(shipments, tax_rate=_GST_RATE)
    report.packed, report.pack_calls = _refusals(packed, report), packed.requests
    say(
        f"Packed {plural(len(report.packed), 'shipment')} in {plural(report.pack_calls, 'call')} "
        f"(at most {MAX_SHIPMENTS_PER_ACTION} per call)"
    )
    if not report.packed:
        return report

    report.labels = client.shipments.save_labels(report.packed, out)
    folder = Path(out)
    say(
        f"Labels for {plural(report.labelled, 'shipment')} saved to {folder}{os.sep} "
        f"({plural(len(report.labels), 'PDF')}: "
        f"{', '.join(saved.path.name for saved in report.labels)})"
    )

    ready = client.shipments.mark_ready_to_dispatch(
        [s for s in shipments if s.shipment_id in set(report.packed)]
    )
    report.dispatched, report.dispatch_calls = _refusals(ready, report), ready.requests
    say(
        f"Marked {plural(len(report.dispatched), 'shipment')} ready to dispatch in "
        f"{plural(report.dispatch_calls, 'call')}"
    )
    return report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m flipkart_ext.demo",
        description=(
            "Run a seller's daily job (search, pack, labels, ready to dispatch) against "
            "an embedded emulator of Flipkart's sandbox. Needs no credentials."
        ),
    )
    parser.add_argument(
        "--out",
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"folder for the label PDFs (default: ./{DEFAULT_OUT})",
    )
    parser.add_argument(
        "--orders",
        type=_positive_int,
        default=DEFAULT_ORDERS,
        metavar="N",
        help=f"approved test orders to create (default: {DEFAULT_ORDERS})",
    )
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo; returns the process exit code (0 when every shipment went through)."""
    args = _parser().parse_args(argv)

    def say(line: str) -> None:
        print(line, flush=True)

    from . import Environment, FlipkartClient, FlipkartError
    from .testing import Emulator, MissingExtra

    started = time.perf_counter()
    say("Flipkart seller daily job: demo against an embedded sandbox emulator (no credentials)")
    if os.environ.get("FLIPKART_CLIENT_ID"):
        say("Note: FLIPKART_* credentials are ignored; the demo never touches a real account.")
    try:
        with Emulator() as emulator:
            seed_orders(emulator, args.orders)
            say(
                f"Emulator at {emulator.url}: {plural(args.orders, 'approved order')} over "
                f"{plural(len(emulator.listing_ids), 'SKU')} and "
                f"{plural(len(emulator.location_ids), 'dispatch location')}"
            )
            environment = Environment.custom(
                emulator.api_base_url, emulator.oauth_base_url, name="emulator"
            )
            with FlipkartClient(
                emulator.client_id, emulator.client_secret, environment=environment
            ) as client:
                report = run_daily_job(client, args.out, say)
    except (FlipkartError, MissingExtra) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for failure in report.failures:
        say(f"  refused: {failure}")
    say(
        f"Done in {time.perf_counter() - started:.1f}s: {report.found} found, "
        f"{len(report.packed)} packed, {report.labelled} labels, "
        f"{len(report.dispatched)} ready to dispatch, {len(report.failures)} refused."
    )
    return 0 if not report.failures and len(report.dispatched) == report.found else 1


if __name__ == "__main__":
    raise SystemExit(main())
