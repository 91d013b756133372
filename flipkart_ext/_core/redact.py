"""Keep secrets out of log records and error messages.

Flipkart's token endpoint is a ``GET`` whose query string carries the
authorization ``code`` and the ``refresh_token``, and httpx logs every request
URL at INFO (``HTTP Request: GET <url> "HTTP/1.1 200 OK"``). :class:`RedactingFilter`
rewrites such records before any handler sees them; :func:`redact_url` and
:func:`redact_text` are used wherever the library itself builds a message.

``state`` is deliberately left alone: it is an anti-CSRF nonce, not a credential,
and seeing it in logs helps debug a failed authorization.

The library never calls ``setLevel``: what is logged stays the application's choice.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from .._boundary import guarded

__all__ = [
    "REDACTED",
    "SECRET_PARAMETERS",
    "DeferredSecrets",
    "RedactingFilter",
    "install_log_redaction",
    "redact_text",
    "redact_url",
]

REDACTED = "[REDACTED]"

#: Query, form and JSON keys whose values are credentials.
SECRET_PARAMETERS: frozenset[str] = frozenset(
    {"code", "refresh_token", "access_token", "client_secret", "id_token", "password"}
)

_KEYS = "|".join(sorted(SECRET_PARAMETERS, key=len, reverse=True))
# A credential runs until ASCII whitespace, a quote or a delimiter. Anything else, non-ASCII
# included, belongs to it: Flipkart's documented tokens carry U+00AD soft hyphens, a repr or
# a bytes repr shows them as ``\xad`` / ``\xc2\xad`` and a URL as ``%C2%AD``, and a mask
# that stopped at the first unusual character would leave the rest of the token in the log.
_VALUE = r"[^ \t\r\n\f\v\"'<>,;&#)\]}]"
# A value that is already the mask (redact_url's output, a scrubbed echo) is left as it is,
# so that masking twice gives the same text as masking once.
_MASKED = rf"(?!{re.escape(REDACTED)}(?!{_VALUE}))"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # key=value in query strings and form bodies; `error_code=` is not a secret, hence the
    # look-behind. A quoted value (key='value' in a repr) is the next pattern's.
    (
        re.compile(rf"(?<![\w.-])({_KEYS})=(?![\"']){_MASKED}{_VALUE}*", re.IGNORECASE),
        rf"\1={REDACTED}",
    ),
    # "key": "value" in JSON and key: 'value' / key='value' in Python reprs.
    (
        re.compile(rf"([\"']?)({_KEYS})\1(\s*[:=]\s*)([\"'])[^\"']*\4", re.IGNORECASE),
        rf"\1\2\1\3\4{REDACTED}\4",
    ),
    # Authorization header values (Bearer tokens, Basic credentials, webhook signatures).
    (
        re.compile(rf"\b(Bearer|Basic|FKLOGIN)\s+{_MASKED}{_VALUE}+", re.IGNORECASE),
        rf"\1 {REDACTED}",
    ),
    # user:password@ in URLs.
    (re.compile(r"(://[^/\s:@]+):[^/\s@]+@"), rf"\1:{REDACTED}@"),
)


class DeferredSecrets:
    """The secrets to scrub from an error, worked out only if an error needs them.

    Every answer is checked with them at hand, but only a failed one builds a message;
    listing them (a Basic credential encoded, every token held) on each page would cost
    more than the rest of the check.
    """

    __slots__ = ("_source",)

    def __init__(self, source: Callable[[], Iterable[str]]) -> None:
        self._source = source

    def __iter__(self) -> Iterator[str]:
        return iter(self._source())


def redact_text(text: str) -> str:
    """Return ``text`` with every recognisable credential replaced by ``[REDACTED]``."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


@guarded
def redact_url(url: str | httpx.URL) -> str:
    """Return ``url`` as text with secret query parameters and any password masked.

    The structure stays readable (path, parameter names, non-secret values), which
    is what a human needs from an error message.
    """
    parts = urlsplit(str(url))
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:{REDACTED}@{hostport}" if ":" in userinfo else f"{user}@{hostport}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, REDACTED if k.lower() in SECRET_PARAMETERS else v) for k, v in pairs],
            safe="[]",
        )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


class RedactingFilter(logging.Filter):
    """A logging filter that masks credentials in a record's message and arguments.

    The formatted message is computed once, redacted, and stored back as the
    record's ``msg`` with no ``args``, so every handler sees the same safe text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's problem, not ours
            return True
        redacted = redact_text(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        if record.exc_info and not record.exc_text:
            # A handler's formatter would render the traceback later, unfiltered (an
            # exception's message can hold a URL with a token): render it now, redacted,
            # where every formatter takes it from.
            try:
                record.exc_text = _FORMATTER.formatException(record.exc_info)
            except Exception:  # pragma: no cover - a traceback that cannot be rendered
                record.exc_text = None
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True


_FORMATTER = logging.Formatter()
_FILTER = RedactingFilter()
_INSTALL_LOCK = threading.Lock()
#: Loggers whose records may carry URLs, headers or token payloads.
_ROOTS = ("httpx", "httpcore", "flipkart_ext")
#: The child loggers httpcore creates on its first request (a logger filter does not see
#: records of children made after it was attached): made here, so they are filtered too.
_KNOWN_CHILDREN = (
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def install_log_redaction() -> None:
    """Attach the redacting filter to the ``httpx``, ``httpcore`` and ``flipkart_ext`` loggers.

    A logger filter only sees records created on that very logger, not those
    propagated from its children, so existing children (``httpcore.http11``,
    ``flipkart_ext.shipments`` ...) get the filter too. Idempotent; levels and
    handlers are left untouched.
    """
    with _INSTALL_LOCK:
        names = set(_ROOTS) | set(_KNOWN_CHILDREN)
        for name in list(logging.Logger.manager.loggerDict):
            if any(name.startswith(root + ".") for root in _ROOTS):
                names.add(name)
        for name in names:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
