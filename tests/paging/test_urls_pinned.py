"""Every rule of ``_urls`` pinned at its edge: exact messages, limits at and one past the
boundary, which part of a next-page URL is checked, and what a refusal carries."""

import re

import pytest

from flipkart_ext import UnsafeCursor, UnsafeNextPageUrl
from flipkart_ext.paging import MAX_CURSOR_LENGTH, ApiBase
from flipkart_ext.paging._urls import check_token

API = "https://sandbox-api.flipkart.net"
SANDBOX = ApiBase(f"{API}/sellers")


def refusal(cursor: object, base: ApiBase = SANDBOX) -> UnsafeNextPageUrl:
    with pytest.raises(UnsafeNextPageUrl) as caught:
        base.resolve(cursor)  # type: ignore[arg-type]
    return caught.value


# --- limits and control characters, shared by URLs and tokens ------------------------------


def test_the_cursor_length_limit_is_8192_characters():
    assert MAX_CURSOR_LENGTH == 8192


def test_a_url_of_exactly_the_limit_is_followed_and_one_character_more_is_refused():
    prefix = "/v3/x?t="
    at_limit = prefix + "a" * (MAX_CURSOR_LENGTH - len(prefix))

    assert SANDBOX.resolve(at_limit) == f"{API}/sellers{at_limit}"
    error = refusal(at_limit + "a")
    assert error.reason == (
        f"it is {MAX_CURSOR_LENGTH + 1} characters long, over the limit of {MAX_CURSOR_LENGTH}"
    )
    assert str(error) == f"refusing to follow a next-page URL: {error.reason}"


def test_a_token_of_exactly_the_limit_is_sent_and_one_character_more_is_refused():
    at_limit = "t" * MAX_CURSOR_LENGTH

    assert check_token(at_limit) == at_limit
    with pytest.raises(
        UnsafeCursor,
        match=re.escape(
            f"refusing to send a page token: it is {MAX_CURSOR_LENGTH + 1} characters long, "
            f"over the limit of {MAX_CURSOR_LENGTH}"
        ),
    ):
        check_token(at_limit + "t")


@pytest.mark.parametrize(
    ("char", "code"),
    [("\x00", "0000"), ("\x1f", "001F"), ("\x7f", "007F"), ("\x9f", "009F")],
)
def test_each_end_of_the_control_ranges_is_refused_by_its_code_point(char, code):
    assert refusal(f"/v3/x?t=a{char}b").reason == f"it contains the control character U+{code}"


@pytest.mark.parametrize("char", [" ", "~", "\xa0", "é"])
def test_characters_just_outside_the_control_ranges_are_allowed(char):
    assert SANDBOX.resolve(f"/v3/x?t=a{char}b") == f"{API}/sellers/v3/x?t=a{char}b"


@pytest.mark.parametrize(("value", "kind"), [(12, "int"), (b"/v3/x", "bytes"), (None, "NoneType")])
def test_a_cursor_that_is_not_a_string_is_refused_naming_its_type(value, kind):
    assert refusal(value).reason == f"it is a {kind}, not a string"
    with pytest.raises(
        UnsafeCursor,
        match=re.escape(f"refusing to send a page token: it is a {kind}, not a string"),
    ):
        check_token(value)


# --- tokens --------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["", " ", "\u3000"])
def test_a_blank_token_is_refused_with_the_default_name(token):
    with pytest.raises(UnsafeCursor) as caught:
        check_token(token)
    assert str(caught.value) == "refusing to send a page token: it is blank"
    assert not isinstance(caught.value, UnsafeNextPageUrl)


def test_a_token_refusal_names_what_was_refused():
    with pytest.raises(UnsafeCursor) as caught:
        check_token("a\tb", what="'page_id' token")
    assert str(caught.value) == (
        "refusing to send a 'page_id' token: it contains the control character U+0009"
    )


def test_a_token_with_a_control_character_keeps_that_reason_not_blank():
    with pytest.raises(UnsafeCursor, match=re.escape("U+000A")):
        check_token("\n")


@pytest.mark.parametrize("token", ["None", " x ", "../..", "//evil.test/x"])
def test_any_other_string_token_is_sent_as_is(token):
    assert check_token(token) == token


# --- which part of a next-page URL is checked for dot-segments -----------------------------


@pytest.mark.parametrize(
    "cursor",
    [
        "/v3/x?a=/../?b",  # a second "?" with a dot-segment before it: all query
        "/v3/x#/../y",  # a fragment is not part of the path
        "/v3/x#a/../b#c",  # nor is anything after a second "#"
        "/v3/x?q=1#/../y",
    ],
)
def test_dots_in_the_query_or_fragment_are_not_dot_segments(cursor):
    assert SANDBOX.resolve(cursor) == f"{API}/sellers{cursor}"


@pytest.mark.parametrize(
    "cursor",
    [
        "/v3/a b/../x",  # a space does not end the path
        "/v3/..?q=1",
        "/v3/.#f",
        "/v3/%2E",
        "/v3/.%2e/x",
        "/v3\\..",
        "..",
        ".",
    ],
)
def test_a_dot_segment_anywhere_in_the_path_is_refused(cursor):
    error = refusal(cursor)
    assert error.reason == "its path has a dot-segment ('.' or '..')"
    assert error.host is None
    assert (
        str(error) == "refusing to follow a next-page URL: its path has a dot-segment ('.' or '..')"
    )


@pytest.mark.parametrize("cursor", ["/v3/...", "/v3/.x", "/v3/x.", "/v3/%2E%2E%2E", "/v3/X\\Y"])
def test_segments_that_merely_contain_dots_are_followed(cursor):
    assert SANDBOX.resolve(cursor).startswith(f"{API}/sellers/v3/")


# --- relative URLs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cursor", "expected"),
    [
        ("XML/v3", "/sellers/XML/v3"),
        ("/v3/x/", "/sellers/v3/x/"),
        ("?q=1", "/sellers/?q=1"),
    ],
)
def test_relative_urls_hang_off_the_base_path_with_one_slash(cursor, expected):
    assert SANDBOX.resolve(cursor) == API + expected


@pytest.mark.parametrize("cursor", ["", " ", "\u3000"])
def test_a_blank_url_is_refused_as_blank(cursor):
    error = refusal(cursor)
    assert error.reason == "it is blank"
    assert str(error) == "refusing to follow a next-page URL: it is blank"
    assert error.host is None


# --- absolute URLs -------------------------------------------------------------------------


def test_a_scheme_relative_url_takes_the_api_scheme():
    assert SANDBOX.resolve("//sandbox-api.flipkart.net/sellers/v3") == f"{API}/sellers/v3"
    assert ApiBase("http://127.0.0.1:8080/sellers").resolve("//127.0.0.1:8080/sellers/v3") == (
        "http://127.0.0.1:8080/sellers/v3"
    )
    error = refusal("//127.0.0.1:8080/sellers/v3")
    assert error.host == "https://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("cursor", "origin"),
    [
        ("https://evil.test/sellers/v3", "https://evil.test"),
        ("https://evil.test:8443/sellers/v3", "https://evil.test:8443"),
        ("http://sandbox-api.flipkart.net/sellers/v3", "http://sandbox-api.flipkart.net"),
        ("https://sandbox-api.flipkart.net:444/sellers/v3", "https://sandbox-api.flipkart.net:444"),
        ("//evil.test/sellers/v3", "https://evil.test"),
        ("HTTPS://EVIL.test/sellers/v3", "https://evil.test"),
    ],
)
def test_another_origin_is_refused_naming_both_origins(cursor, origin):
    error = refusal(cursor)

    assert error.host == origin
    assert error.api_host == API
    assert error.reason == (
        f"{origin!r} is not the API host {API!r}, the only one that receives credentials"
    )
    assert str(error) == f"refusing to follow a next-page URL: {error.reason}"


def test_an_absolute_url_that_cannot_be_parsed_is_refused_before_any_request():
    error = refusal("https://sandbox-api.flipkart.net:abc/sellers/x")

    assert isinstance(error, UnsafeNextPageUrl)
    assert error.reason.startswith("it cannot be parsed (")
    assert "Invalid port" in error.reason
    assert error.host is None
    assert error.api_host == API


@pytest.mark.parametrize(
    "cursor",
    [
        "https://user@sandbox-api.flipkart.net/sellers/v3",
        "https://user:pw@sandbox-api.flipkart.net/sellers/v3",
        "//user@sandbox-api.flipkart.net/sellers/v3",
    ],
)
def test_user_info_on_the_api_host_is_refused(cursor):
    error = refusal(cursor)
    assert str(error) == "refusing to follow a next-page URL: it carries user info ('user@')"
    assert error.host is None


@pytest.mark.parametrize(
    "cursor",
    [
        f"{API}/sellers",
        f"{API}/sellers/",
        f"{API}/sellers?next=1",
        f"{API}/sellers/v3/x",
    ],
)
def test_an_absolute_url_at_or_under_the_base_path_is_followed(cursor):
    assert SANDBOX.resolve(cursor) == cursor


@pytest.mark.parametrize(
    "cursor",
    [f"{API}/", f"{API}", f"{API}/seller", f"{API}/sellersX/v3", f"{API}/other/sellers/v3"],
)
def test_a_request_path_outside_the_api_base_path_is_refused(cursor):
    error = refusal(cursor)
    assert str(error) == (
        "refusing to follow a next-page URL: its path is outside the API base path '/sellers'"
    )
    assert error.host is None
    assert error.api_host == API


def test_a_base_without_a_path_takes_any_path_on_its_origin():
    base = ApiBase("https://api.test")

    assert base.resolve("https://api.test/oauth-service/x") == "https://api.test/oauth-service/x"
    assert base.resolve("/v3/x") == "https://api.test/v3/x"
    assert base.origin == "https://api.test"


def test_a_base_path_ending_in_x_keeps_its_last_character():
    base = ApiBase("https://api.test/apiX/")

    assert base.prefix == "https://api.test/apiX"
    assert base.resolve("v3") == "https://api.test/apiX/v3"
    assert base.resolve("https://api.test/apiX/v3") == "https://api.test/apiX/v3"
    with pytest.raises(UnsafeNextPageUrl, match="'/apiX'"):
        base.resolve("https://api.test/api/v3")


# --- the base itself -----------------------------------------------------------------------


def test_the_base_drops_its_query_and_fragment():
    base = ApiBase("https://api.test/sellers/?x=1#top")

    assert base.prefix == "https://api.test/sellers"
    assert base.join("/v3/x") == "https://api.test/sellers/v3/x"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://api.test/sellers", "https://api.test"),
        ("http://api.test/sellers", "http://api.test"),
        ("http://127.0.0.1:8080/sellers", "http://127.0.0.1:8080"),
        ("https://api.test:443/sellers", "https://api.test"),
    ],
)
def test_the_origin_is_scheme_host_and_a_non_default_port(url, origin):
    assert ApiBase(url).origin == origin


@pytest.mark.parametrize(
    "bad", ["ftp://host/sellers", "/sellers", "https:///sellers", "mailto:x@y"]
)
def test_a_base_that_is_not_an_absolute_http_url_is_refused_quoting_it(bad):
    with pytest.raises(
        ValueError, match=re.escape(f"api_base_url: expected an absolute http(s) URL, got {bad!r}")
    ):
        ApiBase(bad)
