"""Classify every change between two normalized OpenAPI 3.0 documents, oasdiff's way.

Each change is a ``Change``: a check id, the operation or schema it concerns, the JSON
pointer where it happened and one sentence. The level of a check is one of oasdiff's:

- ``ERR``  breaking: code written against the previous client stops working;
- ``WARN`` possibly breaking: a human has to judge;
- ``INFO`` additive or informational.

Check ids and levels are oasdiff's (``checker/rules.go``) with two kinds of exception,
both listed below so a cross-check with oasdiff can use the same policy:

- ``RAISED_FOR_GENERATED_CLIENT``: oasdiff rates these WARN or INFO for a hand-written
  client. Ours is generated, so removing a parameter, a property, an enum value, a model,
  an operationId or a tag removes a name (argument, attribute, enum member, class,
  function module, package folder) that code written against the previous client uses.
  A rename is a removal plus an addition; the removal makes it breaking.
- ``OWN_CHECKS``: changes oasdiff reports differently or not at all.

Schemas are compared once, under ``#/components/schemas``, and judged in every direction
they are used in both documents: a schema sent in requests and received in responses gets
both verdicts. ``$ref`` is followed where an operation switches to another schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spec_fixups import HTTP_METHODS

Document = dict[str, Any]
Schema = dict[str, Any]

ERR, WARN, INFO = "ERR", "WARN", "INFO"
LEVELS = (ERR, WARN, INFO)
LEVEL_MEANINGS = {ERR: "breaking", WARN: "possibly breaking", INFO: "additive or info"}

REQUEST, RESPONSE = "request", "response"
SCHEMA_REF = "#/components/schemas/"

# Every check this differ runs -> its level.
CHECKS: dict[str, str] = {
    # operations
    "endpoint-added": INFO,
    "api-removed-without-deprecation": ERR,
    "api-removed-with-deprecation": ERR,
    "api-operation-id-removed": ERR,
    "api-tag-removed": ERR,
    "endpoint-deprecated": INFO,
    "endpoint-reactivated": INFO,
    # parameters
    "new-required-request-parameter": ERR,
    "new-request-path-parameter": ERR,
    "new-optional-request-parameter": INFO,
    "request-parameter-removed": ERR,
    "request-parameter-location-changed": ERR,
    "request-parameter-became-required": ERR,
    "request-parameter-became-optional": INFO,
    "request-parameter-type-changed": ERR,
    "request-parameter-enum-value-added": INFO,
    "request-parameter-enum-value-removed": ERR,
    "request-parameter-became-enum": ERR,
    "request-parameter-enum-removed": ERR,
    # request bodies
    "added-required-request-body": ERR,
    "added-optional-request-body": INFO,
    "request-body-removed": ERR,
    "request-body-became-required": ERR,
    "request-body-became-optional": INFO,
    "request-body-media-type-added": INFO,
    "request-body-media-type-removed": ERR,
    "request-body-type-changed": ERR,
    "request-body-became-enum": ERR,
    "request-body-became-nullable": INFO,
    "request-body-became-not-nullable": ERR,
    # request properties
    "new-required-request-property": ERR,
    "new-optional-request-property": INFO,
    "request-property-removed": ERR,
    "request-property-became-required": ERR,
    "request-property-became-optional": INFO,
    "request-property-type-changed": ERR,
    "request-property-enum-value-added": INFO,
    "request-property-enum-value-removed": ERR,
    "request-property-became-enum": ERR,
    "request-property-enum-removed": ERR,
    "request-property-became-nullable": INFO,
    "request-property-became-not-nullable": ERR,
    "request-property-composition-changed": WARN,
    # responses
    "response-success-status-added": INFO,
    "response-success-status-removed": ERR,
    "response-non-success-status-added": INFO,
    "response-non-success-status-removed": INFO,
    "response-media-type-added": INFO,
    "response-media-type-removed": ERR,
    "response-body-type-changed": ERR,
    "response-body-became-nullable": ERR,
    "response-optional-property-added": INFO,
    "response-required-property-added": INFO,
    "response-optional-property-removed": ERR,
    "response-required-property-removed": ERR,
    "response-property-became-optional": ERR,
    "response-property-became-required": INFO,
    "response-property-type-changed": ERR,
    "response-property-became-nullable": ERR,
    "response-property-became-not-nullable": INFO,
    "response-property-enum-value-added": WARN,
    "response-property-enum-value-removed": ERR,
    "response-property-became-enum": INFO,
    "response-property-enum-removed": ERR,
    "response-property-composition-changed": WARN,
    # models
    "api-schema-added": INFO,
    "api-schema-removed": ERR,
    # security and servers
    "api-security-component-added": INFO,
    "api-security-component-removed": WARN,
    "api-security-component-type-changed": WARN,
    "api-global-security-added": WARN,
    "api-global-security-removed": WARN,
    "api-security-added": WARN,
    "api-security-removed": WARN,
    "api-servers-changed": WARN,
}

# oasdiff's default level for each check we rate differently (see the module docstring).
RAISED_FOR_GENERATED_CLIENT: dict[str, str] = {
    "api-removed-with-deprecation": INFO,
    "api-operation-id-removed": INFO,
    "api-tag-removed": INFO,
    "api-schema-removed": INFO,
    "request-parameter-removed": WARN,
    "request-property-removed": WARN,
    "response-optional-property-removed": WARN,
    "response-property-enum-value-removed": INFO,
    # The authentication layer is written by hand: any change to how an operation
    # authenticates needs a human, so these are WARN rather than oasdiff's INFO.
    "api-security-component-removed": INFO,
    "api-security-component-type-changed": INFO,
    "api-global-security-added": INFO,
    "api-global-security-removed": INFO,
    "api-security-added": INFO,
    "api-security-removed": INFO,
}

# Checks oasdiff does not have under this name: it reports a location change as a removal
# plus an addition, and does not track the rest.
OWN_CHECKS = frozenset(
    {
        "request-parameter-location-changed",
        "request-parameter-enum-removed",
        "request-body-removed",
        "request-body-became-not-nullable",
        "request-property-enum-removed",
        "request-property-composition-changed",
        "response-property-became-not-nullable",
        "response-property-became-enum",
        "response-property-enum-removed",
        "response-property-composition-changed",
        "api-schema-added",
        "api-servers-changed",
    }
)


@dataclass(frozen=True)
class Change:
    """One classified change: ``subject`` is ``"POST /path"`` or ``"schema Name"``."""

    check: str
    subject: str
    path: str
    message: str
    used_by: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        return CHECKS[self.check]

    def sort_key(self) -> tuple[int, str, str, str]:
        return (LEVELS.index(self.level), self.subject, self.path, self.check)


def pointer(*parts: str) -> str:
    """A JSON pointer (RFC 6901) as a URI fragment: ``#/paths/~1v3~1shipments/get``."""
    return "#/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def _show(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


# ------------------------------------------------------------------ document walking


def _resolve(document: Document, node: Any) -> Any:
    """Follow a non-schema ``$ref`` (parameter, request body, response) to its target."""
    for _ in range(20):
        if not isinstance(node, dict) or not isinstance(node.get("$ref"), str):
            return node
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        node = target
    return node


def operations(document: Document) -> dict[str, dict[str, Any]]:
    """``"METHOD /path"`` -> operation, with path-level parameters merged in."""
    found: dict[str, dict[str, Any]] = {}
    for path, item in sorted((document.get("paths") or {}).items()):
        if not isinstance(item, dict):
            continue
        shared = [_resolve(document, p) for p in item.get("parameters") or []]
        shared = [p for p in shared if isinstance(p, dict)]
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            own = [_resolve(document, p) for p in operation.get("parameters") or []]
            own = [p for p in own if isinstance(p, dict)]
            keys = {(p.get("in"), p.get("name")) for p in own}
            merged = [p for p in shared if (p.get("in"), p.get("name")) not in keys] + own
            found[f"{method.upper()} {path}"] = {**operation, "parameters": merged}
    return found


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            yield ref[len(SCHEMA_REF) :]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _schemas(document: Document) -> dict[str, Schema]:
    schemas = (document.get("components") or {}).get("schemas") or {}
    return schemas if isinstance(schemas, dict) else {}


def schema_usage(document: Document) -> dict[str, dict[str, set[str]]]:
    """Schema name -> direction -> the operations that send or receive it, transitively."""
    schemas = _schemas(document)
    closure: dict[str, set[str]] = {}

    def reachable(name: str) -> set[str]:
        if name not in closure:
            seen: set[str] = set()
            pending = [name]
            while pending:
                current = pending.pop()
                if current in seen or current not in schemas:
                    continue
                seen.add(current)
                pending.extend(_refs(schemas[current]))
            closure[name] = seen
        return closure[name]

    usage: dict[str, dict[str, set[str]]] = {}
    for label, operation in operations(document).items():
        roots = {
            REQUEST: [
                *operation["parameters"],
                _resolve(document, operation.get("requestBody")),
            ],
            RESPONSE: [_resolve(document, r) for r in (operation.get("responses") or {}).values()],
        }
        for direction, nodes in roots.items():
            for root in set(_refs(nodes)):
                for name in reachable(root):
                    usage.setdefault(name, {}).setdefault(direction, set()).add(label)
    return usage


# ------------------------------------------------------------------ schema comparison


@dataclass(frozen=True)
class _Where:
    """What a schema comparison is about, so each finding gets the right check id."""

    direction: str  # REQUEST or RESPONSE
    kind: str  # "parameter", "body" or "property"
    subject: str
    used_by: tuple[str, ...] = ()


def _unwrap(node: Any) -> tuple[Schema, bool]:
    """(schema, nullable), seeing through the ``allOf: [$ref]`` wrapper that carries nullable."""
    if not isinstance(node, dict):
        return {}, False
    nullable = bool(node.get("nullable"))
    all_of = node.get("allOf")
    if (
        isinstance(all_of, list)
        and len(all_of) == 1
        and isinstance(all_of[0], dict)
        and not ({"type", "properties", "items", "enum"} & node.keys())
    ):
        return all_of[0], nullable
    return node, nullable


def _type(schema: Schema) -> str:
    kind = schema.get("type") or ("object" if "properties" in schema else "any")
    return f"{kind}/{schema['format']}" if schema.get("format") else str(kind)


class _Differ:
    def __init__(self, old: Document, new: Document) -> None:
        self.old, self.new = old, new
        self.old_schemas, self.new_schemas = _schemas(old), _schemas(new)
        self.changes: list[Change] = []

    def add(self, check: str, where: _Where, path: str, message: str) -> None:
        self.changes.append(Change(check, where.subject, path, message, where.used_by))

    # -- check ids depend on direction and on what the schema is (parameter/body/property)

    @staticmethod
    def _id(where: _Where, root: bool, suffix: str) -> str:
        candidates = []
        if where.kind == "parameter":
            candidates.append(f"request-parameter-{suffix}")
        if root and where.kind == "body":
            candidates.append(f"{where.direction}-body-{suffix}")
        candidates.append(f"{where.direction}-property-{suffix}")
        return next(check for check in candidates if check in CHECKS)

    def schema(
        self,
        old_node: Any,
        new_node: Any,
        path: str,
        where: _Where,
        root: bool,
        seen: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        old, old_nullable = _unwrap(old_node)
        new, new_nullable = _unwrap(new_node)
        if old_nullable != new_nullable:
            became = "nullable" if new_nullable else "not-nullable"
            self.add(self._id(where, root, f"became-{became}"), where, path, f"became {became}")
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        if old_ref is not None and old_ref == new_ref:
            return  # the component itself is compared once, under #/components/schemas
        if old_ref is not None or new_ref is not None:
            pair = (str(old_ref), str(new_ref))
            if pair in seen:
                return
            seen = seen | {pair}
            old = self._target(self.old_schemas, old)
            new = self._target(self.new_schemas, new)
        self._compare(old, new, path, where, root, seen)

    @staticmethod
    def _target(schemas: dict[str, Schema], schema: Schema) -> Schema:
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            return _unwrap(schemas.get(ref[len(SCHEMA_REF) :], {}))[0]
        return schema

    def _compare(
        self,
        old: Schema,
        new: Schema,
        path: str,
        where: _Where,
        root: bool,
        seen: frozenset[tuple[str, str]],
    ) -> None:
        if _type(old) != _type(new):
            self.add(
                self._id(where, root, "type-changed"),
                where,
                path,
                f"type changed from {_type(old)} to {_type(new)}",
            )
            return
        self._enum(old, new, path, where, root)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            self.schema(old["items"], new["items"], f"{path}/items", where, False, seen)
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(old_extra, dict) and isinstance(new_extra, dict):
            self.schema(old_extra, new_extra, f"{path}/additionalProperties", where, False, seen)
        for keyword in ("allOf", "oneOf", "anyOf"):
            old_parts, new_parts = old.get(keyword) or [], new.get(keyword) or []
            if len(old_parts) != len(new_parts):
                self.add(
                    f"{where.direction}-property-composition-changed",
                    where,
                    f"{path}/{keyword}",
                    f"{keyword} went from {len(old_parts)} to {len(new_parts)} schemas",
                )
                continue
            for index, (old_part, new_part) in enumerate(zip(old_parts, new_parts, strict=True)):
                self.schema(old_part, new_part, f"{path}/{keyword}/{index}", where, root, seen)
        self._properties(old, new, path, where, seen)

    def _enum(self, old: Schema, new: Schema, path: str, where: _Where, root: bool) -> None:
        old_values, new_values = old.get("enum"), new.get("enum")
        if old_values is None and new_values is None:
            return
        at = f"{path}/enum"
        if old_values is None:
            self.add(self._id(where, root, "became-enum"), where, at, "became an enum")
            return
        if new_values is None:
            self.add(self._id(where, root, "enum-removed"), where, at, "is no longer an enum")
            return
        old_set = {_show(v) for v in old_values}
        new_set = {_show(v) for v in new_values}
        for value in sorted(new_set - old_set):
            self.add(
                self._id(where, root, "enum-value-added"), where, at, f"enum value {value} added"
            )
        for value in sorted(old_set - new_set):
            self.add(
                self._id(where, root, "enum-value-removed"),
                where,
                at,
                f"enum value {value} removed",
            )

    def _properties(
        self,
        old: Schema,
        new: Schema,
        path: str,
        where: _Where,
        seen: frozenset[tuple[str, str]],
    ) -> None:
        old_props = old.get("properties") or {}
        new_props = new.get("properties") or {}
        old_required = set(old.get("required") or [])
        new_required = set(new.get("required") or [])
        request = where.direction == REQUEST
        for name in sorted(new_props.keys() - old_props.keys()):
            required = name in new_required
            if request:
                check = (
                    "new-required-request-property" if required else "new-optional-request-property"
                )
            else:
                check = (
                    "response-required-property-added"
                    if required
                    else "response-optional-property-added"
                )
            state = "required" if required else "optional"
            self.add(check, where, f"{path}/properties/{name}", f"{state} property {name} added")
        for name in sorted(old_props.keys() - new_props.keys()):
            if request:
                check = "request-property-removed"
            elif name in old_required:
                check = "response-required-property-removed"
            else:
                check = "response-optional-property-removed"
            self.add(check, where, f"{path}/properties/{name}", f"property {name} removed")
        for name in sorted(old_props.keys() & new_props.keys()):
            at = f"{path}/properties/{name}"
            was, now = name in old_required, name in new_required
            if was != now:
                state = "required" if now else "optional"
                self.add(f"{where.direction}-property-became-{state}", where, at, f"became {state}")
            self.schema(old_props[name], new_props[name], at, where, False, seen)

    # -- operations

    def operations(self) -> None:
        old_ops, new_ops = operations(self.old), operations(self.new)
        for label in sorted(new_ops.keys() - old_ops.keys()):
            method, path = label.split(" ", 1)
            self.changes.append(
                Change(
                    "endpoint-added",
                    label,
                    pointer("paths", path, method.lower()),
                    f"operation {new_ops[label].get('operationId', '?')} added",
                )
            )
        for label in sorted(old_ops.keys() - new_ops.keys()):
            method, path = label.split(" ", 1)
            deprecated = bool(old_ops[label].get("deprecated"))
            self.changes.append(
                Change(
                    "api-removed-with-deprecation"
                    if deprecated
                    else "api-removed-without-deprecation",
                    label,
                    pointer("paths", path, method.lower()),
                    f"operation {old_ops[label].get('operationId', '?')} removed",
                )
            )
        for label in sorted(old_ops.keys() & new_ops.keys()):
            self.operation(label, old_ops[label], new_ops[label])

    def operation(self, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        method, path = label.split(" ", 1)
        base = pointer("paths", path, method.lower())
        here = _Where(REQUEST, "parameter", label)
        if old.get("operationId") != new.get("operationId"):
            self.add(
                "api-operation-id-removed",
                here,
                f"{base}/operationId",
                f"operationId {old.get('operationId')} became {new.get('operationId')}: "
                "the generated function module is renamed",
            )
        old_tag = (old.get("tags") or ["default"])[0]
        new_tag = (new.get("tags") or ["default"])[0]
        if old_tag != new_tag:
            self.add(
                "api-tag-removed",
                here,
                f"{base}/tags",
                f"tag {old_tag!r} became {new_tag!r}: the generated module moves to another package",
            )
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            check = "endpoint-deprecated" if new.get("deprecated") else "endpoint-reactivated"
            self.add(check, here, f"{base}/deprecated", check.replace("-", " ", 1))
        self.parameters(label, base, old["parameters"], new["parameters"])
        self.request_body(label, base, old.get("requestBody"), new.get("requestBody"))
        self.responses(label, base, old.get("responses") or {}, new.get("responses") or {})
        self.operation_security(label, base, old, new)

    def parameters(
        self, label: str, base: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
    ) -> None:
        where = _Where(REQUEST, "parameter", label)
        old_by = {(p.get("in"), p.get("name")): (i, p) for i, p in enumerate(old)}
        new_by = {(p.get("in"), p.get("name")): (i, p) for i, p in enumerate(new)}
        added = {key: new_by[key] for key in new_by.keys() - old_by.keys()}
        removed = {key: old_by[key] for key in old_by.keys() - new_by.keys()}
        for (old_in, name), (index, _param) in sorted(removed.items(), key=str):
            moved = next((key for key in added if key[1] == name), None)
            if moved is not None:
                new_index = added.pop(moved)[0]
                self.add(
                    "request-parameter-location-changed",
                    where,
                    f"{base}/parameters/{new_index}",
                    f"parameter {name} moved from {old_in} to {moved[0]}",
                )
                continue
            self.add(
                "request-parameter-removed",
                where,
                f"{base}/parameters/{index}",
                f"{old_in} parameter {name} removed",
            )
        for (new_in, name), (index, param) in sorted(added.items(), key=str):
            if new_in == "path":
                check = "new-request-path-parameter"
            elif param.get("required"):
                check = "new-required-request-parameter"
            else:
                check = "new-optional-request-parameter"
            state = "required" if param.get("required") else "optional"
            self.add(
                check,
                where,
                f"{base}/parameters/{index}",
                f"{state} {new_in} parameter {name} added",
            )
        for key in sorted(old_by.keys() & new_by.keys(), key=str):
            (_, old_param), (index, new_param) = old_by[key], new_by[key]
            at = f"{base}/parameters/{index}"
            was, now = bool(old_param.get("required")), bool(new_param.get("required"))
            if was != now:
                state = "required" if now else "optional"
                self.add(
                    f"request-parameter-became-{state}",
                    where,
                    at,
                    f"{key[0]} parameter {key[1]} became {state}",
                )
            self.schema(
                old_param.get("schema") or {},
                new_param.get("schema") or {},
                f"{at}/schema",
                where,
                True,
            )

    def request_body(self, label: str, base: str, old_node: Any, new_node: Any) -> None:
        old, new = _resolve(self.old, old_node), _resolve(self.new, new_node)
        where = _Where(REQUEST, "body", label)
        at = f"{base}/requestBody"
        if old is None and new is None:
            return
        if old is None:
            required = bool(new.get("required"))
            check = "added-required-request-body" if required else "added-optional-request-body"
            self.add(
                check, where, at, f"{'required' if required else 'optional'} request body added"
            )
            return
        if new is None:
            self.add("request-body-removed", where, at, "request body removed")
            return
        if bool(old.get("required")) != bool(new.get("required")):
            state = "required" if new.get("required") else "optional"
            self.add(f"request-body-became-{state}", where, at, f"request body became {state}")
        self._content(
            where,
            f"{at}/content",
            old.get("content") or {},
            new.get("content") or {},
            "request-body",
        )

    def _content(
        self,
        where: _Where,
        at: str,
        old: dict[str, Any],
        new: dict[str, Any],
        prefix: str,
    ) -> None:
        for media in sorted(new.keys() - old.keys()):
            self.add(
                f"{prefix}-media-type-added",
                where,
                pointer_join(at, media),
                f"media type {media} added",
            )
        for media in sorted(old.keys() - new.keys()):
            self.add(
                f"{prefix}-media-type-removed",
                where,
                pointer_join(at, media),
                f"media type {media} removed",
            )
        for media in sorted(old.keys() & new.keys()):
            self.schema(
                (old[media] or {}).get("schema") or {},
                (new[media] or {}).get("schema") or {},
                pointer_join(at, media, "schema"),
                where,
                True,
            )

    def responses(self, label: str, base: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        where = _Where(RESPONSE, "body", label)
        for status in sorted(new.keys() - old.keys()):
            kind = "success" if str(status).startswith("2") else "non-success"
            self.add(
                f"response-{kind}-status-added",
                where,
                pointer_join(f"{base}/responses", str(status)),
                f"response {status} added",
            )
        for status in sorted(old.keys() - new.keys()):
            kind = "success" if str(status).startswith("2") else "non-success"
            self.add(
                f"response-{kind}-status-removed",
                where,
                pointer_join(f"{base}/responses", str(status)),
                f"response {status} removed",
            )
        for status in sorted(old.keys() & new.keys()):
            old_response = _resolve(self.old, old[status]) or {}
            new_response = _resolve(self.new, new[status]) or {}
            self._content(
                where,
                pointer_join(f"{base}/responses", str(status), "content"),
                old_response.get("content") or {},
                new_response.get("content") or {},
                "response",
            )

    # -- security

    @staticmethod
    def _requirements(security: Any) -> set[str]:
        return {
            " + ".join(sorted(requirement)) or "(none)"
            for requirement in security or []
            if isinstance(requirement, dict)
        }

    def operation_security(
        self, label: str, base: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        where = _Where(REQUEST, "parameter", label)
        old_req = self._requirements(old.get("security", self.old.get("security")))
        new_req = self._requirements(new.get("security", self.new.get("security")))
        for requirement in sorted(new_req - old_req):
            self.add(
                "api-security-added", where, f"{base}/security", f"security {requirement} added"
            )
        for requirement in sorted(old_req - new_req):
            self.add(
                "api-security-removed", where, f"{base}/security", f"security {requirement} removed"
            )

    def document_level(self) -> None:
        where = _Where(REQUEST, "parameter", "document")
        old_global = self._requirements(self.old.get("security"))
        new_global = self._requirements(self.new.get("security"))
        for requirement in sorted(new_global - old_global):
            self.add(
                "api-global-security-added", where, "#/security", f"security {requirement} added"
            )
        for requirement in sorted(old_global - new_global):
            self.add(
                "api-global-security-removed",
                where,
                "#/security",
                f"security {requirement} removed",
            )
        old_schemes = (self.old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (self.new.get("components") or {}).get("securitySchemes") or {}
        for name in sorted(new_schemes.keys() - old_schemes.keys()):
            self.add(
                "api-security-component-added",
                _Where(REQUEST, "parameter", f"security scheme {name}"),
                pointer("components", "securitySchemes", name),
                f"security scheme {name} added",
            )
        for name in sorted(old_schemes.keys() - new_schemes.keys()):
            self.add(
                "api-security-component-removed",
                _Where(REQUEST, "parameter", f"security scheme {name}"),
                pointer("components", "securitySchemes", name),
                f"security scheme {name} removed",
            )
        for name in sorted(old_schemes.keys() & new_schemes.keys()):
            if _show(old_schemes[name]) != _show(new_schemes[name]):
                self.add(
                    "api-security-component-type-changed",
                    _Where(REQUEST, "parameter", f"security scheme {name}"),
                    pointer("components", "securitySchemes", name),
                    f"security scheme {name} changed from {_show(old_schemes[name])} "
                    f"to {_show(new_schemes[name])}",
                )
        old_servers = [s.get("url") for s in self.old.get("servers") or [] if isinstance(s, dict)]
        new_servers = [s.get("url") for s in self.new.get("servers") or [] if isinstance(s, dict)]
        if old_servers != new_servers:
            self.add(
                "api-servers-changed",
                where,
                "#/servers",
                f"servers {old_servers} became {new_servers}",
            )

    # -- components

    def components(self) -> None:
        for name in sorted(self.new_schemas.keys() - self.old_schemas.keys()):
            self.changes.append(
                Change(
                    "api-schema-added",
                    f"schema {name}",
                    pointer("components", "schemas", name),
                    f"model {name} added",
                )
            )
        for name in sorted(self.old_schemas.keys() - self.new_schemas.keys()):
            self.changes.append(
                Change(
                    "api-schema-removed",
                    f"schema {name}",
                    pointer("components", "schemas", name),
                    f"model {name} removed",
                )
            )
        old_usage, new_usage = schema_usage(self.old), schema_usage(self.new)
        for name in sorted(self.old_schemas.keys() & self.new_schemas.keys()):
            old_dirs = old_usage.get(name, {})
            new_dirs = new_usage.get(name, {})
            if not old_dirs and not new_dirs:
                # Used by no operation: the generated model may still be used either way.
                directions = [REQUEST, RESPONSE]
            else:
                directions = sorted(old_dirs.keys() & new_dirs.keys())
            for direction in directions:
                users = tuple(sorted(new_dirs.get(direction, set())))
                where = _Where(direction, "property", f"schema {name}", users)
                self.schema(
                    self.old_schemas[name],
                    self.new_schemas[name],
                    pointer("components", "schemas", name),
                    where,
                    True,
                    frozenset({(SCHEMA_REF + name, SCHEMA_REF + name)}),
                )


def pointer_join(base: str, *parts: str) -> str:
    """Append raw keys (which may hold ``/``, like media types) to a JSON pointer."""
    return base + "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def compare(old: Document, new: Document) -> list[Change]:
    """Every classified change from ``old`` to ``new``, breaking first."""
    differ = _Differ(old, new)
    differ.operations()
    differ.components()
    differ.document_level()
    return sorted(set(differ.changes), key=Change.sort_key)


def oasdiff_severity_levels() -> str:
    """The ``--severity-levels`` file that makes oasdiff rate changes as we do."""
    lines = [
        f"{check} {CHECKS[check]}"
        for check in sorted(RAISED_FOR_GENERATED_CLIENT)
        if check not in OWN_CHECKS
    ]
    return "\n".join(lines) + "\n"
