"""flipkart returns search and flipkart listings update-inventory / update-price."""

from __future__ import annotations

import csv
import io
import json
import shlex
from pathlib import Path

from flipkart_ext import FlipkartClient
from flipkart_ext.cli._formats import RETURN_TABLE_KEYS, RETURNS
from flipkart_ext.testing import Emulator

from .conftest import Cli

SPEC = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "flipkart-seller-api.json").read_text()
)


def _stock_csv(emu: Emulator, tmp_path: Path, count: int, units: int = 9) -> tuple[Path, list[str]]:
    skus = emu.add_listings(count)
    with FlipkartClient(
        emu.client_id,
        emu.client_secret,
        api_base_url=emu.api_base_url,
        oauth_base_url=emu.oauth_base_url,
    ) as client:
        found = client.listings.get(skus).available
    path = tmp_path / "stock.csv"
    rows = ["sku,product_id,location,inventory"]
    rows += [f"{sku},{found[sku].product_id},{found[sku].locations[0].id},{units}" for sku in skus]
    path.write_text("\n".join(rows) + "\n")
    return path, skus


def test_returns_search_exports_every_return_in_each_format(cli: Cli, env: Emulator) -> None:
    opened = env.create_returns(30)
    jsonl = cli("returns", "search", "--source", "customer_return")
    as_csv = cli("returns", "search", "--source", "customer_return", "--format", "csv")
    table = cli("returns", "search", "--source", "customer_return", "--format", "table")

    assert jsonl.code == as_csv.code == table.code == 0, (jsonl.err, as_csv.err)
    assert sorted(json.loads(line)["returnId"] for line in jsonl.out.splitlines()) == sorted(opened)
    rows = list(csv.DictReader(io.StringIO(as_csv.out)))
    assert sorted(row["returnId"] for row in rows) == sorted(opened)
    assert len(table.out.splitlines()) == 31


def test_returns_search_stops_at_max_pages_and_resumes_without_a_second_header(
    cli: Cli, env: Emulator
) -> None:
    opened = env.create_returns(60)
    first = cli(
        "returns", "search", "--source", "customer_return", "--max-pages", "1", "--format", "csv"
    )
    hint = first.err_lines[-1]
    command = shlex.split(hint.removeprefix("to continue: "))
    # --source travels in the cursor; --max-pages and --format are repeated.
    assert command[:7] == [
        *("flipkart", "returns", "search", "--max-pages", "1", "--format", "csv"),
    ]
    rest = cli(*command[1:], "--max-pages", "5")

    assert rest.code == 0, rest.err
    ids = [r["returnId"] for r in csv.DictReader(io.StringIO(first.out + rest.out))]
    assert sorted(ids) == sorted(opened)


def test_returns_search_input_errors_name_their_flag(cli: Cli, env: Emulator) -> None:
    assert cli("returns", "search").code == 2
    bad_date = cli(
        "returns", "search", "--source", "customer_return", "--created-from", "2024-13-01"
    )
    assert bad_date.code == 2 and "--created-from" in bad_date.err
    mixed = cli(
        "returns", "search", "--source", "customer_return", "--resume-from", "/v2/returns?x=1"
    )
    assert mixed.code == 2 and "--source" in mixed.err
    unsafe = cli("returns", "search", "--resume-from", "https://evil.test/sellers/v2/returns")
    assert unsafe.code == 2 and "--resume-from" in unsafe.err


def test_the_return_columns_and_table_keys_are_properties_of_the_spec() -> None:
    properties = SPEC["components"]["schemas"]["ReturnItem"]["properties"]
    assert set(RETURNS.csv_columns()) <= set(properties)
    assert "returnId" in RETURNS.csv_columns()
    assert set(RETURN_TABLE_KEYS) <= set(properties)


def test_update_inventory_from_a_csv_reports_each_sku(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    path, skus = _stock_csv(env, tmp_path, 23)
    results = tmp_path / "results.csv"
    run = cli("listings", "update-inventory", str(path), "--results", str(results))

    assert run.code == 0, run.err
    assert [line.split("\t")[:2] for line in run.out.splitlines()] == [[s, "SUCCESS"] for s in skus]
    assert "in 3 requests" in run.err
    written = list(csv.DictReader(io.StringIO(results.read_text())))
    assert [row["sku"] for row in written] == skus


def test_a_partial_failure_exits_5_and_names_the_sku(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    path, _ = _stock_csv(env, tmp_path, 3)
    with path.open("a") as sink:
        sink.write("NOT-LISTED,PRODUCTID0000001,LOC1,4\n")
    run = cli("listings", "update-inventory", str(path))

    assert run.code == 5
    failed = [line for line in run.out.splitlines() if "\tSUCCESS\t" not in line + "\t"]
    assert len(failed) == 1 and failed[0].startswith("NOT-LISTED\tFAILURE")


def test_update_price_checks_every_row_before_sending(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    path = tmp_path / "prices.csv"
    path.write_text(
        "sku,product_id,mrp,selling_price\nA,PID00000000001,500,450\nB,PID00000000002,500,600\n"
    )
    before = len(env.requests)
    run = cli("listings", "update-price", str(path))

    assert run.code == 2
    assert "B" in run.err and "selling_price" in run.err
    assert len(env.requests) == before


def test_a_malformed_stock_row_names_its_line_and_column(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("sku,product_id,location,inventory\nA,P1,L1,3\nB,P2,L1,many\n")
    run = cli("listings", "update-inventory", str(path))
    assert run.code == 2 and "line 3" in run.err and "inventory" in run.err
    missing = tmp_path / "short.csv"
    missing.write_text("sku,inventory\nA,3\n")
    assert "product_id" in cli("listings", "update-inventory", str(missing)).err
