import re

import pytest

from flipkart_ext import UnsafeCursor, UnsafeNextPageUrl
from flipkart_ext.paging import MAX_CURSOR_LENGTH, ApiBase
from flipkart_ext.paging._urls import check_token

SANDBOX = ApiBase("https://sandbox-api.flipkart.net/sellers")


@pytest.mark.parametrize(
    ("next_page_url", "expected"),
    [
        (
            "/v3/shipments/filter?next_token=abc",
            "https://sandbox-api.flipkart.net/sellers/v3/shipments/filter?next_token=abc",
        ),
        (
            "v3/shipments/filter?next_token=abc",
            "https://sandbox-api.flipkart.net/sellers/v3/shipments/filter?next_token=abc",
        ),
        (
            "https://sandbox-api.flipkart.net/sellers/v3/shipments/filter?next_token=abc",
            "https://sandbox-api.flipkart.net/sellers/v3/shipments/filter?next_token=abc",
        ),
        (
            "https://SANDBOX-API.flipkart.net:443/sellers/other/path?x=1",
            "https://sandbox-api.flipkart.net/sellers/other/path?x=1",
        ),
        # A dot inside a segment is not a dot-segment.
        ("/v3/a.b/..c/x?t=../..", "https://sandbox-api.flipkart.net/sellers/v3/a.b/..c/x?t=../.."),
        (
            "//sandbox-api.flipkart.net/sellers/v3/x",
            "https://sandbox-api.flipkart.net/sellers/v3/x",
        ),
        # Odd relative forms stay under the base path, so they cannot change the host.
        ("/@evil.test/x", "https://sandbox-api.flipkart.net/sellers/@evil.test/x"),
        ("/\\evil.test/x", "https://sandbox-api.flipkart.net/sellers/\\evil.test/x"),
    ],
)
def test_next_page_urls_resolve_under_the_api_base(next_page_url, expected):
    assert SANDBOX.resolve(next_page_url) == expected


@pytest.mark.parametrize(
    "next_page_url",
    [
        "https://api.flipkart.net/sellers/v3/shipments/filter",  # production, not sandbox
        "http://sandbox-api.flipkart.net/sellers/v3/shipments/filter",
        "https://sandbox-api.flipkart.net.evil.test/sellers/v3",
        "https://sandbox-api.flipkart.net:8443/sellers/v3",
        "https://sandbox-api.flipkart.net@evil.test/sellers/v3",
        "//evil.test/sellers/v3",
        "ftp://sandbox-api.flipkart.net/sellers/v3",
        "javascript:alert(1)",
    ],
)
def test_other_origins_are_refused(next_page_url):
    with pytest.raises(UnsafeNextPageUrl) as caught:
        SANDBOX.resolve(next_page_url)
    assert caught.value.api_host == "https://sandbox-api.flipkart.net"


def test_unparsable_absolute_url_is_refused_as_unsafe():
    with pytest.raises(UnsafeNextPageUrl, match="cannot be parsed"):
        SANDBOX.resolve("https://sandbox-api.flipkart.net:abc/sellers/x")


@pytest.mark.parametrize(
    ("cursor", "reason"),
    [
        ("/v3/shipments/filter?next_token=a\tb", "U+0009"),
        ("/v3/shipments/filter?next_token=a\nb", "U+000A"),
        ("/v3/shipments/filter?next_token=a\x00b", "U+0000"),
        ("/v3/shipments/filter\r\nX-Injected: 1", "U+000D"),
        ("/v3/shipments/filter?next_token=\x7f", "U+007F"),
        ("/v3/shipments/filter?next_token=\x85", "U+0085"),
        ("/v3/shipments/filter?next_token=" + "a" * MAX_CURSOR_LENGTH, "over the limit"),
        ("/../oauth-service/oauth/token", "dot-segment"),
        ("/v3/../../oauth-service/x", "dot-segment"),
        ("../x", "dot-segment"),
        ("/v3/./x", "dot-segment"),
        ("/v3/%2e%2E/%2E%2e/x", "dot-segment"),
        ("/v3/..\\..\\x", "dot-segment"),
        ("https://sandbox-api.flipkart.net/sellers/../oauth-service/x", "dot-segment"),
        ("https://sandbox-api.flipkart.net/oauth-service/oauth/token", "outside the API base path"),
        ("https://sandbox-api.flipkart.net/sellersX/v3", "outside the API base path"),
        ("https://user:pw@sandbox-api.flipkart.net/sellers/v3", "user info"),
        ("   ", "blank"),
        ("", "blank"),
    ],
)
def test_malformed_cursors_are_refused_as_unsafe(cursor, reason):
    with pytest.raises(UnsafeNextPageUrl, match=re.escape(reason)) as caught:
        SANDBOX.resolve(cursor)
    assert caught.value.api_host == "https://sandbox-api.flipkart.net"
    # The message never echoes the cursor itself (it may be long or carry anything).
    assert cursor.strip() == "" or cursor not in str(caught.value)


@pytest.mark.parametrize("value", [None, 12, b"/v3/x", ["/v3/x"]])
def test_a_cursor_that_is_not_a_string_is_refused(value):
    with pytest.raises(UnsafeNextPageUrl, match="not a string"):
        SANDBOX.resolve(value)


def test_the_longest_allowed_cursor_is_accepted():
    prefix = "/v3/shipments/filter?next_token="
    cursor = prefix + "a" * (MAX_CURSOR_LENGTH - len(prefix))
    assert SANDBOX.resolve(cursor).endswith("a" * 100)


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("a\tb", "U+0009"),
        ("", "blank"),
        (" ", "blank"),
        (None, "not a string"),
        ("x" * (MAX_CURSOR_LENGTH + 1), "over the limit"),
    ],
)
def test_page_tokens_are_checked_like_urls(token, reason):
    with pytest.raises(UnsafeCursor, match=re.escape(reason)):
        check_token(token)
    assert check_token("opaque/token+=") == "opaque/token+="


def test_loopback_base_with_port_and_trailing_slash():
    base = ApiBase("http://127.0.0.1:8080/sellers/")

    assert base.resolve("/v3/a?b=c") == "http://127.0.0.1:8080/sellers/v3/a?b=c"
    assert (
        base.resolve("http://127.0.0.1:8080/sellers/v3/a") == "http://127.0.0.1:8080/sellers/v3/a"
    )
    with pytest.raises(UnsafeNextPageUrl):
        base.resolve("http://127.0.0.1:8081/sellers/v3/a")


@pytest.mark.parametrize(
    "bad", ["/sellers", "sandbox-api.flipkart.net/sellers", "ftp://host/sellers"]
)
def test_api_base_must_be_an_absolute_http_url(bad):
    with pytest.raises(ValueError, match="api_base_url"):
        ApiBase(bad)
