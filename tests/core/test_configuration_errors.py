"""Configuration mistakes are typed: a ConfigurationError is both a FlipkartError and a ValueError."""

from __future__ import annotations

import pytest

import flipkart_ext
from flipkart_ext import (
    SANDBOX,
    AsyncFlipkartClient,
    ConfigurationError,
    Environment,
    FlipkartAuth,
    FlipkartClient,
    FlipkartError,
    InvalidSignature,
    MalformedEvent,
    MissingHeader,
    NotificationError,
)
from flipkart_ext._core.environments import (
    require_secure_url,
    resolve_environment,
    settings_from_env,
)
from flipkart_ext.cli._errors import EXIT_USAGE, classify


def test_configuration_error_sits_in_both_trees() -> None:
    assert issubclass(ConfigurationError, FlipkartError)
    assert issubclass(ConfigurationError, ValueError)
    assert "ConfigurationError" in flipkart_ext.__all__


@pytest.mark.parametrize(
    ("client_id", "client_secret"),
    [("", "secret-1"), ("app-1", ""), ("   ", "secret-1"), ("app-1", " \t\n"), ("", "")],
)
@pytest.mark.parametrize("client_class", [FlipkartClient, AsyncFlipkartClient])
def test_missing_or_blank_credentials_raise_configuration_error(
    client_class: type[FlipkartClient] | type[AsyncFlipkartClient],
    client_id: str,
    client_secret: str,
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        client_class(client_id, client_secret)
    message = str(caught.value)
    assert "client_id" in message and "client_secret" in message
    if client_secret.strip():
        assert client_secret not in message


def test_blank_credentials_are_refused_by_the_auth_itself() -> None:
    with pytest.raises(ConfigurationError):
        FlipkartAuth("app-1", "  ", environment=SANDBOX)


def test_missing_environment_variables_raise_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="FLIPKART_CLIENT_ID"):
        settings_from_env({"FLIPKART_CLIENT_SECRET": "secret-1"})
    with pytest.raises(ConfigurationError, match="FLIPKART_CLIENT_SECRET"):
        FlipkartClient.from_env({"FLIPKART_CLIENT_ID": "app-1", "FLIPKART_CLIENT_SECRET": " "})
    with pytest.raises(ConfigurationError, match="FLIPKART_ENV"):
        settings_from_env(
            {"FLIPKART_CLIENT_ID": "a", "FLIPKART_CLIENT_SECRET": "b", "FLIPKART_ENV": "qa"}
        )


def test_bad_environment_and_unsafe_base_urls_raise_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="unknown environment"):
        resolve_environment("staging")
    with pytest.raises(ConfigurationError):
        require_secure_url("http://api.flipkart.net/sellers")
    with pytest.raises(ConfigurationError):
        Environment.custom("https://user:pw@api.flipkart.net/sellers")


def test_the_cli_reports_a_configuration_error_as_bad_input() -> None:
    code, message = classify(ConfigurationError("missing environment variable(s): X"))
    assert code == EXIT_USAGE
    assert "missing environment variable" in message


def test_notification_errors_descend_from_flipkart_error() -> None:
    assert issubclass(NotificationError, FlipkartError)
    assert issubclass(InvalidSignature, FlipkartError)
    assert issubclass(MissingHeader, FlipkartError)
    assert issubclass(MalformedEvent, FlipkartError) and issubclass(MalformedEvent, ValueError)


def test_the_error_tree_drawings_name_the_new_classes() -> None:
    from flipkart_ext import errors as _errors

    drawing = _errors.__doc__ or ""
    assert "ConfigurationError" in drawing
    assert "NotificationError" in drawing
