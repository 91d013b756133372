"""What the benchmarks share: the row format and interleaved timing.

A row is ``{name, value, unit, target, ok}`` (the format ``pagination.py`` returns too),
optionally with ``measured`` / ``baseline`` (display strings) and ``ratio``, which
``run.py`` shows in their own columns.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["interleaved", "median", "row"]


def row(
    name: str,
    value: float,
    unit: str,
    target: str,
    ok: bool,
    *,
    measured: str | None = None,
    baseline: str | None = None,
    ratio: float | None = None,
) -> dict[str, Any]:
    """One line of the results table."""
    out: dict[str, Any] = {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "target": target,
        "ok": ok,
    }
    if measured is not None:
        out["measured"] = measured
    if baseline is not None:
        out["baseline"] = baseline
    if ratio is not None:
        out["ratio"] = round(ratio, 3)
    return out


def median(values: list[float]) -> float:
    """The median (a shorter name for the tables' one statistic)."""
    return statistics.median(values)


def interleaved(
    variants: Mapping[str, Callable[[], object]], *, rounds: int, calls: int
) -> dict[str, list[float]]:
    """Seconds per call of each variant, one figure per round.

    Each round runs every variant ``calls`` times in a row, rotating which goes first
    (A,B,C then B,C,A ...), so slow drift of the machine hits them all alike. A full
    collection before each batch keeps one variant's garbage off the next one's clock.
    """
    names = list(variants)
    per_call: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            fn = variants[name]
            gc.collect()
            start = time.perf_counter()
            for _ in range(calls):
                fn()
            per_call[name].append((time.perf_counter() - start) / calls)
    return per_call
