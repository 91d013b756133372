"""``flipkart shipments labels IDS --out DIR``: label PDFs of packed shipments."""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from ._client import client_from_env
from ._errors import BadInput
from ._parser import split_values
from ._text import plural

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Download the labels, at most 100 shipments per PDF, and list the files written."""
    ids = list(dict.fromkeys(split_values(args.ids) or []))
    if not ids:
        raise BadInput("IDS: no shipment ids given")
    with client_from_env(args) as client:
        saved = client.shipments.save_labels(ids, args.out)
    for document in saved:
        print(f"{document.path}\t{plural(len(document.shipment_ids), 'shipment')}", file=out)
    print(
        f"Labels for {plural(len(ids), 'shipment')} saved to {args.out.rstrip(os.sep)}{os.sep} "
        f"({plural(len(saved), 'PDF')})",
        file=err,
    )
    return 0
