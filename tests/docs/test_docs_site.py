"""The documentation site: strict, complete, and one with the README.

``make docs`` (run by ``make test``) builds the real site; here it is built once more into a
scratch folder, and its pages are read: every public class of the package, every generated
operation and every generated model has its entry in the API reference. Copies with one
broken page each, built with the project's config, hook and extension, show that such a
page cannot pass.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.docs._reference import PUBLIC_MODULES, documented, resolve

pytestmark = pytest.mark.slow  # a site build takes a few seconds

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# The classes users handle every day: each must be in the reference by name.
EVERYDAY = [
    "flipkart_ext.shipments.PackSpec",
    "flipkart_ext.shipments.CancelSpec",
    "flipkart_ext.BatchResults",
    "flipkart_ext.BatchAnomaly",
    "flipkart_ext.shipments.ShipmentResult",
    "flipkart_ext.returns.ReturnResult",
    "flipkart_ext.InvalidArgument",
    "flipkart_ext.UsageError",
    "flipkart_ext.ClientClosed",
    "flipkart_ext.ConcurrentUse",
    "flipkart_ext.WrongEventLoop",
    "flipkart_ext.LocalFileError",
    "flipkart_ext.InternalError",
]


def _build(config: dict, site: Path, config_file: Path) -> subprocess.CompletedProcess[str]:
    config["site_dir"] = str(site)
    config_file.write_text(yaml.safe_dump(config))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _config() -> dict:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(DOCS)
    config["hooks"] = [str(DOCS / "hooks.py")]
    python = config["plugins"][1]["mkdocstrings"]["handlers"]["python"]
    python["paths"] = [str(ROOT), str(ROOT / "generated")]
    python["options"]["extensions"] = [str(DOCS / "griffe_roles.py")]
    return config


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built from the repository's docs/ with its own config."""
    scratch = tmp_path_factory.mktemp("site")
    result = _build(_config(), scratch / "site", scratch / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-4000:]
    return scratch / "site"


def _anchors(site: Path, page: str) -> set[str]:
    return set(re.findall(r'<h[1-6] id="([^"]+)"', (site / page / "index.html").read_text()))


def _reference_anchors(site: Path) -> set[str]:
    return {
        a
        for page in (site / "reference").iterdir()
        for a in _anchors(site, f"reference/{page.name}")
    }


def _public_classes() -> dict[int, str]:
    classes: dict[int, str] = {}
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for attribute in module.__all__:
            value = getattr(module, attribute)
            if inspect.isclass(value):
                classes.setdefault(id(value), f"{name}.{attribute}")
    return classes


def test_every_public_class_has_a_reference_entry(site: Path) -> None:
    classes = _public_classes()
    assert len(classes) > 100  # the modules were read
    # Declared: a `:::` directive of some reference page renders it...
    declared = documented()
    assert sorted(path for key, path in classes.items() if key not in declared) == []
    # ...and rendered: the built pages have a heading for it, under whichever public path.
    rendered = set()
    for anchor in _reference_anchors(site):
        if anchor.startswith("flipkart_ext"):
            try:
                rendered.add(id(resolve(anchor)))
            except (AttributeError, ModuleNotFoundError):
                continue  # a member's anchor, e.g. a method: not a class
    assert sorted(path for key, path in classes.items() if key not in rendered) == []


@pytest.mark.parametrize("path", EVERYDAY)
def test_the_everyday_classes_are_in_the_reference(site: Path, path: str) -> None:
    wanted = resolve(path)
    anchors = _reference_anchors(site)
    names = {a for a in anchors if a.rsplit(".", 1)[-1] == wanted.__name__}
    assert any(resolve(a) is wanted for a in names), path


def _generated_operations() -> list[str]:
    import flipkart_seller_api.api as api

    found = []
    for tag in pkgutil.iter_modules(api.__path__):
        package = importlib.import_module(f"{api.__name__}.{tag.name}")
        found += [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    return found


def test_every_generated_operation_and_model_has_a_reference_entry(site: Path) -> None:
    import flipkart_seller_api.models as models

    operations = _generated_operations()
    assert len(operations) >= 48
    anchors = _anchors(site, "reference/operations")
    assert [op for op in operations if op not in anchors] == []
    for op in operations:  # every operation has these two; `sync`/`asyncio` when it parses a body
        assert f"{op}.sync_detailed" in anchors and f"{op}.asyncio_detailed" in anchors, op

    anchors = _anchors(site, "reference/models")
    assert len(models.__all__) > 100
    assert [m for m in models.__all__ if f"{models.__name__}.{m}" not in anchors] == []


def test_the_readme_links_work_on_the_site(site: Path) -> None:
    # The entry page includes the README: links into docs/ become pages of the site, links
    # to other files of the repository its addresses.
    page = (site / "index.html").read_text()
    assert 'href="guides/quickstart/"' in page
    assert 'href="reference/clients/"' in page
    repo = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["repo_url"]
    assert f'href="{repo}/tree/main/examples"' in page
    assert "docs/guides" not in page


def _build_with_extra_page(tmp_path: Path, page: str) -> subprocess.CompletedProcess[str]:
    """Build a site of that one page, with the project's config, hook and extension."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for helper in ("hooks.py", "griffe_roles.py"):
        shutil.copy(DOCS / helper, docs / helper)
    for name in ("README.md", "CHANGELOG.md"):  # what the pages include, beside docs/
        shutil.copy(ROOT / name, tmp_path / name)
    (docs / "index.md").write_text(page)
    config = _config()
    config["docs_dir"] = str(docs)
    config["hooks"] = [str(docs / "hooks.py")]
    config["plugins"][1]["mkdocstrings"]["handlers"]["python"]["options"]["extensions"] = [
        str(docs / "griffe_roles.py")
    ]
    config["nav"] = [{"Extra": "index.md"}]
    return _build(config, tmp_path / "site", tmp_path / "mkdocs.yml")


def test_the_copy_builds_when_the_extra_page_is_sound(tmp_path: Path) -> None:
    # The control: the same copy, with a valid reference, builds (so failures below are the page's).
    result = _build_with_extra_page(tmp_path, "# Extra\n\n::: flipkart_ext.FlipkartClient\n")
    assert result.returncode == 0, result.stderr
    assert 'id="flipkart_ext.FlipkartClient"' in (tmp_path / "site" / "index.html").read_text()


def test_a_broken_api_reference_fails_the_build(tmp_path: Path) -> None:
    result = _build_with_extra_page(tmp_path, "# Extra\n\n::: flipkart_ext.NoSuchClient\n")
    assert result.returncode != 0
    assert "flipkart_ext.NoSuchClient" in result.stderr


def test_a_missing_readme_section_fails_the_build(tmp_path: Path) -> None:
    result = _build_with_extra_page(tmp_path, "# Extra\n\n<!-- readme: No Such Section -->\n")
    assert result.returncode != 0
    assert "README.md has no section '## No Such Section'" in result.stderr


def test_every_readme_section_has_a_page() -> None:
    readme = (ROOT / "README.md").read_text()
    sections = re.findall(r"^## (.+)$", readme, flags=re.MULTILINE)
    pages = [page.read_text() for page in DOCS.rglob("*.md")]
    included = {m for text in pages for m in re.findall(r"^<!-- readme: (.+?) -->$", text, re.M)}
    assert len(sections) >= 5
    assert [s for s in sections if s not in included] == []
    assert any(re.search(r"^<!-- readme-intro -->$", text, re.M) for text in pages)
