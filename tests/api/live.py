"""A real ``govkg serve`` process on 127.0.0.1 for tests and benchmarks."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx

ROOT = Path(__file__).resolve().parents[2]
PIDS: dict[str, int] = {}  # base URL → process id of the servers running (benchmarks read their CPU time)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db_path: Path, timeout: float = 60.0, src: Path | None = None, **env: str) -> Iterator[str]:
    """Start ``govkg serve`` over the embedded store at ``db_path``; yield its base URL; stop it.
    ``src``: serve the govkg package of another source tree (its ``src/``), e.g. an older commit's."""
    port = free_port()
    if src is not None:
        env = {**env, "PYTHONPATH": os.pathsep.join([str(src), *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "govkg.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--store", "embedded"],
        cwd=ROOT, env={**os.environ, "GOVKG_DB_PATH": str(db_path), **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    PIDS[base] = proc.pid
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"govkg serve exited {proc.returncode}: {proc.stderr.read()[-2000:]}")
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("govkg serve did not answer /health in time")
            time.sleep(0.2)
        yield base
    finally:
        PIDS.pop(base, None)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
