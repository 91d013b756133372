"""A simulated year of token custody (issue 20's acceptance), for each store.

``make test`` runs a quarter with 12 sellers; ``make soak`` the full year with 100 sellers
and 4 workers, for every store, as ``make bench`` reports it.
"""

from __future__ import annotations

import os

import pytest

from tests.custody._year import simulate_year

SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"
SIZES = {"sellers": 100, "days": 365} if SOAK else {"sellers": 12, "days": 130}


@pytest.mark.soak
@pytest.mark.parametrize("kind", ["memory", "file", "redis"])
def test_a_year_without_a_lockout(kind: str, redis_url: str) -> None:
    result = simulate_year(kind, workers=4, redis_url=redis_url, fault_rate=0.08, **SIZES)  # type: ignore[arg-type]
    assert result.reauthorizations == 0
    assert result.lost == 0
    assert sum(result.faults.values()) > 0  # the faults were drawn, not skipped
    assert result.minimum_token_requests > 0
    # At most 1% above the fewest the lifetimes allow (a small run: at most 2 requests more).
    extra = result.token_requests - result.minimum_token_requests
    assert result.excess <= 0.01 or extra <= 2, (
        result.token_requests,
        result.minimum_token_requests,
    )
    # Calls fail only with the typed errors of a failing store, never otherwise.
    assert set(result.typed_failures) <= {"TokenStoreError"}
