"""``flipkart shipments pack | dispatch | manifest | cancel`` and ``labels`` on unpacked shipments."""

from __future__ import annotations

from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from flipkart_ext.testing import Emulator

from .conftest import Cli


def rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


def posts(emu: Emulator, path: str) -> int:
    return len([r for r in emu.requests if r.method == "POST" and r.path.endswith(path)])


# -- pack --------------------------------------------------------------------------------------


def test_pack_auto_packs_every_approved_shipment(cli: Cli, env: Emulator) -> None:
    ids = env.create_test_orders(30)
    env.create_test_orders(2, state="PACKED")

    run = cli("shipments", "pack", "--auto", "--tax-rate", "18")

    assert run.code == EXIT_OK, run.err
    assert sorted(row[0] for row in rows(run.out)) == sorted(ids)
    assert {row[1] for row in rows(run.out)} == {"SUCCESS"}
    assert run.err == "Packed 30 of 30 shipments in 2 requests\n"
    assert {env.shipment_state(i) for i in ids} == {"PACKED"}


def test_a_refused_shipment_is_listed_and_exits_5(cli: Cli, env: Emulator) -> None:
    good = env.create_test_orders(2)
    (held,) = env.create_test_orders(1, hold=True)

    run = cli("shipments", "pack", "--auto", "--tax-rate", "5", *good, held)

    assert run.code == EXIT_PARTIAL == 5
    assert rows(run.out) == [
        [good[0], "SUCCESS", "", ""],
        [good[1], "SUCCESS", "", ""],
        [held, "FAILURE", "SHIPMENT_ON_HOLD", "Shipment is on hold"],
    ]
    assert run.err.startswith("Packed 2 of 3 shipments in 1 request; 1 not packed")
    assert env.shipment_state(held) == "APPROVED"


def test_pack_from_a_csv(cli: Cli, env: Emulator, tmp_path: Path) -> None:
    a, b = env.create_test_orders(2)
    sheet = tmp_path / "packing.csv"
    sheet.write_text(
        "shipment_id,invoice_number,invoice_date,tax_rate,length,breadth,height,weight\n"
        f"{a},INV-1,2026-01-05,12,30,20,10,1.5\n"
        f"{b},,,,,,,\n"
    )

    run = cli("shipments", "pack", "--csv", str(sheet), "--tax-rate", "18")

    assert run.code == EXIT_OK, run.err
    assert [row[:2] for row in rows(run.out)] == [[a, "SUCCESS"], [b, "SUCCESS"]]
    assert env.shipment_state(a) == env.shipment_state(b) == "PACKED"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{id},,,x,,,,", "packing.csv line 3: tax_rate: expected a number, got 'x'"),
        ("{id},,,150,,,,", "packing.csv line 3 ({id}): tax_rate: expected a number from 0 to 100"),
        ("{id},,,5,10,10,,", "packing.csv line 3: length, breadth, height, weight: give all four"),
        ("{id},,31/12/2026,5,,,,", "packing.csv line 3 ({id}): invoice_date: expected an ISO"),
        (",,,5,,,,", "packing.csv line 3: shipment_id: required"),
    ],
)
def test_a_bad_csv_row_is_named_and_nothing_is_sent(
    cli: Cli, env: Emulator, tmp_path: Path, line: str, message: str
) -> None:
    a, b = env.create_test_orders(2)
    sheet = tmp_path / "packing.csv"
    sheet.write_text(
        "shipment_id,invoice_number,invoice_date,tax_rate,length,breadth,height,weight\n"
        f"{a},,,5,,,,\n" + line.format(id=b) + "\n"
    )

    run = cli("shipments", "pack", "--csv", str(sheet))

    assert run.code == EXIT_USAGE
    assert len(run.err_lines) == 1
    assert run.err_lines[0].startswith("flipkart: error: ")
    assert f"{sheet.parent}/{message.format(id=b)}" in run.err_lines[0]
    assert posts(env, "/v3/shipments/labels") == 0


def test_an_unknown_csv_column_is_bad_input(cli: Cli, env: Emulator, tmp_path: Path) -> None:
    sheet = tmp_path / "p.csv"
    sheet.write_text("shipment_id,lenght\nS1,3\n")
    run = cli("shipments", "pack", "--csv", str(sheet))
    assert run.code == EXIT_USAGE
    assert "unknown columns lenght" in run.err
    assert env.requests == []


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--auto"], "--tax-rate is required with --auto"),
        ([], "--csv FILE with one row per shipment, or --auto"),
        (["--auto", "--tax-rate", "118"], "0<=x<=100"),
        (["--auto", "--tax-rate", "5", "--invoice-date", "2026-01-01T10:00"], "--invoice-date: a"),
    ],
)
def test_pack_needs_a_source_and_a_rate(
    cli: Cli, env: Emulator, argv: list[str], fragment: str
) -> None:
    env.create_test_orders(1)
    run = cli("shipments", "pack", *argv)
    assert run.code == EXIT_USAGE
    assert fragment in run.err
    assert posts(env, "/v3/shipments/labels") == 0


# -- dispatch, cancel --------------------------------------------------------------------------


def test_dispatch_ids_and_all(cli: Cli, env: Emulator) -> None:
    first = env.create_test_orders(3, state="PACKED")
    rest = env.create_test_orders(2, state="PACKED")

    by_id = cli("shipments", "dispatch", ",".join(first))
    everything = cli("shipments", "dispatch", "--all")

    assert by_id.code == everything.code == EXIT_OK
    assert [row[0] for row in rows(by_id.out)] == first
    assert sorted(row[0] for row in rows(everything.out)) == sorted(rest)
    assert {env.shipment_state(i) for i in first + rest} == {"READY_TO_DISPATCH"}
    assert "Marked ready to dispatch 3 of 3 shipments" in by_id.err


def test_dispatching_an_unpacked_shipment_exits_5(cli: Cli, env: Emulator) -> None:
    (packed,) = env.create_test_orders(1, state="PACKED")
    (approved,) = env.create_test_orders(1)
    run = cli("shipments", "dispatch", packed, approved)
    assert run.code == EXIT_PARTIAL
    assert [row[:3] for row in rows(run.out)] == [
        [packed, "SUCCESS", ""],
        [approved, "FAILURE", "INVALID_SHIPMENT_STATE"],
    ]


def test_dispatch_needs_ids_or_all(cli: Cli, env: Emulator) -> None:
    assert cli("shipments", "dispatch").code == EXIT_USAGE
    assert cli("shipments", "dispatch", "--all", "S1").code == EXIT_USAGE
    assert env.requests == []


def test_cancel_with_a_reason(cli: Cli, env: Emulator) -> None:
    ids = env.create_test_orders(2)
    run = cli("shipments", "cancel", *ids, "--reason", "not_enough_inventory")
    missing = cli("shipments", "cancel", *ids)
    assert run.code == EXIT_OK, run.err
    assert {env.shipment_state(i) for i in ids} == {"CANCELLED"}
    assert missing.code == EXIT_USAGE and "--reason" in missing.err


# -- manifest ----------------------------------------------------------------------------------


def test_manifest_writes_one_pdf_per_location_and_vendor(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    first, second = env.location_ids
    env.create_test_orders(3, state="READY_TO_DISPATCH", location_id=first)
    env.create_test_orders(2, state="READY_TO_DISPATCH", location_id=second)
    out = tmp_path / "manifests"

    run = cli("shipments", "manifest", "--out", str(out))

    assert run.code == EXIT_OK, run.err
    listed = rows(run.out)
    # In the order the search met the locations.
    assert sorted((row[2], row[3]) for row in listed) == sorted(
        [(first, "3 shipments"), (second, "2 shipments")]
    )
    for row in listed:
        assert Path(row[0]).parent == out
        assert Path(row[0]).name.startswith("manifest-")
        assert Path(row[0]).read_bytes().startswith(b"%PDF-")
    assert run.err == f"2 manifests saved to {out}/\n"


def test_manifest_with_nothing_ready_says_so(cli: Cli, env: Emulator, tmp_path: Path) -> None:
    env.create_test_orders(1, state="PACKED")
    run = cli("shipments", "manifest", "--out", str(tmp_path / "m"))
    assert run.code == EXIT_OK
    assert run.err == "Nothing is ready to dispatch: no manifest printed.\n"
    assert not (tmp_path / "m").exists()


# -- labels ------------------------------------------------------------------------------------


def test_labels_for_unpacked_shipments_name_them_and_what_to_run(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    (packed,) = env.create_test_orders(1, state="PACKED")
    a, b = env.create_test_orders(2)
    (cancelled,) = env.create_test_orders(1, state="CANCELLED")

    out = tmp_path / "labels"
    run = cli("shipments", "labels", packed, a, b, cancelled, "NO-SUCH", "--out", str(out))

    assert run.code == EXIT_PARTIAL
    assert run.err_lines[-1] == (
        f"flipkart: no labels for 4 of 5 shipments: not packed yet: {a} (APPROVED), "
        f"{b} (APPROVED); run first: flipkart shipments pack --auto --tax-rate RATE {a} {b}; "
        f"cannot have labels: {cancelled} (CANCELLED); unknown to Flipkart: NO-SUCH; exit 5"
    )
    assert (out / "labels-001.pdf").read_bytes().startswith(b"%PDF")
