"""The gate: breaking changes stop `make regenerate` with the tree untouched unless accepted.

The input is the committed normalized document (OpenAPI 3.0, so no Node step), changed
the way an upstream change would change it; the workspace is a copy of generated/ and
openapi/, so the repository is never written to.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import check_upstream
import exit_codes
import pytest
import regenerate
from regenerate import BreakingChangesRefused

from .conftest import ROOT, tree_digest

Doc = dict[str, Any]
TOTALS_PREFIX = "Totals: "


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(ROOT / "generated", generated, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "openapi", openapi)
    return generated, openapi


def drifted(tmp_path: Path, normalized: Doc, change: Callable[[Doc], None]) -> str:
    document = copy.deepcopy(normalized)
    change(document)
    path = tmp_path / "upstream.json"
    path.write_text(json.dumps(document, indent=1))
    return str(path)


def remove_next_page_url(doc: Doc) -> None:
    del doc["components"]["schemas"]["SearchShipmentResponse"]["properties"]["nextPageUrl"]


def add_response_enum_value(doc: Doc) -> None:
    doc["components"]["schemas"]["OrderItem"]["properties"]["status"]["enum"].append("HELD_BY_TEST")


def add_optional_filter_field(doc: Doc) -> None:
    doc["components"]["schemas"]["Filter"]["properties"]["addedByTest"] = {"type": "string"}


def test_breaking_change_is_refused_and_nothing_changes(
    tmp_path: Path, normalized: Doc, workspace: tuple[Path, Path]
) -> None:
    generated, openapi = workspace
    before = (tree_digest(generated), tree_digest(openapi))
    spec = drifted(tmp_path, normalized, remove_next_page_url)
    report = tmp_path / "report.json"
    with pytest.raises(BreakingChangesRefused, match="ACCEPT_BREAKING=1") as refused:
        regenerate.run(spec, generated_dir=generated, openapi_dir=openapi, report_path=report)
    assert (tree_digest(generated), tree_digest(openapi)) == before
    lines = refused.value.report
    assert any(
        line.startswith("  ERR  response-optional-property-removed  schema SearchShipmentResponse")
        and "#/components/schemas/SearchShipmentResponse/properties/nextPageUrl" in line
        for line in lines
    ), lines
    # The wire change, the attribute users read, and the pager's declaration of the key.
    assert lines[-1].startswith(TOTALS_PREFIX + "3 ERR")
    written = json.loads(report.read_text())
    assert written["outcome"] == "refused" and written["exit_code"] == exit_codes.BREAKING
    assert {(c["level"], c["check"]) for c in written["changes"]} == {
        ("ERR", "response-optional-property-removed"),
        ("ERR", "python-attribute-removed"),
        ("ERR", "declaration-orphaned"),
    }


def test_breaking_change_is_taken_when_accepted_and_logged(
    tmp_path: Path, normalized: Doc, workspace: tuple[Path, Path]
) -> None:
    generated, openapi = workspace
    spec = drifted(tmp_path, normalized, remove_next_page_url)
    changelog_before = (openapi / "CHANGES.md").read_text()
    lines = regenerate.run(spec, generated_dir=generated, openapi_dir=openapi, accept_breaking=True)
    assert lines[-1].startswith("breaking changes accepted")
    written = json.loads((openapi / "flipkart-seller-api.json").read_text())
    assert (
        "nextPageUrl"
        not in written["components"]["schemas"]["SearchShipmentResponse"]["properties"]
    )
    model = (
        generated / "flipkart_seller_api" / "models" / "search_shipment_response.py"
    ).read_text()
    assert "nextPageUrl" not in model
    changelog = (openapi / "CHANGES.md").read_text()
    assert changelog.startswith(changelog_before)
    entry = changelog[len(changelog_before) :]
    sha = hashlib.sha256(Path(spec).read_bytes()).hexdigest()
    assert f"upstream sha256 {sha[:12]}" in entry and f"sha256 `{sha}`" in entry
    assert "Breaking changes accepted with `ACCEPT_BREAKING=1`." in entry
    assert "| ERR | `response-optional-property-removed` |" in entry


def test_possibly_breaking_change_prints_but_does_not_gate(
    tmp_path: Path, normalized: Doc, workspace: tuple[Path, Path]
) -> None:
    generated, openapi = workspace
    spec = drifted(tmp_path, normalized, add_response_enum_value)
    lines = regenerate.run(spec, generated_dir=generated, openapi_dir=openapi)
    assert any(
        "WARN response-property-enum-value-added  schema OrderItem" in line for line in lines
    )
    assert TOTALS_PREFIX + "0 ERR (breaking), 1 WARN" in "\n".join(lines)
    assert lines[-1].startswith("regenerated flipkart_seller_api")
    assert "HELD_BY_TEST" in (openapi / "flipkart-seller-api.json").read_text()


def test_main_exit_codes_and_environment_acceptance(
    tmp_path: Path,
    normalized: Doc,
    workspace: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    generated, openapi = workspace
    spec = drifted(tmp_path, normalized, remove_next_page_url)
    report = str(tmp_path / "report.json")
    monkeypatch.delenv("ACCEPT_BREAKING", raising=False)
    assert (
        regenerate.main(["--spec", spec, "--report", report], generated, openapi)
        == exit_codes.BREAKING
    )
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1].startswith(TOTALS_PREFIX + "3 ERR")
    assert captured.err.startswith("regenerate: error: the API diff has breaking (ERR) changes")
    assert captured.err.count("\n") == 1
    monkeypatch.setenv("ACCEPT_BREAKING", "1")
    assert (
        regenerate.main(["--spec", spec, "--report", report], generated, openapi) == exit_codes.OK
    )
    assert json.loads(Path(report).read_text())["outcome"] == "regenerated"


def test_help_documents_the_exit_codes() -> None:
    for script, codes in (("regenerate.py", "0123"), ("check_upstream.py", "01234")):
        out = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / script), "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "exit codes:" in out
        for code in codes:
            assert f"\n  {code}  " in out, (script, code)


# ------------------------------------------------------------------ check-upstream


@pytest.fixture
def recorded(tmp_path: Path, normalized: Doc) -> tuple[Path, str]:
    """An openapi/ copy whose provenance records the committed document's own bytes."""
    openapi = tmp_path / "recorded-openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    spec = openapi / "flipkart-seller-api.json"
    provenance = json.loads((openapi / "provenance.json").read_text())
    provenance["sha256"] = hashlib.sha256(spec.read_bytes()).hexdigest()
    (openapi / "provenance.json").write_text(json.dumps(provenance))
    return openapi, str(spec)


@pytest.mark.parametrize(
    ("change", "expected", "line"),
    [
        (add_optional_filter_field, exit_codes.CHANGED, "INFO new-optional-request-property"),
        (add_response_enum_value, exit_codes.CHANGED, "WARN response-property-enum-value-added"),
        (remove_next_page_url, exit_codes.BREAKING, "ERR  response-optional-property-removed"),
    ],
)
def test_check_upstream_classifies_without_changing_anything(
    tmp_path: Path,
    normalized: Doc,
    recorded: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
    change: Callable[[Doc], None],
    expected: int,
    line: str,
) -> None:
    openapi, same = recorded
    before = tree_digest(openapi)
    report = tmp_path / "report.json"
    assert check_upstream.main(["--spec", same, "--report", str(report)], openapi) == exit_codes.OK
    assert json.loads(report.read_text())["outcome"] == "unchanged"
    capsys.readouterr()
    spec = drifted(tmp_path, normalized, change)
    assert check_upstream.main(["--spec", spec, "--report", str(report)], openapi) == expected
    out = capsys.readouterr().out
    assert line in out
    assert out.splitlines()[-2].startswith(TOTALS_PREFIX)
    assert json.loads(report.read_text())["exit_code"] == expected
    assert tree_digest(openapi) == before


def test_check_upstream_bytes_only_change_is_reported_as_changed(
    tmp_path: Path, recorded: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    openapi, same = recorded
    respaced = tmp_path / "respaced.json"
    respaced.write_text(json.dumps(json.loads(Path(same).read_text())))
    assert check_upstream.main(
        ["--spec", str(respaced), "--report", str(tmp_path / "r.json")], openapi
    ) == (exit_codes.CHANGED)
    out = capsys.readouterr().out
    assert "no change" in out and hashlib.sha256(respaced.read_bytes()).hexdigest() in out
    assert hashlib.sha256(Path(same).read_bytes()).hexdigest() in out  # the recorded one
