"""The whole cycle: after regenerating from an additive upstream change, the suite passes unedited.

A copy of the project (without .venv and caches) regenerates from the committed normalized
document grown the additive ways (a response field, a request field, enum values in a
response and a request, an operation with its model), exactly as `make regenerate` would,
then runs mypy --strict on flipkart_ext and tests in that copy. The ``soak`` run
(``make soak``) runs every test not marked slow (the slow ones are this test and the long
randomized fault schedules, which run in the outer suite); ``make test`` runs the tests that
reach the generated client most directly: every operation through the recorded cassettes,
the operation and sample checks, the lazy models and the typing of ``client.call``. The drift
is built on the committed document, so it stays additive whatever upstream looks like then.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

# What the copy runs in `make test`: the tests that meet the generated code first.
QUICK_SUITE = [
    "tests/cassettes",
    "tests/pipeline/test_operations_complete.py",
    "tests/pipeline/test_documented_samples.py",
    "tests/pipeline/test_forward_compatibility.py",
    "tests/pipeline/test_lazy_models.py",
    "tests/core/test_call_typing.py",
]
# The soak run: the whole suite but the slow tests, on every core.
WHOLE_SUITE = ["-n", "auto", "tests"]

Doc = dict[str, Any]
NOT_COPIED = shutil.ignore_patterns(
    ".venv",
    ".git",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "mutants",
    "build",
    "dist",
    "*.egg-info",
    ".demo-out",
    "flipkart-labels",
)


def grown(normalized: Doc) -> Doc:
    document = copy.deepcopy(normalized)
    schemas = document["components"]["schemas"]
    schemas["Shipment"]["properties"]["carbonFootprint"] = {"type": "number"}
    schemas["Filter"]["properties"]["sellerNote"] = {"type": "string"}
    schemas["OrderItem"]["properties"]["status"]["enum"].append("ON_HOLD")
    schemas["Filter"]["properties"]["type"]["enum"].append("onHold")
    schemas["ShipmentHistory"] = {
        "type": "object",
        "properties": {
            "shipmentId": {"type": "string"},
            "events": {"type": "array", "items": {"type": "string"}},
        },
    }
    details = document["paths"]["/v3/shipments/{shipmentIds}"]["get"]
    document["paths"]["/v3/shipments/{shipmentIds}/history"] = {
        "get": {
            "operationId": "getShipmentHistory",
            "summary": "Status history of shipments",
            "tags": details["tags"],
            "security": details["security"],
            "parameters": copy.deepcopy(details["parameters"]),
            "responses": {
                "200": {
                    "description": "successful operation",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ShipmentHistory"}
                        }
                    },
                }
            },
        }
    }
    return document


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        # The copy's suite takes about 3 minutes alone; the margin is for a loaded machine
        # (a CI run beside other work once took more than 10 minutes).
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1500,
    )


def _tail(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stdout + result.stderr)[-4000:]


NOT_INHERITED = {"ACCEPT_BREAKING", "PYTEST_ADDOPTS", "HYPOTHESIS_PROFILE"}


@pytest.mark.parametrize(
    "suite",
    [
        pytest.param(QUICK_SUITE, id="quick"),
        pytest.param(WHOLE_SUITE, id="soak", marks=pytest.mark.soak),
    ],
)
def test_suite_passes_unedited_after_an_additive_regeneration(
    tmp_path: Path, normalized: Doc, suite: list[str]
) -> None:
    clone = tmp_path / "project"
    shutil.copytree(ROOT, clone, ignore=NOT_COPIED)
    converter = ROOT / "scripts" / "node_modules"
    if converter.is_dir():
        (clone / "scripts" / "node_modules").symlink_to(converter, target_is_directory=True)
    # A checkout, not just files: some tests ask git which files are committed.
    for git in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(git, cwd=clone, check=True, capture_output=True)
    spec = tmp_path / "upstream.json"
    spec.write_text(json.dumps(grown(normalized), indent=2))
    # The copy's packages must win over the editable install, which points at ROOT.
    env = {
        # The copy's suite runs as `make test` would: small counts, whatever profile this
        # run uses (under `make soak`, the soak profile would run its chaos tests at 300).
        **{k: v for k, v in os.environ.items() if k not in NOT_INHERITED},
        "PYTHONPATH": os.pathsep.join([str(clone / "generated"), str(clone)]),
        "MYPYPATH": str(clone / "generated"),
    }

    regenerated = _run(
        [sys.executable, "scripts/regenerate.py", "--spec", str(spec), "--report", "build/r.json"],
        clone,
        env,
    )
    assert regenerated.returncode == 0, _tail(regenerated)
    assert "Totals: 0 ERR (breaking), 1 WARN (possibly breaking)" in regenerated.stdout
    module = clone / "generated/flipkart_seller_api/api/shipment_v3/get_shipment_history.py"
    assert module.is_file()
    assert (
        "carbonFootprint"
        in (clone / "generated/flipkart_seller_api/models/shipment.py").read_text()
    )

    typed = _run([sys.executable, "-m", "mypy"], clone, env)
    assert typed.returncode == 0, _tail(typed)

    suite = _run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            *("-m", "not slow and not soak", *suite),
        ],
        clone,
        env,
    )
    assert suite.returncode == 0, _tail(suite)
    assert " passed" in suite.stdout.splitlines()[-1]
