"""JSON as the chaos server writes it, and what a served body means, decided independently.

Written apart from ``flipkart_ext`` on purpose: it shares no decoder with the package, so a
defect in the package's decoding cannot hide in the oracle.

*Writing.* A document is a tree of :class:`Obj` (pairs in order, so one name may appear
twice), lists, scalars, :class:`Raw` (a token written verbatim: ``NaN``, ``1e400``, 5,000
digits, 100,000 brackets) and :class:`RawBytes` (bytes written verbatim: invalid UTF-8).

*Meaning.* :func:`meaning` gives the one value a body stands for, or :data:`NO_MEANING`:

- the bytes must be UTF-8 (a leading byte order mark may be ignored, RFC 8259 section 8.1);
- the text must be JSON as RFC 8259 defines it: ``NaN`` and ``Infinity`` are not JSON;
- an object naming a member twice has no single meaning (RFC 8259 section 4: "the behavior
  of software that receives such an object is unpredictable"), so the whole body has none;
- a number keeps its exact value: an integer of any length (a :class:`~decimal.Decimal` past
  what ``int()`` converts), a float within range; a float out of range (``1e400``) becomes
  :class:`OutOfRange`, equal to nothing a client could hold as a ``float``;
- nesting deeper than ``MAX_DEPTH`` has no meaning: no client is expected to read 10,000
  levels, and the grammar draws either shallow documents or ones far deeper than this.

:func:`same` compares a value a client handed over with a meaning: ``True`` is not ``1``,
numbers compare by exact value.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

__all__ = [
    "MAX_DEPTH",
    "NO_MEANING",
    "Obj",
    "OutOfRange",
    "Raw",
    "RawBytes",
    "at",
    "dump",
    "meaning",
    "paths",
    "replaced",
    "same",
    "to_tree",
    "with_duplicate",
]

MAX_DEPTH: Final = 200


@dataclass(frozen=True)
class Obj:
    pairs: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Raw:
    text: str


@dataclass(frozen=True)
class RawBytes:
    data: bytes


class _NoMeaning:
    def __repr__(self) -> str:
        return "NO_MEANING"


NO_MEANING: Final = _NoMeaning()


@dataclass(frozen=True)
class OutOfRange:
    """A JSON number no float can hold (``1e400``): equal only to itself."""

    text: str


def to_tree(value: Any) -> Any:
    if isinstance(value, dict):
        return Obj(tuple((k, to_tree(v)) for k, v in value.items()))
    if isinstance(value, list):
        return [to_tree(v) for v in value]
    return value


def dump(node: Any) -> bytes:
    if isinstance(node, Obj):
        inner = b",".join(json.dumps(k).encode() + b":" + dump(v) for k, v in node.pairs)
        return b"{" + inner + b"}"
    if isinstance(node, list):
        return b"[" + b",".join(dump(v) for v in node) + b"]"
    if isinstance(node, Raw):
        return node.text.encode()
    if isinstance(node, RawBytes):
        return node.data
    return json.dumps(node).encode()


Path = tuple[int, ...]


def paths(node: Any, prefix: Path = ()) -> list[Path]:
    """Every position below the root, depth first (a pair index for objects)."""
    found: list[Path] = []
    children: list[Any] = []
    if isinstance(node, Obj):
        children = [v for _, v in node.pairs]
    elif isinstance(node, list):
        children = node
    for index, child in enumerate(children):
        here = (*prefix, index)
        found.append(here)
        found.extend(paths(child, here))
    return found


def at(node: Any, path: Path) -> Any:
    for index in path:
        node = node.pairs[index][1] if isinstance(node, Obj) else node[index]
    return node


def replaced(node: Any, path: Path, new: Any) -> Any:
    """The tree with the value at ``path`` replaced by ``new``."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(node, Obj):
        pairs = list(node.pairs)
        name, value = pairs[head]
        pairs[head] = (name, replaced(value, rest, new))
        return Obj(tuple(pairs))
    items = list(node)
    items[head] = replaced(items[head], rest, new)
    return items


def with_duplicate(node: Any, path: Path, value: Any, *, before: bool) -> Any:
    """The tree with the member at ``path`` (inside an object) named a second time."""
    parent_path, index = path[:-1], path[-1]
    parent = at(node, parent_path)
    assert isinstance(parent, Obj)
    pairs = list(parent.pairs)
    name = pairs[index][0]
    pairs.insert(index if before else index + 1, (name, value))
    return replaced(node, parent_path, Obj(tuple(pairs)))


# -- meaning ---------------------------------------------------------------------------------


class _Refused(Exception):
    pass


def _constant(name: str) -> Any:
    raise _Refused(name)


def _float(text: str) -> Any:
    value = float(text)
    return OutOfRange(text) if math.isinf(value) else value


def _int(text: str) -> Any:
    # int() refuses more than 4,300 digits; Decimal keeps the exact value of any length.
    return Decimal(text) if len(text) > 4000 else int(text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise _Refused(f"duplicate {name!r}")
        result[name] = value
    return result


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            stack.extend(
                (c, depth + 1) for c in (node.values() if isinstance(node, dict) else node)
            )
    return deepest


def meaning(raw: bytes) -> Any:
    """The value ``raw`` stands for, or ``NO_MEANING``."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return NO_MEANING
    # Python's scanner goes past the recursion limit on deep input: count brackets first.
    if text.count("[") + text.count("{") > MAX_DEPTH and _bracket_depth(text) > MAX_DEPTH:
        return NO_MEANING
    try:
        value = json.loads(
            text,
            parse_constant=_constant,
            parse_float=_float,
            parse_int=_int,
            object_pairs_hook=_pairs,
        )
    except (_Refused, ValueError, RecursionError):
        return NO_MEANING
    return NO_MEANING if _depth(value) > MAX_DEPTH else value


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def same(handed: Any, meant: Any) -> bool:
    """Whether a value a client handed over is exactly the served value."""
    if isinstance(meant, bool) or isinstance(handed, bool):
        return type(handed) is type(meant) and handed == meant
    if isinstance(meant, OutOfRange):
        # A client may keep the exact value (a Decimal); a float cannot hold it.
        return isinstance(handed, Decimal) and handed == Decimal(meant.text)
    if isinstance(meant, int | float | Decimal):
        if not isinstance(handed, int | float | Decimal):
            return False
        if isinstance(handed, float) and not math.isfinite(handed):
            return False
        return bool(handed == meant)
    if isinstance(meant, dict):
        return (
            isinstance(handed, dict)
            and handed.keys() == meant.keys()
            and all(same(handed[k], meant[k]) for k in meant)
        )
    if isinstance(meant, list):
        return (
            isinstance(handed, list)
            and len(handed) == len(meant)
            and all(same(h, m) for h, m in zip(handed, meant, strict=True))
        )
    return type(handed) is type(meant) and handed == meant
