"""The read-only connection pool: connections lent one per query, opened only as needed, never more
than its size, and a close that waits for the queries running and refuses those asked after it;
on a real LadybugDB, queries from many threads give the answers one connection gives."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import ladybug
import pytest

from govkg.errors import StoreError
from govkg.store.ladybug import LadybugStore
from govkg.store.pool import ConnectionPool


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A real (empty) database for connections."""
    db = ladybug.Database(str(tmp_path_factory.mktemp("pool-db") / "empty.lbdb"))
    yield db
    db.close()


@pytest.fixture
def Conn(database):
    return lambda: ladybug.Connection(database)


def test_connections_are_opened_only_when_all_are_busy_and_reused(Conn):
    pool = ConnectionPool(Conn, 3)
    with pool.connection() as a:
        pass
    with pool.connection() as b:
        assert b is a and pool.opened == 1  # a light load keeps one connection
        with pool.connection() as c:
            assert c is not a and pool.opened == 2


def test_never_more_connections_than_its_size(Conn):
    pool = ConnectionPool(Conn, 2)
    busy, peak, lock = [0], [0], threading.Lock()

    def query(_):
        with pool.connection():
            with lock:
                busy[0] += 1
                peak[0] = max(peak[0], busy[0])
            time.sleep(0.005)
            with lock:
                busy[0] -= 1

    with ThreadPoolExecutor(8) as ex:
        list(ex.map(query, range(40)))
    assert peak[0] == 2 and pool.opened == 2


def test_close_waits_for_the_running_query_and_refuses_later_ones(Conn):
    pool = ConnectionPool(Conn, 2)
    started, finish = threading.Event(), threading.Event()
    lent: list[ladybug.Connection] = []

    def running():
        with pool.connection() as conn:
            lent.append(conn)
            started.set()
            finish.wait(5)
            assert not conn.is_closed  # still open while the query runs

    t = threading.Thread(target=running)
    t.start()
    started.wait(5)
    closer = threading.Thread(target=pool.close)
    closer.start()
    time.sleep(0.05)
    assert closer.is_alive()  # waiting for the lent connection
    with pytest.raises(StoreError, match="closed"):
        with pool.connection():
            pass
    finish.set()
    t.join(5)
    closer.join(5)
    assert not closer.is_alive() and lent[0].is_closed


def test_a_failed_connect_frees_its_slot(Conn):
    calls = []

    def connect():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("no")
        return Conn()

    pool = ConnectionPool(connect, 1)
    with pytest.raises(RuntimeError):
        with pool.connection():
            pass
    with pool.connection() as conn:
        assert isinstance(conn, ladybug.Connection)


def test_a_pool_needs_a_connection(Conn):
    with pytest.raises(ValueError):
        ConnectionPool(Conn, 0)


@pytest.fixture(scope="module")
def corpus_db(corpus_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("pool") / "graph.lbdb"
    store = LadybugStore(path)
    store.load(corpus_graph)
    store.close()
    return path


def test_threads_on_a_read_only_store_get_the_answers_of_one_connection(corpus_db):
    from govkg.queries import load_queries

    queries = [(q.text("ladybug"), q.store_params(q.bind({}))) for q in load_queries().values()
               if not any(p.required for p in q.params)]
    one = LadybugStore(corpus_db, read_only=True, read_connections=1)
    try:
        expected = [one.run(c, p) for c, p in queries]
    finally:
        one.close()
    store = LadybugStore(corpus_db, read_only=True, read_connections=4)
    try:
        with ThreadPoolExecutor(8) as ex:
            got = list(ex.map(lambda i: store.run(*queries[i % len(queries)]), range(8 * len(queries))))
        assert got == [expected[i % len(queries)] for i in range(8 * len(queries))]
        assert 1 <= store._pool.opened <= 4
        assert store.counts() == one_counts(corpus_db)
    finally:
        store.close()
    with pytest.raises(StoreError, match="closed"):
        store.run("MATCH (n:Body) RETURN count(n)")


def one_counts(path) -> dict[str, int]:
    store = LadybugStore(path)
    try:
        return store.counts()
    finally:
        store.close()
