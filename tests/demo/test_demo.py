"""``python -m flipkart_ext.demo``: the seller's whole day against the embedded emulator."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import httpx
import pytest

from flipkart_ext import Environment, FileTokenStore, FlipkartClient
from flipkart_ext.demo import (
    MAX_SHIPMENTS_PER_ACTION,
    DailyJobReport,
    main,
    process_returns,
    run_daily_job,
    seed_orders,
)
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


def test_demo_runs_the_whole_day_and_writes_valid_pdfs(tmp_path: Path) -> None:
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
    # Two dispatch locations, one courier each.
    assert (
        f"Manifests for 45 shipments saved to {out}{os.sep} (2 PDFs, one per courier and location)"
        in lines
    )
    assert any(
        re.fullmatch(r"Customer return \d+: approved, picked up, completed", line) for line in lines
    )
    # Every state change is one notification: 46 orders created (the returned one too),
    # 45 packed, 45 ready to dispatch, and the return created, picked up and completed.
    webhooks = next(line for line in lines if line.startswith("Webhooks: "))
    handled, repeats = map(
        int,
        re.fullmatch(
            r"Webhooks: (\d+) signed notifications verified, each handled once; "
            r"(\d+) re-deliver(?:y|ies) skipped, 0 rejected",
            webhooks,
        ).groups(),  # type: ignore[union-attr]
    )
    assert handled == 46 + 45 + 45 + 3
    assert repeats > 0  # one in ten is delivered twice
    by_type = dict(
        part.rsplit(" ", 1) for part in lines[lines.index(webhooks) + 1].strip().split(", ")
    )
    assert by_type == {
        "shipment_created": "46",
        "return_created": "1",
        "shipment_packed": "45",
        "shipment_ready_to_dispatch": "45",
        "return_picked_up": "1",
        "return_completed": "1",
    }
    assert re.fullmatch(
        r"Done in \d+\.\ds: 45 found, 45 packed, 45 labels, 45 ready to dispatch, "
        r"2 manifests, 1 return completed, 0 refused\.",
        lines[-1],
    )
    pdfs = sorted(p.name for p in out.iterdir())
    assert pdfs[0] == "labels-001.pdf"
    assert len(pdfs) == 3 and all(name.startswith("manifest-") for name in pdfs[1:])
    for name in pdfs:
        content = (out / name).read_bytes()
        assert content.startswith(b"%PDF")
        assert content.rstrip().endswith(b"%%EOF")


def test_more_orders_than_one_label_pdf_holds(tmp_path: Path) -> None:
    # 130 shipments: 7 pages of 20, 6 pack calls of 25, two label PDFs (100 ids each at most).
    result = _run_demo("--out", str(tmp_path), "--orders", "130")

    assert result.returncode == 0, result.stderr
    assert "130 shipments awaiting packing found across 7 pages" in result.stdout
    assert "Packed 130 shipments in 6 calls" in result.stdout
    assert "(2 PDFs: labels-001.pdf, labels-002.pdf)" in result.stdout
    assert "Manifests for 130 shipments" in result.stdout
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


def test_the_customer_return_is_approved_picked_up_and_completed(tmp_path: Path) -> None:
    said: list[str] = []
    with Emulator() as emu:
        (return_id,) = emu.create_returns(count=1)
        env = Environment.custom(emu.api_base_url, emu.oauth_base_url, name="emulator")
        with FlipkartClient(emu.client_id, emu.client_secret, environment=env) as client:
            report = DailyJobReport()
            process_returns(client, report, said.append)
        status = emu.return_status(return_id)

    assert status == "completed"
    assert report.returns_completed == [return_id] and report.failures == []
    assert said == [f"Customer return {return_id}: approved, picked up, completed"]


def test_a_forged_or_repeated_notification_is_not_handled_twice() -> None:
    from flipkart_ext._demo_receiver import WebhookReceiver
    from flipkart_ext.notifications import sign

    body = json.dumps({"eventType": "shipment_packed", "shipmentId": "SH-1", "attributes": {}})
    with WebhookReceiver(app_id="app", app_secret="secret") as receiver:
        good = sign(url=receiver.url, method="POST", app_id="app", app_secret="secret")
        forged = sign(url=receiver.url, method="POST", app_id="app", app_secret="guess")
        with httpx.Client() as http:
            answers = [
                http.post(receiver.url, content=body, headers=headers).status_code
                for headers in (good, good, forged)
            ]

    assert answers == [200, 200, 401]
    assert dict(receiver.handled) == {"shipment_packed": 1}
    assert receiver.repeats == 1 and receiver.rejected == 1


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


_VARYING = [
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:PORT"),
    (re.compile(r"expires \S+ \S+ UTC"), "expires DATE UTC"),
    (re.compile(r"Customer return \d+"), "Customer return ID"),
    (re.compile(r"\d+ re-deliver(y|ies) skipped"), "N re-deliveries skipped"),
    (re.compile(r"Done in \d+\.\ds"), "Done in Ts"),
]


def _normalized(lines: list[str]) -> list[str]:
    for pattern, replacement in _VARYING:
        lines = [pattern.sub(replacement, line) for line in lines]
    return lines


def test_the_readme_shows_what_make_demo_prints(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("`make demo` needs no credentials", 1)[1]
    shown = re.search(r"^```\n(.*?)^```", section, re.DOTALL | re.MULTILINE)
    assert shown is not None
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}
    result = subprocess.run(
        [sys.executable, "-m", "flipkart_ext.demo"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # the default --out, flipkart-labels/, as the README shows it
        env=environ,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _normalized(result.stdout.splitlines()) == _normalized(shown.group(1).splitlines())
