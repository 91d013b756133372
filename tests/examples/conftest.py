from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run_example(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python examples/<argv[0]> ...`` as a user would, without FLIPKART_* variables."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / argv[0]), *argv[1:]],
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd or EXAMPLES.parent,
        timeout=120,
        check=False,
    )


@pytest.fixture
def load_example(monkeypatch: pytest.MonkeyPatch) -> object:
    """Import an example module by name, the way ``python examples/x.py`` finds its helper."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    for name in ("FLIPKART_CLIENT_ID", "FLIPKART_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)

    def load(name: str) -> ModuleType:
        return importlib.import_module(name)

    return load
