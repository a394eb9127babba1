"""A throw-away Dask cluster for tests and benchmarks: a scheduler and N workers as separate processes on loopback.

The processes are this interpreter's ``python -m dask scheduler`` / ``dask worker`` (the same
environment, so govkg is importable on the workers); the scheduler writes its address to a
scheduler file, and :func:`start` returns once every worker has registered.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT = 90


class ClusterUnavailable(RuntimeError):
    """distributed missing, or the scheduler or a worker did not come up."""


@dataclass
class LocalCluster:
    address: str
    processes: list[subprocess.Popen] = field(default_factory=list)
    folder: Path | None = None

    def stop(self) -> None:
        for proc in reversed(self.processes):
            proc.terminate()
        for proc in self.processes:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def start(workers: int = 2) -> LocalCluster:
    """Start a scheduler and ``workers`` single-threaded worker processes; wait until all have registered."""
    try:
        import distributed  # noqa: F401
    except ImportError as err:
        raise ClusterUnavailable("Dask's distributed package is not installed") from err
    folder = Path(tempfile.mkdtemp(prefix="govkg-dask-"))
    sched_file = folder / "scheduler.json"
    logs = [open(folder / f"{name}.log", "w") for name in ["scheduler", *(f"worker{i}" for i in range(workers))]]
    cluster = LocalCluster("", folder=folder)
    cluster.processes.append(subprocess.Popen(
        [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(sched_file)], stdout=logs[0], stderr=subprocess.STDOUT))
    deadline = time.monotonic() + START_TIMEOUT
    while not sched_file.exists():
        if time.monotonic() > deadline or cluster.processes[0].poll() is not None:
            cluster.stop()
            raise ClusterUnavailable(f"the Dask scheduler did not start (log: {folder / 'scheduler.log'})")
        time.sleep(0.2)
    time.sleep(0.2)  # the file is written in one go, but be sure it is complete
    cluster.address = json.loads(sched_file.read_text())["address"]
    for i in range(workers):
        cluster.processes.append(subprocess.Popen(
            [sys.executable, "-m", "dask", "worker", cluster.address, "--nworkers", "1", "--nthreads", "1",
             "--no-dashboard", "--name", f"govkg-test-{i}", "--local-directory", str(folder / f"w{i}")],
            stdout=logs[i + 1], stderr=subprocess.STDOUT))
    from distributed import Client

    with Client(cluster.address, timeout="30s", set_as_default=False) as client:
        try:
            client.wait_for_workers(workers, timeout=max(1.0, deadline - time.monotonic()))
        except TimeoutError:
            cluster.stop()
            raise ClusterUnavailable(f"{workers} Dask workers did not register (logs in {folder})") from None
    return cluster


__all__ = ["LocalCluster", "ClusterUnavailable", "start"]
