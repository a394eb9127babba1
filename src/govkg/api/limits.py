"""Limits on what one request may cost: the body it sends, and the time and rows of its queries.

:class:`RequestLimits` (ASGI middleware) refuses a body over ``max_body`` bytes with 413 (by its
``Content-Length`` before reading, or once that many bytes have arrived), and runs the request
under the query time limit of :mod:`govkg.store.limits`; :class:`CappedStore` adds the row cap
for one canned query. :func:`limit_answer` is the one-line answer to a query stopped at a limit:
504 for time, 503 for rows.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from govkg.errors import QueryLimit, QueryTimeout
from govkg.store.limits import limited


class BodyTooLarge(Exception):
    """Raised inside ``receive`` once a request body passes the cap."""


class RequestLimits:
    """Cap request bodies at ``max_body`` bytes; run each request's queries under ``timeout`` seconds."""

    def __init__(self, app: Callable, *, max_body: int, timeout: float | None) -> None:
        self.app, self.max_body, self.timeout = app, max_body, timeout

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_body:
            await _too_large(send, self.max_body)
            return
        seen = 0
        started = False

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge
            return message

        async def watched(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            with limited(timeout=self.timeout):
                await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_body)


async def _too_large(send: Callable, cap: int) -> None:
    body = json.dumps({"detail": f"request body over {cap} bytes (GOVKG_API_MAX_BODY)"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class CappedStore:
    """A store whose ``run`` answers at most ``max_rows`` rows (else :class:`~govkg.errors.TooManyRows`)."""

    def __init__(self, store: Any, max_rows: int) -> None:
        self._store, self._max_rows = store, max_rows

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with limited(max_rows=self._max_rows):
            return self._store.run(cypher, params)

    def __getattr__(self, name: str) -> Any:  # dialect, counts, …: the store's own
        return getattr(self._store, name)


def limit_answer(err: QueryLimit) -> tuple[int, str]:
    """The status and one-line detail for a query stopped at a limit."""
    if isinstance(err, QueryTimeout):
        return 504, f"{err} (GOVKG_API_QUERY_TIMEOUT): try narrower parameters"
    return 503, f"{err} (GOVKG_API_MAX_ROWS): try narrower parameters or a smaller limit"
