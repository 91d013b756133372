"""The client every API command uses, built from ``FLIPKART_*`` variables, and dry runs.

A dry run is the real run with one difference: the requests that would change something
are recorded instead of sent. Everything before them happens as in the real run (the
token, the look-ups a bulk call makes, every check of every row), so a dry run fails
exactly where the real run would, and shows the bodies the real run would send.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

import httpx

from ._errors import EXIT_OK, EXIT_PARTIAL, bad_input, classify
from ._text import plural

if TYPE_CHECKING:
    from .. import FlipkartClient

__all__ = ["DryRun", "Recorded", "client_from_env"]


@dataclass(frozen=True)
class Recorded:
    """One request a dry run kept from being sent."""

    method: str
    url: str
    body: Any


class DryRun(httpx.BaseTransport):
    """Sends what reads; inside :meth:`intercepting`, records everything else instead.

    Intercepted requests are answered ``200 {}``: what the library makes of that answer
    is not shown, only what it would have sent.
    """

    def __init__(self) -> None:
        proxy = next(
            (
                os.environ[name]
                for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")
                if os.environ.get(name)
            ),
            None,
        )
        self._inner = httpx.HTTPTransport(proxy=proxy)
        self._intercepting = False
        self._lock = threading.Lock()
        self.recorded: list[Recorded] = []

    @contextmanager
    def intercepting(self) -> Iterator[None]:
        """Inside the block, every request but a ``GET`` is recorded and not sent."""
        self._intercepting = True
        try:
            yield
        finally:
            self._intercepting = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self._intercepting or request.method == "GET":
            return self._inner.handle_request(request)
        content = request.read()
        try:
            body: Any = json.loads(content) if content else None
        except ValueError:
            body = content.decode("utf-8", "replace")
        with self._lock:
            self.recorded.append(Recorded(request.method, str(request.url), body))
        return httpx.Response(200, json={}, request=request)

    def close(self) -> None:
        self._inner.close()

    def show(
        self,
        out: TextIO,
        err: TextIO,
        *,
        items: int,
        noun: str,
        results: Iterable[Any] = (),
    ) -> int:
        """Print every recorded request and its body on ``out``, a summary on ``err``.

        ``results``: what the library made of the run; an item it settled without
        sending (an id Flipkart does not know...) would fail in the real run too, so it is
        listed, and the exit code is 5 as the real run's would be. An item whose real
        request failed (the token, a read: no network, credentials refused) is listed too;
        when that is every item, for one reason, the exit code is that failure's, as the
        real run's would be. A dry run that could not check is never reported as done.
        """
        from ..errors import FlipkartError, MalformedResponse

        results = list(results)

        total = len(self.recorded)
        for number, request in enumerate(self.recorded, 1):
            out.write(f"# request {number} of {total}: {request.method} {request.url}\n")
            out.write(json.dumps(request.body, indent=2, ensure_ascii=False) + "\n")
        out.flush()
        from ..shipments import NOT_IN_ANSWER

        # What the dry run's stand-in answers did to a result (no entry, or a request
        # "failed" on the empty answer) says nothing; a result settled before sending does.
        refused = [
            result
            for result in results
            if not result.ok
            and result.status != NOT_IN_ANSWER
            and getattr(result, "error", None) is None
        ]
        # Only a stand-in answer ("200 {}") can make a MalformedResponse here; any other
        # error came from a request that was really sent, or from the token store.
        failed = [
            result
            for result in results
            if not result.ok
            and isinstance(getattr(result, "error", None), FlipkartError)
            and not isinstance(result.error, MalformedResponse)
        ]
        for result in refused:
            print(f"flipkart: would be refused: {result}", file=err)
        for result in failed:
            print(f"flipkart: could not be checked: {result}", file=err)
        code = EXIT_PARTIAL if refused or failed else EXIT_OK
        every = [*refused, *failed]
        if failed and len(failed) == len(every) == len(results):
            codes = {classify(result.error)[0] for result in failed}
            if len(codes) == 1:
                code = codes.pop()
        summary = (
            f"Dry run: {plural(items, noun)} checked; {plural(total, 'request')} would be "
            "sent (shown on stdout); nothing was changed"
        )
        if every:
            summary += f"; {len(every)} would not go through (listed above; exit {code})"
        print(summary + ".", file=err)
        return code


def client_from_env(args: SimpleNamespace, *, dry_run: DryRun | None = None) -> FlipkartClient:
    """A :class:`FlipkartClient` from the environment; ``--retries`` sets the retry budget.

    Missing or invalid variables raise ``BadInput`` (exit 2), naming the variable
    but never its value. With ``dry_run`` the client sends through it.
    """
    from .. import FlipkartClient, RetryPolicy

    overrides: dict[str, Any] = {}
    if args.retries is not None:
        overrides["retry"] = RetryPolicy(max_attempts=args.retries + 1)
    if dry_run is not None:
        overrides["transport"] = dry_run
    with bad_input():
        return FlipkartClient.from_env(**overrides)
