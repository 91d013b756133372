"""``python -m flipkart_ext.demo``: a seller's daily job against the embedded emulator.

No credentials and no network: the demo starts :class:`flipkart_ext.testing.Emulator`
on loopback, fills it with approved test orders, then works through the day the way
a seller's program would, through the public client only:

1. obtain a token (only its environment and expiry are shown);
2. search the APPROVED shipments awaiting packing, across pages;
3. pack them (generate labels), in batches of at most 25 per call, the spec's
   ``maxItems`` for ``ShipmentPackRequest.shipments``;
4. download the label PDFs into a folder (``--out``, default ``./flipkart-labels``);
5. mark them ready to dispatch, per dispatch location, at most 25 per call.

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
from typing import TYPE_CHECKING, Any, TypeVar

from .cli._text import describe_token, plural

if TYPE_CHECKING:
    from flipkart_seller_api.models.pack_request import PackRequest
    from flipkart_seller_api.models.shipment import Shipment

    from . import FlipkartClient
    from .shipments import SavedPdf
    from .testing import Emulator

__all__ = [
    "DEFAULT_ORDERS",
    "DEFAULT_OUT",
    "MAX_SHIPMENTS_PER_ACTION",
    "DailyJobReport",
    "batched",
    "main",
    "pack_request_for",
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


def pack_request_for(shipment: Shipment, invoice_date: dt.datetime) -> PackRequest:
    """What a seller sends to generate a label: invoice, package size and tax per item."""
    from flipkart_seller_api.models.dimensions import Dimensions
    from flipkart_seller_api.models.pack_request import PackRequest
    from flipkart_seller_api.models.pack_request_invoice import PackRequestInvoice
    from flipkart_seller_api.models.sub_shipments import SubShipments
    from flipkart_seller_api.models.tax_item import TaxItem

    items = _list(shipment.order_items)
    order_ids = dict.fromkeys(str(i.order_id) for i in items if isinstance(i.order_id, str))
    return PackRequest(
        shipment_id=str(shipment.shipment_id),
        location_id=str(shipment.location_id),
        invoices=[
            PackRequestInvoice(
                order_id=order_id,
                invoice_date=invoice_date,
                invoice_number=f"INV-{invoice_date:%Y%m%d}-{order_id[-6:]}",
            )
            for order_id in order_ids
        ],
        sub_shipments=[
            SubShipments(
                sub_shipment_id=str(sub.sub_shipment_id),
                dimensions=Dimensions(length=20.0, breadth=15.0, height=10.0, weight=0.5),
            )
            for sub in _list(shipment.sub_shipments)
            if isinstance(sub.sub_shipment_id, str)
        ],
        tax_items=[
            TaxItem(
                tax_rate=_GST_RATE,
                order_item_id=str(item.order_item_id),
                quantity=item.quantity if isinstance(item.quantity, int) else 1,
            )
            for item in items
            if isinstance(item.order_item_id, str)
        ],
    )


def _list(value: Any) -> list[Any]:
    # Generated fields may be UNSET or None as well as a list: read them liberally.
    return value if isinstance(value, list) else []


def _outcomes(response: Any, report: DailyJobReport) -> list[str]:
    """Shipment ids the server accepted; refusals are added to ``report.failures``."""
    accepted = []
    for entry in _list(getattr(response, "shipments", None)):
        shipment_id = entry.shipment_id if isinstance(entry.shipment_id, str) else "?"
        if entry.status == "SUCCESS":
            accepted.append(shipment_id)
        else:
            reason = entry.error_message or entry.error_code or entry.status or "no reason given"
            report.failures.append(f"{shipment_id}: {reason}")
    return accepted


def _by_location(shipments: Iterable[Shipment], wanted: set[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for shipment in shipments:
        if shipment.shipment_id in wanted:
            groups.setdefault(str(shipment.location_id), []).append(str(shipment.shipment_id))
    return groups


def run_daily_job(client: FlipkartClient, out: str | os.PathLike[str], say: Say) -> DailyJobReport:
    """Search, pack, download labels and mark ready to dispatch; ``say`` prints progress."""
    from flipkart_seller_api.api.shipment_v3 import mark_rtd, pack
    from flipkart_seller_api.models.dispatch_shipment_request import DispatchShipmentRequest
    from flipkart_seller_api.models.shipment_pack_request import ShipmentPackRequest

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

    invoice_date = dt.datetime.now(dt.UTC).astimezone()
    for batch in batched(shipments, MAX_SHIPMENTS_PER_ACTION):
        body = ShipmentPackRequest(shipments=[pack_request_for(s, invoice_date) for s in batch])
        report.packed += _outcomes(client.call(pack, body=body), report)
        report.pack_calls += 1
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

    for location_id, ids in _by_location(shipments, set(report.packed)).items():
        for batch_ids in batched(ids, MAX_SHIPMENTS_PER_ACTION):
            request = DispatchShipmentRequest(location_id=location_id, shipment_ids=batch_ids)
            report.dispatched += _outcomes(client.call(mark_rtd, body=request), report)
            report.dispatch_calls += 1
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
