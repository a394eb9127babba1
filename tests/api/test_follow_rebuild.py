"""A server over the embedded store serves a rebuilt graph without a restart (govkg.api.follow)."""
from __future__ import annotations

from fastapi.testclient import TestClient

from devtools.synthetic import synthetic_graph
from govkg.api.app import create_app
from govkg.settings import ApiConfig
from govkg.store import load_embedded


def _agencies(client: TestClient) -> int:
    answer = client.get("/health")
    assert answer.status_code == 200
    return answer.json()["counts"]["Agency"]


def _top_agencies(client: TestClient) -> list:
    answer = client.get("/queries/top_lead_agencies", params={"limit": 1000})
    assert answer.status_code == 200
    return answer.json()["rows"]


def test_a_rebuilt_graph_file_is_served_and_cached_answers_are_dropped(tmp_path):
    path = tmp_path / "graph.lbdb"
    config = ApiConfig.from_env({"GOVKG_DB_PATH": str(path)})
    load_embedded(synthetic_graph(2, agencies=12), path)
    app = create_app(config)
    app.state.follow_interval = 0.0  # look at the file on every request
    with TestClient(app, base_url="http://localhost") as client:
        assert _agencies(client) == 12
        before = _top_agencies(client)  # now in the response cache
        load_embedded(synthetic_graph(3, agencies=40, seed=3), path)  # what `govkg build` does
        assert _agencies(client) == 40
        with TestClient(create_app(config), base_url="http://localhost") as fresh:  # a server started after the rebuild
            expected = _top_agencies(fresh)
        assert expected != before
        assert _top_agencies(client) == expected
        assert app.state.generation == 1
        load_embedded(synthetic_graph(1, agencies=30), path)
        assert _agencies(client) == 30
        assert len(app.state.retired) == 1  # the store two rebuilds back is closed


def test_a_store_handed_to_the_app_is_left_alone(tmp_path):
    from govkg.store.ladybug import LadybugStore

    path = tmp_path / "graph.lbdb"
    load_embedded(synthetic_graph(1, agencies=12), path)
    store = LadybugStore(path, read_only=True)
    try:
        app = create_app(ApiConfig.from_env({"GOVKG_DB_PATH": str(path)}), store=store)
        with TestClient(app, base_url="http://localhost") as client:
            load_embedded(synthetic_graph(1, agencies=40), path)
            assert _agencies(client) == 12  # the caller's store, not swapped
            assert app.state.store is store
    finally:
        store.close()


def test_an_id_parameter_resolves_in_the_graph_served_now(tmp_path):
    """Id parameters resolve from a map of the served graph's ids (api.deps.ids_of), read once:
    a rebuild drops it with the search index, so an id of the new graph only is found after the
    swap, and one of the old graph only is no longer found."""
    path = tmp_path / "graph.lbdb"
    config = ApiConfig.from_env({"GOVKG_DB_PATH": str(path)})
    small, large = synthetic_graph(2, agencies=12), synthetic_graph(3, agencies=40, seed=3)
    only_new = sorted({n.id for n in large.nodes if n.label == "Agency"} - {n.id for n in small.nodes})[0]
    only_old = sorted({n.id for n in small.nodes if n.label == "Agency"} - {n.id for n in large.nodes})
    load_embedded(small, path)
    app = create_app(config)
    app.state.follow_interval = 0.0
    with TestClient(app, base_url="http://localhost") as client:
        def status(agency: str) -> int:
            return client.get("/queries/bodies_of_agency", params={"agency": agency}).status_code

        assert status(only_new) == 404
        if only_old:
            assert status(only_old[0]) == 200
        load_embedded(large, path)
        assert status(only_new) == 200
        if only_old:
            assert status(only_old[0]) == 404
