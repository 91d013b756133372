"""``flipkart shipments dispatch`` and ``flipkart shipments cancel``: one result per shipment.

Both take ``--dry-run``: every check and look-up of the real run, and the bodies it would
send, with nothing changed. Cancel asks for confirmation when stdin is a terminal
(``--yes`` does not), since a cancellation cannot be undone.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any, TextIO

from ._args import split_values
from ._client import DryRun, client_from_env
from ._errors import BadInput, Declined
from ._results import Bulk, every_shipment
from ._text import plural

__all__ = ["run_cancel", "run_dispatch"]


def _ids(args: SimpleNamespace) -> list[str]:
    return list(dict.fromkeys(split_values(args.ids) or []))


def run_dispatch(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Mark the given shipments (or, with ``--all``, every PACKED one) ready to dispatch."""
    from ..shipments import ShipmentFilter

    ids = _ids(args)
    if args.all_packed and ids:
        raise BadInput("--all takes every PACKED shipment; drop the ids, or drop --all")
    if not args.all_packed and not ids:
        raise BadInput("no shipment ids given (or --all for every PACKED shipment)")
    bulk = Bulk(out, err, DryRun() if args.dry_run else None)
    with client_from_env(args, dry_run=bulk.dry_run) as client:
        items: list[Any] = ids
        if args.all_packed:
            packed = ShipmentFilter.pre_dispatch(states=["PACKED"], location_id=args.location)
            items = every_shipment(client, packed, err, none="No PACKED shipments to dispatch.")
            if not items:
                return 0
        return bulk.run(
            lambda: client.shipments.mark_ready_to_dispatch(items, location_id=args.location),
            items=len(items),
            done="marked ready to dispatch",
            rename=lambda message: message.replace("location_id", "--location"),
        )


def _confirm(ids: list[str], reason: str, err: TextIO) -> None:
    """Ask on a terminal; anything but yes declines (exit 130, nothing sent)."""
    if not sys.stdin.isatty():
        return
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    err.write(
        f"Cancel {plural(len(ids), 'shipment')} ({shown}) for {reason}? "
        "This cannot be undone. [y/N] "
    )
    err.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise Declined("nothing cancelled (answer y to cancel, or pass --yes)")


def run_cancel(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Cancel the given shipments, every active item of each."""

    ids = _ids(args)
    if not ids:
        raise BadInput("IDS: no shipment ids given")
    bulk = Bulk(out, err, DryRun() if args.dry_run else None)
    with client_from_env(args, dry_run=bulk.dry_run) as client:
        if bulk.dry_run is None and not args.yes:
            _confirm(ids, args.reason, err)
        return bulk.run(
            lambda: client.shipments.cancel(ids, reason=args.reason),
            items=len(ids),
            done="cancelled",
            rename=lambda message: message.replace("cancel: reason", "--reason"),
        )
