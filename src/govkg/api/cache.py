"""A response cache for read-only answers, as plain ASGI middleware in front of the app.

Serving never writes to the graph (the store is opened read-only), so a successful answer to
a GET stays valid until another graph is loaded: ``govkg.api.follow`` bumps
``app.state.generation``, which is part of the key, when the store's load id changes (a
rebuilt embedded file swapped in, or a load into Neo4j), at most ``follow_interval`` seconds
after the load. The key is taken when the request arrives, so an answer computed across a
reload is filed under the generation it started in and never served after. Only 200 answers are
kept, keyed by path and raw query string, so a hit skips routing, validation and the store:
what is left is the HTTP parse, which is what lets 50 concurrent clients stay within the
latency target on two cores. A request saying ``Cache-Control: no-cache`` is answered by the
store (and its answer kept for the next one): what a client that must see the store, or
``bench/api_bench.py --uncached``, asks for.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Awaitable, Callable

Message = dict[str, Any]
ASGIApp = Callable[[dict, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class ResponseCache:
    """Cache GET answers under ``prefixes`` (least recently used dropped beyond ``size``)."""

    def __init__(self, app: ASGIApp, prefixes: tuple[str, ...] = ("/queries",), size: int = 4096,
                 max_body: int = 2_000_000) -> None:
        self.app, self.prefixes, self.size, self.max_body = app, prefixes, size, max_body
        self._data: OrderedDict[tuple[int, str, bytes], tuple[list, bytes]] = OrderedDict()
        self.hits = self.misses = 0

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        app = scope.get("app")  # a reloaded graph (govkg.api.follow) starts a new generation of answers
        key = (getattr(getattr(app, "state", None), "generation", 0), scope["path"], scope.get("query_string", b""))
        hit = None if _no_cache(scope) else self._data.get(key)
        if hit is not None:
            self.hits += 1
            self._data.move_to_end(key)
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    body = b"".join(chunks)
                    if len(body) <= self.max_body:
                        self._data[key] = (list(start.get("headers", [])), body)
                        while len(self._data) > self.size:
                            self._data.popitem(last=False)
            await send(message)

        await self.app(scope, receive, capture)


def _no_cache(scope: dict) -> bool:
    """Whether the request asks for an answer from the store (``Cache-Control: no-cache``)."""
    return any(name == b"cache-control" and b"no-cache" in value.lower() for name, value in scope.get("headers", ()))
