"""Mutation testing of the modules whose mistakes lose data or trust (`make mutate`).

mutmut (pinned in the ``mutation`` extra) makes one small change at a time in the
modules that ``[tool.mutmut] only_mutate`` lists in pyproject.toml (a flipped comparison,
a dropped argument, a changed constant) and runs the tests that reach the changed
function. A change that no test notices "survives": behaviour nothing pins down.

This script runs mutmut, prints the kill rate per module and the survivors, and exits 1
when any module is below ``THRESHOLD``. A line where no mutation could be observed by any
caller (an equivalent mutant, such as a codec name in another case) carries
``# pragma: no mutate (reason)``; mutmut skips it and the report lists it with its reason.
``tests/MUTATION.md`` records the results.

    python scripts/mutate.py            # run; finished mutants keep their result
    python scripts/mutate.py --report   # only print the table of the last run
    python scripts/mutate.py --fresh    # forget earlier results first
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
THRESHOLD = 0.90
# Fewer hypothesis fault schedules per mutant than the 400 of `make test`: each mutant
# runs them again, and 25 already reach every fault kind.
FAULT_SCHEDULES = "25"


@dataclass
class ModuleResult:
    path: str
    counts: dict[str, int] = field(default_factory=dict)
    survivors: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float:
        # A timeout is a kill: the change made the tests hang, and they noticed. A mutant
        # that no test reaches counts against the module, like a survivor.
        killed = self.count("killed") + self.count("timeout") + self.count("caught by type check")
        return killed / self.total if self.total else 1.0


def targets() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return list(config["only_mutate"])


def excluded_lines() -> list[str]:
    """Every line of the targets that mutmut skips, with the reason given on it."""
    lines = []
    for path in targets():
        for number, line in enumerate((ROOT / path).read_text().splitlines(), start=1):
            if "# pragma: no mutate" in line:
                reason = line.partition("# pragma: no mutate")[2].strip(" :()") or "NO REASON GIVEN"
                lines.append(f"{path}:{number}: {reason}")
    return lines


def collect() -> list[ModuleResult]:
    from mutmut.stats import status_by_exit_code

    results = []
    for path in targets():
        meta = MUTANTS / f"{path}.meta"
        if not meta.exists():
            raise SystemExit(f"no results for {path}: run `make mutate` first")
        result = ModuleResult(path)
        codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
        for name, code in sorted(codes.items()):
            status = status_by_exit_code[code]
            result.counts[status] = result.count(status) + 1
            if status not in ("killed", "timeout", "caught by type check"):
                result.survivors.append(f"{name} ({status})")
        results.append(result)
    return results


def report(results: list[ModuleResult]) -> bool:
    columns = ("killed", "timeout", "survived", "no tests", "not checked")
    header = (
        f"{'module':42} {'mutants':>7} "
        + " ".join(f"{c:>10}" for c in columns)
        + f" {'killed %':>8}"
    )
    print(header)
    print("-" * len(header))
    ok = True
    for r in results:
        below = r.rate < THRESHOLD
        ok = ok and not below
        cells = " ".join(f"{r.count(c):>10}" for c in columns)
        print(f"{r.path:42} {r.total:>7} {cells} {r.rate:>8.1%}" + ("  BELOW" if below else ""))
    excluded = excluded_lines()
    if excluded:
        print(f"\n{len(excluded)} lines excluded as equivalent (`# pragma: no mutate (reason)`):")
        for line in excluded:
            print(f"  {line}")
    survivors = [s for r in results for s in r.survivors]
    if survivors:
        print(f"\n{len(survivors)} not killed (`.venv/bin/mutmut show <name>` prints the change):")
        for name in survivors:
            print(f"  {name}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--report", action="store_true", help="only print the results of the last run"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="forget earlier results and mutate again"
    )
    parser.add_argument(
        "--max-children", type=int, help="parallel mutant runs (default: one per CPU)"
    )
    parser.add_argument(
        "--retest",
        action="store_true",
        help="re-run only the mutants not killed last time (after adding tests)",
    )
    parser.add_argument("mutants", nargs="*", help="re-run only these mutants (names or globs)")
    args = parser.parse_args(argv)

    if not args.report:
        if args.fresh and MUTANTS.exists():
            shutil.rmtree(MUTANTS)
        names = list(args.mutants)
        if args.retest:
            os.chdir(ROOT)
            # mutmut keeps a verdict until asked again by name: new tests only count once
            # the mutants they may kill are named.
            names += [name.partition(" ")[0] for result in collect() for name in result.survivors]
            if not names:
                print("nothing to retest: every mutant is killed")
        command = [sys.executable, "-m", "mutmut", "run", *names]
        if args.max_children:
            command += ["--max-children", str(args.max_children)]
        env = {
            **os.environ,
            "FAULT_SCHEDULES": os.environ.get("FAULT_SCHEDULES", FAULT_SCHEDULES),
            # No shrinking (tests/conftest.py): one failing example is enough to kill.
            "HYPOTHESIS_PROFILE": "mutation",
        }
        finished = subprocess.run(command, cwd=ROOT, env=env, check=False)
        if finished.returncode != 0:
            print(f"mutmut stopped with exit code {finished.returncode}", file=sys.stderr)
            return finished.returncode
    os.chdir(ROOT)
    return 0 if report(collect()) else 1


if __name__ == "__main__":
    sys.exit(main())
