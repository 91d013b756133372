"""Two operations sharing a generated module, or an operation without its functions, stop the pipeline."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import check_generated
import pytest
import regenerate
from generated_operations import missing_operations, name_collisions
from regenerate import PipelineError

from .conftest import ROOT, tree_digest

Doc = dict[str, Any]
PACKAGE = ROOT / "generated" / "flipkart_seller_api"
DETAILS = "GET /v3/shipments/{shipmentIds}"


def with_twin(normalized: Doc, operation_id: str) -> Doc:
    """A new operation whose operationId snake_cases like GET /v3/shipments/{shipmentIds}'s."""
    document = copy.deepcopy(normalized)
    original = document["paths"]["/v3/shipments/{shipmentIds}"]["get"]
    document["paths"]["/v3/shipments/{ids}/details"] = {
        "get": {
            "operationId": operation_id,
            "tags": original["tags"],
            "parameters": [
                {"in": "path", "name": "ids", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "ok"}},
        }
    }
    return document


def test_committed_document_and_package_are_complete(normalized: Doc) -> None:
    assert name_collisions(normalized) == []
    assert missing_operations(normalized, PACKAGE) == []


@pytest.mark.parametrize("twin_id", ["get_shipment_details", "GetShipmentDetails"])
def test_snake_case_twins_are_named_together(normalized: Doc, twin_id: str) -> None:
    original_id = normalized["paths"]["/v3/shipments/{shipmentIds}"]["get"]["operationId"]
    [problem] = name_collisions(with_twin(normalized, twin_id))
    assert f"GET /v3/shipments/{{ids}}/details (operationId {twin_id})" in problem
    assert f"{DETAILS} (operationId {original_id})" in problem
    assert "api/shipment_v3/get_shipment_details.py" in problem
    assert "scripts/spec_fixups.py" in problem


def test_same_name_under_another_tag_is_refused_too(normalized: Doc) -> None:
    document = with_twin(normalized, "get_shipment_details")
    document["paths"]["/v3/shipments/{ids}/details"]["get"]["tags"] = []
    [problem] = name_collisions(document)
    assert "would share the generated name get_shipment_details" in problem
    assert "api/default/get_shipment_details.py, api/shipment_v3/get_shipment_details.py" in problem
    assert DETAILS in problem


def test_collision_fails_regeneration_before_generating(
    tmp_path: Path, normalized: Doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(ROOT / "generated", generated, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "openapi", openapi)
    before = (tree_digest(generated), tree_digest(openapi))
    spec = tmp_path / "upstream.json"
    spec.write_text(json.dumps(with_twin(normalized, "get_shipment_details")))

    def must_not_run(*_args: Any, **_kwargs: Any) -> Path:
        raise AssertionError("the generator ran although two operations share a module")

    monkeypatch.setattr(regenerate, "build_package", must_not_run)
    with pytest.raises(PipelineError) as caught:
        regenerate.run(str(spec), generated_dir=generated, openapi_dir=openapi)
    message = str(caught.value)
    assert "share a generated module" in message
    assert "GET /v3/shipments/{ids}/details" in message and DETAILS in message
    assert any(
        "INFO endpoint-added  GET /v3/shipments/{ids}/details" in line
        for line in caught.value.report
    )
    assert (tree_digest(generated), tree_digest(openapi)) == before


def test_overwritten_module_is_reported_as_dropped(tmp_path: Path, normalized: Doc) -> None:
    package = tmp_path / "flipkart_seller_api"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "api" / "shipment_v3" / "get_shipment_details.py").unlink()
    assert missing_operations(normalized, package) == [
        f"{DETAILS} (operationId getShipmentDetails) has no generated module (dropped or overwritten)"
    ]


def test_module_without_async_function_is_reported(tmp_path: Path, normalized: Doc) -> None:
    package = tmp_path / "flipkart_seller_api"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    module = package / "api" / "shipment_v3" / "get_shipment_details.py"
    source = module.read_text()
    start = source.index("async def asyncio(")
    module.write_text(source[:start])
    assert missing_operations(normalized, package) == [
        f"{DETAILS} (operationId getShipmentDetails): api/shipment_v3/get_shipment_details.py "
        "lacks asyncio"
    ]


def test_check_generated_reports_a_collision(
    tmp_path: Path,
    normalized: Doc,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec = tmp_path / "flipkart-seller-api.json"
    spec.write_text(json.dumps(with_twin(normalized, "get_shipment_details")))
    monkeypatch.setattr(check_generated, "NORMALIZED_SPEC", spec)
    assert check_generated.main() == 1
    err = capsys.readouterr().err
    assert "two operations share a generated module" in err and DETAILS in err


def test_generator_really_overwrites_and_the_coverage_check_catches_it(
    tmp_path: Path, normalized: Doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the name check, the generator keeps one twin silently; the coverage check stops it."""
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    spec = tmp_path / "upstream.json"
    spec.write_text(json.dumps(with_twin(normalized, "get_shipment_details")))
    monkeypatch.setattr(regenerate, "name_collisions", lambda _document: [])
    with pytest.raises(PipelineError, match="generation dropped operations") as caught:
        regenerate.run(str(spec), generated_dir=generated, openapi_dir=openapi)
    assert "has no generated module (dropped or overwritten)" in str(caught.value)
    assert not generated.exists()
