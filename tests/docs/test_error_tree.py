"""The errors guide draws the whole error tree: every class, under its real parent."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from flipkart_ext import errors

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "errors.md"
# A line of the drawing: the tree's prefix ("│   ├── "), then a class name.
NODE = re.compile(r"^(?P<prefix>[│├└─\s]*)(?P<name>[A-Z]\w+)")


def _drawn() -> dict[str, str | None]:
    """``{class name: parent name}`` as the drawing shows them (``None`` for the root)."""
    text = GUIDE.read_text()
    drawing = text.split("```\nFlipkartError", 1)[1].split("```", 1)[0]
    lines = ("FlipkartError" + drawing).splitlines()
    parents: dict[str, str | None] = {}
    stack: list[str] = []
    for line in lines:
        match = NODE.match(line)
        if match is None:
            continue  # a description carried on to the next line
        depth = len(match.group("prefix")) // 4
        del stack[depth:]
        parents[match.group("name")] = stack[-1] if stack else None
        stack.append(match.group("name"))
    return parents


def _real() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in errors.__all__:
        value = getattr(errors, name)
        if inspect.isclass(value) and issubclass(value, errors.FlipkartError):
            parent = next(
                (b.__name__ for b in value.__bases__ if issubclass(b, errors.FlipkartError)),
                None,
            )
            found[name] = parent
    return found


def test_the_drawing_is_the_error_tree() -> None:
    drawn, real = _drawn(), _real()
    assert len(real) > 30
    assert sorted(set(real) - set(drawn)) == []  # every class is drawn
    assert sorted(set(drawn) - set(real)) == []  # and nothing that is not one
    assert {name: drawn[name] for name in real} == real
