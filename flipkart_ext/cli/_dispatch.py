"""``flipkart shipments dispatch`` and ``flipkart shipments cancel``: one result per shipment."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._client import client_from_env
from ._errors import BadInput
from ._parser import split_values
from ._results import report

__all__ = ["run_cancel", "run_dispatch"]


def _ids(args: argparse.Namespace) -> list[str]:
    return list(dict.fromkeys(split_values(args.ids) or []))


def run_dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Mark the given shipments (or, with ``--all``, every PACKED one) ready to dispatch."""
    from ..errors import InvalidItem
    from ..shipments import ShipmentFilter

    ids = _ids(args)
    if args.all and ids:
        raise BadInput("--all takes every PACKED shipment; drop the ids, or drop --all")
    if not args.all and not ids:
        raise BadInput("no shipment ids given (or --all for every PACKED shipment)")
    with client_from_env(args) as client:
        items: list[Any] = ids
        if args.all:
            packed = ShipmentFilter.pre_dispatch(states=["PACKED"], location_id=args.location)
            items = list(client.shipments.search(packed))
            if not items:
                print("No PACKED shipments to dispatch.", file=err)
                return 0
        try:
            results = client.shipments.mark_ready_to_dispatch(items, location_id=args.location)
        except InvalidItem as exc:
            raise BadInput(str(exc).replace("location_id", "--location")) from exc
    return report(results, out, err, done="marked ready to dispatch")


def run_cancel(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Cancel the given shipments, every active item of each."""
    from ..errors import InvalidItem

    ids = _ids(args)
    if not ids:
        raise BadInput("no shipment ids given")
    with client_from_env(args) as client:
        try:
            results = client.shipments.cancel(ids, reason=args.reason)
        except InvalidItem as exc:
            raise BadInput(str(exc).replace("cancel: reason", "--reason")) from exc
    return report(results, out, err, done="cancelled")
