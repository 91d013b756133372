"""The package as a user gets it: build the wheel and sdist, install the wheel into a fresh
virtualenv (no extras, then the testing extra) and use it from outside the repository.

Slow (two virtualenv installs from the package index, about half a minute with a warm pip
cache); it runs in ``make test``, once per session.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import flipkart_ext
from flipkart_ext.testing import Emulator

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HINT = "pip install 'flipkart-seller[testing]'"


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


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh virtualenv with the wheel and no extras."""
    base = tmp_path_factory.mktemp("user")
    venv = base / "venv"
    result = _run(sys.executable, "-m", "venv", venv, cwd=base)
    assert result.returncode == 0, result.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    result = _run(
        python, "-m", "pip", "install", "--quiet", built.wheel, cwd=base, env=_clean_env()
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    home = base / "project"
    home.mkdir()
    return Installed(python, bindir, home)


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
    assert metadata.get_all("Project-URL")
    assert "testing" in metadata.get_all("Provides-Extra", [])
    assert "flipkart = flipkart_ext.cli:main" in entry_points
    assert "[pytest11]\nflipkart = flipkart_ext.testing.pytest_plugin" in entry_points
    assert any(n.startswith("flipkart_seller_api/") for n in names)
    assert "flipkart_ext/py.typed" in names


def test_the_sdist_carries_the_license_and_the_changelog(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = archive.getnames()
    top = f"flipkart_seller-{flipkart_ext.__version__}"
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"):
        assert f"{top}/{name}" in names, name
    assert [n for n in names if n.endswith("README.md")] == [f"{top}/README.md"]


def test_a_plain_install_imports_both_packages_and_runs_the_command(installed: Installed) -> None:
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


def test_a_plain_install_runs_the_client(installed: Installed) -> None:
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


def test_without_the_extra_the_emulator_refuses_in_one_line(installed: Installed) -> None:
    result = _run(
        installed.bin / "flipkart",
        "emulator",
        "serve",
        "--port",
        "0",
        cwd=installed.home,
        env=_clean_env(),
        timeout=60,
    )
    assert result.returncode == 2  # bad configuration, in the CLI's exit-code table
    assert result.stdout == ""
    assert result.stderr == (
        "flipkart: error: the Flipkart emulator needs the 'testing' extra (jsonschema is not "
        f"installed): {HINT}\n"
    )


@pytest.fixture(scope="module")
def with_extra(installed: Installed, built: Built) -> Iterator[Installed]:
    result = _run(
        installed.python,
        "-m",
        "pip",
        "install",
        "--quiet",
        f"{built.wheel}[testing]",
        "pytest",
        cwd=installed.home,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    yield installed


def test_with_the_extra_the_emulator_smoke_test_passes(with_extra: Installed) -> None:
    result = _run(
        with_extra.python,
        "-m",
        "flipkart_ext.demo",
        "--orders",
        "5",
        "--out",
        "labels",
        cwd=with_extra.home,
        env=_clean_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Done in" in result.stdout
    assert "5 orders packed, labelled and ready for pickup" in result.stdout


def test_with_the_extra_a_scratch_test_using_the_plugin_passes(with_extra: Installed) -> None:
    (with_extra.home / "test_scratch.py").write_text(
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
        with_extra.python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        cwd=with_extra.home,
        env=_clean_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
