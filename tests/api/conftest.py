"""A real embedded store with the test graphs, the app over it, and a client."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.graphs import load_test_store


@pytest.fixture(scope="session")
def db_path(tmp_path_factory):
    return load_test_store(tmp_path_factory.mktemp("api") / "graph.lbdb")


@pytest.fixture(scope="session")
def store(db_path):
    from govkg.store.ladybug import LadybugStore

    s = LadybugStore(db_path, read_only=True)
    yield s
    s.close()


def make_app(store, **env):
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig

    # TestClient's requests carry Host: testserver, which the allow-list refuses unless told
    return create_app(ApiConfig.from_env({"GOVKG_DB_PATH": "unused", "GOVKG_API_ALLOWED_HOSTS": "testserver", **env}),
                      store=store)


@pytest.fixture(scope="session")
def app(store):
    return make_app(store)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as c:
        yield c
