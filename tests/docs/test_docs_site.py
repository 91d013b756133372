"""The documentation site is strict: a broken API reference or README section fails its build.

``make docs`` (run by ``make test``) builds the real site; these tests build a copy with one
broken page each, to show that such a page cannot pass, and check that every README section
has a home in the site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow  # a site build takes a few seconds

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _build_with_extra_page(tmp_path: Path, page: str) -> subprocess.CompletedProcess[str]:
    """Build the site from a copy of docs/ plus one page, with the project's own config."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    for name in ("README.md", "CHANGELOG.md"):  # what the pages include, beside docs/
        shutil.copy(ROOT / name, tmp_path / name)
    (docs / "extra.md").write_text(page)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(tmp_path / "site")
    config["hooks"] = [str(docs / "hooks.py")]
    config["nav"].append({"Extra": "extra.md"})
    python = config["plugins"][1]["mkdocstrings"]["handlers"]["python"]
    python["paths"] = [str(ROOT), str(ROOT / "generated")]
    python["options"]["extensions"] = [str(docs / "griffe_roles.py")]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_copy_builds_when_the_extra_page_is_sound(tmp_path: Path) -> None:
    # The control: the same copy, with a valid reference, builds (so failures below are the page's).
    result = _build_with_extra_page(tmp_path, "# Extra\n\n::: flipkart_ext.FlipkartClient\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "extra" / "index.html").exists()


def test_a_broken_api_reference_fails_the_build(tmp_path: Path) -> None:
    result = _build_with_extra_page(tmp_path, "# Extra\n\n::: flipkart_ext.NoSuchClient\n")
    assert result.returncode != 0
    assert "flipkart_ext.NoSuchClient" in result.stderr


def test_a_missing_readme_section_fails_the_build(tmp_path: Path) -> None:
    result = _build_with_extra_page(tmp_path, "# Extra\n\n<!-- readme: No Such Section -->\n")
    assert result.returncode != 0
    assert "README.md has no section '## No Such Section'" in result.stderr


def test_every_readme_section_has_a_page() -> None:
    sections = re.findall(r"^## (.+)$", (ROOT / "README.md").read_text(), flags=re.MULTILINE)
    included = {
        match
        for page in DOCS.rglob("*.md")
        for match in re.findall(r"^<!-- readme: (.+?) -->$", page.read_text(), re.MULTILINE)
    }
    assert [s for s in sections if s not in included] == []
