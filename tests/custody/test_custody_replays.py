"""Sequences the custody state machine once found failing, replayed step by step.

Each is the sequence hypothesis printed (``make soak``), kept as a test of its own so that
the case stays fixed whatever the machine draws next.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.custody.test_custody_model import CustodyMachine


@contextmanager
def _machine(kind: str, redis_url: str = "") -> Iterator[CustodyMachine]:
    """The custody machine over ``kind``'s store, torn down after the replay."""
    machine = type(
        f"Custody{kind.title()}", (CustodyMachine,), {"kind": kind, "redis_url": redis_url}
    )
    state = machine()
    try:
        yield state
    finally:
        state.teardown()


def test_an_expired_newer_token_in_the_store_is_renewed_not_a_lost_grant(redis_url: str) -> None:
    # Record evictions let stale workers write back their own older tokens; a refusal of
    # the oldest then finds a newer, expired, token stored. That is a token to renew (the
    # live one is held by another worker), never ReauthorizationRequired.
    with _machine("redis", redis_url) as state:
        state.authorize_every_seller()
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_call(seller="s-a", worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_lease_runs_out_mid_refresh(first=2, second=0, seller="s-b", when="before")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=400)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=400)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_lease_runs_out_mid_refresh(first=2, second=1, seller="s-a", when="before")
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=60)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=3300)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_call(seller="s-b", worker=1)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=3300)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_call(seller="s-b", worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=400)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_token_record_is_evicted(seller="s-b")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_lease_runs_out_mid_refresh(first=2, second=1, seller="s-a", when="after")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=120)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_token_record_is_evicted(seller="s-b")
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=1800)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=3600)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=3300)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_token_record_is_evicted(seller="s-b")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_slow_answer(seconds=5)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=7200)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_lease_runs_out_mid_refresh(first=1, second=2, seller="s-a", when="before")
        state.the_live_refresh_token_is_stored_or_held()
        state.the_token_record_is_evicted(seller="s-b")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_lease_runs_out_mid_refresh(first=2, second=1, seller="s-b", when="before")


def test_a_delayed_save_never_replaces_a_later_authorization_memory_store() -> None:
    # The seller authorizes again through two workers; the first one's save fails and is
    # retried later. Its token must not replace the second authorization's (the live
    # grant), which the next call would then find revoked.
    with _machine("memory") as state:
        state.authorize_every_seller()
        state.the_live_refresh_token_is_stored_or_held()
        state.the_server_revokes_a_grant(seller="s-a")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_seller_authorizes_again(seller="s-a", worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_seller_authorizes_again(seller="s-a", worker=1)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=3300)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_call(seller="s-a", worker=0)


def test_a_delayed_save_never_replaces_a_later_authorization_file_store() -> None:
    # The seller authorizes again through two workers; the first one's save fails and is
    # retried later. Its token must not replace the second authorization's (the live
    # grant), which the next call would then find revoked.
    with _machine("file") as state:
        state.authorize_every_seller()
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_server_revokes_a_grant(seller="s-b")
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_seller_authorizes_again(seller="s-b", worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.the_seller_authorizes_again(seller="s-b", worker=1)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_save_raises(worker=0)
        state.the_live_refresh_token_is_stored_or_held()
        state.time_passes(seconds=3300)
        state.the_live_refresh_token_is_stored_or_held()
        state.a_call(seller="s-b", worker=0)
