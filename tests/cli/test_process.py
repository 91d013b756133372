"""``flipkart`` as an operator runs it, through the installed console script: emulator
serve, --help/--version, import cost, a closed pipe, SIGTERM and SIGINT during an export."""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_BROKEN_PIPE, EXIT_CODES, EXIT_INTERRUPTED
from flipkart_ext.testing import Emulator

from .conftest import FLIPKART, flipkart, script_environ

ROOT = Path(__file__).resolve().parents[2]


def _popen(*argv: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(FLIPKART), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture
def served() -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    process = _popen(
        *("emulator", "serve", "--port", "0", "--orders", "3", "--returns", "2"),
        *("--listings", "4"),
        env=script_environ(),
    )
    banner: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            banner.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl-C"):
                break
        yield process, banner
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_emulator_serve_answers_the_cli_and_stops_on_sigterm(
    served: tuple[subprocess.Popen[str], list[str]],
) -> None:
    process, banner = served
    # The banner's lines, pasted into a shell that has leftovers pointing at production.
    pasted = [line for line in banner if line.startswith(("unset ", "export "))]
    assert len(pasted) == 5
    shell = "\n".join(
        [
            *pasted,
            f"{shlex.quote(str(FLIPKART))} shipments search",
            f"{shlex.quote(str(FLIPKART))} returns search --source customer_return",
        ]
    )
    leftovers = script_environ(FLIPKART_ENV="production", FLIPKART_ACCESS_TOKEN="left-over")
    run = subprocess.run(
        ["sh", "-c", shell], env=leftovers, capture_output=True, text=True, timeout=60
    )
    process.send_signal(signal.SIGTERM)
    rest, errors = process.communicate(timeout=10)

    assert banner[0].startswith("Flipkart sandbox emulator listening on http://127.0.0.1:")
    # The seeded data: 3 orders and 2 returned ones; the catalog's listings and 4 more.
    assert banner[1].startswith("Seller data: 5 shipments, 2 returns, ")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len([x for x in lines if "shipmentId" in x and "returnId" not in x]) == 3
    assert len([x for x in lines if "returnId" in x]) == 2
    assert process.returncode == 0
    assert rest.strip() == "Emulator stopped."
    assert errors == ""


def test_help_lists_the_commands_the_environment_and_every_exit_code() -> None:
    run = flipkart("--help", env=script_environ())

    assert (run.returncode, run.stderr) == (0, "")
    for word in ("shipments", "listings", "token", "emulator", "completion", "FLIPKART_CLIENT_ID"):
        assert word in run.stdout
    for code, meaning in EXIT_CODES:
        assert f"{code:>3}  {meaning.split()[0]}" in run.stdout


def test_bare_flipkart_shows_the_help() -> None:
    run = flipkart(env=script_environ())

    assert run.returncode == 0
    assert run.stdout == flipkart("--help", env=script_environ()).stdout


def test_version() -> None:
    run = flipkart("--version", env=script_environ())

    assert run.returncode == 0
    assert run.stdout.startswith("flipkart ")


def test_the_package_imports_without_click_and_rich() -> None:
    # httpx loads its own command line (click, rich) when they are installed; the package
    # must not need them: only flipkart_ext.cli imports them.
    code = "import sys; sys.modules['click'] = sys.modules['rich'] = None; import flipkart_ext"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_only_the_cli_imports_click_and_rich() -> None:
    import ast

    offenders = []
    for path in (ROOT / "flipkart_ext").rglob("*.py"):
        if "cli" in path.relative_to(ROOT / "flipkart_ext").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            offenders += [
                f"{path}: {name}" for name in names if name.split(".")[0] in ("click", "rich")
            ]
    assert offenders == []


def test_a_closed_stdout_ends_quietly(emu: Emulator) -> None:
    emu.create_test_orders(300)
    process = _popen("shipments", "search", env=script_environ(emu))
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    errors = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=30)

    assert json.loads(first)["shipmentId"]
    assert process.returncode == EXIT_BROKEN_PIPE
    assert errors == ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_an_export_prints_the_command_that_continues_it(
    emu: Emulator, tmp_path: Path, signum: int
) -> None:
    # Every page takes a while, and 60 pages leave the signal 12 s to land mid-export even
    # on a loaded machine (12 pages once ran out before the signal was sent).
    created = emu.create_test_orders(300)
    emu.faults.latency(0.2)
    environ = script_environ(emu, FLIPKART_TOKEN_FILE=str(tmp_path / "token.json"))
    process = _popen(
        "shipments", "search", "--page-size", "5", "--format", "csv", env=environ
    )  # stderr is a pipe, not a terminal
    assert process.stdout is not None and process.stderr is not None
    header = process.stdout.readline()
    first = "".join(process.stdout.readline() for _ in range(6))  # into the second page
    process.send_signal(signum)
    # Read through the same buffered streams (communicate() would skip what they hold).
    with process.stdout, process.stderr:
        rest, errors = process.stdout.read(), process.stderr.read()
    process.wait(timeout=30)
    emu.faults.latency(0)

    assert process.returncode == EXIT_INTERRUPTED
    hint, error = errors.splitlines()
    assert error == "flipkart: error: interrupted"
    command = shlex.split(hint.removeprefix("to continue: "))
    # The format is repeated (the CSV goes on without a header); the filter is in the cursor.
    assert command[:5] == ["flipkart", "shipments", "search", "--format", "csv"]
    assert command[5] == "--resume-from" and len(command) == 7
    resumed = flipkart(*command[1:], env=environ)
    assert resumed.returncode == 0, resumed.stderr
    assert not resumed.stdout.startswith("shipmentId,")
    rows = [line.split(",", 1)[0] for line in (first + rest + resumed.stdout).splitlines()]
    assert header.startswith("shipmentId,")
    assert set(rows) == set(created)  # nothing lost (a page cut short may come again)
