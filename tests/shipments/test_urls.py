import pytest

from flipkart_ext.shipments import PaginationError, UnsafeNextPageUrl
from flipkart_ext.shipments._urls import ApiBase

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
            "https://SANDBOX-API.flipkart.net:443/other/path?x=1",
            "https://sandbox-api.flipkart.net/other/path?x=1",
        ),
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


def test_unparsable_absolute_url_is_a_pagination_error():
    with pytest.raises(PaginationError):
        SANDBOX.resolve("https://exa mple.com:99999/x")


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
