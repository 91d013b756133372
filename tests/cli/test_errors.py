"""Exit codes and the one-line messages: bad input, API, authentication and network errors."""

from __future__ import annotations

import socket

import pytest

from flipkart_ext.cli import EXIT_API, EXIT_AUTH, EXIT_NETWORK, EXIT_USAGE
from flipkart_ext.testing import Emulator

from .conftest import Cli, Run


def _one_line(run: Run, prefix: str = "flipkart: error: ") -> str:
    assert len(run.err_lines) == 1, run.err
    assert "Traceback" not in run.err
    line = run.err_lines[0]
    assert line.startswith(prefix)
    return line


@pytest.mark.parametrize(
    ("argv", "program", "fragment"),
    [
        (["nonsense"], "flipkart", "No such command 'nonsense'."),
        (["shipments", "pakc"], "flipkart shipments", "Did you mean 'pack'?"),
        (["shipments", "search", "--format", "xml"], "flipkart shipments search", "--format"),
        (["shipments", "search", "--colour"], "flipkart shipments search", "--colour"),
        (
            ["shipments", "search", "--stat", "APPROVED"],
            "flipkart shipments search",
            "No such option '--stat'. (Did you mean one of: '--sort', '--state'?)",
        ),
        (["shipments", "search", "--limit", "-1"], "flipkart shipments search", "--limit"),
        (["shipments", "search", "--page-size", "ten"], "flipkart shipments search", "'ten'"),
        (["shipments", "search", "--type", "returned"], "flipkart shipments search", "--type"),
        (["shipments", "labels", "A1"], "flipkart shipments labels", "--out"),
        (
            ["shipments", "cancel", "S1", "--reason", "out_of_stock"],
            "flipkart shipments cancel",
            "out_of_stock",
        ),
        (["emulator", "serve", "--port", "70000"], "flipkart emulator serve", "0<=x<=65535"),
        (["listings", "update-inventory"], "flipkart listings update-inventory", "FILE"),
    ],
)
def test_usage_errors_exit_2_with_the_subcommand_usage(
    cli: Cli, argv: list[str], program: str, fragment: str
) -> None:
    run = cli(*argv)

    assert run.code == EXIT_USAGE
    assert run.err_lines[0].startswith(f"Usage: {program} ")
    assert f"Try '{program} --help' for help." in run.err_lines
    assert fragment in run.err_lines[-1] and run.err_lines[-1].startswith("Error: ")
    assert run.out == ""


@pytest.mark.parametrize("argv", [[], ["shipments"], ["emulator"], ["listings"]])
def test_a_group_alone_shows_its_help(cli: Cli, argv: list[str]) -> None:
    run = cli(*argv)

    assert run.code == 0
    assert run.out.startswith(f"Usage: {' '.join(['flipkart', *argv])} [OPTIONS] COMMAND")
    assert "Commands:" in run.out
    assert run.err == ""


def test_no_option_is_abbreviated(cli: Cli, env: Emulator) -> None:
    # --dry is neither --dry-run nor anything else: refused, nothing sent.
    run = cli("shipments", "cancel", "S1", "--reason", "b2b_order", "--dry")

    assert run.code == EXIT_USAGE
    assert "No such option '--dry'. (Did you mean one of: '--dry-run', '--yes'?)" in run.err
    assert env.requests == [] and env.token_requests == []


@pytest.mark.parametrize(
    ("flags", "fragment"),
    [
        (["--state", "NOPE"], "--state: expected one of"),
        (["--type", "post-dispatch", "--state", "APPROVED"], "--state: expected one of"),
        (["--type", "cancelled"], "--cancellation-type: required"),
        (["--page-size", "21"], "--page-size: expected an integer from 1 to 20"),
        (["--hold", "--type", "post-dispatch"], "--hold: only a preDispatch filter"),
        (
            ["--order-date-from", "2024-01-01T10:00"],
            "--order-date-from: '2024-01-01T10:00' has no time zone",
        ),
        (
            ["--order-date-from", "2024-02-01", "--order-date-to", "2024-01-01"],
            "--order-date: from",
        ),
        (["--dispatch-by-from", "someday"], "--dispatch-by-from: cannot read 'someday'"),
        (["--resume-from", "/v3/shipments/filter?next_token=x", "--sku", "A"], "drop --sku"),
        (["--resume-from", "https://evil.example/steal?x=1"], "refusing to follow"),
    ],
)
def test_invalid_filters_exit_2_before_any_request(
    cli: Cli, env: Emulator, flags: list[str], fragment: str
) -> None:
    run = cli("shipments", "search", *flags)

    assert run.code == EXIT_USAGE, run.err
    assert fragment in _one_line(run)
    assert env.requests == [] and env.token_requests == []


def test_missing_credentials_exit_2_naming_the_variables(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FLIPKART_CLIENT_ID", raising=False)
    monkeypatch.setenv("FLIPKART_CLIENT_SECRET", "s3cr3t-value")

    run = cli("shipments", "search")

    assert run.code == EXIT_USAGE
    line = _one_line(run)
    assert line == "flipkart: error: missing environment variable(s): FLIPKART_CLIENT_ID"


def test_an_unsafe_base_url_is_bad_input(
    cli: Cli, env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLIPKART_API_BASE_URL", "http://api.example.com/sellers")

    run = cli("token", "status")

    assert run.code == EXIT_USAGE
    assert "must use https" in _one_line(run)


def test_server_errors_exit_1_with_one_line(cli: Cli, env: Emulator) -> None:
    env.create_test_orders(3)
    env.faults.server_error(status=500, count=10)

    run = cli("--retries", "0", "shipments", "search")

    assert run.code == EXIT_API
    line = _one_line(run)
    assert line.startswith("flipkart: error: HTTP 500")
    assert "/v3/shipments/filter" in line
    assert run.out == ""


def test_rejected_tokens_exit_4(cli: Cli, env: Emulator) -> None:
    env.faults.unauthorized(count=10)

    run = cli("shipments", "search")

    assert run.code == EXIT_AUTH
    line = _one_line(run)
    assert "HTTP 401" in line
    assert env.client_secret not in run.err


def test_wrong_client_secret_exits_4(
    cli: Cli, env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLIPKART_CLIENT_SECRET", "not-the-secret")

    run = cli("shipments", "search")

    assert run.code == EXIT_AUTH
    line = _one_line(run)
    assert "check the application id and secret" in line
    assert "not-the-secret" not in line


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_server_exits_3(
    cli: Cli, env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = f"http://127.0.0.1:{_closed_port()}"
    monkeypatch.setenv("FLIPKART_API_BASE_URL", base + "/sellers")
    monkeypatch.setenv("FLIPKART_OAUTH_BASE_URL", base + "/oauth-service")

    run = cli("--retries", "0", "shipments", "search")

    assert run.code == EXIT_NETWORK
    line = _one_line(run)
    assert "ConnectError" in line and base in line


def test_debug_shows_the_traceback_and_the_log(cli: Cli, env: Emulator) -> None:
    env.faults.server_error(status=500, count=10)

    run = cli("shipments", "search", "--retries", "0", "--debug")

    assert run.code == EXIT_API
    assert "Traceback (most recent call last)" in run.err
    assert "ServerError" in run.err
    assert "HTTP Request: POST" in run.err  # httpx's request log
    assert run.err_lines[-1].startswith("flipkart: error: HTTP 500")
    assert env.client_secret not in run.err


def test_debug_logging_is_undone_after_the_command(cli: Cli, env: Emulator) -> None:
    import logging

    before = (logging.getLogger("flipkart_ext").level, list(logging.getLogger("httpx").handlers))
    cli("--debug", "token", "status")
    after = (logging.getLogger("flipkart_ext").level, list(logging.getLogger("httpx").handlers))

    assert before == after
