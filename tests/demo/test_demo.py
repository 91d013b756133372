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
    assert re.fullmatch(
        r"Signed in to the sandbox: the access token is valid until "
        r"\d{4}-\d\d-\d\d \d\d:\d\d UTC \(59 days 23 hours\)",
        lines[2],
    )
    # 45 orders by default; Flipkart pages hold at most 20 shipments.
    assert "45 orders waiting to be packed (read in 3 pages of at most 20)" in lines
    assert (
        "Packed 45 orders: invoices and shipping labels generated (2 requests to Flipkart, "
        "at most 25 orders each)" in lines
    )
    assert f"Shipping labels to print: labels-001.pdf in {out}{os.sep} (45 orders)" in lines
    assert "45 orders marked ready for the courier's pickup (2 requests)" in lines
    # Two warehouses, one courier each.
    assert (
        f"Courier manifests to hand over with the parcels: 2 PDFs in {out}{os.sep} "
        "(one per courier and warehouse, 45 orders)" in lines
    )
    assert any(
        re.fullmatch(r"Customer return \d+: approved, picked up from the buyer, received back", x)
        for x in lines
    )
    # Every state change is one notification: 46 orders created (the returned one too),
    # 45 packed, 45 ready to dispatch, and the return created, picked up and completed.
    webhooks = next(line for line in lines if line.startswith("Order notifications"))
    handled, repeats = map(
        int,
        re.fullmatch(
            r"Order notifications from Flipkart: (\d+) received and verified \(signed\), each "
            r"acted on once; (\d+) duplicates? recognised and ignored \(Flipkart may send one "
            r"twice\)",
            webhooks,
        ).groups(),  # type: ignore[union-attr]
    )
    assert handled == 46 + 45 + 45 + 3
    assert repeats > 0  # one in ten is delivered twice
    by_type = dict(
        part.rsplit(" ", 1) for part in lines[lines.index(webhooks) + 1].strip().split(", ")
    )
    assert by_type == {
        "new orders": "46",
        "returns opened": "1",
        "packed": "45",
        "ready for pickup": "45",
        "returns picked up": "1",
        "returns received": "1",
    }
    # The 46 new orders against 45 shipped are explained, in a seller's words.
    assert lines[lines.index(webhooks) + 2] == (
        "  (46 new orders: the 45 shipped today and the one being returned)"
    )
    done = next(line for line in lines if line.startswith("Done in "))
    assert re.fullmatch(
        r"Done in \d+\.\ds: 45 orders packed, labelled and ready for pickup; 2 manifests; "
        r"1 return completed; 0 refused\.",
        done,
    )
    # It ends with what to do next.
    assert lines[lines.index(done) + 2] == "Next steps:"
    assert any("flipkart emulator serve" in line for line in lines[-6:])
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
    assert "130 orders waiting to be packed (read in 7 pages of at most 20)" in result.stdout
    assert "Packed 130 orders: invoices and shipping labels generated (6 requests" in result.stdout
    assert "Shipping labels to print: labels-001.pdf, labels-002.pdf" in result.stdout
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
    assert "3 orders waiting to be packed (read in 1 page of at most 20)" in result.stdout


@pytest.mark.parametrize("bad", [["--orders", "0"], ["--orders", "many"], ["--colour"]])
def test_bad_arguments_exit_2_with_the_usage(bad: list[str], tmp_path: Path) -> None:
    result = _run_demo("--out", str(tmp_path), *bad)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: flipkart demo [OPTIONS]")
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert not any(tmp_path.iterdir())


def test_flipkart_demo_is_the_same_command(tmp_path: Path) -> None:
    from tests.cli.conftest import flipkart, script_environ

    result = flipkart("demo", "--orders", "2", "--out", str(tmp_path), env=script_environ())

    assert result.returncode == 0, result.stderr
    assert "2 orders waiting to be packed" in result.stdout


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
    assert said[-1] == "0 orders waiting to be packed (read in 1 page of at most 20)"
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
                if "waiting to be packed" in line:  # the search is over: cancel one now
                    body = CancelShipmentRequest(
                        shipments=[CancelShipment(shipment_id=ids[1], reason="out_of_stock")]
                    )
                    client.call(cancel_by_enforced_group_ids, body=body)

            report = run_daily_job(client, tmp_path / "out", say)

    assert report.found == 3
    assert sorted(report.dispatched) == sorted([ids[0], ids[2]])
    assert len(report.failures) == 1 and report.failures[0].startswith(f"{ids[1]}: ")
    assert (
        "Packed 2 orders: invoices and shipping labels generated (1 request to Flipkart, at most 25 orders each)"
        in said
    )
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
    assert said == [
        f"Customer return {return_id}: approved, picked up from the buyer, received back"
    ]


def test_a_forged_or_repeated_notification_is_not_handled_twice() -> None:
    from flipkart_ext.cli._demo_receiver import WebhookReceiver
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


def test_an_api_error_ends_the_demo_with_one_line_and_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from flipkart_ext.cli import EXIT_AUTH, _demo

    seed = _demo.seed_orders

    def seed_then_reject_every_token(emulator: Emulator, count: int) -> None:
        seed(emulator, count)
        emulator.faults.unauthorized(count=5)

    monkeypatch.setattr(_demo, "seed_orders", seed_then_reject_every_token)
    code = main(["--out", str(tmp_path), "--orders", "2"])
    captured = capsys.readouterr()

    assert code == EXIT_AUTH
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("flipkart: error: HTTP 401")
    assert "Traceback" not in captured.err


_VARYING = [
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:PORT"),
    (re.compile(r"valid until \S+ \S+ UTC"), "valid until DATE UTC"),
    (re.compile(r"Customer return \d+"), "Customer return ID"),
    (re.compile(r"\d+ duplicates? recognised"), "N duplicates recognised"),
    (re.compile(r"Done in \d+\.\ds"), "Done in Ts"),
]


def _normalized(lines: list[str]) -> list[str]:
    for pattern, replacement in _VARYING:
        lines = [pattern.sub(replacement, line) for line in lines]
    return lines


def test_the_cli_guide_shows_what_the_demo_prints(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "guides" / "cli.md").read_text()
    section = guide.split("`flipkart demo` needs no credentials", 1)[1]
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
