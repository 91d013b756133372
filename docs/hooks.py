"""MkDocs hook: the guides are the README's sections, included at build time.

A page line ``<!-- readme: Section title -->`` becomes the body of the README section
``## Section title`` (up to the next ``## ``), so README.md stays the one source of the
guides and the site cannot drift from it. A title that matches no section fails the build.
A README link to one of its own sections (``[...](#regenerating-the-client)``) is pointed
at the page that includes that section. ``<!-- file: CHANGELOG.md -->`` includes a whole
file of the repository.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
_DIRECTIVE = re.compile(r"^<!-- readme: (?P<title>.+?) -->$", re.MULTILINE)
_FILE = re.compile(r"^<!-- file: (?P<path>[\w.\-/]+) -->$", re.MULTILINE)
_SECTION_LINK = re.compile(r"\]\(#(?P<slug>[a-z0-9\-]+)\)")


class MissingSection(Exception):
    """A page asks for a README section that does not exist."""


def slug(title: str) -> str:
    """GitHub's (and Python-Markdown's) anchor for a heading: ``Two commands`` -> ``two-commands``."""
    return re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", title).strip().lower())


def readme_sections(text: str) -> dict[str, str]:
    """``{title: body}`` for every ``## title`` of the README (body without the heading)."""
    sections: dict[str, str] = {}
    for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        title, _, body = chunk.partition("\n")
        sections[title.strip()] = body.strip("\n") + "\n"
    return sections


def _homes() -> dict[str, str]:
    """README section slug -> the docs page (path under docs/) that includes it."""
    homes: dict[str, str] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for match in _DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            homes.setdefault(slug(match.group("title")), page.relative_to(DOCS).as_posix())
    return homes


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    sections = readme_sections(README.read_text(encoding="utf-8"))
    homes = _homes()
    here = page.file.src_path

    def relink(match: re.Match[str]) -> str:
        target = homes.get(match.group("slug"))
        if target is None or target == here:
            return match.group(0)
        return f"]({posixpath.relpath(target, posixpath.dirname(here) or '.')})"

    def include(match: re.Match[str]) -> str:
        title = match.group("title")
        if title not in sections:
            raise MissingSection(f"{here}: README.md has no section '## {title}'")
        return _SECTION_LINK.sub(relink, sections[title])

    markdown = _FILE.sub(lambda m: (ROOT / m.group("path")).read_text(encoding="utf-8"), markdown)
    return _DIRECTIVE.sub(include, markdown)
