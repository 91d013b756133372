"""``flipkart shipments manifest --out DIR``: one manifest PDF per courier and location.

The locations are ``--location`` (repeatable), or those of the READY_TO_DISPATCH
shipments. For each, the handover counts name the logistics partners (vendor groups)
with shipments waiting; each gets ``manifest-<location>-<vendor group>.pdf``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import TextIO

from ._args import split_values
from ._client import client_from_env
from ._text import plural

__all__ = ["file_name", "run"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(location_id: str, vendor_group_code: str) -> str:
    """``manifest-<location>-<vendor>.pdf``, with anything but letters, digits, ``.-_`` as ``-``."""
    parts = (_UNSAFE.sub("-", part).strip("-.") or "x" for part in (location_id, vendor_group_code))
    return "manifest-{}-{}.pdf".format(*parts)


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Write the manifests and list them: path, vendor group, location, shipments."""
    from ..shipments import ShipmentFilter

    folder = Path(args.out)
    with client_from_env(args) as client:
        locations = list(dict.fromkeys(split_values(args.location) or []))
        if not locations:
            ready = ShipmentFilter.pre_dispatch(states=["READY_TO_DISPATCH"])
            found = (s.location_id for s in client.shipments.search(ready))
            locations = list(dict.fromkeys(x for x in found if isinstance(x, str) and x))
        written = 0
        for location in locations:
            for group in client.shipments.handover_counts(location):
                vendor = group.vendor_group_code
                if not isinstance(vendor, str) or not vendor:
                    continue
                if args.vendor is not None and vendor != args.vendor:
                    continue
                if written == 0:
                    folder.mkdir(parents=True, exist_ok=True)
                path = client.shipments.manifest(
                    vendor, location_id=location, out=folder / file_name(location, vendor)
                )
                count = group.count if isinstance(group.count, int) else 0
                print(f"{path}\t{vendor}\t{location}\t{plural(count, 'shipment')}", file=out)
                written += 1
    if written == 0:
        what = f" for vendor group {args.vendor}" if args.vendor else ""
        print(f"Nothing is ready to dispatch{what}: no manifest printed.", file=err)
        return 0
    print(f"{plural(written, 'manifest')} saved to {str(folder).rstrip(os.sep)}{os.sep}", file=err)
    return 0
