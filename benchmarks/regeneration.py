"""Wall time of the regeneration pipeline (``make regenerate``) from a local spec file.

Runs ``scripts/regenerate.py``'s ``run()``, the function ``make regenerate`` calls: parse,
convert Swagger 2.0 to OpenAPI 3.0 with the pinned swagger2openapi (Node), apply the
fixups, validate, generate with openapi-python-client, swap in. It writes into a scratch
copy of ``openapi/`` and a scratch ``generated/``, so the tree is never touched, and
checks that the result equals the committed ``generated/`` (a regeneration that
produced something else would not be a fair timing).

The spec is the one ``openapi/provenance.json`` records when that file exists locally,
else the committed normalized OpenAPI 3.0 document (no conversion step then; the row
says which).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _measure import median, row

__all__ = ["RUNS", "default_spec", "run"]

RUNS = 3
ROOT = Path(__file__).resolve().parent.parent


def _recorded_spec() -> str:
    source: str = json.loads((ROOT / "openapi" / "provenance.json").read_text())["source"]
    return source


def default_spec() -> str:
    """The recorded upstream spec if it is on this machine, else the committed one."""
    recorded = _recorded_spec()
    if (ROOT / recorded).is_file():
        return recorded
    return "openapi/flipkart-seller-api.json"


def _files(codegen: Any, generated: Path, ignored: set[str]) -> dict[str, bytes]:
    files: dict[str, bytes] = codegen.tree_files(generated / codegen.PACKAGE_NAME)
    return {name: data for name, data in files.items() if name not in ignored}


def run(*, runs: int = RUNS, spec: str | None = None) -> list[dict[str, Any]]:
    """Median wall time of ``runs`` regenerations of ``spec`` into scratch folders."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import codegen
        import regenerate
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    spec = spec or default_spec()
    spec_path = str(ROOT / spec)
    # Another source is recorded differently in _provenance.py; the code must still match.
    ignored = set() if spec == _recorded_spec() else {"_provenance.py"}
    committed = _files(codegen, codegen.GENERATED_DIR, ignored)
    seconds = []
    with tempfile.TemporaryDirectory(prefix="flipkart-bench-regen-") as scratch:
        for index in range(runs):
            target = Path(scratch) / str(index)
            shutil.copytree(codegen.OPENAPI_DIR, target / "openapi")
            start = time.perf_counter()
            regenerate.run(
                spec_path, generated_dir=target / "generated", openapi_dir=target / "openapi"
            )
            seconds.append(time.perf_counter() - start)
            if _files(codegen, target / "generated", ignored) != committed:
                raise RuntimeError("the regeneration differs from the committed generated/")
    took = median(seconds)
    return [
        row(
            f"regeneration from {spec}",
            took,
            "s",
            "report",
            True,
            measured=f"{took:.2f} s (median of {runs})",
        )
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
