"""Regenerate the raw client from Flipkart's swagger.json.

    python scripts/regenerate.py [--spec URL_OR_PATH]

Fetch -> parse -> convert Swagger 2.0 to OpenAPI 3.0 (swagger2openapi, pinned in
scripts/package-lock.json) -> spec fixups (scripts/spec_fixups.py) -> validate ->
generate into a scratch folder -> swap into generated/ and openapi/ -> report the
API surface change. Any failure leaves generated/ and openapi/ as they were.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from api_diff import compare
from codegen import (
    GENERATED_DIR,
    NORMALIZED_SPEC,
    OPENAPI_DIR,
    PACKAGE_NAME,
    PROVENANCE,
    ROOT,
    GenerationError,
    build_package,
    dump_document,
    generator_version,
)
from diff_report import text
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from spec_fixups import OPENAPI3_FIXUPS, SOURCE_FIXUPS, FixupError, apply_fixups
from spec_source import SpecError, fetch, is_url, parse, spec_version

DEFAULT_SPEC = "https://sandbox-api.flipkart.net/swagger/swagger.json"
CONVERTER_DIR = ROOT / "scripts" / "node_modules" / "swagger2openapi"


class PipelineError(RuntimeError):
    """One step of the pipeline failed; the message is one line."""


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


def normalize(document: dict[str, Any], workdir: Path) -> dict[str, Any]:
    version = spec_version(document)
    try:
        source_fixed = apply_fixups(document, SOURCE_FIXUPS)
        converted = convert_to_openapi3(source_fixed, workdir) if version == "2.0" else source_fixed
        fixed = apply_fixups(converted, OPENAPI3_FIXUPS)
    except FixupError as exc:
        raise PipelineError(f"spec fixup no longer applies: {exc}") from None
    try:
        validate(fixed)
    except OpenAPIValidationError as exc:
        raise PipelineError(f"normalized spec is invalid: {exc.message}") from None
    return fixed


def _replace_dir(new: Path, target: Path) -> None:
    backup = target.with_name(target.name + ".old")
    if backup.exists():
        shutil.rmtree(backup)
    if target.exists():
        target.rename(backup)
    shutil.move(str(new), str(target))
    if backup.exists():
        shutil.rmtree(backup)


def _stage(path: Path, text: str) -> Path:
    """Write beside ``path`` so the final os.replace is atomic and cannot fail half way."""
    staged = path.with_name(path.name + ".staged")
    staged.write_text(text, encoding="utf-8")
    return staged


def run(
    spec: str, generated_dir: Path = GENERATED_DIR, openapi_dir: Path = OPENAPI_DIR
) -> list[str]:
    """Run the whole pipeline; return the report lines. Raises SpecError or PipelineError.

    Nothing under ``generated_dir`` or ``openapi_dir`` changes unless every step succeeded.
    """
    normalized_path = openapi_dir / NORMALIZED_SPEC.name
    provenance_path = openapi_dir / PROVENANCE.name
    raw = fetch(spec)
    document = parse(raw)
    provenance = {
        "source": spec if is_url(spec) else os.path.relpath(Path(spec).resolve(), ROOT),
        "sha256": raw.sha256,
        "generator": generator_version(),
        "converter": converter_version() if spec_version(document) == "2.0" else "none",
    }
    previous = json.loads(normalized_path.read_text()) if normalized_path.is_file() else None
    with tempfile.TemporaryDirectory(prefix="flipkart-regen-") as scratch:
        workdir = Path(scratch)
        normalized = normalize(document, workdir)
        normalized_text = dump_document(normalized)
        provenance_text = json.dumps(provenance, indent=2, sort_keys=True) + "\n"
        try:
            package = build_package(normalized_text, provenance, workdir)
        except GenerationError as exc:
            raise PipelineError(str(exc)) from None
        generated_dir.mkdir(parents=True, exist_ok=True)
        openapi_dir.mkdir(parents=True, exist_ok=True)
        staged_spec = _stage(normalized_path, normalized_text)
        staged_provenance = _stage(provenance_path, provenance_text)
        _replace_dir(package, generated_dir / PACKAGE_NAME)
        os.replace(staged_spec, normalized_path)
        os.replace(staged_provenance, provenance_path)
    header = f"regenerated {PACKAGE_NAME} from {spec} (sha256 {raw.sha256[:12]})"
    against = "the previous normalized document" if previous else "nothing (first generation)"
    return [header, *text(compare(previous or {}, normalized), against)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", default=os.environ.get("SPEC") or DEFAULT_SPEC)
    args = parser.parse_args(argv)
    try:
        lines = run(args.spec)
    except (SpecError, PipelineError) as exc:
        print(f"regenerate: error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
