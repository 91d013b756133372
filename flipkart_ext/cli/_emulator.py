"""``flipkart emulator serve`` and ``flipkart emulator trigger``."""

from __future__ import annotations

import json
import os
from types import SimpleNamespace
from typing import TextIO

from ._errors import EXIT_API, EXIT_OK, BadInput

__all__ = ["run_serve", "run_trigger"]

#: The options of ``emulator serve`` that ``flipkart_ext.testing.serve`` takes, by the same name.
_SERVE_OPTIONS = ("host", "port", "orders", "returns", "listings", "seed", "notify_url", "env_file")


def run_serve(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Serve until Ctrl-C or SIGTERM; the banner prints the ``export FLIPKART_...`` lines.

    With ``--notify-url`` every state change is POSTed there as Flipkart's signed
    notification. A failure inside the emulator is printed to ``err`` and answered 500.
    A port in use, an unwritable ``--env-file`` and a missing extra are bad configuration.
    """
    from ..testing import serve

    try:
        serve(**{name: getattr(args, name) for name in _SERVE_OPTIONS}, out=out, err=err)
    except KeyboardInterrupt:
        print("Emulator stopped.", file=out)
    except OSError as exc:
        if args.env_file is not None and exc.filename == args.env_file:
            raise BadInput(f"--env-file: {exc.strerror or exc}: {exc.filename}") from exc
        raise BadInput(
            f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
            "choose another --port (0 picks a free one)"
        ) from exc
    except ValueError as exc:  # e.g. --notify-url that is no http(s) URL
        raise BadInput(str(exc)) from exc
    return EXIT_OK


def run_trigger(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Send one signed notification of ``args.event`` to ``args.url``; print what was sent.

    The body is built by the emulator's own event builders; the signature is
    :func:`flipkart_ext.notifications.sign` with the application's id and secret from
    ``FLIPKART_CLIENT_ID`` / ``FLIPKART_CLIENT_SECRET``, or the emulator's test ones.
    Exit 0 when the receiver answered 2xx, 1 otherwise (3 when nothing answered).
    """
    import httpx

    from .. import APIConnectionError
    from ..notifications import sign
    from ..testing import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, sample_event

    if not args.url.startswith(("http://", "https://")):
        raise BadInput(f"--to: expected an http:// or https:// URL, got {args.url!r}")
    given = [os.environ.get(name) for name in ("FLIPKART_CLIENT_ID", "FLIPKART_CLIENT_SECRET")]
    if any(given) and not all(given):
        # One without the other would sign with a secret the receiver does not expect.
        raise BadInput("set both FLIPKART_CLIENT_ID and FLIPKART_CLIENT_SECRET, or neither")
    app_id = given[0] or DEFAULT_CLIENT_ID
    secret = given[1] or DEFAULT_CLIENT_SECRET
    body = sample_event(args.event, seed=args.seed)
    payload = json.dumps(body, separators=(",", ":")).encode()
    headers = {
        **sign(url=args.url, method="POST", app_id=app_id, app_secret=secret),
        "Content-Type": "application/json",
    }
    try:
        response = httpx.post(args.url, content=payload, headers=headers, timeout=10)
    except httpx.RequestError as exc:
        raise APIConnectionError(f"no answer from {args.url}: {type(exc).__name__}") from exc
    out.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    out.flush()
    source = (
        "FLIPKART_CLIENT_ID and FLIPKART_CLIENT_SECRET"
        if os.environ.get("FLIPKART_CLIENT_ID")
        else "the emulator's test credentials"
    )
    print(
        f"Sent {body.get('eventType')} to {args.url}, signed for application {app_id} "
        f"({source}): HTTP {response.status_code}",
        file=err,
    )
    if not response.is_success:
        print(f"flipkart: error: the receiver answered HTTP {response.status_code}", file=err)
        return EXIT_API
    return EXIT_OK
