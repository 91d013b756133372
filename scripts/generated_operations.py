"""Nothing dropped by generation: every operation gets its own sync and asyncio functions.

openapi-python-client writes each operation to ``api/<tag>/<operationId>.py``, both names
snake_cased; two operations that land on the same file silently overwrite each other
(``get_shipment_details`` and ``getShipmentDetails`` do). Two checks, both run before
generated/ is replaced (and by ``make check-generated``):

- ``name_collisions``, on the normalized document before generating: no two operations
  may get the same snake_case name (under one tag they share a file); the names come
  from the generator's own naming function, so the check cannot disagree with it;
- ``missing_operations``, on a generated package: each (method, path) of the document is
  served by exactly one module, which has ``sync_detailed`` and ``asyncio_detailed`` and,
  when the operation has a body to parse, ``sync`` and ``asyncio``.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from codegen import GENERATOR_CONFIG
from openapi_python_client.parser.openapi import generate_operation_id
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import PythonIdentifier
from spec_fixups import iter_operations

PLACEHOLDER = re.compile(r"\{[^}]*\}")
ALWAYS = ("sync_detailed", "asyncio_detailed")
WHEN_PARSED = ("sync", "asyncio")


@functools.cache
def field_prefix() -> str:
    """The generator's ``field_prefix`` (for names that would not be identifiers)."""
    config = yaml.safe_load(GENERATOR_CONFIG.read_text(encoding="utf-8")) or {}
    return str(config.get("field_prefix", "field_"))


def tag_package(operation: dict[str, Any]) -> str:
    """The ``api/`` package of an operation: its first tag, as openapi-python-client names it."""
    return str(PythonIdentifier(value=(operation.get("tags") or ["default"])[0], prefix="tag"))


def module_path(method: str, path: str, operation: dict[str, Any], prefix: str) -> str:
    """``api/<tag>/<name>.py`` exactly as openapi-python-client names it."""
    tag = tag_package(operation)
    operation_id = operation.get("operationId")
    if operation_id:
        name = PythonIdentifier(operation_id, prefix=prefix)
    else:
        name = generate_operation_id(
            path=UntrustedString(path), method=method.lower(), prefix=prefix
        )
    return f"api/{tag}/{PythonIdentifier(name, prefix)}.py"


def _label(method: str, path: str, operation: dict[str, Any]) -> str:
    return f"{method} {path} (operationId {operation.get('operationId', 'none')})"


def name_collisions(document: dict[str, Any]) -> list[str]:
    """One line per generated name two or more operations would share.

    Under one tag they would overwrite each other's module; under different tags they
    would be two functions of the same name, which ``from ... import`` keeps apart only
    by package. Both are refused: a fixup renames one.
    """
    prefix = field_prefix()
    by_name: dict[str, list[tuple[str, str]]] = {}
    for method, path, operation in iter_operations(document):
        module = module_path(method, path, operation, prefix)
        name = module.rsplit("/", 1)[1].removesuffix(".py")
        by_name.setdefault(name, []).append((_label(method, path, operation), module))
    problems = []
    for name, users in sorted(by_name.items()):
        if len(users) < 2:
            continue
        labels = " and ".join(label for label, _module in users)
        modules = sorted({module for _label, module in users})
        where = (
            f"would both be generated as {modules[0]}"
            if len(modules) == 1
            else f"would share the generated name {name} ({', '.join(modules)})"
        )
        problems.append(
            f"{labels} {where}; rename one operationId with a fixup in scripts/spec_fixups.py"
        )
    return problems


def _template(path: str) -> str:
    return PLACEHOLDER.sub("{}", path)


def _url_template(node: ast.expr) -> str | None:
    """The path template of a ``"url"`` value: a literal, ``"...".format(...)`` or an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _request_line(tree: ast.Module) -> tuple[str, str] | None:
    """(METHOD, path template) from the module's ``_get_kwargs``, or None."""
    for function in tree.body:
        if not (isinstance(function, ast.FunctionDef) and function.name == "_get_kwargs"):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Dict):
                continue
            entries = {
                key.value: value
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant)
            }
            method, url = entries.get("method"), entries.get("url")
            if isinstance(method, ast.Constant) and url is not None:
                template = _url_template(url)
                if template is not None:
                    return str(method.value).upper(), _template(template)
    return None


def _missing_functions(tree: ast.Module) -> list[str]:
    defined = {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    parse = defined.get("_parse_response")
    returns = parse.returns if parse is not None else None
    parses_body = not (isinstance(returns, ast.Name) and returns.id == "Any")
    wanted = ALWAYS + (WHEN_PARSED if parses_body else ())
    missing = [name for name in wanted if name not in defined]
    for name in ("asyncio_detailed", "asyncio"):
        if (
            name in defined
            and name in wanted
            and not isinstance(defined[name], ast.AsyncFunctionDef)
        ):
            missing.append(f"{name} (not async)")
    return missing


def _modules(package_dir: Path) -> Iterator[tuple[str, ast.Module]]:
    for module in sorted((package_dir / "api").rglob("*.py")):
        if module.name != "__init__.py":
            relative = module.relative_to(package_dir).as_posix()
            yield relative, ast.parse(module.read_text(encoding="utf-8"), filename=relative)


def missing_operations(document: dict[str, Any], package_dir: Path) -> list[str]:
    """One line per operation without its own complete module in ``package_dir``."""
    served: dict[tuple[str, str], list[str]] = {}
    incomplete: dict[str, list[str]] = {}
    for relative, tree in _modules(package_dir):
        line = _request_line(tree)
        if line is None:
            continue
        served.setdefault(line, []).append(relative)
        missing = _missing_functions(tree)
        if missing:
            incomplete[relative] = missing
    problems = []
    for method, path, operation in iter_operations(document):
        label = _label(method, path, operation)
        modules = served.get((method, _template(path)), [])
        if not modules:
            problems.append(f"{label} has no generated module (dropped or overwritten)")
        elif len(modules) > 1:
            problems.append(f"{label} is generated twice: {', '.join(modules)}")
        else:
            for module in modules:
                if module in incomplete:
                    problems.append(f"{label}: {module} lacks {', '.join(incomplete[module])}")
    return problems
