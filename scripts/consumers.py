"""Hand-written code that names parts of the spec, and the changes that break it.

Three places outside generated/ spell spec names by hand:

- the emulator's handler table (``flipkart_ext/testing``): operationId -> handler. The
  emulator refuses to start when a handler's operationId is not in the spec it serves;
- flipkart_ext's declarations (``DECLARATIONS``): the wire names, operations and
  parameters the hand-written code reads and sends (``SpecField("Shipment",
  "shipmentId")``, ``SpecOperation("get", "/v3/shipments")``, ``SpecParam(op, "reprint")``);
  a test holds each against the normalized spec;
- the fixups (``scripts/spec_fixups.py``): each names the operations and schemas it
  corrects, and fails the pipeline when its target is gone.

``orphans`` turns a declaration or a handler that the new document no longer satisfies
into an ERR finding that names the file and line (``emulator-handler-orphaned``,
``declaration-orphaned``). ``mention`` adds the hand-written places that name what an
ERR or WARN change touches, so the report says where to look. Both read the code with
``ast``; nothing is imported, so a module that cannot import today is still read.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api_diff import (
    ERR,
    WARN,
    Change,
    matched_operations,
    operations,
    path_template,
)
from codegen import ROOT
from spec_fixups import FIXUPS_FILE, HTTP_METHODS

# flipkart_ext's declarations of the spec names it uses; the first path that exists is
# read (the module is being renamed from _wire_names.py to _spec.py).
DECLARATIONS = ("flipkart_ext/_spec.py",)
EMULATOR_DIR = "flipkart_ext/testing"
# A dict literal is taken for a handler table when most of its string keys are operationIds.
HANDLER_TABLE_SHARE = 0.5
PARAMETER_LOCATIONS = ("query", "path", "header", "cookie")

Document = dict[str, Any]


@dataclass(frozen=True)
class Reference:
    """One place in hand-written code that names a part of the spec.

    ``kind`` is ``operation`` (key: ``("GET", "/v3/shipments")``), ``operation-id``
    (``("getReturns",)``), ``schema`` (``("Filter",)``), ``field`` (``("Filter", "hold")``)
    or ``parameter`` (``("GET", "/v3/shipments", "shipmentIds", "query")``).
    """

    kind: str
    key: tuple[str, ...]
    owner: str
    where: str
    text: str

    @property
    def label(self) -> str:
        if self.kind == "operation":
            return f"{self.key[0]} {self.key[1]}"
        if self.kind == "parameter":
            return f"{self.key[3]} parameter {self.key[2]} of {self.key[0]} {self.key[1]}"
        if self.kind == "field":
            return f"{self.key[0]}.{self.key[1]}"
        if self.kind == "schema":
            return f"schema {self.key[0]}"
        return f"operationId {self.key[0]}"


def declarations_path(root: Path = ROOT) -> Path | None:
    """The declarations module of this checkout (the first of ``DECLARATIONS`` present)."""
    return next((root / p for p in DECLARATIONS if (root / p).is_file()), None)


# ------------------------------------------------------------------ reading the code


# (path, text) -> its tree: the same files are read for every change judged in a process.
_TREES: dict[tuple[str, str], ast.Module | None] = {}


def _parse(path: Path) -> ast.Module | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    key = (str(path), text)
    if key not in _TREES:
        try:
            _TREES[key] = ast.parse(text, filename=str(path))
        except SyntaxError:
            _TREES[key] = None
    return _TREES[key]


def _module_values(tree: ast.Module) -> dict[str, ast.expr]:
    values: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.value is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and isinstance(node.target, ast.Name)
        ):
            values[node.target.id] = node.value
    return values


def _resolve(node: ast.expr, values: dict[str, ast.expr], depth: int = 0) -> ast.expr:
    """Follow module-level names and ``NAME["key"]`` into dict literals."""
    if depth > 10:
        return node
    if isinstance(node, ast.Name) and node.id in values:
        return _resolve(values[node.id], values, depth + 1)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        container = _resolve(node.value, values, depth + 1)
        if isinstance(container, ast.Dict):
            for key, value in zip(container.keys, container.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == node.slice.value:
                    return _resolve(value, values, depth + 1)
    return node


class _Classifier:
    """Tells which part of ``document`` a call or tuple of string constants names."""

    def __init__(self, document: Document, values: dict[str, ast.expr]) -> None:
        self.values = values
        self.schemas = (document.get("components") or {}).get("schemas") or {}
        self.operations = operations(document)

    def operation(self, node: ast.expr) -> tuple[str, str] | None:
        node = _resolve(node, self.values)
        strings = _direct_strings(node)
        methods = [s for s in strings if s.lower() in HTTP_METHODS]
        paths = [s for s in strings if s.startswith("/")]
        if methods and paths:
            return methods[0].upper(), paths[0]
        for string in strings:
            method, _, path = string.partition(" ")
            if method.lower() in HTTP_METHODS and path.startswith("/"):
                return method.upper(), path
        return None

    def classify(self, node: ast.expr) -> tuple[str, tuple[str, ...]] | None:
        operation = self.operation(node)
        if operation is not None:
            return "operation", operation
        strings = _direct_strings(node)
        if isinstance(node, ast.Call):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(argument, ast.Constant):
                    continue
                referred = self.operation(argument)
                if referred is None:
                    continue
                declared = self.operations.get(f"{referred[0]} {referred[1]}", {})
                where = {p.get("name"): str(p.get("in")) for p in declared.get("parameters", [])}
                locations = [s for s in strings if s in PARAMETER_LOCATIONS]
                for string in strings:
                    if string in where:
                        # Where it is sent: as declared, else where the spec had it then.
                        location = locations[0] if locations else where[string]
                        return "parameter", (*referred, string, location)
        for index, schema in enumerate(strings):
            if schema in self.schemas:
                properties = self.schemas[schema].get("properties") or {}
                for name in strings[index + 1 :]:
                    if name in properties:
                        return "field", (schema, name)
                return "schema", (schema,)
        return None


def _direct_strings(node: ast.expr) -> list[str]:
    """The string constants a call or tuple holds directly (not inside nested calls)."""
    if isinstance(node, ast.Call):
        parts = [*node.args, *(k.value for k in node.keywords)]
    elif isinstance(node, ast.Tuple | ast.List):
        parts = list(node.elts)
    elif isinstance(node, ast.Constant):
        parts = [node]
    else:
        return []
    return [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _source_references(
    path: Path, owner: str, document: Document, root: Path
) -> Iterator[Reference]:
    tree = _parse(path)
    if tree is None:
        return
    classifier = _Classifier(document, _module_values(tree))
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call | ast.Tuple | ast.Constant):
            continue
        if isinstance(node, ast.Constant) and not (
            isinstance(node.value, str) and " /" in node.value
        ):
            continue
        found = classifier.classify(node)
        if found is None or found in seen:
            continue
        seen.add(found)
        yield Reference(
            found[0],
            found[1],
            owner,
            f"{_relative(path, root)}:{node.lineno}",
            ast.unparse(node)[:120],
        )


def declaration_references(document: Document, root: Path = ROOT) -> list[Reference]:
    """What flipkart_ext declares, read against ``document``."""
    path = declarations_path(root)
    if path is None:
        return []
    return list(_source_references(path, "flipkart_ext's declarations", document, root))


def fixup_references(document: Document, root: Path = ROOT) -> list[Reference]:
    """The operations, schemas and fields the fixups name."""
    return list(_source_references(root / FIXUPS_FILE, "a fixup", document, root))


def handler_references(document: Document, root: Path = ROOT) -> list[Reference]:
    """Every operationId of ``document`` that the emulator's handler table routes."""
    operation_ids = {op.get("operationId") for op in operations(document).values()}
    found: list[Reference] = []
    for path in sorted((root / EMULATOR_DIR).glob("*.py")):
        tree = _parse(path)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            keys = [
                (key, key.value)
                for key in node.keys
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
            ]
            known = [(key, name) for key, name in keys if name in operation_ids]
            if len(known) < 2 or len(known) < HANDLER_TABLE_SHARE * len(keys):
                continue
            found += [
                Reference(
                    "operation-id",
                    (name,),
                    "the emulator's handler table",
                    f"{_relative(path, root)}:{key.lineno}",
                    f'"{name}": ...',
                )
                for key, name in known
            ]
    return found


# ------------------------------------------------------------------ judging a change


def _present(
    reference: Reference, document: Document, ops: dict[str, dict[str, Any]] | None = None
) -> bool:
    ops = operations(document) if ops is None else ops
    if reference.kind == "operation-id":
        return any(op.get("operationId") == reference.key[0] for op in ops.values())
    if reference.kind == "operation":
        return f"{reference.key[0]} {reference.key[1]}" in ops
    if reference.kind == "parameter":
        op = ops.get(f"{reference.key[0]} {reference.key[1]}", {})
        return any(
            (p.get("name"), p.get("in")) == reference.key[2:] for p in op.get("parameters", [])
        )
    schemas = (document.get("components") or {}).get("schemas") or {}
    if reference.kind == "schema":
        return reference.key[0] in schemas
    schema = schemas.get(reference.key[0])
    return isinstance(schema, dict) and reference.key[1] in (schema.get("properties") or {})


def _operation_hint(reference: Reference, old: Document, new: Document) -> str:
    """Where the operation a reference names went, if it was renamed or moved."""
    old_ops, new_ops = operations(old), operations(new)
    for old_label, new_label in matched_operations(old_ops, new_ops):
        method, path = old_label.split(" ", 1)
        if reference.kind == "operation-id":
            if old_ops[old_label].get("operationId") == reference.key[0]:
                now = new_ops[new_label].get("operationId")
                return f"; {new_label} has operationId {now} now"
        elif (method, path) == reference.key[:2] and old_label != new_label:
            return f"; it is {new_label} now"
    if reference.kind == "operation-id":
        label = next(
            (lbl for lbl, op in old_ops.items() if op.get("operationId") == reference.key[0]),
            None,
        )
        if label is not None:
            return f"; {label} is gone"
    return ""


def orphans(old: Document, new: Document, root: Path = ROOT) -> list[Change]:
    """ERR findings for hand-written references the change leaves without their target."""
    changes = []
    old_ops, new_ops = operations(old), operations(new)
    for reference in handler_references(old, root) + declaration_references(old, root):
        if not _present(reference, old, old_ops) or _present(reference, new, new_ops):
            continue
        if (
            reference.kind == "parameter"
            and f"{reference.key[0]} {reference.key[1]}" not in new_ops
        ):
            continue  # the operation is gone: its own line says so
        if reference.kind == "operation-id":
            check = "emulator-handler-orphaned"
            consequence = "the emulator refuses to start"
        else:
            check = "declaration-orphaned"
            consequence = "the hand-written code that uses it reads or sends a stale name"
        hint = (
            _operation_hint(reference, old, new) if reference.kind.startswith("operation") else ""
        )
        subject = (
            f"{reference.key[0]} {reference.key[1]}"
            if reference.kind in ("operation", "parameter")
            else reference.label
        )
        changes.append(
            Change(
                check,
                subject,
                reference.where,
                f"{reference.owner} names {reference.label} ({reference.text}), which the new "
                f"document lacks{hint}: {consequence}",
            )
        )
    return changes


def _touched(change: Change, old_ops: dict[str, Any]) -> set[tuple[str, tuple[str, ...]]]:
    """The parts of the spec a wire change is about: its operation, schema and field."""
    touched: set[tuple[str, tuple[str, ...]]] = set()
    method, _, path = change.subject.partition(" ")
    if method.lower() in HTTP_METHODS and path.startswith("/"):
        touched.add(("operation", (method, path)))
        for label, op in old_ops.items():
            old_method, old_path = label.split(" ", 1)
            if old_method == method and path_template(old_path) == path_template(path):
                touched.add(("operation", (old_method, old_path)))
                touched.add(("operation-id", (str(op.get("operationId")),)))
    if change.subject.startswith("schema "):
        schema = change.subject.removeprefix("schema ")
        parts = change.path.split("/")
        if "properties" in parts:
            name = parts[parts.index("properties") + 1].replace("~1", "/").replace("~0", "~")
            touched.add(("field", (schema, name)))
        else:
            touched.add(("schema", (schema,)))
    return touched


def mention(changes: list[Change], old: Document, root: Path = ROOT) -> list[Change]:
    """``changes`` with the hand-written places that name what each ERR or WARN touches."""
    references = (
        handler_references(old, root)
        + declaration_references(old, root)
        + fixup_references(old, root)
    )
    by_key: dict[tuple[str, tuple[str, ...]], list[Reference]] = {}
    for reference in references:
        by_key.setdefault((reference.kind, reference.key), []).append(reference)
    old_ops = operations(old)
    result = []
    for change in changes:
        if change.level not in (ERR, WARN) or change.check.startswith("python-"):
            result.append(change)
            continue
        named = sorted(
            {
                f"{reference.owner} ({reference.where})"
                for key in _touched(change, old_ops)
                for reference in by_key.get(key, [])
            }
        )
        result.append(dataclasses.replace(change, consumers=tuple(named)) if named else change)
    return result
