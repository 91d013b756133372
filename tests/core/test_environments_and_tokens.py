"""Environments, settings from the environment, tokens and the authorization-code helpers."""

from __future__ import annotations

import base64
import hmac
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from flipkart_ext import PRODUCTION, SANDBOX, Environment, Token
from flipkart_ext._core.environments import (
    is_loopback_host,
    require_secure_url,
    resolve_environment,
    settings_from_env,
)
from flipkart_ext._core.tokens import (
    build_authorize_url,
    new_state,
    parse_token_payload,
    verify_state,
)
from tests.core._fakes import (
    authorization_code_grant,
    client_credentials_grant,
    refresh_token_grant,
)

OAUTH = "https://sandbox-api.flipkart.net/oauth-service"

# -- environments ----------------------------------------------------------------------------------


def test_named_environments_follow_flipkart() -> None:
    assert SANDBOX.api_base_url == "https://sandbox-api.flipkart.net/sellers"
    assert SANDBOX.oauth_base_url == "https://sandbox-api.flipkart.net/oauth-service"
    assert PRODUCTION.api_base_url == "https://api.flipkart.net/sellers"
    assert PRODUCTION.oauth_base_url == "https://api.flipkart.net/oauth-service"
    assert resolve_environment("Production") is PRODUCTION
    assert PRODUCTION.is_production and not SANDBOX.is_production
    with pytest.raises(ValueError, match="unknown environment"):
        resolve_environment("staging")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/sellers",
        "http://127.9.9.9/sellers",
        "http://localhost:9000/sellers",
        "http://[::1]:9000/sellers",
        "https://emulator.example.com/sellers/",
    ],
)
def test_https_or_loopback_urls_are_accepted(url: str) -> None:
    assert require_secure_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://sandbox-api.flipkart.net/sellers",
        "http://10.0.0.5/sellers",
        "http://localhost.evil.com/sellers",
        "ftp://127.0.0.1/x",
        "/sellers",
        "https://user:pw@api.flipkart.net/sellers",
        "https://api.flipkart.net/sellers?x=1",
    ],
)
def test_unsafe_urls_are_rejected(url: str) -> None:
    with pytest.raises(ValueError):
        require_secure_url(url)
    with pytest.raises(ValueError):
        Environment.custom(url)


def test_loopback_detection() -> None:
    assert (
        is_loopback_host("LOCALHOST") and is_loopback_host("::1") and is_loopback_host("127.0.0.2")
    )
    assert not is_loopback_host("128.0.0.1") and not is_loopback_host("example.com")


def test_custom_environment_defaults_and_naming() -> None:
    env = Environment.custom("http://127.0.0.1:8765/sellers")
    assert env.oauth_base_url == "http://127.0.0.1:8765/oauth-service"
    assert env.name == "custom:http://127.0.0.1:8765"
    assert resolve_environment(
        "sandbox", api_base_url="http://127.0.0.1:1/sellers"
    ).api_base_url == ("http://127.0.0.1:1/sellers")
    mixed = resolve_environment("sandbox", oauth_base_url="http://127.0.0.1:2/oauth-service")
    assert mixed.api_base_url == SANDBOX.api_base_url
    assert mixed.oauth_base_url == "http://127.0.0.1:2/oauth-service"
    assert mixed.name != "sandbox"  # never shares stored tokens with the real sandbox


def test_settings_from_env_reads_every_variable_and_hides_secrets() -> None:
    environ = {
        "FLIPKART_CLIENT_ID": "app-1",
        "FLIPKART_CLIENT_SECRET": "csecret-env-value",
        "FLIPKART_ENV": "production",
        "FLIPKART_API_BASE_URL": "http://127.0.0.1:9/sellers",
        "FLIPKART_OAUTH_BASE_URL": "http://127.0.0.1:9/oauth-service",
        "FLIPKART_TOKEN_FILE": "/tmp/tokens.json",
        "FLIPKART_SELLER_ID": "seller-1",
        "FLIPKART_REFRESH_TOKEN": "RT-env-secretvalue",
        "FLIPKART_ACCESS_TOKEN": "AT-env-secretvalue",
    }
    settings = settings_from_env(environ)
    assert settings.client_id == "app-1" and settings.client_secret == "csecret-env-value"
    assert settings.environment == "production"
    assert settings.token_file == "/tmp/tokens.json" and settings.seller_id == "seller-1"
    assert settings.refresh_token == "RT-env-secretvalue"
    assert settings.access_token == "AT-env-secretvalue"
    assert settings.api_base_url == "http://127.0.0.1:9/sellers"
    for secret in ("csecret-env-value", "RT-env-secretvalue", "AT-env-secretvalue"):
        assert secret not in repr(settings)


def test_settings_from_env_names_what_is_missing_or_wrong() -> None:
    with pytest.raises(ValueError, match="FLIPKART_CLIENT_SECRET") as caught:
        settings_from_env({"FLIPKART_CLIENT_ID": "app-1", "FLIPKART_CLIENT_SECRET": "  "})
    assert "FLIPKART_CLIENT_ID" not in str(caught.value)
    with pytest.raises(ValueError, match="FLIPKART_ENV"):
        settings_from_env(
            {"FLIPKART_CLIENT_ID": "a", "FLIPKART_CLIENT_SECRET": "b", "FLIPKART_ENV": "qa"}
        )


_IMPORT_SPY = """
import os
seen = []
original = os._Environ.__getitem__
def spy(self, key):
    if str(key).startswith("FLIPKART_"):
        seen.append(key)
    return original(self, key)
os._Environ.__getitem__ = spy
import flipkart_ext._auth, flipkart_ext._sync.client, flipkart_ext._async.client, flipkart_ext._core.environments, flipkart_ext.errors
import flipkart_ext._core.redact, flipkart_ext._core.retry, flipkart_ext.stores, flipkart_ext._core.tokens
import flipkart_ext._core.environments as e
assert seen == [], seen
e.settings_from_env()
print(sorted(set(seen)))
"""


def test_environment_variables_are_read_only_when_asked() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "FLIPKART_CLIENT_ID": "app-1",
        "FLIPKART_CLIENT_SECRET": "csecret-value",
    }
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_SPY],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Nothing was read during the imports; from_env() then read the variables.
    assert "'FLIPKART_CLIENT_ID'" in result.stdout and "'FLIPKART_ENV'" in result.stdout


# -- tokens ----------------------------------------------------------------------------------


def test_token_repr_and_str_hide_secrets() -> None:
    token = Token("AT-repr-secretvalue", refresh_token="RT-repr-secretvalue", expires_at=5.0)
    for text in (repr(token), str(token), f"{token}", repr([token])):
        assert "secretvalue" not in text
    assert "expires_at=5.0" in repr(token)
    assert token.fingerprint() != Token("AT-other").fingerprint()
    assert "secretvalue" not in token.fingerprint()


def test_token_round_trips_through_a_dict_and_rejects_junk() -> None:
    token = Token("AT-x", "bearer", 10.0, "Seller_Api", "RT-x", 1.0)
    assert Token.from_dict(token.to_dict()) == token
    for junk in (
        {},
        {"access_token": ""},
        {"access_token": 5},
        {"access_token": "a", "expires_at": "soon"},
        {"access_token": "a", "expires_at": float("nan")},
        {"access_token": "a", "expires_at": True},
        {"access_token": "a", "refresh_token": 3},
    ):
        with pytest.raises(ValueError):
            Token.from_dict(junk)


def test_expiry_is_computed_at_receipt() -> None:
    token = parse_token_payload(
        {"access_token": "a", "token_type": "bearer", "expires_in": 3330779, "scope": "Seller_Api"},
        received_at=1000.0,
    )
    assert token.expires_at == 1000.0 + 3330779
    assert token.seconds_left(2000.0) == 3330779 - 1000
    assert token.refresh_token is None


def test_token_payload_is_read_liberally() -> None:
    token = parse_token_payload(
        {
            "access_token": "a",
            "expires_in": "60",
            "scope": ["Seller_Api", "x"],
            "new_field": {"y": 1},
        },
        received_at=0.0,
    )
    assert (
        token.expires_at == 60.0 and token.scope == "Seller_Api x" and token.token_type == "bearer"
    )
    assert (
        parse_token_payload({"access_token": "a", "expires_in": None}, received_at=0).expires_at
        is None
    )
    assert (
        parse_token_payload({"access_token": "a", "expires_in": "x"}, received_at=0).expires_at
        is None
    )
    for bad in ({"error": "invalid_grant"}, [], "token", {"access_token": None}):
        with pytest.raises(ValueError):
            parse_token_payload(bad, received_at=0.0)


def test_refresh_window_is_the_skew_but_at_most_half_the_lifetime() -> None:
    long_lived = Token("a", expires_at=10_000.0, obtained_at=0.0)
    assert not long_lived.needs_refresh(9_699.0, skew=300)
    assert long_lived.needs_refresh(9_700.0, skew=300)
    short = Token("a", expires_at=100.0, obtained_at=0.0)  # 100 s token: window 50 s, not 300
    assert not short.needs_refresh(49.0, skew=300)
    assert short.needs_refresh(50.0, skew=300)
    assert not Token("a").needs_refresh(1e12, skew=300)  # unknown expiry: wait for a 401


def _basic(request_headers: dict[str, str]) -> str:
    return base64.b64decode(request_headers["authorization"].removeprefix("Basic ")).decode()


def test_grant_request_builders() -> None:
    cc = client_credentials_grant(OAUTH, "app-1", "s3cret")
    assert cc.grant == "client_credentials"
    assert cc.request.method == "GET"
    assert (
        str(cc.request.url) == f"{OAUTH}/oauth/token?grant_type=client_credentials&scope=Seller_Api"
    )
    assert _basic(dict(cc.request.headers)) == "app-1:s3cret"
    assert cc.request.content == b""
    assert "s3cret" in cc.secrets

    code = authorization_code_grant(
        OAUTH, "app-1", "s3cret", code="C-1", redirect_uri="https://app.example/cb", state="st"
    )
    assert dict(code.request.url.params) == {
        "grant_type": "authorization_code",
        "redirect_uri": "https://app.example/cb",
        "state": "st",
        "code": "C-1",
    }
    assert "C-1" in code.secrets

    refresh = refresh_token_grant(OAUTH, "app-1", "s3cret", refresh_token="RT-1")
    assert dict(refresh.request.url.params) == {
        "grant_type": "refresh_token",
        "refresh_token": "RT-1",
    }
    assert "RT-1" in refresh.secrets


def test_authorize_url_has_a_fresh_random_state() -> None:
    first = build_authorize_url(OAUTH, "app-1", "https://app.example/cb")
    second = build_authorize_url(OAUTH, "app-1", "https://app.example/cb")
    assert first.state != second.state
    assert len(first.state) >= 43  # 32 random bytes, url-safe base64
    parts = urlsplit(first.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{OAUTH}/oauth/authorize"
    assert parse_qs(parts.query) == {
        "client_id": ["app-1"],
        "redirect_uri": ["https://app.example/cb"],
        "response_type": ["code"],
        "scope": ["Seller_Api"],
        "state": [first.state],
    }
    assert build_authorize_url(OAUTH, "a", "https://x/cb", state="given").state == "given"
    assert new_state() != new_state()


def test_verify_state_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert verify_state("abc", "abc")
    assert not verify_state("abc", "abd")
    assert compared == [(b"abc", b"abc"), (b"abc", b"abd")]
    assert not verify_state("abc", None)
    assert not verify_state("", "")
