"""The one declared place for every correction we make to Flipkart's published spec.

Each fixup is a pure, idempotent function over the parsed document, with a
one-line reason. ``SOURCE_FIXUPS`` run on the document as fetched (before the
Swagger 2.0 -> OpenAPI 3.0 conversion, which refuses some upstream defects);
``OPENAPI3_FIXUPS`` run on the converted OpenAPI 3.0 document.

Rules for adding one: keep it idempotent (a second run changes nothing), make it
fail loudly with ``FixupError`` when the part of the spec it corrects has moved,
and write the reason as the behaviour Flipkart documents, not as the code change.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Document = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class FixupError(RuntimeError):
    """A fixup found the spec in a shape it does not know; a human must look."""


@dataclass(frozen=True)
class Fixup:
    name: str
    reason: str
    apply: Callable[[Document], None]


def iter_operations(document: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(METHOD, path, operation)`` for every operation in either spec version."""
    for path, path_item in sorted(document.get("paths", {}).items()):
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict):
                yield method.upper(), path, operation


def _operation(document: Document, method: str, path: str) -> dict[str, Any]:
    try:
        operation = document["paths"][path][method.lower()]
    except KeyError:
        raise FixupError(f"{method} {path} is no longer in the spec") from None
    if not isinstance(operation, dict):
        raise FixupError(f"{method} {path} is not an operation object")
    return operation


# ---------------------------------------------------------------- source stage


def stray_path_parameter_to_query(document: Document) -> None:
    operation = _operation(document, "GET", "/v3/shipments/otc/{locationId}")
    for parameter in operation.get("parameters", []):
        if parameter.get("name") == "requestType" and parameter.get("in") == "path":
            parameter["in"] = "query"
            parameter["required"] = False


def unique_operation_ids(document: Document) -> None:
    by_id: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for _method, path, operation in iter_operations(document):
        operation_id = operation.get("operationId")
        if operation_id:
            by_id.setdefault(operation_id, []).append((path, operation))
    for operation_id, users in by_id.items():
        if len(users) < 2:
            continue
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


def wildcard_bodies_to_json(document: Document) -> None:
    for method, path in JSON_BODY_OPERATIONS:
        body = _operation(document, method, path).get("requestBody")
        if body is None:
            raise FixupError(f"{method} {path} has no request body any more")
        content = body["content"]
        if "*/*" in content:
            content.setdefault("application/json", content.pop("*/*"))


def filter_body_required(document: Document) -> None:
    _operation(document, "POST", "/v3/shipments/filter")["requestBody"]["required"] = True


def pdf_downloads_are_binary(document: Document) -> None:
    pdf_response = {
        "description": "PDF document",
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
    }
    for method, path in PDF_OPERATIONS:
        responses = _operation(document, method, path)["responses"]
        responses.pop("default", None)
        responses["200"] = copy.deepcopy(pdf_response)


def documented_filter_fields(document: Document) -> None:
    properties = document["components"]["schemas"]["Filter"]["properties"]
    properties.setdefault("hold", {"type": "boolean"})


def list_types_as_objects(document: Document) -> None:
    schemas = document["components"]["schemas"]
    for name in ("ReverseOTC", "Otcv2"):
        schema = schemas[name]
        if schema.get("type") == "array" and "properties" in schema:
            schema["type"] = "object"
            schema.pop("items", None)
    otcs = schemas["ReverseOTCResponse"]["properties"]
    if otcs["otcs"].get("$ref") == "#/components/schemas/ReverseOTC":
        otcs["otcs"] = {"type": "array", "items": {"$ref": "#/components/schemas/ReverseOTC"}}


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


def nullable_response_fields(document: Document) -> None:
    schemas = document["components"]["schemas"]
    for name in sorted(response_schema_names(document)):
        properties = schemas[name].get("properties", {})
        for field, schema in properties.items():
            properties[field] = _nullable(schema)
            items = properties[field].get("items")
            if isinstance(items, dict) and "$ref" not in items and items.get("type") != "array":
                items.setdefault("nullable", True)


def nullable_response_items(document: Document) -> None:
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
    for holder in holders:
        for key in ("items", "additionalProperties"):
            inner = holder.get(key)
            if isinstance(inner, dict) and "$ref" in inner:
                holder[key] = _nullable(inner)


def _drop_required(document: Document, schema_name: str, field: str) -> None:
    schema = document["components"]["schemas"].get(schema_name)
    if schema is None or field not in schema.get("properties", {}):
        raise FixupError(f"{schema_name}.{field} is no longer in the spec")
    required = [name for name in schema.get("required", []) if name != field]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)


def filter_type_optional(document: Document) -> None:
    _drop_required(document, "Filter", "type")


def location_status_optional(document: Document) -> None:
    _drop_required(document, "Location", "status")


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
)


def apply_fixups(document: Document, fixups: tuple[Fixup, ...]) -> Document:
    """Return a fixed deep copy of ``document``; the input is left untouched."""
    fixed = copy.deepcopy(document)
    for fixup in fixups:
        fixup.apply(fixed)
    return fixed
