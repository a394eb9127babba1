"""The real ``govkg serve`` process follows a rebuilt embedded graph within 2 s (issue 15: it was
handed an opened store and never followed it)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from tests.conftest import ROOT

GOVKG = str(Path(sys.executable).parent / "govkg")
FOLLOWED_WITHIN = 2.0  # seconds, as docs/api.md promises


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _health(port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer:
            return json.load(answer)
    except OSError:
        return None


@pytest.fixture
def served(tmp_path, corpus_build):
    """``govkg serve`` over an embedded store holding one gazette's graph: (port, store path)."""
    db = tmp_path / "db" / "graph.lbdb"
    small = tmp_path / "small"
    result = CliRunner().invoke(app, ["build", str(next((ROOT / "corpus").glob("000_*.txt"))), "-o", str(small),
                                      "--no-shacl"], env={"GOVKG_DB_PATH": str(db)})
    assert result.exit_code == 0, result.output
    port = _free_port()
    proc = subprocess.Popen([GOVKG, "serve", "--port", str(port)], cwd=ROOT,
                            env={**os.environ, "GOVKG_DB_PATH": str(db), "GOVKG_STORE": "embedded"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while _health(port) is None:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "govkg serve did not answer"
            time.sleep(0.1)
        yield port, db
    finally:
        proc.terminate()
        proc.wait(30)


def _follows(port: int, expected: dict) -> float:
    """Seconds until /health reports ``expected`` counts, polling every 0.1 s (inf if not within 2 s)."""
    start = time.monotonic()
    while time.monotonic() - start < FOLLOWED_WITHIN:
        seen = _health(port)
        if seen and seen["counts"] == expected:
            return time.monotonic() - start
        time.sleep(0.1)
    return float("inf")


def test_serve_follows_an_embedded_rebuild(served, corpus_build):
    port, db = served
    small = _health(port)["counts"]
    result = CliRunner().invoke(app, ["load", str(corpus_build[0]), "--db", str(db)])
    assert result.exit_code == 0, result.output
    from govkg.store.ladybug import LadybugStore

    store = LadybugStore(db, read_only=True)
    corpus = store.counts()
    store.close()
    assert corpus != small
    assert _follows(port, corpus) <= FOLLOWED_WITHIN
    result = CliRunner().invoke(app, ["build", str(next((ROOT / "corpus").glob("000_*.txt"))), "-o",
                                      str(db.parent.parent / "again"), "--no-shacl"], env={"GOVKG_DB_PATH": str(db)})
    assert result.exit_code == 0, result.output
    assert _follows(port, small) <= FOLLOWED_WITHIN  # and a `govkg build` too
