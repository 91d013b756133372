"""Run every benchmark and print one table: ``make bench`` (``python benchmarks/run.py``).

``--write-results`` also rewrites ``benchmarks/RESULTS.md`` with the machine, the date
and the command; without it nothing is written. ``--only NAME`` runs a subset. The exit
status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bulk_listings
import fleet
import import_time
import pagination
import per_call
import refresh_storm
import regeneration
import year

__all__ = ["BENCHMARKS", "machine", "main", "method", "table"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"

#: name -> (title, run function), in the order of the issue.
BENCHMARKS: dict[str, tuple[str, Callable[[], list[dict[str, Any]]]]] = {
    "per_call": ("Per-call overhead", per_call.run),
    "pagination": ("Pagination and async prefetch", pagination.run),
    "refresh_storm": ("Refresh storm", refresh_storm.run),
    "import_time": ("Import time", import_time.run),
    "regeneration": ("Regeneration", regeneration.run),
    "bulk_listings": ("Bulk stock update", bulk_listings.run),
    "fleet": ("Fleet over Redis", fleet.run),
    "year": ("A simulated year of token custody", year.run),
}
_NOT_A_TARGET = frozenset({"", "info", "report", "baseline"})
_COLUMNS = ("benchmark", "measured", "baseline", "ratio", "target", "ok")


def method() -> str:
    """How the figures are obtained, with the repetition counts actually used."""
    return (
        "Method: clients talk to servers on 127.0.0.1 in child processes (stdlib "
        "ThreadingHTTPServer, HTTP/1.1 keep-alive, TCP_NODELAY; the emulator for the refresh "
        "storm). Variants are interleaved (A,B,A,B...) and every figure is a median; every "
        "ratio divides by a baseline measured in the same run. Repetitions: per call "
        f"{per_call.ROUNDS} rounds x {per_call.CALLS} calls per variant; pagination "
        f"{pagination.REPETITIONS} runs per variant over {pagination.TOTAL_SHIPMENTS:,} "
        f"shipments; refresh storm {refresh_storm.ROUNDS} rounds of {refresh_storm.CONCURRENCY} "
        f"concurrent calls per burst; import time {import_time.PROCESSES} fresh interpreters "
        f"per series; regeneration {regeneration.RUNS} runs; bulk stock update one run each of "
        f"{bulk_listings.SKUS:,} SKUs at {bulk_listings.CONCURRENCY} and at 1 call at a time "
        f"({bulk_listings.LATENCY * 1e3:.0f} ms per call), each in a fresh process; fleet "
        f"{fleet.PROCESSES} processes x {fleet.SELLERS} sellers, {fleet.ROUNDS} race rounds and "
        f"{fleet.BUDGET_PROCESSES} processes sharing {fleet.RATE:g} req/s for {fleet.SECONDS:g} s, "
        "against a loopback redis-server, counted by the server; a simulated year of "
        f"{year.SELLERS} sellers x {year.WORKERS} workers per store ({', '.join(year.STORES)}), "
        "faults drawn from a fixed seed, token requests counted by the server."
    )


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def _cells(row: dict[str, Any]) -> tuple[str, ...]:
    """A row from any benchmark as the table's six columns."""
    value, unit = row["value"], row["unit"]
    ratio = row.get("ratio", value if unit == "x" else None)
    measured = row.get("measured") or ("" if unit == "x" else f"{_number(value)} {unit}")
    target = str(row["target"])
    verdict = "ok" if row["ok"] else "MISS"
    return (
        row["name"],
        measured,
        row.get("baseline", ""),
        "" if ratio is None else f"{ratio:.2f}x",
        target,
        "-" if target in _NOT_A_TARGET else verdict,
    )


def table(rows: Sequence[dict[str, Any]]) -> list[str]:
    """A Markdown table, padded so that it also reads well in a terminal."""
    cells = [_COLUMNS, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(_COLUMNS))]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    return [line(cells[0]), line(["-" * w for w in widths]), *(line(c) for c in cells[1:])]


def _failed(title: str, exc: Exception) -> dict[str, Any]:
    reason = str(exc).splitlines()[0] if str(exc) else ""
    return {
        "name": title,
        "value": 0,
        "unit": "-",
        "target": "runs",
        "ok": False,
        "measured": f"failed: {type(exc).__name__}: {reason}"[:120],
    }


def _cpu_model() -> str:
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """nproc, CPU model, Python and OS."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpus} CPUs ({_cpu_model()}), Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.platform()}"
    )


def _summary(rows: Sequence[dict[str, Any]], seconds: float) -> str:
    targets = [r for r in rows if str(r["target"]) not in _NOT_A_TARGET]
    missed = [r["name"] for r in targets if not r["ok"]]
    met = f"{len(targets) - len(missed)} of {len(targets)} targets met"
    return f"{met}{'; missed: ' + ', '.join(missed) if missed else ''}. Took {seconds:.0f} s."


def _results_md(
    rows: Sequence[dict[str, Any]], command: str, started: datetime, seconds: float
) -> str:
    return "\n".join(
        [
            "# Benchmark results",
            "",
            "Written by `benchmarks/run.py --write-results`; how each figure is measured, and what",
            "was found and fixed, is in [README.md](README.md).",
            "",
            f"- Date: {started:%Y-%m-%d %H:%M} UTC",
            f"- Command: `{command}`",
            f"- Machine: {machine()}",
            "",
            method(),
            "",
            *table(rows),
            "",
            _summary(rows, seconds),
            "",
        ]
    )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--write-results", action="store_true", help="rewrite benchmarks/RESULTS.md"
    )
    parser.add_argument(
        "--only", action="append", choices=list(BENCHMARKS), help="run only this benchmark"
    )
    args = parser.parse_args(argv)
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    for name in args.only or list(BENCHMARKS):
        title, bench = BENCHMARKS[name]
        print(f"running {title}...", file=sys.stderr, flush=True)
        try:
            rows += bench()
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            rows.append(_failed(title, exc))
    seconds = time.perf_counter() - started
    print(method())
    print(machine())
    print("\n".join(table(rows)))
    print(_summary(rows, seconds))
    if args.write_results:
        command = " ".join(["python benchmarks/run.py", *argv])
        RESULTS.write_text(_results_md(rows, command, started_at, seconds))
        print(f"wrote {RESULTS}")
    targets = [r for r in rows if str(r["target"]) not in _NOT_A_TARGET]
    return 0 if all(r["ok"] for r in targets) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
