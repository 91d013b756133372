"""A simulated year of token custody, for each store: 0 reauthorizations, 0 tokens lost.

100 sellers and 4 workers (threads, each with a store object of its own as a process has)
share each store; the clock is injected, access tokens live 60 days and refresh tokens 180
days, rotating at every refresh, and faults are drawn along the way (a save raising, the
store down for a day, a record evicted, auxiliary keys lost, slow answers, a lease lost
mid-refresh). The simulation lives with the tests (``tests/custody/_year.py``); real worker
processes are covered by the fleet figures (``benchmarks/fleet.py``).

Targets: no call ends in ``ReauthorizationRequired``; the server's live refresh token is
the stored one for every seller; token requests within 1% of the fewest the lifetimes allow
for the calls made (one renewal each time a call finds the token in its refresh window).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from _measure import row

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the simulation is shared with the tests

__all__ = ["DAYS", "SELLERS", "STORES", "WORKERS", "run"]

SELLERS, WORKERS, DAYS = 100, 4, 365
STORES = ("memory", "file", "redis")


def run(
    *, sellers: int = SELLERS, workers: int = WORKERS, days: int = DAYS
) -> list[dict[str, Any]]:
    """One row per store: reauthorizations, tokens lost and token requests against the minimum."""
    from tests.custody._year import simulate_year
    from tests.fleet._redis import RedisServer

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="flipkart-year-") as scratch:
        redis = RedisServer(Path(scratch)).start()
        try:
            for kind in STORES:
                result = simulate_year(
                    kind, sellers=sellers, workers=workers, days=days, redis_url=redis.url
                )
                faults = sum(result.faults.values())
                rows.append(
                    row(
                        f"year ({kind}): reauthorizations, tokens lost",
                        result.reauthorizations + result.lost,
                        "",
                        "0 and 0",
                        result.reauthorizations == 0 and result.lost == 0,
                        measured=(
                            f"{result.reauthorizations} and {result.lost} over {result.calls:,} "
                            f"calls, {faults} faults, {sum(result.typed_failures.values())} "
                            f"typed failures ({result.seconds:.0f} s)"
                        ),
                    )
                )
                rows.append(
                    row(
                        f"year ({kind}): token requests vs fewest possible",
                        result.token_requests,
                        "requests",
                        "<= +1%",
                        result.excess <= 0.01,
                        measured=(
                            f"{result.token_requests} vs {result.minimum_token_requests} "
                            f"({result.excess:+.1%})"
                        ),
                    )
                )
        finally:
            redis.stop()
    return rows
