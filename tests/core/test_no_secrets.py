"""No secret in logs (httpx and ours at DEBUG), reprs or exception texts, across a full session."""

from __future__ import annotations

import base64
import json
import logging
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details, mark_rtd
from flipkart_seller_api.models import DispatchShipmentRequest

from flipkart_ext import FlipkartClient, redact_url
from flipkart_ext._core.redact import RedactingFilter, install_log_redaction, redact_text
from flipkart_ext.errors import AuthenticationError, FlipkartError, ReauthorizationRequired
from flipkart_ext.stores import MemoryTokenStore
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart

REDIRECT = "https://seller-app.example/callback"
CODE = "code-one-secretvalue"
BASIC = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
BODY = DispatchShipmentRequest(location_id="L1", shipment_ids=["S1"])


def _leaks(text: str) -> list[str]:
    return [s for s in ("secretvalue", CLIENT_SECRET, BASIC) if s in text]


def test_a_full_session_leaves_no_secret_in_logs_reprs_or_errors(
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name in ("httpx", "httpcore", "flipkart_ext"):
        caplog.set_level(logging.DEBUG, logger=name)
    fake = FakeFlipkart()
    clock = FakeClock()
    texts: list[str] = []
    errors: list[FlipkartError] = []

    # Self-access app: client credentials, then a 401 mid-session and a replay.
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), clock=clock) as own:
        own.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        own.call(mark_rtd, body=BODY)
        texts += [repr(own), repr(own.auth), repr(own.token_status()), repr(own.auth._token)]

    # Third-party app: authorization code, a proactive refresh, then a 401 answered by a refresh.
    store = MemoryTokenStore()
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        seller_id="seller-1",
        token_store=store,
        transport=fake.transport(),
        clock=clock,
    ) as partner:
        issued = partner.authorize_url(REDIRECT)
        fake.codes.add(CODE)
        partner.exchange_code(CODE, REDIRECT, issued.state, expected_state=issued.state)
        partner.call(get_shipment_details, "S1")
        clock.advance(fake.expires_in)
        partner.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        partner.call(mark_rtd, body=BODY)
        texts += [repr(partner), repr(store), repr(store.load(partner.auth.key))]
        with pytest.raises(ReauthorizationRequired) as reused_code:
            partner.exchange_code(CODE, REDIRECT, issued.state)
        errors.append(reused_code.value)

    # Failures whose server messages echo the secret back.
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        refresh_token="RT-dead-secretvalue",
        transport=fake.transport(),
    ) as dead:
        with pytest.raises(ReauthorizationRequired) as spent:
            dead.call(get_shipment_details, "S1")
        errors.append(spent.value)
    with FlipkartClient(CLIENT_ID, "wrong-secretvalue", transport=fake.transport()) as wrong:
        with pytest.raises(AuthenticationError) as refused:
            wrong.call(get_shipment_details, "S1")
        errors.append(refused.value)
    unauthorized = httpx.Response(401, json={"error": "invalid_token"})
    fake.push("GET", "/sellers/v3/shipments/S2", unauthorized, unauthorized)
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as twice:
        with pytest.raises(AuthenticationError) as rejected:
            twice.call(get_shipment_details, "S2")
        errors.append(rejected.value)

    assert fake.grants()[:5] == [
        "client_credentials",
        "client_credentials",
        "authorization_code",
        "refresh_token",
        "refresh_token",
    ]
    for error in errors:
        texts += [str(error), repr(error), "".join(traceback.format_exception(error))]
        texts.append(repr(getattr(error, "body", None)))

    log_text = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    # The session really was logged, token URLs included, and redacted in place.
    assert "refresh_token=[REDACTED]" in log_text
    assert "code=[REDACTED]" in log_text
    assert any(r.name == "httpx" and "oauth/token" in r.getMessage() for r in caplog.records)
    assert _leaks(log_text) == []
    assert _leaks(caplog.text) == []
    for text in texts:
        assert _leaks(text) == [], text


def test_filter_redacts_message_and_args() -> None:
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        'HTTP Request: %s %s "%s"',
        (
            "GET",
            httpx.URL(
                "https://h/oauth/token?grant_type=refresh_token&refresh_token=RT-secretvalue"
            ),
            "200",
        ),
        None,
    )
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == (
        'HTTP Request: GET https://h/oauth/token?grant_type=refresh_token&refresh_token=[REDACTED] "200"'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer AT-secretvalue", "Authorization: Bearer [REDACTED]"),
        ("authorization: Basic " + BASIC, "authorization: Basic [REDACTED]"),
        (
            '{"access_token": "AT-secretvalue", "expires_in": 5}',
            '{"access_token": "[REDACTED]", "expires_in": 5}',
        ),
        ("{'client_secret': 'x-secretvalue'}", "{'client_secret': '[REDACTED]'}"),
        ("?code=C-secretvalue&state=keep", "?code=[REDACTED]&state=keep"),
        ("error_code=42 and status code=7", "error_code=42 and status code=[REDACTED]"),
        ("https://user:pw-secretvalue@host/x", "https://user:[REDACTED]@host/x"),
    ],
)
def test_redact_text(text: str, expected: str) -> None:
    assert redact_text(text) == expected


def test_redact_url_keeps_structure_and_state() -> None:
    url = "https://h/oauth/token?grant_type=authorization_code&code=C-1&state=S-1&redirect_uri=https%3A%2F%2Fa%2Fcb"
    assert redact_url(url) == (
        "https://h/oauth/token?grant_type=authorization_code&code=[REDACTED]&state=S-1"
        "&redirect_uri=https%3A%2F%2Fa%2Fcb"
    )
    assert redact_url("https://h/x") == "https://h/x"


def test_installing_the_filter_is_idempotent_and_never_changes_levels() -> None:
    loggers = [logging.getLogger(n) for n in ("httpx", "flipkart_ext", "httpcore")]
    child = logging.getLogger("flipkart_ext.some_child")
    levels = [lg.level for lg in (*loggers, child)]
    install_log_redaction()
    FlipkartClient(CLIENT_ID, CLIENT_SECRET).close()
    install_log_redaction()
    for lg in (*loggers, child):
        assert sum(isinstance(f, RedactingFilter) for f in lg.filters) == 1, lg.name
    assert [lg.level for lg in (*loggers, child)] == levels


class _LoopbackFlipkart(BaseHTTPRequestHandler):
    """Just enough Flipkart on a real socket for httpcore's own DEBUG logging to run."""

    issued: ClassVar[list[str]] = []
    rejected_once: ClassVar[set[str]] = set()

    def _json(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = httpx.URL(self.path)
        if url.path == "/oauth-service/oauth/token":
            n = len(self.issued) + 1
            self.issued.append(f"AT-{n}-secretvalue")
            self._json(
                200,
                {
                    "access_token": f"AT-{n}-secretvalue",
                    "refresh_token": f"RT-{n}-secretvalue",
                    "expires_in": 3600,
                },
            )
            return
        token = self.headers.get("Authorization", "")[7:]
        if token == "AT-1-secretvalue" and token not in self.rejected_once:  # forces a 401 replay
            self.rejected_once.add(token)
            self._json(401, {"error": "invalid_token"})
            return
        self._json(200, {"shipments": []})

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return


def test_real_socket_session_logs_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    for name in ("httpx", "httpcore", "flipkart_ext"):
        caplog.set_level(logging.DEBUG, logger=name)
    # The server's memory is per class: start from nothing, whatever ran before.
    _LoopbackFlipkart.issued.clear()
    _LoopbackFlipkart.rejected_once.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _LoopbackFlipkart)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    try:
        port = server.server_address[1]
        with FlipkartClient(
            CLIENT_ID,
            CLIENT_SECRET,
            api_base_url=f"http://127.0.0.1:{port}/sellers",
            refresh_token="RT-seed-secretvalue",
        ) as client:
            assert client.call(get_shipment_details, "S1") is not None
    finally:
        server.shutdown()
        server.server_close()
    assert _LoopbackFlipkart.issued == [
        "AT-1-secretvalue",
        "AT-2-secretvalue",
    ]  # refresh, 401, refresh
    assert any(r.name.startswith("httpcore") for r in caplog.records)
    assert "refresh_token=[REDACTED]" in caplog.text
    assert _leaks(caplog.text) == []
