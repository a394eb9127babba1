"""One function over many inputs, on this process, on worker processes, or on a Dask cluster; results in input order.

Extraction is per file and needs nothing from other files, so a corpus fans out by file: the
workers get paths (never parsed objects), read and extract the file themselves, and send back the
file's facts. Results come back in the order of the inputs whatever the order they finish in, so a
build with several workers writes the same bytes as a build with one.

- ``workers > 1``: a ``ProcessPoolExecutor`` over ``fork`` where the platform has it (the workers
  inherit the loaded lexicon and compiled patterns instead of paying a cold start each), the inputs
  in chunks so a worker is not handed one small file at a time.
- ``cluster="tcp://host:port"``: a running Dask ``distributed`` scheduler (``docs/scale.md`` says why
  Dask); the inputs are paths the workers can open (a shared folder) and govkg must be installed
  where the workers run. Futures are submitted in a bounded window, so memory holds at most that
  many results.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

from govkg.errors import ClusterError

T = TypeVar("T")
R = TypeVar("R")

CLUSTER_ENV = "GOVKG_CLUSTER"
_WINDOW = 64  # results a cluster run may hold before the oldest is taken


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


SMALL_CORPUS = 4_000_000  # bytes: below this, starting workers costs more than it saves


def suggest_workers(paths: Sequence[str | os.PathLike]) -> int:
    """The default worker count for a corpus: the cores, or 1 for a small corpus."""
    size = 0
    for p in paths:
        try:
            size += os.path.getsize(p)
        except OSError:
            continue
    return default_workers() if size >= SMALL_CORPUS else 1


def map_ordered(func: Callable[[T], R], items: Sequence[T], *, workers: int = 1, cluster: str | None = None,
                chunksize: int | None = None) -> Iterator[R]:
    """``func`` over ``items``, yielded in the order of ``items``.

    ``func`` must be a module-level function (it is pickled by reference) and its results
    picklable. ``cluster`` wins over ``workers``. Raises :class:`ClusterError` in one line when
    the cluster cannot be reached or loses a task.
    """
    if cluster:
        yield from _on_cluster(func, items, cluster)
    elif workers <= 1 or len(items) <= 1:
        yield from map(func, items)
    else:
        yield from _on_processes(func, items, workers, chunksize)


def _on_processes(func: Callable[[T], R], items: Sequence[T], workers: int, chunksize: int | None) -> Iterator[R]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = min(workers, len(items))
    size = chunksize or max(1, len(items) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(func, items, chunksize=size)


# how long to keep trying a scheduler before saying it cannot be reached (Dask retries a refused connection)
CONNECT_TIMEOUT_S = 10.0


def _on_cluster(func: Callable[[T], R], items: Sequence[T], address: str) -> Iterator[R]:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--cluster needs Dask's distributed package: pip install 'govkg[cluster]'") from None
    try:
        client = Client(address, timeout=f"{CONNECT_TIMEOUT_S}s", set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err.__class__.__name__}") from None
    try:
        window: list = []
        for item in items:
            window.append(client.submit(func, item, pure=False))
            if len(window) >= _WINDOW:
                yield _result(window.pop(0), address)
        while window:
            yield _result(window.pop(0), address)
    finally:
        client.close()


def _result(future, address: str):
    try:
        return future.result()
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"the Dask cluster at {address} lost a task: {err.__class__.__name__}: {err}") from None
    except Exception as err:
        if err.__class__.__module__.startswith("distributed"):  # KilledWorker, CommClosedError …
            raise ClusterError(f"the Dask cluster at {address} lost a task: {err.__class__.__name__}") from None
        raise


__all__ = ["map_ordered", "default_workers", "suggest_workers", "CLUSTER_ENV", "SMALL_CORPUS"]
