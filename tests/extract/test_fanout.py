"""Fan-out: results in input order on one process, on worker processes and on a real Dask cluster."""
from __future__ import annotations

import os

import pytest

from govkg.errors import ClusterError
from govkg.extract import fanout
from govkg.extract.fanout import default_workers, map_ordered


def _slow_square(n: int) -> tuple[int, int]:
    """Later inputs finish first, so order must come from the fan-out, not from finishing times."""
    import time

    time.sleep(0.002 * (20 - n % 20))
    return n * n, os.getpid()


def _fails_on_7(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_come_back_in_input_order(workers) -> None:
    items = list(range(40))
    out = list(map_ordered(_slow_square, items, workers=workers, chunksize=3))
    assert [sq for sq, _ in out] == [n * n for n in items]
    pids = {pid for _, pid in out}
    assert (pids == {os.getpid()}) if workers == 1 else (os.getpid() not in pids and 1 <= len(pids) <= workers)


def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="seven"):
        list(map_ordered(_fails_on_7, list(range(10)), workers=2))


def test_default_workers_is_the_cores_we_may_use() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))


def test_on_a_real_dask_cluster(dask_cluster) -> None:
    items = list(range(30))
    out = list(map_ordered(_slow_square, items, cluster=dask_cluster))
    assert [sq for sq, _ in out] == [n * n for n in items]
    assert os.getpid() not in {pid for _, pid in out}  # the workers are other processes
    with pytest.raises(ValueError, match="seven"):
        list(map_ordered(_fails_on_7, list(range(10)), cluster=dask_cluster))


def test_an_unreachable_cluster_is_a_one_line_error(monkeypatch) -> None:
    import socket

    monkeypatch.setattr(fanout, "CONNECT_TIMEOUT_S", 1.0)  # refused at once; Dask retries until the timeout

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler") as err:
        list(map_ordered(_slow_square, [1, 2], cluster=f"tcp://127.0.0.1:{port}"))
    assert "\n" not in str(err.value)
