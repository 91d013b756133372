"""The one JSON decoder pinned down (``flipkart_ext._core.decode``): every refusal, word for
word, at and one past each of its limits.
"""

from __future__ import annotations

import msgspec
import pytest

import flipkart_ext._core.decode as decode_module
from flipkart_ext import MalformedResponse, TokenStoreError
from flipkart_ext._core.decode import MAX_DEPTH, decode_json, json_depth_exceeds


def _refusal(data: bytes | str, **options: object) -> str:
    with pytest.raises(MalformedResponse) as caught:
        decode_json(data, what="the answer", **options)  # type: ignore[arg-type]
    return str(caught.value)


# -- size -----------------------------------------------------------------------------------


def test_a_body_at_the_size_cap_is_read_and_one_byte_more_is_refused() -> None:
    assert decode_json(b"[1, 2]", what="x", max_bytes=6) == [1, 2]
    assert _refusal(b"[1, 2] ", max_bytes=6) == ("the answer: 7 bytes is more than the 6 accepted")
    assert _refusal(b"1" * 1001, max_bytes=1000) == (
        "the answer: 1,001 bytes is more than the 1,000 accepted"
    )


@pytest.mark.parametrize("data", [b"", b"  \n\t ", ""])
def test_an_empty_body_is_refused(data: bytes | str) -> None:
    assert _refusal(data) == "the answer: empty, where JSON was expected"


# -- depth ----------------------------------------------------------------------------------


def _nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


def test_nesting_up_to_the_cap_is_read_and_one_level_more_refused() -> None:
    assert MAX_DEPTH == 64
    assert decode_json(_nested(64), what="x") == eval(_nested(64))  # noqa: S307 - a literal
    assert _refusal(_nested(65)) == "the answer: nested more than 64 levels deep"
    mixed = '{"a":' * 33 + "[" * 32 + "0" + "]" * 32 + "}" * 33
    assert _refusal(mixed) == "the answer: nested more than 64 levels deep"


@pytest.mark.parametrize(
    ("data", "limit", "deeper"),
    [
        (b"[[[]]]", 3, False),
        (b"[[[]]]", 2, True),
        (b"[[],[],[]]", 2, False),  # many openings, little depth
        (b"[[[]],[[]]]", 2, True),
        (b'["[[[[", "{{{{"]', 2, False),  # brackets inside strings do not nest
        (b'["\\"[[[[", "x"]', 2, False),  # nor after an escaped quote
        (b'["\\\\", [[[]]]]', 3, True),  # an escaped backslash ends where it should
        (b'["\\\\", [[]]]', 3, False),
        # Two strings each ending in an escape: their quotes pair up only if the escapes go.
        (b'["\\\\", [[[[[]]]]], "\\\\"]', 3, True),
        (b'["\\"", [[[[[]]]]], "\\""]', 3, True),
        (b'["[[[]]]"]', 2, False),  # a string holding balanced brackets
        (b'[[["[", 1]]]', 2, True),  # the brackets around a string close over it
        (b'[[["[", 1]]]', 3, False),
        (b"[[[[", 2, False),  # unbalanced: left to json.loads, which says where
        (b"[{}, {}, []]", 1, True),
        (b"[1]", 0, True),
    ],
)
def test_depth_is_counted_on_structure_only(data: bytes, limit: int, deeper: bool) -> None:
    assert json_depth_exceeds(data, limit) is deeper


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_unclosed_nesting_past_any_recursion_limit_is_refused_not_raised(opening: str) -> None:
    # Unbalanced, so the depth passes leave it to the readers; both hit Python's recursion
    # limit, and the refusal is typed all the same.
    assert _refusal(opening * 100_000).startswith("the answer: cannot be read (maximum recursion")


def test_depth_is_capped_at_64_by_default() -> None:
    assert json_depth_exceeds(_nested(64).encode()) is False
    assert json_depth_exceeds(_nested(65).encode()) is True


# -- text -----------------------------------------------------------------------------------


def test_bytes_that_are_not_utf8_are_refused_saying_where() -> None:
    assert _refusal(b'["ok", "\xff"]') == ("the answer: not UTF-8 (invalid start byte at byte 8)")


def test_a_byte_order_mark_is_tolerated() -> None:
    assert decode_json(b'\xef\xbb\xbf{"a": 1}', what="x") == {"a": 1}


def test_text_is_read_as_utf8_surrogates_included() -> None:
    assert decode_json('{"a": "é"}', what="x") == {"a": "é"}
    assert _refusal('"\ud800"').startswith("the answer: not UTF-8 (")


# -- keys and numbers -----------------------------------------------------------------------


def test_a_key_named_twice_is_refused_naming_it_cut_at_80_characters() -> None:
    assert _refusal(b'{"a": 1, "b": 2, "a": 3}') == (
        "the answer: the key 'a' appears twice in one object"
    )
    assert _refusal(b'{"x": 1, "a": 2, "a": 3}') == (
        "the answer: the key 'a' appears twice in one object"
    )
    long = "k" * 100
    assert _refusal(f'{{"{long}": 1, "{long}": 2}}') == (
        f"the answer: the key '{'k' * 80}' appears twice in one object"
    )


def test_a_repeated_key_beside_a_colon_written_as_an_escape_is_refused() -> None:
    # Without the escape, the colons of the text and of the value written again would
    # differ by the pair the repeat dropped; the escaped colon makes up for it.
    for escape in ("\\u003a", "\\u003A"):
        text = '{"a": 1, "a": 2, "b": "' + escape + '"}'
        assert _refusal(text) == "the answer: the key 'a' appears twice in one object"
    assert decode_json(b'{"a": "\\u003a", "b": ":"}', what="x") == {"a": ":", "b": ":"}


def test_what_the_fast_reader_refuses_the_strict_reader_decides() -> None:
    # msgspec refuses a lone surrogate escape; json reads it, and so does the package.
    assert decode_json(b'["\\ud800"]', what="x") == ["\ud800"]
    # A byte-order mark is tolerated by both.
    assert decode_json(b'\xef\xbb\xbf{"a": [1]}', what="x") == {"a": [1]}


@pytest.mark.parametrize(
    "stop", [MemoryError(), RecursionError("deep"), msgspec.DecodeError("no")], ids=type
)
def test_whatever_stops_the_fast_reader_leaves_the_verdict_to_the_strict_one(
    monkeypatch: pytest.MonkeyPatch, stop: BaseException
) -> None:
    def stopped(body: bytes) -> object:
        raise stop

    monkeypatch.setattr(msgspec.json, "decode", stopped)
    assert decode_json(b'{"a": [1, 2.5]}', what="x") == {"a": [1, 2.5]}
    assert _refusal(b'{"a": 1, "a": 2}') == "the answer: the key 'a' appears twice in one object"


def test_a_body_the_fast_reader_vouches_for_never_reaches_the_strict_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Unreachable:
        def decode(self, text: str) -> object:
            raise AssertionError("the strict reader ran")

    monkeypatch.setattr(decode_module, "_STRICT", Unreachable())
    body = b'{"shipments": [{"id": "a:b", "at": "10:00", "n": 1.5, "big": 123456789012345678901}]}'
    assert decode_json(body, what="x")["shipments"][0]["big"] == 123456789012345678901
    assert decode_json(b"\xef\xbb\xbf" + body, what="x") == decode_json(body, what="x")


def test_keys_that_differ_are_kept() -> None:
    assert decode_json(b'{"a": 1, "A": 2, "b": {"a": 3}}', what="x") == {
        "a": 1,
        "A": 2,
        "b": {"a": 3},
    }


def test_a_number_too_large_to_be_finite_is_refused_naming_its_first_40_characters() -> None:
    assert _refusal(b"[1e400]") == "the answer: the number 1e400 is out of range"
    digits = "9" * 45 + "e999"
    assert _refusal(f"[{digits}]") == f"the answer: the number {digits[:40]} is out of range"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_constants_that_are_no_json_numbers_are_refused(constant: str) -> None:
    assert _refusal(f"[{constant}]") == f"the answer: {constant} is not a JSON number"


def test_an_integer_too_long_to_convert_is_refused_with_pythons_reason() -> None:
    assert _refusal("[" + "7" * 5000 + "]") == (
        "the answer: cannot be read (Exceeds the limit (4300 digits) for integer string "
        "conversion: value has 5000 digits)"
    )


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (MemoryError(), "MemoryError"),
        (RecursionError(""), "RecursionError"),
        (ValueError("v" * 130 + "; and more"), "v" * 120),
        (ValueError("short; and more"), "short"),
    ],
)
def test_a_failure_of_the_decoder_itself_gives_its_first_clause_cut_at_120_or_its_class(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, reason: str
) -> None:
    class Failing:
        def decode(self, text: str) -> object:
            raise error

    monkeypatch.setattr(decode_module, "_read_fast", lambda raw, colons: decode_module._UNSURE)
    monkeypatch.setattr(decode_module, "_STRICT", Failing())
    assert _refusal(b"[1]") == f"the answer: cannot be read ({reason})"


def test_invalid_json_says_where() -> None:
    assert _refusal(b'{"a": }') == "the answer: not valid JSON (Expecting value at line 1 column 7)"
    assert _refusal(b"[1,\n 2 3]") == (
        "the answer: not valid JSON (Expecting ',' delimiter at line 2 column 4)"
    )


def test_the_error_class_is_the_callers() -> None:
    with pytest.raises(TokenStoreError) as caught:
        decode_json(b"{", what="the token file", error=TokenStoreError)
    assert str(caught.value).startswith("the token file: not valid JSON (")
