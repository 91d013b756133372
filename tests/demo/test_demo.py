"""``python -m flipkart_ext.demo``: the seller's daily job against the embedded emulator."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from flipkart_ext import Environment, FileTokenStore, FlipkartClient
from flipkart_ext.demo import MAX_SHIPMENTS_PER_ACTION, batched, main, run_daily_job, seed_orders
from flipkart_ext.testing import Emulator

ROOT = Path(__file__).resolve().parents[2]


def _run_demo(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "flipkart_ext.demo", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=120,
        check=False,
    )


def test_demo_runs_the_daily_job_and_writes_valid_label_pdfs(tmp_path: Path) -> None:
    out = tmp_path / "labels"
    result = _run_demo("--out", str(out))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    # 45 approved orders by default; Flipkart pages hold at most 20 shipments.
    assert re.fullmatch(
        r"Token acquired: environment emulator; expires \d{4}-\d\d-\d\d \d\d:\d\d UTC "
        r"\(in 59 days 23 hours\)",
        lines[2],
    )
    assert "45 shipments awaiting packing found across 3 pages" in lines
    assert "Packed 45 shipments in 2 calls (at most 25 per call)" in lines
    assert f"Labels for 45 shipments saved to {out}{os.sep} (1 PDF: labels-001.pdf)" in lines
    assert "Marked 45 shipments ready to dispatch in 2 calls" in lines
    assert re.fullmatch(
        r"Done in \d+\.\ds: 45 found, 45 packed, 45 labels, 45 ready to dispatch, 0 refused\.",
        lines[-1],
    )
    pdfs = sorted(out.iterdir())
    assert [p.name for p in pdfs] == ["labels-001.pdf"]
    content = pdfs[0].read_bytes()
    assert content.startswith(b"%PDF")
    assert content.rstrip().endswith(b"%%EOF")


def test_more_orders_than_one_label_pdf_holds(tmp_path: Path) -> None:
    # 130 shipments: 7 pages of 20, 6 pack calls of 25, two label PDFs (100 ids each at most).
    result = _run_demo("--out", str(tmp_path), "--orders", "130")

    assert result.returncode == 0, result.stderr
    assert "130 shipments awaiting packing found across 7 pages" in result.stdout
    assert "Packed 130 shipments in 6 calls" in result.stdout
    assert "(2 PDFs: labels-001.pdf, labels-002.pdf)" in result.stdout
    for path in (tmp_path / "labels-001.pdf", tmp_path / "labels-002.pdf"):
        assert path.read_bytes().startswith(b"%PDF")


def test_credentials_in_the_environment_are_ignored(tmp_path: Path) -> None:
    result = _run_demo(
        "--out",
        str(tmp_path),
        "--orders",
        "3",
        env={"FLIPKART_CLIENT_ID": "real-app", "FLIPKART_CLIENT_SECRET": "real-secret"},
    )

    assert result.returncode == 0, result.stderr
    assert "FLIPKART_* credentials are ignored" in result.stdout
    assert "real-secret" not in result.stdout + result.stderr
    assert "3 shipments awaiting packing found across 1 page" in result.stdout


@pytest.mark.parametrize("bad", [["--orders", "0"], ["--orders", "many"], ["--colour"]])
def test_bad_arguments_exit_2_with_one_line(bad: list[str], tmp_path: Path) -> None:
    result = _run_demo("--out", str(tmp_path), *bad)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith("python -m flipkart_ext.demo: error:")
    assert not any(tmp_path.iterdir())


def test_job_moves_every_shipment_and_never_prints_the_token(tmp_path: Path) -> None:
    said: list[str] = []
    store = FileTokenStore(tmp_path / "tokens.json")
    with Emulator() as emu:
        seed_orders(emu, 51)
        env = Environment.custom(emu.api_base_url, emu.oauth_base_url, name="emulator")
        with FlipkartClient(
            emu.client_id, emu.client_secret, environment=env, token_store=store
        ) as client:
            report = run_daily_job(client, tmp_path / "out", said.append)
        states = {emu.shipment_state(i) for i in report.dispatched}
        pack_calls = [r for r in emu.requests if r.path.endswith("/v3/shipments/labels")]
        dispatch_calls = [r for r in emu.requests if r.path.endswith("/v3/shipments/dispatch")]
        locations = emu.location_ids

    assert report.found == 51 and report.pages == 3
    assert sorted(report.packed) == sorted(report.dispatched)
    assert len(report.dispatched) == 51 and report.failures == []
    assert states == {"READY_TO_DISPATCH"}
    assert len(pack_calls) == 3  # 25 + 25 + 1
    # Per location (26 and 25 shipments): 25 + 1, then 25.
    assert len(dispatch_calls) == 3 and len(locations) == 2
    token = json.loads(store.path.read_text())["tokens"]
    access_tokens = [entry["access_token"] for entry in token.values()]
    assert access_tokens and all(len(t) > 8 for t in access_tokens)
    printed = "\n".join(said)
    assert not any(t in printed for t in access_tokens)
    assert emu.client_secret not in printed


def test_job_with_nothing_to_pack_stops_after_the_search(tmp_path: Path) -> None:
    said: list[str] = []
    with Emulator() as emu:
        emu.create_test_orders(2, state="PACKED")
        env = Environment.custom(emu.api_base_url, emu.oauth_base_url, name="emulator")
        with FlipkartClient(emu.client_id, emu.client_secret, environment=env) as client:
            report = run_daily_job(client, tmp_path / "out", said.append)

    assert report.found == 0
    assert said[-1] == "0 shipments awaiting packing found across 1 page"
    assert not (tmp_path / "out").exists()


def test_a_shipment_cancelled_mid_run_is_reported_not_dispatched(tmp_path: Path) -> None:
    from flipkart_seller_api.api.shipment_v3 import cancel_by_enforced_group_ids
    from flipkart_seller_api.models.cancel_shipment import CancelShipment
    from flipkart_seller_api.models.cancel_shipment_request import CancelShipmentRequest

    said: list[str] = []
    with Emulator() as emu:
        ids = emu.create_test_orders(3)
        env = Environment.custom(emu.api_base_url, emu.oauth_base_url, name="emulator")
        with FlipkartClient(emu.client_id, emu.client_secret, environment=env) as client:

            def say(line: str) -> None:
                said.append(line)
                if "awaiting packing found" in line:  # the search is over: cancel one now
                    body = CancelShipmentRequest(
                        shipments=[CancelShipment(shipment_id=ids[1], reason="out_of_stock")]
                    )
                    client.call(cancel_by_enforced_group_ids, body=body)

            report = run_daily_job(client, tmp_path / "out", say)

    assert report.found == 3
    assert sorted(report.dispatched) == sorted([ids[0], ids[2]])
    assert len(report.failures) == 1 and report.failures[0].startswith(f"{ids[1]}: ")
    assert "Packed 2 shipments in 1 call (at most 25 per call)" in said
    assert report.labelled == 2


def test_batch_size_is_the_specs_max_items() -> None:
    spec = json.loads(
        resources.files("flipkart_seller_api").joinpath("openapi.json").read_text("utf-8")
    )
    schemas = spec["components"]["schemas"]
    assert schemas["ShipmentPackRequest"]["properties"]["shipments"]["maxItems"] == (
        MAX_SHIPMENTS_PER_ACTION
    )
    assert schemas["DispatchShipmentRequest"]["properties"]["shipmentIds"]["maxItems"] == (
        MAX_SHIPMENTS_PER_ACTION
    )


def test_batched() -> None:
    assert batched([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert batched([], 3) == []
    with pytest.raises(ValueError, match="at least 1"):
        batched([1], 0)


def test_an_api_error_ends_the_demo_with_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from flipkart_ext import demo

    seed = demo.seed_orders

    def seed_then_reject_every_token(emulator: Emulator, count: int) -> None:
        seed(emulator, count)
        emulator.faults.unauthorized(count=5)

    monkeypatch.setattr(demo, "seed_orders", seed_then_reject_every_token)
    code = main(["--out", str(tmp_path), "--orders", "2"])
    captured = capsys.readouterr()

    assert code == 1
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("error: HTTP 401")
    assert "Traceback" not in captured.err
