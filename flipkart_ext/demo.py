"""``python -m flipkart_ext.demo``: a seller's whole day against the embedded emulator.

No credentials and no network: the demo starts :class:`flipkart_ext.testing.Emulator` on
loopback with a webhook receiver beside it, fills it with approved test orders and one
delivered order the buyer sends back, then works through the day the way a seller's
program would, through the public client only:

1. obtain a token (only its environment and expiry are shown);
2. search the APPROVED shipments awaiting packing, across pages;
3. pack them in one call of ``client.shipments.pack`` (at most 25 per request);
4. download the label PDFs into a folder (``--out``, default ``./flipkart-labels``);
5. mark them ready to dispatch (grouped by location, at most 25 per request);
6. ask the handover counts of each location and save each courier's manifest PDF;
7. process the customer return: approve it, record the pick-up, complete it;
8. meanwhile every state change reaches the receiver as Flipkart's signed notification,
   some of them twice: it verifies each (:mod:`flipkart_ext.notifications`) and handles
   each event once.

``FLIPKART_*`` variables are ignored: the demo never touches a real account.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli._manifest import file_name as manifest_file_name
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
    "main",
    "process_returns",
    "run_daily_job",
    "seed_orders",
]


MAX_SHIPMENTS_PER_ACTION = 25
"""Shipments per pack request: ``client.shipments.pack`` sends at most ``LIMITS["pack"]``."""

DEFAULT_ORDERS = 45
DEFAULT_OUT = "flipkart-labels"
_GST_RATE = 18.0  # percent; the rate a seller declares per item when packing
_DUPLICATE_RATE = 0.1  # one notification in ten arrives twice, as at-least-once delivery allows
_IST = dt.timezone(dt.timedelta(hours=5, minutes=30))

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
    manifests: list[Path] = field(default_factory=list)
    handed_over: int = 0
    """Shipments listed on the manifests."""
    returns_completed: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """One line per shipment or return the server refused, ``<id>: <error>``."""

    @property
    def labelled(self) -> int:
        """Shipments covered by the saved label PDFs."""
        return sum(len(saved.shipment_ids) for saved in self.labels)


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
    if not report.dispatched:
        return report

    locations = dict.fromkeys(str(s.location_id) for s in shipments if s.location_id)
    for location in locations:
        for group in client.shipments.handover_counts(location):
            vendor = str(group.vendor_group_code)
            path = folder / manifest_file_name(location, vendor)
            report.manifests.append(
                client.shipments.manifest(vendor, location_id=location, out=path)
            )
            report.handed_over += group.count if isinstance(group.count, int) else 0
    say(
        f"Manifests for {plural(report.handed_over, 'shipment')} saved to {folder}{os.sep} "
        f"({plural(len(report.manifests), 'PDF')}, one per courier and location)"
    )
    return report


def process_returns(client: FlipkartClient, report: DailyJobReport, say: Say) -> None:
    """Approve every new customer return, record its pick-up today, then complete it."""
    from .returns import ReturnFilter

    waiting = [
        str(item.return_id)
        for item in client.returns.search(ReturnFilter("customer_return"))
        if item.status == "created"
    ]
    if not waiting:
        return
    today = dt.datetime.now(_IST).replace(microsecond=0)
    steps: list[tuple[str, Callable[[list[str]], Any]]] = [
        ("approved", client.returns.approve),
        ("picked up", lambda ids: client.returns.pickup(ids, pickup_date=today)),
        ("completed", client.returns.complete),
    ]
    for step, act in steps:
        results = act(waiting)
        report.failures += [f"{result} (not {step})" for result in results.failed]
        waiting = [str(result.return_id) for result in results.succeeded]
    report.returns_completed = waiting
    done = ", ".join(step for step, _ in steps)
    if len(waiting) == 1:
        say(f"Customer return {waiting[0]}: {done}")
    elif waiting:
        say(f"{plural(len(waiting), 'customer return')}: {done}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m flipkart_ext.demo",
        description=(
            "Run a seller's day (search, pack, labels, ready to dispatch, manifests, a "
            "return, signed webhooks) against an embedded emulator of Flipkart's sandbox. "
            "Needs no credentials."
        ),
    )
    parser.add_argument(
        "--out",
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"folder for the label and manifest PDFs (default: ./{DEFAULT_OUT})",
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

    from . import Environment, FlipkartClient
    from ._demo_receiver import WebhookReceiver
    from .errors import FlipkartError
    from .testing import Emulator, MissingExtra

    started = time.perf_counter()
    say("Flipkart seller daily job: demo against an embedded sandbox emulator (no credentials)")
    if os.environ.get("FLIPKART_CLIENT_ID"):
        say("Note: FLIPKART_* credentials are ignored; the demo never touches a real account.")
    try:
        with (
            Emulator() as emulator,
            WebhookReceiver(
                app_id=emulator.client_id, app_secret=emulator.client_secret
            ) as receiver,
        ):
            emulator.notify(receiver.url, duplicate_rate=_DUPLICATE_RATE)
            seed_orders(emulator, args.orders)
            emulator.create_returns(count=1)  # a delivered order that the buyer sends back
            say(
                f"Emulator at {emulator.url}: {plural(args.orders, 'approved order')} over "
                f"{plural(len(emulator.listing_ids), 'SKU')} and "
                f"{plural(len(emulator.location_ids), 'dispatch location')}, "
                "and a customer return"
            )
            environment = Environment.custom(
                emulator.api_base_url, emulator.oauth_base_url, name="emulator"
            )
            with FlipkartClient(
                emulator.client_id, emulator.client_secret, environment=environment
            ) as client:
                report = run_daily_job(client, args.out, say)
                process_returns(client, report, say)
            emulator.webhooks.flush()
            published = len(emulator.events)
    except (FlipkartError, MissingExtra) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    handled = sum(receiver.handled.values())
    say(
        f"Webhooks: {plural(handled, 'signed notification')} verified, each handled once; "
        f"{plural(receiver.repeats, 're-delivery', 're-deliveries')} skipped, "
        f"{receiver.rejected} rejected"
    )
    say("  " + ", ".join(f"{kind} {count}" for kind, count in receiver.handled.items()))
    for failure in report.failures:
        say(f"  refused: {failure}")
    say(
        f"Done in {time.perf_counter() - started:.1f}s: {report.found} found, "
        f"{len(report.packed)} packed, {report.labelled} labels, "
        f"{len(report.dispatched)} ready to dispatch, {len(report.manifests)} manifests, "
        f"{len(report.returns_completed)} return completed, {len(report.failures)} refused."
    )
    complete = len(report.dispatched) == report.found and handled == published
    return 0 if complete and not report.failures and receiver.rejected == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
