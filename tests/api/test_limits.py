"""Limits on what one request costs (issue 15): a canned query over its time is 504 and the store
answers the next request at once; one over its row cap 503; a body over the cap 413 — each with
a one-line message. A real embedded store throughout."""
from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.api.conftest import make_app
from tests.store.test_limits import SLOW


class SlowStore:
    """The real store, which runs a slow query before each query it is asked."""

    def __init__(self, store):
        self.store, self.dialect = store, store.dialect

    def run(self, cypher, params=None):
        self.store.run(SLOW)
        return self.store.run(cypher, params)

    def counts(self):
        return self.store.counts()


def test_a_query_over_its_time_is_504_and_frees_the_store(store):
    with TestClient(make_app(SlowStore(store), GOVKG_API_QUERY_TIMEOUT="0.3")) as c:
        t = time.monotonic()
        r = c.get("/queries/find_nodes", params={"text": "局"})
        assert r.status_code == 504, r.text
        assert time.monotonic() - t < 5
        detail = r.json()["detail"]
        assert "time limit of 0.3 s" in detail and "GOVKG_API_QUERY_TIMEOUT" in detail and "\n" not in detail
    with TestClient(make_app(store, GOVKG_API_QUERY_TIMEOUT="0.3")) as c:
        t = time.monotonic()
        assert c.get("/queries/find_nodes", params={"text": "局"}).status_code == 200
        assert time.monotonic() - t < 2


def test_a_query_over_the_row_cap_is_503(store):
    with TestClient(make_app(store, GOVKG_API_MAX_ROWS="1")) as c:
        r = c.get("/queries/find_nodes", params={"text": "局"})
        assert r.status_code == 503, r.text
        assert "cap of 1 rows" in r.json()["detail"] and "GOVKG_API_MAX_ROWS" in r.json()["detail"]
        assert c.get("/export/json").status_code == 200  # the cap is for canned queries, not the export
    with TestClient(make_app(store, GOVKG_API_MAX_ROWS="1000")) as c:
        assert len(c.get("/queries/find_nodes", params={"text": "局"}).json()["rows"]) > 1


def test_a_body_over_the_cap_is_413(store):
    from starlette.responses import JSONResponse

    app = make_app(store, GOVKG_API_MAX_BODY="50000")

    async def echo(request):  # a route that reads its body (no shipped route takes one yet)
        return JSONResponse({"size": len(await request.body())})

    app.add_route("/test-echo", echo, methods=["POST"])
    with TestClient(app) as c:
        r = c.post("/test-echo", content=b"x" * 50_001)  # refused by its Content-Length, unread
        assert r.status_code == 413 and r.json()["detail"] == "request body over 50000 bytes (GOVKG_API_MAX_BODY)"

        def chunks():  # no Content-Length: counted as it arrives
            for _ in range(10):
                yield b"y" * 10_000

        assert c.post("/test-echo", content=chunks()).status_code == 413
        assert c.post("/test-echo", content=b"z" * 50_000).json() == {"size": 50_000}
