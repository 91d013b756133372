"""Without the ``testing`` extra the emulator refuses to start, in one line naming the extra.

Each case runs in a fresh interpreter where ``jsonschema`` cannot be imported, as after
``pip install flipkart-seller`` without extras.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

HINT = "pip install 'flipkart-seller[testing]'"
_WITHOUT_JSONSCHEMA = "import sys\nsys.modules['jsonschema'] = None  # as if not installed\n"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_JSONSCHEMA + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        (
            "from flipkart_ext.cli import main\n"
            "raise SystemExit(main(['emulator', 'serve', '--port', '0']))",
            "flipkart: error: ",
        ),
        (
            "from flipkart_ext.testing.__main__ import main\nmain(['--port', '0'])",
            "python -m flipkart_ext.testing: error: ",
        ),
    ],
    ids=["flipkart emulator serve", "python -m flipkart_ext.testing"],
)
def test_serving_without_the_extra_is_one_line_and_exit_2(code: str, prefix: str) -> None:
    result = _run(code)
    assert result.returncode == 2  # bad configuration, as the exit-code table says
    assert result.stdout == ""  # no banner: nothing was served
    assert result.stderr == (
        f"{prefix}the Flipkart emulator needs the 'testing' extra (jsonschema is not "
        f"installed): {HINT}\n"
    )


def test_the_demo_says_the_same_instead_of_tracebacks() -> None:
    result = _run("from flipkart_ext.demo import main\nraise SystemExit(main(['--orders', '1']))")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"flipkart: error: the Flipkart emulator needs the 'testing' extra (jsonschema is not installed): {HINT}"
    ]


def test_the_emulator_class_raises_missing_extra_and_the_client_still_imports() -> None:
    result = _run(
        """
        from flipkart_ext import FlipkartClient  # the client never needs the extra
        from flipkart_ext.testing import Emulator, MissingExtra

        try:
            Emulator()
        except MissingExtra as exc:
            assert isinstance(exc, ImportError) and exc.name == "jsonschema"
            print("refused")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "refused\n"
