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

``large_document`` builds a 500-operation Swagger 2.0 document from the frozen upstream
copy: its 48 operations and 452 report calls that each filter by the same inline enums
(a status and a 3,000-value vertical), the shape that once generated one enum 452 times. ``run_large`` regenerates it
(whole pipeline, Node conversion included) against the committed workspace and reports
the wall time, the size of the generated tree, and the same without the
``shared-inline-enums`` fixup for comparison.
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _measure import median, row

__all__ = [
    "LARGE_OPERATIONS",
    "LARGE_TARGET_SECONDS",
    "RUNS",
    "default_spec",
    "large_document",
    "regenerate_large",
    "run",
    "run_large",
    "tree_size",
]

RUNS = 3
ROOT = Path(__file__).resolve().parent.parent
FROZEN_UPSTREAM = ROOT / "tests" / "pipeline" / "fixtures" / "upstream-swagger.json"
LARGE_OPERATIONS = 500
LARGE_TARGET_SECONDS = 30.0
# The order-item states: the filter every synthetic report call repeats inline.
REPORT_STATES = [
    "APPROVED",
    "PACKING_IN_PROGRESS",
    "FORM_FAILED",
    "PACKED",
    "READY_TO_DISPATCH",
    "PICKUP_COMPLETE",
    "CANCELLED",
    "RETURN_REQUESTED",
    "RETURNED",
    "SHIPPED",
    "DELIVERED",
    "COMPLETED",
]
# A product-vertical filter: large published documents list thousands of values inline.
REPORT_VERTICALS = [f"vertical_{index:04d}" for index in range(3000)]
REPORT_ANSWERS = ("ShipmentResponse", "ReturnsSearchResponseV2", "SearchShipmentResponse")


def large_document(operations: int = LARGE_OPERATIONS) -> dict[str, Any]:
    """The frozen upstream document grown to ``operations`` operations (Swagger 2.0).

    Each added operation is a report call (``GET /v3/reports/r000`` ...) spread over ten
    tags, answering one of the real response models, with a ``status`` filter (12 values)
    and a ``vertical`` filter (3,000 values) whose enums are written inline every time, as
    large published documents do.
    """
    document: dict[str, Any] = json.loads(FROZEN_UPSTREAM.read_text(encoding="utf-8"))
    existing = sum(
        1 for item in document["paths"].values() for op in item.values() if isinstance(op, dict)
    )
    for index in range(operations - existing):
        document["paths"][f"/v3/reports/r{index:03d}"] = {
            "get": {
                "tags": [f"Reports {index % 10}"],
                "summary": f"Report {index}",
                "operationId": f"getReport{index:03d}",
                "produces": ["application/json"],
                "parameters": [
                    {
                        "name": "status",
                        "in": "query",
                        "type": "string",
                        "enum": copy.copy(REPORT_STATES),
                    },
                    {
                        "name": "vertical",
                        "in": "query",
                        "type": "string",
                        "enum": copy.copy(REPORT_VERTICALS),
                    },
                    {"name": "locationId", "in": "query", "type": "string"},
                ],
                "responses": {
                    "200": {
                        "description": "successful operation",
                        "schema": {
                            "$ref": f"#/definitions/{REPORT_ANSWERS[index % len(REPORT_ANSWERS)]}"
                        },
                    }
                },
                "security": [{"Bearer": []}],
            }
        }
    return document


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a generated tree, caches left out."""
    files = [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sum(p.stat().st_size for p in files), len(files)


@contextmanager
def _scripts() -> Iterator[None]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        yield
    finally:
        sys.path.remove(str(ROOT / "scripts"))


def regenerate_large(
    workspace: Path, *, share_enums: bool = True, operations: int = LARGE_OPERATIONS
) -> tuple[float, tuple[int, int], list[str]]:
    """Regenerate the large document into ``workspace`` (a copy of generated/ and openapi/).

    Returns (seconds, (bytes, files) of the generated package, the report lines).
    ``share_enums=False`` turns the shared-inline-enums fixup off, for comparison.
    """
    with _scripts():
        import codegen
        import regenerate
        import spec_fixups

    generated, openapi = workspace / "generated", workspace / "openapi"
    if not generated.exists():
        shutil.copytree(
            codegen.GENERATED_DIR, generated, ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copytree(codegen.OPENAPI_DIR, openapi)
    spec = workspace / "large-swagger.json"
    spec.write_text(json.dumps(large_document(operations)), encoding="utf-8")
    threshold = spec_fixups.SHARED_ENUM_MIN_USES
    if not share_enums:
        spec_fixups.SHARED_ENUM_MIN_USES = 10**9
    try:
        start = time.perf_counter()
        lines = regenerate.run(
            str(spec), generated_dir=generated, openapi_dir=openapi, accept_breaking=True
        )
        took = time.perf_counter() - start
    finally:
        spec_fixups.SHARED_ENUM_MIN_USES = threshold
    return took, tree_size(generated / codegen.PACKAGE_NAME), lines


def run_large() -> list[dict[str, Any]]:
    """One regeneration of the 500-operation document, with and without shared enums."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="flipkart-bench-large-") as scratch:
        for share in (False, True):
            took, (size, files), _lines = regenerate_large(
                Path(scratch) / str(share), share_enums=share
            )
            label = "shared enums" if share else "each enum inline (fixup off)"
            rows.append(
                row(
                    f"regeneration of {LARGE_OPERATIONS} operations, {label}",
                    took,
                    "s",
                    f"< {LARGE_TARGET_SECONDS:.0f} s" if share else "report",
                    took < LARGE_TARGET_SECONDS if share else True,
                    measured=f"{took:.1f} s, tree {size / 1e6:.1f} MB in {files} files",
                )
            )
    return rows


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


def run(*, runs: int = RUNS, spec: str | None = None, large: bool = True) -> list[dict[str, Any]]:
    """Median wall time of ``runs`` regenerations of ``spec``, then (``large``) the large document."""
    with _scripts():
        import codegen
        import regenerate
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
        ),
        *(run_large() if large else []),
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["--large"]:
        for line in run_large():
            print(line)
    else:
        for line in run():
            print(line)
