"""Forward-compatibility noise: what a newer Flipkart could send to an older client.

Guided by the response schema, so that only plausible changes are made:

- every model object gains an unknown property (maps keyed by SKU are left alone, since
  a new key there would be a new SKU, not a new field);
- the first occurrence of each enum-valued property gets a value outside the enum;
- the first occurrence of each nullable string or date-time property becomes null, except
  identifiers (names ending in ``Id``/``id``), ``status``, ``sku`` and ``nextPageUrl``,
  without which a client could not make progress at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._spec import LISTING_SEARCH_PAGE, RETURNS_PAGE, SHIPMENT_PAGE

__all__ = ["UNKNOWN_ENUM_VALUE", "UNKNOWN_FIELD", "add_noise"]

UNKNOWN_ENUM_VALUE = "SOMETHING_NEW"
UNKNOWN_FIELD = "fieldFromTheFuture"
_UNKNOWN_FIELD_VALUE = {"introducedIn": "v9", "flags": ["beta"], "detail": None}


# Fields a client needs to make progress at all; noise leaves them intact.
_PROTECTED = frozenset(
    {*(page.next for page in (SHIPMENT_PAGE, RETURNS_PAGE, LISTING_SEARCH_PAGE)), "status", "sku"}
)


def _is_protected(name: str) -> bool:
    return name in _PROTECTED or name.endswith(("Id", "Ids", "id", "_id"))


class _Noiser:
    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self._schemas = schemas
        self._enums_done: set[str] = set()
        self._nulls_done: set[str] = set()

    def _resolve(self, schema: Any) -> Mapping[str, Any]:
        while isinstance(schema, Mapping):
            if "$ref" in schema:
                schema = self._schemas[schema["$ref"].rsplit("/", 1)[-1]]
            elif "allOf" in schema and len(schema["allOf"]) == 1:
                merged = dict(schema["allOf"][0])
                if "$ref" in merged:
                    merged = dict(self._resolve(merged))
                merged.setdefault("nullable", schema.get("nullable", False))
                return merged
            else:
                return schema
        return {}

    def walk(self, value: Any, schema: Any) -> Any:
        resolved = self._resolve(schema)
        if isinstance(value, list):
            return [self.walk(item, resolved.get("items")) for item in value]
        if not isinstance(value, dict):
            return value
        properties = resolved.get("properties")
        if properties is None:
            extra = resolved.get("additionalProperties")
            if isinstance(extra, Mapping):
                return {key: self.walk(item, extra) for key, item in value.items()}
            return value
        out = {}
        for key, item in value.items():
            sub = properties.get(key)
            out[key] = self._leaf(key, self.walk(item, sub), sub) if sub is not None else item
        out[UNKNOWN_FIELD] = dict(_UNKNOWN_FIELD_VALUE)
        return out

    def _leaf(self, key: str, value: Any, schema: Any) -> Any:
        if value is None or isinstance(value, dict | list):
            return value
        resolved = self._resolve(schema)
        if "enum" in resolved and key not in self._enums_done:
            self._enums_done.add(key)
            return UNKNOWN_ENUM_VALUE
        if (
            resolved.get("type") == "string"
            and resolved.get("nullable")
            and "enum" not in resolved
            and not _is_protected(key)
            and key not in self._nulls_done
        ):
            self._nulls_done.add(key)
            return None
        return value


def add_noise(payload: Any, schema: Any, schemas: Mapping[str, Any]) -> Any:
    """A noisy copy of ``payload``, which follows ``schema`` (OpenAPI, refs into ``schemas``)."""
    return _Noiser(schemas).walk(payload, schema)
