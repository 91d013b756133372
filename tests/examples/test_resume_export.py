"""examples/resume_export.py: an export that resumes after an interruption, exactly once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flipkart_ext import Environment, FlipkartClient, RetryPolicy, ServerError
from flipkart_ext.testing import Emulator

from .conftest import run_example


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["shipmentId"] for line in path.read_text().splitlines()]


def test_interrupted_then_resumed_against_the_emulator(tmp_path: Path) -> None:
    output = tmp_path / "shipments.jsonl"

    result = run_example("resume_export.py", str(output))

    assert result.returncode == 0, result.stderr
    first_two_pages = sum(len(line) for line in output.read_bytes().splitlines(keepends=True)[:40])
    assert result.stdout.splitlines() == [
        "page 1: 20 shipments written",
        "page 2: 20 shipments written",
        "stopped after 2 pages, as if interrupted; cursor saved",
        f"resuming after page 2 ({first_two_pages} bytes) from the saved cursor",
        "page 3: 5 shipments written",
        f"export complete: 45 shipments in {output}",
    ]
    ids = _ids(output)
    assert len(ids) == len(set(ids)) == 45  # 30 approved + 15 packed, each once
    assert not output.with_name("shipments.jsonl.cursor").exists()


@pytest.fixture
def emulator_client() -> Any:
    with Emulator() as emu:
        env = Environment.custom(emu.api_base_url, emu.oauth_base_url)
        with FlipkartClient(
            emu.client_id, emu.client_secret, environment=env, retry=RetryPolicy.disabled()
        ) as client:
            yield emu, client


def test_a_failure_mid_export_resumes_without_duplicates(
    load_example: Any, emulator_client: Any, tmp_path: Path
) -> None:
    module = load_example("resume_export")
    emu, client = emulator_client
    created = set(emu.create_test_orders(50))
    output = tmp_path / "out.jsonl"
    said: list[str] = []

    def say(line: str) -> None:
        said.append(line)
        if line.startswith("page 2:"):
            emu.faults.server_error(status=503, count=1)  # the request for page 3 fails

    with pytest.raises(ServerError):
        module.export(client, output, say=say)
    checkpoint = json.loads(output.with_name("out.jsonl.cursor").read_text())
    assert checkpoint["pages"] == 2 and checkpoint["size"] == output.stat().st_size
    with output.open("ab") as file:
        file.write(b'{"shipmentId": "half-writ')  # a crash in the middle of page 3

    outcome = module.export(client, output, say=said.append)

    assert outcome.complete and outcome.pages == 1 and outcome.shipments == 10
    assert said[-2:] == [
        f"resuming after page 2 ({checkpoint['size']} bytes) from the saved cursor",
        "page 3: 10 shipments written",
    ]
    ids = _ids(output)
    assert len(ids) == 50 and set(ids) == created


def test_max_pages_leaves_a_checkpoint(
    load_example: Any, emulator_client: Any, tmp_path: Path
) -> None:
    module = load_example("resume_export")
    emu, client = emulator_client
    emu.create_test_orders(45)
    output = tmp_path / "out.jsonl"

    first = module.export(client, output, max_pages=1, say=lambda line: None)
    second = module.export(client, output, say=lambda line: None)

    assert (first.complete, first.pages, first.shipments) == (False, 1, 20)
    assert (second.complete, second.pages, second.shipments) == (True, 2, 25)
    assert len(set(_ids(output))) == 45
