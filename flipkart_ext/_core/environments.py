"""Where the API and the OAuth service live, and settings read from the environment.

Flipkart serves two environments, each with an API base and an OAuth base:

============  ===========================================  ================================================
name          API base                                     OAuth base
============  ===========================================  ================================================
sandbox       ``https://sandbox-api.flipkart.net/sellers``  ``https://sandbox-api.flipkart.net/oauth-service``
production    ``https://api.flipkart.net/sellers``          ``https://api.flipkart.net/oauth-service``
============  ===========================================  ================================================

Any other base URL (the local emulator, a recording proxy) is accepted through
:meth:`Environment.custom`. Only ``https`` is allowed, except on loopback
(``localhost``, ``127.0.0.0/8``, ``::1``), because the token and the application
secret travel with every call.

Environment variables are read only by :func:`settings_from_env`, never at import.
"""

from __future__ import annotations

import ipaddress
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .._boundary import guarded_class
from ..errors import ConfigurationError

__all__ = [
    "ENVIRONMENTS",
    "PRODUCTION",
    "SANDBOX",
    "ConfigurationWarning",
    "EnvSettings",
    "Environment",
    "is_loopback_host",
    "require_secure_url",
    "resolve_environment",
    "settings_from_env",
]


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP addresses (``127.0.0.0/8``, ``::1``)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_secure_url(url: str, *, what: str = "URL") -> str:
    """Return ``url`` without a trailing slash, or raise :class:`ConfigurationError` if unsafe.

    Unsafe means: not absolute, a scheme other than https (http only on loopback),
    credentials embedded in the URL, or a query string / fragment.
    """
    if not isinstance(url, str):
        raise ConfigurationError(f"{what} must be a string, got {type(url).__name__}")
    if any(unicodedata.category(char)[0] == "C" for char in url):
        # urlsplit would quietly drop a tab or newline: the URL used would not be the one given.
        raise ConfigurationError(f"{what} holds a control or unprintable character: {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigurationError(f"{what} must be an absolute https URL, got {url!r}")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise ConfigurationError(
            f"{what} must use https (plain http is only allowed on loopback), got {parts.netloc!r}"
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigurationError(f"{what} must not embed credentials")
    if parts.query or parts.fragment:
        raise ConfigurationError(f"{what} must not have a query string or fragment")
    return url.rstrip("/")


@guarded_class
@dataclass(frozen=True)
class Environment:
    """A named pair of base URLs: the Seller API and Flipkart's OAuth service."""

    name: str
    api_base_url: str
    oauth_base_url: str

    def __post_init__(self) -> None:
        # Normalise and validate on every construction path, including dataclasses.replace().
        object.__setattr__(
            self, "api_base_url", require_secure_url(self.api_base_url, what="API base URL")
        )
        object.__setattr__(
            self, "oauth_base_url", require_secure_url(self.oauth_base_url, what="OAuth base URL")
        )
        if not self.name:
            raise ConfigurationError("environment name must not be empty")

    @classmethod
    def custom(
        cls, api_base_url: str, oauth_base_url: str | None = None, *, name: str | None = None
    ) -> Environment:
        """An environment at other URLs, such as the local emulator.

        ``oauth_base_url`` defaults to ``/oauth-service`` on the API's origin,
        which is Flipkart's own layout. ``name`` (used to key stored tokens)
        defaults to ``custom:<API origin>`` so two emulators never share a token.
        """
        api = require_secure_url(api_base_url, what="API base URL")
        parts = urlsplit(api)
        origin = f"{parts.scheme}://{parts.netloc}"
        return cls(
            name=name or f"custom:{origin}",
            api_base_url=api,
            oauth_base_url=oauth_base_url or f"{origin}/oauth-service",
        )

    @property
    def key(self) -> str:
        """How stored tokens name this environment (``TokenKey.environment``).

        Flipkart's two environments are named; any other is named with its full API and
        OAuth base URLs, paths included, so that two environments that differ in any part
        of either URL never share a token, whatever their ``name``.
        """
        if ENVIRONMENTS.get(self.name) == self:
            return self.name
        return f"{self.name}|{self.api_base_url}|{self.oauth_base_url}"

    @property
    def is_production(self) -> bool:
        """True only for Flipkart's live environment."""
        return self.api_base_url == PRODUCTION.api_base_url


SANDBOX = Environment(
    name="sandbox",
    api_base_url="https://sandbox-api.flipkart.net/sellers",
    oauth_base_url="https://sandbox-api.flipkart.net/oauth-service",
)
PRODUCTION = Environment(
    name="production",
    api_base_url="https://api.flipkart.net/sellers",
    oauth_base_url="https://api.flipkart.net/oauth-service",
)
ENVIRONMENTS: Mapping[str, Environment] = {"sandbox": SANDBOX, "production": PRODUCTION}


def resolve_environment(
    environment: str | Environment = "sandbox",
    *,
    api_base_url: str | None = None,
    oauth_base_url: str | None = None,
) -> Environment:
    """Turn the constructor's arguments into one :class:`Environment`.

    An explicit ``api_base_url`` makes a custom environment (the OAuth base then
    defaults to the API origin's ``/oauth-service``); an explicit ``oauth_base_url``
    alone overrides the named environment's OAuth base.
    """
    if isinstance(environment, Environment):
        base = environment
    else:
        try:
            base = ENVIRONMENTS[environment.strip().lower()]
        except KeyError:
            known = ", ".join(sorted(ENVIRONMENTS))
            raise ConfigurationError(
                f"unknown environment {environment!r}; expected one of: {known}"
            ) from None
    if api_base_url is not None:
        return Environment.custom(api_base_url, oauth_base_url)
    if oauth_base_url is not None:
        return Environment(
            name=f"{base.name}+custom-oauth",
            api_base_url=base.api_base_url,
            oauth_base_url=oauth_base_url,
        )
    return base


class ConfigurationWarning(UserWarning):
    """Settings that work but probably not as meant, e.g. a base URL overriding ``FLIPKART_ENV``."""


@dataclass(frozen=True)
class EnvSettings:
    """Client settings read from ``FLIPKART_*`` variables. Secrets are hidden from ``repr``."""

    client_id: str
    client_secret: str = field(repr=False)
    environment: str = "sandbox"
    api_base_url: str | None = None
    oauth_base_url: str | None = None
    token_file: str | None = None
    seller_id: str | None = None
    refresh_token: str | None = field(default=None, repr=False)
    access_token: str | None = field(default=None, repr=False)
    conflicts: tuple[str, ...] = ()
    """Why these settings may not do what was meant (``from_env`` warns with each)."""


def settings_from_env(environ: Mapping[str, str] | None = None) -> EnvSettings:
    """Read ``FLIPKART_CLIENT_ID``, ``FLIPKART_CLIENT_SECRET``, ``FLIPKART_ENV``
    (``sandbox`` | ``production``), ``FLIPKART_API_BASE_URL``, ``FLIPKART_OAUTH_BASE_URL``,
    ``FLIPKART_TOKEN_FILE``, ``FLIPKART_SELLER_ID``, ``FLIPKART_REFRESH_TOKEN`` and
    ``FLIPKART_ACCESS_TOKEN``.

    Empty values count as unset. Raises :class:`~flipkart_ext.ConfigurationError` (a
    ``ValueError``) naming the missing variables (never their values). A base URL that
    contradicts an explicit ``FLIPKART_ENV`` (a leftover ``FLIPKART_API_BASE_URL`` with
    ``FLIPKART_ENV=production``) is kept, and described in ``conflicts``.
    """
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    missing = [n for n in ("FLIPKART_CLIENT_ID", "FLIPKART_CLIENT_SECRET") if get(n) is None]
    if missing:
        raise ConfigurationError(f"missing environment variable(s): {', '.join(missing)}")
    environment = (get("FLIPKART_ENV") or "sandbox").lower()
    if environment not in ENVIRONMENTS:
        raise ConfigurationError(
            f"FLIPKART_ENV must be 'sandbox' or 'production', got {environment!r}"
        )
    conflicts: list[str] = []
    if get("FLIPKART_ENV") is not None:
        named = ENVIRONMENTS[environment]
        for variable, own in (
            ("FLIPKART_API_BASE_URL", named.api_base_url),
            ("FLIPKART_OAUTH_BASE_URL", named.oauth_base_url),
        ):
            url = get(variable)
            if url is not None and url.rstrip("/") != own:
                # Base URLs never carry credentials (require_secure_url), so naming them is safe.
                conflicts.append(
                    f"{variable}={url} overrides FLIPKART_ENV={environment} ({own}): calls go "
                    f"to {url}; unset one of the two"
                )
    return EnvSettings(
        client_id=get("FLIPKART_CLIENT_ID") or "",
        client_secret=get("FLIPKART_CLIENT_SECRET") or "",
        environment=environment,
        api_base_url=get("FLIPKART_API_BASE_URL"),
        oauth_base_url=get("FLIPKART_OAUTH_BASE_URL"),
        token_file=get("FLIPKART_TOKEN_FILE"),
        seller_id=get("FLIPKART_SELLER_ID"),
        refresh_token=get("FLIPKART_REFRESH_TOKEN"),
        access_token=get("FLIPKART_ACCESS_TOKEN"),
        conflicts=tuple(conflicts),
    )
