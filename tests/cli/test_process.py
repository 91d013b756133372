"""``flipkart`` as a process: emulator serve, --help/--version, import cost, a closed pipe."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_BROKEN_PIPE
from flipkart_ext.testing import Emulator

from .conftest import Cli

ROOT = Path(__file__).resolve().parents[2]


def _environ(**extra: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}
    environ.update(extra)
    return environ


def _flipkart(*argv: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "flipkart_ext.cli", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def served() -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    process = _flipkart("emulator", "serve", "--port", "0", "--orders", "3", env=_environ())
    banner: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            banner.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl-C"):
                break
        yield process, banner
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_emulator_serve_answers_the_cli_and_stops_on_sigterm(
    served: tuple[subprocess.Popen[str], list[str]],
) -> None:
    process, banner = served
    # The banner's lines, pasted into a shell that has leftovers pointing at production.
    pasted = [line for line in banner if line.startswith(("unset ", "export "))]
    assert len(pasted) == 5
    shell = "\n".join(
        [*pasted, f"{shlex.quote(sys.executable)} -m flipkart_ext.cli shipments search"]
    )
    leftovers = _environ(FLIPKART_ENV="production", FLIPKART_ACCESS_TOKEN="left-over")
    run = subprocess.run(
        ["sh", "-c", shell], env=leftovers, capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    process.send_signal(signal.SIGTERM)
    rest, errors = process.communicate(timeout=10)

    assert banner[0].startswith("Flipkart sandbox emulator listening on http://127.0.0.1:")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert len([json.loads(line) for line in run.stdout.splitlines()]) == 3  # --orders 3
    assert process.returncode == 0
    assert rest.strip() == "Emulator stopped."
    assert errors == ""


def test_help_lists_the_commands_and_the_environment() -> None:
    process = _flipkart("--help", env=_environ())
    out, err = process.communicate(timeout=30)

    assert (process.returncode, err) == (0, "")
    for word in ("shipments", "token", "emulator", "FLIPKART_CLIENT_ID", "exit codes"):
        assert word in out


def test_search_help_documents_formats_and_dates() -> None:
    process = _flipkart("shipments", "search", "--help", env=_environ())
    out, _ = process.communicate(timeout=30)

    assert process.returncode == 0
    assert "{jsonl,csv,table}" in out and "India Standard Time" in out


def test_version(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli("--version")

    assert run.code == 0
    assert capsys.readouterr().out.startswith("flipkart ")


def test_importing_the_cli_adds_only_the_parser_to_the_package() -> None:
    code = (
        "import sys, flipkart_ext; before = set(sys.modules); import flipkart_ext.cli; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )

    added = set(result.stdout.split())
    assert {"flipkart_ext.cli", "flipkart_ext.cli._parser"} <= added
    assert added <= {
        "argparse",
        "gettext",
        "flipkart_ext.cli",
        "flipkart_ext.cli._errors",
        "flipkart_ext.cli._parser",
    }


def test_a_closed_stdout_ends_quietly(emu: Emulator) -> None:
    emu.create_test_orders(300)
    process = _flipkart(
        "shipments",
        "search",
        env=_environ(
            FLIPKART_API_BASE_URL=emu.api_base_url,
            FLIPKART_OAUTH_BASE_URL=emu.oauth_base_url,
            FLIPKART_CLIENT_ID=emu.client_id,
            FLIPKART_CLIENT_SECRET=emu.client_secret,
        ),
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    errors = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=30)

    assert json.loads(first)["shipmentId"]
    assert process.returncode == EXIT_BROKEN_PIPE
    assert errors == ""
