"""``flipkart shipments labels IDS --out DIR``: label PDFs of packed shipments.

Flipkart has labels only for packed shipments and refuses the whole request otherwise.
When it does, the shipments are looked up, and the error names the ones not packed yet
(and those it does not know) and the command that packs them.
"""

from __future__ import annotations

import argparse
import os
import shlex
from typing import TYPE_CHECKING, Any, TextIO

from ._client import client_from_env
from ._errors import BadInput, Refused
from ._parser import split_values
from ._text import plural

if TYPE_CHECKING:
    from .. import FlipkartClient

__all__ = ["run"]

# States that have a label (Flipkart keeps it after the shipment leaves).
_LABELLED = frozenset({"PACKED", "READY_TO_DISPATCH", "PICKUP_COMPLETE", "SHIPPED", "DELIVERED"})
# States that ``flipkart shipments pack`` moves on (a FORM_FAILED one needs its forms filed).
_PACKABLE = frozenset({"APPROVED", "PACKING_IN_PROGRESS"})


def _states(shipment: Any) -> set[str]:
    items = shipment.order_items if isinstance(shipment.order_items, list) else []
    return {
        str(getattr(item.status, "value", item.status))
        for item in items
        if item is not None and hasattr(item, "status")
    }


def _why_refused(client: FlipkartClient, ids: list[str]) -> Refused | None:
    """Which shipments cannot have labels and what to run, or None when all could."""
    found = {s.shipment_id: s for s in client.shipments.get(shipment_ids=ids)}
    to_pack: dict[str, str] = {}
    other: dict[str, str] = {}
    for shipment_id, shipment in found.items():
        states = _states(shipment)
        if states & _LABELLED:
            continue
        named = "/".join(sorted(states)) or "state unknown"
        (to_pack if states & _PACKABLE else other)[str(shipment_id)] = named
    unknown = [shipment_id for shipment_id in ids if shipment_id not in found]
    parts = []
    if to_pack:
        listed = ", ".join(f"{i} ({state})" for i, state in to_pack.items())
        command = ["flipkart", "shipments", "pack", "--auto", "--tax-rate", "RATE", *to_pack]
        parts.append(f"not packed yet: {listed}; run first: {shlex.join(command)}")
    if other:
        parts.append("cannot have labels: " + ", ".join(f"{i} ({s})" for i, s in other.items()))
    if unknown:
        parts.append(f"unknown to Flipkart: {', '.join(unknown)}")
    return Refused("no labels: " + "; ".join(parts)) if parts else None


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Download the labels, at most 100 shipments per PDF, and list the files written."""
    from ..errors import InvalidRequest

    ids = list(dict.fromkeys(split_values(args.ids) or []))
    if not ids:
        raise BadInput("IDS: no shipment ids given")
    with client_from_env(args) as client:
        try:
            saved = client.shipments.save_labels(ids, args.out)
        except InvalidRequest as refused:
            explained = _why_refused(client, ids)
            if explained is None:
                raise
            raise explained from refused
    for document in saved:
        print(f"{document.path}\t{plural(len(document.shipment_ids), 'shipment')}", file=out)
    print(
        f"Labels for {plural(len(ids), 'shipment')} saved to {args.out.rstrip(os.sep)}{os.sep} "
        f"({plural(len(saved), 'PDF')})",
        file=err,
    )
    return 0
