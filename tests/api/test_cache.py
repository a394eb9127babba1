"""The response cache in front of /queries: a repeated GET is answered without the store."""
from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import make_app


class CountingStore:
    """The real store, counting the queries that reach it."""

    def __init__(self, store):
        self.store, self.calls = store, 0
        self.dialect = store.dialect

    def run(self, cypher, params=None):
        self.calls += 1
        return self.store.run(cypher, params)

    def counts(self):
        return self.store.counts()


def test_repeated_answers_come_from_the_cache(store):
    counting = CountingStore(store)
    with TestClient(make_app(counting)) as c:
        first = c.get("/queries/body_leaders", params={"body": "test/group"})
        calls = counting.calls
        again = c.get("/queries/body_leaders", params={"body": "test/group"})
        assert calls >= 1 and counting.calls == calls
        assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
        other = c.get("/queries/body_leaders", params={"body": "test/group", "format": "csv"})
        assert counting.calls > calls and other.headers["content-type"].startswith("text/csv")


def test_only_successful_answers_are_kept():
    import asyncio

    from govkg.api.cache import ResponseCache

    statuses = iter([404, 200, 500])
    calls = []

    async def app(scope, receive, send):  # answers 404, then 200, then 500
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": next(statuses), "headers": []})
        await send({"type": "http.response.body", "body": b"x"})

    cache = ResponseCache(app)

    async def get(path):
        sent = []

        async def send(m):
            sent.append(m)

        await cache({"type": "http", "method": "GET", "path": path, "query_string": b"a=1"}, None, send)
        return sent[0]["status"]

    assert [asyncio.run(get("/queries/q")) for _ in range(3)] == [404, 200, 200]
    assert len(calls) == 2  # the 404 was not kept; the 200 was
    assert asyncio.run(get("/search")) == 500  # outside the prefixes: never cached


def test_no_cache_asks_the_store_and_keeps_its_answer(store):
    counting = CountingStore(store)
    with TestClient(make_app(counting)) as c:
        first = c.get("/queries/body_leaders", params={"body": "test/group"})
        calls = counting.calls
        fresh = c.get("/queries/body_leaders", params={"body": "test/group"}, headers={"Cache-Control": "no-cache"})
        assert counting.calls > calls and fresh.content == first.content
        calls = counting.calls
        c.get("/queries/body_leaders", params={"body": "test/group"})  # the fresh answer was kept
        assert counting.calls == calls
