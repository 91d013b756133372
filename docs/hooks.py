"""MkDocs hook: the README's sections, included where a page asks for them.

README.md is the entry page (and the package's description on PyPI); the site shows the same
text without a second copy. A page line ``<!-- readme: Section title -->`` becomes the body of
the README section ``## Section title`` (up to the next ``## ``), and ``<!-- readme-intro -->``
the text between the README's title and its first section. A title that matches no section
fails the build.

The README's links are written for the repository: ``docs/guides/cli.md`` becomes a link
relative to the page that includes it, ``#a-section`` the page that includes that section,
and any other file of the repository (``examples/``, ``LICENSE``) its address under the
site's ``repo_url``, since the site does not carry it. ``<!-- file: CHANGELOG.md -->``
includes a whole file of the repository.
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
_INTRO = re.compile(r"^<!-- readme-intro -->$", re.MULTILINE)
_FILE = re.compile(r"^<!-- file: (?P<path>[\w.\-/]+) -->$", re.MULTILINE)
# A Markdown link's target: ](target) with no scheme.
_LINK = re.compile(r"\]\((?!https?:|mailto:)(?P<target>[^)\s]+)\)")


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


def readme_intro(text: str) -> str:
    """What the README says between its ``# title`` and its first ``## `` section."""
    head = re.split(r"^## ", text, maxsplit=1, flags=re.MULTILINE)[0]
    return head.split("\n", 1)[1].strip("\n") + "\n"


def _homes() -> dict[str, str]:
    """README section slug -> the docs page (path under docs/) that includes it."""
    homes: dict[str, str] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for match in _DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            homes.setdefault(slug(match.group("title")), page.relative_to(DOCS).as_posix())
    return homes


def _relinker(here: str, repo_url: str | None) -> Any:
    homes = _homes()
    folder = posixpath.dirname(here) or "."

    def relink(match: re.Match[str]) -> str:
        target = match.group("target")
        path, hash_sign, anchor = target.partition("#")
        if not path:  # a README section: the page that includes it
            home = homes.get(anchor)
            if home is None or home == here:
                return match.group(0)
            return f"]({posixpath.relpath(home, folder)})"
        if path.startswith("docs/"):
            inside = path.removeprefix("docs/")
            return f"]({posixpath.relpath(inside, folder)}{hash_sign}{anchor})"
        if repo_url is None:
            raise MissingSection(f"{here}: README links to {path}, but mkdocs.yml has no repo_url")
        kind = "tree" if (ROOT / path).is_dir() else "blob"
        return f"]({repo_url.rstrip('/')}/{kind}/main/{path.rstrip('/')}{hash_sign}{anchor})"

    return relink


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    text = README.read_text(encoding="utf-8")
    sections = readme_sections(text)
    here = page.file.src_path
    relink = _relinker(here, config.get("repo_url"))

    def include(match: re.Match[str]) -> str:
        title = match.group("title")
        if title not in sections:
            raise MissingSection(f"{here}: README.md has no section '## {title}'")
        return _LINK.sub(relink, sections[title])

    markdown = _FILE.sub(lambda m: (ROOT / m.group("path")).read_text(encoding="utf-8"), markdown)
    markdown = _INTRO.sub(lambda _: _LINK.sub(relink, readme_intro(text)), markdown)
    return _DIRECTIVE.sub(include, markdown)
