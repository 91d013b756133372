"""``flipkart demo`` (and ``python -m flipkart_ext.demo``): a seller's day against the
embedded emulator.

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

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

from ..notifications import (
    ReturnCompleted,
    ReturnCreated,
    ReturnPickedUp,
    ShipmentCreated,
    ShipmentPacked,
    ShipmentReadyToDispatch,
)
from ._errors import EXIT_OK, EXIT_PARTIAL
from ._manifest import file_name as manifest_file_name
from ._text import describe_duration, plural

if TYPE_CHECKING:
    from flipkart_seller_api.models.shipment import Shipment

    from .. import FlipkartClient
    from ..shipments import SavedPdf, ShipmentResult
    from ..testing import Emulator

__all__ = [
    "DEFAULT_ORDERS",
    "DEFAULT_OUT",
    "MAX_SHIPMENTS_PER_ACTION",
    "DailyJobReport",
    "process_returns",
    "run",
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
    from ..shipments import ShipmentFilter

    report = DailyJobReport()
    awaiting = ShipmentFilter.pre_dispatch(
        states=["APPROVED"], sort_field="dispatchByDate", sort_order="asc"
    )
    shipments: list[Shipment] = []
    for page in client.shipments.pages(awaiting):
        if page.number == 1:  # the first call obtained the token
            say(_signed_in(client))
        shipments.extend(page.items)
        report.pages = page.number
    report.found = len(shipments)
    say(
        f"{_orders(report.found)} waiting to be packed "
        f"(read in {plural(report.pages, 'page')} of at most 20)"
    )
    if not shipments:
        return report

    packed = client.shipments.pack(shipments, tax_rate=_GST_RATE)
    report.packed, report.pack_calls = _refusals(packed, report), packed.requests
    say(
        f"Packed {_orders(len(report.packed))}: invoices and shipping labels generated "
        f"({plural(report.pack_calls, 'request')} to Flipkart, at most "
        f"{MAX_SHIPMENTS_PER_ACTION} orders each)"
    )
    if not report.packed:
        return report

    report.labels = client.shipments.save_labels(report.packed, out)
    folder = Path(out)
    say(
        f"Shipping labels to print: {', '.join(saved.path.name for saved in report.labels)} "
        f"in {folder}{os.sep} ({_orders(report.labelled)})"
    )

    ready = client.shipments.mark_ready_to_dispatch(
        [s for s in shipments if s.shipment_id in set(report.packed)]
    )
    report.dispatched, report.dispatch_calls = _refusals(ready, report), ready.requests
    say(
        f"{_orders(len(report.dispatched)).capitalize()} marked ready for the courier's pickup "
        f"({plural(report.dispatch_calls, 'request')})"
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
        f"Courier manifests to hand over with the parcels: {plural(len(report.manifests), 'PDF')} "
        f"in {folder}{os.sep} (one per courier and warehouse, {_orders(report.handed_over)})"
    )
    return report


def process_returns(client: FlipkartClient, report: DailyJobReport, say: Say) -> None:
    """Approve every new customer return, record its pick-up today, then complete it."""
    from ..returns import ReturnFilter

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
    done = "approved, picked up from the buyer, received back"
    if len(waiting) == 1:
        say(f"Customer return {waiting[0]}: {done}")
    elif waiting:
        say(f"{plural(len(waiting), 'customer return')}: {done}")


def _orders(count: int) -> str:
    return plural(count, "order")


def _signed_in(client: FlipkartClient) -> str:
    status = client.token_status()
    if status.expires_at is None or status.seconds_left is None:
        return "Signed in to the sandbox (the token's lifetime is not known)"
    return (
        f"Signed in to the sandbox: the access token is valid until "
        f"{status.expires_at:%Y-%m-%d %H:%M} UTC ({describe_duration(status.seconds_left)})"
    )


# What each notification means to a seller.
_EVENT_WORDS = {
    ShipmentCreated.EVENT_TYPE: "new orders",
    ShipmentPacked.EVENT_TYPE: "packed",
    ShipmentReadyToDispatch.EVENT_TYPE: "ready for pickup",
    ReturnCreated.EVENT_TYPE: "returns opened",
    ReturnPickedUp.EVENT_TYPE: "returns picked up",
    ReturnCompleted.EVENT_TYPE: "returns received",
}


def _next_steps(out_folder: str) -> list[str]:
    return [
        "",
        "Next steps:",
        f"  1. Open the PDFs in {out_folder}{os.sep}: labels to print, manifests for the couriers.",
        "  2. The same day from the shell, step by step: flipkart emulator serve --orders 5,",
        "     then flipkart shipments pack / labels / dispatch / manifest (docs/guides/cli.md).",
        "  3. Test your own code against the emulator: docs/guides/emulator.md.",
        "  4. With your Flipkart application: export FLIPKART_CLIENT_ID and",
        "     FLIPKART_CLIENT_SECRET, then flipkart token status --fetch.",
    ]


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Run the demo; the exit code is 0 when every order went through."""

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    from .. import Environment, FlipkartClient
    from ..testing import Emulator
    from ._demo_receiver import WebhookReceiver

    started = time.perf_counter()
    say(
        "Flipkart seller demo: one dispatch day against a local copy of Flipkart's sandbox "
        "(no account needed; nothing leaves this machine)"
    )
    if os.environ.get("FLIPKART_CLIENT_ID"):
        say("Note: FLIPKART_* credentials are ignored; the demo never touches a real account.")
    with (
        Emulator() as emulator,
        WebhookReceiver(app_id=emulator.client_id, app_secret=emulator.client_secret) as receiver,
    ):
        emulator.notify(receiver.url, duplicate_rate=_DUPLICATE_RATE)
        seed_orders(emulator, args.orders)
        emulator.create_returns(count=1)  # a delivered order that the buyer sends back
        say(
            f"Sandbox ready: {_orders(args.orders)} to ship today from "
            f"{plural(len(emulator.location_ids), 'warehouse')}, "
            f"{plural(len(emulator.listing_ids), 'product')} in the catalog, and one "
            "delivered order the buyer is returning"
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
    handled = sum(receiver.handled.values())
    say(
        f"Order notifications from Flipkart: {handled} received and verified (signed), each "
        f"acted on once; {plural(receiver.repeats, 'duplicate')} recognised and ignored "
        "(Flipkart may send one twice)"
        + (f"; {receiver.rejected} rejected" if receiver.rejected else "")
    )
    counts = [
        f"{_EVENT_WORDS.get(kind, kind.replace('_', ' '))} {count}"
        for kind, count in receiver.handled.items()
    ]
    say("  " + ", ".join(counts))
    created = receiver.handled.get(ShipmentCreated.EVENT_TYPE, 0)
    if report.found and created > report.found:
        say(
            f"  ({created} new orders: the {report.found} shipped today and the one being returned)"
        )
    for failure in report.failures:
        say(f"  refused: {failure}")
    say(
        f"Done in {time.perf_counter() - started:.1f}s: {_orders(len(report.dispatched))} "
        f"packed, labelled and ready for pickup; {plural(len(report.manifests), 'manifest')}; "
        f"{plural(len(report.returns_completed), 'return')} completed; "
        f"{len(report.failures)} refused."
    )
    for line in _next_steps(str(args.out).rstrip(os.sep)):
        say(line)
    complete = len(report.dispatched) == report.found and handled == published
    ok = complete and not report.failures and receiver.rejected == 0
    return EXIT_OK if ok else EXIT_PARTIAL
