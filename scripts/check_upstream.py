"""Report how the upstream spec differs from the one the client was generated from.

    python scripts/check_upstream.py [--spec URL_OR_PATH] [--report PATH]

The scheduled job a maintainer runs: it normalizes upstream exactly as `make regenerate`
would, generates the client from it into a scratch folder, prints the classified API diff
against openapi/flipkart-seller-api.json (wire, Python surface and hand-written code, see
classify.py) and writes the JSON report, and changes nothing. The exit code says what to
do next.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import exit_codes
from api_diff import compare
from classify import classify, generation_summary, previous_package
from codegen import (
    GENERATED_DIR,
    NORMALIZED_SPEC,
    OPENAPI_DIR,
    PROVENANCE,
    GenerationError,
    build_package,
    dump_document,
)
from diff_report import as_json, has_breaking, text, write_json
from normalize import PipelineError, normalize
from regenerate import DEFAULT_REPORT, DEFAULT_SPEC
from spec_source import SpecError, fetch, parse


def check(
    spec: str, openapi_dir: Path = OPENAPI_DIR, generated_dir: Path = GENERATED_DIR
) -> tuple[int, list[str], dict[str, Any]]:
    """(exit code, lines for stdout, JSON report). Raises SpecError or PipelineError."""
    recorded = json.loads((openapi_dir / PROVENANCE.name).read_text(encoding="utf-8"))
    raw = fetch(spec)
    context: dict[str, Any] = {
        "command": "check-upstream",
        "spec": spec,
        "sha256": raw.sha256,
        "recorded_sha256": recorded["sha256"],
    }
    if raw.sha256 == recorded["sha256"]:
        line = f"check-upstream: {spec} unchanged (sha256 {raw.sha256[:12]})"
        return exit_codes.OK, [line], as_json([], **context, outcome="unchanged", exit_code=0)
    previous = json.loads((openapi_dir / NORMALIZED_SPEC.name).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="flipkart-check-upstream-") as scratch:
        workdir = Path(scratch)
        result = normalize(parse(raw), workdir)
        changes = compare(previous, result.document)
        context["fixup_notes"] = result.notes
        notes = [f"note: {note}" for note in result.notes]
        if result.stale_fixups:
            error = result.stale_fixup_error()
            error.report = notes + text(changes, "the committed normalized document")
            raise error
        # The Python surface needs the code each document generates (see classify.py).
        try:
            after = build_package(dump_document(result.document), recorded, workdir / "upstream")
            before = previous_package(previous, recorded, generated_dir, workdir)
        except GenerationError as exc:
            if not has_breaking(changes):
                error = PipelineError(str(exc))
                error.report = notes + text(changes, "the committed normalized document")
                raise error from None
            # Breaking on the wire already; the failed generation is one more thing to read.
            notes.append(f"note: the Python surface was not compared: {generation_summary(exc)}")
        else:
            changes = classify(previous, result.document, before, after)
    code = exit_codes.BREAKING if has_breaking(changes) else exit_codes.CHANGED
    advice = (
        "breaking changes: read them, then `make regenerate ACCEPT_BREAKING=1`"
        if code == exit_codes.BREAKING
        else "no breaking change: `make regenerate` takes it"
    )
    lines = [
        f"check-upstream: {spec} changed: sha256 {raw.sha256} differs from the recorded "
        f"{recorded['sha256']} ({recorded['source']})",
        *notes,
        *text(changes, "the committed normalized document"),
        f"check-upstream: {advice}",
    ]
    outcome = "breaking" if code == exit_codes.BREAKING else "changed"
    return code, lines, as_json(changes, **context, outcome=outcome, exit_code=code)


def main(
    argv: list[str] | None = None,
    openapi_dir: Path = OPENAPI_DIR,
    generated_dir: Path = GENERATED_DIR,
) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog=exit_codes.EPILOG_CHECK_UPSTREAM,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--spec", default=os.environ.get("SPEC") or DEFAULT_SPEC)
    parser.add_argument(
        "--report",
        type=Path,
        default=DEFAULT_REPORT,
        help="where to write the JSON report for CI (default: build/api-diff.json)",
    )
    args = parser.parse_args(argv)
    try:
        code, lines, report = check(args.spec, openapi_dir, generated_dir)
    except (SpecError, PipelineError) as exc:
        report = as_json(
            [],
            command="check-upstream",
            spec=args.spec,
            outcome="failed",
            exit_code=exit_codes.FAILED,
            error=str(exc),
        )
        write_json(args.report, report)
        if isinstance(exc, PipelineError) and exc.report:
            print("\n".join(exc.report))
        print(f"check-upstream: error: {exc}", file=sys.stderr)
        return exit_codes.FAILED
    write_json(args.report, report)
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main())
