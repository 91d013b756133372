"""The Python surface of a generated package, and how it changed: what a user would feel.

The wire diff (``api_diff.py``) judges the documents; this module judges the code the
generator made from them. It reads a generated package with ``ast`` (nothing is imported)
and records what code written against it uses:

- every endpoint module (``api/<tag>/<name>.py``): the operation it sends, its public
  functions, and each argument: position, default, annotation and the wire name it sends
  (``query shipmentIds``, ``path parameter 1``, ``header X-Id``, ``body``);
- every model class: each attribute with the JSON key ``from_dict`` reads it from and the
  key ``to_dict`` writes it to, its default and annotation;
- every enum class: member name -> value;
- the public names of the other modules (``client``, ``errors``, ``types``).

The wire names are traced through each function's assignments (``params["shipmentIds"] =
shipment_ids``, ``_shipment_id = d.pop("shipmentId", UNSET)`` ... ``cls(shipment_id=...)``),
so the record holds what the code really sends and reads, whatever the template spells.

``compare_surfaces`` classifies the differences with the ``python-*`` checks of
``api_diff.PYTHON_CHECKS``. A Python name that now maps to another wire name is a
``python-name-collision``; a wire name now mapped to another Python name (or to none) is
``python-name-changed``; each names both.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from api_diff import Change
from generated_operations import _request_line

PUBLIC_FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
# The argument every generated function takes, unrelated to the operation.
CLIENT_ARGUMENT = "client"
# Sinks of _get_kwargs: the dict an argument lands in says where it goes on the wire.
WIRE_DICTS = {"params": "query", "headers": "header", "cookies": "cookie"}
BODY_KEYS = ("json", "content", "files", "data")
UNKNOWN_VALUE = "no member (it parses as unknown)"
NOT_SENT = "(not sent)"


@dataclass(frozen=True)
class Argument:
    """One argument of an endpoint function."""

    name: str
    wire: str
    position: int | None
    default: str | None
    annotation: str

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Endpoint:
    """One endpoint module (``api/shipment_v3/get_labels.py``) and what it sends."""

    module: str
    operation: str
    functions: tuple[str, ...]
    arguments: dict[str, Argument]
    returns: str


@dataclass(frozen=True)
class Attribute:
    """One attribute of a model: the JSON key it is read from and written to."""

    name: str
    reads: str | None
    writes: str | None
    default: str | None
    required: bool
    annotation: str


@dataclass(frozen=True)
class Model:
    name: str
    module: str
    attributes: dict[str, Attribute]


@dataclass(frozen=True)
class Enum:
    name: str
    module: str
    members: dict[str, str]


@dataclass
class Surface:
    """Everything a user of one generated package can name."""

    package: str
    endpoints: dict[str, Endpoint] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    enums: dict[str, Enum] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------ reading the code


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _base_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Subscript | ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _bindings(function: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    """(name, expression it takes values from) for every binding inside ``function``.

    Assignments, loop and comprehension targets, and the mutating calls the generator
    uses to fill containers (``items.append(item)``, ``field_dict.update({...})``).
    """
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for element in ast.walk(target):
                    name = _base_name(element) if isinstance(element, ast.expr) else None
                    if name:
                        yield name, node.value
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
            name = _base_name(node.target)
            if name:
                yield name, node.value
        elif isinstance(node, ast.NamedExpr):
            yield node.target.id, node.value
        elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
            for element in ast.walk(node.target):
                if isinstance(element, ast.Name):
                    yield element.id, node.iter
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"append", "extend", "update", "add", "insert"}
        ):
            name = _base_name(node.func.value)
            if name:
                for argument in node.args:
                    yield name, argument


def _origins(
    function: ast.AST, seeds: Callable[[ast.AST], set[str]]
) -> Callable[[ast.AST], set[str]]:
    """A function giving the seeds an expression's value can come from inside ``function``.

    ``seeds(expression)`` names the values an expression reads directly (a JSON key popped
    from the payload, ``self.<attribute>``, an argument); the origins of a local name are
    the seeds of everything assigned to it, followed through other names to a fixed point.
    """
    feeds: dict[str, set[str]] = {}
    direct: dict[str, set[str]] = {}
    for name, value in _bindings(function):
        feeds.setdefault(name, set()).update(_names_in(value))
        direct.setdefault(name, set()).update(seeds(value))
    resolved: dict[str, set[str]] = {name: set(found) for name, found in direct.items()}
    changed = True
    while changed:
        changed = False
        for name, sources in feeds.items():
            before = len(resolved[name])
            for source in sources:
                resolved[name] |= resolved.get(source, set())
            changed = changed or len(resolved[name]) != before

    def origins(expression: ast.AST) -> set[str]:
        found = set(seeds(expression))
        for name in _names_in(expression):
            found |= resolved.get(name, set())
        return found

    return origins


def _constant_strings(node: ast.AST) -> list[str]:
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def _functions(
    tree: ast.Module | ast.ClassDef,
) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    return {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def _arguments(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[Argument]:
    """The arguments of a public function, without the wire names (see ``_wire_names``)."""
    args = function.args
    positional = args.posonlyargs + args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(
        args.defaults
    )
    found = [
        Argument(
            arg.arg,
            "",
            index,
            None if default is None else ast.unparse(default),
            ast.unparse(arg.annotation) if arg.annotation else "",
        )
        for index, (arg, default) in enumerate(zip(positional, defaults, strict=True))
    ]
    found += [
        Argument(
            arg.arg,
            "",
            None,
            None if default is None else ast.unparse(default),
            ast.unparse(arg.annotation) if arg.annotation else "",
        )
        for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    return [argument for argument in found if argument.name != CLIENT_ARGUMENT]


def _wire_names(get_kwargs: ast.FunctionDef | None) -> dict[str, set[str]]:
    """Argument name -> the wire names its value reaches in ``_get_kwargs``."""
    if get_kwargs is None:
        return {}
    parameters = {a.arg for a in get_kwargs.args.args + get_kwargs.args.kwonlyargs}

    def seeds(node: ast.AST) -> set[str]:
        return _names_in(node) & parameters

    origins = _origins(get_kwargs, seeds)
    wire: dict[str, set[str]] = {}

    def sink(value: ast.AST, where: str) -> None:
        for argument in origins(value):
            wire.setdefault(argument, set()).add(where)

    for node in ast.walk(get_kwargs):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if not (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.slice, ast.Constant)
                    and isinstance(target.slice.value, str)
                ):
                    continue
                container = _base_name(target.value)
                key = target.slice.value
                if container in WIRE_DICTS:
                    sink(node.value, f"{WIRE_DICTS[container]} {key}")
                elif key in BODY_KEYS:
                    sink(node.value, "body")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            # The URL template: an argument is sent as the n-th path segment placeholder,
            # whatever the placeholder is called.
            placeholders = re.findall(r"\{([^}]*)\}", node.func.value.value)
            for keyword in node.keywords:
                if keyword.arg in placeholders:
                    sink(keyword.value, f"path parameter {placeholders.index(keyword.arg) + 1}")
        elif isinstance(node, ast.JoinedStr):
            values = [v for v in node.values if isinstance(v, ast.FormattedValue)]
            for index, value in enumerate(values, start=1):
                sink(value.value, f"path parameter {index}")
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in BODY_KEYS:
                    sink(value, "body")
    return wire


def _endpoint(module: str, tree: ast.Module) -> Endpoint | None:
    line = _request_line(tree)
    if line is None:
        return None
    functions = _functions(tree)
    public = tuple(name for name in PUBLIC_FUNCTIONS if name in functions)
    signature = functions.get("sync_detailed") or (functions[public[0]] if public else None)
    get_kwargs = functions.get("_get_kwargs")
    wire = _wire_names(get_kwargs if isinstance(get_kwargs, ast.FunctionDef) else None)
    arguments: dict[str, Argument] = {}
    for argument in _arguments(signature) if signature is not None else []:
        sent = " + ".join(sorted(wire.get(argument.name, set()))) or NOT_SENT
        arguments[argument.name] = Argument(
            argument.name, sent, argument.position, argument.default, argument.annotation
        )
    parsed = functions.get("sync") or signature
    returns = ast.unparse(parsed.returns) if parsed is not None and parsed.returns else ""
    return Endpoint(module, f"{line[0]} {line[1]}", public, arguments, returns)


def _is_enum(node: ast.ClassDef) -> bool:
    return any(
        isinstance(base, ast.Name | ast.Attribute) and ast.unparse(base).endswith("Enum")
        for base in node.bases
    )


def _enum(module: str, node: ast.ClassDef) -> Enum:
    members = {}
    for statement in node.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Constant)
        ):
            members[statement.targets[0].id] = json.dumps(statement.value.value)
    return Enum(node.name, module, members)


def _popped_keys(node: ast.AST) -> set[str]:
    """The JSON keys an expression takes out of the payload (``d.pop("k")``, ``pop_required``)."""
    keys = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        name = call.func.attr if isinstance(call.func, ast.Attribute) else ast.unparse(call.func)
        if name in {"pop", "get", "pop_required"}:
            strings = [
                a.value
                for a in call.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if strings:
                keys.add(strings[0])
    return keys


def _self_attributes(node: ast.AST) -> set[str]:
    return {
        n.attr
        for n in ast.walk(node)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"
    }


def _read_keys(from_dict: ast.AST | None) -> dict[str, set[str]]:
    """Attribute -> the JSON keys ``from_dict`` builds it from (``cls(attr=...)``)."""
    if from_dict is None:
        return {}
    origins = _origins(from_dict, _popped_keys)
    found: dict[str, set[str]] = {}
    for call in ast.walk(from_dict):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "cls":
            for keyword in call.keywords:
                if keyword.arg:
                    found.setdefault(keyword.arg, set()).update(origins(keyword.value))
    return found


def _written_keys(to_dict: ast.AST | None) -> dict[str, set[str]]:
    """Attribute -> the JSON keys ``to_dict`` writes it to."""
    if to_dict is None:
        return {}
    origins = _origins(to_dict, _self_attributes)
    returned = {
        _base_name(node.value)
        for node in ast.walk(to_dict)
        if isinstance(node, ast.Return) and node.value is not None
    }
    found: dict[str, set[str]] = {}

    def sink(key: str, value: ast.AST) -> None:
        for attribute in origins(value):
            found.setdefault(attribute, set()).add(key)

    for node in ast.walk(to_dict):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Subscript)
                    and _base_name(target.value) in returned
                    and isinstance(target.slice, ast.Constant)
                    and isinstance(target.slice.value, str)
                ):
                    sink(target.slice.value, node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and _base_name(node.func.value) in returned
        ):
            for argument in node.args:
                if isinstance(argument, ast.Dict):
                    for key, value in zip(argument.keys, argument.values, strict=True):
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            sink(key.value, value)
    return found


def _one(keys: set[str]) -> str | None:
    return " + ".join(sorted(keys)) if keys else None


def _model(module: str, node: ast.ClassDef) -> Model:
    methods = _functions(node)
    reads = _read_keys(methods.get("from_dict"))
    writes = _written_keys(methods.get("to_dict"))
    attributes = {}
    for statement in node.body:
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        name = statement.target.id
        if name == "additional_properties":
            continue
        value = statement.value
        unset = value is not None and ast.unparse(value) == "UNSET"
        attributes[name] = Attribute(
            name,
            _one(reads.get(name, set())),
            _one(writes.get(name, set())),
            None if value is None or unset else ast.unparse(value),
            value is None,
            ast.unparse(statement.annotation),
        )
    return Model(node.name, module, attributes)


def _public_names(tree: ast.Module) -> Iterator[tuple[str, str]]:
    """(qualified name, kind) of the public top-level names and public class members."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield node.name, "class"
            for member in node.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    if not member.name.startswith("_"):
                        yield f"{node.name}.{member.name}", "method"
                elif (
                    isinstance(member, ast.AnnAssign)
                    and isinstance(member.target, ast.Name)
                    and not member.target.id.startswith("_")
                ):
                    yield f"{node.name}.{member.target.id}", "attribute"
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if not node.name.startswith("_"):
                yield node.name, "function"
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and not target.id.startswith("_"):
                    yield target.id, "name"


@dataclass(frozen=True)
class _ModuleSurface:
    endpoints: tuple[Endpoint, ...] = ()
    models: tuple[Model, ...] = ()
    enums: tuple[Enum, ...] = ()
    names: tuple[tuple[str, str], ...] = ()


# Module text -> what it exposes. Most modules are the same before and after a change, so
# reading the second package only parses the modules that changed.
_MODULE_CACHE: dict[tuple[str, str], _ModuleSurface] = {}


def _module_surface(module: str, source: str) -> _ModuleSurface:
    key = (module, hashlib.sha256(source.encode("utf-8")).hexdigest())
    if key in _MODULE_CACHE:
        return _MODULE_CACHE[key]
    tree = ast.parse(source, filename=module)
    parts = module.split("/")
    found = _ModuleSurface()
    if parts[0] == "api" and not module.endswith("__init__.py"):
        endpoint = _endpoint(module, tree)
        found = _ModuleSurface(endpoints=(endpoint,) if endpoint else ())
    elif parts[0] == "models" and not module.endswith("__init__.py"):
        classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
        found = _ModuleSurface(
            models=tuple(
                _model(module, node)
                for node in classes
                if not _is_enum(node) and {"from_dict", "to_dict"} & _functions(node).keys()
            ),
            enums=tuple(_enum(module, node) for node in classes if _is_enum(node)),
        )
    elif len(parts) == 1 and module != "_provenance.py":
        found = _ModuleSurface(
            names=tuple((f"{module}::{name}", kind) for name, kind in _public_names(tree))
        )
    _MODULE_CACHE[key] = found
    return found


def read_surface(package_dir: Path) -> Surface:
    """The Python surface of the generated package in ``package_dir``."""
    surface = Surface(package_dir.name)
    for path in sorted(package_dir.rglob("*.py")):
        module = path.relative_to(package_dir).as_posix()
        found = _module_surface(module, path.read_text(encoding="utf-8"))
        surface.endpoints.update((e.module, e) for e in found.endpoints)
        surface.models.update((m.name, m) for m in found.models)
        surface.enums.update((e.name, e) for e in found.enums)
        surface.names.update(found.names)
    return surface


# ------------------------------------------------------------------ comparing surfaces


def _dotted(package: str, module: str) -> str:
    return f"{package}." + module.removesuffix(".py").replace("/", ".")


class _SurfaceDiffer:
    def __init__(self, old: Surface, new: Surface) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, check: str, subject: str, path: str, message: str) -> None:
        self.changes.append(Change(check, f"python {subject}", path, message))

    # -- endpoints

    def endpoints(self) -> None:
        old, new = self.old.endpoints, self.new.endpoints
        pairs = [(module, module) for module in sorted(old.keys() & new.keys())]
        added = {module: new[module] for module in new.keys() - old.keys()}
        by_operation: dict[str, list[str]] = {}
        for module, endpoint in added.items():
            by_operation.setdefault(endpoint.operation, []).append(module)
        for module in sorted(old.keys() - new.keys()):
            endpoint = old[module]
            candidates = by_operation.get(endpoint.operation, [])
            subject = _dotted(self.old.package, module)
            if len(candidates) == 1:
                moved = candidates.pop()
                added.pop(moved)
                self.add(
                    "python-module-renamed",
                    subject,
                    module,
                    f"{endpoint.operation} is served by {_dotted(self.new.package, moved)} "
                    f"now, no longer by {subject}: imports of it break",
                )
                pairs.append((module, moved))
            else:
                self.add(
                    "python-module-removed",
                    subject,
                    module,
                    f"{subject} ({endpoint.operation}) is gone",
                )
        for module in sorted(added):
            subject = _dotted(self.new.package, module)
            self.add(
                "python-module-added",
                subject,
                module,
                f"{subject} ({added[module].operation}) added",
            )
        for old_module, new_module in sorted(pairs, key=lambda pair: pair[1]):
            self.endpoint(old[old_module], new[new_module])

    def endpoint(self, old: Endpoint, new: Endpoint) -> None:
        subject = _dotted(self.new.package, new.module)
        for name in sorted(set(old.functions) - set(new.functions)):
            self.add(
                "python-function-removed", subject, f"{new.module}::{name}", f"{name}() is gone"
            )
        for name in sorted(set(new.functions) - set(old.functions)):
            self.add("python-function-added", subject, f"{new.module}::{name}", f"{name}() added")
        if old.returns != new.returns:
            self.add(
                "python-return-type-changed",
                subject,
                f"{new.module}::sync",
                f"returns {new.returns or 'nothing'} instead of {old.returns or 'nothing'}",
            )
        self.arguments(subject, new.module, old.arguments, new.arguments)

    def arguments(
        self, subject: str, module: str, old: dict[str, Argument], new: dict[str, Argument]
    ) -> None:
        def at(name: str) -> str:
            return f"{module}::{name}="

        old_by_wire = _by_wire((a.name, a.wire) for a in old.values())
        new_by_wire = _by_wire((a.name, a.wire) for a in new.values())
        explained: set[str] = set()
        for name in sorted(old.keys() & new.keys()):
            was, now = old[name], new[name]
            if was.wire != now.wire:
                explained.add(name)
                self.add(
                    "python-name-collision",
                    subject,
                    at(name),
                    f"{name}= sent {was.wire}; it now sends {now.wire}"
                    + _now_named(was.wire, new_by_wire, "="),
                )
            self.argument(subject, at(name), was, now)
        for wire in sorted(old_by_wire.keys() & new_by_wire.keys()):
            was, now = old_by_wire[wire], new_by_wire[wire]
            if was != now:
                explained |= {was, now}
                self.add(
                    "python-name-changed",
                    subject,
                    at(now),
                    f"{wire} was sent by {was}=, now by {now}=",
                )
        for name in sorted(old.keys() - new.keys() - explained):
            self.add("python-keyword-removed", subject, at(name), f"{name}= is gone")
        for name in sorted(new.keys() - old.keys() - explained):
            argument = new[name]
            if argument.required:
                self.add(
                    "python-required-keyword-added",
                    subject,
                    at(name),
                    f"{name}= ({argument.wire}) added, required: every call must pass it",
                )
            else:
                self.add(
                    "python-keyword-added",
                    subject,
                    at(name),
                    f"{name}= ({argument.wire}) added, default {argument.default}",
                )

    def argument(self, subject: str, at: str, was: Argument, now: Argument) -> None:
        name = now.name
        if was.required != now.required:
            state = "required" if now.required else "optional"
            self.add(
                f"python-keyword-became-{state}",
                subject,
                at,
                f"{name}= became {state}"
                + (f" (default {now.default})" if now.default is not None else ""),
            )
        elif was.default != now.default:
            self.add(
                "python-keyword-default-changed",
                subject,
                at,
                f"{name}= defaults to {now.default} instead of {was.default}: a call that "
                f"leaves it out now sends {now.default}",
            )
        if was.position != now.position:
            self.add(
                "python-argument-order-changed",
                subject,
                at,
                f"{name} moved from {_position(was.position)} to {_position(now.position)}",
            )
        if was.annotation != now.annotation:
            self.add(
                "python-keyword-type-changed",
                subject,
                at,
                f"{name}: {now.annotation} instead of {was.annotation}",
            )

    # -- models

    def models(self) -> None:
        old, new = self.old.models, self.new.models
        renamed = _renamed(
            {name: _signature(model) for name, model in old.items() if name not in new},
            {name: _signature(model) for name, model in new.items() if name not in old},
        )
        for was, now in renamed:
            self.add(
                "python-name-changed",
                f"{self.new.package}.models.{was}",
                new[now].module,
                f"model {was} is now {now} (same attributes and keys): imports of it break",
            )
        gone = {was for was, _ in renamed}
        came = {now for _, now in renamed}
        for name in sorted(old.keys() - new.keys() - gone):
            self.add(
                "python-model-removed",
                f"{self.new.package}.models.{name}",
                old[name].module,
                f"model {name} is gone",
            )
        for name in sorted(new.keys() - old.keys() - came):
            self.add(
                "python-model-added",
                f"{self.new.package}.models.{name}",
                new[name].module,
                f"model {name} added",
            )
        for name in sorted(old.keys() & new.keys()):
            self.model(old[name], new[name])

    def model(self, old: Model, new: Model) -> None:
        subject = f"{self.new.package}.models.{new.name}"

        def at(attribute: str) -> str:
            return f"{new.module}::{new.name}.{attribute}"

        old_by_key = _by_wire((a.name, _wire_key(a)) for a in old.attributes.values())
        new_by_key = _by_wire((a.name, _wire_key(a)) for a in new.attributes.values())
        explained: set[str] = set()
        for name in sorted(old.attributes.keys() & new.attributes.keys()):
            was, now = old.attributes[name], new.attributes[name]
            if was.reads != now.reads:
                explained.add(name)
                self.add(
                    "python-name-collision",
                    subject,
                    at(name),
                    f"{new.name}.{name} read {_key(was.reads)} and wrote {_key(was.writes)}; "
                    f"it now reads {_key(now.reads)} and writes {_key(now.writes)}"
                    + _now_named(_wire_key(was), new_by_key, "", f"{new.name}."),
                )
            elif was.writes != now.writes:
                self.add(
                    "python-to-dict-key-changed",
                    subject,
                    at(name),
                    f"to_dict() writes {new.name}.{name} as {_key(now.writes)} instead of "
                    f"{_key(was.writes)}",
                )
            self.attribute(subject, at(name), was, now)
        for key in sorted(old_by_key.keys() & new_by_key.keys()):
            was, now = old_by_key[key], new_by_key[key]
            if was != now:
                explained |= {was, now}
                self.add(
                    "python-name-changed",
                    subject,
                    at(now),
                    f"key {key} was {new.name}.{was}, now {new.name}.{now}",
                )
        for name in sorted(old.attributes.keys() - new.attributes.keys() - explained):
            self.add(
                "python-attribute-removed",
                subject,
                at(name),
                f"{new.name}.{name} ({_key(old.attributes[name].reads)}) is gone",
            )
        for name in sorted(new.attributes.keys() - old.attributes.keys() - explained):
            attribute = new.attributes[name]
            check = (
                "python-required-attribute-added"
                if attribute.required
                else "python-attribute-added"
            )
            self.add(
                check,
                subject,
                at(name),
                f"{new.name}.{name} ({_key(attribute.reads)}) added"
                + (", required by the constructor" if attribute.required else ""),
            )

    def attribute(self, subject: str, at: str, was: Attribute, now: Attribute) -> None:
        if was.required != now.required:
            state = "required" if now.required else "optional"
            self.add(
                f"python-attribute-became-{state}",
                subject,
                at,
                f"{now.name} became {state} in the constructor",
            )
        elif was.default != now.default:
            self.add(
                "python-attribute-default-changed",
                subject,
                at,
                f"{now.name} defaults to {now.default} instead of {was.default}",
            )
        if was.annotation != now.annotation:
            self.add(
                "python-attribute-type-changed",
                subject,
                at,
                f"{now.name}: {now.annotation} instead of {was.annotation}",
            )

    # -- enums

    def enums(self) -> None:
        old, new = self.old.enums, self.new.enums
        renamed = _renamed(
            {name: tuple(sorted(e.members.items())) for name, e in old.items() if name not in new},
            {name: tuple(sorted(e.members.items())) for name, e in new.items() if name not in old},
        )
        for was, now in renamed:
            self.add(
                "python-name-changed",
                f"{self.new.package}.models.{was}",
                new[now].module,
                f"enum {was} is now {now} (same members): imports of it break",
            )
        gone = {was for was, _ in renamed}
        came = {now for _, now in renamed}
        for name in sorted(old.keys() - new.keys() - gone):
            same = sorted(other for other, enum in new.items() if enum.members == old[name].members)
            self.add(
                "python-enum-removed",
                f"{self.new.package}.models.{name}",
                old[name].module,
                f"enum {name} is gone"
                + (f"; {same[0]} has the same members and takes its place" if same else ""),
            )
        for name in sorted(new.keys() - old.keys() - came):
            self.add(
                "python-enum-added",
                f"{self.new.package}.models.{name}",
                new[name].module,
                f"enum {name} added",
            )
        for name in sorted(old.keys() & new.keys()):
            self.enum(old[name], new[name])

    def enum(self, old: Enum, new: Enum) -> None:
        subject = f"{self.new.package}.models.{new.name}"

        def at(member: str) -> str:
            return f"{new.module}::{new.name}.{member}"

        old_by_value = _by_wire(old.members.items())
        new_by_value = _by_wire(new.members.items())
        explained: set[str] = set()
        for name in sorted(old.members.keys() & new.members.keys()):
            if old.members[name] != new.members[name]:
                explained.add(name)
                self.add(
                    "python-name-collision",
                    subject,
                    at(name),
                    f"{new.name}.{name} held {old.members[name]}; it now holds {new.members[name]}",
                )
        for value in sorted(old_by_value):
            was = old_by_value[value]
            now = new_by_value.get(value)
            if was == now:
                continue
            if now is None and was not in new.members:
                continue  # the member and its value are gone: python-enum-member-removed
            explained |= {was} | ({now} if now else set())
            self.add(
                "python-name-changed",
                subject,
                at(now or was),
                f"value {value} was {new.name}.{was}, now "
                + (f"{new.name}.{now}" if now else UNKNOWN_VALUE),
            )
        for name in sorted(old.members.keys() - new.members.keys() - explained):
            self.add(
                "python-enum-member-removed",
                subject,
                at(name),
                f"{new.name}.{name} ({old.members[name]}) is gone",
            )
        for name in sorted(new.members.keys() - old.members.keys() - explained):
            self.add(
                "python-enum-member-added",
                subject,
                at(name),
                f"{new.name}.{name} ({new.members[name]}) added",
            )

    # -- other modules

    def names(self) -> None:
        for name in sorted(self.old.names.keys() - self.new.names.keys()):
            self.add("python-name-removed", name.split("::")[0], name, f"{name} is gone")
        for name in sorted(self.new.names.keys() - self.old.names.keys()):
            self.add("python-name-added", name.split("::")[0], name, f"{name} added")


def _by_wire(pairs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Wire name -> the one Python name that maps to it, from (Python name, wire name) pairs.

    A wire name two Python names map to is left out: it is reported from the names' side.
    """
    found: dict[str, list[str]] = {}
    for name, wire in pairs:
        if wire and wire != NOT_SENT:
            found.setdefault(wire, []).append(name)
    return {wire: names[0] for wire, names in found.items() if len(names) == 1}


def _wire_key(attribute: Attribute) -> str | None:
    return attribute.reads or attribute.writes


def _key(key: str | None) -> str:
    return key if key else "no key"


def _now_named(wire: str | None, by_wire: dict[str, str], suffix: str, prefix: str = "") -> str:
    if wire and wire in by_wire:
        return f" ({wire} is {prefix}{by_wire[wire]}{suffix} now)"
    return ""


def _position(position: int | None) -> str:
    return "keyword-only" if position is None else f"position {position + 1}"


def _signature(model: Model) -> tuple[tuple[str, str | None], ...]:
    return tuple(sorted((a.name, a.reads) for a in model.attributes.values()))


def _renamed(old: dict[str, object], new: dict[str, object]) -> list[tuple[str, str]]:
    """(old name, new name) of classes that kept their content under one other name."""
    by_content: dict[object, list[str]] = {}
    for name, content in new.items():
        by_content.setdefault(content, []).append(name)
    pairs = []
    for name, content in sorted(old.items()):
        candidates = by_content.get(content, [])
        if len(candidates) == 1 and content:
            pairs.append((name, candidates.pop()))
    return pairs


def compare_surfaces(old: Surface, new: Surface) -> list[Change]:
    """Every classified change from ``old`` to ``new``, breaking first."""
    differ = _SurfaceDiffer(old, new)
    differ.endpoints()
    differ.models()
    differ.enums()
    differ.names()
    return sorted(set(differ.changes), key=Change.sort_key)
