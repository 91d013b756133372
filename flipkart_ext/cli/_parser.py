"""The ``flipkart`` command line: every command, option and its help text.

Handlers are named as ``"module:function"`` strings and imported only when their
command runs, so building the parser (and ``--help``) stays cheap.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, NoReturn

__all__ = ["FORMATS", "UsageError", "build_parser", "filter_type", "split_values"]

FORMATS = ("jsonl", "csv", "table")
_FILTER_TYPES = {
    "pre-dispatch": "preDispatch",
    "post-dispatch": "postDispatch",
    "cancelled": "cancelled",
}
_ENVIRONMENT_HELP = """\
credentials come from the environment:
  FLIPKART_CLIENT_ID, FLIPKART_CLIENT_SECRET   the application's id and secret (required)
  FLIPKART_ENV                                 sandbox (default) or production
  FLIPKART_API_BASE_URL, FLIPKART_OAUTH_BASE_URL   other URLs, e.g. a local emulator
  FLIPKART_TOKEN_FILE                          keep the token in this file between commands
  FLIPKART_SELLER_ID, FLIPKART_REFRESH_TOKEN   for a third-party application

exit codes: 0 success, 1 API error, 2 bad input, 3 network error, 4 authentication
failed, 5 partial failure (pack, dispatch, cancel: some shipments refused or not sent,
each listed on stdout), 130 interrupted.
"""
_PARTIAL_HELP = """\
stdout: one line per shipment, tab-separated: shipment id, status (SUCCESS, FAILURE,
NOT_APPLIED...), error code, message. Exit code 0 when every shipment went through,
5 when some did not (each is listed), 2 for bad input, 1 for an API error.
"""


class UsageError(Exception):
    """A command line argparse refused; ``main`` prints it as one line and exits 2."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse would print the whole usage block first; one line says enough.
        raise UsageError(self.prog, f"{message} (see '{self.prog} --help')")


def split_values(values: Sequence[str] | None) -> list[str] | None:
    """Repeated and comma-separated values, flattened: ``["a,b", "c"]`` -> ``["a", "b", "c"]``."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"expected a percentage from 0 to 100, got {text}")
    return value


def _port(text: str) -> int:
    value = _non_negative(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {value}")
    return value


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("expected at least 1, got 0")
    return value


def _global_options(*, top_level: bool) -> _Parser:
    """``--debug`` and ``--retries``, accepted before or after the command.

    Below the top level the defaults are suppressed, so that an option given before
    the command is not reset by the sub-command's parser.
    """
    options = _Parser(add_help=False)

    def default(value: Any) -> Any:
        return value if top_level else argparse.SUPPRESS

    options.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="show tracebacks and the library's debug log (secrets redacted) on stderr",
    )
    options.add_argument(
        "--retries",
        type=_non_negative,
        default=default(None),
        metavar="N",
        help="retries of a failed call that is safe to repeat (default: 3; 0 disables)",
    )
    return options


def _add_search(commands: Any, common: _Parser) -> None:
    search = commands.add_parser(
        "search",
        parents=[common],
        help="export shipments matching a filter to stdout",
        description=(
            "Search shipments (POST /v3/shipments/filter) and write every match to stdout, "
            "following the pages. Progress (pages, shipments, rate) goes to stderr when it "
            "is a terminal, or with --progress."
        ),
        epilog=(
            "Dates: YYYY-MM-DD (a whole day in India Standard Time, +05:30) or an ISO "
            "date-time with its offset, e.g. 2024-05-01T09:00+05:30."
        ),
    )
    search.set_defaults(handler="._search:run")
    what = search.add_argument_group("filter")
    what.add_argument(
        "--type",
        choices=sorted(_FILTER_TYPES),
        default=None,
        help="shipments not yet dispatched (default), already dispatched, or cancelled",
    )
    what.add_argument(
        "--state",
        action="append",
        metavar="STATE",
        help="e.g. APPROVED, PACKED, READY_TO_DISPATCH, SHIPPED; repeat or comma-separate",
    )
    what.add_argument(
        "--cancellation-type",
        metavar="TYPE",
        help="with --type cancelled: sellerCancellation, buyerCancellation or marketplaceCancellation",
    )
    what.add_argument("--sku", action="append", metavar="SKU", help="repeat or comma-separate")
    what.add_argument("--location", metavar="ID", help="dispatch location id")
    what.add_argument(
        "--shipment-type",
        action="append",
        metavar="TYPE",
        help="EXPRESS, NORMAL or SELF; repeat or comma-separate",
    )
    what.add_argument(
        "--hold",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="pre-dispatch only: shipments on hold (--hold) or not (--no-hold)",
    )
    for flag, noun in (
        ("order-date", "ordered"),
        ("dispatch-by", "due for dispatch"),
        ("dispatch-after", "dispatchable"),
        ("modified", "last modified"),
        ("cancelled", "cancelled"),
    ):
        what.add_argument(f"--{flag}-from", metavar="WHEN", help=f"{noun} at or after WHEN")
        what.add_argument(f"--{flag}-to", metavar="WHEN", help=f"{noun} at or before WHEN")
    what.add_argument(
        "--sort",
        metavar="FIELD",
        help="orderDate, dispatchAfterDate, dispatchByDate (server default) or modifiedDate",
    )
    what.add_argument("--sort-order", choices=("asc", "desc"), help="default: asc")

    paging = _add_paging_output(search, "shipments", csv_rows="one row per order item")
    paging.add_argument(
        "--page-size", type=_positive, metavar="N", help="shipments per page, 1 to 20 (default 20)"
    )


def _add_dispatch_day(commands: Any, common: _Parser) -> None:
    """``pack``, ``dispatch``, ``manifest`` and ``cancel``."""
    ids_help = "shipment ids, separated by commas or spaces"
    pack = commands.add_parser(
        "pack",
        parents=[common],
        help="generate labels and invoices (mark shipments PACKED)",
        description=(
            "Pack shipments (POST /v3/shipments/labels, 25 per request). --csv FILE gives one "
            "row per shipment with columns shipment_id, invoice_number, invoice_date, "
            "tax_rate, length, breadth, height, weight (cm, kg); blank cells fall back to "
            "the flags, then to what the shipment says (package size, orders, items). "
            "--auto packs the given ids, or every APPROVED shipment not on hold, with "
            "those defaults alone."
        ),
        epilog=_PARTIAL_HELP,
    )
    pack.set_defaults(handler="._pack:run")
    pack.add_argument("ids", nargs="*", metavar="IDS", help=ids_help + " (with --auto)")
    source = pack.add_mutually_exclusive_group()
    source.add_argument(
        "--csv", metavar="FILE", help="packing details, one row per shipment ('-': stdin)"
    )
    source.add_argument(
        "--auto", action="store_true", help="defaults from each shipment (needs --tax-rate)"
    )
    pack.add_argument(
        "--tax-rate", type=_percent, metavar="PERCENT", help="GST rate of every item, e.g. 18"
    )
    pack.add_argument(
        "--invoice-date",
        metavar="WHEN",
        help="YYYY-MM-DD (midnight IST) or an ISO date-time with offset (default: now)",
    )
    pack.add_argument("--location", metavar="ID", help="with --auto and no ids: only this location")

    dispatch = commands.add_parser(
        "dispatch",
        parents=[common],
        help="mark packed shipments ready to dispatch",
        description="Mark packed shipments ready to dispatch (POST /v3/shipments/dispatch, 25 "
        "per request, grouped by location): the given ids, or with --all every PACKED one.",
        epilog=_PARTIAL_HELP,
    )
    dispatch.set_defaults(handler="._dispatch:run_dispatch")
    dispatch.add_argument("ids", nargs="*", metavar="IDS", help=ids_help)
    dispatch.add_argument("--all", action="store_true", help="every PACKED shipment")
    dispatch.add_argument(
        "--location",
        metavar="ID",
        help="the dispatch location (ids are looked up for theirs otherwise; with --all: "
        "only this location)",
    )

    manifest = commands.add_parser(
        "manifest",
        parents=[common],
        help="download the manifest PDFs to hand to the couriers",
        description="For every location with shipments ready to dispatch (or each --location), "
        "ask the handover counts and save one manifest PDF per logistics partner as "
        "DIR/manifest-<location>-<vendor group>.pdf.",
    )
    manifest.set_defaults(handler="._manifest:run")
    manifest.add_argument("--out", required=True, metavar="DIR", help="folder for the PDFs")
    manifest.add_argument(
        "--location", action="append", metavar="ID", help="repeat or comma-separate"
    )
    manifest.add_argument("--vendor", metavar="CODE", help="only this vendor group")

    cancel = commands.add_parser(
        "cancel",
        parents=[common],
        help="cancel shipments (seller cancellation)",
        description="Cancel every active item of the given shipments (POST /v3/shipments/cancel, "
        "25 per request).",
        epilog=_PARTIAL_HELP,
    )
    cancel.set_defaults(handler="._dispatch:run_cancel")
    cancel.add_argument("ids", nargs="+", metavar="IDS", help=ids_help)
    cancel.add_argument(
        "--reason",
        required=True,
        help="Flipkart documents not_enough_inventory, cannot_procure_item and b2b_order",
    )


def _add_paging_output(command: Any, noun: str, *, csv_rows: str = "one row each") -> Any:
    """``--limit``, ``--max-pages``, ``--resume-from``, ``--format``, ``--progress``; the group."""
    paging = command.add_argument_group("paging and output")
    paging.add_argument("--limit", type=_non_negative, metavar="N", help=f"stop after N {noun}")
    paging.add_argument(
        "--max-pages", type=_non_negative, metavar="N", help="stop after N pages (requests)"
    )
    paging.add_argument(
        "--resume-from",
        metavar="CURSOR",
        help="continue an earlier export from the cursor it printed (filter flags not allowed)",
    )
    paging.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help=f"jsonl: one of the {noun} per line as Flipkart sent it (default); csv: "
        f"{csv_rows}; table: aligned columns for reading",
    )
    paging.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress on stderr (default: only when stderr is a terminal)",
    )
    return paging


def _add_returns(groups: Any, common: _Parser) -> None:
    returns = groups.add_parser("returns", help="search returns", parents=[common])
    commands = returns.add_subparsers(dest="command", required=True, metavar="COMMAND")
    search = commands.add_parser(
        "search",
        parents=[common],
        help="export returns matching a filter to stdout",
        description="Search returns (GET /v2/returns) and write every match to stdout, "
        "following the pages.",
        epilog="Dates: YYYY-MM-DD (a whole day in India Standard Time) or an ISO date-time "
        "with its offset.",
    )
    search.set_defaults(handler="._returns:run")
    what = search.add_argument_group("filter")
    what.add_argument(
        "--source",
        choices=("customer_return", "courier_return"),
        help="required (unless resuming): returned by the buyer, or back from the courier",
    )
    for flag, noun in (("created", "opened"), ("modified", "last modified")):
        what.add_argument(f"--{flag}-from", metavar="WHEN", help=f"{noun} at or after WHEN")
        what.add_argument(f"--{flag}-to", metavar="WHEN", help=f"{noun} at or before WHEN")
    what.add_argument("--location", metavar="ID", help="location id")
    _add_paging_output(search, "returns")


_LISTINGS_HELP = """stdout: one line per SKU, tab-separated: SKU, status (SUCCESS, FAILURE, WARNING,
NOT_APPLIED...), details. Exit code 0 when every SKU was updated, 5 when some were not
(each is listed), 2 for bad input (the file names its line and column), 1 for an API error.
"""


def _add_listings(groups: Any, common: _Parser) -> None:
    listings = groups.add_parser("listings", help="bulk stock and price updates", parents=[common])
    commands = listings.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, handler, columns, what in (
        (
            "update-inventory",
            "._listings:run_inventory",
            "sku, product_id, location, inventory (one row per SKU and location)",
            "stock",
        ),
        (
            "update-price",
            "._listings:run_price",
            "sku, product_id, mrp, selling_price and optionally currency (default INR)",
            "prices",
        ),
    ):
        command = commands.add_parser(
            name,
            parents=[common],
            help=f"set {what} from a CSV file",
            description=f"Set {what} from a CSV file with the columns {columns}. Calls carry "
            "at most 10 SKUs; every row is checked before anything is sent.",
            epilog=_LISTINGS_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.set_defaults(handler=handler)
        command.add_argument("file", metavar="FILE", help="the CSV file ('-': stdin)")
        command.add_argument(
            "--results", metavar="FILE", help="also write one row per SKU to this CSV file"
        )
        command.add_argument(
            "--concurrency",
            type=_positive,
            default=4,
            metavar="N",
            help="calls in flight at once (default: 4); a 429 pauses them all",
        )
        command.add_argument(
            "--dry-run", action="store_true", help="print the batches and send nothing"
        )


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    common = _global_options(top_level=False)
    parser = _Parser(
        prog="flipkart",
        description="Everyday Flipkart Seller API jobs: export shipments and returns, pack, "
        "download labels, dispatch, print manifests, update stock and prices, check the token, "
        "run a local emulator.",
        epilog=_ENVIRONMENT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_global_options(top_level=True)],
    )
    parser.add_argument("--version", action=_VersionAction)
    groups = parser.add_subparsers(title="commands", dest="group", required=True, metavar="COMMAND")

    shipments = groups.add_parser(
        "shipments", help="search, pack, labels, dispatch, manifest, cancel", parents=[common]
    )
    shipment_commands = shipments.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_search(shipment_commands, common)
    labels = shipment_commands.add_parser(
        "labels",
        parents=[common],
        help="download shipping label PDFs",
        description="Download the label PDFs of packed shipments, at most 100 shipments per "
        "file (labels-001.pdf, labels-002.pdf, ...).",
    )
    labels.set_defaults(handler="._labels:run")
    labels.add_argument(
        "ids", nargs="+", metavar="IDS", help="shipment ids, separated by commas or spaces"
    )
    labels.add_argument("--out", required=True, metavar="DIR", help="folder for the PDFs")
    _add_dispatch_day(shipment_commands, common)

    _add_returns(groups, common)
    _add_listings(groups, common)

    token = groups.add_parser("token", help="inspect the access token", parents=[common])
    token_commands = token.add_subparsers(dest="command", required=True, metavar="COMMAND")
    status = token_commands.add_parser(
        "status",
        parents=[common],
        help="environment, expiry and time left (never the token)",
        description="Show the environment and the expiry of the stored token, never the "
        "token itself. Without FLIPKART_TOKEN_FILE nothing is kept between commands; "
        "--fetch obtains a token now.",
    )
    status.set_defaults(handler="._token:run")
    status.add_argument(
        "--fetch",
        action="store_true",
        help="obtain a token first if none is stored or it is about to expire",
    )

    emulator = groups.add_parser(
        "emulator", help="a local emulator of Flipkart's sandbox", parents=[common]
    )
    emulator_commands = emulator.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = emulator_commands.add_parser(
        "serve",
        parents=[common],
        help="serve the emulator until Ctrl-C",
        description="Serve a local emulator of Flipkart's sandbox (OAuth included) and print "
        "the export lines (FLIPKART_* variables: URLs and test credentials) to paste into "
        "another shell.",
    )
    serve.set_defaults(handler="._emulator:run")
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    serve.add_argument(
        "--port", type=_port, default=8080, help="default: 8080; 0 picks a free port"
    )
    serve.add_argument(
        "--orders",
        type=_non_negative,
        default=0,
        metavar="N",
        help="approved test orders to create",
    )
    serve.add_argument(
        "--seed", type=_non_negative, default=0, help="fixes every generated id (default: 0)"
    )
    serve.add_argument(
        "--notify-url",
        metavar="URL",
        help="POST every order and return event to URL, signed as Flipkart signs",
    )
    serve.add_argument(
        "--env-file",
        metavar="PATH",
        help="also write the export lines to PATH (mode 0600), to load with '. PATH'",
    )
    return parser


def filter_type(option: str | None) -> str:
    """The API's filter type for a ``--type`` choice (pre-dispatch when omitted)."""
    return _FILTER_TYPES[option or "pre-dispatch"]


class _VersionAction(argparse.Action):
    """``--version``, looking the version up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS, help="show the version and exit")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from .._version import __version__

        print(f"flipkart {__version__}")
        parser.exit()
