"""``serve()``: run the emulator in the foreground until Ctrl-C (or SIGTERM)."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType
from typing import Any, TextIO

from ._emulator import DEFAULT_CLIENT_SECRET, Emulator

__all__ = ["serve"]


def _banner(emu: Emulator, out: TextIO) -> None:
    secret = (
        emu.client_secret
        if emu.client_secret == DEFAULT_CLIENT_SECRET
        else "(the secret you configured)"
    )
    lines = [
        f"Flipkart sandbox emulator listening on {emu.url}",
        f"  API base URL:   {emu.api_base_url}",
        f"  OAuth base URL: {emu.oauth_base_url}",
        f"  client id:      {emu.client_id}",
        f"  client secret:  {secret}  (a test credential only this emulator accepts)",
        f"  control:        {emu.url}/_emulator/state",
    ]
    url = emu.webhooks.settings.url
    if url is not None:
        lines.append(f"  notifications:  POSTed to {url}, signed with the client id and secret")
    generic = len(emu.generic_operations)
    served = f"  operations:     all {len(emu.operations)} of the spec's"
    if generic:
        served += f" ({generic} newer than the emulator, answered from the spec alone)"
    lines += [served, "Press Ctrl-C to stop."]
    print("\n".join(lines), file=out, flush=True)


def serve(
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    orders: int = 0,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stop_event: threading.Event | None = None,
    **options: Any,
) -> None:
    """Serve an emulator on ``host:port`` until interrupted, printing URLs and credentials.

    ``orders`` creates that many approved test orders up front; other keyword options go
    to :class:`Emulator` (``expires_in``, ``client_id``, ``client_secret``, ``seed``,
    ``notify_url``...). ``err`` receives the traceback of any failure inside the emulator
    (default ``sys.stderr``). ``stop_event`` lets an embedding program end the loop
    without a signal. ``OSError`` when ``host:port`` cannot be bound.
    """
    out = out or sys.stdout
    done = stop_event or threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():

        def _on_sigterm(signum: int, frame: FrameType | None) -> None:
            done.set()

        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with Emulator(host=host, port=port, stderr=err, **options) as emu:
            if orders:
                emu.create_test_orders(count=orders)
            _banner(emu, out)
            try:
                while not done.wait(0.5):
                    pass
            except KeyboardInterrupt:
                pass
            print("Emulator stopped.", file=out, flush=True)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
