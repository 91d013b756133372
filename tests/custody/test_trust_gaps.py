"""The trust gaps around custody (issue 20): signatures, logs, reprs, token keys."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
import textwrap

import pytest

from flipkart_ext import (
    SANDBOX,
    Environment,
    FileTokenStore,
    FlipkartAuth,
    InvalidArgument,
    MemoryRateBudget,
    MemoryTokenStore,
    RateLimit,
    RedisRateBudget,
    RedisTokenStore,
    Token,
)
from flipkart_ext.notifications import is_valid_signature, sign, verify_signature

URL = "https://partner.example/flipkart/notify"
SECRET_VALUES = (
    "csecret-9Qv2LrT8xW",
    "RT-live-secretvalue",
    "AT-live-secretvalue",
    "code-secretvalue",
)


# -- webhook signatures -------------------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_blank_app_secret_is_refused_never_a_forgery_verified(blank: str) -> None:
    # What anyone can compute when the receiver's secret variable is unset.
    forged = sign(url=URL, method="POST", app_id="app-1", app_secret=blank)
    with pytest.raises(InvalidArgument, match="app_secret"):
        verify_signature(forged, url=URL, method="POST", app_id="app-1", app_secret=blank)
    with pytest.raises(InvalidArgument, match="app_secret"):
        is_valid_signature(forged, url=URL, method="POST", app_id="app-1", app_secret=blank)


def test_a_blank_app_id_is_refused() -> None:
    headers = sign(url=URL, method="POST", app_id="app-1", app_secret="s3cret")
    with pytest.raises(InvalidArgument, match="app_id"):
        verify_signature(headers, url=URL, method="POST", app_id=" ", app_secret="s3cret")


def test_the_docs_say_the_body_is_not_signed() -> None:
    from pathlib import Path

    guide = Path(__file__).parents[2] / "docs" / "guides" / "webhooks.md"
    webhooks = guide.read_text(encoding="utf-8")
    assert "**The body is not signed.**" in webhooks
    assert "read the current state through the API" in webhooks
    assert "against replays" not in webhooks  # the window is not replay protection


# -- log redaction ------------------------------------------------------------------------------


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout + done.stderr


def test_flipkart_auth_used_alone_redacts_what_httpx_logs() -> None:
    out = _run(
        """
        import logging, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
        from flipkart_ext import FlipkartAuth, SANDBOX
        FlipkartAuth("app", "csecret-9Qv2LrT8xW", environment=SANDBOX)
        logging.getLogger("httpx").info(
            'HTTP Request: GET https://x/oauth/token?grant_type=refresh_token'
            '&refresh_token=RT-live-secretvalue "HTTP/1.1 200 OK"'
        )
        """
    )
    assert "refresh_token=[REDACTED]" in out
    assert "RT-live-secretvalue" not in out


def test_httpcore_loggers_made_after_the_first_client_are_redacted() -> None:
    out = _run(
        """
        import logging, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
        from flipkart_ext import FlipkartClient
        FlipkartClient("app", "csecret-9Qv2LrT8xW").close()
        # httpcore makes these on its first request, after the client was built.
        for name in ("httpcore.http11", "httpcore.connection", "httpcore.proxy"):
            logging.getLogger(name).debug(
                "send_request_headers.started request=<Request [b'GET']> "
                "headers=[(b'Authorization', b'Bearer AT-live-secretvalue')]"
            )
        """
    )
    assert out.count("[REDACTED]") == 3
    assert "AT-live-secretvalue" not in out


def test_the_traceback_of_a_logged_exception_is_redacted() -> None:
    out = _run(
        """
        import logging, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
        from flipkart_ext import FlipkartClient
        FlipkartClient("app", "csecret-9Qv2LrT8xW").close()
        try:
            raise RuntimeError("GET https://x/oauth/token?refresh_token=RT-live-secretvalue failed")
        except RuntimeError:
            logging.getLogger("flipkart_ext").exception("the renewal failed")
        """
    )
    assert "RuntimeError" in out and "refresh_token=[REDACTED]" in out
    assert "RT-live-secretvalue" not in out


# -- reprs ----------------------------------------------------------------------------------------


def test_no_repr_holds_a_secret(tmp_path: object, redis_url: str) -> None:
    auth = FlipkartAuth(
        "app",
        "csecret-9Qv2LrT8xW",
        environment=SANDBOX,
        seller_id="s-1",
        refresh_token="RT-live-secretvalue",
        access_token="AT-live-secretvalue",
    )
    extensions: dict[str, object] = {}
    grant = auth._grant_for(None, extensions)
    code = auth.code_grant("code-secretvalue", "https://p.example/cb", "st", extensions)
    job = auth.exchange_code_flow("code-secretvalue", "https://p.example/cb", "st")
    token = Token("AT-live-secretvalue", refresh_token="RT-live-secretvalue", generation=3)
    redis_store = RedisTokenStore(f"{redis_url}?password=hunter2-secretvalue")
    objects = [
        auth,
        grant,
        grant.call,
        code,
        code.call,
        job,
        token,
        MemoryTokenStore(),
        FileTokenStore(f"{tmp_path}/tokens.json"),
        redis_store,
        RedisRateBudget(f"{redis_url}?password=hunter2-secretvalue", RateLimit(1)),
        MemoryRateBudget(RateLimit(1)),
    ]
    for thing in objects:
        text = repr(thing) + str(thing)
        for secret in (*SECRET_VALUES, "hunter2"):
            assert secret not in text, (type(thing).__name__, text)
    redis_store.close()


# -- token keys ---------------------------------------------------------------------------------


def _key(api: str, oauth: str, name: str | None = None) -> str:
    environment = Environment(name or "x", api, oauth)
    return FlipkartAuth("app", "secret", environment=environment).key.environment


def test_token_keys_name_the_full_api_and_oauth_base_urls() -> None:
    base = ("https://api.example.com/sellers", "https://api.example.com/oauth-service")
    keys = {
        _key(*base),
        _key("https://api.example.com/sellers-b", base[1]),  # another API path
        _key(base[0], "https://api.example.com/oauth-b"),  # another OAuth path
        _key(base[0], "https://auth.example.com/oauth-service"),  # another OAuth host
        _key(*base, name="y"),
    }
    assert len(keys) == 5
    # A custom environment that borrows a built-in name never shares the built-in's tokens.
    assert _key(*base, name="sandbox") != "sandbox"
    assert FlipkartAuth("app", "secret", environment=SANDBOX).key.environment == "sandbox"
    custom = [
        Environment.custom("http://127.0.0.1:8000/a"),
        Environment.custom("http://127.0.0.1:8000/b"),
    ]
    assert custom[0].key != custom[1].key


def test_the_signature_clock_is_not_the_only_defence() -> None:
    # Replay inside the window verifies (the body is not covered): documented, not hidden.
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    headers = sign(url=URL, method="POST", app_id="a", app_secret="s", x_date=now)
    assert verify_signature(headers, url=URL, method="POST", app_id="a", app_secret="s", now=now)


logging.getLogger(__name__).addHandler(logging.NullHandler())
