"""Regenerate the raw client from Flipkart's swagger.json, refusing breaking changes.

    python scripts/regenerate.py [--spec URL_OR_PATH] [--accept-breaking] [--report PATH]

Fetch -> parse -> normalize (fixups, Swagger 2.0 -> OpenAPI 3.0, validation; see
normalize.py; a fixup with nothing left to do prints a note, one whose target is gone
fails after the diff is shown) -> classified API diff against the committed normalized
document -> check no two operations share a generated module -> generate into a scratch folder ->
add the Python surface diff and the hand-written code each change breaks (classify.py) ->
gate: stop on breaking (ERR) changes unless accepted -> check none was dropped -> swap into
generated/ and openapi/ and append the diff to openapi/CHANGES.md. Any failure or refusal
leaves generated/ and openapi/ as they were.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import exit_codes
from api_diff import Change, compare
from classify import classify, generation_summary, previous_package
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
from diff_report import append_entry, as_json, changelog_entry, has_breaking, text, write_json
from generated_operations import missing_operations, name_collisions
from normalize import PipelineError, converter_version, normalize
from spec_source import SpecError, fetch, is_url, parse, spec_version

__all__ = ["BreakingChangesRefused", "PipelineError", "main", "run"]

DEFAULT_SPEC = "https://sandbox-api.flipkart.net/swagger/swagger.json"
DEFAULT_REPORT = ROOT / "build" / "api-diff.json"
CHANGELOG_NAME = "CHANGES.md"
ACCEPT_ENV = "ACCEPT_BREAKING"


class BreakingChangesRefused(PipelineError):
    """The diff has breaking changes and the maintainer did not accept them."""


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


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _write_report(
    report_path: Path | None,
    changes: list[Change],
    *,
    spec: str,
    sha256: str,
    outcome: str,
    exit_code: int,
    notes: list[str],
    error: str | None = None,
) -> None:
    if report_path is None:
        return
    write_json(
        report_path,
        as_json(
            changes,
            command="regenerate",
            spec=spec,
            sha256=sha256,
            outcome=outcome,
            exit_code=exit_code,
            error=error,
            fixup_notes=notes,
        ),
    )


def run(
    spec: str,
    generated_dir: Path = GENERATED_DIR,
    openapi_dir: Path = OPENAPI_DIR,
    *,
    accept_breaking: bool = False,
    report_path: Path | None = None,
) -> list[str]:
    """Run the whole pipeline; return the report lines.

    Raises SpecError (unusable input), BreakingChangesRefused (ERR changes, not accepted)
    or PipelineError (any other step); the last two carry the diff in ``report``. Nothing
    under ``generated_dir`` or ``openapi_dir`` changes unless every step succeeded.
    """
    normalized_path = openapi_dir / NORMALIZED_SPEC.name
    provenance_path = openapi_dir / PROVENANCE.name
    changelog_path = openapi_dir / CHANGELOG_NAME
    raw = fetch(spec)
    document = parse(raw)
    provenance = {
        # abspath, not resolve(): a symlinked checkout must record the path it was given.
        "source": spec if is_url(spec) else os.path.relpath(os.path.abspath(spec), ROOT),
        "sha256": raw.sha256,
        "generator": generator_version(),
        "converter": converter_version() if spec_version(document) == "2.0" else "none",
    }
    previous = _read_json(normalized_path)
    previous_provenance = _read_json(provenance_path) or {}
    changes: list[Change] = []
    lines: list[str] = []
    notes: list[str] = []

    def failed(exc: PipelineError, outcome: str, code: int) -> PipelineError:
        _write_report(
            report_path,
            changes,
            spec=spec,
            sha256=raw.sha256,
            outcome=outcome,
            exit_code=code,
            notes=notes,
            error=str(exc),
        )
        exc.report = lines + exc.report
        return exc

    def refusal() -> BreakingChangesRefused:
        return BreakingChangesRefused(
            "the API diff has breaking (ERR) changes; generated/ and openapi/ are "
            f"unchanged. Read them above, then rerun with {ACCEPT_ENV}=1 to accept"
        )

    with tempfile.TemporaryDirectory(prefix="flipkart-regen-") as scratch:
        workdir = Path(scratch)
        try:
            result = normalize(document, workdir)
        except PipelineError as exc:
            raise failed(exc, "failed", exit_codes.FAILED) from None
        normalized = result.document
        notes += result.notes
        changes = compare(previous or {}, normalized)
        against = "the previous normalized document" if previous else "nothing (first generation)"
        notes_lines = [f"note: {note}" for note in notes]
        lines += notes_lines + text(changes, against)
        if result.stale_fixups:
            raise failed(result.stale_fixup_error(), "failed", exit_codes.FAILED)
        collisions = name_collisions(normalized)
        if collisions:
            raise failed(
                PipelineError(
                    "two operations would share a generated module: " + "; ".join(collisions)
                ),
                "failed",
                exit_codes.FAILED,
            )
        normalized_text = dump_document(normalized)
        provenance_text = json.dumps(provenance, indent=2, sort_keys=True) + "\n"
        try:
            package = build_package(normalized_text, provenance, workdir)
            before = previous_package(previous, previous_provenance, generated_dir, workdir)
        except GenerationError as exc:
            if has_breaking(changes) and not accept_breaking:
                # The wire diff alone refuses the change; that the new document does not
                # generate is one more thing to read before accepting it.
                lines.insert(
                    len(notes_lines),
                    f"note: the Python surface was not compared: {generation_summary(exc)}",
                )
                raise failed(refusal(), "refused", exit_codes.BREAKING) from None
            raise failed(PipelineError(str(exc)), "failed", exit_codes.FAILED) from None
        # The generated code is known now: the report adds its Python surface and the
        # hand-written code each change breaks, before the gate decides.
        changes = classify(previous, normalized, before, package)
        lines[:] = notes_lines + text(changes, against)
        if has_breaking(changes) and not accept_breaking:
            raise failed(refusal(), "refused", exit_codes.BREAKING)
        dropped = missing_operations(normalized, package)
        if dropped:
            raise failed(
                PipelineError("generation dropped operations: " + "; ".join(dropped)),
                "failed",
                exit_codes.FAILED,
            )
        new_sha = raw.sha256 != previous_provenance.get("sha256")
        changelog = None
        if changes or new_sha:
            entry = changelog_entry(
                changes,
                date=datetime.datetime.now(datetime.UTC).date().isoformat(),
                source=provenance["source"],
                sha256=raw.sha256,
                previous_sha256=previous_provenance.get("sha256"),
                accepted_breaking=accept_breaking,
            )
            current = (
                changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
            )
            changelog = append_entry(current, entry)
        generated_dir.mkdir(parents=True, exist_ok=True)
        openapi_dir.mkdir(parents=True, exist_ok=True)
        staged = [
            (_stage(normalized_path, normalized_text), normalized_path),
            (_stage(provenance_path, provenance_text), provenance_path),
        ]
        if changelog is not None:
            staged.append((_stage(changelog_path, changelog), changelog_path))
        _replace_dir(package, generated_dir / PACKAGE_NAME)
        for source, target in staged:
            os.replace(source, target)
    _write_report(
        report_path,
        changes,
        spec=spec,
        sha256=raw.sha256,
        outcome="regenerated",
        exit_code=exit_codes.OK,
        notes=notes,
    )
    lines.append(f"regenerated {PACKAGE_NAME} from {spec} (sha256 {raw.sha256[:12]})")
    if has_breaking(changes):
        lines.append(f"breaking changes accepted ({ACCEPT_ENV}=1); see {CHANGELOG_NAME}")
    return lines


def _accepted_by_environment() -> bool:
    return os.environ.get(ACCEPT_ENV, "").strip().lower() in {"1", "yes", "true"}


def main(
    argv: list[str] | None = None,
    generated_dir: Path = GENERATED_DIR,
    openapi_dir: Path = OPENAPI_DIR,
) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog=exit_codes.EPILOG_REGENERATE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--spec", default=os.environ.get("SPEC") or DEFAULT_SPEC)
    parser.add_argument(
        "--accept-breaking",
        action="store_true",
        default=_accepted_by_environment(),
        help=f"take breaking (ERR) changes too (default: the {ACCEPT_ENV} environment variable)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=DEFAULT_REPORT,
        help="where to write the JSON report for CI (default: build/api-diff.json)",
    )
    args = parser.parse_args(argv)
    try:
        lines = run(
            args.spec,
            generated_dir,
            openapi_dir,
            accept_breaking=args.accept_breaking,
            report_path=args.report,
        )
    except SpecError as exc:
        # A report from an earlier run must not pass for this one's.
        write_json(
            args.report,
            as_json(
                [],
                command="regenerate",
                spec=args.spec,
                outcome="failed",
                exit_code=exit_codes.FAILED,
                error=str(exc),
            ),
        )
        print(f"regenerate: error: {exc}", file=sys.stderr)
        return exit_codes.FAILED
    except PipelineError as exc:
        if exc.report:
            print("\n".join(exc.report))
        print(f"regenerate: error: {exc}", file=sys.stderr)
        refused = isinstance(exc, BreakingChangesRefused)
        return exit_codes.BREAKING if refused else exit_codes.FAILED
    print("\n".join(lines))
    return exit_codes.OK


if __name__ == "__main__":
    sys.exit(main())
