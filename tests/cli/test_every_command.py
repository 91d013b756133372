"""A walk over every command of the tree: the help ends with an example of that command,
a usage error shows that command's usage, and the exit-code table holds for each."""

from __future__ import annotations

import shlex
import socket
from pathlib import Path

import click
import pytest

from flipkart_ext.cli import (
    EXIT_API,
    EXIT_AUTH,
    EXIT_CODES,
    EXIT_NETWORK,
    EXIT_USAGE,
)
from flipkart_ext.cli._app import EXAMPLE_HEADING, leaf_commands
from flipkart_ext.testing import Emulator

from .conftest import Cli

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = dict(leaf_commands())

# The smallest valid command line of every command that talks to Flipkart ({tmp}: a folder).
API_ARGV: dict[tuple[str, ...], list[str]] = {
    ("shipments", "search"): [],
    ("shipments", "labels"): ["S1", "--out", "{tmp}/labels"],
    ("shipments", "pack"): ["S1", "--auto", "--tax-rate", "18"],
    ("shipments", "dispatch"): ["S1", "--location", "LOC1"],
    ("shipments", "manifest"): ["--out", "{tmp}/manifests", "--location", "LOC1"],
    ("shipments", "cancel"): ["S1", "--reason", "b2b_order", "--yes"],
    ("returns", "search"): ["--source", "customer_return"],
    ("listings", "get"): ["SKU-0001"],
    ("listings", "search"): [],
    ("listings", "update-inventory"): ["{tmp}/stock.csv"],
    ("listings", "update-price"): ["{tmp}/prices.csv"],
    ("token", "status"): ["--fetch"],
}
# Commands that talk to no Flipkart: their failures are their own (tested where they live).
LOCAL = {("emulator", "serve"), ("emulator", "trigger"), ("completion",), ("demo",)}


def test_every_command_is_walked() -> None:
    assert set(API_ARGV) | LOCAL == set(COMMANDS)
    assert not set(API_ARGV) & LOCAL


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_help_ends_with_an_example_of_that_command(cli: Cli, path: tuple[str, ...]) -> None:
    run = cli(*path, "--help")

    assert run.code == 0 and run.err == ""
    *_, heading, example = run.out.rstrip().splitlines()
    assert heading.strip() == EXAMPLE_HEADING
    words = shlex.split(example.strip().removeprefix("$ "))
    if words[0] == "eval":  # eval "$(flipkart completion bash)"
        words = shlex.split(words[1].removeprefix("$(").removesuffix(")"))
    words = words[: next((i for i, w in enumerate(words) if w in (">", ">>", "|")), None)]
    assert words[: len(path) + 1] == ["flipkart", *path]
    # The example is a valid command line of that command (parsed, not run).
    command = COMMANDS[path]
    command.make_context(" ".join(path), words[len(path) + 1 :])


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_a_usage_error_shows_that_commands_usage(cli: Cli, path: tuple[str, ...]) -> None:
    run = cli(*path, "--no-such-option")

    assert run.code == EXIT_USAGE
    assert run.err_lines[0].startswith(f"Usage: flipkart {' '.join(path)} ")
    assert run.err_lines[-1].startswith("Error: No such option '--no-such-option'.")


@pytest.mark.parametrize("page", ["README.md", "docs/guides/cli.md"])
def test_the_readme_and_the_guide_have_the_exit_code_table(page: str) -> None:
    guide = (ROOT / page).read_text()
    table = guide.split("| code | meaning |\n| --- | --- |\n", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip("|").split(" | ", 1) for line in table.splitlines()]
    assert [(int(code.strip()), meaning.strip()) for code, meaning in rows] == list(EXIT_CODES)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _argv(path: tuple[str, ...], tmp_path: Path) -> list[str]:
    (tmp_path / "stock.csv").write_text("sku,product_id,location,inventory\nSKU-0001,P1,LOC1,4\n")
    (tmp_path / "prices.csv").write_text("sku,product_id,mrp,selling_price\nSKU-0001,P1,9,8\n")
    return [*path, *(a.replace("{tmp}", str(tmp_path)) for a in API_ARGV[path])]


@pytest.mark.parametrize("path", sorted(API_ARGV), ids=" ".join)
@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        ("missing credentials", EXIT_USAGE),
        ("wrong secret", EXIT_AUTH),
        ("no answer", EXIT_NETWORK),
        ("server error", EXIT_API),
    ],
)
def test_every_command_keeps_the_exit_code_table(
    cli: Cli,
    env: Emulator,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    path: tuple[str, ...],
    situation: str,
    expected: int,
) -> None:
    if situation == "missing credentials":
        monkeypatch.delenv("FLIPKART_CLIENT_ID")
    elif situation == "wrong secret":
        monkeypatch.setenv("FLIPKART_CLIENT_SECRET", "not-the-secret")
    elif situation == "no answer":
        base = f"http://127.0.0.1:{_closed_port()}"
        monkeypatch.setenv("FLIPKART_API_BASE_URL", base + "/sellers")
        monkeypatch.setenv("FLIPKART_OAUTH_BASE_URL", base + "/oauth-service")
    else:
        env.faults.server_error(status=500, count=50, target="all")

    run = cli("--retries", "0", *_argv(path, tmp_path))

    assert run.code == expected, run.err
    assert run.err_lines[-1].startswith(
        ("flipkart: error: ", "Marked", "Packed", "Cancelled", "Updated")
    )
    assert "Traceback" not in run.err and "not-the-secret" not in run.err


def test_click_is_what_parses() -> None:
    # Guards the premise of the walk: every command is a click command.
    assert all(isinstance(command, click.Command) for command in COMMANDS.values())
