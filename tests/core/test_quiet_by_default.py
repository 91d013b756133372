"""A library never prints on its own: with no logging configured, warnings stay silent."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# A program that configures no logging and makes calls that log warnings: a GET given up on
# after its retries, and a 429 whose Retry-After is past the cap. Both raise typed errors,
# which it catches; it prints only what it is asked to.
_PROGRAM = textwrap.dedent(
    """
    import logging

    import httpx

    from flipkart_ext import FlipkartClient, RateLimitError, RetryPolicy, ServerError
    from flipkart_seller_api.api.listings_v3 import get_listings

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(
                200, json={"access_token": "t", "token_type": "bearer", "expires_in": 3600,
                           "scope": "Seller_Api"},
            )
        if "SKU-SLOW" in str(request.url):
            return httpx.Response(429, headers={"Retry-After": "600"}, json={})
        return httpx.Response(503, json={})

    client = FlipkartClient(
        "app", "secret", transport=httpx.MockTransport(answer),
        retry=RetryPolicy(sleep=lambda seconds: None),
    )
    outcomes = []
    for sku, expected in (("SKU-1", ServerError), ("SKU-SLOW", RateLimitError)):
        try:
            client.call(get_listings, sku_ids=sku)
        except expected as error:
            outcomes.append(type(error).__name__)
    client.close()
    assert outcomes == ["ServerError", "RateLimitError"], outcomes
    logger = logging.getLogger("flipkart_ext")
    print("handlers:", [type(h).__name__ for h in logger.handlers])
    """
)


def _run(program: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )


def test_failing_calls_print_nothing_without_logging_configured() -> None:
    result = _run(_PROGRAM)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == "handlers: ['NullHandler']\n"


def test_the_warnings_are_there_for_whoever_configures_logging() -> None:
    # The same calls with basicConfig: the records exist, so silence above is the handler's doing.
    result = _run("import logging\nlogging.basicConfig(level=logging.WARNING)\n" + _PROGRAM)
    assert result.returncode == 0, result.stderr
    assert "giving up on GET" in result.stderr
    assert "not retrying GET" in result.stderr
    assert "Retry-After 600s exceeds the 60s cap" in result.stderr
