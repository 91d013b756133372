"""``flipkart listings``: reading listings into the file the updates read, the reason of every
result, dry runs that check what the real run checks, and files that are not UTF-8."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from flipkart_ext.testing import Emulator

from .conftest import Cli, flipkart, script_environ


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _stock_file(cli: Cli, skus: list[str], path: Path) -> Path:
    """What an operator does first: write the listings to a CSV with ``listings get``."""
    run = cli("listings", "get", ",".join(skus), "--format", "csv")
    assert run.code == EXIT_OK, run.err
    path.write_text(run.out)
    return path


def test_get_writes_one_row_per_sku_and_location_with_the_update_columns(
    cli: Cli, env: Emulator
) -> None:
    skus = env.add_listings(3, inventory=7, mrp=500, selling_price=450)

    run = cli("listings", "get", *skus, "--format", "csv")

    assert run.code == EXIT_OK, run.err
    rows = _rows(run.out)
    assert list(rows[0]) == [
        *("sku", "product_id", "location", "inventory"),
        *("mrp", "selling_price", "currency", "listing_status"),
    ]
    assert len(rows) == 3 * len(env.location_ids)
    assert {(r["sku"], r["location"]) for r in rows} == {
        (sku, location) for sku in skus for location in env.location_ids
    }
    assert {(r["inventory"], r["mrp"], r["selling_price"]) for r in rows} == {("7", "500", "450")}
    assert all(r["product_id"] for r in rows)


def test_get_jsonl_and_table(cli: Cli, env: Emulator) -> None:
    (sku,) = env.add_listings(1)

    jsonl = cli("listings", "get", sku)
    table = cli("listings", "get", sku, "--format", "table")

    listing = json.loads(jsonl.out)
    assert listing["sku"] == sku and listing["locations"][0]["id"] in env.location_ids
    header, *lines = table.out.splitlines()
    assert header.split() == ["SKU", "PRODUCT", "LOCATION", "STOCK", "MRP", "PRICE", "STATUS"]
    assert len(lines) == len(env.location_ids) and all(line.split()[0] == sku for line in lines)


def test_get_names_the_skus_flipkart_does_not_list_and_exits_5(cli: Cli, env: Emulator) -> None:
    (sku,) = env.add_listings(1)

    run = cli("listings", "get", sku, "NO-SUCH-SKU", "--format", "csv")

    assert run.code == EXIT_PARTIAL
    assert {row["sku"] for row in _rows(run.out)} == {sku}
    assert run.err == "flipkart: not listed: NO-SUCH-SKU (1 of 2 SKUs); exit 5\n"


def test_the_file_get_writes_feeds_update_inventory_back(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    skus = env.add_listings(2, inventory=7)
    path = _stock_file(cli, skus, tmp_path / "stock.csv")
    edited = path.read_text().replace(",7,", ",12,")  # the operator edits the stock column
    path.write_text(edited)

    run = cli("listings", "update-inventory", str(path))
    again = cli("listings", "get", *skus, "--format", "csv")

    assert run.code == EXIT_OK, run.err
    assert [line.split("\t")[:2] for line in run.out.splitlines()] == [[s, "SUCCESS"] for s in skus]
    assert {row["inventory"] for row in _rows(again.out)} == {"12"}


def test_the_file_get_writes_feeds_update_price_back(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    # One row per location: the SKU repeats with the same prices, which update-price takes.
    skus = env.add_listings(2, mrp=900, selling_price=800)
    path = _stock_file(cli, skus, tmp_path / "prices.csv")
    path.write_text(path.read_text().replace(",800,", ",750,"))

    run = cli("listings", "update-price", str(path))
    again = cli("listings", "get", *skus, "--format", "csv")

    assert run.code == EXIT_OK, run.err
    assert {row["selling_price"] for row in _rows(again.out)} == {"750"}


def test_search_writes_every_listing_with_its_stock(cli: Cli, env: Emulator) -> None:
    added = env.add_listings(3)
    catalog = list(env.listing_ids)

    run = cli("listings", "search", "--format", "csv")

    assert run.code == EXIT_OK, run.err
    rows = _rows(run.out)
    assert {row["sku"] for row in rows} == set(catalog) >= set(added)
    assert all(row["location"] and row["inventory"] for row in rows)


def test_search_stops_at_max_pages_and_the_printed_command_repeats_the_status(
    cli: Cli, env: Emulator
) -> None:
    env.add_listings(30)
    first = cli("listings", "search", "--status", "ACTIVE", "--max-pages", "1", "--format", "csv")
    hint = first.err_lines[-1]
    assert hint.startswith(
        "to continue: flipkart listings search --status ACTIVE --max-pages 1 --format csv "
        "--resume-from "
    )
    import shlex

    rest = cli(*shlex.split(hint.removeprefix("to continue: "))[1:], "--max-pages", "100")
    assert rest.code == EXIT_OK, rest.err
    skus = [row["sku"] for row in _rows(first.out + rest.out)]
    assert set(skus) == set(env.listing_ids)


# -- the reason of every result ----------------------------------------------------------------


def test_a_refused_sku_shows_flipkarts_reason_on_stdout_and_in_the_results_file(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    (sku,) = env.add_listings(1)
    path = _stock_file(cli, [sku], tmp_path / "stock.csv")
    with path.open("a") as sink:
        sink.write("NOT-LISTED,PRODUCTID0000001,LOC1,4,,,,\n")
    results = tmp_path / "results.csv"

    run = cli("listings", "update-inventory", str(path), "--results", str(results))

    assert run.code == EXIT_PARTIAL
    by_sku = {line.split("\t")[0]: line.split("\t") for line in run.out.splitlines()}
    assert by_sku[sku][1:] == ["SUCCESS", ""]  # a success has no reason, never "unknown error"
    status, reason = by_sku["NOT-LISTED"][1:]
    assert status == "FAILURE"
    assert reason and reason != "unknown error" and "NOT-LISTED" in reason
    written = {row["sku"]: row for row in _rows(results.read_text())}
    assert written["NOT-LISTED"]["errors"] == reason
    assert written[sku]["errors"] == ""
    assert list(written[sku]) == ["sku", "status", "errors", "anomaly"]


# -- dry runs ----------------------------------------------------------------------------------


def test_a_dry_run_shows_the_values_it_would_send_and_changes_nothing(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    skus = env.add_listings(12, inventory=5)
    path = _stock_file(cli, skus, tmp_path / "stock.csv")
    path.write_text(path.read_text().replace(",5,", ",9,"))
    before = len([r for r in env.requests if r.method == "POST"])

    run = cli("listings", "update-inventory", str(path), "--dry-run")

    assert run.code == EXIT_OK, run.err
    assert len([r for r in env.requests if r.method == "POST"]) == before
    blocks = run.out.split("# request ")[1:]
    assert [block.split(":", 1)[0] for block in blocks] == ["1 of 2", "2 of 2"]
    bodies = [json.loads(block.split("\n", 1)[1]) for block in blocks]
    assert [len(body) for body in bodies] == [10, 2]  # at most 10 SKUs per call
    sent = {sku: value for body in bodies for sku, value in body.items()}
    assert set(sent) == set(skus)
    assert {place["inventory"] for v in sent.values() for place in v["locations"]} == {9}
    assert run.err == (
        "Dry run: 12 SKUs checked; 2 requests would be sent (shown on stdout); "
        "nothing was changed.\n"
    )


@pytest.mark.parametrize(
    ("command", "rows", "message"),
    [
        (
            "update-inventory",
            "sku,product_id,location,inventory\nA,PID00000000001,LOC1,-3\n",
            "A: locations['LOC1'].inventory: expected a whole number >= 0, got -3",
        ),
        (
            "update-price",
            "sku,product_id,mrp,selling_price\nA,PID00000000001,500,600\n",
            "A: price.selling_price: 600 is above the MRP 500",
        ),
    ],
)
def test_a_dry_run_makes_the_checks_of_the_real_run(
    cli: Cli, env: Emulator, tmp_path: Path, command: str, rows: str, message: str
) -> None:
    path = tmp_path / "changes.csv"
    path.write_text(rows)

    dry = cli("listings", command, str(path), "--dry-run")
    real = cli("listings", command, str(path))

    assert dry.code == real.code == EXIT_USAGE
    assert dry.err == real.err == f"flipkart: error: {path}: {message}\n"
    assert dry.out == ""
    assert not [r for r in env.requests if r.method == "POST"]


# -- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "found"),
    [
        ("latin-1", "line 2: byte 0xe9 is not UTF-8"),
        ("utf-16", "the file is UTF-16, expected UTF-8"),
        ("utf-16-le", "the file holds NUL bytes (probably UTF-16), expected UTF-8"),
    ],
)
def test_a_file_that_is_not_utf8_exits_2_naming_the_file_and_the_encoding(
    emu: Emulator, tmp_path: Path, encoding: str, found: str
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("sku,product_id,location,inventory\nCafé-1,PID1,LOC1,3\n", encoding=encoding)

    run = flipkart("listings", "update-inventory", str(path), env=script_environ(emu))

    assert run.returncode == EXIT_USAGE
    assert run.stderr.startswith(f"flipkart: error: {path}: {found}")
    assert "save it as CSV UTF-8" in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1
