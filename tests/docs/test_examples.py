"""Every Python block of README.md and of the documentation site runs as written, and passes
``mypy --strict``: an example that reads a wrong attribute on a branch the run never takes (an
error handler, say) still fails here.

README.md is the entry page: its blocks run with no ``FLIPKART_*`` variable at all, as a
newcomer without an account would run them. The guides' blocks read the variables, as they
say: here they point at an emulator (and ``REDIS_URL`` at a redis-server of the test's own).
README's shell Quickstart runs as written too, against ``flipkart emulator serve``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from flipkart_ext.testing import Emulator
from tests._typecheck import mypy_strict
from tests.fleet._redis import RedisServer

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<code>.*?)^```", re.DOTALL | re.MULTILINE)
IST = timezone(timedelta(hours=5, minutes=30))


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    code: str

    @property
    def readme(self) -> bool:
        return self.path == README

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def is_test_file(self) -> bool:
        return "\ndef test_" in self.code


def blocks(path: Path, lang: str = "python") -> list[Block]:
    text = path.read_text()
    return [
        Block(path, text.count("\n", 0, m.start()) + 1, m.group("code"))
        for m in FENCE.finditer(text)
        if m.group("lang") == lang
    ]


SOURCES = [README, *sorted(DOCS.rglob("*.md"))]
BLOCKS = [block for path in SOURCES for block in blocks(path)]


def _environ(**extra: str) -> dict[str, str]:
    """The test's environment without any FLIPKART_* variable of the shell, plus ``extra``."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}, **extra}


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fleet guide's examples read REDIS_URL: a redis-server of the module's own."""
    server = RedisServer(tmp_path_factory.mktemp("docs-redis")).start()
    try:
        yield server.url
    finally:
        server.stop()


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


def _run(
    block: Block, emulator: Emulator, redis_url: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    if block.is_test_file:
        # A test file for the pytest plugin: run it with pytest, in a folder of its own.
        (cwd / "test_docs_block.py").write_text(block.code)
        return subprocess.run(
            [
                *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
                *("-p", "no:asyncio", "-p", "no:xdist", "-W", "error"),
            ],
            cwd=cwd,
            env=_environ(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    if block.readme:
        env = _environ()  # as written: no credentials, nothing set
    else:
        env = _environ(
            FLIPKART_CLIENT_ID=emulator.client_id,
            FLIPKART_CLIENT_SECRET=emulator.client_secret,
            FLIPKART_API_BASE_URL=emulator.api_base_url,
            FLIPKART_OAUTH_BASE_URL=emulator.oauth_base_url,
            REDIS_URL=redis_url,
        )
    return subprocess.run(
        [sys.executable, "-c", block.code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _one(marker: str) -> Block:
    (found,) = [b for b in BLOCKS if marker in b.code]
    return found


def test_the_pages_have_their_examples() -> None:
    assert len(BLOCKS) >= 20
    assert sum(b.readme for b in BLOCKS) >= 1  # the Quickstart
    pages = {b.path.relative_to(DOCS).as_posix() for b in BLOCKS if not b.readme}
    for page in (
        "guides/quickstart.md",
        "guides/credentials.md",
        "guides/pagination.md",
        "guides/dispatch.md",
        "guides/stock.md",
        "guides/fleet.md",
        "guides/webhooks.md",
        "guides/emulator.md",
        "guides/testing.md",
    ):
        assert page in pages, page


@pytest.mark.parametrize("block", BLOCKS, ids=[b.name for b in BLOCKS])
def test_the_block_runs_as_written(
    block: Block, emulator: Emulator, redis_url: str, tmp_path: Path
) -> None:
    result = _run(block, emulator, redis_url, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    if block.is_test_file:
        tests = block.code.count("\ndef test_")
        assert f"{tests} passed" in result.stdout.splitlines()[-1], result.stdout
    if "print(" in block.code:
        assert result.stdout.strip(), "the block prints nothing"
    assert "Traceback" not in result.stderr


def test_the_readme_quickstart_needs_no_credentials(
    emulator: Emulator, redis_url: str, tmp_path: Path
) -> None:
    (quickstart,) = [b for b in BLOCKS if b.readme]
    assert "from_env" not in quickstart.code
    result = _run(quickstart, emulator, redis_url, tmp_path)
    assert result.returncode == 0, result.stderr
    # Three orders seeded, one line per order item, each naming its SKU.
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(" SKU-" in line for line in lines), result.stdout


def test_the_pending_recipe_counts_what_the_emulator_holds(
    emulator: Emulator, redis_url: str, tmp_path: Path
) -> None:
    recipe = _one("shipments to pack")
    result = _run(recipe, emulator, redis_url, tmp_path)
    assert result.returncode == 0, result.stderr
    # The dispatch-day block packs some of the fixture's 7 before this test runs.
    approved = emulator.state()["shipmentsByState"]["APPROVED"]
    assert 0 < approved <= 7
    assert result.stdout.strip() == f"{approved} shipments to pack"


def test_the_dispatch_recipe_finds_yesterdays_shipments(
    emulator: Emulator, redis_url: str, tmp_path: Path
) -> None:
    recipe = _one("dispatched yesterday")
    result = _run(recipe, emulator, redis_url, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 shipments dispatched yesterday:")


def _mypy_strict(chosen: list[Block], workdir: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on each block as its own module."""
    return mypy_strict({f"docs_block_{n:02d}": b.code for n, b in enumerate(chosen)}, workdir)


def test_the_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    result = _mypy_strict(BLOCKS, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"no issues found in {len(BLOCKS)} source files" in result.stdout


def test_the_type_check_catches_a_wrong_attribute(tmp_path: Path) -> None:
    # The error handler of the "any generated operation" example never runs against the
    # emulator (the SKU exists): only the type check can see a misspelt attribute there.
    handler = _one("except NotFound as error")
    assert "error.status_code" in handler.code
    broken = Block(
        handler.path, handler.line, handler.code.replace("error.status_code", "error.status")
    )
    result = _mypy_strict([broken], tmp_path)
    assert result.returncode == 1
    assert '"NotFound" has no attribute "status"' in result.stdout


def test_the_readme_shell_quickstart_runs_as_written(tmp_path: Path) -> None:
    """The README's shell block, line by line, with the emulator it starts on a free port."""
    (block,) = [b for b in blocks(README, "sh") if "flipkart emulator serve" in b.code]
    lines = [line for line in block.code.splitlines() if line.strip()]
    serve = shlex.split(lines[0].split("&", 1)[0], comments=True)
    assert serve[:3] == ["flipkart", "emulator", "serve"] and "--port" not in serve
    bindir = str(Path(sys.executable).parent)
    env = _environ(PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
    # The default port may be taken on a shared machine: a free one, the block otherwise as is.
    process = subprocess.Popen(
        [*serve, "--port", "0"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("Press Ctrl-C"):
                break
        rest = "\n".join(lines[1:])
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", rest],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        process.terminate()
        process.communicate(timeout=10)
    assert result.returncode == 0, result.stderr
    table = result.stdout.splitlines()
    assert table[0].split()[:2] == ["SHIPMENT", "STATUS"]
    assert [row.split()[1] for row in table[1:]] == ["APPROVED"] * 3
