"""``python -m flipkart_ext.demo``: the same as ``flipkart demo``, for an installed wheel.

A seller's dispatch day against the embedded emulator of Flipkart's sandbox: no account,
no credentials, no network (the ``testing`` extra is needed). The demo lives in
:mod:`flipkart_ext.cli`; its building blocks are re-exported here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .cli._demo import (
    DEFAULT_ORDERS,
    DEFAULT_OUT,
    MAX_SHIPMENTS_PER_ACTION,
    DailyJobReport,
    process_returns,
    run_daily_job,
    seed_orders,
)

__all__ = [
    "DEFAULT_ORDERS",
    "DEFAULT_OUT",
    "MAX_SHIPMENTS_PER_ACTION",
    "DailyJobReport",
    "main",
    "process_returns",
    "run_daily_job",
    "seed_orders",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``flipkart demo`` with ``argv`` (default: the process's arguments); the exit code."""
    from .cli import main as flipkart

    return flipkart(["demo", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    raise SystemExit(main())
