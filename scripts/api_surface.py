"""Compare two normalized OpenAPI 3.0 documents and describe the API change in plain lines."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from spec_fixups import iter_operations


@dataclass
class SurfaceReport:
    operations_added: list[str] = field(default_factory=list)
    operations_removed: list[str] = field(default_factory=list)
    operations_changed: list[str] = field(default_factory=list)
    models_added: list[str] = field(default_factory=list)
    models_removed: list[str] = field(default_factory=list)
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)
    enum_values_added: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)

    def lines(self) -> list[str]:
        if self.is_empty:
            return ["API surface: no change"]
        out = ["API surface changes:"]
        for name in self.__dataclass_fields__:
            for item in getattr(self, name):
                out.append(f"  {name.replace('_', ' ')}: {item}")
        return out


def _operations(document: dict[str, Any]) -> dict[str, str]:
    """``"METHOD path (operationId)"`` -> a canonical signature of what it takes and returns."""
    return {
        f"{method} {path} ({operation.get('operationId', '?')})": json.dumps(
            {
                "parameters": operation.get("parameters", []),
                "requestBody": operation.get("requestBody"),
                "responses": operation.get("responses", {}),
            },
            sort_keys=True,
        )
        for method, path, operation in iter_operations(document)
    }


def _schemas(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    schemas = document.get("components", {}).get("schemas", {})
    return schemas if isinstance(schemas, dict) else {}


def _enums(node: Any, where: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            found[where] = {str(value) for value in node["enum"]}
        for key, value in node.items():
            for place, values in _enums(value, f"{where}.{key}").items():
                found.setdefault(place, set()).update(values)
    elif isinstance(node, list):
        for value in node:
            for place, values in _enums(value, where).items():
                found.setdefault(place, set()).update(values)
    return found


def compare(old: dict[str, Any] | None, new: dict[str, Any]) -> SurfaceReport:
    old = old or {}
    report = SurfaceReport()
    old_ops, new_ops = _operations(old), _operations(new)
    report.operations_added = sorted(new_ops.keys() - old_ops.keys())
    report.operations_removed = sorted(old_ops.keys() - new_ops.keys())
    report.operations_changed = sorted(
        key for key in new_ops.keys() & old_ops.keys() if new_ops[key] != old_ops[key]
    )
    old_models, new_models = _schemas(old), _schemas(new)
    report.models_added = sorted(new_models.keys() - old_models.keys())
    report.models_removed = sorted(old_models.keys() - new_models.keys())
    for name in sorted(new_models.keys() & old_models.keys()):
        old_fields = set(old_models[name].get("properties", {}))
        new_fields = set(new_models[name].get("properties", {}))
        report.fields_added += [f"{name}.{f}" for f in sorted(new_fields - old_fields)]
        report.fields_removed += [f"{name}.{f}" for f in sorted(old_fields - new_fields)]
    old_enums = _enums(old_models, "")
    for place, values in sorted(_enums(new_models, "").items()):
        added = values - old_enums.get(place, set())
        if place in old_enums and added:
            report.enum_values_added.append(f"{place.lstrip('.')}: {', '.join(sorted(added))}")
    return report
