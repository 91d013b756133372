"""Input mistakes name the flag and exit 2; resumed CSV appends; a base URL that overrides
FLIPKART_ENV is one warning line."""

from __future__ import annotations

import csv
import io
import shlex
from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_API, EXIT_USAGE
from flipkart_ext.cli._formats import CSV_COLUMNS
from flipkart_ext.testing import Emulator

from .conftest import Cli


def _only_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (
            ["--order-date-from", "2024-13-01"],
            "flipkart: error: --order-date-from: '2024-13-01' is not a date "
            "(month must be in 1..12)",
        ),
        (
            ["--dispatch-by-to", "2024-02-30"],
            "flipkart: error: --dispatch-by-to: '2024-02-30' is not a date "
            "(day is out of range for month)",
        ),
    ],
)
def test_an_impossible_date_names_its_flag(
    cli: Cli, env: Emulator, flags: list[str], expected: str
) -> None:
    run = cli("shipments", "search", *flags)
    assert run.code == EXIT_USAGE
    assert _only_line(run.err) == expected
    assert env.requests == [] and env.token_requests == []


@pytest.mark.parametrize("cursor", ["garbage", "/v3/shipments/12345", "/v3/shipments/filter"])
def test_a_resume_from_that_is_no_page_url_is_a_usage_error_before_any_request(
    cli: Cli, env: Emulator, cursor: str
) -> None:
    run = cli("shipments", "search", "--resume-from", cursor)
    assert run.code == EXIT_USAGE
    assert _only_line(run.err).startswith(
        f"flipkart: error: --resume-from: {cursor!r} is not a cursor of this search"
    )
    assert env.requests == [] and env.token_requests == []


def test_a_cursor_of_another_list_is_refused_by_flipkart_and_a_usage_error(
    cli: Cli, env: Emulator
) -> None:
    run = cli("shipments", "search", "--resume-from", "/listings/v3/search?next=1")
    assert run.code == EXIT_USAGE
    assert _only_line(run.err).startswith("flipkart: error: --resume-from: Flipkart refused")


def test_a_cursor_flipkart_refuses_is_a_usage_error(cli: Cli, env: Emulator) -> None:
    run = cli("shipments", "search", "--resume-from", "/v3/shipments/filter?next_token=zzz")
    assert run.code == EXIT_USAGE
    line = _only_line(run.err)
    assert line.startswith("flipkart: error: --resume-from: Flipkart refused this cursor (HTTP 400")
    assert len(env.requests) == 1  # only the server can judge a well-formed token


def test_a_server_failure_while_resuming_stays_an_api_error(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(15)
    first = cli("shipments", "search", "--page-size", "10", "--max-pages", "1")
    command = shlex.split(first.err_lines[-1].removeprefix("to continue: "))
    env.faults.server_error(status=503, count=1)
    run = cli(*command[1:], "--retries", "0")
    assert run.code == EXIT_API
    # The failed page is not lost: the same command is printed again, then the error.
    cursor = command[command.index("--resume-from") + 1]
    assert shlex.split(run.err_lines[0].removeprefix("to continue: ")) == [
        *command[:3],
        "--retries",
        "0",
        "--max-pages",
        "1",
        "--resume-from",
        cursor,
    ]
    assert run.err_lines[1].startswith("flipkart: error: HTTP 503")
    assert len(run.err_lines) == 2


def test_a_resumed_csv_export_appends_without_a_second_header(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    created = env.create_test_orders(25)
    first = cli("shipments", "search", "--format", "csv", "--page-size", "10", "--max-pages", "2")
    command = shlex.split(first.err_lines[-1].removeprefix("to continue: "))
    # The printed command repeats --format csv: run as printed, it appends CSV rows.
    assert "--format csv" in first.err_lines[-1]
    rest = cli(*command[1:])
    assert first.code == 0 and rest.code == 0, rest.err

    assert first.out.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert ",".join(CSV_COLUMNS) not in rest.out
    rows = list(csv.DictReader(io.StringIO(first.out + rest.out)))  # the file after `>>`
    assert sorted(row["shipmentId"] for row in rows) == sorted(created)


def test_a_base_url_overriding_flipkart_env_is_one_warning_line(
    cli: Cli, env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLIPKART_ENV", "production")
    run = cli("token", "status")
    assert run.code == 0, run.err
    warnings = [line for line in run.err_lines if line.startswith("flipkart: warning: ")]
    assert warnings == [
        f"flipkart: warning: FLIPKART_API_BASE_URL={env.api_base_url} overrides "
        "FLIPKART_ENV=production (https://api.flipkart.net/sellers): calls go to "
        f"{env.api_base_url}; unset one of the two",
        f"flipkart: warning: FLIPKART_OAUTH_BASE_URL={env.oauth_base_url} overrides "
        "FLIPKART_ENV=production (https://api.flipkart.net/oauth-service): calls go to "
        f"{env.oauth_base_url}; unset one of the two",
    ]
    assert env.client_secret not in run.err


def test_no_warning_when_flipkart_env_is_unset(cli: Cli, env: Emulator) -> None:
    run = cli("token", "status")
    assert run.code == 0 and "warning" not in run.err


def test_an_unwritable_env_file_names_the_flag(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "emulator.env"
    run = cli("emulator", "serve", "--port", "0", "--env-file", str(target))
    assert run.code == EXIT_USAGE
    assert _only_line(run.err) == (
        f"flipkart: error: --env-file: No such file or directory: {target}"
    )
