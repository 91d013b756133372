"""A base URL that contradicts an explicit FLIPKART_ENV is used, and said so."""

from __future__ import annotations

import warnings

import pytest

from flipkart_ext import ConfigurationWarning, FlipkartClient

BASE = {"FLIPKART_CLIENT_ID": "app", "FLIPKART_CLIENT_SECRET": "secret-value"}


def test_a_leftover_api_base_url_overriding_production_warns() -> None:
    environ = {
        **BASE,
        "FLIPKART_ENV": "production",
        "FLIPKART_API_BASE_URL": "https://sandbox-api.flipkart.net/sellers",
    }
    with pytest.warns(ConfigurationWarning) as caught:
        client = FlipkartClient.from_env(environ)
    client.close()
    assert [str(w.message) for w in caught] == [
        "FLIPKART_API_BASE_URL=https://sandbox-api.flipkart.net/sellers overrides "
        "FLIPKART_ENV=production (https://api.flipkart.net/sellers): calls go to "
        "https://sandbox-api.flipkart.net/sellers; unset one of the two"
    ]
    assert caught[0].filename == __file__  # points at the caller of from_env
    assert client.api_base_url == "https://sandbox-api.flipkart.net/sellers"


@pytest.mark.parametrize(
    "extra",
    [
        {"FLIPKART_API_BASE_URL": "http://127.0.0.1:8080/sellers"},  # no FLIPKART_ENV: meant
        {"FLIPKART_ENV": "production"},
        {
            "FLIPKART_ENV": "production",
            "FLIPKART_API_BASE_URL": "https://api.flipkart.net/sellers/",
        },
        {
            "FLIPKART_ENV": "SANDBOX",
            "FLIPKART_OAUTH_BASE_URL": "https://sandbox-api.flipkart.net/oauth-service",
        },
    ],
)
def test_agreeing_or_unnamed_settings_do_not_warn(extra: dict[str, str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        FlipkartClient.from_env({**BASE, **extra}).close()
