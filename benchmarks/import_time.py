"""Import time of ``flipkart_ext`` against ``import httpx``, in fresh interpreters.

Each figure is the median over fresh processes of ``python -X importtime -c "import X"``:
the cumulative time of the top-level module, and for ``flipkart_ext`` also the summed
self time of its own modules (``flipkart_ext.*``), which is what this package adds on
top of the libraries it imports. The runs alternate (flipkart_ext, httpx, ...).

Bytecode is cached the way an installed package has it: ``PYTHONPYCACHEPREFIX`` points
at a scratch folder (so the source tree gets no ``__pycache__``), warmed by one unmeasured
import. A third, informative series removes ``flipkart_ext``'s cached bytecode and sets
``PYTHONDONTWRITEBYTECODE=1``, so its sources are compiled on every import; that is what
a shell exporting that variable sees with an editable install.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _measure import median, row

__all__ = ["PROCESSES", "TARGET_MS", "import_times", "run"]

PROCESSES = 15
TARGET_MS = 100.0
ROOT = Path(__file__).resolve().parent.parent


def import_times(statement: str, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """One fresh interpreter: module -> (self ms, cumulative ms) from ``-X importtime``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    times: dict[str, tuple[float, float]] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        times[name.strip()] = (int(self_us) / 1000, int(cumulative_us) / 1000)
    return times


def _own_self_ms(times: dict[str, tuple[float, float]]) -> float:
    return sum(s for name, (s, _) in times.items() if name.split(".")[0] == "flipkart_ext")


def _environments(scratch: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(bytecode cached for everything, bytecode cached for all but flipkart_ext)."""
    warm_prefix, cold_prefix = scratch / "warm", scratch / "cold"
    warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm["PYTHONPYCACHEPREFIX"] = str(warm_prefix)
    for statement in ("import flipkart_ext", "import httpx"):
        import_times(statement, warm)  # compiles and caches everything imported
    shutil.copytree(warm_prefix, cold_prefix)
    spec = importlib.util.find_spec("flipkart_ext")
    assert spec is not None and spec.origin is not None
    package = Path(spec.origin).resolve().parent
    shutil.rmtree(cold_prefix / package.relative_to(package.anchor), ignore_errors=True)
    cold = {**warm, "PYTHONPYCACHEPREFIX": str(cold_prefix), "PYTHONDONTWRITEBYTECODE": "1"}
    return warm, cold


def run(*, processes: int = PROCESSES) -> list[dict[str, Any]]:
    """Medians over ``processes`` fresh interpreters per series."""
    with tempfile.TemporaryDirectory(prefix="flipkart-importtime-") as scratch:
        warm, cold = _environments(Path(scratch))
        ours: list[float] = []
        own: list[float] = []
        httpx_ms: list[float] = []
        compiled: list[float] = []
        for _ in range(processes):
            times = import_times("import flipkart_ext", warm)
            ours.append(times["flipkart_ext"][1])
            own.append(_own_self_ms(times))
            httpx_ms.append(import_times("import httpx", warm)["httpx"][1])
            compiled.append(import_times("import flipkart_ext", cold)["flipkart_ext"][1])
    total, base, mine = median(ours), median(httpx_ms), median(own)
    uncached = median(compiled)
    return [
        row(
            "import flipkart_ext (cumulative)",
            total,
            "ms",
            f"<= {TARGET_MS:.0f} ms",
            total <= TARGET_MS,
            measured=f"{total:.1f} ms, {mine:.1f} ms in its own modules",
            baseline=f"{base:.1f} ms import httpx",
            ratio=total / base,
        ),
        row(
            "import flipkart_ext, sources compiled (no .pyc)",
            uncached,
            "ms",
            "info",
            True,
            measured=f"{uncached:.1f} ms",
            baseline=f"{base:.1f} ms import httpx",
            ratio=uncached / base,
        ),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
