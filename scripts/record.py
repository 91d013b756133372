"""Re-record every cassette under tests/cassettes/recorded/, then replay them once.

    python scripts/record.py          # `make record`

By default the cassettes are recorded from the local emulator (flipkart_ext.testing),
started on a fixed loopback port with a fixed clock, so a second recording changes
nothing. With FLIPKART_SANDBOX_CLIENT_ID and FLIPKART_SANDBOX_CLIENT_SECRET set (and
FLIPKART_SANDBOX_LISTING_ID naming one of the sandbox seller's listings), the same
scenarios are recorded from Flipkart's real sandbox; each creates its own test orders
through the sandbox helper endpoint first. Scenarios that need the emulator (injected
401, 429 and 503, an e-way bill whose filing fails, a listing for a catalogue product;
marked ``emulator_only``) keep their emulator recordings.

Secrets are scrubbed before anything is written (flipkart_ext.testing.cassettes).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = "tests/cassettes"


def main() -> int:
    sandbox = bool(
        os.environ.get("FLIPKART_SANDBOX_CLIENT_ID")
        and os.environ.get("FLIPKART_SANDBOX_CLIENT_SECRET")
    )
    if sandbox and not os.environ.get("FLIPKART_SANDBOX_LISTING_ID"):
        print(
            "record: set FLIPKART_SANDBOX_LISTING_ID to a listing of the sandbox seller",
            file=sys.stderr,
        )
        return 2
    record = [sys.executable, "-m", "pytest", SUITE, "--record-mode=rewrite", "-q"]
    if sandbox:
        record += ["-m", "not emulator_only"]
    print(f"record: recording from {'the Flipkart sandbox' if sandbox else 'the local emulator'}")
    recorded = subprocess.run(record, cwd=ROOT, check=False)
    if recorded.returncode != 0:
        return recorded.returncode
    print("record: replaying the new cassettes")
    return subprocess.run(
        [sys.executable, "-m", "pytest", SUITE, "-q"], cwd=ROOT, check=False
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
