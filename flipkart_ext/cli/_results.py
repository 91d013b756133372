"""What the bulk commands print: one line per item on stdout, a summary on stderr.

stdout carries ``<shipment id> TAB <status> TAB <error code> TAB <message>`` for every
shipment, in input order, so a script can keep the ones that went through::

    flipkart shipments pack --auto --tax-rate 18 | awk -F'\\t' '$2 == "SUCCESS" {print $1}'

Answers that did not match their request (``BatchResults.anomalies``: an item the request
did not carry, one named twice, one left out) are listed on stderr, one line each, and
count as a partial result. The exit code is 0 when every item went through and no
answer was out of turn, ``EXIT_PARTIAL`` (5) otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from ._errors import EXIT_OK, EXIT_PARTIAL, BadInput, classify, one_line
from ._text import plural

if TYPE_CHECKING:
    from .. import BatchAnomaly, BatchResults, FlipkartClient, ShipmentFilter
    from ..shipments import ShipmentResult
    from ._client import DryRun

__all__ = [
    "Bulk",
    "anomaly_line",
    "cell",
    "conclude",
    "every_shipment",
    "exit_code",
    "report",
    "report_anomalies",
]


def cell(text: object) -> str:
    """One tab-free, one-line cell (empty for ``None``)."""
    return one_line(str(text)).replace("\t", " ") if text not in (None, "") else ""


def anomaly_line(anomaly: BatchAnomaly) -> str:
    """``request 2: unexpected SH-9: <detail>`` (requests counted from 1)."""
    return (
        f"request {anomaly.request + 1}: {anomaly.kind} {anomaly.key}: {one_line(anomaly.detail)}"
    )


def report_anomalies(anomalies: Sequence[BatchAnomaly], err: TextIO) -> None:
    """One ``flipkart: anomaly: ...`` line per answer that did not match its request."""
    for anomaly in anomalies:
        print(f"flipkart: anomaly: {anomaly_line(anomaly)}", file=err)


def exit_code(results: BatchResults[Any]) -> int:
    """0 when every item went through; the code of the failure when the whole call failed
    for one reason (every request failed: Flipkart down, no network, credentials refused);
    5 for anything partial, anomalies included."""
    failed = results.failed
    if not failed and not results.anomalies:
        return EXIT_OK
    errors = [getattr(result, "error", None) for result in failed]
    if results and len(failed) == len(results) and all(e is not None for e in errors):
        codes = {classify(error)[0] for error in errors if error is not None}
        if len(codes) == 1:
            return codes.pop()
    return EXIT_PARTIAL


def summary(
    *, done: str, succeeded: int, total: int, noun: str, requests: int, failed: int, anomalies: int
) -> str:
    """``Packed 2 of 3 shipments in 1 request; 1 not packed ...``."""
    text = (
        f"{done[0].upper()}{done[1:]} {succeeded} of {plural(total, noun)} "
        f"in {plural(requests, 'request')}"
    )
    if failed:
        text += f"; {failed} not {done} (listed with their reason)"
    if anomalies:
        text += (
            f"; {plural(anomalies, 'answer')} did not match the request (listed above); "
            "check those items before sending them again"
        )
    return text


def report(results: BatchResults[ShipmentResult], out: TextIO, err: TextIO, *, done: str) -> int:
    """Print every result and a summary (``done``: ``packed``, ``cancelled``...); the exit code."""
    for result in results:
        cells = (result.shipment_id, result.status, result.error_code, result.error_message)
        print("\t".join(cell(c) for c in cells), file=out)
    out.flush()
    return conclude(results, err, done=done, noun="shipment")


def conclude(results: BatchResults[Any], err: TextIO, *, done: str, noun: str) -> int:
    """The anomalies, then the summary line, on ``err``; the exit code."""
    anomalies = results.anomalies
    report_anomalies(anomalies, err)
    failed = len(results.failed)
    print(
        summary(
            done=done,
            succeeded=len(results) - failed,
            total=len(results),
            noun=noun,
            requests=results.requests,
            failed=failed,
            anomalies=len(anomalies),
        ),
        file=err,
    )
    return exit_code(results)


def every_shipment(
    client: FlipkartClient, search: ShipmentFilter, err: TextIO, *, none: str
) -> list[Any]:
    """Every shipment ``search`` finds; when there is none, ``none`` is said on ``err``."""
    found = list(client.shipments.search(search))
    if not found:
        print(none, file=err)
    return found


@dataclass(frozen=True)
class Bulk:
    """Where a bulk shipment command reports (``out``, ``err``), and the recorder of
    ``--dry-run`` (``None``: the call is sent)."""

    out: TextIO
    err: TextIO
    dry_run: DryRun | None = None

    def run(
        self,
        send: Callable[[], BatchResults[ShipmentResult]],
        *,
        items: int,
        done: str,
        rename: Callable[[str], str],
    ) -> int:
        """Send one bulk shipment call and :func:`report` its results (``done``: what
        happened to a shipment); with ``--dry-run``, show the requests it would send
        instead. Input the library refuses is bad input, its message in the command's
        terms (``rename``). The exit code."""
        from ..errors import InvalidItem

        try:
            if self.dry_run is None:
                return report(send(), self.out, self.err, done=done)
            with self.dry_run.intercepting():
                results = send()
        except InvalidItem as exc:
            raise BadInput(rename(str(exc))) from exc
        return self.dry_run.show(self.out, self.err, items=items, noun="shipment", results=results)
