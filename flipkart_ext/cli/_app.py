"""The ``flipkart`` command tree: every command, option, help text and example.

Handlers are named as ``"module:function"`` strings and imported only when their command
runs, so ``--help``, completion and usage errors stay cheap (no httpx, no rich).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any, Final

import click

from ..returns import RETURN_SOURCES
from ..shipments import SORT_ORDERS
from ._errors import exit_code_table
from ._state import State, namespace

__all__ = ["EXAMPLE_HEADING", "FORMATS", "cli", "leaf_commands"]

FORMATS: Final = ("jsonl", "csv", "table")
EXAMPLE_HEADING: Final = "Example:"
_IDS_HELP: Final = "shipment ids, separated by commas or spaces"
_ENVIRONMENT: Final = """\
Credentials come from the environment (no option takes a secret):
  FLIPKART_CLIENT_ID, FLIPKART_CLIENT_SECRET   the application's id and secret
  FLIPKART_ENV                                 sandbox (default) or production
  FLIPKART_API_BASE_URL, FLIPKART_OAUTH_BASE_URL   other URLs, e.g. the emulator
  FLIPKART_TOKEN_FILE                          keep the token between commands
  FLIPKART_SELLER_ID, FLIPKART_REFRESH_TOKEN   for a third-party application"""
_RESULTS: Final = """\
stdout: one line per shipment, tab-separated: shipment id, status (SUCCESS,
FAILURE, NOT_APPLIED...), error code, message. Exit 5 when some did not go
through (each is listed)."""


def _epilog(*paragraphs: str, example: str) -> str:
    """Help text after the options; ``\\b`` keeps click from re-wrapping each paragraph."""
    blocks = [f"\b\n{text}" for text in paragraphs]
    blocks.append(f"\b\n{EXAMPLE_HEADING}\n  $ {example}")
    return "\n\n".join(blocks)


class _LazyChoice(click.Choice[str]):
    """A choice whose values come from the library, loaded only when a command needs them.

    Naming them at import time would load the client for ``--help`` and completion.
    """

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = True

    # click sets ``choices`` in __init__, which is not called: a property can stand in.
    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        if self._loaded is None:
            self._loaded = tuple(self._load())
        return self._loaded


class _Group(click.Group):
    """A command group that shows its help when called alone, and lists commands in order."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # (completion parses without args)
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


def _global_options(*, top_level: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--debug`` and ``--retries``, accepted before the command or after it."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        function = click.option(
            "--retries",
            type=click.IntRange(min=0),
            default=None,
            metavar="N",
            help="Retries of a failed call that is safe to repeat (default: 3; 0 disables).",
        )(function)
        return click.option(
            "--debug",
            is_flag=True,
            default=False,
            help="Show tracebacks and the library's debug log (secrets redacted) on stderr.",
        )(function)

    return decorate


def _run(ctx: click.Context, handler: str) -> int:
    """Import the handler (``"._module:function"``) and run it with the command's values.

    Any failure becomes one line on stderr and its exit code (the traceback too with
    ``--debug``); the library's log goes to stderr only with ``--debug``.
    """
    import contextlib

    from ._debug import debug_logging, quiet_logging, warnings_as_lines
    from ._errors import report_failure

    state = ctx.find_object(State)
    assert state is not None  # main() always passes one
    args = namespace(ctx)
    with contextlib.ExitStack() as stack:
        stack.enter_context(debug_logging(state.err) if args.debug else quiet_logging())
        stack.enter_context(warnings_as_lines(state.err))
        try:
            module_name, _, function_name = handler.partition(":")
            function = getattr(import_module(module_name, __package__), function_name)
            code: int = function(args, state.out, state.err)
            state.out.flush()
            return code
        except BaseException as exc:
            return report_failure(exc, state.out, state.err, debug=args.debug)


def _leaf(
    group: click.Group,
    name: str,
    handler: str,
    *,
    summary: str,
    description: str,
    example: str,
    notes: Sequence[str] = (),
) -> Callable[[Callable[..., Any]], click.Command]:
    """Declare one command: options come from the decorated function's decorators."""

    def decorate(function: Callable[..., Any]) -> click.Command:
        def callback(**_: Any) -> int:
            return _run(click.get_current_context(), handler)

        callback.__click_params__ = getattr(function, "__click_params__", [])  # type: ignore[attr-defined]
        callback = _global_options(top_level=False)(callback)
        command = click.command(
            name,
            help=description,
            short_help=summary,
            epilog=_epilog(*notes, example=example),
        )(callback)
        group.add_command(command)
        return command

    return decorate


def _paging_options(noun: str, *, csv_rows: str) -> Callable[[Callable[..., Any]], Any]:
    def decorate(function: Callable[..., Any]) -> Any:
        for option in reversed(
            [
                click.option(
                    "--limit", type=click.IntRange(min=0), metavar="N", help=f"Stop after N {noun}."
                ),
                click.option(
                    "--max-pages",
                    type=click.IntRange(min=0),
                    metavar="N",
                    help="Stop after N pages (requests).",
                ),
                click.option(
                    "--resume-from",
                    metavar="CURSOR",
                    help="Continue an earlier export from the cursor it printed.",
                ),
                click.option(
                    "--format",
                    type=click.Choice(FORMATS),
                    default="jsonl",
                    show_default=True,
                    help=f"jsonl: one of the {noun} per line as Flipkart sent it; csv: "
                    f"{csv_rows}; table: aligned columns for reading.",
                ),
                click.option(
                    "--progress/--no-progress",
                    default=None,
                    help="Progress on stderr (default: only when stderr is a terminal).",
                ),
            ]
        ):
            function = option(function)
        return function

    return decorate


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=_epilog(
        _ENVIRONMENT,
        "Exit codes (the same for every command):\n" + exit_code_table(),
        'Shell completion: eval "$(flipkart completion bash)" (or zsh, fish).',
        example="flipkart shipments search --state APPROVED --format table",
    ),
)
@_global_options(top_level=True)
@click.version_option(
    None, "--version", package_name="flipkart-seller", message="flipkart %(version)s"
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, retries: int | None) -> None:
    """Everyday Flipkart Seller API jobs from a shell: export shipments, returns and
    listings, pack, download labels, dispatch, print manifests, cancel, update stock
    and prices, check the token, and run a local emulator of Flipkart's sandbox."""
    state = ctx.ensure_object(State)
    state.debug = debug
    state.retries = retries
    if debug:
        state.root_flags.append("--debug")
    if retries is not None:
        state.root_flags += ["--retries", str(retries)]


# -- shipments -----------------------------------------------------------------------------


@cli.group(cls=_Group)
def shipments() -> None:
    """Search, labels, pack, dispatch, manifest, cancel."""


_DATE_NOTE = (
    "Dates: YYYY-MM-DD (a whole day in India Standard Time, +05:30) or an ISO\n"
    "date-time with its offset, e.g. 2024-05-01T09:00+05:30."
)


def _range_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for flag, noun in reversed(
        (
            ("order-date", "ordered"),
            ("dispatch-by", "due for dispatch"),
            ("dispatch-after", "dispatchable"),
            ("modified", "last modified"),
            ("cancelled", "cancelled"),
        )
    ):
        function = click.option(
            f"--{flag}-to", metavar="WHEN", help=f"{noun.capitalize()} at or before WHEN."
        )(function)
        function = click.option(
            f"--{flag}-from", metavar="WHEN", help=f"{noun.capitalize()} at or after WHEN."
        )(function)
    return function


@_leaf(
    shipments,
    "search",
    "._search:run",
    summary="Export shipments matching a filter to stdout.",
    description="Search shipments (POST /v3/shipments/filter) and write every match to "
    "stdout, following the pages. An export that stops early (--limit, --max-pages, an "
    "error, Ctrl-C) prints the command that continues it.",
    notes=(_DATE_NOTE,),
    example="flipkart shipments search --state APPROVED --format csv > approved.csv",
)
@click.option(
    "--type",
    "type",
    type=click.Choice(("pre-dispatch", "post-dispatch", "cancelled")),
    help="Not yet dispatched (default), already dispatched, or cancelled.",
)
@click.option(
    "--state",
    multiple=True,
    metavar="STATE",
    help="APPROVED, PACKED, READY_TO_DISPATCH...; with --type post-dispatch SHIPPED, "
    "DELIVERED, PICKUP_COMPLETE. Repeat or comma-separate.",
)
@click.option(
    "--cancellation-type",
    metavar="TYPE",
    help="With --type cancelled: sellerCancellation, buyerCancellation or marketplaceCancellation.",
)
@click.option("--sku", multiple=True, metavar="SKU", help="Repeat or comma-separate.")
@click.option("--location", metavar="ID", help="Dispatch location id.")
@click.option(
    "--shipment-type",
    multiple=True,
    metavar="TYPE",
    help="EXPRESS, NORMAL or SELF; repeat or comma-separate.",
)
@click.option(
    "--hold/--no-hold",
    default=None,
    help="Pre-dispatch only: shipments on hold, or not on hold.",
)
@_range_options
@click.option(
    "--sort",
    metavar="FIELD",
    help="orderDate, dispatchAfterDate, dispatchByDate (server default) or modifiedDate.",
)
@click.option("--sort-order", type=click.Choice(SORT_ORDERS), help="Default: asc.")
@click.option(
    "--page-size", type=click.IntRange(min=1), metavar="N", help="Shipments per page, 1 to 20."
)
@_paging_options("shipments", csv_rows="one row per order item")
def _shipments_search() -> None: ...


@_leaf(
    shipments,
    "labels",
    "._labels:run",
    summary="Download shipping label PDFs.",
    description="Download the label PDFs of packed shipments, at most 100 shipments per "
    "file (labels-001.pdf, labels-002.pdf, ...). Shipments that have no label yet are "
    "named, with the command that packs them (exit 5); the others still get theirs.",
    example="flipkart shipments labels SH-1,SH-2 --out labels/",
)
@click.argument("ids", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR", help="Folder for the PDFs.")
def _shipments_labels() -> None: ...


@_leaf(
    shipments,
    "pack",
    "._pack:run",
    summary="Generate labels and invoices (mark shipments PACKED).",
    description="Pack shipments (POST /v3/shipments/labels, 25 per request). --csv FILE "
    "gives one row per shipment with the columns shipment_id, invoice_number, "
    "invoice_date, tax_rate, length, breadth, height, weight (cm, kg); blank cells fall "
    "back to the options, then to what the shipment says. --auto packs the given ids, or "
    "every APPROVED shipment not on hold, with those defaults alone.",
    notes=(_RESULTS,),
    example="flipkart shipments pack --auto --tax-rate 18 --dry-run",
)
@click.argument("ids", nargs=-1)
@click.option("--csv", "csv_file", metavar="FILE", help="Packing details ('-': stdin).")
@click.option("--auto", is_flag=True, help="Defaults from each shipment (needs --tax-rate).")
@click.option(
    "--tax-rate",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="GST rate of every item, e.g. 18.",
)
@click.option(
    "--invoice-date",
    metavar="WHEN",
    help="YYYY-MM-DD (midnight IST) or an ISO date-time with offset (default: now).",
)
@click.option("--location", metavar="ID", help="With --auto and no ids: only this location.")
@click.option(
    "--dry-run", is_flag=True, help="Check everything and show what would be sent; send nothing."
)
def _shipments_pack() -> None: ...


@_leaf(
    shipments,
    "dispatch",
    "._dispatch:run_dispatch",
    summary="Mark packed shipments ready to dispatch.",
    description="Mark packed shipments ready to dispatch (POST /v3/shipments/dispatch, 25 "
    "per request, grouped by location): the given ids, or with --all every PACKED one.",
    notes=(_RESULTS,),
    example="flipkart shipments dispatch --all --location LOC1",
)
@click.argument("ids", nargs=-1)
@click.option("--all", "all_packed", is_flag=True, help="Every PACKED shipment.")
@click.option(
    "--location",
    metavar="ID",
    help="With --all: only this location; with ids: their location (saves a look-up).",
)
@click.option(
    "--dry-run", is_flag=True, help="Check everything and show what would be sent; send nothing."
)
def _shipments_dispatch() -> None: ...


@_leaf(
    shipments,
    "manifest",
    "._manifest:run",
    summary="Download the manifest PDFs to hand to the couriers.",
    description="For every location with shipments ready to dispatch (or each --location), "
    "ask the handover counts and save one manifest PDF per logistics partner as "
    "DIR/manifest-<location>-<vendor group>.pdf.",
    example="flipkart shipments manifest --out manifests/",
)
@click.option("--out", required=True, metavar="DIR", help="Folder for the PDFs.")
@click.option("--location", multiple=True, metavar="ID", help="Repeat or comma-separate.")
@click.option("--vendor", metavar="CODE", help="Only this vendor group.")
def _shipments_manifest() -> None: ...


def _cancellation_reasons() -> tuple[str, ...]:
    from ..shipments import CANCELLATION_REASONS

    return tuple(CANCELLATION_REASONS)


@_leaf(
    shipments,
    "cancel",
    "._dispatch:run_cancel",
    summary="Cancel shipments (seller cancellation).",
    description="Cancel every active item of the given shipments (POST "
    "/v3/shipments/cancel, 25 per request). On a terminal it asks first; --yes does not.",
    notes=(_RESULTS,),
    example="flipkart shipments cancel SH-1 --reason not_enough_inventory --dry-run",
)
@click.argument("ids", nargs=-1, required=True)
@click.option(
    "--reason",
    required=True,
    type=_LazyChoice(_cancellation_reasons),
    help="The reasons Flipkart documents.",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option(
    "--dry-run", is_flag=True, help="Check everything and show what would be sent; send nothing."
)
def _shipments_cancel() -> None: ...


# -- returns -------------------------------------------------------------------------------


@cli.group(cls=_Group)
def returns() -> None:
    """Search returns."""


@_leaf(
    returns,
    "search",
    "._returns:run",
    summary="Export returns matching a filter to stdout.",
    description="Search returns (GET /v2/returns) and write every match to stdout, "
    "following the pages.",
    notes=(_DATE_NOTE,),
    example="flipkart returns search --source customer_return --format table",
)
@click.option(
    "--source",
    type=click.Choice(RETURN_SOURCES),
    help="Required (unless resuming): returned by the buyer, or back from the courier.",
)
@click.option("--created-from", metavar="WHEN", help="Opened at or after WHEN.")
@click.option("--created-to", metavar="WHEN", help="Opened at or before WHEN.")
@click.option("--modified-from", metavar="WHEN", help="Last modified at or after WHEN.")
@click.option("--modified-to", metavar="WHEN", help="Last modified at or before WHEN.")
@click.option("--location", metavar="ID", help="Location id.")
@_paging_options("returns", csv_rows="one row each")
def _returns_search() -> None: ...


# -- listings ------------------------------------------------------------------------------


@cli.group(cls=_Group)
def listings() -> None:
    """Read listings; bulk stock and price updates."""


_LISTING_COLUMNS = (
    "csv: one row per SKU and location with the columns sku, product_id, location,\n"
    "inventory (what update-inventory reads) and mrp, selling_price, currency,\n"
    "listing_status (what update-price reads): edit the file and feed it back."
)


@_leaf(
    listings,
    "get",
    "._listings:run_get",
    summary="Write the listings of the given SKUs.",
    description="Look the SKUs up (GET /listings/v3/{skuIds}, 10 per call). SKUs Flipkart "
    "does not list are named on stderr (exit 5).",
    notes=(_LISTING_COLUMNS,),
    example="flipkart listings get SKU-1,SKU-2 --format csv > stock.csv",
)
@click.argument("skus", nargs=-1, required=True)
@click.option(
    "--format",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: each listing as Flipkart sent it, with its sku; csv; table.",
)
def _listings_get() -> None: ...


@_leaf(
    listings,
    "search",
    "._listings:run_search",
    summary="Write every listing (or those of one status).",
    description="Walk the listing search (POST /listings/v3/search) and look up each "
    "page's listings for their stock and prices.",
    notes=(_LISTING_COLUMNS,),
    example="flipkart listings search --status ACTIVE --format csv > stock.csv",
)
@click.option(
    "--status", type=click.Choice(("ACTIVE", "INACTIVE")), help="Only listings of this status."
)
@_paging_options("listings", csv_rows="one row per SKU and location")
def _listings_search() -> None: ...


_UPDATE_RESULTS = (
    "stdout: one line per SKU, tab-separated: SKU, status (SUCCESS, FAILURE,\n"
    "WARNING, NOT_APPLIED...), reason. Exit 5 when some SKUs were not updated.\n"
    "The file must be UTF-8 (Excel: CSV UTF-8); a bad row names its line and column."
)


def _update_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.argument("file"),
            click.option(
                "--results", metavar="FILE", help="Also write one row per SKU to this CSV file."
            ),
            click.option(
                "--concurrency",
                type=click.IntRange(min=1),
                default=4,
                show_default=True,
                metavar="N",
                help="Calls in flight at once; a 429 pauses them all.",
            ),
            click.option(
                "--dry-run",
                is_flag=True,
                help="Check everything and show what would be sent; send nothing.",
            ),
        ]
    ):
        function = option(function)
    return function


@_leaf(
    listings,
    "update-inventory",
    "._listings:run_inventory",
    summary="Set stock from a CSV file.",
    description="Set stock from a CSV file ('-': stdin) with the columns sku, product_id, "
    "location, inventory: one row per SKU and location. Calls carry at most 10 SKUs; "
    "every row is checked before anything is sent.",
    notes=(_UPDATE_RESULTS,),
    example="flipkart listings update-inventory stock.csv --results results.csv",
)
@_update_options
def _listings_inventory() -> None: ...


@_leaf(
    listings,
    "update-price",
    "._listings:run_price",
    summary="Set prices from a CSV file.",
    description="Set prices from a CSV file ('-': stdin) with the columns sku, product_id, "
    "mrp, selling_price and optionally currency (default INR). A SKU may repeat on "
    "several rows (one per location) when its prices agree.",
    notes=(_UPDATE_RESULTS,),
    example="flipkart listings update-price prices.csv --dry-run",
)
@_update_options
def _listings_price() -> None: ...


# -- token ---------------------------------------------------------------------------------


@cli.group(cls=_Group)
def token() -> None:
    """Inspect the access token."""


@_leaf(
    token,
    "status",
    "._token:run",
    summary="Environment, expiry and time left (never the token).",
    description="Show the environment and the expiry of the stored token, never the token "
    "itself. Without FLIPKART_TOKEN_FILE nothing is kept between commands; --fetch "
    "obtains a token now.",
    example="flipkart token status --fetch",
)
@click.option(
    "--fetch", is_flag=True, help="Obtain a token first if none is stored or it is expiring."
)
def _token_status() -> None: ...


# -- emulator ------------------------------------------------------------------------------


@cli.group(cls=_Group)
def emulator() -> None:
    """A local emulator of Flipkart's sandbox (needs the 'testing' extra)."""


@_leaf(
    emulator,
    "serve",
    "._emulator:run_serve",
    summary="Serve the emulator until Ctrl-C.",
    description="Serve a local emulator of Flipkart's sandbox (OAuth included) and print the "
    "export lines (FLIPKART_* variables: URLs and test credentials) to paste into another "
    "shell. GET /_emulator/ on it lists the control endpoints.",
    example="flipkart emulator serve --orders 20 --returns 3 --listings 5",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="0 picks a free port.",
)
@click.option(
    "--orders", type=click.IntRange(min=0), default=0, metavar="N", help="Approved test orders."
)
@click.option(
    "--returns",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Customer returns of delivered orders.",
)
@click.option(
    "--listings",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Listings added to the catalog.",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Fixes every generated id.",
)
@click.option(
    "--notify-url",
    metavar="URL",
    help="POST every order and return event to URL, signed as Flipkart signs.",
)
@click.option(
    "--env-file",
    metavar="PATH",
    help="Also write the export lines to PATH (mode 0600), to load with '. PATH'.",
)
def _emulator_serve() -> None: ...


def _event_types() -> tuple[str, ...]:
    from ..testing import EVENT_TYPES

    return tuple(EVENT_TYPES)


@_leaf(
    emulator,
    "trigger",
    "._emulator:run_trigger",
    summary="Send one signed notification of any documented event.",
    description="POST one notification (webhook) of EVENT to URL, built as the emulator "
    "builds them and signed as Flipkart signs: with FLIPKART_CLIENT_ID and "
    "FLIPKART_CLIENT_SECRET when set, else with the emulator's test credentials. "
    "Prints the body sent and the receiver's answer.",
    example="flipkart emulator trigger shipment_packed --to http://127.0.0.1:8000/flipkart/notify",
)
@click.argument("event", type=_LazyChoice(_event_types))
@click.option("--to", "url", required=True, metavar="URL", help="The receiver's URL.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True, help="Fixes ids.")
def _emulator_trigger() -> None: ...


# -- completion, demo ----------------------------------------------------------------------


@_leaf(
    cli,
    "completion",
    "._completion:run",
    summary="Print the shell completion script.",
    description="Print the script that completes flipkart's commands and options in SHELL. "
    "Load it in your shell's start-up file.",
    notes=('bash: eval "$(flipkart completion bash)" in ~/.bashrc',),
    example='eval "$(flipkart completion bash)"',
)
@click.argument("shell", type=click.Choice(("bash", "zsh", "fish")))
def _completion() -> None: ...


@_leaf(
    cli,
    "demo",
    "._demo:run",
    summary="Run a seller's dispatch day against a local emulator (no account needed).",
    description="Search, pack, print labels, hand over to the couriers, process a return "
    "and receive Flipkart's signed notifications, against an embedded emulator of "
    "Flipkart's sandbox. Needs the 'testing' extra; ignores FLIPKART_* variables.",
    example="flipkart demo --orders 10 --out demo-labels",
)
@click.option(
    "--out",
    default="flipkart-labels",
    show_default=True,
    metavar="DIR",
    help="Folder for the label and manifest PDFs.",
)
@click.option(
    "--orders",
    type=click.IntRange(min=1),
    default=45,
    show_default=True,
    metavar="N",
    help="Orders waiting to be packed.",
)
def _demo() -> None: ...


def leaf_commands(
    group: click.Group = cli, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every runnable command with its path under ``flipkart`` (for tests and docs)."""
    found = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += leaf_commands(command, (*path, name))
        else:
            found.append(((*path, name), command))
    return found
