"""The API surface report, check-generated and check-upstream each detect what they exist for."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import check_generated
import check_upstream
import pytest
from api_surface import compare

from .conftest import ROOT


def test_identical_documents_report_no_change(normalized: dict[str, Any]) -> None:
    assert compare(normalized, copy.deepcopy(normalized)).lines() == ["API surface: no change"]


def test_surface_report_names_each_kind_of_change(normalized: dict[str, Any]) -> None:
    new = copy.deepcopy(normalized)
    schemas = new["components"]["schemas"]
    new["paths"]["/v3/shipments/brandNew"] = {
        "get": {"operationId": "brandNew", "responses": {"200": {"description": "ok"}}}
    }
    del new["paths"]["/v2/returns/cancel"]
    new["paths"]["/v3/shipments/labels"]["post"]["parameters"] = [
        {"name": "x", "in": "query", "schema": {"type": "string"}}
    ]
    schemas["Brand"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    del schemas["Tax"]
    schemas["Shipment"]["properties"]["carbonFootprint"] = {"type": "number"}
    del schemas["Shipment"]["properties"]["mps"]
    schemas["Filter"]["properties"]["type"]["enum"].append("returned")

    report = compare(normalized, new)
    assert report.operations_added == ["GET /v3/shipments/brandNew (brandNew)"]
    assert report.operations_removed == ["POST /v2/returns/cancel (cancelSelfShipReturn)"]
    assert report.operations_changed == ["POST /v3/shipments/labels (pack)"]
    assert report.models_added == ["Brand"]
    assert report.models_removed == ["Tax"]
    assert report.fields_added == ["Shipment.carbonFootprint"]
    assert report.fields_removed == ["Shipment.mps"]
    assert report.enum_values_added == ["Filter.properties.type: returned"]
    assert "  operations added: GET /v3/shipments/brandNew (brandNew)" in report.lines()


def test_check_generated_passes_on_the_committed_tree() -> None:
    assert check_generated.main() == 0


def test_check_generated_names_a_hand_edited_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_dir = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", copy_dir, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy_dir / "flipkart_seller_api" / "models" / "shipment.py"
    edited.write_text(edited.read_text() + "\n# hand edit\n")
    (copy_dir / "flipkart_seller_api" / "extra.py").write_text("x = 1\n")
    assert check_generated.main(copy_dir) == 1
    err = capsys.readouterr().err
    assert "differs from a fresh regeneration: models/shipment.py" in err
    assert "not produced by the generator: extra.py" in err


def test_check_upstream_passes_when_unchanged_and_names_the_difference(
    tmp_path: Path, upstream_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_upstream.main(["--spec", str(upstream_path)]) == 0
    changed = tmp_path / "swagger.json"
    changed.write_bytes(upstream_path.read_bytes() + b"\n")
    assert check_upstream.main(["--spec", str(changed)]) == 1
    err = capsys.readouterr().err
    assert hashlib.sha256(changed.read_bytes()).hexdigest() in err
    assert json.loads((ROOT / "openapi" / "provenance.json").read_text())["sha256"] in err


def test_every_generated_module_says_it_is_generated() -> None:
    from codegen import GENERATED_HEADER

    modules = sorted((ROOT / "generated" / "flipkart_seller_api").rglob("*.py"))
    assert len(modules) > 200
    unmarked = [m.name for m in modules if not m.read_text().startswith(GENERATED_HEADER)]
    assert unmarked == []
