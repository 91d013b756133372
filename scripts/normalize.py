"""Turn a parsed upstream document into the normalized OpenAPI 3.0 document.

Source fixups -> Swagger 2.0 to OpenAPI 3.0 (the pinned swagger2openapi, needs Node)
-> OpenAPI 3.0 fixups -> validation. Shared by ``regenerate.py`` and ``check_upstream.py``
so both judge exactly the document a regeneration would produce.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen import ROOT
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from spec_fixups import OPENAPI3_FIXUPS, SOURCE_FIXUPS, run_fixups
from spec_source import spec_version

CONVERTER_DIR = ROOT / "scripts" / "node_modules" / "swagger2openapi"


class PipelineError(RuntimeError):
    """One step of the pipeline failed; the message is one line.

    ``report`` holds what was learnt before the failure (the classified diff), for the
    caller to print ahead of the error.
    """

    def __init__(self, message: str, report: list[str] | None = None) -> None:
        super().__init__(message)
        self.report = report or []


def converter_version() -> str:
    package = CONVERTER_DIR / "package.json"
    if not package.is_file():
        raise PipelineError(
            "swagger2openapi is not installed; run `make converter` (npm ci in scripts/)"
        )
    return f"swagger2openapi {json.loads(package.read_text())['version']}"


def convert_to_openapi3(document: dict[str, Any], workdir: Path) -> dict[str, Any]:
    source = workdir / "swagger2.json"
    target = workdir / "openapi3.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    node = shutil.which("node")
    if node is None:
        raise PipelineError("node is not on PATH; it runs the pinned swagger2openapi converter")
    converter_version()
    result = subprocess.run(
        [node, str(CONVERTER_DIR / "swagger2openapi.js"), str(source), "--outfile", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        first = next((line for line in result.stderr.splitlines() if line.strip()), "no output")
        raise PipelineError(f"swagger2openapi failed: {first.strip()}")
    converted: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return converted


@dataclass
class Normalized:
    """The normalized document and what the fixups said on the way.

    With ``stale_fixups`` the document is good for a diff report only: the pipeline
    reports the API change, then stops.
    """

    document: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    stale_fixups: list[str] = field(default_factory=list)

    def stale_fixup_error(self) -> PipelineError:
        return PipelineError("; ".join(self.stale_fixups))


def normalize(document: dict[str, Any], workdir: Path) -> Normalized:
    """Normalize ``document``. Raises PipelineError when conversion or validation fails."""
    version = spec_version(document)
    source_fixed, source_log = run_fixups(document, SOURCE_FIXUPS)
    result = Normalized({}, source_log.notes, source_log.failures)
    try:
        converted = convert_to_openapi3(source_fixed, workdir) if version == "2.0" else source_fixed
    except PipelineError:
        # The converter refuses some upstream defects a source fixup exists to correct.
        if result.stale_fixups:
            raise result.stale_fixup_error() from None
        raise
    result.document, log = run_fixups(converted, OPENAPI3_FIXUPS)
    result.notes += log.notes
    result.stale_fixups += log.failures
    try:
        validate(result.document)
    except OpenAPIValidationError as exc:
        if result.stale_fixups:
            raise result.stale_fixup_error() from None
        raise PipelineError(f"normalized spec is invalid: {exc.message}") from None
    return result
