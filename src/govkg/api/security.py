"""Defences every response gets: security headers, and a ``Host`` allow-list against DNS rebinding.

A web page on another site can make a browser send requests to a server on this machine by
pointing its own name at 127.0.0.1 (DNS rebinding); the request then carries that name in
``Host``. :class:`HostAllowList` answers only the names of ``ApiConfig.allowed_hosts``
(``GOVKG_API_ALLOWED_HOSTS``; by default the local names and the bind address) and refuses the
rest with 400. :class:`SecurityHeaders` adds a Content-Security-Policy that allows only the app's
own scripts, styles, images and fonts (the pages and ``/docs`` are served from ``viz/static``)
and no framing, plus ``X-Content-Type-Options``, ``Referrer-Policy`` and ``X-Frame-Options``.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Callable

# style attributes are allowed (the templates colour legend dots with them), style elements are not
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def csp_allowing_inline_scripts(html: str) -> str:
    """The policy with the page's own inline scripts allowed by hash (``/docs`` starts Swagger UI
    with one; Swagger UI also sets styles from script)."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                      for s in _INLINE_SCRIPT.findall(html))
    return CSP.replace("script-src 'self'", f"script-src 'self' {hashes}").replace(
        "style-src 'self'; style-src-attr 'unsafe-inline'", "style-src 'self' 'unsafe-inline'")


class SecurityHeaders:
    """Add :data:`CSP` (unless the response set its own) and :data:`HEADERS` to every HTTP response."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without port or IPv6 brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(name: str, allowed: tuple[str, ...]) -> bool:
    """Is ``name`` one of ``allowed`` (``*`` any, ``*.example.org`` its subdomains)?"""
    for pattern in allowed:
        pattern = pattern.lower().strip("[]")
        if pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False


class HostAllowList:
    """Refuse requests whose ``Host`` is not allowed (400, one line, the header not echoed)."""

    def __init__(self, app: Callable, *, allowed: tuple[str, ...]) -> None:
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if not host_allowed(host_name(host), self.allowed):
                body = json.dumps({"detail": "this server does not answer to that Host name "
                                             "(GOVKG_API_ALLOWED_HOSTS lists the names it does)"}).encode()
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
