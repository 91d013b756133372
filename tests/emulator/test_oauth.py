from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from flipkart_ext.testing import Emulator

REDIRECT = "https://partner.example/callback"


def authorize(emu: Emulator, **overrides: str) -> httpx.Response:
    params = {
        "client_id": emu.client_id,
        "redirect_uri": REDIRECT,
        "response_type": "code",
        "scope": "Seller_Api",
        "state": "xyz-123",
        **overrides,
    }
    with httpx.Client() as client:
        return client.get(f"{emu.oauth_base_url}/oauth/authorize", params=params)


def code_from(response: httpx.Response) -> str:
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(REDIRECT + "?")
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == ["xyz-123"]
    return query["code"][0]


def exchange(oauth: httpx.Client, code: str, redirect_uri: str = REDIRECT) -> httpx.Response:
    return oauth.get(
        "/oauth/token",
        params={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "state": "xyz-123",
        },
    )


def call_api(emu: Emulator, access_token: str) -> httpx.Response:
    with httpx.Client() as client:
        return client.get(
            f"{emu.api_base_url}/listings/v3/SKU-0001",
            headers={"Authorization": f"Bearer {access_token}"},
        )


def test_client_credentials_answers_flipkarts_shape(oauth: httpx.Client) -> None:
    response = oauth.get(
        "/oauth/token", params={"grant_type": "client_credentials", "scope": "Seller_Api"}
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == "Seller_Api"
    assert response.headers["cache-control"] == "no-store"


def test_expires_in_is_configurable() -> None:
    with Emulator(expires_in=42) as emu, httpx.Client() as client:
        body = client.get(
            f"{emu.oauth_base_url}/oauth/token",
            params={"grant_type": "client_credentials"},
            auth=(emu.client_id, emu.client_secret),
        ).json()
    assert body["expires_in"] == 42


def test_custom_application_credentials() -> None:
    with Emulator(port=0, client_id="my-app", client_secret="my-test-secret", seed=3) as emu:
        assert (emu.client_id, emu.client_secret) == ("my-app", "my-test-secret")
        assert "my-test-secret" not in repr(emu)
        with httpx.Client(base_url=emu.oauth_base_url) as client:
            params = {"grant_type": "client_credentials"}
            ok = client.get("/oauth/token", params=params, auth=("my-app", "my-test-secret"))
            default = client.get(
                "/oauth/token", params=params, auth=("emulator-app", "emulator-secret")
            )
    assert ok.status_code == 200
    assert default.status_code == 401


def test_tokens_are_random_and_distinct(oauth: httpx.Client) -> None:
    params = {"grant_type": "client_credentials", "scope": "Seller_Api"}
    first = oauth.get("/oauth/token", params=params).json()["access_token"]
    second = oauth.get("/oauth/token", params=params).json()["access_token"]
    assert first != second
    assert len(first) >= 32


@pytest.mark.parametrize(
    ("auth", "description"),
    [
        (None, "no credentials"),
        (("emulator-app", "wrong"), "wrong secret"),
        (("someone-else", "emulator-secret"), "unknown client"),
    ],
)
def test_bad_client_credentials_are_401_invalid_client(
    emu: Emulator, auth: tuple[str, str] | None, description: str
) -> None:
    with httpx.Client() as client:
        response = client.get(
            f"{emu.oauth_base_url}/oauth/token",
            params={"grant_type": "client_credentials"},
            auth=auth,
        )
    assert response.status_code == 401, description
    assert response.json()["error"] == "invalid_client"
    assert "error_description" in response.json()


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({}, "invalid_request"),
        ({"grant_type": "password"}, "unsupported_grant_type"),
        ({"grant_type": "client_credentials", "scope": "Admin"}, "invalid_scope"),
        ({"grant_type": "authorization_code", "redirect_uri": REDIRECT}, "invalid_request"),
        ({"grant_type": "authorization_code", "code": "abc"}, "invalid_request"),
        (
            {"grant_type": "authorization_code", "code": "abc", "redirect_uri": REDIRECT},
            "invalid_grant",
        ),
        ({"grant_type": "refresh_token"}, "invalid_request"),
        ({"grant_type": "refresh_token", "refresh_token": "not-issued"}, "invalid_grant"),
    ],
)
def test_grant_errors_are_400_with_oauth_error_codes(
    oauth: httpx.Client, params: dict[str, str], error: str
) -> None:
    response = oauth.get("/oauth/token", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == error


def test_token_endpoint_only_answers_get(oauth: httpx.Client) -> None:
    response = oauth.post("/oauth/token", params={"grant_type": "client_credentials"})
    assert response.status_code == 405


def test_authorization_code_flow_issues_a_refresh_token(emu: Emulator, oauth: httpx.Client) -> None:
    code = code_from(authorize(emu))
    response = exchange(oauth, code)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope", "refresh_token"}
    assert call_api(emu, body["access_token"]).status_code == 200


def test_an_authorization_code_is_single_use(emu: Emulator, oauth: httpx.Client) -> None:
    code = code_from(authorize(emu))
    assert exchange(oauth, code).status_code == 200
    again = exchange(oauth, code)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_the_code_is_bound_to_its_redirect_uri(emu: Emulator, oauth: httpx.Client) -> None:
    code = code_from(authorize(emu))
    response = exchange(oauth, code, redirect_uri="https://elsewhere.example/cb")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_authorize_rejects_unknown_clients_and_bad_redirects(emu: Emulator) -> None:
    assert authorize(emu, client_id="nobody").status_code == 400
    assert authorize(emu, redirect_uri="not a url").status_code == 400


def test_authorize_reports_unsupported_response_type_by_redirect(emu: Emulator) -> None:
    response = authorize(emu, response_type="token")
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["error"] == ["unsupported_response_type"]
    assert "code" not in query


def test_refresh_rotates_both_tokens_and_revokes_the_old_refresh_token(
    emu: Emulator, oauth: httpx.Client
) -> None:
    first = exchange(oauth, code_from(authorize(emu))).json()
    refreshed = oauth.get(
        "/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert refreshed.status_code == 200
    second = refreshed.json()
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    assert call_api(emu, second["access_token"]).status_code == 200

    reused = oauth.get(
        "/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"


def test_expired_access_tokens_get_401_and_refresh_still_works(
    emu: Emulator, oauth: httpx.Client
) -> None:
    tokens = exchange(oauth, code_from(authorize(emu))).json()
    assert emu.expire_tokens() == 1
    refused = call_api(emu, tokens["access_token"])
    assert refused.status_code == 401
    assert refused.json() == {"error": "invalid_token", "error_description": "Access token expired"}
    renewed = oauth.get(
        "/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )
    assert renewed.status_code == 200
    assert call_api(emu, renewed.json()["access_token"]).status_code == 200


def test_expiring_refresh_tokens_too(emu: Emulator, oauth: httpx.Client) -> None:
    tokens = exchange(oauth, code_from(authorize(emu))).json()
    assert emu.expire_tokens(refresh_tokens=True) == 2
    response = oauth.get(
        "/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )
    assert response.json()["error"] == "invalid_grant"


def test_zero_lifetime_tokens_are_expired_at_once() -> None:
    with Emulator(expires_in=0) as emu, httpx.Client() as client:
        body = client.get(
            f"{emu.oauth_base_url}/oauth/token",
            params={"grant_type": "client_credentials"},
            auth=(emu.client_id, emu.client_secret),
        ).json()
        assert call_api(emu, body["access_token"]).status_code == 401


def test_revoked_tokens_are_refused(emu: Emulator, oauth: httpx.Client) -> None:
    tokens = exchange(oauth, code_from(authorize(emu))).json()
    assert emu.revoke_token(tokens["access_token"]) is True
    assert emu.revoke_token(tokens["access_token"]) is False
    refused = call_api(emu, tokens["access_token"])
    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_token"
    assert emu.revoke_token(tokens["refresh_token"]) is True
    response = oauth.get(
        "/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )
    assert response.json()["error"] == "invalid_grant"


def test_api_calls_need_a_bearer_token(emu: Emulator) -> None:
    with httpx.Client(base_url=emu.api_base_url) as client:
        missing = client.get("/listings/v3/SKU-0001")
        made_up = client.get("/listings/v3/SKU-0001", headers={"Authorization": "Bearer nope"})
    assert missing.status_code == 401
    assert missing.json()["error"] == "unauthorized"
    assert made_up.status_code == 401
    assert made_up.json()["error"] == "invalid_token"
    assert "bearer" in made_up.headers["www-authenticate"].lower()


def test_token_requests_are_counted_per_grant(emu: Emulator, oauth: httpx.Client) -> None:
    oauth.get("/oauth/token", params={"grant_type": "client_credentials"})
    exchange(oauth, code_from(authorize(emu)))
    oauth.get("/oauth/token", params={"grant_type": "refresh_token", "refresh_token": "x"})
    assert [(r.grant_type, r.status) for r in emu.token_requests] == [
        ("client_credentials", 200),
        ("authorization_code", 200),
        ("refresh_token", 400),
    ]
    assert {r.client_id for r in emu.token_requests} == {emu.client_id}


def test_no_secret_reaches_logs_reprs_or_state(
    emu: Emulator, oauth: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="flipkart_ext.testing")
    code = code_from(authorize(emu))
    tokens = exchange(oauth, code).json()
    oauth.get(
        "/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )
    secrets = [code, tokens["access_token"], tokens["refresh_token"], emu.client_secret]
    visible = "\n".join([caplog.text, repr(emu), json.dumps(emu.state()), repr(emu.token_requests)])
    assert caplog.records, "the emulator logged nothing; the check would prove nothing"
    for secret in secrets:
        assert secret not in visible
