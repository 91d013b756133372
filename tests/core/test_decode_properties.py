"""The decoder held to a model on drawn JSON texts.

The decoder counts an object's pairs against the colons outside strings instead of checking
each object's keys as it is built, and finds depth by byte passes. Both shortcuts lean on
how strings, escapes and whitespace sit in the text, so the texts here are drawn to stress
exactly that: keys and strings made of quotes, backslashes, colons and brackets, whitespace
anywhere JSON allows it (between a key and its colon too), ``\\u`` escapes or raw UTF-8,
keys that repeat at any depth, nesting around the cap, and numbers at the edges of a float.

The model is the plain reading of the rules: ``json.loads`` keeping every pair, then a walk
of the result that finds the first repeated key (in the order objects close, as a decoder
that reads left to right meets them), the depth, and any number out of range.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from flipkart_ext import MalformedResponse
from flipkart_ext._core.decode import MAX_DEPTH, decode_json, json_depth_exceeds


@dataclass(frozen=True)
class Obj:
    pairs: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Arr:
    items: tuple[Any, ...]


@dataclass(frozen=True)
class Number:
    literal: str  # written as is: "1e400", "-0.0", a 30-digit integer...


# Characters that the byte passes treat specially, and some that they must not.
_TRICKY = st.text(alphabet=st.sampled_from('ab:"\\[]{},/ \t\né\u2028\U0001f600'), max_size=5)
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["1e308", "1.7976931348623157e308", "1.8e308", "1e400", "-1e400", "2E+308"]),
    st.sampled_from(["1e-400", "0.0", "-0.0", "0e0", "123456789e-10"]),
).map(Number)
_SCALARS = st.one_of(st.none(), st.booleans(), _NUMBERS, _TRICKY)


def _extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # A small key alphabet makes repeats common; they are kept as drawn, at any depth.
    keys = st.one_of(st.sampled_from(["a", "b", "a:", ":", '"', "\\", "[", "}"]), _TRICKY)
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: Arr(tuple(items))),
        st.lists(st.tuples(keys, children), max_size=4).map(lambda pairs: Obj(tuple(pairs))),
    )


_TREES = st.recursive(_SCALARS, _extend, max_leaves=25)


@st.composite
def _nested_trees(draw: st.DrawFn) -> Any:
    """A tree wrapped in enough levels to land near the depth cap."""
    tree = draw(_TREES)
    for _ in range(draw(st.integers(min_value=MAX_DEPTH - 4, max_value=MAX_DEPTH + 2))):
        tree = Obj((("k", tree),)) if draw(st.booleans()) else Arr((tree,))
    return tree


def _render(tree: Any, rnd: random.Random) -> str:
    def space() -> str:
        return rnd.choice(["", "", "", " ", "\n", "\t", " \r\n  "])

    def text(value: str) -> str:
        if rnd.random() < 0.2:  # every character as a \\u escape: colons, quotes, brackets
            return '"' + "".join(f"\\u{ord(c):04{rnd.choice('xX')}}" for c in value) + '"'
        return json.dumps(value, ensure_ascii=rnd.random() < 0.5)

    if isinstance(tree, Obj):
        inner = ",".join(
            f"{space()}{text(key)}{space()}:{space()}{_render(value, rnd)}{space()}"
            for key, value in tree.pairs
        )
        return "{" + (inner or space()) + "}"
    if isinstance(tree, Arr):
        inner = ",".join(f"{space()}{_render(item, rnd)}{space()}" for item in tree.items)
        return "[" + (inner or space()) + "]"
    if isinstance(tree, Number):
        return tree.literal
    return json.dumps(tree, ensure_ascii=rnd.random() < 0.5)


class _Values(list[Any]):
    """An object's values, every one kept (a repeated key's too): what depth is judged on."""


def _kept(text: str, **options: Any) -> Any:
    """``text`` read with each object as the list of all its values, repeats included."""
    return json.loads(text, object_pairs_hook=lambda pairs: _Values(v for _, v in pairs), **options)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


class _Repeated(Exception):
    pass


def _model(text: str) -> tuple[str, Any]:
    """("ok", value) or ("refused", the starts of the reasons that apply), read the plain way.

    A text both repeating a key and holding a number out of range may be refused for
    either: which one a decoder meets first is its own affair.
    """

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Repeated(key)
            seen.add(key)
        return dict(pairs)

    overflowing: list[str] = []

    def number(literal: str) -> float:
        if not math.isfinite(float(literal)):
            overflowing.append(literal)
        return float(literal)

    plain = _kept(text, parse_float=number)  # every value and literal, a repeated key's too
    if _depth(plain) > MAX_DEPTH:  # depth is judged before keys and numbers are
        return "refused", ("nested more than",)
    reasons = ("the number",) if overflowing else ()
    try:
        value = json.loads(text, object_pairs_hook=pairs_hook)
    except _Repeated as repeated:
        return "refused", (f"the key {str(repeated)[:80]!r} appears twice", *reasons)
    return ("refused", reasons) if reasons else ("ok", value)


def _outcome(text: str) -> tuple[str, Any]:
    try:
        return "ok", decode_json(text.encode(), what="the body")
    except MalformedResponse as refused:
        return "refused", str(refused).removeprefix("the body: ")


def _agrees(text: str) -> None:
    expected = _model(text)
    got = _outcome(text)
    if expected[0] == "ok":
        # repr: -0.0 and 0.0 compare equal, and so would a lost sign.
        assert got[0] == "ok", (text, got)
        assert repr(got[1]) == repr(expected[1]), text
    else:
        assert got[0] == "refused", (text, got)
        assert got[1].startswith(expected[1]), (text, got, expected)  # a tuple: any of them


@settings(max_examples=150)
@given(_TREES, st.randoms(use_true_random=False))
def test_drawn_documents_read_as_the_model_reads_them(tree: Any, rnd: random.Random) -> None:
    _agrees(_render(tree, rnd))


@settings(max_examples=40)
@given(_nested_trees(), st.randoms(use_true_random=False))
def test_documents_near_the_depth_cap_read_as_the_model_reads_them(
    tree: Any, rnd: random.Random
) -> None:
    _agrees(_render(tree, rnd))


@settings(max_examples=300)
@given(_TREES, st.randoms(use_true_random=False), st.integers(min_value=0, max_value=6))
def test_the_depth_passes_agree_with_the_depth_of_what_is_read(
    tree: Any, rnd: random.Random, limit: int
) -> None:
    # Small limits, so that drawn trees land on both sides; strings full of brackets,
    # quotes and backslashes, so that both ways of taking strings out are taken.
    text = _render(tree, rnd)
    assert json_depth_exceeds(text.encode(), limit) is (_depth(_kept(text)) > limit), text


def test_depth_counts_the_value_a_repeated_key_drops() -> None:
    # The text nests two deep under the first "a", which the second "a" replaces.
    assert json_depth_exceeds(b'{"a": [[]], "a": null}', 2) is True
    assert _depth(_kept('{"a": [[]], "a": null}')) == 3


def test_a_repeat_hidden_by_a_string_that_opens_with_a_colon_is_found() -> None:
    # The texts a count of '":' alone would get wrong: a key spaced from its colon, and a
    # value starting with a colon, balance each other out.
    for text in (
        '{"a" :1, "a" :2, "b":":x"}',
        '{"a"\n:1,"a"\t: 2,"b": "\\":"}',
        '{"a":{"b":1,"b":2},"c":"::"}',
    ):
        assert _outcome(text)[0] == "refused", text
        _agrees(text)
