"""Long runs (marker ``soak``): a 500-operation document, and whole-project cycles.

- The 500-operation document (``benchmarks/regeneration.py``: the frozen upstream plus
  452 report calls that repeat a 12-value and a 3,000-value enum inline) regenerates, Node
  conversion included, in under 30 s, and its generated tree stays small because each
  repeated enum is generated once.
- After a drift is accepted in a copy of the project, the project's own tests fail where
  the report said (the chunk-limit test for a lowered maxItems, the declaration test for
  a renamed path parameter, the emulator for a respelled operationId) and pass where it
  said nothing breaks (a tag respelled into the same package).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .drift import PYTHON_SURFACE, Drift
from .test_full_cycle import NOT_COPIED

pytestmark = pytest.mark.soak

sys.path.insert(0, str(ROOT / "benchmarks"))
import regeneration  # noqa: E402

Doc = dict[str, Any]
BY_NAME = {drift.name: drift for drift in PYTHON_SURFACE}
MAX_TREE_BYTES = 10_000_000


def test_a_500_operation_document_regenerates_in_under_30_seconds(tmp_path: Path) -> None:
    took, (size, files), lines = regeneration.regenerate_large(tmp_path)
    print(f"500 operations: {took:.1f} s, generated tree {size / 1e6:.2f} MB in {files} files")
    assert took < regeneration.LARGE_TARGET_SECONDS
    assert size < MAX_TREE_BYTES, size
    package = tmp_path / "generated" / "flipkart_seller_api"
    enums = [p.name for p in (package / "models").glob("*.py") if "vertical" in p.name]
    assert enums == ["vertical.py"]
    # The report calls repeat the order-item states in the order OrderItem.status and
    # Filter.states list them, so those two share the one class OrderItemStatus now:
    # FilterStatesItem goes, and the report says so before anything is accepted.
    errors = [line.split(":")[0].split() for line in lines if line.strip().startswith("ERR ")]
    assert errors == [
        [
            "ERR",
            "python-enum-removed",
            "python",
            "flipkart_seller_api.models.FilterStatesItem",
            "models/filter_states_item.py",
        ]
    ]
    assert "OrderItemStatus has the same members and takes its place" in "\n".join(lines)
    assert lines[-2].startswith("regenerated flipkart_seller_api")


# drift -> (the project's tests it must break once accepted, or none: they must pass)
SUITE_AFTER_ACCEPTANCE = {
    "request-max-items-lowered": (
        ["tests/shipments/test_lifecycle.py::test_the_limits_are_the_specs_max_items"],
        True,
    ),
    "path-parameter-renamed": (["tests/core/test_wire_names.py"], True),
    "operation-id-case-changed": (["tests/emulator/test_returns.py"], True),
    "tag-respelled": (
        [
            "tests/core/test_wire_names.py",
            "tests/emulator/test_returns.py",
            "tests/shipments/test_lifecycle.py::test_the_limits_are_the_specs_max_items",
        ],
        False,
    ),
}


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )


@pytest.mark.parametrize("name", sorted(SUITE_AFTER_ACCEPTANCE))
def test_after_acceptance_the_project_suite_breaks_where_the_report_said(
    name: str, tmp_path: Path, upstream: Doc
) -> None:
    drift: Drift = BY_NAME[name]
    tests, breaks = SUITE_AFTER_ACCEPTANCE[name]
    assert drift.breaking == breaks
    clone = tmp_path / "project"
    shutil.copytree(ROOT, clone, ignore=NOT_COPIED)
    converter = ROOT / "scripts" / "node_modules"
    if converter.is_dir():
        (clone / "scripts" / "node_modules").symlink_to(converter, target_is_directory=True)
    spec = tmp_path / "upstream.json"
    spec.write_text(json.dumps(drift.apply(upstream), indent=2))
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"ACCEPT_BREAKING", "PYTEST_ADDOPTS"}},
        "PYTHONPATH": os.pathsep.join([str(clone / "generated"), str(clone)]),
    }
    # The fixture copy of upstream first, so the drift is the only change.
    for source in (ROOT / "tests/pipeline/fixtures/upstream-swagger.json", spec):
        regenerated = _run(
            [
                sys.executable,
                "scripts/regenerate.py",
                "--spec",
                str(source),
                "--report",
                "build/r.json",
                "--accept-breaking",
            ],
            clone,
            env,
        )
        assert regenerated.returncode == 0, regenerated.stdout[-3000:] + regenerated.stderr
    report = json.loads((clone / "build" / "r.json").read_text())
    assert report["breaking"] == breaks
    suite = _run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], clone, env
    )
    if breaks:
        assert suite.returncode == 1, suite.stdout[-3000:]
        assert (
            " failed" in suite.stdout.splitlines()[-1] or " error" in suite.stdout.splitlines()[-1]
        )
    else:
        assert suite.returncode == 0, suite.stdout[-3000:]
