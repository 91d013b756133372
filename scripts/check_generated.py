"""Fail unless generated/ is exactly what the committed normalized spec produces.

Regenerates from openapi/flipkart-seller-api.json and openapi/provenance.json into a
scratch folder (no Node, no network), compares every file byte for byte with
generated/, checks that every operation of the document has its own generated sync and
asyncio functions (generated_operations.py), then runs ``mypy --strict`` on the package.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from codegen import (
    GENERATED_DIR,
    NORMALIZED_SPEC,
    PACKAGE_NAME,
    PROVENANCE,
    GenerationError,
    build_package,
    tree_files,
)
from generated_operations import missing_operations, name_collisions


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    problems = [
        f"missing from generated/: {name}" for name in sorted(expected.keys() - actual.keys())
    ]
    problems += [
        f"not produced by the generator: {name}" for name in sorted(actual.keys() - expected.keys())
    ]
    problems += [
        f"differs from a fresh regeneration: {name}"
        for name in sorted(expected.keys() & actual.keys())
        if expected[name] != actual[name]
    ]
    return problems


def main(generated_dir: Path = GENERATED_DIR) -> int:
    provenance = json.loads(PROVENANCE.read_text(encoding="utf-8"))
    normalized_text = NORMALIZED_SPEC.read_text(encoding="utf-8")
    collisions = name_collisions(json.loads(normalized_text))
    if collisions:
        print("check-generated: two operations share a generated module:", file=sys.stderr)
        print("\n".join(f"  {line}" for line in collisions), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="flipkart-check-") as scratch:
        try:
            fresh = build_package(normalized_text, provenance, Path(scratch))
        except GenerationError as exc:
            print(f"check-generated: {exc}", file=sys.stderr)
            return 1
        problems = differences(tree_files(fresh), tree_files(generated_dir / PACKAGE_NAME))
    if problems:
        print(
            "check-generated: generated/ was edited or is stale; run `make regenerate`:",
            file=sys.stderr,
        )
        print("\n".join(f"  {line}" for line in problems), file=sys.stderr)
        return 1
    dropped = missing_operations(json.loads(normalized_text), generated_dir / PACKAGE_NAME)
    if dropped:
        print("check-generated: operations without their generated functions:", file=sys.stderr)
        print("\n".join(f"  {line}" for line in dropped), file=sys.stderr)
        return 1
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE_NAME],
        cwd=generated_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    if mypy.returncode != 0:
        print(
            f"check-generated: mypy --strict failed:\n{mypy.stdout}{mypy.stderr}", file=sys.stderr
        )
        return 1
    print(
        f"check-generated: generated/{PACKAGE_NAME} matches a fresh regeneration, has every "
        "operation's sync and asyncio functions, and passes mypy --strict"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
