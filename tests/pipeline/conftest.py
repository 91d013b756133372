from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from codegen import dump_document
from normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A frozen Swagger 2.0 copy of the upstream document (see fixtures/README.md); the tests
# never read the live input of `make regenerate`, which moves when Flipkart changes.
UPSTREAM = FIXTURES / "upstream-swagger.json"


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file, so a test can prove nothing changed."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="session")
def upstream_path() -> Path:
    return UPSTREAM


@pytest.fixture(scope="session")
def upstream(upstream_path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(upstream_path.read_text())
    return document


@pytest.fixture(scope="session")
def normalized() -> dict[str, Any]:
    """The committed normalized document: what the committed generated/ was built from."""
    document: dict[str, Any] = json.loads(
        (ROOT / "openapi" / "flipkart-seller-api.json").read_text()
    )
    return document


@pytest.fixture(scope="session")
def upstream_normalized(
    upstream: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The fixture copy of upstream, normalized by today's pipeline (the drift tests' baseline)."""
    document: dict[str, Any] = normalize(upstream, tmp_path_factory.mktemp("normalize")).document
    return document


@pytest.fixture(scope="session")
def baseline_generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated/ tree built from the fixture copy of upstream.

    The committed tree is that tree while the committed provenance names the fixture's
    sha256. A checkout regenerated from another document (the full-cycle test's clone,
    or a branch catching up with Flipkart) is not: the fixture copy is generated once
    then, so every baseline means what it says.
    """
    recorded = json.loads((ROOT / "openapi" / "provenance.json").read_text())["sha256"]
    if recorded == hashlib.sha256(UPSTREAM.read_bytes()).hexdigest():
        return ROOT / "generated"
    import regenerate

    work = tmp_path_factory.mktemp("baseline")
    generated, openapi = work / "generated", work / "openapi"
    shutil.copytree(ROOT / "generated", generated, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "openapi", openapi)
    arguments = ["--spec", str(UPSTREAM), "--report", str(work / "report.json")]
    code = regenerate.main([*arguments, "--accept-breaking"], generated, openapi)
    assert code == 0, f"the fixture copy of upstream did not regenerate (exit {code})"
    return generated


@pytest.fixture
def baseline(
    tmp_path: Path, upstream_normalized: dict[str, Any], baseline_generated: Path
) -> tuple[Path, Path]:
    """(generated/, openapi/) as if the fixture copy of upstream had just been regenerated.

    openapi/ holds its normalized document and provenance; generated/ is a copy of
    :func:`baseline_generated` (the gate and collision checks stop before generating, and
    a run that generates replaces it).
    """
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(baseline_generated, generated, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "openapi", openapi)
    (openapi / "flipkart-seller-api.json").write_text(dump_document(upstream_normalized))
    provenance = json.loads((openapi / "provenance.json").read_text())
    provenance["sha256"] = hashlib.sha256(UPSTREAM.read_bytes()).hexdigest()
    provenance["source"] = "tests/pipeline/fixtures/upstream-swagger.json"
    (openapi / "provenance.json").write_text(
        json.dumps(provenance, indent=2, sort_keys=True) + "\n"
    )
    return generated, openapi
