"""Query limits (govkg.store.limits) on both real stores: a query over its time is stopped and
the store answers the next one at once; a query over its row cap is refused; outside a limited
block nothing is limited (issue 15)."""
from __future__ import annotations

import time

import pytest

from govkg.errors import QueryTimeout, TooManyRows
from govkg.store.limits import current, limited, unlimited

SLOW = ("UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b WITH a, b WHERE (a * b) % 7919 = 3 "
        "RETURN count(*) AS n")
ROWS = "UNWIND range(1, $n) AS i RETURN i"


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    return request.getfixturevalue("ladybug_store" if request.param == "embedded" else "neo4j_store")


def test_limits_nest_and_reset():
    assert current().timeout is None and current().max_rows is None
    with limited(timeout=2.0):
        with limited(max_rows=5) as inner:
            assert (inner.timeout, inner.max_rows) == (2.0, 5)
        assert current().max_rows is None
        with unlimited():
            assert current().timeout is None
        assert current().timeout == 2.0
    assert current().timeout is None


def test_a_slow_query_is_stopped_and_the_store_is_free_again(store):
    t = time.monotonic()
    with limited(timeout=0.5), pytest.raises(QueryTimeout, match="time limit of 0.5 s"):
        store.run(SLOW)
    assert time.monotonic() - t < 5
    t = time.monotonic()
    assert store.run(ROWS, {"n": 3}) == [{"i": 1}, {"i": 2}, {"i": 3}]  # the next query runs, unlimited
    assert time.monotonic() - t < 2


@pytest.mark.parametrize("n, cap, ok", [(10, 10, True), (11, 10, False), (100_000, 1000, False), (5, None, True)])
def test_the_row_cap(store, n, cap, ok):
    with limited(max_rows=cap):
        if ok:
            assert len(store.run(ROWS, {"n": n})) == n
        else:
            with pytest.raises(TooManyRows, match=f"cap of {cap} rows"):
                store.run(ROWS, {"n": n})
    assert len(store.run(ROWS, {"n": 20})) == 20
