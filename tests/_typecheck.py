"""Run ``mypy --strict`` on snippets of user code, against the installed packages."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mypy_strict(sources: Mapping[str, str], workdir: Path) -> subprocess.CompletedProcess[str]:
    """Write each ``{module name: source}`` into ``workdir`` and type-check them together.

    ``workdir`` lies outside the repository, so pyproject's ``[tool.mypy]`` (its ``files``
    and overrides) stays out of it; the cache lives with the repository's, so that a rerun
    takes a second instead of re-reading httpx and the generated package.
    """
    for name, source in sources.items():
        (workdir / f"{name}.py").write_text(source)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-color-output",
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "snippets"),
            *(f"{name}.py" for name in sources),
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
