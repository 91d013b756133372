"""What the API reference pages document: the objects their ``:::`` directives render."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
# The packages a user imports from, each with an ``__all__``.
PUBLIC_MODULES = [
    "flipkart_ext",
    "flipkart_ext.errors",
    "flipkart_ext.stores",
    "flipkart_ext.shipments",
    "flipkart_ext.returns",
    "flipkart_ext.listings",
    "flipkart_ext.paging",
    "flipkart_ext.notifications",
    "flipkart_ext.testing",
    "flipkart_ext.testing.cassettes",
]
_DIRECTIVE = re.compile(r"^::: (?P<path>[\w.]+)\n(?P<options>(?:    .*\n|\n(?=    ))*)", re.M)


def resolve(path: str) -> Any:
    """The object a dotted path names: a module, or an attribute of the longest module prefix."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ModuleNotFoundError(path)


def directives(text: str) -> list[tuple[str, list[str] | None]]:
    """``(path, members)`` of every ``::: path`` block; ``members`` when its options list them."""
    found = []
    for match in _DIRECTIVE.finditer(text):
        options = match.group("options")
        members = None
        if "members:" in options:
            listed = options.split("members:", 1)[1]
            members = re.findall(r"^\s+- (\w+)\s*$", listed, re.M)
        found.append((match.group("path"), members))
    return found


def documented() -> dict[int, str]:
    """``id(object) -> path`` of everything the reference pages render."""
    objects: dict[int, str] = {}
    for page in sorted(REFERENCE.glob("*.md")):
        for path, members in directives(page.read_text()):
            target = resolve(path)
            objects[id(target)] = path
            if isinstance(target, ModuleType):
                names = members if members is not None else list(getattr(target, "__all__", []))
                for name in names:
                    objects[id(getattr(target, name))] = f"{path}.{name}"
    return objects
