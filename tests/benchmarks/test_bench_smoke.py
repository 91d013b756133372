"""Every benchmark runs end to end at toy sizes and returns rows the table can show.

Timings are never asserted (speed is proven by ``make bench``, not by tests); counts are:
a refresh storm makes exactly one token request, the regeneration leaves the tree alone.
"""

from __future__ import annotations

import importlib
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
ROW_KEYS = {"name", "value", "unit", "target", "ok"}
OPTIONAL_KEYS = {"measured", "baseline", "ratio"}


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Import a benchmark module the way ``benchmarks/run.py`` does (its folder on sys.path)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))

    def load(name: str) -> ModuleType:
        return importlib.import_module(name)

    return load


def assert_well_formed(rows: list[dict[str, Any]]) -> None:
    assert rows
    for row in rows:
        assert ROW_KEYS <= set(row) <= ROW_KEYS | OPTIONAL_KEYS, row
        assert isinstance(row["name"], str) and row["name"]
        assert isinstance(row["value"], int | float) and math.isfinite(row["value"])
        assert isinstance(row["unit"], str) and row["unit"]
        assert isinstance(row["target"], str)
        assert isinstance(row["ok"], bool)
        for key in ("measured", "baseline"):
            assert isinstance(row.get(key, ""), str)
        if "ratio" in row:
            assert row["ratio"] > 0


def assert_renders(bench: Any, rows: list[dict[str, Any]]) -> list[str]:
    lines = bench("run").table(rows)
    assert len(lines) == len(rows) + 2
    assert all(line.count("|") == 7 for line in lines)  # six columns, no stray pipes
    return lines


def test_per_call(bench: Any) -> None:
    rows = bench("per_call").run(rounds=2, calls=5)
    assert_well_formed(rows)
    assert [r["target"] for r in rows] == ["<= 1.15x", "<= 1.15x", "info"]
    assert all(r["unit"] == "us" and r["value"] > 0 for r in rows)
    assert_renders(bench, rows)


def test_refresh_storm_makes_one_token_request_per_storm(bench: Any) -> None:
    rows = bench("refresh_storm").run(concurrency=6, rounds=2)
    assert_well_formed(rows)
    assert len(rows) == 4  # threads and tasks, each expired on the client clock and by a 401
    assert sum("threads" in r["name"] for r in rows) == 2
    assert sum("tasks" in r["name"] for r in rows) == 2
    for row in rows:
        assert row["unit"] == "token requests"
        assert row["value"] == 1, row
        assert row["ok"] is True
        assert "in each of 2" in row["measured"]
    assert_renders(bench, rows)


def test_import_time(bench: Any) -> None:
    rows = bench("import_time").run(processes=1)
    assert_well_formed(rows)
    assert [r["target"] for r in rows] == ["<= 1.1x httpx", "info", "info", "info"]
    # The target is a ratio to httpx measured in the same run, and decides the row.
    first = rows[0]
    assert first["ok"] is (first["ratio"] <= 1.1)
    assert all(r["unit"] == "ms" and r["value"] > 0 for r in rows)
    assert_renders(bench, rows)


def test_import_time_parses_importtime_output(bench: Any) -> None:
    import_time = bench("import_time")
    times = import_time.import_times("import json", {})
    self_ms, cumulative_ms = times["json"]
    assert 0 <= self_ms <= cumulative_ms
    assert "json.decoder" in times


def test_plain_import_leaves_asyncio_unloaded() -> None:
    """Sync-only programs must not pay for asyncio (it was loaded through shipments)."""
    code = "import sys, flipkart_ext; print(sorted(m for m in ('asyncio', 'flipkart_seller_api') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_regeneration_leaves_the_tree_alone(bench: Any) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        codegen = importlib.import_module("codegen")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    before = codegen.tree_files(ROOT / "generated"), codegen.tree_files(ROOT / "openapi")
    rows = bench("regeneration").run(runs=1, large=False)  # the large document runs under soak
    assert_well_formed(rows)
    assert len(rows) == 1 and rows[0]["unit"] == "s" and rows[0]["value"] > 0
    assert (codegen.tree_files(ROOT / "generated"), codegen.tree_files(ROOT / "openapi")) == before
    assert_renders(bench, rows)


def test_pagination_rows_fit_the_table(bench: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pagination = bench("pagination")
    monkeypatch.setattr(pagination, "TOTAL_SHIPMENTS", 200)
    monkeypatch.setattr(pagination, "REPETITIONS", 1)
    monkeypatch.setattr(pagination, "PREFETCH_PAGES", 2)
    rows = pagination.run()
    assert_well_formed(rows)
    lines = assert_renders(bench, rows)
    assert any(">= 0.9" in line for line in lines)


def _fake_rows(ok: bool) -> list[dict[str, Any]]:
    measure = importlib.import_module("_measure")
    return [
        measure.row("fake ratio", 1.5, "us", "<= 1.15x", ok, baseline="1 us", ratio=1.5),
        pagination_style := {
            "name": "fake pages",
            "value": 0.95,
            "unit": "x",
            "target": ">= 0.9",
            "ok": True,
        },
        {**pagination_style, "name": "fake info", "target": "info"},
    ]


@pytest.mark.parametrize("ok", [True, False])
def test_run_prints_one_table_and_writes_only_when_asked(
    bench: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    ok: bool,
) -> None:
    run = bench("run")
    results = tmp_path / "RESULTS.md"
    monkeypatch.setattr(run, "RESULTS", results)
    monkeypatch.setattr(run, "BENCHMARKS", {"fake": ("Fake", lambda: _fake_rows(ok))})

    assert run.main([]) == (0 if ok else 1)
    out = capsys.readouterr().out
    assert not results.exists()
    assert out.count("| benchmark") == 1
    assert "Method:" in out
    fake = next(line for line in out.splitlines() if line.startswith("| fake ratio"))
    assert fake.split("|")[4].strip() == "1.50x"
    assert fake.split("|")[6].strip() == ("ok" if ok else "MISS")
    info = next(line for line in out.splitlines() if line.startswith("| fake info"))
    assert info.split("|")[6].strip() == "-"

    assert run.main(["--write-results"]) == (0 if ok else 1)
    written = results.read_text()
    assert "Command: `python benchmarks/run.py --write-results`" in written
    assert "Machine: " in written and "CPUs" in written and "Python 3." in written
    assert "| fake pages" in written
    assert ("1 of 2 targets met; missed: fake ratio" in written) is (not ok)


def test_a_failing_benchmark_becomes_a_missed_row(
    bench: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = bench("run")

    def broken() -> list[dict[str, Any]]:
        raise RuntimeError("converter missing\nsecond line")

    monkeypatch.setattr(
        run,
        "BENCHMARKS",
        {"broken": ("Broken", broken), "fine": ("Fine", lambda: _fake_rows(True))},
    )
    assert run.main([]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("| Broken"))
    assert "failed: RuntimeError: converter missing" in line and "second line" not in line
    assert line.split("|")[6].strip() == "MISS"
    assert "| fake ratio" in out  # the other benchmarks still report


def test_bulk_stock_update_counts_one_result_per_sku(bench: Any) -> None:
    rows = bench("bulk_listings").run(skus=45)
    assert_well_formed(rows)
    concurrent = rows[0]
    assert "5 calls, 45 results" in concurrent["measured"]


def test_fleet_rows_at_toy_sizes(bench: Any) -> None:
    rows = bench("fleet").run(
        processes=2, sellers=5, rounds=3, budget_processes=2, rate=20, seconds=1
    )
    assert_well_formed(rows)
    assert_renders(bench, rows)
    storm, race, rate, pause = rows
    assert (
        storm["value"] == 5 and storm["ok"]
    )  # one token request per seller, counted by the server
    assert "10/10 calls ok" in storm["measured"]
    assert race["value"] == 0 and race["ok"]
    assert rate["unit"] == "req/s" and pause["unit"] == "s"
