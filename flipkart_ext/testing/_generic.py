"""Answers for spec operations the emulator has no handler for: the smallest valid body.

When Flipkart adds an operation, a regenerated spec has it before anyone writes its
handler. Rather than answer 501 (and break every offline user of that operation), the
emulator answers it from the spec itself: the first 2xx response the operation declares,
with a body built from its schema (required properties only, the first enum value, the
least value a bound allows). ``Emulator.generic_operations`` lists the operations served
this way, so a test can insist there are none among the operations it knows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._pdf import build_pdf
from ._wire import JSON_CONTENT_TYPE, PDF_CONTENT_TYPE, Response, json_response

__all__ = ["example", "generic_response"]

_MAX_DEPTH = 12


def example(schema: Any, schemas: Mapping[str, Any], *, now: datetime, depth: int = 0) -> Any:
    """The smallest value that ``schema`` (OpenAPI 3.0) accepts, following ``$ref``."""
    if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
        return None
    if "$ref" in schema:
        target = schemas.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
        return example(target, schemas, now=now, depth=depth + 1)
    for combined in ("allOf", "oneOf", "anyOf"):
        parts = schema.get(combined)
        if isinstance(parts, list) and parts:
            if combined != "allOf":
                return example(parts[0], schemas, now=now, depth=depth + 1)
            merged: dict[str, Any] = {}
            for part in parts:
                value = example(part, schemas, now=now, depth=depth + 1)
                if isinstance(value, dict):
                    merged.update(value)
                elif value is not None:
                    return value
            return merged
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {
            name: example(properties.get(name, {}), schemas, now=now, depth=depth + 1)
            for name in schema.get("required", [])
        }
    if kind == "array":
        item = example(schema.get("items", {}), schemas, now=now, depth=depth + 1)
        return [item] * int(schema.get("minItems", 0) or 0)
    if kind == "string":
        if schema.get("format") == "date-time":
            return now.isoformat()
        if schema.get("format") == "date":
            return now.date().isoformat()
        return "x" * max(1, int(schema.get("minLength", 1) or 1))
    if kind in ("integer", "number"):
        least = schema.get("minimum", 0)
        return int(least) if kind == "integer" else float(least)
    if kind == "boolean":
        return False
    return None


def generic_response(
    responses: Mapping[str, Any], schemas: Mapping[str, Any], *, now: datetime
) -> Response:
    """The first 2xx response ``responses`` declares, with the smallest valid body."""
    for status in sorted(code for code in responses if code.isdigit() and code.startswith("2")):
        content = responses[status].get("content") or {}
        if JSON_CONTENT_TYPE in content:
            schema = content[JSON_CONTENT_TYPE].get("schema", {})
            return json_response(example(schema, schemas, now=now), status=int(status))
        if PDF_CONTENT_TYPE in content:
            return Response(
                int(status), raw=build_pdf([["generic"]]), content_type=PDF_CONTENT_TYPE
            )
        media = next(iter(content), None)
        return Response(int(status), raw=b"", content_type=media)
    return json_response({}, status=200)
