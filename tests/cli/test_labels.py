"""``flipkart shipments labels IDS --out DIR``."""

from __future__ import annotations

from pathlib import Path

from flipkart_ext.cli import EXIT_PARTIAL, EXIT_USAGE
from flipkart_ext.testing import Emulator

from .conftest import Cli


def test_labels_from_comma_separated_and_repeated_ids(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    a, b, c = env.create_test_orders(3, state="PACKED")
    out = tmp_path / "labels"

    run = cli("shipments", "labels", f"{a},{b}", c, a, "--out", str(out))

    assert run.code == 0, run.err
    pdf = out / "labels-001.pdf"
    assert run.out == f"{pdf}\t3 shipments\n"
    assert run.err == f"Labels for 3 shipments saved to {out}/ (1 PDF)\n"
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    for shipment_id in (a, b, c):
        assert shipment_id.encode() in content
    calls = [r for r in env.requests if r.path.endswith("/labels")]
    assert len(calls) == 1


def test_more_than_100_ids_make_several_pdfs(cli: Cli, env: Emulator, tmp_path: Path) -> None:
    ids = env.create_test_orders(130, state="PACKED")

    run = cli("shipments", "labels", ",".join(ids), "--out", str(tmp_path))

    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        f"{tmp_path / 'labels-001.pdf'}\t100 shipments",
        f"{tmp_path / 'labels-002.pdf'}\t30 shipments",
    ]
    assert all(
        (tmp_path / n).read_bytes().startswith(b"%PDF")
        for n in ("labels-001.pdf", "labels-002.pdf")
    )


def test_a_shipment_without_labels_is_named_with_what_to_run_and_exits_5(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    (approved,) = env.create_test_orders(1)  # not packed yet: Flipkart has no label

    run = cli("shipments", "labels", approved, "--out", str(tmp_path / "x"))

    assert run.code == EXIT_PARTIAL
    assert run.out == ""
    # Flipkart's 400 is explained: which shipment, and the command that packs it.
    assert run.err_lines == [
        f"flipkart: no labels for 1 of 1 shipment: not packed yet: {approved} (APPROVED); "
        f"run first: flipkart shipments pack --auto --tax-rate RATE {approved}; exit 5"
    ]
    assert not (tmp_path / "x" / "labels-001.pdf").exists()


def test_the_labelled_shipments_still_get_their_pdf(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    packed = env.create_test_orders(2, state="PACKED")
    (approved,) = env.create_test_orders(1)

    run = cli("shipments", "labels", *packed, approved, "NO-SUCH", "--out", str(tmp_path))

    assert run.code == EXIT_PARTIAL
    assert run.out == f"{tmp_path / 'labels-001.pdf'}\t2 shipments\n"
    content = (tmp_path / "labels-001.pdf").read_bytes()
    assert all(shipment_id.encode() in content for shipment_id in packed)
    assert approved.encode() not in content
    assert run.err_lines[-1].endswith(f"unknown to Flipkart: NO-SUCH; exit {EXIT_PARTIAL}")


def test_only_commas_is_bad_input(cli: Cli, env: Emulator, tmp_path: Path) -> None:
    run = cli("shipments", "labels", ",,", "--out", str(tmp_path))

    assert run.code == EXIT_USAGE
    assert run.err_lines == ["flipkart: error: IDS: no shipment ids given"]
    assert env.requests == []


def test_an_unwritable_folder_is_one_line(cli: Cli, env: Emulator, tmp_path: Path) -> None:
    ids = env.create_test_orders(1, state="PACKED")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    run = cli("shipments", "labels", ids[0], "--out", str(blocker / "labels"))

    assert run.code == EXIT_USAGE
    assert len(run.err_lines) == 1
    assert run.err_lines[0].startswith("flipkart: error: ")
    assert str(blocker) in run.err_lines[0]
