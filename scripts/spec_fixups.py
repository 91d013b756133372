"""The one declared place for every correction we make to Flipkart's published spec.

Each fixup is a pure, idempotent function over the parsed document, with a
one-line reason. ``SOURCE_FIXUPS`` run on the document as fetched (before the
Swagger 2.0 -> OpenAPI 3.0 conversion, which refuses some upstream defects);
``OPENAPI3_FIXUPS`` run on the converted OpenAPI 3.0 document.

Rules for adding one: keep it idempotent (a second run changes nothing), make it
fail loudly with ``FixupError`` when the part of the spec it corrects has moved,
return the targets it found already correct (upstream fixed them: the pipeline prints
a note so the fixup can go), and write the reason as the behaviour Flipkart
documents, not as the code change.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from openapi_python_client.strings import pascal_case

Document = dict[str, Any]
FIXUPS_FILE = "scripts/spec_fixups.py"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class FixupError(RuntimeError):
    """A fixup found the spec in a shape it does not know; a human must look."""


@dataclass(frozen=True)
class Fixup:
    """A named correction; ``apply`` fixes the document in place and returns the targets
    (``"POST /v3/shipments/filter"``, ``"schema Filter"``) it found already correct."""

    name: str
    reason: str
    apply: Callable[[Document], list[str]]
    # A policy reshapes any document the same way; with no upstream defect to outgrow, it
    # never notes that it is no longer needed.
    policy: bool = False


@dataclass
class FixupLog:
    """What a run of fixups had to say: notes do not stop the pipeline, failures do."""

    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def iter_operations(document: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(METHOD, path, operation)`` for every operation in either spec version."""
    for path, path_item in sorted(document.get("paths", {}).items()):
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict):
                yield method.upper(), path, operation


def _same_url(path: str) -> Callable[[str], bool]:
    template = re.sub(r"\{[^}]*\}", "{}", path)
    return lambda other: re.sub(r"\{[^}]*\}", "{}", other) == template


def _operation(document: Document, method: str, path: str) -> dict[str, Any]:
    """The operation at ``path``. A path whose placeholders were renamed
    (``{shipmentIds}`` -> ``{ids}``) is the same URL, so it is the same target."""
    paths = document.get("paths", {})
    if path not in paths:
        same = [other for other in paths if _same_url(path)(other)]
        if len(same) == 1:
            path = same[0]
    try:
        operation = paths[path][method.lower()]
    except KeyError:
        raise FixupError(f"{method} {path} is no longer in the spec") from None
    if not isinstance(operation, dict):
        raise FixupError(f"{method} {path} is not an operation object")
    return operation


def _schema(document: Document, name: str) -> dict[str, Any]:
    schema = document.get("components", {}).get("schemas", {}).get(name)
    if not isinstance(schema, dict):
        raise FixupError(f"schema {name} is no longer in the spec")
    return schema


# ---------------------------------------------------------------- source stage


def stray_path_parameter_to_query(document: Document) -> list[str]:
    target = "GET /v3/shipments/otc/{locationId}"
    operation = _operation(document, *target.split(" "))
    found = [p for p in operation.get("parameters", []) if p.get("name") == "requestType"]
    if not found:
        raise FixupError(f"{target} has no requestType parameter any more")
    stray = [p for p in found if p.get("in") == "path"]
    for parameter in stray:
        parameter["in"] = "query"
        parameter["required"] = False
    return [] if stray else [target]


def unique_operation_ids(document: Document) -> list[str]:
    by_id: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for _method, path, operation in iter_operations(document):
        operation_id = operation.get("operationId")
        if operation_id:
            by_id.setdefault(operation_id, []).append((path, operation))
    duplicated = {operation_id: users for operation_id, users in by_id.items() if len(users) > 1}
    if not duplicated:
        return ["duplicate operationIds (none left)"]
    for operation_id, users in duplicated.items():
        for path, operation in users:
            # The API version segment ("/v2/", "/v3/") is what tells the twins apart.
            version = next(
                (part for part in path.split("/") if part[:1] == "v" and part[1:].isdigit()), ""
            )
            if not version:
                raise FixupError(f"duplicate operationId {operation_id} on unversioned path {path}")
            operation["operationId"] = f"{operation_id}{version.upper()}"
    seen = [
        op.get("operationId") for _m, _p, op in iter_operations(document) if op.get("operationId")
    ]
    if len(seen) != len(set(seen)):
        raise FixupError("operationIds are still not unique after renaming by API version")
    return []


SOURCE_FIXUPS: tuple[Fixup, ...] = (
    Fixup(
        "stray-path-parameter",
        "requestType on GET /v3/shipments/otc/{locationId} is not in the path template; "
        "Flipkart reads it from the query string (documented value RETURN).",
        stray_path_parameter_to_query,
    ),
    Fixup(
        "unique-operation-ids",
        "submitSelfShipDeliverAttemptRequest names two operations; a generator keeps only one, "
        "so each twin gets its API version as a suffix (...V2, ...V3).",
        unique_operation_ids,
    ),
)


# ------------------------------------------------------------- openapi3 stage

JSON_BODY_OPERATIONS = (
    ("POST", "/v3/shipments/filter"),
    ("POST", "/v2/returns/approve"),
    ("POST", "/v2/returns/reject"),
)

PDF_OPERATIONS = (
    ("GET", "/v3/shipments/{shipmentIds}/labels"),
    ("GET", "/v3/shipments/{shipmentIds}/invoices"),
    ("POST", "/v3/shipments/manifest"),
    ("POST", "/v3/shipments/{shipmentIds}/labelOnly/pdf"),
)


def _request_body(document: Document, method: str, path: str) -> dict[str, Any]:
    body = _operation(document, method, path).get("requestBody")
    if not isinstance(body, dict):
        raise FixupError(f"{method} {path} has no request body any more")
    return body


def _for_each(targets: tuple[tuple[str, str], ...], fix: Callable[[str, str], bool]) -> list[str]:
    """Run ``fix(method, path)`` on every target, even after one is gone, so the document
    still gets every correction that applies; return the targets that needed none."""
    unneeded, problems = [], []
    for method, path in targets:
        try:
            if not fix(method, path):
                unneeded.append(f"{method} {path}")
        except FixupError as exc:
            problems.append(str(exc))
    if problems:
        raise FixupError("; ".join(problems))
    return unneeded


def wildcard_bodies_to_json(document: Document) -> list[str]:
    def fix(method: str, path: str) -> bool:
        content = _request_body(document, method, path).get("content") or {}
        if "*/*" in content:
            content.setdefault("application/json", content.pop("*/*"))
            return True
        if "application/json" in content:
            return False
        raise FixupError(
            f"{method} {path} request body is neither */* nor application/json "
            f"(it is {', '.join(sorted(content)) or 'empty'})"
        )

    return _for_each(JSON_BODY_OPERATIONS, fix)


def filter_body_required(document: Document) -> list[str]:
    body = _request_body(document, "POST", "/v3/shipments/filter")
    if body.get("required") is True:
        return ["POST /v3/shipments/filter"]
    body["required"] = True
    return []


PDF_RESPONSE = {
    "description": "PDF document",
    "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
}


def pdf_downloads_are_binary(document: Document) -> list[str]:
    def fix(method: str, path: str) -> bool:
        responses = _operation(document, method, path).get("responses")
        if not isinstance(responses, dict):
            raise FixupError(f"{method} {path} has no responses any more")
        if "default" not in responses and responses.get("200") == PDF_RESPONSE:
            return False
        responses.pop("default", None)
        responses["200"] = copy.deepcopy(PDF_RESPONSE)
        return True

    return _for_each(PDF_OPERATIONS, fix)


def documented_filter_fields(document: Document) -> list[str]:
    properties = _schema(document, "Filter").get("properties")
    if not isinstance(properties, dict):
        raise FixupError("schema Filter has no properties any more")
    if "hold" in properties:
        return ["schema Filter property hold"]
    properties["hold"] = {"type": "boolean"}
    return []


def list_types_as_objects(document: Document) -> list[str]:
    already_objects = []
    for name in ("ReverseOTC", "Otcv2"):
        schema = _schema(document, name)
        if schema.get("type") == "array" and "properties" in schema:
            schema["type"] = "object"
            schema.pop("items", None)
        elif schema.get("type", "object") == "object" and "properties" in schema:
            already_objects.append(f"schema {name}")
        else:
            raise FixupError(f"schema {name} is neither a list-typed record nor an object")
    otcs = _schema(document, "ReverseOTCResponse").get("properties", {}).get("otcs")
    if not isinstance(otcs, dict):
        raise FixupError("schema ReverseOTCResponse has no otcs property any more")
    if otcs.get("$ref") == "#/components/schemas/ReverseOTC":
        document["components"]["schemas"]["ReverseOTCResponse"]["properties"]["otcs"] = {
            "type": "array",
            "items": {"$ref": "#/components/schemas/ReverseOTC"},
        }
    elif otcs.get("type") == "array":
        already_objects.append("schema ReverseOTCResponse property otcs")
    else:
        raise FixupError("ReverseOTCResponse.otcs is neither a ReverseOTC reference nor an array")
    return already_objects


def _walk_refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _walk_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_refs(value)


def response_schema_names(document: Document) -> set[str]:
    """Every component schema a response can reach, transitively."""
    schemas = document["components"]["schemas"]
    pending = [
        name
        for _m, _p, operation in iter_operations(document)
        for response in operation.get("responses", {}).values()
        for name in _walk_refs(response)
    ]
    reachable: set[str] = set()
    while pending:
        name = pending.pop()
        if name in reachable or name not in schemas:
            continue
        reachable.add(name)
        pending.extend(_walk_refs(schemas[name]))
    return reachable


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        # OpenAPI 3.0 ignores siblings of $ref, so the reference is wrapped to carry nullable.
        return {"allOf": [{"$ref": schema["$ref"]}], "nullable": True}
    return {**schema, "nullable": True}


def nullable_response_fields(document: Document) -> list[str]:
    schemas = document["components"]["schemas"]
    changed = False
    for name in sorted(response_schema_names(document)):
        properties = schemas[name].get("properties", {})
        for name_, schema in properties.items():
            before = copy.deepcopy(schema)
            properties[name_] = _nullable(schema)
            items = properties[name_].get("items")
            if isinstance(items, dict) and "$ref" not in items and items.get("type") != "array":
                items.setdefault("nullable", True)
            changed = changed or properties[name_] != before
    return [] if changed else ["response properties (every one already accepts null)"]


def nullable_response_items(document: Document) -> list[str]:
    schemas = document["components"]["schemas"]
    holders = [
        schema
        for name in sorted(response_schema_names(document))
        for schema in schemas[name].get("properties", {}).values()
    ]
    # An operation may answer a bare list of models (GET /v3/shipments/handover/counts).
    holders += [
        media["schema"]
        for _m, _p, operation in iter_operations(document)
        for response in operation.get("responses", {}).values()
        for media in response.get("content", {}).values()
        if isinstance(media.get("schema"), dict)
    ]
    changed = False
    for holder in holders:
        for key in ("items", "additionalProperties"):
            inner = holder.get(key)
            if isinstance(inner, dict) and "$ref" in inner:
                holder[key] = _nullable(inner)
                changed = True
    return [] if changed else ["response list items and map values (each already accepts null)"]


def _drop_required(document: Document, schema_name: str, field: str) -> list[str]:
    schema = document["components"]["schemas"].get(schema_name)
    if schema is None or field not in schema.get("properties", {}):
        raise FixupError(f"{schema_name}.{field} is no longer in the spec")
    if field not in schema.get("required", []):
        return [f"schema {schema_name} property {field} (already optional)"]
    required = [name for name in schema.get("required", []) if name != field]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
    return []


def filter_type_optional(document: Document) -> list[str]:
    return _drop_required(document, "Filter", "type")


def location_status_optional(document: Document) -> list[str]:
    return _drop_required(document, "Location", "status")


RETURN_DATES = ("approvedOn", "createdDate", "expectedDate", "orderDate", "updatedDate")


def return_dates_are_date_times(document: Document) -> list[str]:
    schema = document["components"]["schemas"].get("ReturnItem")
    if schema is None:
        raise FixupError("schema ReturnItem is no longer in the spec")
    unneeded = []
    for name in RETURN_DATES:
        field = schema.get("properties", {}).get(name)
        if field is None:
            raise FixupError(f"ReturnItem.{name} is no longer in the spec")
        if field.get("format") == "date-time":
            unneeded.append(f"schema ReturnItem property {name} (already a date-time)")
        else:
            field["format"] = "date-time"
    return unneeded


# An inline enum repeated this often is generated once, as a shared component. Below it,
# each place keeps the class the generator names after it (OrderItemStatus ...): those are
# public names code already imports, and a document Flipkart publishes today repeats no
# inline enum more than 4 times.
SHARED_ENUM_MIN_USES = 10
# Keywords an inline enum may carry beside its values and still be shared: the wrapper
# around the reference keeps them for its place (``allOf: [$ref]`` with nullable, default).
SHARED_ENUM_SIBLINGS = frozenset({"nullable", "default", "description"})


@dataclass
class _EnumSite:
    holder: Any
    key: Any
    name: str
    # The class the generator makes of it in place, for an enum a model holds directly.
    class_name: str | None = None


def _enum_signature(schema: dict[str, Any]) -> tuple[Any, ...] | None:
    if "$ref" in schema or not isinstance(schema.get("enum"), list):
        return None
    if set(schema) - {"type", "format", "enum"} - SHARED_ENUM_SIBLINGS:
        return None
    return (schema.get("type"), schema.get("format"), tuple(map(repr, schema["enum"])))


def _schema_sites(
    holder: Any, key: Any, name: str, class_name: str | None = None
) -> Iterator[tuple[_EnumSite, tuple[Any, ...]]]:
    """Every inline enum at or under ``holder[key]``, named after the property or parameter."""
    schema = holder[key]
    if not isinstance(schema, dict):
        return
    signature = _enum_signature(schema)
    if signature is not None:
        yield _EnumSite(holder, key, name, class_name), signature
        return
    items = schema.get("items")
    if class_name and isinstance(items, dict) and _enum_signature(items) is not None:
        # openapi-python-client names a list's inline enum after the list, plus "Item".
        yield from _schema_sites(schema, "items", name, class_name + "Item")
        return
    yield from _member_sites(schema, name)


def _member_sites(schema: dict[str, Any], name: str) -> Iterator[tuple[_EnumSite, tuple[Any, ...]]]:
    """The inline enums a schema holds in its properties, items and compositions.

    Shapes other than the documented ones are passed over: sharing is an optimization,
    and the fixups that need those shapes say so when they change."""
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for prop in sorted(properties):
            yield from _schema_sites(properties, prop, prop)
    for child in ("items", "additionalProperties"):
        if isinstance(schema.get(child), dict):
            yield from _schema_sites(schema, child, name)
    for keyword in ("allOf", "oneOf", "anyOf"):
        members = schema.get(keyword)
        if isinstance(members, list):
            for index in range(len(members)):
                yield from _schema_sites(members, index, name)


def _inline_enum_sites(document: Document) -> Iterator[tuple[_EnumSite, tuple[Any, ...]]]:
    components = document.get("components", {})
    for name in sorted(components.get("schemas", {})):
        schema = components["schemas"][name]
        if isinstance(schema, dict):
            # The component itself is shared already; what it holds inline is not.
            properties = schema.get("properties")
            if isinstance(properties, dict):
                for prop in sorted(properties):
                    generated = pascal_case(name) + pascal_case(prop)
                    yield from _schema_sites(properties, prop, prop, generated)
            yield from _member_sites({k: v for k, v in schema.items() if k != "properties"}, name)
    parameters = [p for p in components.get("parameters", {}).values() if isinstance(p, dict)]
    bodies = list(components.get("requestBodies", {}).values())
    for _method, _path, operation in iter_operations(document):
        parameters += [p for p in operation.get("parameters", []) if isinstance(p, dict)]
        bodies.append(operation.get("requestBody"))
        bodies += list((operation.get("responses") or {}).values())
    for path_item in document.get("paths", {}).values():
        parameters += [p for p in path_item.get("parameters", []) if isinstance(p, dict)]
    for parameter in parameters:
        if "schema" in parameter:
            yield from _schema_sites(parameter, "schema", str(parameter.get("name", "value")))
    for body in bodies:
        for media in ((body or {}).get("content") or {}).values():
            if isinstance(media, dict) and "schema" in media:
                yield from _schema_sites(media, "schema", "value")


def _pascal(name: str) -> str:
    words = re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)
    return "".join(word[:1].upper() + word[1:] for word in words) or "Value"


def shared_inline_enums(document: Document) -> list[str]:
    groups: dict[tuple[Any, ...], list[_EnumSite]] = {}
    for site, signature in _inline_enum_sites(document):
        groups.setdefault(signature, []).append(site)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for _signature, sites in sorted(groups.items(), key=lambda item: repr(item[0])):
        if len(sites) < SHARED_ENUM_MIN_USES:
            continue
        # A class a model already has keeps its name (code imports OrderItemStatus); with
        # none, the shared enum is named after what holds it most often.
        kept = sorted(
            (c for c in (site.class_name for site in sites) if c), key=lambda c: (len(c), c)
        )
        names = Counter(site.name for site in sites)
        base = kept[0] if kept else _pascal(min(names, key=lambda n: (-names[n], n)))
        name = next(
            candidate
            for candidate in (base, f"{base}Enum", *(f"{base}Enum{i}" for i in range(2, 1000)))
            if candidate not in schemas
        )
        first = sites[0].holder[sites[0].key]
        schemas[name] = {key: first[key] for key in ("type", "format", "enum") if key in first}
        reference = {"$ref": f"#/components/schemas/{name}"}
        for site in sites:
            schema = site.holder[site.key]
            kept = {k: v for k, v in schema.items() if k in SHARED_ENUM_SIBLINGS}
            site.holder[site.key] = (
                {"allOf": [dict(reference)], **kept} if kept else dict(reference)
            )
    # A policy, not a correction of upstream: having nothing to share is no news.
    return []


OPENAPI3_FIXUPS: tuple[Fixup, ...] = (
    Fixup(
        "json-request-bodies",
        "Flipkart declares */* for three JSON request bodies; the server only accepts "
        "application/json, and generators drop */* operations.",
        wildcard_bodies_to_json,
    ),
    Fixup(
        "filter-body-required",
        "POST /v3/shipments/filter answers 400 without its filter body; the spec marks it optional.",
        filter_body_required,
    ),
    Fixup(
        "pdf-downloads",
        "Labels, invoices, manifest and labelOnly/pdf answer a PDF document; the spec leaves "
        "them as an untyped default response.",
        pdf_downloads_are_binary,
    ),
    Fixup(
        "documented-filter-fields",
        "The shipment filter accepts hold (preDispatch only) per Flipkart's documentation; "
        "the spec omits it.",
        documented_filter_fields,
    ),
    Fixup(
        "otc-records-are-objects",
        "ReverseOTC and Otcv2 declare type array next to an object's properties (a Java List "
        "rendering); each is one record, and otcs is the list of them.",
        list_types_as_objects,
    ),
    Fixup(
        "nullable-response-fields",
        "Flipkart sends null in fields typed string, object or date-time; every property of "
        "a schema reachable from a response accepts null.",
        nullable_response_fields,
    ),
    Fixup(
        "nullable-response-items",
        'Flipkart documents null inside typed arrays ({"otcs": [null]}) and odd values in maps '
        "keyed by SKU; each item and map value of a response accepts null, so one odd entry is "
        "kept as sent while the rest stay typed.",
        nullable_response_items,
    ),
    Fixup(
        "filter-type-optional",
        'Flipkart\'s own curl for POST /v3/shipments/filter sends {"filter": {}} without a type; '
        "the spec marks filter.type required.",
        filter_type_optional,
    ),
    Fixup(
        "inventory-status-optional",
        "Flipkart's inventory update documents product_id, locations[].id and locations[].inventory "
        "and omits locations[].status; the spec marks status required.",
        location_status_optional,
    ),
    Fixup(
        "return-dates-are-date-times",
        "Returns carry their dates (createdDate, approvedOn ...) as ISO timestamps; the spec types "
        "them as bare strings, so they would never parse (one that does not parse is kept as sent).",
        return_dates_are_date_times,
    ),
    Fixup(
        "shared-inline-enums",
        f"An inline enum repeated in {SHARED_ENUM_MIN_USES} places or more (a status filter on "
        "every list call) would be generated as that many identical classes; it becomes one "
        "component schema: named as the class a model already has for it, else after the "
        "property or parameter that holds it most often.",
        shared_inline_enums,
        policy=True,
    ),
)


def _copy(document: Document) -> Document:
    """A deep copy. A JSON round trip is several times faster than ``copy.deepcopy`` on a
    large document (a 500-operation one spends seconds there); YAML may hold values JSON
    cannot write (dates), which take the slow way."""
    try:
        copied: Document = json.loads(json.dumps(document))
    except (TypeError, ValueError):
        return copy.deepcopy(document)
    return copied


def run_fixups(document: Document, fixups: tuple[Fixup, ...]) -> tuple[Document, FixupLog]:
    """Return a fixed deep copy of ``document`` and what the fixups had to say.

    A fixup whose target is gone is recorded as a failure and the others still run, so
    the caller can report the whole API change before it stops.
    """
    fixed = _copy(document)
    log = FixupLog()
    for fixup in fixups:
        try:
            unneeded = fixup.apply(fixed)
        except FixupError as exc:
            problem = str(exc)
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            # A fixup reached for a part of the document that has another shape now.
            problem = f"the spec no longer has the shape it corrects ({type(exc).__name__}: {exc})"
        else:
            if not isinstance(unneeded, list):
                log.failures.append(
                    f"fixup {fixup.name} in {FIXUPS_FILE} returned {unneeded!r}: a fixup returns "
                    "the list of targets it found already correct"
                )
                continue
            log.notes += [
                f"fixup {fixup.name} is no longer needed for {target}: upstream has it right "
                f"now; remove it from {FIXUPS_FILE}"
                for target in unneeded
            ]
            continue
        log.failures.append(f"fixup {fixup.name} in {FIXUPS_FILE} no longer applies: {problem}")
    return fixed, log


def apply_fixups(document: Document, fixups: tuple[Fixup, ...]) -> Document:
    """Return a fixed deep copy of ``document``; raise FixupError naming any stale fixup."""
    fixed, log = run_fixups(document, fixups)
    if log.failures:
        raise FixupError("; ".join(log.failures))
    return fixed
