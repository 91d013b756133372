"""The request pipeline: faults, authentication, routing, contract check, handler, noise.

For a call under ``/sellers`` the steps are, in order: log it, wait out the configured
latency, apply a queued fault (401/429/5xx answer at once; a dropped connection before or
after processing), check the bearer token (401), route (404/405; an operation without a handler is answered from the spec), check the request
against the spec (400), run the handler under the emulator's lock, add noise.

A handler that raises is a bug of the emulator, not of the caller: its traceback goes to
the emulator's stderr whatever the logging set-up, and the caller gets a 500 naming the
operation, so that a test fails loudly instead of hanging on a dropped connection.

A request body is decoded once, by :func:`decode_json_body`, before any handler or control
endpoint sees it. What the emulator could not hold to the spec is refused there with a 400:
bytes that are not UTF-8, ``NaN`` / ``Infinity`` (not JSON), numbers out of range, duplicate
names (which object would be meant?) and nesting deeper than ``MAX_JSON_DEPTH``. Otherwise a
10,000-deep array would reach the contract check's recursion and come back as a 500.
"""

from __future__ import annotations

import json
import math
import sys
import threading
import traceback
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, NamedTuple, TextIO

from ..errors import ConfigurationError
from ._contract import API_PREFIX, OAUTH_PREFIX, SpecContract
from ._control import ControlApi
from ._faults import Fault, Faults
from ._generic import generic_response
from ._noise import add_noise
from ._oauth import OAuthService, TokenStore
from ._wire import (
    JSON_CONTENT_TYPE,
    Call,
    Request,
    Response,
    WireAction,
    error_response,
)

__all__ = [
    "MAX_JSON_DEPTH",
    "BadBody",
    "EmulatorApp",
    "Handler",
    "Outcome",
    "RecordedRequest",
    "decode_json_body",
]

Handler = Callable[[Call], Response]

MAX_JSON_DEPTH = 64
"""The deepest request body accepted; Flipkart's deepest documented body has 6 levels."""


class BadBody(ValueError):
    """A request body the emulator refuses; the message says why, for the 400."""


def _refuse_constant(name: str) -> Any:
    raise BadBody(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise BadBody(f"the number {text[:40]} is out of range")
    return value


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise BadBody(f"the name {name[:60]!r} appears twice in one object")
        result[name] = value
    return result


def _depth_within(value: Any, limit: int) -> bool:
    # Iterative: the point is to refuse what would exhaust a recursive walk later.
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return False
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return True


def decode_json_body(body: bytes) -> Any:
    """The JSON value of a request body, or :class:`BadBody` saying why it is refused."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadBody("the body is not UTF-8") from None
    try:
        value = json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_finite,
            object_pairs_hook=_unique,
        )
    except BadBody:
        raise
    except RecursionError:
        raise BadBody(f"the body is nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        raise BadBody(f"the body is not valid JSON: {str(exc)[:120]}") from None
    if not _depth_within(value, MAX_JSON_DEPTH):
        raise BadBody(f"the body is nested deeper than {MAX_JSON_DEPTH} levels")
    return value


class RecordedRequest(NamedTuple):
    """One API call as received (``query`` keeps the last value of each name)."""

    method: str
    path: str
    query: dict[str, str]


class Outcome(NamedTuple):
    """The answer to send (None: send nothing) and how to send it."""

    response: Response | None
    action: WireAction


def _fault_answer(fault: Fault) -> Response | None:
    retry = [("Retry-After", fault.retry_after)] if fault.retry_after is not None else []
    if fault.kind == "unauthorized":
        return error_response(
            401,
            "invalid_token",
            "Access token expired",
            headers=[("WWW-Authenticate", 'Bearer realm="oauth", error="invalid_token"')],
        )
    if fault.kind == "rate_limit":
        return error_response(429, "too_many_requests", "Rate limit exceeded", headers=retry)
    if fault.kind == "server_error":
        status = fault.status or 503
        return error_response(
            status, "server_error", f"Injected server error {status}", headers=retry
        )
    return None


def _cross_origin(request: Request) -> str | None:
    """Why a browser request from another page is refused, or ``None`` for any other client.

    The control endpoints create orders, cancel shipments and set faults: a web page the
    developer happens to visit must not drive them. Browsers say where a request comes from
    (``Origin``, ``Sec-Fetch-Site``); programs (httpx, curl, the test suite) send neither.
    A page the emulator itself serves (same origin) is allowed.
    """
    site = (request.header("sec-fetch-site") or "").lower()
    origin = request.header("origin")
    own = f"http://{request.header('host') or ''}"
    if site in {"cross-site", "same-site"} or (origin is not None and origin != own):
        return (
            "the emulator's control endpoints refuse requests from another origin "
            f"({origin or site}): drive them from a program or a shell"
        )
    return None


class EmulatorApp:
    """Turns a Request into an Outcome; shared by every connection thread."""

    def __init__(
        self,
        *,
        lock: threading.RLock,
        tokens: TokenStore,
        oauth: OAuthService,
        faults: Faults,
        contract: SpecContract,
        handlers: Mapping[str, Handler],
        control: ControlApi,
        sleep: Callable[[float], object],
        now: Callable[[], datetime],
        stderr: TextIO | None = None,
    ) -> None:
        self.now = now
        self._stderr = stderr
        """The data clock, also used for the HTTP ``Date`` header."""
        self._lock = lock
        self._tokens = tokens
        self._oauth = oauth
        self._faults = faults
        self._contract = contract
        self._handlers = dict(handlers)
        self._control = control
        self._sleep = sleep
        self.requests: list[RecordedRequest] = []
        unknown = set(self._handlers) - set(contract.operations)
        if unknown:
            # The spec changed under the emulator (a regeneration renamed an operation).
            raise ConfigurationError(f"handlers for operations the spec lacks: {sorted(unknown)}")

    def report_failure(self, where: str) -> None:
        """Print the exception being handled, with ``where`` it happened, to stderr."""
        stream = self._stderr or sys.stderr
        try:
            print(f"flipkart emulator: unexpected failure in {where}", file=stream)
            traceback.print_exc(file=stream)
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed stream must not turn a 500 into a dropped connection

    def handle(self, request: Request) -> Outcome:
        """Answer one request."""
        path = request.path
        if path == "/_emulator" or path.startswith("/_emulator/"):
            refused = _cross_origin(request)
            if refused is not None:
                return Outcome(error_response(403, "forbidden", refused), WireAction.ANSWER)
            if request.body.strip():
                try:
                    decode_json_body(request.body)
                except BadBody as exc:
                    return Outcome(
                        error_response(400, "invalid_request", str(exc)), WireAction.ANSWER
                    )
            return Outcome(self._control.handle(request), WireAction.ANSWER)
        if path.startswith(OAUTH_PREFIX + "/"):
            target = "oauth"
        elif path.startswith(API_PREFIX + "/"):
            target = "api"
            with self._lock:
                self.requests.append(RecordedRequest(request.method, path, dict(request.query)))
        else:
            return Outcome(_not_found(request), WireAction.ANSWER)
        delay = self._faults.delay()
        if delay > 0:
            # Outside the lock: a slow call must not hold up the others.
            self._sleep(delay)
        fault = self._faults.take(target)
        if fault is not None:
            answer = _fault_answer(fault)
            if answer is not None:
                return Outcome(answer, WireAction.ANSWER)
            if fault.kind == "drop_connection" and not fault.processed:
                return Outcome(None, WireAction.DROP)
        response = self._oauth_call(request) if target == "oauth" else self._api_call(request)
        if fault is not None and fault.kind == "drop_connection":
            return Outcome(None, WireAction.DROP)
        if fault is not None and fault.kind == "truncate_body":
            return Outcome(response, WireAction.TRUNCATE)
        return Outcome(response, WireAction.ANSWER)

    def _oauth_call(self, request: Request) -> Response:
        endpoint = request.path[len(OAUTH_PREFIX) :].rstrip("/")
        with self._lock:
            if endpoint == "/oauth/token":
                return self._oauth.token(request)
            if endpoint == "/oauth/authorize" and request.method == "GET":
                return self._oauth.authorize(request)
        return _not_found(request)

    def _authenticate(self, request: Request) -> Response | None:
        scheme, _, token = (request.header("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return error_response(
                401,
                "unauthorized",
                "Full authentication is required to access this resource",
                headers=[("WWW-Authenticate", 'Bearer realm="oauth"')],
            )
        with self._lock:
            check = self._tokens.check_access(token.strip())
        if check.ok:
            return None
        return error_response(
            401,
            check.error,
            check.description,
            headers=[("WWW-Authenticate", f'Bearer realm="oauth", error="{check.error}"')],
        )

    def _api_call(self, request: Request) -> Response:
        refused = self._authenticate(request)
        if refused is not None:
            return refused
        relative = request.path[len(API_PREFIX) :]
        found = self._contract.find(request.method, relative)
        if found is None:
            other = any(
                self._contract.find(method, relative)
                for method in ("GET", "POST", "PUT", "DELETE", "PATCH")
                if method != request.method
            )
            if other:
                return error_response(
                    405, "method_not_allowed", f"Request method {request.method!r} not supported"
                )
            return _not_found(request)
        operation, params = found
        handler = self._handlers.get(operation.operation_id)
        has_body = bool(request.body.strip())
        body = None
        if has_body:
            media = (request.header("content-type") or "").split(";")[0].strip().lower()
            if media != JSON_CONTENT_TYPE:
                return error_response(
                    415, "unsupported_media_type", "Content-Type must be application/json"
                )
            try:
                body = decode_json_body(request.body)
            except BadBody as exc:
                return error_response(400, "invalid_request", f"Request body refused: {exc}")
        problems = self._contract.request_errors(operation, request.query, body, has_body)
        if problems:
            return error_response(
                400, "invalid_request", "Request does not match the API contract", details=problems
            )
        if handler is None:  # an operation newer than the emulator: answered from the spec
            return generic_response(operation.responses, self._contract.schemas, now=self.now())
        try:
            with self._lock:
                response = handler(Call(request, params, body))
        except Exception:
            self.report_failure(f"{operation.operation_id} ({request.method} {request.path})")
            return error_response(
                500,
                "internal_error",
                f"The emulator failed while serving {operation.operation_id}; see its stderr",
            )
        response.operation_id = operation.operation_id
        if self._faults.noise_enabled and response.status == 200 and response.payload is not None:
            content = operation.responses.get("200", {}).get("content", {})
            schema = content.get(JSON_CONTENT_TYPE, {}).get("schema")
            if schema is not None:
                response.payload = add_noise(response.payload, schema, self._contract.schemas)
        return response


def _not_found(request: Request) -> Response:
    return error_response(404, "not_found", f"No resource at {request.method} {request.path}")
