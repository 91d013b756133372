"""Drifted upstream documents through `make regenerate`: class, path and gate behaviour.

Every drift starts from the frozen Swagger 2.0 copy (fixtures/upstream-swagger.json) and
runs against a workspace that was regenerated from that same copy, so each report holds
exactly the drift's own changes, whatever the committed documents look like today.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import exit_codes
import pytest
import regenerate

from .conftest import tree_digest
from .drift import (
    ADDITIVE,
    ANY_PLACE,
    BREAKING,
    COLLISION,
    CONSUMER_CHECKS,
    ERR,
    FIXUP_TARGET_GONE,
    UPSTREAM_FIXED_FIXUP,
    Drift,
)

Doc = dict[str, Any]


def _write(tmp_path: Path, document: Doc) -> str:
    path = tmp_path / "upstream.json"
    path.write_text(json.dumps(document, indent=2))
    return str(path)


def _run_main(
    tmp_path: Path, upstream: Doc, drift: Drift, workspace: tuple[Path, Path], *extra: str
) -> tuple[int, dict[str, Any]]:
    generated, openapi = workspace
    spec = _write(tmp_path, drift.apply(upstream))
    report = tmp_path / "report.json"
    code = regenerate.main(["--spec", spec, "--report", str(report), *extra], generated, openapi)
    return code, json.loads(report.read_text())


def _found(report: dict[str, Any], drift: Drift | None = None) -> set[tuple[str, str, str]]:
    """(level, check, path) of each change; hand-written places by check only (ANY_PLACE)."""
    tolerated = drift.tolerated if drift else frozenset()
    return {
        (c["level"], c["check"], ANY_PLACE if c["check"] in CONSUMER_CHECKS else c["path"])
        for c in report["changes"]
        if c["check"] not in tolerated
    }


# Every drift generates the client now (the report judges the Python surface too), about
# two seconds each. The default run takes one drift per kind of change; the others run
# under the soak marker. Each class is also judged at the wire level in test_api_diff.py.
IN_THE_DEFAULT_RUN = frozenset(
    {
        "operation-removed",
        "response-field-renamed",
        "request-field-renamed",
        "parameter-location-changed",
        "model-removed",
        "operation-id-changed",
        "tag-changed",
        "new-operation-and-model",
        "new-response-enum-value",
    }
)


def _sampled(drifts: tuple[Drift, ...]) -> list[Any]:
    return [
        pytest.param(
            drift,
            id=drift.name,
            marks=() if drift.name in IN_THE_DEFAULT_RUN else (pytest.mark.soak,),
        )
        for drift in drifts
    ]


@pytest.mark.parametrize("drift", _sampled(BREAKING))
def test_breaking_drift_is_refused_with_its_class_and_path(
    drift: Drift,
    tmp_path: Path,
    upstream: Doc,
    baseline: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = tuple(tree_digest(folder) for folder in baseline)
    code, report = _run_main(tmp_path, upstream, drift, baseline)
    assert code == exit_codes.BREAKING
    assert _found(report, drift) == set(drift.expected)
    assert report["outcome"] == "refused"
    assert tuple(tree_digest(folder) for folder in baseline) == before
    out, err = capsys.readouterr()
    for level, check, path in drift.expected:
        assert any(
            line.strip().startswith(f"{level} ")
            and check in line
            and (path == ANY_PLACE or path in line)
            for line in out.splitlines()
        ), (check, out)
    assert out.splitlines()[-1].startswith(f"Totals: {report['totals'][ERR]} ERR (breaking)")
    assert "ACCEPT_BREAKING=1" in err


@pytest.mark.parametrize("drift", _sampled(ADDITIVE))
def test_additive_drift_regenerates_and_is_logged(
    drift: Drift, tmp_path: Path, upstream: Doc, baseline: tuple[Path, Path]
) -> None:
    generated, openapi = baseline
    changelog_before = (openapi / "CHANGES.md").read_text()
    code, report = _run_main(tmp_path, upstream, drift, baseline)
    assert code == exit_codes.OK
    assert _found(report, drift) == set(drift.expected)
    assert report["outcome"] == "regenerated"
    entry = (openapi / "CHANGES.md").read_text()[len(changelog_before) :]
    assert f"upstream sha256 {report['sha256'][:12]}" in entry
    for level, check, _path in drift.expected:
        assert f"| {level} | `{check}` |" in entry
    normalized = json.loads((openapi / "flipkart-seller-api.json").read_text())
    assert normalized == json.loads(
        (generated / "flipkart_seller_api" / "openapi.json").read_text()
    )


def test_new_operation_gets_its_sync_and_async_functions(
    tmp_path: Path, upstream: Doc, baseline: tuple[Path, Path]
) -> None:
    generated, _openapi = baseline
    drift = next(d for d in ADDITIVE if d.name == "new-operation-and-model")
    assert _run_main(tmp_path, upstream, drift, baseline)[0] == exit_codes.OK
    module = generated / "flipkart_seller_api" / "api" / "shipment_v3" / "get_shipment_history.py"
    source = module.read_text()
    for function in (
        "def sync_detailed(",
        "def sync(",
        "async def asyncio_detailed(",
        "async def asyncio(",
    ):
        assert function in source
    assert "/v3/shipments/" in source and "/history" in source


def test_breaking_drift_is_taken_when_accepted(
    tmp_path: Path, upstream: Doc, baseline: tuple[Path, Path]
) -> None:
    generated, openapi = baseline
    drift = next(d for d in BREAKING if d.name == "operation-removed")
    code, report = _run_main(tmp_path, upstream, drift, baseline, "--accept-breaking")
    assert code == exit_codes.OK and report["outcome"] == "regenerated"
    assert not (
        generated / "flipkart_seller_api" / "api" / "returns_v2" / "get_returns.py"
    ).exists()
    assert (
        "/v2/returns" not in json.loads((openapi / "flipkart-seller-api.json").read_text())["paths"]
    )
    assert (
        "Breaking changes accepted with `ACCEPT_BREAKING=1`."
        in (openapi / "CHANGES.md").read_text()
    )


def test_collision_is_an_error_before_the_swap_naming_both(
    tmp_path: Path,
    upstream: Doc,
    baseline: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = tuple(tree_digest(folder) for folder in baseline)
    code, report = _run_main(tmp_path, upstream, COLLISION, baseline)
    assert code == exit_codes.FAILED
    assert tuple(tree_digest(folder) for folder in baseline) == before
    assert _found(report) == set(COLLISION.expected)
    err = capsys.readouterr().err
    assert "GET /v3/shipments/{ids}/details (operationId get_shipment_details)" in err
    assert "GET /v3/shipments/{shipmentIds} (operationId getShipmentDetails)" in err
    assert "api/shipment_v3/get_shipment_details.py" in err


def test_fixup_upstream_fixed_prints_a_note_and_regenerates(
    tmp_path: Path,
    upstream: Doc,
    baseline: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = _run_main(tmp_path, upstream, UPSTREAM_FIXED_FIXUP, baseline)
    assert code == exit_codes.OK
    assert report["changes"] == []
    out = capsys.readouterr().out
    assert (
        "note: fixup json-request-bodies is no longer needed for POST /v3/shipments/filter" in out
    )
    assert report["fixup_notes"] == [
        "fixup json-request-bodies is no longer needed for POST /v3/shipments/filter: upstream "
        "has it right now; remove it from scripts/spec_fixups.py"
    ]


def test_fixup_whose_target_is_gone_fails_naming_it_after_the_report(
    tmp_path: Path,
    upstream: Doc,
    baseline: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = tuple(tree_digest(folder) for folder in baseline)
    code, report = _run_main(tmp_path, upstream, FIXUP_TARGET_GONE, baseline, "--accept-breaking")
    assert code == exit_codes.FAILED
    assert tuple(tree_digest(folder) for folder in baseline) == before
    assert _found(report) == set(FIXUP_TARGET_GONE.expected)
    out, err = capsys.readouterr()
    assert "ERR  api-removed-without-deprecation  POST /v3/shipments/filter" in out
    assert err.startswith(
        "regenerate: error: fixup json-request-bodies in scripts/spec_fixups.py no longer applies: "
        "POST /v3/shipments/filter is no longer in the spec"
    )


def test_a_breaking_document_that_does_not_generate_is_refused_with_a_note(
    tmp_path: Path,
    upstream: Doc,
    baseline: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An XML-only body is breaking on the wire, and the generator drops the operation:
    the refusal says both, and nothing changes."""
    drift = next(d for d in BREAKING if d.name == "request-content-type-changed")
    before = tuple(tree_digest(folder) for folder in baseline)
    code, report = _run_main(tmp_path, upstream, drift, baseline)
    assert (code, report["outcome"]) == (exit_codes.BREAKING, "refused")
    assert tuple(tree_digest(folder) for folder in baseline) == before
    notes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert notes[0].startswith("note: the Python surface was not compared: WARNING parsing ")
    assert "Unsupported content type application/xml" in notes[0]
    accepted, _report = _run_main(tmp_path, upstream, drift, baseline, "--accept-breaking")
    assert accepted == exit_codes.FAILED
    assert tuple(tree_digest(folder) for folder in baseline) == before
