"""Turn a normalized OpenAPI 3.0 document into the generated package, in a scratch folder.

Shared by ``regenerate.py`` and ``check_generated.py`` so both produce the same bytes.
Needs no Node: the input is already OpenAPI 3.0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def _tool_env() -> dict[str, str]:
    # Post hooks call ruff by name; make the one installed beside this interpreter win.
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


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
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec_path),
        "--config",
        str(GENERATOR_CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(package_dir),
    ]
    result = subprocess.run(
        command, cwd=workdir, env=_tool_env(), capture_output=True, text=True, check=False
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "warning" in output.lower() or "error" in output.lower():
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
