"""vcrpy settings that keep secrets out of cassettes while still telling requests apart.

Use them with pytest-recording::

    @pytest.fixture
    def vcr_config():
        return cassette_config()

Scrubbing happens when an interaction is recorded, so nothing secret ever reaches
disk. Every secret becomes a numbered placeholder (``<ACCESS_TOKEN_1>``,
``<REFRESH_TOKEN_2>``, ``<AUTH_CODE_1>``...), numbered in order of first appearance
within one cassette: two recordings of the same session give the same file, and a
rotated token is visibly a different token. vcrpy applies the same request hook
before matching on replay, so the matchers (method, path, query without secrets,
body) compare scrubbed values on both sides.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = [
    "CLIENT_CREDENTIALS_PLACEHOLDER",
    "PLACEHOLDER_PATTERN",
    "SECRET_BODY_FIELDS",
    "SECRET_QUERY_PARAMETERS",
    "SecretScrubber",
    "cassette_config",
    "find_secrets",
]

SECRET_QUERY_PARAMETERS = {
    "code": "AUTH_CODE",
    "refresh_token": "REFRESH_TOKEN",
    "access_token": "ACCESS_TOKEN",
    "client_secret": "CLIENT_SECRET",
}
SECRET_BODY_FIELDS = {"access_token": "ACCESS_TOKEN", "refresh_token": "REFRESH_TOKEN"}
CLIENT_CREDENTIALS_PLACEHOLDER = "Basic <CLIENT_CREDENTIALS>"
PLACEHOLDER_PATTERN = re.compile(r"^<[A-Z_]+(?:_\d+)?>$")

# Shapes that a real credential takes on the wire (Flipkart's tokens and codes are long opaque
# strings), used by the cassette secrets scan. Placeholders ("<...>") and redaction markers
# ("[REDACTED]") do not match; short obviously-fake test values (under 20 characters) do not either.
_SECRET_SHAPES = (
    re.compile(r"Bearer (?![<\[])[A-Za-z0-9._~+/=-]{20,}"),
    re.compile(r"Basic (?![<\[])[A-Za-z0-9+/=]{20,}"),
    re.compile(r'"(?:access|refresh)_token"\s*:\s*"(?![<\[])[^"]{20,}"'),
    re.compile(r"[?&](?:code|refresh_token|access_token|client_secret)=(?!%3C|<|\[)[^&\s'\"]{20,}"),
)


class SecretScrubber:
    """Replaces each distinct secret with a stable numbered placeholder, per cassette."""

    def __init__(self) -> None:
        self._placeholders: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def placeholder(self, kind: str, secret: str) -> str:
        if PLACEHOLDER_PATTERN.match(secret):
            return secret
        known = self._placeholders.get(secret)
        if known is None:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            known = f"<{kind}_{self._counts[kind]}>"
            self._placeholders[secret] = known
        return known

    def _scrub_url(self, url: str) -> str:
        parts = urlsplit(url)
        if not parts.query:
            return url
        query = [
            (name, self.placeholder(SECRET_QUERY_PARAMETERS[name], value))
            if name in SECRET_QUERY_PARAMETERS
            else (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ]
        return urlunsplit(parts._replace(query=urlencode(query, safe="<>")))

    def _scrub_authorization(self, value: str) -> str:
        scheme, _, credential = value.partition(" ")
        if scheme.lower() == "basic":
            return CLIENT_CREDENTIALS_PLACEHOLDER
        if scheme.lower() == "bearer":
            return f"Bearer {self.placeholder('ACCESS_TOKEN', credential)}"
        return "<AUTHORIZATION>"

    def request(self, request: Any) -> Any:
        """vcrpy ``before_record_request`` hook."""
        request.uri = self._scrub_url(request.uri)
        for name in list(request.headers):
            if name.lower() == "authorization":
                request.headers[name] = self._scrub_authorization(request.headers[name])
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        """vcrpy ``before_record_response`` hook."""
        headers = response.get("headers", {})
        for name in list(headers):
            if name.lower() == "location":
                headers[name] = [self._scrub_url(value) for value in headers[name]]
        body = response.get("body", {}).get("string")
        if isinstance(body, bytes) and body[:1] == b"{":
            try:
                document = json.loads(body)
            except ValueError:
                return response
            if isinstance(document, dict) and SECRET_BODY_FIELDS.keys() & document.keys():
                for field, kind in SECRET_BODY_FIELDS.items():
                    if isinstance(document.get(field), str):
                        document[field] = self.placeholder(kind, document[field])
                response["body"]["string"] = json.dumps(document).encode()
                for name in list(headers):
                    if name.lower() == "content-length":
                        headers[name] = [str(len(response["body"]["string"]))]
        return response


def cassette_config(scrubber: SecretScrubber | None = None) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR`` / pytest-recording's ``vcr_config`` fixture."""
    scrubber = scrubber or SecretScrubber()
    return {
        "before_record_request": scrubber.request,
        "before_record_response": scrubber.response,
        # Host and port are left out: the emulator picks a free port on every run.
        "match_on": ["method", "path", "query", "body"],
        "decode_compressed_response": True,
        "filter_headers": [("cookie", None), ("set-cookie", None)],
    }


def find_secrets(text: str) -> list[str]:
    """Every substring of ``text`` shaped like a real credential rather than a placeholder."""
    found: list[str] = []
    for shape in _SECRET_SHAPES:
        found.extend(match.group(0) for match in shape.finditer(text))
    return found
