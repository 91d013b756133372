"""The custody rule's pure decisions pinned down (``flipkart_ext._core.auth_plan``).

These functions decide, without I/O, what the renewal and every store do: which write may
replace a stored token, how a record is fingerprinted for a check-and-set, how a worker
marks a refresh token it is about to spend, and what a refusal of a spent refresh token
means. Each case below is worked out from the rule as written on ``TokenStore``.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from flipkart_ext import Token
from flipkart_ext._core.auth_plan import (
    foreign_intent,
    may_replace,
    record_digest,
    refusal,
    same_grant,
    with_intent,
)

GEN3 = Token("AT-3", expires_at=2000.0, refresh_token="RT-3", obtained_at=1000.0, generation=3)
GEN4 = Token("AT-4", refresh_token="RT-4", generation=4)
MARKED = Token("AT-3", refresh_token="RT-3", generation=3, refresh_sent_at=1500.25)


# -- the record digest: what workers of every version compare in a check-and-set ------------


def test_no_record_has_the_empty_digest() -> None:
    assert record_digest(None) == ""


def test_the_digest_is_40_hex_digits_of_the_sha256_of_the_compact_sorted_record() -> None:
    fields = {
        "refresh_sent_at": None,
        "generation": 3,
        "refresh_token_expires_at": None,
        "obtained_at": 1000.0,
        "refresh_token": "RT-3",
        "scope": None,
        "expires_at": 2000.0,
        "token_type": "bearer",
        "access_token": "AT-3",
    }
    canonical = json.dumps(dict(sorted(fields.items())), separators=(",", ":"))
    assert canonical.startswith('{"access_token":"AT-3","expires_at":2000.0,')
    assert record_digest(GEN3) == hashlib.sha256(canonical.encode()).hexdigest()[:40]


def test_the_digest_covers_the_bookkeeping_fields_too() -> None:
    assert record_digest(GEN3) != record_digest(Token("AT-3", refresh_token="RT-3", generation=3))


# -- same grant -----------------------------------------------------------------------------


def test_same_grant_compares_the_tokens_and_the_generation_only() -> None:
    assert same_grant(GEN3, MARKED)  # bookkeeping aside
    assert not same_grant(GEN3, GEN4)
    assert not same_grant(GEN3, Token("AT-3", refresh_token="RT-3", generation=2))
    assert not same_grant(GEN3, None)
    assert not same_grant(None, GEN3)
    assert not same_grant(None, None)


# -- the custody rule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "current", "expected", "allowed"),
    [
        (GEN3, None, None, True),
        (GEN4, GEN3, None, True),
        (GEN3, GEN4, GEN4, False),
        (MARKED, GEN3, GEN3, True),
        (MARKED, GEN3, None, False),
        (MARKED, GEN3, Token("AT-3", refresh_token="RT-3", generation=3), False),
    ],
    ids=[
        "nothing-stored",
        "higher",
        "lower",
        "same-as-read",
        "same-read-nothing",
        "same-read-other",
    ],
)
def test_may_replace_keeps_the_custody_rule(
    new: Token, current: Token | None, expected: Token | None, allowed: bool
) -> None:
    assert may_replace(new, current, expected) is allowed


# -- marks ----------------------------------------------------------------------------------


def test_a_mark_is_now_plus_less_than_a_millisecond() -> None:
    marked = with_intent(GEN3, 1000.0)
    assert marked.refresh_sent_at is not None
    assert 1000.0 <= marked.refresh_sent_at < 1000.001
    assert (marked.access_token, marked.refresh_token, marked.generation) == ("AT-3", "RT-3", 3)


def test_an_earlier_mark_is_kept_unless_marking_again() -> None:
    assert with_intent(MARKED, 2000.0) is MARKED
    again = with_intent(MARKED, 2000.0, again=True)
    assert again.refresh_sent_at is not None
    assert 2000.0 <= again.refresh_sent_at < 2000.001


def test_two_marks_at_the_same_clock_reading_differ() -> None:
    marks = {with_intent(GEN3, 1000.0).refresh_sent_at for _ in range(20)}
    assert len(marks) > 1


@pytest.mark.parametrize(
    ("stored", "known", "own", "foreign"),
    [
        (MARKED, GEN3, None, 1500.25),
        (MARKED, GEN3, 1400.0, 1500.25),
        (MARKED, GEN3, 1500.25, None),  # its own mark
        (None, GEN3, None, None),
        (MARKED, None, None, None),
        (GEN3, GEN3, None, None),  # not marked
        (MARKED, Token("AT-3", refresh_token="RT-other", generation=3), None, None),
        (MARKED, Token("AT-3", refresh_token="RT-3", generation=2), None, None),
    ],
    ids=[
        "marked",
        "marked-by-another",
        "own-mark",
        "nothing-stored",
        "nothing-known",
        "unmarked",
        "other-refresh-token",
        "other-generation",
    ],
)
def test_foreign_intent_is_another_workers_mark_on_the_same_refresh_token(
    stored: Token | None, known: Token | None, own: float | None, foreign: float | None
) -> None:
    assert foreign_intent(stored, known, own) == foreign


# -- what a refused refresh token means -----------------------------------------------------


@pytest.mark.parametrize(
    ("vouched", "now_stored", "foreign_since", "own", "meaning"),
    [
        (GEN3, GEN4, None, None, "superseded"),
        (GEN3, GEN3, None, None, "revoked"),
        (GEN3, None, None, None, "revoked"),
        (GEN3, GEN3, 1400.0, None, "pending"),  # another worker had sent it first
        (GEN3, MARKED, None, 1400.0, "pending"),  # another worker sent it meanwhile
        (GEN3, MARKED, None, 1500.25, "revoked"),  # the mark is this worker's own
        (None, None, None, None, "pending"),  # the store lost the record
        (Token("AT-2", refresh_token="RT-2", generation=2), None, None, None, "pending"),
        (Token("AT-3", refresh_token="RT-x", generation=3), None, None, None, "pending"),
        (Token("AT-5", refresh_token="RT-3", generation=5), None, None, None, "pending"),
    ],
    ids=[
        "newer-stored",
        "vouched-and-still-stored",
        "vouched-then-gone",
        "foreign-before",
        "foreign-after",
        "own-mark-after",
        "never-vouched",
        "vouched-older",
        "vouched-other-refresh-token",
        "vouched-other-generation",
    ],
)
def test_a_refusal_is_revoked_only_when_the_store_vouched_and_nobody_else_spent_it(
    vouched: Token | None,
    now_stored: Token | None,
    foreign_since: float | None,
    own: float | None,
    meaning: str,
) -> None:
    kind = refusal(
        spent=GEN3, vouched=vouched, now_stored=now_stored, foreign_since=foreign_since, own=own
    )
    assert kind == meaning


def test_a_stored_token_of_the_same_generation_does_not_supersede() -> None:
    same = Token("AT-3b", refresh_token="RT-3b", generation=3)
    assert refusal(spent=GEN3, vouched=GEN3, now_stored=same, foreign_since=None) == "revoked"
