"""``flipkart shipments search`` against the emulator: formats, filters, paging, progress."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex

import pytest

from flipkart_ext.testing import Emulator

from .conftest import Cli


def _ids_from_jsonl(text: str) -> list[str]:
    return [json.loads(line)["shipmentId"] for line in text.splitlines()]


def test_jsonl_is_the_default_and_holds_every_shipment_once(cli: Cli, env: Emulator) -> None:
    created = env.create_test_orders(45)

    run = cli("shipments", "search")

    assert run.code == 0, run.err
    assert run.err == ""  # no progress: stderr is not a terminal
    ids = _ids_from_jsonl(run.out)
    assert len(ids) == 45 and set(ids) == set(created)
    first = json.loads(run.out.splitlines()[0])
    # Each line is the shipment as Flipkart sent it, nested fields included.
    assert first["orderItems"][0]["status"] == "APPROVED"
    assert "subShipments" in first


def test_csv_has_a_header_and_one_row_per_order_item(cli: Cli, env: Emulator) -> None:
    single = env.create_test_orders(3)
    double = env.create_test_orders(2, items_per_order=2, quantity=3)

    run = cli("shipments", "search", "--format", "csv")

    assert run.code == 0, run.err
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert len(rows) == 3 + 2 * 2
    assert [r["shipmentId"] for r in rows].count(double[0]) == 2
    assert {r["shipmentId"] for r in rows} == set(single + double)
    by_item = {r["orderItemId"]: r for r in rows}
    assert len(by_item) == 7
    row = next(r for r in rows if r["shipmentId"] == double[1])
    assert row["quantity"] == "3"
    assert row["status"] == "APPROVED"
    assert row["sku"] in env.listing_ids
    assert float(row["sellingPrice"]) > 0
    assert row["hold"] == "false"
    assert row["locationId"] in env.location_ids


def test_csv_without_matches_is_just_the_header(cli: Cli, env: Emulator) -> None:
    run = cli("shipments", "search", "--format", "csv")

    assert run.code == 0
    lines = run.out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("shipmentId,orderId,orderItemId,")


def test_table_aligns_one_row_per_shipment(cli: Cli, env: Emulator) -> None:
    created = env.create_test_orders(4, quantity=2)

    run = cli("shipments", "search", "--format", "table")

    assert run.code == 0, run.err
    header, *rows = run.out.splitlines()
    assert header.split() == ["SHIPMENT", "STATUS", "SKU", "QTY", "DISPATCH", "BY", "LOCATION"]
    assert len(rows) == 4
    assert {row.split()[0] for row in rows} == set(created)
    status_column = header.index("STATUS")
    for row in rows:
        assert row[status_column:].startswith("APPROVED")
        cells = row.split()
        assert cells[3] == "2"
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", cells[4]) and re.fullmatch(r"\d\d:\d\d", cells[5])


def test_table_without_matches_says_so(cli: Cli, env: Emulator) -> None:
    run = cli("shipments", "search", "--format", "table")

    assert (run.code, run.out) == (0, "No shipments found.\n")


@pytest.mark.parametrize(
    ("flags", "expected_state"),
    [
        (["--state", "PACKED"], "PACKED"),
        (["--state", "packed,ready_to_dispatch"], None),  # any case, comma-separated
        (["--type", "post-dispatch", "--state", "SHIPPED"], "SHIPPED"),
    ],
)
def test_state_filters(
    cli: Cli, env: Emulator, flags: list[str], expected_state: str | None
) -> None:
    env.create_test_orders(3)  # APPROVED: never selected below
    packed = env.create_test_orders(2, state="PACKED")
    ready = env.create_test_orders(1, state="READY_TO_DISPATCH")
    shipped = env.create_test_orders(2, state="SHIPPED")
    wanted = {"PACKED": packed, "SHIPPED": shipped, None: packed + ready}[expected_state]

    run = cli("shipments", "search", *flags)

    assert run.code == 0, run.err
    assert sorted(_ids_from_jsonl(run.out)) == sorted(wanted)


def test_sku_location_and_hold_filters(cli: Cli, env: Emulator) -> None:
    sku_a, sku_b = list(env.listing_ids)[:2]
    loc_a, loc_b = env.location_ids
    a = env.create_test_orders(2, sku=sku_a, location_id=loc_a)
    b = env.create_test_orders(3, sku=sku_b, location_id=loc_b)
    held = env.create_test_orders(1, sku=sku_a, location_id=loc_a, hold=True)

    by_sku = cli("shipments", "search", "--sku", sku_a)
    by_location = cli("shipments", "search", "--location", loc_b)
    on_hold = cli("shipments", "search", "--hold")

    assert sorted(_ids_from_jsonl(by_sku.out)) == sorted(a)
    assert sorted(_ids_from_jsonl(by_location.out)) == sorted(b)
    assert _ids_from_jsonl(on_hold.out) == held


def test_cancelled_search_by_cancellation_type(cli: Cli, env: Emulator) -> None:
    buyer = env.create_test_orders(2, state="CANCELLED", cancellation_type="buyerCancellation")
    env.create_test_orders(1, state="CANCELLED", cancellation_type="sellerCancellation")

    run = cli(
        "shipments", "search", "--type", "cancelled", "--cancellation-type", "buyerCancellation"
    )

    assert run.code == 0, run.err
    assert sorted(_ids_from_jsonl(run.out)) == sorted(buyer)


def test_date_range_as_plain_days(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(2)  # ordered within the last day

    past = cli(
        "shipments", "search", "--order-date-from", "2001-01-01", "--order-date-to", "2001-01-31"
    )
    open_ended = cli("shipments", "search", "--order-date-from", "2001-01-01")

    assert (past.code, past.out) == (0, "")
    assert len(_ids_from_jsonl(open_ended.out)) == 2


def test_limit_stops_mid_page(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(30)

    run = cli("shipments", "search", "--limit", "7")

    assert run.code == 0
    assert len(run.out.splitlines()) == 7
    # Seven of a page of twenty: no cursor could resume exactly here.
    assert "--resume-from" not in run.err
    searches = [r for r in env.requests if r.path.endswith("/v3/shipments/filter")]
    assert len(searches) == 1


def test_limit_zero_sends_nothing(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(3)

    run = cli("shipments", "search", "--limit", "0")

    assert (run.code, run.out) == (0, "")
    assert env.requests == []


def test_max_pages_prints_a_cursor_that_resumes_the_export(cli: Cli, env: Emulator) -> None:
    created = env.create_test_orders(25)

    first = cli("shipments", "search", "--page-size", "10", "--max-pages", "2")
    hint = first.err_lines[-1]
    command = shlex.split(hint.removeprefix("to continue: "))
    rest = cli(*command[1:])  # drop the program name

    assert first.code == 0 and rest.code == 0, rest.err
    # Every flag of the run but the filter (it travels in the cursor) is repeated.
    assert hint.startswith("to continue: flipkart shipments search --max-pages 2 --resume-from ")
    head, tail = _ids_from_jsonl(first.out), _ids_from_jsonl(rest.out)
    assert (len(head), len(tail)) == (20, 5)
    assert set(head).isdisjoint(tail) and set(head + tail) == set(created)
    assert "--resume-from" not in rest.err  # that was the last page


def test_progress_on_request_reports_pages_shipments_and_rate(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(45)

    run = cli("shipments", "search", "--progress")

    assert run.code == 0
    lines = run.err_lines
    assert re.fullmatch(r"exporting shipments: 1 page, 20 shipments, [\d.]+ shipments/s", lines[0])
    assert re.fullmatch(r"exporting shipments: 3 pages, 45 shipments, [\d.]+ shipments/s", lines[2])
    assert re.fullmatch(r"done: 3 pages, 45 shipments, [\d.]+ shipments/s in \d+\.\ds", lines[3])
    assert len(run.out.splitlines()) == 45  # stdout carries only data


def test_no_progress_wins_over_everything(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(2)

    run = cli("shipments", "search", "--no-progress")

    assert run.code == 0 and run.err == ""


def test_global_options_go_before_or_after_the_command(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(2)

    before = cli("--retries", "0", "shipments", "search")
    after = cli("shipments", "search", "--retries", "0")

    assert before.code == after.code == 0
    assert before.out.count("\n") == after.out.count("\n") == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_live_progress_on_a_terminal_is_removed_when_done(env: Emulator) -> None:
    from flipkart_ext.cli import main

    env.create_test_orders(45)
    out, err = io.StringIO(), _Terminal()

    code = main(["shipments", "search", "--format", "csv"], stdout=out, stderr=err)

    assert code == 0
    progress = err.getvalue()
    assert "Exporting shipments" in progress  # rich's live display, naming what it counts
    assert "45 shipments, 3 pages" in progress
    # Transient: the display is erased (cursor up, erase line) before the summary line.
    assert re.search(
        r"\x1b\[2Kdone: 3 pages, 45 shipments, [\d.]+ shipments/s in \d+\.\ds\n$", progress
    )
    assert len(out.getvalue().splitlines()) == 46  # header + one row per order item


def test_no_live_progress_while_the_output_streams_to_the_same_terminal(env: Emulator) -> None:
    from flipkart_ext.cli import main

    env.create_test_orders(5)
    out, err = _Terminal(), _Terminal()

    code = main(["shipments", "search"], stdout=out, stderr=err)

    assert code == 0
    assert err.getvalue() == ""
    assert len(out.getvalue().splitlines()) == 5
