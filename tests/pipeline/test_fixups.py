"""Each declared fixup corrects its upstream defect, is idempotent, and fails loudly when stale."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import regenerate
from spec_fixups import (
    OPENAPI3_FIXUPS,
    SOURCE_FIXUPS,
    Fixup,
    FixupError,
    apply_fixups,
    iter_operations,
    response_schema_names,
    run_fixups,
)

from .conftest import ROOT, tree_digest


@pytest.fixture(scope="module")
def source_fixed(upstream: dict[str, Any]) -> dict[str, Any]:
    return apply_fixups(upstream, SOURCE_FIXUPS)


def test_every_fixup_has_a_one_line_reason() -> None:
    names = [fixup.name for fixup in SOURCE_FIXUPS + OPENAPI3_FIXUPS]
    assert len(names) == len(set(names))
    for fixup in SOURCE_FIXUPS + OPENAPI3_FIXUPS:
        assert fixup.reason.strip() and "\n" not in fixup.reason, fixup.name


def test_input_document_is_not_mutated(upstream: dict[str, Any]) -> None:
    before = copy.deepcopy(upstream)
    apply_fixups(upstream, SOURCE_FIXUPS)
    assert upstream == before


def test_stray_path_parameter_becomes_query(
    upstream: dict[str, Any], source_fixed: dict[str, Any]
) -> None:
    def request_type(document: dict[str, Any]) -> dict[str, Any]:
        parameters = document["paths"]["/v3/shipments/otc/{locationId}"]["get"]["parameters"]
        return next(p for p in parameters if p["name"] == "requestType")

    assert request_type(upstream)["in"] == "path"
    assert request_type(source_fixed)["in"] == "query"
    assert request_type(source_fixed).get("required") is False


def test_duplicate_operation_ids_get_version_suffixes(
    upstream: dict[str, Any], source_fixed: dict[str, Any]
) -> None:
    def ids(document: dict[str, Any]) -> list[str]:
        return [op["operationId"] for _m, _p, op in iter_operations(document)]

    assert ids(upstream).count("submitSelfShipDeliverAttemptRequest") == 2
    fixed = ids(source_fixed)
    assert len(fixed) == len(set(fixed)) == len(ids(upstream))
    paths = {op["operationId"]: path for _m, path, op in iter_operations(source_fixed)}
    assert paths["submitSelfShipDeliverAttemptRequestV2"] == "/v2/shipments/deliveryAttempt"
    assert (
        paths["submitSelfShipDeliverAttemptRequestV3"] == "/v3/shipments/selfShip/deliveryAttempt"
    )


def test_wildcard_bodies_become_json(normalized: dict[str, Any]) -> None:
    for path in ("/v3/shipments/filter", "/v2/returns/approve", "/v2/returns/reject"):
        content = normalized["paths"][path]["post"]["requestBody"]["content"]
        assert list(content) == ["application/json"], path
    assert normalized["paths"]["/v3/shipments/filter"]["post"]["requestBody"]["required"] is True


def test_pdf_downloads_are_binary(normalized: dict[str, Any]) -> None:
    for method, path in (
        ("get", "/v3/shipments/{shipmentIds}/labels"),
        ("get", "/v3/shipments/{shipmentIds}/invoices"),
        ("post", "/v3/shipments/manifest"),
        ("post", "/v3/shipments/{shipmentIds}/labelOnly/pdf"),
    ):
        responses = normalized["paths"][path][method]["responses"]
        assert "default" not in responses
        assert responses["200"]["content"] == {
            "application/pdf": {"schema": {"format": "binary", "type": "string"}}
        }


def test_otc_records_are_objects(normalized: dict[str, Any]) -> None:
    schemas = normalized["components"]["schemas"]
    assert schemas["ReverseOTC"]["type"] == "object"
    assert schemas["Otcv2"]["type"] == "object"
    otcs = schemas["ReverseOTCResponse"]["properties"]["otcs"]
    # A list of records, each of which may be null (nullable-response-items).
    assert otcs["type"] == "array"
    assert otcs["items"] == {
        "allOf": [{"$ref": "#/components/schemas/ReverseOTC"}],
        "nullable": True,
    }


def test_response_fields_are_nullable_and_request_only_fields_are_not(
    normalized: dict[str, Any],
) -> None:
    schemas = normalized["components"]["schemas"]
    reachable = response_schema_names(normalized)
    assert {"Shipment", "OrderItem", "SearchShipmentResponse"} <= reachable
    for name in reachable:
        for field, schema in schemas[name].get("properties", {}).items():
            assert schema.get("nullable") is True, f"{name}.{field}"
    # Request-only models stay strict: we send what the spec says.
    assert "SearchShipmentRequest" not in reachable
    assert "nullable" not in schemas["Filter"]["properties"]["type"]


def test_documented_hold_filter_is_added(normalized: dict[str, Any]) -> None:
    assert normalized["components"]["schemas"]["Filter"]["properties"]["hold"] == {
        "type": "boolean"
    }


def test_fixups_are_idempotent(upstream: dict[str, Any], normalized: dict[str, Any]) -> None:
    once = apply_fixups(upstream, SOURCE_FIXUPS)
    assert apply_fixups(once, SOURCE_FIXUPS) == once
    assert apply_fixups(normalized, OPENAPI3_FIXUPS) == normalized


def test_a_fixup_whose_target_moved_fails_loudly(normalized: dict[str, Any]) -> None:
    moved = copy.deepcopy(normalized)
    del moved["paths"]["/v3/shipments/filter"]
    with pytest.raises(
        FixupError,
        match=r"fixup json-request-bodies in scripts/spec_fixups.py .*/v3/shipments/filter",
    ):
        apply_fixups(moved, OPENAPI3_FIXUPS)


# ------------------------------------------------------------ fixups report themselves


def _with_wildcard_bodies(normalized: dict[str, Any], paths: tuple[str, ...]) -> dict[str, Any]:
    """The committed document with */* put back on ``paths``, as upstream publishes them."""
    document = copy.deepcopy(normalized)
    for path in paths:
        content = document["paths"][path]["post"]["requestBody"]["content"]
        content["*/*"] = content.pop("application/json")
    return document


def test_fixup_upstream_no_longer_needs_prints_a_note_naming_it(normalized: dict[str, Any]) -> None:
    # Upstream fixed POST /v3/shipments/filter; the two returns bodies are still */*.
    document = _with_wildcard_bodies(normalized, ("/v2/returns/approve", "/v2/returns/reject"))
    fixed, log = run_fixups(document, OPENAPI3_FIXUPS)
    assert log.failures == []
    wildcard_notes = [note for note in log.notes if note.startswith("fixup json-request-bodies ")]
    assert wildcard_notes == [
        "fixup json-request-bodies is no longer needed for POST /v3/shipments/filter: upstream "
        "has it right now; remove it from scripts/spec_fixups.py"
    ]
    for path in ("/v2/returns/approve", "/v2/returns/reject"):
        assert list(fixed["paths"][path]["post"]["requestBody"]["content"]) == ["application/json"]


def test_every_fixup_notes_when_the_document_is_already_fixed(normalized: dict[str, Any]) -> None:
    _fixed, log = run_fixups(normalized, OPENAPI3_FIXUPS)
    named = {note.split(" ")[1] for note in log.notes}
    assert named == {fixup.name for fixup in OPENAPI3_FIXUPS if not fixup.policy}


def test_fixup_whose_target_is_gone_fails_naming_itself_and_its_file(
    normalized: dict[str, Any],
) -> None:
    moved = copy.deepcopy(normalized)
    del moved["paths"]["/v3/shipments/filter"]
    _fixed, log = run_fixups(moved, OPENAPI3_FIXUPS)
    assert log.failures == [
        "fixup json-request-bodies in scripts/spec_fixups.py no longer applies: "
        "POST /v3/shipments/filter is no longer in the spec",
        "fixup filter-body-required in scripts/spec_fixups.py no longer applies: "
        "POST /v3/shipments/filter is no longer in the spec",
    ]


def test_fixup_target_with_another_shape_fails_too(normalized: dict[str, Any]) -> None:
    reshaped = copy.deepcopy(normalized)
    reshaped["components"]["schemas"]["Filter"]["properties"] = ["not", "a", "mapping"]
    reshaped["components"]["schemas"]["ReverseOTC"] = {"type": "array", "items": {"type": "string"}}
    _fixed, log = run_fixups(reshaped, OPENAPI3_FIXUPS)
    assert [failure.split(" no longer applies: ")[0] for failure in log.failures] == [
        "fixup documented-filter-fields in scripts/spec_fixups.py",
        "fixup otc-records-are-objects in scripts/spec_fixups.py",
        "fixup filter-type-optional in scripts/spec_fixups.py",
    ]
    assert "schema ReverseOTC is neither" in log.failures[1]


def test_stale_fixup_stops_regeneration_after_showing_the_diff(
    tmp_path: Path, normalized: dict[str, Any]
) -> None:
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    before = tree_digest(openapi)
    moved = copy.deepcopy(normalized)
    del moved["paths"]["/v3/shipments/filter"]["post"]
    spec = tmp_path / "upstream.json"
    spec.write_text(json.dumps(moved))
    with pytest.raises(regenerate.PipelineError) as caught:
        regenerate.run(
            str(spec), generated_dir=generated, openapi_dir=openapi, accept_breaking=True
        )
    message = str(caught.value)
    assert message.startswith(
        "fixup json-request-bodies in scripts/spec_fixups.py no longer applies"
    )
    assert "fixup filter-body-required in scripts/spec_fixups.py" in message
    assert any(
        "ERR  api-removed-without-deprecation  POST /v3/shipments/filter" in line
        for line in caught.value.report
    )
    assert caught.value.report[-1].startswith("Totals: 1 ERR")
    assert tree_digest(openapi) == before and not generated.exists()


def test_regeneration_prints_the_note_and_succeeds(
    tmp_path: Path, normalized: dict[str, Any]
) -> None:
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    document = _with_wildcard_bodies(normalized, ("/v2/returns/approve", "/v2/returns/reject"))
    spec = tmp_path / "upstream.json"
    spec.write_text(json.dumps(document))
    lines = regenerate.run(str(spec), generated_dir=generated, openapi_dir=openapi)
    assert (
        "note: fixup json-request-bodies is no longer needed for POST /v3/shipments/filter: "
        "upstream has it right now; remove it from scripts/spec_fixups.py"
    ) in lines
    assert lines[-1].startswith("regenerated flipkart_seller_api")


def test_a_fixup_that_does_not_report_is_a_failure_naming_it(normalized: dict[str, Any]) -> None:
    silent = Fixup("silent", "Returns nothing.", lambda _document: None)  # type: ignore[arg-type,return-value]
    _fixed, log = run_fixups(normalized, (silent,))
    assert log.failures == [
        "fixup silent in scripts/spec_fixups.py returned None: a fixup returns the list of "
        "targets it found already correct"
    ]
