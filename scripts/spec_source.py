"""Fetch the upstream spec and decide what kind of document it is.

Every failure is a ``SpecError`` with one line that says what was wrong with the input.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

FETCH_TIMEOUT_SECONDS = 30.0
USER_AGENT = "flipkart-seller-regenerate"


class SpecError(RuntimeError):
    """The input spec could not be used; the message is one line for the user."""


@dataclass(frozen=True)
class RawSpec:
    source: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def fetch(spec: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> RawSpec:
    """Read the spec from an http(s) URL or a local path, bytes untouched."""
    if not is_url(spec):
        path = Path(spec)
        if not path.is_file():
            raise SpecError(f"{spec}: no such file")
        return RawSpec(spec, path.read_bytes())
    try:
        response = httpx.get(
            spec, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )
    except httpx.TimeoutException:
        raise SpecError(f"{spec}: timed out after {timeout:g}s") from None
    except httpx.HTTPError as exc:
        raise SpecError(f"{spec}: unreachable ({type(exc).__name__}: {exc})") from None
    if response.status_code != 200:
        raise SpecError(f"{spec}: HTTP {response.status_code}, expected 200")
    content_type = response.headers.get("content-type", "")
    if "html" in content_type:
        raise SpecError(f"{spec}: served an HTML page ({content_type}), not a spec")
    return RawSpec(spec, response.content)


def parse(raw: RawSpec) -> dict[str, Any]:
    """Parse JSON or YAML, and refuse anything that is not Swagger 2.0 or OpenAPI 3.0."""
    try:
        text = raw.content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError(f"{raw.source}: not UTF-8 text") from None
    if text.lstrip()[:1] == "<":
        raise SpecError(f"{raw.source}: looks like an HTML or XML page, not a spec")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as json_error:
        try:
            document = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            if text.lstrip()[:1] in ("{", "["):
                # It was meant as JSON (a truncated download, say): say where JSON broke.
                raise SpecError(_json_problem(raw.source, json_error, text)) from None
            problem = str(exc).splitlines()[0]
            raise SpecError(f"{raw.source}: neither JSON nor YAML ({problem})") from None
    if not isinstance(document, dict):
        raise SpecError(
            f"{raw.source}: neither JSON nor YAML mapping (got {type(document).__name__})"
        )
    version = spec_version(document)
    if version in ("2.0", "3.0"):
        return document
    declared = _declared_version(document)
    if declared is not None:
        raise SpecError(
            f"{raw.source}: unsupported version ({declared}); expected Swagger 2.0 or OpenAPI 3.0"
        )
    raise SpecError(f"{raw.source}: no 'swagger: 2.0' or 'openapi: 3.0.x' field; not a spec")


def _json_problem(source: str, error: json.JSONDecodeError, text: str) -> str:
    where = f"line {error.lineno} column {error.colno}"
    ends = " (the text ends there: truncated?)" if error.pos >= len(text.rstrip()) else ""
    return f"{source}: invalid JSON at {where}: {error.msg}{ends}"


def _declared_version(document: dict[str, Any]) -> str | None:
    """The version a document claims, when it claims one we do not support."""
    if "openapi" in document:
        return str(document["openapi"])
    if "swaggerVersion" in document:
        return f"Swagger {document['swaggerVersion']}"
    if "swagger" in document:
        return f"Swagger {document['swagger']}"
    return None


def spec_version(document: dict[str, Any]) -> str | None:
    """``"2.0"``, ``"3.0"``, or None for anything else."""
    if "swaggerVersion" in document:
        return None
    if str(document.get("swagger")) == "2.0":
        return "2.0"
    if str(document.get("openapi", "")).startswith("3.0"):
        return "3.0"
    return None
