"""The package as a user gets it: build the wheel and sdist, check what they carry, install
the wheel into a fresh virtualenv and use it from outside the repository.

``make test`` installs the wheel once, with the ``testing`` extra (a few seconds with a warm
pip cache). The ``soak`` run (``make soak``) adds the rest: the wheel with no extra at all,
where the emulator must refuse in one line, and a virtualenv built from the sdist alone.
"""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import tarfile
import textwrap
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import flipkart_ext
from flipkart_ext.testing import Emulator

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HINT = "pip install 'flipkart-seller[testing]'"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
soak = pytest.mark.soak


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600):
    result = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result


def _clean_env(**extra: str) -> dict[str, str]:
    # The user's shell: none of this repository's variables, no PYTHONPATH pointing into it.
    drop = ("FLIPKART_", "PYTHONPATH", "VIRTUAL_ENV")
    return {**{k: v for k, v in os.environ.items() if not k.startswith(drop)}, **extra}


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    python: Path
    bin: Path
    home: Path  # a scratch folder outside the repository, the user's project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    result = _run(
        sys.executable, "-m", "build", "--wheel", "--sdist", "--outdir", out, ROOT, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return Built(wheel, sdist)


def _fresh_venv(base: Path, *requirements: str | Path) -> Installed:
    """A new virtualenv under ``base`` with ``requirements`` installed by pip, as a user would."""
    venv = base / "venv"
    result = _run(sys.executable, "-m", "venv", venv, cwd=base)
    assert result.returncode == 0, result.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    result = _run(
        *(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"),
        *requirements,
        cwd=base,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    home = base / "project"
    home.mkdir()
    return Installed(python, bindir, home)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh virtualenv with the wheel, its ``testing`` extra and pytest (for the plugin)."""
    return _fresh_venv(tmp_path_factory.mktemp("user"), f"{built.wheel}[testing]", "pytest")


@pytest.fixture(scope="module")
def bare(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh virtualenv with the wheel and no extras."""
    return _fresh_venv(tmp_path_factory.mktemp("bare"), built.wheel)


def _wheel_metadata(wheel: Path) -> tuple[email.message.Message, list[str], str]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        return (
            email.message_from_string(archive.read(meta).decode()),
            names,
            archive.read(entry_points).decode(),
        )


def test_the_wheel_carries_the_license_metadata_and_entry_points(built: Built) -> None:
    metadata, names, entry_points = _wheel_metadata(built.wheel)
    license_files = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert len(license_files) == 1
    with zipfile.ZipFile(built.wheel) as archive:
        assert archive.read(license_files[0]) == (ROOT / "LICENSE").read_bytes()
    assert metadata["Name"] == "flipkart-seller"
    assert metadata["Version"] == flipkart_ext.__version__
    assert metadata["License-Expression"] == "MIT"
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    assert "Framework :: Pytest" in metadata.get_all("Classifier", [])
    assert "flipkart" in metadata["Keywords"].split(",")
    assert "testing" in metadata.get_all("Provides-Extra", [])
    assert "flipkart = flipkart_ext.cli:main" in entry_points
    assert "[pytest11]\nflipkart = flipkart_ext.testing.pytest_plugin" in entry_points
    assert any(n.startswith("flipkart_seller_api/") for n in names)
    assert "flipkart_ext/py.typed" in names


def test_the_published_metadata_has_no_pins_and_no_dev_extra(built: Built) -> None:
    # The contributors' exact pins live in pyproject's [dependency-groups], which wheels and
    # sdists do not publish; a user's resolver sees only the runtime ranges and three extras.
    metadata, _, _ = _wheel_metadata(built.wheel)
    requirements = metadata.get_all("Requires-Dist", [])
    assert requirements, "no dependencies published at all"
    assert [r for r in requirements if "==" in r.split(";")[0]] == []
    assert sorted(metadata.get_all("Provides-Extra", [])) == ["crypto", "redis", "testing"]
    extras = {m.group(1) for r in requirements if (m := re.search(r"extra == '([^']+)'", r))}
    assert extras == {"crypto", "redis", "testing"}


def test_the_dev_group_pins_every_tool_exactly() -> None:
    groups = PYPROJECT["dependency-groups"]
    dev = [r for r in groups["dev"] if isinstance(r, str)]
    assert "pytest-xdist" in {re.split(r"[=<>!~\[]", r)[0] for r in dev}
    assert [r for r in dev if not re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.]*", r)] == []
    assert {"include-group": "dev"} in groups["mutation"]
    assert "dev" not in PYPROJECT["project"].get("optional-dependencies", {})


def test_the_project_urls_name_the_repository_and_the_documentation(built: Built) -> None:
    metadata, _, _ = _wheel_metadata(built.wheel)
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL", []))
    for label in ("Homepage", "Documentation", "Source", "Issues", "Changelog"):
        assert urls.get(label, "").startswith("https://"), label
    assert urls["Issues"].startswith(urls["Source"])
    assert urls["Changelog"].startswith(urls["Source"]) and urls["Changelog"].endswith(
        "CHANGELOG.md"
    )
    # The documentation site says where it lives and where its source is, the same places.
    site = (ROOT / "mkdocs.yml").read_text()
    assert f"site_url: {urls['Documentation']}" in site.splitlines()
    assert f"repo_url: {urls['Source']}" in site.splitlines()


def _tracked(*folders: str) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *folders],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def test_the_sdist_carries_the_tests_the_docs_and_the_examples(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = set(archive.getnames())
    top = f"flipkart_seller-{flipkart_ext.__version__}"
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "mkdocs.yml"):
        assert f"{top}/{name}" in names, name
    assert [n for n in names if n.endswith("/README.md") and n.count("/") == 1] == [
        f"{top}/README.md"
    ]
    tracked = _tracked("tests", "docs", "examples", "benchmarks", "scripts", "openapi")
    assert len(tracked) > 200  # the listing itself worked
    assert sorted(n for n in tracked if f"{top}/{n}" not in names) == []
    # What the README links to is in the sdist too.
    readme = (ROOT / "README.md").read_text()
    local = re.findall(r"\]\((?!https?:|#)([^)#\s]+)", readme)
    assert local, "the README links to no file of the repository"

    def carried(link: str) -> bool:  # a file, or a folder with files in it
        path = f"{top}/{link.rstrip('/')}"
        return path in names or any(n.startswith(f"{path}/") for n in names)

    assert sorted(n for n in local if not carried(n)) == []


def test_the_installed_wheel_imports_both_packages_and_runs_the_command(
    installed: Installed,
) -> None:
    result = _run(
        installed.python,
        "-c",
        "import importlib.metadata as m, flipkart_ext, flipkart_seller_api; "
        "print(flipkart_ext.__version__, m.version('flipkart-seller'), flipkart_ext.__file__)",
        cwd=installed.home,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stderr
    ours, distribution, where = result.stdout.split()
    assert ours == distribution == flipkart_ext.__version__
    assert not Path(where).is_relative_to(ROOT)  # the installed copy, not this checkout

    help_run = _run(installed.bin / "flipkart", "--help", cwd=installed.home, env=_clean_env())
    assert help_run.returncode == 0 and "emulator" in help_run.stdout


def test_the_installed_wheel_runs_the_client(installed: Installed) -> None:
    # The emulator runs here (this environment has the extra); the client in the fresh one.
    with Emulator() as emulator:
        emulator.create_test_orders(count=4)
        env = _clean_env(
            FLIPKART_CLIENT_ID=emulator.client_id,
            FLIPKART_CLIENT_SECRET=emulator.client_secret,
            FLIPKART_API_BASE_URL=emulator.api_base_url,
            FLIPKART_OAUTH_BASE_URL=emulator.oauth_base_url,
        )
        result = _run(
            installed.bin / "flipkart", "shipments", "search", cwd=installed.home, env=env
        )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4


@soak
def test_without_the_extra_the_emulator_refuses_in_one_line(bare: Installed) -> None:
    result = _run(
        bare.python, "-c", "import jsonschema", cwd=bare.home, env=_clean_env(), timeout=60
    )
    assert result.returncode == 1 and "ModuleNotFoundError" in result.stderr  # really absent
    result = _run(
        bare.bin / "flipkart",
        "emulator",
        "serve",
        "--port",
        "0",
        cwd=bare.home,
        env=_clean_env(),
        timeout=60,
    )
    assert result.returncode == 2  # bad configuration, in the CLI's exit-code table
    assert result.stdout == ""
    assert result.stderr == (
        "flipkart: error: the Flipkart emulator needs the 'testing' extra (jsonschema is not "
        f"installed): {HINT}\n"
    )


def test_with_the_extra_the_emulator_smoke_test_passes(installed: Installed) -> None:
    result = _run(
        installed.python,
        "-m",
        "flipkart_ext.demo",
        "--orders",
        "5",
        "--out",
        "labels",
        cwd=installed.home,
        env=_clean_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Done in" in result.stdout
    assert "5 orders packed, labelled and ready for pickup" in result.stdout


def test_with_the_extra_a_scratch_test_using_the_plugin_passes(installed: Installed) -> None:
    (installed.home / "test_scratch.py").write_text(
        textwrap.dedent(
            """
            import pytest
            from flipkart_ext import ShipmentFilter

            @pytest.mark.flipkart(orders=3)
            def test_three_to_pack(flipkart_client, flipkart_webhooks):
                found = list(flipkart_client.shipments.search(ShipmentFilter.pre_dispatch()))
                assert len(found) == 3
                assert flipkart_webhooks.event_types() == []  # only later changes notify
            """
        )
    )
    result = _run(
        installed.python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        cwd=installed.home,
        env=_clean_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


@soak
def test_a_virtualenv_built_from_the_sdist_alone_runs_the_command(
    built: Built, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # pip builds the wheel from the sdist (fetching the pinned hatchling), as a platform
    # without a wheel would; the result must be the same package.
    from_sdist = _fresh_venv(tmp_path_factory.mktemp("from-sdist"), built.sdist)
    result = _run(
        from_sdist.python,
        "-c",
        "import flipkart_ext, flipkart_seller_api; print(flipkart_ext.__version__)",
        cwd=from_sdist.home,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == flipkart_ext.__version__
    help_run = _run(from_sdist.bin / "flipkart", "--help", cwd=from_sdist.home, env=_clean_env())
    assert help_run.returncode == 0 and "emulator" in help_run.stdout
