"""Import time of ``flipkart_ext`` against ``import httpx``, in fresh interpreters.

Each figure is the median over fresh processes of ``python -X importtime -c "import X"``:
the cumulative time of the top-level module, and for ``flipkart_ext`` also the summed
self time of its own modules (``flipkart_ext.*``), which is what this package adds on
top of the libraries it imports. The runs alternate (flipkart_ext, httpx, ...).

The target: ``import flipkart_ext`` costs at most ``TARGET_RATIO`` times ``import httpx``.
The root package loads its names on first use (PEP 562), so two informative series say
what a program pays once it uses the client: ``from flipkart_ext import FlipkartClient``
(every module that statement imports, httpx included), and ``import httpx`` without its
own command line. httpx imports click, rich and pygments for its ``httpx`` command when
click is installed, as it is here (the ``flipkart`` command needs it), which makes the
baseline slower than in an environment without click.

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

__all__ = ["PROCESSES", "TARGET_RATIO", "import_times", "run", "statement_ms"]

PROCESSES = 15
TARGET_RATIO = 1.1
# httpx as it imports where click is not installed: its command line is skipped.
HTTPX_WITHOUT_CLI = "import sys; sys.modules['click'] = None; import httpx"
CLIENT = "from flipkart_ext import FlipkartClient"
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


def statement_ms(statement: str, env: dict[str, str]) -> float:
    """Everything ``statement`` imports, in ms: the sum of its top-level imports' cumulative times."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    total_us = 0
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _, cumulative_us, name = line.removeprefix("import time:").split("|")
        if not name.startswith("  "):  # one space of padding: a top-level import
            total_us += int(cumulative_us)
    return total_us / 1000


def _own_self_ms(times: dict[str, tuple[float, float]]) -> float:
    return sum(s for name, (s, _) in times.items() if name.split(".")[0] == "flipkart_ext")


def _environments(scratch: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(bytecode cached for everything, bytecode cached for all but flipkart_ext)."""
    warm_prefix, cold_prefix = scratch / "warm", scratch / "cold"
    warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm["PYTHONPYCACHEPREFIX"] = str(warm_prefix)
    for statement in ("import flipkart_ext", "import httpx", CLIENT):
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
        client: list[float] = []
        bare_httpx: list[float] = []
        for _ in range(processes):
            times = import_times("import flipkart_ext", warm)
            ours.append(times["flipkart_ext"][1])
            own.append(_own_self_ms(times))
            httpx_ms.append(import_times("import httpx", warm)["httpx"][1])
            compiled.append(import_times("import flipkart_ext", cold)["flipkart_ext"][1])
            client.append(statement_ms(CLIENT, warm))
            bare_httpx.append(statement_ms(HTTPX_WITHOUT_CLI, warm))
    total, base, mine = median(ours), median(httpx_ms), median(own)
    uncached, with_client, plain = median(compiled), median(client), median(bare_httpx)
    return [
        row(
            "import flipkart_ext (cumulative)",
            total,
            "ms",
            f"<= {TARGET_RATIO}x httpx",
            total <= TARGET_RATIO * base,
            measured=f"{total:.1f} ms, {mine:.1f} ms in its own modules",
            baseline=f"{base:.1f} ms import httpx",
            ratio=total / base,
        ),
        row(
            "from flipkart_ext import FlipkartClient (all it imports)",
            with_client,
            "ms",
            "info",
            True,
            measured=f"{with_client:.1f} ms",
            baseline=f"{base:.1f} ms import httpx",
            ratio=with_client / base,
        ),
        row(
            "import httpx without its command line (no click)",
            plain,
            "ms",
            "info",
            True,
            measured=f"{plain:.1f} ms",
            baseline=f"{base:.1f} ms import httpx",
            ratio=plain / base,
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
