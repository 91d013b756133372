"""Every Python block in README.md runs, as written, against the emulator, and passes
``mypy --strict``: an example that reads a wrong attribute on a branch the run never takes
(an error handler, say) still fails here."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from flipkart_ext.testing import Emulator
from tests._typecheck import mypy_strict

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
BLOCKS = BLOCK.findall(README.read_text())


def _title(block: str) -> str:
    return next(line for line in block.splitlines() if line.strip())[:60]


IST = timezone(timedelta(hours=5, minutes=30))


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    now = [datetime.now(IST)]
    with Emulator(clock=lambda: now[0]) as running:
        running.create_test_orders(count=7, state="APPROVED")
        # Two shipments handed to the courier yesterday, for the "yesterday's dispatches" recipe.
        now[0] = now[0].replace(hour=12) - timedelta(days=1)
        running.create_test_orders(count=2, state="SHIPPED")
        now[0] = datetime.now(IST)
        yield running


def test_readme_has_the_documented_examples() -> None:
    assert len(BLOCKS) >= 10
    text = README.read_text()
    for heading in (
        "## Two commands",
        "## Pagination recipes",
        "## Webhooks",
        "## Command line",
        "## Regenerating the client",
        "## Recorded cassettes",
        "## The emulator",
        "## Testing your own code",
        "## The dispatch day",
    ):
        assert heading in text


def _is_test_file(block: str) -> bool:
    return "\ndef test_" in block


def _run(block: str, emulator: Emulator, cwd: Path) -> subprocess.CompletedProcess[str]:
    if _is_test_file(block):
        # A test file for the pytest plugin: run it with pytest, in a folder of its own.
        (cwd / "test_readme_block.py").write_text(block)
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:asyncio",
                "-W",
                "error",
            ],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
        )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")},
        "FLIPKART_CLIENT_ID": emulator.client_id,
        "FLIPKART_CLIENT_SECRET": emulator.client_secret,
        "FLIPKART_API_BASE_URL": emulator.api_base_url,
        "FLIPKART_OAUTH_BASE_URL": emulator.oauth_base_url,
    }
    return subprocess.run(
        [sys.executable, "-c", block], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("block", BLOCKS, ids=[_title(b) for b in BLOCKS])
def test_readme_block_runs(block: str, emulator: Emulator, tmp_path: Path) -> None:
    result = _run(block, emulator, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    if _is_test_file(block):
        tests = block.count("\ndef test_")
        assert f"{tests} passed" in result.stdout.splitlines()[-1], result.stdout
    if "print(" in block:
        assert result.stdout.strip(), "the block prints nothing"
    assert "Traceback" not in result.stderr


def test_the_pending_recipe_counts_what_the_emulator_holds(
    emulator: Emulator, tmp_path: Path
) -> None:
    recipe = next(b for b in BLOCKS if "shipments to pack" in b)
    result = _run(recipe, emulator, tmp_path)
    assert result.returncode == 0, result.stderr
    # The dispatch-day block packs some of the fixture's 7 before this test runs.
    approved = emulator.state()["shipmentsByState"]["APPROVED"]
    assert 0 < approved <= 7
    assert result.stdout.strip() == f"{approved} shipments to pack"


def test_the_dispatch_recipe_finds_yesterdays_shipments(emulator: Emulator, tmp_path: Path) -> None:
    recipe = next(b for b in BLOCKS if "dispatched yesterday" in b)
    result = _run(recipe, emulator, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 shipments dispatched yesterday:")


def _mypy_strict(blocks: list[str], workdir: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on each block as its own module."""
    return mypy_strict({f"readme_block_{n:02d}": b for n, b in enumerate(blocks)}, workdir)


def test_readme_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    result = _mypy_strict(BLOCKS, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"no issues found in {len(BLOCKS)} source files" in result.stdout


def test_the_type_check_catches_a_wrong_attribute(tmp_path: Path) -> None:
    # The error handler of the "any generated operation" example never runs against the
    # emulator (the SKU exists): only the type check can see a misspelt attribute there.
    handler = next(b for b in BLOCKS if "except NotFound as error" in b)
    assert "error.status_code" in handler
    broken = handler.replace("error.status_code", "error.status")
    result = _mypy_strict([broken], tmp_path)
    assert result.returncode == 1
    assert '"NotFound" has no attribute "status"' in result.stdout
