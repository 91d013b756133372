"""Classify every change between two normalized OpenAPI 3.0 documents, oasdiff's way.

Each change is a ``Change``: a check id, the operation or schema it concerns, the JSON
pointer where it happened and one sentence. The level of a check is one of oasdiff's:

- ``ERR``  breaking: code written against the previous client stops working;
- ``WARN`` possibly breaking: a human has to judge;
- ``INFO`` additive or informational.

Check ids and levels are oasdiff's (``checker/rules.go``) with these exceptions, each listed
below so a cross-check with oasdiff can use the same policy:

- ``RAISED_FOR_GENERATED_CLIENT``: oasdiff rates these WARN or INFO for a hand-written
  client. Ours is generated, so removing a parameter, a property, an enum value, a model
  or an operation removes a name (argument, attribute, enum member, class, function
  module) that code written against the previous client uses, and a request property's
  default is what the generated model sends when the caller leaves it out. A rename is a
  removal plus an addition; the removal makes it breaking. An operationId or a tag that
  changes may leave every generated name as it was (``getReturns`` and ``GetReturns``
  are both ``get_returns``), so those keep oasdiff's INFO and the Python surface
  (``python_surface.py``) reports the modules that really move.
- ``RATED_BY_DIRECTION``: constraints are judged by one rule: tightening what a request
  may carry (a lower maximum, a new pattern, a property that became read-only) or
  loosening what a response may carry (a higher maximum, a bound removed, a property that
  became write-only) is ERR, the reverse INFO, and a change that is neither (a pattern
  replaced by another) WARN. Where oasdiff rates one of these otherwise (it calls a new
  request bound WARN), the rule wins and the check is listed.
- ``OWN_CHECKS``: changes oasdiff reports differently or not at all.

Constraints compared: minimum, maximum and their exclusive forms, min/max length,
min/max items, min/max properties, uniqueItems, pattern, multipleOf, enum, nullable,
readOnly/writeOnly, defaults. Security requirements are compared per operation, down to
each scope. Operations are matched by method and path with the placeholder names ignored,
so a renamed path parameter is one operation whose parameter was renamed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generated_operations import field_prefix, module_path, tag_package
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
    "api-operation-id-removed": INFO,
    "api-tag-removed": INFO,
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
    "request-parameter-became-nullable": INFO,
    "request-parameter-became-not-nullable": ERR,
    "request-path-parameter-renamed": INFO,
    "request-parameter-serialization-changed": WARN,
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
    "api-security-scope-added": ERR,
    "api-security-scope-removed": WARN,
    "api-global-security-scope-added": ERR,
    "api-global-security-scope-removed": WARN,
    "api-servers-changed": WARN,
}

# ------------------------------------------------------------------ constraint checks

TIGHTER, LOOSER, EITHER = "tighter", "looser", "either"
UPPER, LOWER = "upper", "lower"

# Numeric bounds: keyword -> (name in the check id, which bound it is). An upper bound is
# tighter when it goes down, a lower bound when it goes up; either is tighter when it
# appears and looser when it goes away.
BOUNDS: dict[str, tuple[str, str]] = {
    "maximum": ("max", UPPER),
    "minimum": ("min", LOWER),
    "maxLength": ("max-length", UPPER),
    "minLength": ("min-length", LOWER),
    "maxItems": ("max-items", UPPER),
    "minItems": ("min-items", LOWER),
    "maxProperties": ("max-properties", UPPER),
    "minProperties": ("min-properties", LOWER),
}
# OpenAPI 3.0 writes exclusive bounds as flags on maximum/minimum (3.1 as numbers).
EXCLUSIVE_BOUNDS: dict[str, tuple[str, str]] = {
    "exclusiveMaximum": ("exclusive-max", UPPER),
    "exclusiveMinimum": ("exclusive-min", LOWER),
}


def _bound_effects(name: str, bound: str) -> dict[str, str]:
    raised, lowered = (LOOSER, TIGHTER) if bound == UPPER else (TIGHTER, LOOSER)
    return {
        f"{name}-increased": raised,
        f"{name}-decreased": lowered,
        f"{name}-set": TIGHTER,
        f"{name}-unset": LOOSER,
    }


# Check id suffix -> what the change does to the values a schema accepts.
CONSTRAINT_EFFECTS: dict[str, str] = {
    **{
        suffix: effect
        for name, bound in (*BOUNDS.values(), *EXCLUSIVE_BOUNDS.values())
        for suffix, effect in _bound_effects(name, bound).items()
    },
    "unique-items-set": TIGHTER,
    "unique-items-unset": LOOSER,
    "pattern-added": TIGHTER,
    "pattern-removed": LOOSER,
    "pattern-changed": EITHER,
    "multiple-of-set": TIGHTER,
    "multiple-of-unset": LOOSER,
    # A new divisor that is a multiple of the old one accepts fewer values, a divisor of
    # it more; any other change accepts some new values and refuses some old ones.
    "multiple-of-narrowed": TIGHTER,
    "multiple-of-widened": LOOSER,
    "multiple-of-changed": EITHER,
}
SCHEMA_PREFIXES = (
    "request-parameter",
    "request-body",
    "request-property",
    "response-body",
    "response-property",
)


def constraint_level(prefix: str, effect: str) -> str:
    """Tightening a request or loosening a response breaks callers; the reverse does not."""
    if effect == EITHER:
        return WARN
    return ERR if (effect == TIGHTER) == prefix.startswith("request") else INFO


SCHEMA_RULE_CHECKS: dict[str, str] = {}
"""The constraint, default and readOnly/writeOnly checks, built from the rules above."""
SCHEMA_RULE_CHECKS.update(
    {
        f"{prefix}-{suffix}": constraint_level(prefix, effect)
        for prefix in SCHEMA_PREFIXES
        for suffix, effect in CONSTRAINT_EFFECTS.items()
    }
)
# A default is what the generated client sends for an argument or attribute left out
# (request), and only documentation in a response.
SCHEMA_RULE_CHECKS.update(
    {
        f"{prefix}-default-value-{change}": ERR if prefix.startswith("request") else INFO
        for prefix in SCHEMA_PREFIXES
        for change in ("added", "changed", "removed")
    }
)
# readOnly: a request must no longer carry the property (tighter); writeOnly: a response
# no longer carries it (looser). The other transitions only widen what is allowed.
SCHEMA_RULE_CHECKS.update(
    {
        f"{direction}-{state}-property-became-{access}": level
        for state in ("required", "optional")
        for direction, access, level in (
            (REQUEST, "read-only", ERR),
            (REQUEST, "not-read-only", INFO),
            (REQUEST, "write-only", INFO),
            (REQUEST, "not-write-only", INFO),
            (RESPONSE, "write-only", ERR),
            (RESPONSE, "not-write-only", WARN if state == "required" else INFO),
            (RESPONSE, "read-only", INFO),
            (RESPONSE, "not-read-only", INFO),
        )
    }
)
CHECKS.update(SCHEMA_RULE_CHECKS)

# oasdiff's default level for each check we rate differently (see the module docstring).
RAISED_FOR_GENERATED_CLIENT: dict[str, str] = {
    "api-removed-with-deprecation": INFO,
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
    # A scope added to an operation narrows who may call it: a token granted the
    # previous scopes (flipkart_ext asks for Seller_Api) is refused.
    "api-security-scope-added": INFO,
    "api-security-scope-removed": INFO,
    "api-global-security-scope-added": INFO,
    "api-global-security-scope-removed": INFO,
    # The generated model sends a request property's default when the caller leaves it out.
    "request-property-default-value-added": INFO,
    "request-property-default-value-changed": INFO,
    "request-property-default-value-removed": INFO,
    "request-body-default-value-added": INFO,
    "request-body-default-value-changed": INFO,
    "request-body-default-value-removed": INFO,
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


# The schema checks above that oasdiff has under the same id (checker/rules.go); the
# others are ours (added to OWN_CHECKS below).
_OASDIFF_SCHEMA_CHECK_WORDS = """
request-body-default-value-added request-body-default-value-changed
request-body-default-value-removed request-body-exclusive-max-decreased
request-body-exclusive-max-increased request-body-exclusive-max-set
request-body-exclusive-min-decreased request-body-exclusive-min-increased
request-body-exclusive-min-set request-body-max-decreased request-body-max-increased
request-body-max-length-decreased request-body-max-length-increased
request-body-max-length-set request-body-max-set request-body-min-decreased
request-body-min-increased request-body-min-items-increased request-body-min-items-set
request-body-min-length-decreased request-body-min-length-increased request-body-min-set
request-optional-property-became-not-read-only
request-optional-property-became-not-write-only request-optional-property-became-read-only
request-optional-property-became-write-only request-parameter-default-value-added
request-parameter-default-value-changed request-parameter-default-value-removed
request-parameter-exclusive-max-decreased request-parameter-exclusive-max-increased
request-parameter-exclusive-max-set request-parameter-exclusive-min-decreased
request-parameter-exclusive-min-increased request-parameter-exclusive-min-set
request-parameter-max-decreased request-parameter-max-increased
request-parameter-max-items-decreased request-parameter-max-items-increased
request-parameter-max-length-decreased request-parameter-max-length-increased
request-parameter-max-length-set request-parameter-max-set request-parameter-min-decreased
request-parameter-min-increased request-parameter-min-items-decreased
request-parameter-min-items-increased request-parameter-min-items-set
request-parameter-min-length-decreased request-parameter-min-length-increased
request-parameter-min-set request-parameter-pattern-added
request-parameter-pattern-changed request-parameter-pattern-removed
request-property-default-value-added request-property-default-value-changed
request-property-default-value-removed request-property-exclusive-max-decreased
request-property-exclusive-max-increased request-property-exclusive-max-set
request-property-exclusive-min-decreased request-property-exclusive-min-increased
request-property-exclusive-min-set request-property-max-decreased
request-property-max-increased request-property-max-length-decreased
request-property-max-length-increased request-property-max-length-set
request-property-max-set request-property-min-decreased request-property-min-increased
request-property-min-items-increased request-property-min-items-set
request-property-min-length-decreased request-property-min-length-increased
request-property-min-set request-property-pattern-added request-property-pattern-changed
request-property-pattern-removed request-required-property-became-not-read-only
request-required-property-became-not-write-only request-required-property-became-read-only
request-required-property-became-write-only response-body-default-value-added
response-body-default-value-changed response-body-default-value-removed
response-body-exclusive-max-increased response-body-exclusive-min-decreased
response-body-max-increased response-body-max-length-increased
response-body-max-length-unset response-body-min-decreased
response-body-min-items-decreased response-body-min-items-unset
response-body-min-length-decreased response-optional-property-became-not-read-only
response-optional-property-became-not-write-only
response-optional-property-became-read-only response-optional-property-became-write-only
response-property-default-value-added response-property-default-value-changed
response-property-default-value-removed response-property-exclusive-max-increased
response-property-exclusive-min-decreased response-property-max-increased
response-property-max-length-increased response-property-max-length-unset
response-property-min-decreased response-property-min-items-decreased
response-property-min-items-unset response-property-min-length-decreased
response-property-pattern-added response-property-pattern-changed
response-property-pattern-removed response-required-property-became-not-read-only
response-required-property-became-not-write-only
response-required-property-became-read-only response-required-property-became-write-only
"""
OASDIFF_SCHEMA_CHECKS = frozenset(_OASDIFF_SCHEMA_CHECK_WORDS.split())

# oasdiff's level for each schema check the direction rule rates otherwise (see the module
# docstring): oasdiff calls a bound that appears on a request WARN, we call it tightening.
RATED_BY_DIRECTION: dict[str, str] = {
    "request-body-exclusive-max-set": WARN,
    "request-body-exclusive-min-set": WARN,
    "request-body-max-length-set": WARN,
    "request-body-max-set": WARN,
    "request-body-min-items-set": WARN,
    "request-body-min-set": WARN,
    "request-optional-property-became-read-only": INFO,
    "request-parameter-exclusive-max-set": WARN,
    "request-parameter-exclusive-min-set": WARN,
    "request-parameter-max-length-set": WARN,
    "request-parameter-max-set": WARN,
    "request-parameter-min-items-set": WARN,
    "request-parameter-min-set": WARN,
    "request-property-exclusive-max-set": WARN,
    "request-property-exclusive-min-set": WARN,
    "request-property-max-length-set": WARN,
    "request-property-max-set": WARN,
    "request-property-min-items-set": WARN,
    "request-property-min-set": WARN,
    "request-required-property-became-read-only": INFO,
    "response-optional-property-became-write-only": INFO,
    "response-property-pattern-changed": INFO,
    "response-property-pattern-removed": INFO,
    "response-required-property-became-write-only": INFO,
}

# What the Python code generated from the document exposes (python_surface.py). A user
# imports modules and classes, calls functions with keyword arguments, reads attributes and
# enum members; each check says which of these a change breaks.
PYTHON_CHECKS: dict[str, str] = {
    "python-module-added": INFO,
    "python-module-removed": ERR,
    "python-module-renamed": ERR,
    "python-function-added": INFO,
    "python-function-removed": ERR,
    "python-keyword-added": INFO,
    "python-required-keyword-added": ERR,
    "python-keyword-removed": ERR,
    "python-keyword-became-required": ERR,
    "python-keyword-became-optional": INFO,
    "python-keyword-default-changed": ERR,
    "python-keyword-type-changed": WARN,
    "python-argument-order-changed": ERR,
    "python-return-type-changed": WARN,
    # The same Python name now maps to another wire name (a keyword sends another query
    # parameter, an attribute reads another JSON key, an enum member holds another value).
    "python-name-collision": ERR,
    # The same wire name now maps to another Python name (or to none: an enum value that
    # parses as unknown), or a class was renamed.
    "python-name-changed": ERR,
    "python-model-added": INFO,
    "python-model-removed": ERR,
    "python-attribute-added": INFO,
    "python-required-attribute-added": WARN,
    "python-attribute-removed": ERR,
    "python-attribute-became-required": WARN,
    "python-attribute-became-optional": INFO,
    "python-attribute-type-changed": WARN,
    "python-attribute-default-changed": WARN,
    "python-to-dict-key-changed": ERR,
    "python-enum-added": INFO,
    "python-enum-removed": ERR,
    "python-enum-member-added": INFO,
    "python-enum-member-removed": ERR,
    "python-name-added": INFO,
    "python-name-removed": ERR,
}
# Hand-written code that a change breaks (consumers.py): the emulator routes requests by
# operationId, and flipkart_ext declares the wire names it reads and writes by hand.
CONSUMER_CHECKS: dict[str, str] = {
    "emulator-handler-orphaned": ERR,
    "declaration-orphaned": ERR,
}
CHECKS.update(PYTHON_CHECKS)
CHECKS.update(CONSUMER_CHECKS)
OWN_CHECKS = (
    OWN_CHECKS
    | (SCHEMA_RULE_CHECKS.keys() - OASDIFF_SCHEMA_CHECKS)
    | PYTHON_CHECKS.keys()
    | CONSUMER_CHECKS.keys()
    | {"request-path-parameter-renamed", "request-parameter-serialization-changed"}
)


@dataclass(frozen=True)
class Change:
    """One classified change.

    ``subject`` is ``"POST /path"``, ``"schema Name"``, ``"python <module or class>"`` (a
    change to the generated code) or a hand-written place; ``path`` is a JSON pointer into
    the normalized document, ``<file>::<name>`` in the generated package, or ``file:line``.
    ``used_by`` lists the operations that send or receive a schema; ``consumers`` the
    hand-written places that name what changed.
    """

    check: str
    subject: str
    path: str
    message: str
    used_by: tuple[str, ...] = ()
    consumers: tuple[str, ...] = ()

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


def _flag(node: Any, keyword: str) -> bool:
    """A boolean keyword, on the schema or on the ``allOf`` wrapper that carries it."""
    if not isinstance(node, dict):
        return False
    inner, _nullable = _unwrap(node)
    return bool(node.get(keyword) or inner.get(keyword))


def _bound(schema: Schema, keyword: str) -> float | None:
    """A bound's value; None when absent. A 3.0 exclusive flag counts as 1 when set, so
    that setting it reads as a bound added and clearing it as a bound removed."""
    value = schema.get(keyword)
    if value is None or value is False:
        return None
    if value is True:
        return 1
    return value if isinstance(value, int | float) else None


def _divides(divisor: Any, value: Any) -> bool:
    """Whether ``value`` is a whole multiple of ``divisor`` (both numbers, divisor not 0)."""
    if not (isinstance(divisor, int | float) and isinstance(value, int | float)) or not divisor:
        return False
    quotient = value / divisor
    return abs(quotient - round(quotient)) < 1e-9


def _type(schema: Schema) -> str:
    kind = schema.get("type") or ("object" if "properties" in schema else "any")
    return f"{kind}/{schema['format']}" if schema.get("format") else str(kind)


PLACEHOLDER = re.compile(r"\{([^}]*)\}")


def path_template(path: str) -> str:
    """A path with its placeholder names dropped: ``/v3/shipments/{}/labels``."""
    return PLACEHOLDER.sub("{}", path)


def _renamed_placeholders(old_path: str, new_path: str) -> list[tuple[str, str]]:
    """(old name, new name) of each path placeholder whose name changed, by position."""
    pairs = zip(PLACEHOLDER.findall(old_path), PLACEHOLDER.findall(new_path), strict=False)
    return [(was, now) for was, now in pairs if was != now]


def matched_operations(
    old_ops: dict[str, dict[str, Any]], new_ops: dict[str, dict[str, Any]]
) -> list[tuple[str, str]]:
    """(old label, new label) of the operations both documents have.

    The URL a client sends does not depend on the names of the path placeholders, so
    ``GET /v3/shipments/{shipmentIds}`` and ``GET /v3/shipments/{ids}`` are one operation
    whose path parameter was renamed, as oasdiff matches them; the same label first.
    """
    pairs = [(label, label) for label in sorted(old_ops.keys() & new_ops.keys())]
    by_template: dict[str, list[str]] = {}
    for label in sorted(new_ops.keys() - old_ops.keys()):
        method, path = label.split(" ", 1)
        by_template.setdefault(f"{method} {path_template(path)}", []).append(label)
    for label in sorted(old_ops.keys() - new_ops.keys()):
        method, path = label.split(" ", 1)
        candidates = by_template.get(f"{method} {path_template(path)}", [])
        if len(candidates) == 1:
            pairs.append((label, candidates.pop()))
    return sorted(pairs, key=lambda pair: pair[1])


def _module_fate(old_module: str, new_module: str) -> str:
    if old_module == new_module:
        return f"the generated module {old_module} keeps its name"
    return f"the generated module {old_module} becomes {new_module}"


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
        self._constraints(old, new, path, where, root)
        self._default(old, new, path, where, root)
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

    def _constraints(self, old: Schema, new: Schema, path: str, where: _Where, root: bool) -> None:
        def add(suffix: str, keyword: str, message: str) -> None:
            self.add(self._id(where, root, suffix), where, f"{path}/{keyword}", message)

        for keyword, (name, _kind) in {**BOUNDS, **EXCLUSIVE_BOUNDS}.items():
            was, now = _bound(old, keyword), _bound(new, keyword)
            if was == now:
                continue
            if was is None:
                add(f"{name}-set", keyword, f"{keyword} {_show(new[keyword])} set")
            elif now is None:
                add(f"{name}-unset", keyword, f"{keyword} {_show(old[keyword])} removed")
            else:
                way = "increased" if now > was else "decreased"
                add(f"{name}-{way}", keyword, f"{keyword} {way} from {_show(was)} to {_show(now)}")
        if bool(old.get("uniqueItems")) != bool(new.get("uniqueItems")):
            state = "set" if new.get("uniqueItems") else "unset"
            add(f"unique-items-{state}", "uniqueItems", f"uniqueItems {state}")
        was, now = old.get("pattern"), new.get("pattern")
        if was != now:
            if was is None:
                add("pattern-added", "pattern", f"pattern {_show(now)} added")
            elif now is None:
                add("pattern-removed", "pattern", f"pattern {_show(was)} removed")
            else:
                add("pattern-changed", "pattern", f"pattern {_show(was)} became {_show(now)}")
        was, now = old.get("multipleOf"), new.get("multipleOf")
        if was != now:
            if was is None or now is None:
                state = "set" if was is None else "unset"
                add(f"multiple-of-{state}", "multipleOf", f"multipleOf {_show(now or was)} {state}")
            else:
                if _divides(was, now):
                    suffix = "narrowed"
                elif _divides(now, was):
                    suffix = "widened"
                else:
                    suffix = "changed"
                add(
                    f"multiple-of-{suffix}",
                    "multipleOf",
                    f"multipleOf {_show(was)} became {_show(now)}",
                )

    def _default(self, old: Schema, new: Schema, path: str, where: _Where, root: bool) -> None:
        if old.get("default") == new.get("default") and ("default" in old) == ("default" in new):
            return
        if "default" not in old:
            change, message = "added", f"default {_show(new['default'])} added"
        elif "default" not in new:
            change, message = "removed", f"default {_show(old['default'])} removed"
        else:
            change = "changed"
            message = f"default changed from {_show(old['default'])} to {_show(new['default'])}"
        self.add(
            self._id(where, root, f"default-value-{change}"), where, f"{path}/default", message
        )

    def _access(
        self, old_node: Any, new_node: Any, path: str, where: _Where, required: bool
    ) -> None:
        state = "required" if required else "optional"
        for keyword, access in (("readOnly", "read-only"), ("writeOnly", "write-only")):
            was, now = _flag(old_node, keyword), _flag(new_node, keyword)
            if was != now:
                became = access if now else f"not-{access}"
                self.add(
                    f"{where.direction}-{state}-property-became-{became}",
                    where,
                    path,
                    f"became {became}",
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
            self._access(old_props[name], new_props[name], at, where, now)
            self.schema(old_props[name], new_props[name], at, where, False, seen)

    # -- operations

    def operations(self) -> None:
        old_ops, new_ops = operations(self.old), operations(self.new)
        pairs = matched_operations(old_ops, new_ops)
        matched_old = {old for old, _new in pairs}
        matched_new = {new for _old, new in pairs}
        for label in sorted(new_ops.keys() - matched_new):
            method, path = label.split(" ", 1)
            self.changes.append(
                Change(
                    "endpoint-added",
                    label,
                    pointer("paths", path, method.lower()),
                    f"operation {new_ops[label].get('operationId', '?')} added",
                )
            )
        for label in sorted(old_ops.keys() - matched_old):
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
        for old_label, new_label in pairs:
            self.operation(old_label, new_label, old_ops[old_label], new_ops[new_label])

    def operation(
        self, old_label: str, label: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        method, path = label.split(" ", 1)
        old_path = old_label.split(" ", 1)[1]
        base = pointer("paths", path, method.lower())
        here = _Where(REQUEST, "parameter", label)
        prefix = field_prefix()
        old_module = module_path(method, old_path, old, prefix)
        new_module = module_path(method, path, new, prefix)
        if old.get("operationId") != new.get("operationId"):
            self.add(
                "api-operation-id-removed",
                here,
                f"{base}/operationId",
                f"operationId {old.get('operationId')} became {new.get('operationId')}: "
                + _module_fate(old_module, new_module),
            )
        old_tag = (old.get("tags") or ["default"])[0]
        new_tag = (new.get("tags") or ["default"])[0]
        if old_tag != new_tag:
            old_package, new_package = tag_package(old), tag_package(new)
            fate = (
                f"the generated package api/{new_package} is the same"
                if old_package == new_package
                else f"the generated package api/{old_package} becomes api/{new_package}"
            )
            self.add(
                "api-tag-removed",
                here,
                f"{base}/tags",
                f"tag {old_tag!r} became {new_tag!r}: {fate}",
            )
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            check = "endpoint-deprecated" if new.get("deprecated") else "endpoint-reactivated"
            self.add(check, here, f"{base}/deprecated", check.replace("-", " ", 1))
        renamed = _renamed_placeholders(old_path, path)
        for position, (was, now) in enumerate(renamed, start=1):
            self.add(
                "request-path-parameter-renamed",
                here,
                f"{base}/parameters",
                f"path parameter {position} {{{was}}} renamed {{{now}}} ({old_path} became "
                f"{path}); the URL sent is the same",
            )
        old_parameters = [
            {**p, "name": dict(renamed).get(p.get("name"), p.get("name"))}
            if p.get("in") == "path"
            else p
            for p in old["parameters"]
        ]
        self.parameters(label, base, old_parameters, new["parameters"])
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
            old_form = (old_param.get("style"), old_param.get("explode"))
            new_form = (new_param.get("style"), new_param.get("explode"))
            if old_form != new_form:
                self.add(
                    "request-parameter-serialization-changed",
                    where,
                    at,
                    f"{key[0]} parameter {key[1]} serialization (style, explode) changed "
                    f"from {old_form} to {new_form}",
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
    def _requirements(security: Any) -> dict[str, dict[str, set[str]]]:
        """Each alternative requirement (``"Bearer"``, ``"A + B"``) -> scheme -> its scopes."""
        return {
            " + ".join(sorted(requirement)) or "(none)": {
                scheme: {str(scope) for scope in scopes or []}
                for scheme, scopes in requirement.items()
            }
            for requirement in security or []
            if isinstance(requirement, dict)
        }

    def _security(self, where: _Where, at: str, old: Any, new: Any, prefix: str) -> None:
        old_req, new_req = self._requirements(old), self._requirements(new)
        for requirement in sorted(new_req.keys() - old_req.keys()):
            self.add(f"{prefix}-added", where, at, f"security {requirement} added")
        for requirement in sorted(old_req.keys() - new_req.keys()):
            self.add(f"{prefix}-removed", where, at, f"security {requirement} removed")
        for requirement in sorted(old_req.keys() & new_req.keys()):
            for scheme in sorted(new_req[requirement]):
                was = old_req[requirement].get(scheme, set())
                now = new_req[requirement][scheme]
                for scope in sorted(now - was):
                    self.add(
                        f"{prefix}-scope-added",
                        where,
                        at,
                        f"scope {scope} of security {scheme} added: a token without it is refused",
                    )
                for scope in sorted(was - now):
                    self.add(
                        f"{prefix}-scope-removed",
                        where,
                        at,
                        f"scope {scope} of security {scheme} removed",
                    )

    def operation_security(
        self, label: str, base: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        self._security(
            _Where(REQUEST, "parameter", label),
            f"{base}/security",
            old.get("security", self.old.get("security")),
            new.get("security", self.new.get("security")),
            "api-security",
        )

    def document_level(self) -> None:
        where = _Where(REQUEST, "parameter", "document")
        self._security(
            where,
            "#/security",
            self.old.get("security"),
            self.new.get("security"),
            "api-global-security",
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
        for check in sorted({*RAISED_FOR_GENERATED_CLIENT, *RATED_BY_DIRECTION})
        if check not in OWN_CHECKS
    ]
    return "\n".join(lines) + "\n"
