from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from flipkart_ext.cli import main
from flipkart_ext.testing import Emulator


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


class Cli:
    """Runs ``flipkart`` in-process with captured streams."""

    def __call__(self, *argv: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return Run(code, out.getvalue(), err.getvalue())


FLIPKART = Path(sys.executable).parent / "flipkart"
"""The installed console script: end-to-end cases run it as an operator would."""


def script_environ(emu: Emulator | None = None, **extra: str) -> dict[str, str]:
    """The process environment without FLIPKART_* (pointed at ``emu`` when given)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}
    if emu is not None:
        environ.update(
            FLIPKART_API_BASE_URL=emu.api_base_url,
            FLIPKART_OAUTH_BASE_URL=emu.oauth_base_url,
            FLIPKART_CLIENT_ID=emu.client_id,
            FLIPKART_CLIENT_SECRET=emu.client_secret,
        )
    environ.update(extra)
    return environ


def flipkart(
    *argv: str,
    env: dict[str, str],
    input: str | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the console script to completion."""
    return subprocess.run(
        [str(FLIPKART), *argv],
        capture_output=True,
        text=True,
        env=env,
        input=input,
        timeout=timeout,
        check=False,
        cwd=cwd,
    )


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="module")
def shared_emulator() -> Iterator[Emulator]:
    """One emulator per test module; each test gets it reset (``emu``)."""
    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def emu(shared_emulator: Emulator) -> Emulator:
    shared_emulator.reset()
    return shared_emulator


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    return tmp_path / "tokens.json"


@pytest.fixture
def env(emu: Emulator, token_file: Path, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """Point the CLI's ``FLIPKART_*`` variables at the emulator; returns it."""
    for name in (
        "FLIPKART_ENV",
        "FLIPKART_SELLER_ID",
        "FLIPKART_REFRESH_TOKEN",
        "FLIPKART_ACCESS_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FLIPKART_API_BASE_URL", emu.api_base_url)
    monkeypatch.setenv("FLIPKART_OAUTH_BASE_URL", emu.oauth_base_url)
    monkeypatch.setenv("FLIPKART_CLIENT_ID", emu.client_id)
    monkeypatch.setenv("FLIPKART_CLIENT_SECRET", emu.client_secret)
    monkeypatch.setenv("FLIPKART_TOKEN_FILE", str(token_file))
    return emu
