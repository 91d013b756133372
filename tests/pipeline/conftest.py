from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM = ROOT.parent / "shared" / "flipkart-api" / "sandbox-swagger.json"


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file, so a test can prove nothing changed."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="session")
def upstream_path() -> Path:
    assert UPSTREAM.is_file(), f"upstream stand-in missing at {UPSTREAM}"
    return UPSTREAM


@pytest.fixture(scope="session")
def upstream(upstream_path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(upstream_path.read_text())
    return document


@pytest.fixture(scope="session")
def normalized() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        (ROOT / "openapi" / "flipkart-seller-api.json").read_text()
    )
    return document
