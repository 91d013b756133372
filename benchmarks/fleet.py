"""Fleet: many processes sharing one Redis for tokens and a rate budget.

The scenarios live with the tests (``tests/fleet/_scenarios.py``) and run here at the
issue's full sizes, against a redis-server started on a free loopback port and the
loopback Flipkart of ``tests/fleet/_fleet_app.py`` (strict refresh-token rotation, every
token request counted by the server):

1. storm: 8 processes (4 sync, 4 asyncio) x 100 sellers, every seller's token expired
   (half) or revoked (half), all calling at once: the server must count exactly 100
   token requests, and all 800 calls must succeed;
2. rotation race: 2 processes refresh the same seller at the same moment, 200 rounds:
   0 refresh tokens lost (Redis holds the server's live one after every round), both
   processes on the newest access token;
3. budget: 8 processes share 20 requests/s for 10 s: the server's count in that window
   gives 18 to 21 requests/s; then one 429 with ``Retry-After: 2`` pauses every process
   for about 2 s (the first request the server sees after it, skipping one already on
   its way within 0.1 s).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from _measure import row

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the scenarios are shared with the tests

__all__ = ["BUDGET_PROCESSES", "PROCESSES", "RATE", "ROUNDS", "SECONDS", "SELLERS", "run"]

PROCESSES, SELLERS, ROUNDS = 8, 100, 200
BUDGET_PROCESSES, RATE, SECONDS = 8, 20.0, 10.0


def run(
    *,
    processes: int = PROCESSES,
    sellers: int = SELLERS,
    rounds: int = ROUNDS,
    budget_processes: int = BUDGET_PROCESSES,
    rate: float = RATE,
    seconds: float = SECONDS,
) -> list[dict[str, Any]]:
    """The three fleet figures, each from a fresh loopback Flipkart and an emptied Redis."""
    import redis

    from tests.fleet import _scenarios as scenarios
    from tests.fleet._fleet_app import fleet_server
    from tests.fleet._redis import RedisServer

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="flipkart-fleet-") as scratch:
        server = RedisServer(Path(scratch)).start()
        try:

            def fresh() -> None:
                with redis.Redis.from_url(server.url) as connection:
                    connection.flushall()

            fresh()
            with fleet_server() as flipkart:
                storm = scenarios.storm(flipkart, server.url, processes=processes, sellers=sellers)
            calls = processes * sellers
            rows.append(
                row(
                    f"fleet storm: token requests ({processes} processes x {sellers} sellers)",
                    storm.token_requests,
                    "requests",
                    f"= {sellers}",
                    storm.token_requests == sellers
                    and storm.calls_ok == calls
                    and not storm.errors,
                    measured=(
                        f"{storm.token_requests} token requests, {storm.calls_ok}/{calls} calls ok "
                        f"in {storm.seconds:.1f} s"
                        + (f", errors {storm.errors}" if storm.errors else "")
                    ),
                )
            )
            fresh()
            with fleet_server() as flipkart:
                race = scenarios.rotation_race(flipkart, server.url, rounds=rounds)
            rows.append(
                row(
                    f"rotation race: lost refresh tokens (2 processes x {rounds} rounds)",
                    race.lost_refresh_tokens,
                    "lost",
                    "0",
                    race.lost_refresh_tokens == 0 and race.stale_processes == 0 and not race.errors,
                    measured=(
                        f"{race.lost_refresh_tokens} lost, {race.stale_processes} stale, "
                        f"{race.token_requests} token requests"
                    ),
                )
            )
            fresh()
            with fleet_server() as flipkart:
                budget = scenarios.budget_run(
                    flipkart, server.url, processes=budget_processes, rate=rate, seconds=seconds
                )
            rows.append(
                row(
                    f"shared budget: aggregate rate ({budget_processes} processes, {rate:g}/s, {seconds:g} s)",
                    budget.measured_rate,
                    "req/s",
                    f"{rate * 0.9:g}-{rate * 1.05:g}",
                    rate * 0.9 <= budget.measured_rate <= rate * 1.05 and not budget.errors,
                )
            )
            rows.append(
                row(
                    "shared budget: fleet-wide pause after one 429 (Retry-After: 2)",
                    budget.pause_seconds,
                    "s",
                    "1.9-2.6",
                    1.9 <= budget.pause_seconds <= 2.6,
                )
            )
        finally:
            server.stop()
    return rows


if __name__ == "__main__":
    for line in run():
        print(line)
