"""Fail when the upstream spec no longer matches the one the client was generated from.

Meant for a scheduled CI job: a non-zero exit tells maintainers to run `make regenerate`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from codegen import PROVENANCE
from regenerate import DEFAULT_SPEC
from spec_source import SpecError, fetch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", default=os.environ.get("SPEC") or DEFAULT_SPEC)
    args = parser.parse_args(argv)
    recorded = json.loads(PROVENANCE.read_text(encoding="utf-8"))
    try:
        raw = fetch(args.spec)
    except SpecError as exc:
        print(f"check-upstream: error: {exc}", file=sys.stderr)
        return 1
    if raw.sha256 != recorded["sha256"]:
        print(
            f"check-upstream: {args.spec} changed: sha256 {raw.sha256} differs from the "
            f"recorded {recorded['sha256']} ({recorded['source']}); run `make regenerate`",
            file=sys.stderr,
        )
        return 1
    print(f"check-upstream: {args.spec} unchanged (sha256 {raw.sha256[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
