"""The custody rule and the renewal's decisions, as pure functions (no I/O, no clock of their own).

A refresh token can be spent once. Losing the one Flipkart just handed over means the
seller must authorize the application again, so every store and every worker keeps one
rule, written on :class:`~flipkart_ext.TokenStore`:

* **Generations order tokens.** A token obtained by renewing one of generation ``g`` has
  generation ``g + 1``; the number travels with the token itself (not in a counter kept
  elsewhere, which an eviction or a cleanup script could drop).
* **A write never goes backwards** (:func:`may_replace`): a token of a higher generation
  replaces what is stored; one of the same generation only replaces exactly the record its
  writer read (a check-and-set over every field, expiry and bookkeeping included); a lower
  one never does. So neither a worker whose lease ran out, nor an "expired" marker, nor a
  restored copy can bury a newer token, whatever the state of locks and leases.
* **Spending is recorded first.** Before a refresh token leaves, the stored record says so
  (``Token.refresh_sent_at``). A worker whose refresh is refused as spent can then tell a
  grant Flipkart revoked (the store vouched for the token, nobody else had sent it) from one
  spent by another worker that has not stored the result yet (:func:`refusal`).
* **The receiver keeps what it received** until a store holds it: the renewal keeps an
  unsaved token in memory, uses it and writes it again at every call.

The renewal driver (``_async/auth.py`` and its generated sync twin) performs the I/O these
functions decide.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import replace
from typing import Literal

from .tokens import Token

__all__ = [
    "Refusal",
    "foreign_intent",
    "freshest",
    "may_replace",
    "next_generation",
    "record_digest",
    "refusal",
    "same_grant",
    "with_intent",
]


def record_digest(token: Token | None) -> str:
    """A digest of every field of ``token`` (``""`` for none): what a check-and-set compares.

    One-way: it holds no token (an encrypted store keeps it beside the sealed record).
    """
    if token is None:
        return ""
    canonical = json.dumps(token.to_dict(), sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()[:40]


def same_grant(a: Token | None, b: Token | None) -> bool:
    """True when ``a`` and ``b`` carry the same access and refresh token (bookkeeping aside)."""
    if a is None or b is None:
        return False
    return (a.access_token, a.refresh_token, a.generation) == (
        b.access_token,
        b.refresh_token,
        b.generation,
    )


def may_replace(new: Token, current: Token | None, expected: Token | None) -> bool:
    """The custody rule: may ``new`` be written over ``current``, by a writer that read ``expected``?

    * nothing stored (a first save, or a record that was evicted): yes;
    * a higher generation than the stored one: yes, whatever the writer read;
    * the same generation: only over exactly the record the writer read;
    * a lower generation: never.
    """
    if current is None:
        return True
    if new.generation != current.generation:
        return new.generation > current.generation
    return expected is not None and record_digest(expected) == record_digest(current)


def freshest(*tokens: Token | None) -> Token | None:
    """The token of the highest generation among ``tokens`` (the first one on a tie)."""
    best: Token | None = None
    for token in tokens:
        if token is not None and (best is None or token.generation > best.generation):
            best = token
    return best


def next_generation(*tokens: Token | None) -> int:
    """The generation of a token obtained now: one more than any token known."""
    return max((t.generation for t in tokens if t is not None), default=0) + 1


def with_intent(token: Token, now: float, *, again: bool = False) -> Token:
    """``token`` marked as being spent since ``now``; an earlier mark is kept unless ``again``.

    A mark also tells workers apart: it is ``now`` plus a random fraction of a millisecond,
    so two workers marking at the same clock reading still leave different marks.
    """
    if token.refresh_sent_at is not None and not again:
        return token
    return replace(token, refresh_sent_at=now + secrets.randbelow(1_000_000) / 1e9)


def foreign_intent(stored: Token | None, known: Token | None, own: float | None) -> float | None:
    """When another worker started spending ``known``'s refresh token, if the store says one did.

    ``own`` is the mark this worker wrote, if any (its own spending is not foreign).
    """
    if stored is None or known is None or stored.refresh_sent_at is None:
        return None
    if stored.refresh_token != known.refresh_token or stored.generation != known.generation:
        return None
    if own is not None and stored.refresh_sent_at == own:
        return None
    return stored.refresh_sent_at


#: What a refused refresh token means: the seller must authorize again (``revoked``), a
#: newer token is stored (``superseded``), or another worker may hold its successor and has
#: not stored it yet (``pending``).
Refusal = Literal["revoked", "superseded", "pending"]


def refusal(
    *,
    spent: Token,
    vouched: Token | None,
    now_stored: Token | None,
    foreign_since: float | None,
    own: float | None = None,
) -> Refusal:
    """Read a refresh token refused as spent, from what the store said before and after.

    ``vouched`` is the record read under the lock before sending (``None`` if there was
    none); ``now_stored`` the record read after the refusal; ``foreign_since`` when another
    worker had marked the same refresh token as being spent (before this one sent it);
    ``own`` the mark this worker wrote (another mark found after the refusal means another
    worker sent it meanwhile, its lease overlapping this one's).
    """
    if now_stored is not None and now_stored.generation > spent.generation:
        return "superseded"
    if foreign_since is not None:
        return "pending"  # someone else sent it first: its successor is theirs
    if foreign_intent(now_stored, spent, own) is not None:
        return "pending"  # someone else sent it meanwhile
    if vouched is None or vouched.generation < spent.generation:
        return "pending"  # the store lost the record: a peer may hold a newer token
    if vouched.refresh_token != spent.refresh_token or vouched.generation != spent.generation:
        return "pending"
    return "revoked"
