"""``flipkart shipments labels IDS --out DIR``: label PDFs of packed shipments.

Flipkart has labels only for packed shipments and refuses the whole request otherwise.
When it does, the shipments are looked up: the labels of those that have one are still
saved, and the others are named on stderr (not packed yet, with the command that packs
them; in a state without labels; unknown to Flipkart), with exit 5 as for any partial
result.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

from ._args import split_values
from ._client import client_from_env
from ._errors import EXIT_OK, EXIT_PARTIAL, BadInput
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


@dataclass
class _Sorted:
    """The shipments of a refused labels request, by what can be done about them."""

    labelled: list[str] = field(default_factory=list)
    to_pack: dict[str, str] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def explain(self) -> str:
        """Why the shipments without a label have none, and what to run."""
        parts = []
        if self.to_pack:
            listed = ", ".join(f"{i} ({state})" for i, state in self.to_pack.items())
            command = ["flipkart", "shipments", "pack", "--auto", "--tax-rate", "RATE"]
            parts.append(
                f"not packed yet: {listed}; run first: {shlex.join([*command, *self.to_pack])}"
            )
        if self.other:
            parts.append(
                "cannot have labels: " + ", ".join(f"{i} ({s})" for i, s in self.other.items())
            )
        if self.unknown:
            parts.append(f"unknown to Flipkart: {', '.join(self.unknown)}")
        return "; ".join(parts)


def _sort(client: FlipkartClient, ids: list[str]) -> _Sorted:
    found = {s.shipment_id: s for s in client.shipments.get(shipment_ids=ids)}
    result = _Sorted()
    for shipment_id in ids:
        shipment = found.get(shipment_id)
        if shipment is None:
            result.unknown.append(shipment_id)
            continue
        states = _states(shipment)
        if states & _LABELLED:
            result.labelled.append(shipment_id)
            continue
        named = "/".join(sorted(states)) or "state unknown"
        (result.to_pack if states & _PACKABLE else result.other)[shipment_id] = named
    return result


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Download the labels, at most 100 shipments per PDF, and list the files written."""
    from .. import InvalidRequest

    ids = list(dict.fromkeys(split_values(args.ids) or []))
    if not ids:
        raise BadInput("IDS: no shipment ids given")
    missing = ""
    with client_from_env(args) as client:
        try:
            saved = client.shipments.save_labels(ids, args.out)
        except InvalidRequest:
            sorted_ids = _sort(client, ids)
            if len(sorted_ids.labelled) == len(ids):
                raise  # every one has a label: Flipkart refused for another reason
            missing = sorted_ids.explain()
            saved = (
                client.shipments.save_labels(sorted_ids.labelled, args.out)
                if sorted_ids.labelled
                else []
            )
    for document in saved:
        print(f"{document.path}\t{plural(len(document.shipment_ids), 'shipment')}", file=out)
    out.flush()
    labelled = sum(len(document.shipment_ids) for document in saved)
    if saved:
        print(
            f"Labels for {plural(labelled, 'shipment')} saved to "
            f"{args.out.rstrip(os.sep)}{os.sep} ({plural(len(saved), 'PDF')})",
            file=err,
        )
    if missing:
        print(
            f"flipkart: no labels for {len(ids) - labelled} of {plural(len(ids), 'shipment')}: "
            f"{missing}; exit {EXIT_PARTIAL}",
            file=err,
        )
        return EXIT_PARTIAL
    return EXIT_OK
