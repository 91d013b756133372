"""Griffe extension: Sphinx roles in docstrings (``:class:`~a.B```) as Markdown code spans.

The package's docstrings follow Python's reST habits; the reference is rendered as
Markdown, where ``:meth:`close``` would show its role. Only the name is kept (the last
part after ``~``), as Sphinx shows it; a paragraph's closing ``::`` (reST's "code
follows") becomes ``:``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|mod|data|exc|obj|const):`(?P<target>[^`]+)`")


_LITERAL_MARKER = re.compile(r"(?<=\S)::$", re.MULTILINE)


def _name(match: re.Match[str]) -> str:
    target = match.group("target")
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return f"`{target}`"


class SphinxRoles(griffe.Extension):
    """Rewrites every docstring as it is loaded."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            text = _ROLE.sub(_name, obj.docstring.value)
            obj.docstring.value = _LITERAL_MARKER.sub(":", text)
