"""``serve()``: run the emulator in the foreground until Ctrl-C (or SIGTERM)."""

from __future__ import annotations

import os
import shlex
import signal
import sys
import threading
from types import FrameType
from typing import Any, TextIO

from .._boundary import guarded
from ..errors import LocalFileError
from ._emulator import DEFAULT_CLIENT_SECRET, Emulator

__all__ = ["client_environment", "export_lines", "serve", "write_env_file"]


# Variables a leftover value of which would steer a client away from the emulator, or
# into a grant it does not expect; the banner unsets them.
_LEFTOVERS = (
    "FLIPKART_ENV",
    "FLIPKART_SELLER_ID",
    "FLIPKART_REFRESH_TOKEN",
    "FLIPKART_ACCESS_TOKEN",
)


def client_environment(emu: Emulator) -> dict[str, str]:
    """The ``FLIPKART_*`` variables that point ``FlipkartClient.from_env()`` at ``emu``."""
    return {
        "FLIPKART_CLIENT_ID": emu.client_id,
        "FLIPKART_CLIENT_SECRET": emu.client_secret,
        "FLIPKART_API_BASE_URL": emu.api_base_url,
        "FLIPKART_OAUTH_BASE_URL": emu.oauth_base_url,
    }


def export_lines(emu: Emulator) -> list[str]:
    """``export NAME=value`` lines for a POSIX shell, values quoted.

    A secret other than the emulator's default test secret is never printed: its line is
    a comment to complete by hand.
    """
    lines = []
    for name, value in client_environment(emu).items():
        if name == "FLIPKART_CLIENT_SECRET" and value != DEFAULT_CLIENT_SECRET:
            lines.append(f"# export {name}=...  (the secret you configured)")
        else:
            lines.append(f"export {name}={shlex.quote(value)}")
    return lines


def write_env_file(emu: Emulator, path: str | os.PathLike[str]) -> None:
    """Write :func:`export_lines` to ``path`` (mode 0600: it holds the test secret)."""
    text = (
        "# Written by the Flipkart sandbox emulator; load with: . " + shlex.quote(str(path)) + "\n"
    )
    text += "\n".join(export_lines(emu)) + "\n"
    # Never through a symbolic link (it could point anywhere), and 0600 even when the file
    # existed with wider permissions: it holds the test secret.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        # Typed, and still an OSError naming the file (errno and filename kept).
        raise LocalFileError(exc.errno, exc.strerror, str(path)) from None


def _seeded(emu: Emulator) -> str:
    state = emu.state()
    parts = [
        f"{state['shipments']} shipments" if state["shipments"] else "",
        f"{state['returns']} returns" if state["returns"] else "",
        f"{len(state['listings'])} listings",
    ]
    return ", ".join(part for part in parts if part)


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def _warn_if_exposed(host: str, err: TextIO) -> None:
    """A warning when the emulator is reachable from other machines."""
    if not _is_loopback(host):
        print(
            f"warning: listening on {host}, not on loopback: anyone who can reach this machine "
            "can use the emulator, its test credentials and its control endpoints",
            file=err,
            flush=True,
        )


def _banner(emu: Emulator, out: TextIO, env_file: str | os.PathLike[str] | None) -> None:
    served = f"all {len(emu.operations)} operations of the spec"
    generic = len(emu.generic_operations)
    if generic:
        served += f", {generic} newer than the emulator answered from the spec alone"
    lines = [
        f"Flipkart sandbox emulator listening on {emu.url} ({served})",
        f"Seller data: {_seeded(emu)}.",
        "Point FlipkartClient.from_env() and the flipkart command at it, in another shell:",
        "",
        "unset " + " ".join(_LEFTOVERS),
        *export_lines(emu),
        "",
    ]
    if emu.client_secret == DEFAULT_CLIENT_SECRET:
        lines.append(f"{emu.client_secret} is a test credential only this emulator accepts.")
    if env_file is not None:
        lines.append(f"The export lines are in {env_file} too: . {shlex.quote(str(env_file))}")
    lines.append(
        f"Control endpoints (seed orders, returns, listings; faults): {emu.url}/_emulator/"
    )
    url = emu.webhooks.settings.url
    if url is not None:
        lines.append(f"Notifications: POSTed to {url}, signed with the client id and secret.")
    lines.append("Press Ctrl-C to stop.")
    print("\n".join(lines), file=out, flush=True)


@guarded
def serve(
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    orders: int = 0,
    returns: int = 0,
    listings: int = 0,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stop_event: threading.Event | None = None,
    env_file: str | os.PathLike[str] | None = None,
    **options: Any,
) -> None:
    """Serve an emulator on ``host:port`` until interrupted, printing the variables to export.

    ``orders`` creates that many approved test orders up front, ``returns`` that many
    customer returns (of delivered orders), ``listings`` that many more listings in the
    catalog (``SKU-NNNN``, 100 units at every location); other keyword options go
    to :class:`Emulator` (``expires_in``, ``client_id``, ``client_secret``, ``seed``,
    ``notify_url``...). ``err`` receives the traceback of any failure inside the emulator
    (default ``sys.stderr``). ``stop_event`` lets an embedding program end the loop
    without a signal. ``env_file`` also writes the ``export`` lines to that file.
    ``OSError`` when ``host:port`` cannot be bound, :class:`~flipkart_ext.LocalFileError`
    (an ``OSError`` too) when ``env_file`` cannot be written.
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
            if returns:
                emu.create_returns(count=returns)
            if listings:
                emu.add_listings(listings)
            if env_file is not None:
                write_env_file(emu, env_file)
            _warn_if_exposed(host, err or sys.stderr)
            _banner(emu, out, env_file)
            try:
                while not done.wait(0.5):
                    pass
            except KeyboardInterrupt:
                pass
            print("Emulator stopped.", file=out, flush=True)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
