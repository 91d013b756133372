"""Turn a normalized OpenAPI 3.0 document into the generated package, in a scratch folder.

Shared by ``regenerate.py`` and ``check_generated.py`` so both produce the same bytes.
Needs no Node: the input is already OpenAPI 3.0.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = ROOT / "openapi"
GENERATED_DIR = ROOT / "generated"
PACKAGE_NAME = "flipkart_seller_api"
NORMALIZED_SPEC = OPENAPI_DIR / "flipkart-seller-api.json"
PROVENANCE = OPENAPI_DIR / "provenance.json"
GENERATOR_CONFIG = OPENAPI_DIR / "generator-config.yaml"
TEMPLATES = OPENAPI_DIR / "templates"
BUNDLED_SPEC_NAME = "openapi.json"
GENERATED_HEADER = (
    "# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:\n"
    "# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.\n"
)


class GenerationError(RuntimeError):
    """openapi-python-client failed or warned; the message carries its output."""


def generator_version() -> str:
    return f"openapi-python-client {metadata.version('openapi-python-client')}"


def dump_document(document: dict[str, Any]) -> str:
    """Stable text for a spec: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@contextlib.contextmanager
def _tools_on_path() -> Iterator[None]:
    """Post hooks call ruff by name: make the one installed beside this interpreter win."""
    before = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{before}"
    try:
        yield
    finally:
        os.environ["PATH"] = before


def _generator_output(errors: Sequence[Any]) -> str:
    """The generator's warnings and errors, worded as its command line prints them."""
    lines = [
        "Warning(s) encountered while generating. Client was generated, but some pieces may be missing"
    ]
    for error in errors:
        lines += [str(error.header), "", str(error.detail or "")]
        data = getattr(error, "data", None)
        if data is not None:
            lines.append(data.model_dump_json(indent=2, exclude_unset=True, by_alias=True))
    return "\n".join(lines).strip()


def _provenance_module(provenance: dict[str, str]) -> str:
    lines = [
        '"""Where this generated client came from. Written by scripts/regenerate.py; do not edit."""',
        "",
    ]
    for key in sorted(provenance):
        lines.append(f"{key.upper()} = {json.dumps(provenance[key])}")
    return "\n".join(lines) + "\n"


def build_package(normalized_text: str, provenance: dict[str, str], workdir: Path) -> Path:
    """Generate the package under ``workdir`` and return its folder. Raises GenerationError."""
    workdir.mkdir(parents=True, exist_ok=True)
    spec_path = workdir / "spec.json"
    spec_path.write_text(normalized_text, encoding="utf-8")
    package_dir = workdir / PACKAGE_NAME
    # In this process rather than through the generator's command line: the same code and
    # output, without an interpreter start and the generator's imports for every run.
    from openapi_python_client import MetaType, generate
    from openapi_python_client.config import Config, ConfigFile

    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_CONFIG),
        MetaType.NONE,
        spec_path,
        "utf-8",
        False,
        output_path=package_dir,
    )
    printed = io.StringIO()
    with _tools_on_path(), contextlib.redirect_stdout(printed):
        try:
            errors = generate(config=config, custom_template_path=TEMPLATES)
        except Exception as exc:  # the generator's own bug, reported like its warnings
            raise GenerationError(f"openapi-python-client failed: {exc!r}") from exc
    if errors or not package_dir.is_dir():
        output = _generator_output(errors) if errors else printed.getvalue().strip()
        raise GenerationError(f"openapi-python-client did not generate cleanly:\n{output}")
    (package_dir / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    (package_dir / "_provenance.py").write_text(_provenance_module(provenance), encoding="utf-8")
    (package_dir / BUNDLED_SPEC_NAME).write_text(normalized_text, encoding="utf-8")
    for module in sorted(package_dir.rglob("*.py")):
        module.write_text(GENERATED_HEADER + module.read_text(encoding="utf-8"), encoding="utf-8")
    return package_dir


def tree_files(folder: Path) -> dict[str, bytes]:
    """Relative path -> bytes for every file, ignoring caches."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
