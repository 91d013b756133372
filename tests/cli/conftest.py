from __future__ import annotations

import io
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


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator() as emulator:
        yield emulator


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
