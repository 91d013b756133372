"""The pytest plugin costs nothing to a test run that does not use it.

It loads with every pytest run wherever the package is installed (entry point ``pytest11``),
so loading it must import neither httpx nor the client, the emulator or the generated
package; the first fixture used imports them. Measured in fresh processes: a bare import of
the entry point, and a pytest run with only this plugin loaded (other installed plugins,
respx for one, import httpx themselves).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Nothing of this may be imported by loading the plugin: each costs a test run time.
HEAVY = (
    "httpx",
    "httpcore",
    "flipkart_seller_api",
    "flipkart_ext._sync",
    "flipkart_ext._async",
    "flipkart_ext.testing._emulator",
    "jsonschema",
    "click",
    "rich",
)
_LOADED = "sorted(m for m in sys.modules if m.split('.')[0] in {'httpx', 'httpcore', 'flipkart_seller_api', 'jsonschema', 'click', 'rich'} or m.startswith(('flipkart_ext._sync', 'flipkart_ext._async', 'flipkart_ext.testing._')))"


def _heavy(loaded: list[str]) -> list[str]:
    return [m for m in loaded if any(m == h or m.startswith(f"{h}.") for h in HEAVY)]


def test_importing_the_entry_point_loads_nothing_heavy() -> None:
    code = (
        f"import json, sys\nimport flipkart_ext.testing.pytest_plugin\nprint(json.dumps({_LOADED}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert _heavy(json.loads(result.stdout)) == []


def _run_pytest(project: Path, test_source: str) -> list[str]:
    """Run ``test_source`` with only the flipkart plugin loaded; the heavy modules it saw."""
    (project / "test_cost.py").write_text(
        textwrap.dedent(
            f"""
            import json, sys

            def {test_source}
                out = {_LOADED}
                with open("loaded.json", "w") as sink:
                    json.dump(out, sink)
            """
        )
    )
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "flipkart"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    loaded: list[str] = json.loads((project / "loaded.json").read_text())
    return loaded


@pytest.mark.slow
def test_a_pytest_run_that_uses_no_fixture_loads_nothing_heavy(tmp_path: Path) -> None:
    assert _heavy(_run_pytest(tmp_path, "test_plain():")) == []


@pytest.mark.slow
def test_the_first_fixture_used_loads_the_client(tmp_path: Path) -> None:
    # The control: the same run, with a fixture, does load them (so the check above can see).
    loaded = _heavy(_run_pytest(tmp_path, "test_with_client(flipkart_client):"))
    assert "httpx" in loaded and "flipkart_ext._sync" in loaded
