"""Neo4j addresses: credentials written into a URI are never echoed in an error (issue 15)."""
from __future__ import annotations

import pytest

from govkg.errors import StoreError
from govkg.store.neo4j import Neo4jStore, redacted


@pytest.mark.parametrize("uri, shown", [
    ("bolt://neo4j:s3cret@db.example:7687", "bolt://db.example:7687"),
    ("neo4j+s://u:p@x/db?policy=a", "neo4j+s://x/db?policy=a"),
    ("bolt://only-user@h", "bolt://h"),
    ("bolt://h:7687", "bolt://h:7687"),
    ("not a uri", "not a uri"),
])
def test_redacted(uri, shown):
    assert redacted(uri) == shown


@pytest.mark.parametrize("uri", ["bolt://neo4j:s3cret@127.0.0.1:1", "http://neo4j:s3cret@127.0.0.1:1"])
def test_credentials_in_a_uri_are_refused_without_being_echoed(uri):
    with pytest.raises(StoreError) as err:
        Neo4jStore(uri, "neo4j", "other", connect_timeout=1)
    assert "s3cret" not in str(err.value) and "\n" not in str(err.value)
    assert "127.0.0.1:1" in str(err.value)


def test_an_unreachable_server_fails_within_the_connect_timeout():
    import time

    t = time.monotonic()
    with pytest.raises(StoreError, match="unreachable"):
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", "pw", connect_timeout=1)
    assert time.monotonic() - t < 5
