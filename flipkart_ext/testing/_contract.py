"""The normalized OpenAPI document as a contract for requests and responses.

The spec is the one bundled with the generated client (``flipkart_seller_api/openapi.json``),
so the emulator and the client cannot drift apart. OpenAPI 3.0 schemas become JSON Schema
(2020-12): ``nullable`` turns into a ``null`` type, ``$ref`` into ``$defs``. Request schemas
are checked strictly (an unknown property or query parameter is refused, to catch typos in
clients); response schemas as written.

``jsonschema`` is imported on first use, so importing the emulator stays cheap.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import import_module
from importlib.resources import files
from typing import Any

from .._boundary import guarded_class
from ._wire import JSON_CONTENT_TYPE, PDF_CONTENT_TYPE, FieldError

__all__ = ["API_PREFIX", "OAUTH_PREFIX", "Operation", "SpecContract", "load_spec"]

API_PREFIX = "/sellers"
OAUTH_PREFIX = "/oauth-service"
_DROPPED_KEYWORDS = frozenset(
    {
        "nullable",
        "discriminator",
        "xml",
        "externalDocs",
        "example",
        "deprecated",
        "readOnly",
        "writeOnly",
    }
)

_TOKEN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["access_token", "token_type", "expires_in", "scope"],
    "properties": {
        "access_token": {"type": "string", "minLength": 1},
        "token_type": {"const": "bearer"},
        "expires_in": {"type": "integer", "minimum": 0},
        "scope": {"type": "string"},
        "refresh_token": {"type": "string", "minLength": 1},
    },
}
_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error", "error_description"],
    "properties": {
        "error": {"type": "string"},
        "error_description": {"type": "string"},
        "errors": {"type": "array", "items": {"$ref": "#/$defs/Error"}},
    },
}


@cache
def load_spec() -> dict[str, Any]:
    """The normalized spec bundled with the generated client package."""
    text = files("flipkart_seller_api").joinpath("openapi.json").read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def _is_offset_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True  # the type keyword reports non-strings
    return datetime.fromisoformat(value).tzinfo is not None


def _format_checker(jsonschema: Any) -> Any:
    """Checks ``date-time`` (with an offset) and nothing else.

    jsonschema's own date-time check silently does nothing unless an optional package is
    installed; this one behaves the same everywhere. Formats such as ``int32`` stay
    unchecked, as in most OpenAPI tooling.
    """
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time", raises=ValueError)(_is_offset_datetime)
    return checker


def _convert(node: Any, strict: bool) -> Any:
    """An OpenAPI 3.0 schema as JSON Schema 2020-12."""
    if isinstance(node, list):
        return [_convert(item, strict) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        # OpenAPI 3.0 ignores a $ref's siblings.
        return {"$ref": "#/$defs/" + node["$ref"].rsplit("/", 1)[-1]}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED_KEYWORDS:
            continue
        if key == "properties":
            out[key] = {name: _convert(sub, strict) for name, sub in value.items()}
        elif key in ("allOf", "anyOf", "oneOf") or (
            key in ("items", "additionalProperties", "not") and isinstance(value, dict)
        ):
            out[key] = _convert(value, strict)
        else:
            out[key] = value
    if strict and out.get("type") == "object" and "properties" in out:
        out.setdefault("additionalProperties", False)
    if node.get("nullable"):
        if "type" in out:
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


@dataclass
class Operation:
    """One operation of the spec, as the contract needs it."""

    operation_id: str
    method: str
    template: str
    pattern: re.Pattern[str]
    body_schema: Any
    body_required: bool
    query: dict[str, dict[str, Any]]
    responses: dict[str, dict[str, Any]]
    validators: dict[str, Any] = field(default_factory=dict)


def _compile_template(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join(f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}/?$")


@guarded_class
class SpecContract:
    """Request and response checks against the spec; thread-safe, validators cached."""

    def __init__(self, spec: Mapping[str, Any] | None = None) -> None:
        self._spec = spec if spec is not None else load_spec()
        self._lock = threading.Lock()
        self._defs: dict[bool, dict[str, Any]] = {}
        # Validators for the shapes the spec does not describe (token answers, errors).
        self._own_validators: dict[str, Any] = {}
        self._format_checker: Any = None
        self.operations: dict[str, Operation] = {}
        components = self._spec.get("components", {})
        self.schemas: Mapping[str, Any] = components.get("schemas", {})
        """The spec's component schemas, in OpenAPI form."""
        for template, item in self._spec["paths"].items():
            for method, op in item.items():
                if method not in ("get", "post", "put", "delete", "patch"):
                    continue
                body_schema = None
                body_required = False
                body = op.get("requestBody")
                if body is not None:
                    if "$ref" in body:
                        body = components["requestBodies"][body["$ref"].rsplit("/", 1)[-1]]
                    body_required = bool(body.get("required"))
                    content = body.get("content", {})
                    media: dict[str, Any] = content.get(JSON_CONTENT_TYPE) or next(
                        iter(content.values()), {}
                    )
                    body_schema = media.get("schema")
                query = {p["name"]: p for p in op.get("parameters", []) if p.get("in") == "query"}
                self.operations[op["operationId"]] = Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    template=template,
                    pattern=_compile_template(template),
                    body_schema=body_schema,
                    body_required=body_required,
                    query=query,
                    responses=op.get("responses", {}),
                )
        # Literal segments win over parameters: /v3/shipments/filter before /v3/shipments/{ids}.
        self._ordered = sorted(
            self.operations.values(), key=lambda o: (o.template.count("{"), -len(o.template))
        )

    # -- schemas -----------------------------------------------------------------------

    def _definitions(self, strict: bool) -> dict[str, Any]:
        if strict not in self._defs:
            schemas = self._spec.get("components", {}).get("schemas", {})
            self._defs[strict] = {name: _convert(s, strict) for name, s in schemas.items()}
        return self._defs[strict]

    def _validator(self, key: str, schema: Any, strict: bool, cache_in: dict[str, Any]) -> Any:
        with self._lock:
            if key not in cache_in:
                # Imported here: only validation needs it, not importing the emulator.
                jsonschema = import_module("jsonschema")
                if self._format_checker is None:
                    self._format_checker = _format_checker(jsonschema)
                document = dict(_convert(schema, strict))
                document["$defs"] = self._definitions(strict)
                cache_in[key] = jsonschema.Draft202012Validator(
                    document, format_checker=self._format_checker
                )
            return cache_in[key]

    @staticmethod
    def _errors(validator: Any, instance: Any) -> list[FieldError]:
        found = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            path = "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path
            ).lstrip(".")
            found.append(FieldError(path or "$", error.message))
        return found

    # -- requests ----------------------------------------------------------------------

    def find(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation serving ``method path`` (path relative to the API base) and its parameters."""
        for op in self._ordered:
            if op.method != method:
                continue
            match = op.pattern.match(path)
            if match:
                return op, match.groupdict()
        return None

    def request_errors(
        self, op: Operation, query: Mapping[str, str], body: Any, has_body: bool
    ) -> list[FieldError]:
        """Why this request breaks the contract of ``op`` (empty when it does not)."""
        errors = [
            FieldError(name, "unknown query parameter") for name in query if name not in op.query
        ]
        for name, param in op.query.items():
            if param.get("required") and name not in query:
                errors.append(FieldError(name, "required query parameter is missing"))
        if op.body_schema is None:
            if has_body:
                errors.append(FieldError("$", "this operation takes no request body"))
            return errors
        if not has_body:
            errors.append(FieldError("$", "a JSON request body is required"))
            return errors
        validator = self._validator("request", op.body_schema, True, op.validators)
        return errors + self._errors(validator, body)

    # -- responses ---------------------------------------------------------------------

    def response_errors(
        self, method: str, path: str, status: int, content_type: str | None, body: bytes
    ) -> list[str]:
        """Why a response breaks the contract; ``path`` is the full URL path."""
        media = (content_type or "").split(";")[0].strip().lower()
        if path.startswith("/_emulator/"):
            return []
        if path.startswith(OAUTH_PREFIX):
            return self._oauth_response_errors(path[len(OAUTH_PREFIX) :], status, media, body)
        if not path.startswith(API_PREFIX):
            return [f"{path} is outside the API"]
        found = self.find(method, path[len(API_PREFIX) :])
        if found is None:
            if status >= 400:
                return self._error_body_errors(status, media, body)
            return [f"no operation for {method} {path}"]
        op = found[0]
        declared = op.responses.get(str(status)) or (
            op.responses.get("default") if status < 400 else None
        )
        content = (declared or {}).get("content")
        if declared is None and status < 400:
            return [f"status {status} is not declared for {op.operation_id}"]
        if not content:
            return self._error_body_errors(status, media, body) if status >= 400 else []
        if media not in content:
            return [f"content type {media!r} is not declared ({', '.join(content)})"]
        if media == PDF_CONTENT_TYPE:
            if not body.startswith(b"%PDF-") or not body.rstrip().endswith(b"%%EOF"):
                return ["body is not a PDF document"]
            return []
        if media != JSON_CONTENT_TYPE:
            # A schema describes JSON; another media type (a byte stream) is opaque to it.
            return []
        return self._json_errors(
            f"{op.operation_id}:{status}", content[media]["schema"], body, op.validators
        )

    def _json_errors(
        self, key: str, schema: Any, body: bytes, cache_in: dict[str, Any]
    ) -> list[str]:
        try:
            instance = json.loads(body)
        except ValueError:
            return ["body is not JSON"]
        validator = self._validator(key, schema, False, cache_in)
        return [f"{e.path}: {e.description}" for e in self._errors(validator, instance)]

    def _error_body_errors(self, status: int, media: str, body: bytes) -> list[str]:
        if media != JSON_CONTENT_TYPE:
            return [f"error {status} is not JSON"]
        return self._json_errors("error", _ERROR_SCHEMA, body, self._own_validators)

    def _oauth_response_errors(self, path: str, status: int, media: str, body: bytes) -> list[str]:
        if path == "/oauth/authorize":
            return [] if status in (302, 400) else [f"authorize answered {status}"]
        if path != "/oauth/token":
            return [f"no OAuth endpoint {path}"]
        if status != 200:
            return self._error_body_errors(status, media, body)
        if media != JSON_CONTENT_TYPE:
            return ["token answer is not JSON"]
        return self._json_errors("token", _TOKEN_SCHEMA, body, self._own_validators)
