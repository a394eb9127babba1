"""Closing the store a rebuild retired never holds up a request (issue 15: a static file waited
19.8 s behind it): the close runs in the background, even when it is slow."""
from __future__ import annotations

import time

from fastapi.testclient import TestClient

from devtools.synthetic import synthetic_graph
from govkg.api.app import create_app
from govkg.settings import ApiConfig
from govkg.store import load_embedded
from govkg.store.ladybug import LadybugStore

SLOW = 3.0  # seconds a close takes here (as if a long query still held the store)


def test_a_slow_close_of_a_retired_store_holds_up_no_request(tmp_path, monkeypatch):
    path = tmp_path / "graph.lbdb"
    load_embedded(synthetic_graph(1, agencies=12), path)
    closed: list[float] = []  # when a served store (not a load's own staging store) was closed
    real_close = LadybugStore.close

    def slow_close(self):
        time.sleep(SLOW)
        real_close(self)
        if self.path == path:
            closed.append(time.monotonic())

    monkeypatch.setattr(LadybugStore, "close", slow_close)
    app = create_app(ApiConfig.from_env({"GOVKG_DB_PATH": str(path)}))
    app.state.follow_interval = 0.0
    with TestClient(app, base_url="http://localhost") as client:
        for agencies in (20, 30):  # the second swap closes the store of the first
            load_embedded(synthetic_graph(1, agencies=agencies), path)
            t = time.monotonic()
            assert client.get("/static/govkg.css").status_code == 200
            assert time.monotonic() - t < SLOW / 2, "a request waited for a close"
        assert client.get("/health").json()["counts"]["Agency"] == 30
        deadline = time.monotonic() + 3 * SLOW
        while not closed and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(closed) == 1  # closed all the same, in the background
