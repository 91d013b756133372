"""What a contributor runs: ``make test`` at small counts on every core, ``make soak`` for the
full-size runs, and CI running both, in that order."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Each long test has a small twin in `make test` and a full-size run in `make soak`.
LONG_TESTS = [
    "tests/faults/test_refresh_storm.py",
    "tests/faults/test_paging_faults.py",
    "tests/pipeline/test_full_cycle.py",
    "tests/packaging/test_distribution.py",
]
# The wire-chaos properties: a few examples in `make test`, the soak count in `make soak`.
CHAOS = "tests/chaos"


def _collected(*options: str) -> list[str]:
    """The ids pytest selects among the long tests and the chaos properties with ``options``."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"),
            *options,
            *LONG_TESTS,
            CHAOS,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


def _recipe(target: str) -> str:
    makefile = (ROOT / "Makefile").read_text()
    match = re.search(rf"^{target}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.MULTILINE)
    assert match is not None, target
    return match.group(1)


def test_make_test_runs_the_small_twins_and_make_soak_the_full_runs() -> None:
    default = _collected()  # what `make test` selects: pyproject's addopts
    soak = _collected("-m", "soak or chaos")  # what `make soak` selects
    assert soak and default
    # The long tests run small in one and full-size in the other; the chaos properties in both.
    long_default = {item for item in default if not item.startswith(CHAOS)}
    assert long_default.isdisjoint(soak)
    for path in LONG_TESTS:
        assert any(item.startswith(path) for item in default), f"no small run of {path}"
        assert any(item.startswith(path) for item in soak), f"no soak run of {path}"
    chaos = {item for item in soak if item.startswith(CHAOS)}
    assert chaos <= set(default)
    properties = {item.split("::", 1)[0] for item in chaos}
    assert {f"{CHAOS}/test_{name}.py" for name in ("batches", "lists", "tokens")} <= properties


def test_the_makefile_targets_select_them() -> None:
    test = _recipe("test")
    assert re.search(r"-m pytest \$\(PYTEST_PARALLEL\)\s*$", test.strip()), test
    assert "-m 'soak or chaos'" in _recipe("soak")
    assert re.search(r"^PYTEST_PARALLEL := -n ", (ROOT / "Makefile").read_text(), re.MULTILINE)
    prerequisites = re.search(r"^test: ([^#\n]*)", (ROOT / "Makefile").read_text(), re.M)
    assert prerequisites is not None and "redis" in prerequisites.group(1).split()


def test_ci_runs_make_test_then_make_soak() -> None:
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip().startswith("make ")
    ]
    assert commands == ["make test", "make soak"]


def test_the_readme_names_what_the_tests_need() -> None:
    readme = (ROOT / "README.md").read_text()
    prerequisites = readme.split("## Working on the package", 1)[1]
    assert "redis-server" in prerequisites and "make redis" in prerequisites
    assert "sudo apt-get" in prerequisites  # how it gets installed, said before it happens
    assert "make test" in prerequisites and "make soak" in prerequisites
