"""The CLI guide's dispatch day from the shell runs as written against ``flipkart emulator serve``."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "guides" / "cli.md").read_text()
SECTION = GUIDE.split("A whole day against the local emulator", 1)[1]
BLOCK = re.search(r"^```sh\n(.*?)^```", SECTION, re.DOTALL | re.MULTILINE)
BIN = str(Path(sys.executable).parent)


def _environ() -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FLIPKART_")}
    environ["PATH"] = BIN + os.pathsep + environ.get("PATH", "")
    return environ


@pytest.fixture
def lines() -> list[str]:
    assert BLOCK is not None, "the CLI guide lost its shell block"
    return [line for line in BLOCK.group(1).splitlines() if line.strip()]


@pytest.fixture
def served(lines: list[str]) -> Iterator[tuple[str, int]]:
    """The block's first line, started on a free port; yields (base URL, port)."""
    command = lines[0].split(" &", 1)[0]
    argv = shlex.split(command)
    assert argv[:3] == ["flipkart", "emulator", "serve"]
    argv[argv.index("--port") + 1] = "0"
    assert shutil.which("flipkart", path=_environ()["PATH"]), "the flipkart script is not installed"
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_environ()
    )
    try:
        assert process.stdout is not None
        url = ""
        for line in process.stdout:
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if found:
                url = found.group(1)
            if line.startswith("Press Ctrl-C"):
                break
        assert url, "the emulator printed no address"
        yield url, int(url.rsplit(":", 1)[1])
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_pack_labels_dispatch_manifest_from_the_guide(
    lines: list[str], served: tuple[str, int], tmp_path: Path
) -> None:
    url, port = served
    script = "\n".join(line.replace("8080", str(port)) for line in lines[1:])
    result = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + script],
        cwd=tmp_path,
        env=_environ(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    preview = (tmp_path / "pack-preview.txt").read_text()
    assert preview.startswith("# request 1 of 1: POST ") and "/v3/shipments/labels" in preview
    packed = [row.split("\t") for row in (tmp_path / "packed.tsv").read_text().splitlines()]
    assert len(packed) == 5 and {row[1] for row in packed} == {"SUCCESS"}
    assert (tmp_path / "labels" / "labels-001.pdf").read_bytes().startswith(b"%PDF-")
    manifests = sorted((tmp_path / "manifests").iterdir())
    assert len(manifests) == 1 and manifests[0].read_bytes().startswith(b"%PDF-")
    state = httpx.get(f"{url}/_emulator/state", timeout=10).json()
    assert state["shipmentsByState"] == {"READY_TO_DISPATCH": 5}
    assert "Marked ready to dispatch 5 of 5 shipments" in result.stderr
