"""The operator's fixes of issue 22, each through the command as typed: dry runs of the
dispatch day, the cancel reason and its confirmation, hints, completion, anomalies."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from flipkart_ext import BatchAnomaly, BatchResults
from flipkart_ext.cli import (
    EXIT_AUTH,
    EXIT_INTERRUPTED,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
)
from flipkart_ext.shipments import CANCELLATION_REASONS, ShipmentResult
from flipkart_ext.testing import Emulator

from .conftest import FLIPKART, Cli, flipkart, script_environ


def _posts(emu: Emulator, suffix: str) -> int:
    return len([r for r in emu.requests if r.method == "POST" and r.path.endswith(suffix)])


def _requests_shown(out: str) -> list[tuple[str, object]]:
    blocks = out.split("# request ")[1:]
    return [
        (block.split("\n", 1)[0].split(": ", 1)[1], json.loads(block.split("\n", 1)[1]))
        for block in blocks
    ]


# -- dry runs ----------------------------------------------------------------------------------


def test_pack_dry_run_shows_the_labels_request_and_packs_nothing(cli: Cli, env: Emulator) -> None:
    ids = env.create_test_orders(3)

    run = cli("shipments", "pack", "--auto", "--tax-rate", "12", "--dry-run")

    assert run.code == EXIT_OK, run.err
    ((target, body),) = _requests_shown(run.out)
    assert target.startswith("POST ") and target.endswith("/v3/shipments/labels")
    assert sorted(s["shipmentId"] for s in body["shipments"]) == sorted(ids)  # type: ignore[index]
    rates = {tax["taxRate"] for s in body["shipments"] for tax in s["taxItems"]}  # type: ignore[index]
    assert rates == {12}
    assert {env.shipment_state(i) for i in ids} == {"APPROVED"}
    assert _posts(env, "/v3/shipments/labels") == 0
    assert run.err.startswith("Dry run: 3 shipments checked; 1 request would be sent")


def test_a_dry_run_names_what_the_real_run_would_not_get_through(cli: Cli, env: Emulator) -> None:
    (good,) = env.create_test_orders(1)

    run = cli("shipments", "pack", good, "NO-SUCH", "--auto", "--tax-rate", "5", "--dry-run")

    assert run.code == EXIT_PARTIAL
    assert "flipkart: would be refused: NO-SUCH" in run.err
    assert env.shipment_state(good) == "APPROVED"


def test_dispatch_and_cancel_dry_runs_send_nothing(cli: Cli, env: Emulator) -> None:
    packed = env.create_test_orders(2, state="PACKED")

    dispatch = cli("shipments", "dispatch", *packed, "--dry-run")
    cancel = cli("shipments", "cancel", *packed, "--reason", "b2b_order", "--dry-run")

    assert dispatch.code == cancel.code == EXIT_OK
    ((dispatch_target, dispatch_body),) = _requests_shown(dispatch.out)
    assert dispatch_target.endswith("/v3/shipments/dispatch")
    assert sorted(dispatch_body["shipmentIds"]) == sorted(packed)  # type: ignore[index]
    ((cancel_target, cancel_body),) = _requests_shown(cancel.out)
    assert cancel_target.endswith("/v3/shipments/cancel")
    assert {s["reason"] for s in cancel_body["shipments"]} == {"b2b_order"}  # type: ignore[index]
    assert {env.shipment_state(i) for i in packed} == {"PACKED"}


def _unreachable_oauth(monkeypatch: pytest.MonkeyPatch) -> None:
    # Port 9 (discard) on loopback: refused at once, no retry waits.
    monkeypatch.setenv("FLIPKART_OAUTH_BASE_URL", "http://127.0.0.1:9/oauth-service")


@pytest.mark.parametrize(
    ("break_it", "code", "said"),
    [
        (_unreachable_oauth, EXIT_NETWORK, "Connection refused"),
        (
            lambda monkeypatch: monkeypatch.setenv("FLIPKART_CLIENT_SECRET", "not-the-secret"),
            EXIT_AUTH,
            "HTTP 401",
        ),
    ],
    ids=["no-network", "credentials-refused"],
)
@pytest.mark.parametrize("command", ["update-inventory", "dispatch"])
def test_a_dry_run_that_could_not_check_is_never_reported_as_done(
    cli: Cli,
    env: Emulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    break_it: object,
    code: int,
    said: str,
    command: str,
) -> None:
    # Before, the token's failure was dropped with the stand-in answers' artefacts: exit 0.
    packed = env.create_test_orders(2, state="PACKED")
    stock = tmp_path / "stock.csv"
    stock.write_text("sku,product_id,location,inventory\nSKU-1,P-1,LOC-1,5\n", encoding="utf-8")
    break_it(monkeypatch)  # type: ignore[operator]

    if command == "dispatch":
        run = cli("--retries", "0", "shipments", "dispatch", *packed, "--dry-run")
    else:
        run = cli("--retries", "0", "listings", "update-inventory", str(stock), "--dry-run")

    assert run.code == code, run.err
    assert said in run.err
    # Either the command stopped on the failure, or the dry run lists what it could not check.
    assert "nothing was changed." not in run.err
    if "Dry run:" in run.err:
        assert "flipkart: could not be checked: " in run.err
        assert f"would not go through (listed above; exit {code})" in run.err
    assert {env.shipment_state(i) for i in packed} == {"PACKED"}


# -- cancel ------------------------------------------------------------------------------------


def test_cancel_takes_only_the_declared_reasons(cli: Cli, env: Emulator) -> None:
    (shipment,) = env.create_test_orders(1)

    run = cli("shipments", "cancel", shipment, "--reason", "out_of_stock", "--yes")

    assert run.code == EXIT_USAGE
    assert all(reason in run.err for reason in CANCELLATION_REASONS)
    assert env.shipment_state(shipment) == "APPROVED" and env.requests == []


def _on_a_terminal(argv: list[str], answer: bytes, environ: dict[str, str]) -> tuple[int, str]:
    """Run the console script with stdin on a pseudo-terminal; type ``answer``."""
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [str(FLIPKART), *argv],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environ,
    ) as process:
        os.close(terminal)
        os.write(controller, answer)
        out, err = process.communicate(timeout=60)
    os.close(controller)
    return process.returncode, err.decode() + out.decode()


@pytest.mark.parametrize(("answer", "cancelled"), [(b"n\n", False), (b"y\n", True)])
def test_cancel_asks_on_a_terminal(emu: Emulator, answer: bytes, cancelled: bool) -> None:
    ids = emu.create_test_orders(2)

    code, printed = _on_a_terminal(
        ["shipments", "cancel", *ids, "--reason", "not_enough_inventory"],
        answer,
        script_environ(emu),
    )

    assert f"Cancel 2 shipments ({ids[0]}, {ids[1]}) for not_enough_inventory?" in printed
    if cancelled:
        assert code == EXIT_OK, printed
        assert {emu.shipment_state(i) for i in ids} == {"CANCELLED"}
    else:
        assert code == EXIT_INTERRUPTED
        assert "flipkart: error: nothing cancelled" in printed
        assert {emu.shipment_state(i) for i in ids} == {"APPROVED"}
        assert _posts(emu, "/v3/shipments/cancel") == 0


def test_yes_does_not_ask(emu: Emulator) -> None:
    (shipment,) = emu.create_test_orders(1)

    code, printed = _on_a_terminal(
        ["shipments", "cancel", shipment, "--reason", "b2b_order", "--yes"],
        b"",
        script_environ(emu),
    )

    assert code == EXIT_OK, printed
    assert "Cancel 1 shipment" not in printed
    assert emu.shipment_state(shipment) == "CANCELLED"


# -- hints, completion -------------------------------------------------------------------------


def test_a_state_of_another_filter_type_names_the_type(cli: Cli, env: Emulator) -> None:
    run = cli("shipments", "search", "--state", "SHIPPED")

    assert run.code == EXIT_USAGE
    assert run.err.rstrip().endswith("(SHIPPED with --type post-dispatch)")
    assert env.requests == []


def test_bash_completion_completes_commands_and_options(emu: Emulator) -> None:
    script = flipkart("completion", "bash", env=script_environ())
    environ = script_environ(_FLIPKART_COMPLETE="bash_complete")

    commands = flipkart(env={**environ, "COMP_WORDS": "flipkart shipments pa", "COMP_CWORD": "2"})
    options = flipkart(
        env={**environ, "COMP_WORDS": "flipkart shipments search --sta", "COMP_CWORD": "3"}
    )

    assert script.returncode == 0 and "_FLIPKART_COMPLETE=bash_complete" in script.stdout
    assert commands.stdout.split() == ["plain,pack"]
    assert options.stdout.split() == ["plain,--state"]


# -- anomalies ---------------------------------------------------------------------------------


def _results_with_an_anomaly() -> BatchResults[ShipmentResult]:
    return BatchResults(
        [ShipmentResult("SH-1", "SUCCESS"), ShipmentResult("SH-2", "SUCCESS")],
        requests=1,
        anomalies=[BatchAnomaly("unexpected", "SH-9", 0, "the answer names SH-9")],
    )


def test_an_anomaly_is_listed_on_stderr_and_makes_the_run_partial() -> None:
    from flipkart_ext.cli._results import report

    out, err = io.StringIO(), io.StringIO()

    code = report(_results_with_an_anomaly(), out, err, done="packed")

    assert code == EXIT_PARTIAL
    assert out.getvalue() == "SH-1\tSUCCESS\t\t\nSH-2\tSUCCESS\t\t\n"
    first, summary = err.getvalue().splitlines()
    assert first == "flipkart: anomaly: request 1: unexpected SH-9: the answer names SH-9"
    assert summary.startswith("Packed 2 of 2 shipments in 1 request; 1 answer did not match")


def test_anomalies_go_into_the_results_file(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from flipkart_ext.cli._listings import _report
    from flipkart_ext.listings import SkuResult

    results = BatchResults(
        [SkuResult("A", "SUCCESS"), SkuResult("B", "NOT_IN_ANSWER")],
        requests=1,
        anomalies=[
            BatchAnomaly("missing", "B", 0, "the answer left B out"),
            BatchAnomaly("unexpected", "Z", 0, "the answer names Z"),
        ],
    )
    sink = tmp_path / "results.csv"

    code = _report(results, SimpleNamespace(results=str(sink)), io.StringIO(), io.StringIO())

    assert code == EXIT_PARTIAL
    assert sink.read_text().splitlines() == [
        "sku,status,errors,anomaly",
        "A,SUCCESS,,",
        "B,NOT_IN_ANSWER,,request 1: missing B: the answer left B out",
        "Z,ANOMALY,,request 1: unexpected Z: the answer names Z",
    ]
