"""Each class of issue 21 through both gates, then accepted: the code does what the report said.

The drifts (``drift.PYTHON_SURFACE``) are the changes a Python user feels that the wire
diff alone judged wrong. For each: `make check-upstream` exits 3 (breaking) or 4 (not),
with the classified lines the drift names; and after `make regenerate ACCEPT_BREAKING=1`
a fresh interpreter, importing the regenerated package, sees exactly the break the report
described (a keyword that sends another wire name, an attribute that reads another key,
an emulator that refuses to start). The refusal by `make regenerate` itself is proven in
test_drift.py.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import check_upstream
import classify
import codegen
import exit_codes
import normalize as normalize_module
import pytest
import regenerate

from .conftest import ROOT, tree_digest
from .drift import ANY_PLACE, CONSUMER_CHECKS, PYTHON_SURFACE, Drift

Doc = dict[str, Any]
BY_NAME = {drift.name: drift for drift in PYTHON_SURFACE}


@pytest.fixture(scope="module")
def cache() -> dict[str, Any]:
    return {}


@pytest.fixture(autouse=True)
def _normalize_and_generate_once_per_document(
    cache: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same input normalizes and generates to the same bytes (test_regenerate proves
    it), so each drift is converted and generated once for all the runs below."""
    real_build, real_normalize = codegen.build_package, normalize_module.normalize

    def build_package(text: str, provenance: dict[str, str], workdir: Path) -> Path:
        key = "package" + text + json.dumps(provenance, sort_keys=True)
        if key not in cache:
            cache[key] = real_build(text, provenance, tmp_path_factory.mktemp("package"))
        target = workdir / codegen.PACKAGE_NAME
        shutil.copytree(cache[key], target)
        return target

    def normalize(document: Doc, workdir: Path) -> Any:
        key = "normalized" + json.dumps(document, sort_keys=True)
        if key not in cache:
            cache[key] = real_normalize(document, workdir)
        return copy.deepcopy(cache[key])

    for module in (regenerate, check_upstream, classify):
        monkeypatch.setattr(module, "build_package", build_package)
    for module in (regenerate, check_upstream):
        monkeypatch.setattr(module, "normalize", normalize)


def _write(tmp_path: Path, upstream: Doc, drift: Drift) -> str:
    path = tmp_path / f"{drift.name}.json"
    path.write_text(json.dumps(drift.apply(upstream), indent=2))
    return str(path)


def _found(report: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {
        (c["level"], c["check"], ANY_PLACE if c["check"] in CONSUMER_CHECKS else c["path"])
        for c in report["changes"]
    }


@pytest.mark.parametrize("drift", PYTHON_SURFACE, ids=lambda drift: drift.name)
def test_each_class_is_classified_and_gated_by_both_commands(
    drift: Drift,
    tmp_path: Path,
    upstream: Doc,
    baseline: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    generated, openapi = baseline
    before = tree_digest(openapi), tree_digest(generated)
    spec, report = _write(tmp_path, upstream, drift), tmp_path / "report.json"

    code = check_upstream.main(["--spec", spec, "--report", str(report)], openapi, generated)
    assert code == (exit_codes.BREAKING if drift.breaking else exit_codes.CHANGED)
    assert _found(json.loads(report.read_text())) == set(drift.expected)
    assert (tree_digest(openapi), tree_digest(generated)) == before

    code = regenerate.main(["--spec", spec, "--report", str(report)], generated, openapi)
    written = json.loads(report.read_text())
    assert _found(written) == set(drift.expected)
    out = capsys.readouterr().out
    for level, check, path in drift.expected:
        assert any(
            line.strip().startswith(f"{level} ")
            and check in line
            and (path == ANY_PLACE or path in line)
            for line in out.splitlines()
        ), (check, path)
    if drift.breaking:
        assert (code, written["outcome"]) == (exit_codes.BREAKING, "refused")
        assert (tree_digest(openapi), tree_digest(generated)) == before
    else:
        assert (code, written["outcome"]) == (exit_codes.OK, "regenerated")


# What a fresh interpreter sees after the drift is accepted: each snippet asserts the break
# the report described, against the regenerated package (and flipkart_ext, unchanged).
AFTER_ACCEPTANCE = {
    "parameter-default-flipped": """
        from flipkart_seller_api.api.shipment_v3 import get_labels_only_pdf
        # reprint= left out: the call now sends reprint=True (it marked nothing packed before).
        assert get_labels_only_pdf._get_kwargs("S1")["params"] == {"reprint": True}
    """,
    "property-name-collision": """
        from flipkart_seller_api.models import Shipment
        shipment = Shipment.from_dict({"shipmentId": "S-old", "shipment_id": "S-new"})
        assert shipment.shipment_id == "S-new"
        assert shipment.shipmentId == "S-old"
    """,
    "enum-value-collision": """
        from flipkart_seller_api.models import OrderItemStatus
        assert OrderItemStatus.READY_TO_DISPATCH.value == "READY-TO-DISPATCH"
        assert not OrderItemStatus("READY_TO_DISPATCH").is_known
    """,
    "query-parameter-collision": """
        from flipkart_seller_api.api.shipment_v3 import get_shipment_details_by_internal_id as m
        assert m._get_kwargs(shipment_ids="S1")["params"] == {"shipment_ids": "S1"}
        assert m._get_kwargs(shipmentIds="S1")["params"] == {"shipmentIds": "S1"}
    """,
    "path-parameter-renamed": """
        from flipkart_seller_api.api.shipment_v3 import get_labels
        assert get_labels._get_kwargs(ids="S1")["url"] == "/v3/shipments/S1/labels"
        try:
            get_labels._get_kwargs(shipment_ids="S1")
        except TypeError as exc:
            assert "shipment_ids" in str(exc)
        else:
            raise AssertionError("shipment_ids= is still accepted")
    """,
    "operation-id-case-changed": """
        from flipkart_ext.testing import Emulator
        try:
            Emulator()
        except ValueError as exc:
            assert "getReturns" in str(exc), exc
        else:
            raise AssertionError("the emulator started with an orphaned handler")
    """,
}


def _accepted(tmp_path: Path, upstream: Doc, baseline: tuple[Path, Path], drift: Drift) -> Path:
    generated, openapi = baseline
    code = regenerate.main(
        [
            "--spec",
            _write(tmp_path, upstream, drift),
            "--report",
            str(tmp_path / "report.json"),
            "--accept-breaking",
        ],
        generated,
        openapi,
    )
    assert code == exit_codes.OK
    return generated


@pytest.mark.parametrize("name", sorted(AFTER_ACCEPTANCE))
def test_after_acceptance_the_code_breaks_as_the_report_said(
    name: str, tmp_path: Path, upstream: Doc, baseline: tuple[Path, Path]
) -> None:
    drift = BY_NAME[name]
    assert drift.breaking  # the gate refused it: accepting it is a maintainer's decision
    generated = _accepted(tmp_path, upstream, baseline, drift)
    env = {
        **os.environ,
        # The regenerated package must win over the editable install of the committed one.
        "PYTHONPATH": os.pathsep.join([str(generated), str(ROOT)]),
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(AFTER_ACCEPTANCE[name])],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_tag_respelled_into_the_same_package_changes_no_python_file(
    tmp_path: Path, upstream: Doc, baseline: tuple[Path, Path]
) -> None:
    drift = BY_NAME["tag-respelled"]
    assert not drift.breaking
    committed = codegen.tree_files(baseline[0] / codegen.PACKAGE_NAME)
    accepted = codegen.tree_files(
        _accepted(tmp_path, upstream, baseline, drift) / "flipkart_seller_api"
    )
    changed = {
        name
        for name in committed.keys() | accepted.keys()
        if committed.get(name) != accepted.get(name)
    }
    # The bundled document (new tag spelling) and the record of its sha256 only.
    assert changed == {"openapi.json", "_provenance.py"}
