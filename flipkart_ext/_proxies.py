"""Which proxy each request goes through: ``proxy=``, or the environment, as httpx decides.

httpx honours ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` (with
``trust_env=True``) only for the transports it builds itself: a client handed a transport
of its own, as ours is (:class:`~flipkart_ext._core.retry.RetryTransport`), gets no proxy at
all. So the client asks :func:`proxy_routes` for httpx's routing table, URL pattern →
proxy (``None``: go direct), and mounts one retrying transport per proxy on its
``httpx.Client``, the way httpx mounts its own. Every request the client sends, the OAuth
token calls included, is then routed per URL exactly as plain httpx would route it.

The environment is read with httpx's own reader (``httpx._utils.get_environment_proxies``,
the function ``httpx.Client`` itself calls) rather than a copy of it: the same variables,
the same ``NO_PROXY`` forms (``*``, domains, ``.suffix``, IPs, ``localhost``, ``scheme://``)
and the same system settings on Windows and macOS. httpx is pinned below 1.0, and the
proxy tests would fail if that function moved.
"""

from __future__ import annotations

import httpx

from .errors import ConfigurationError

__all__ = ["ProxyInput", "proxy_routes"]

ProxyInput = str | httpx.URL | httpx.Proxy
"""What ``proxy=`` accepts: a URL such as ``http://user:pass@proxy.corp:3128``, or an :class:`httpx.Proxy`."""


def _as_proxy(proxy: ProxyInput, *, source: str) -> httpx.Proxy:
    if isinstance(proxy, httpx.Proxy):
        return proxy
    try:
        return httpx.Proxy(proxy)
    except (ValueError, TypeError) as exc:
        # httpx's message names the scheme; the URL itself may hold credentials.
        raise ConfigurationError(f"{source}: {exc}") from None


def proxy_routes(proxy: ProxyInput | None, *, trust_env: bool) -> dict[str, httpx.Proxy | None]:
    """URL pattern (httpx mount syntax, e.g. ``"https://"``, ``"all://*example.com"``) → proxy.

    An explicit ``proxy`` carries every request; otherwise, with ``trust_env``, the
    environment decides, and a ``NO_PROXY`` entry maps to ``None`` (direct). Empty: no proxy.
    """
    if proxy is not None:
        return {"all://": _as_proxy(proxy, source="proxy")}
    if not trust_env:
        return {}
    from httpx._utils import get_environment_proxies

    return {
        pattern: None if url is None else _as_proxy(url, source=f"the {pattern} proxy variable")
        for pattern, url in get_environment_proxies().items()
    }
