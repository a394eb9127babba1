"""Loads into the embedded store that fail, are refused, collide or are killed: the store keeps
its graph, stays openable, and the next load cleans up (issue 15). Every load here is the real
``govkg load`` (in-process through the CLI, or a subprocess where it is killed)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from devtools.builds import without_tables
from devtools.synthetic import synthetic_graph
from govkg.cli import app
from govkg.store import load_embedded
from govkg.store.ladybug import LadybugStore
from tests.conftest import ROOT

runner = CliRunner()
GOVKG = str(Path(sys.executable).parent / "govkg")


@pytest.fixture(autouse=True)
def _embedded_store_in_tmp(embedded_store_in_tmp):
    return embedded_store_in_tmp


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    """A build of one gazette of the corpus: a smaller graph than the corpus's."""
    from govkg.graph.build import build

    out = tmp_path_factory.mktemp("small-build") / "build"
    build(next((ROOT / "corpus").glob("000_*.txt")), out, validate_shacl=False)
    return out


def counts(db: Path) -> dict[str, int]:
    store = LadybugStore(db, read_only=True)  # read-only, as `govkg serve` and `govkg query` open it
    try:
        return store.counts()
    finally:
        store.close()


def load(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["load", *args])
    return result.exit_code, result.output


def loaded(db: Path, folder: Path) -> dict[str, int]:
    code, out = load(str(folder), "--db", str(db))
    assert code == 0, out
    return counts(db)


def leftovers(db: Path) -> list[str]:
    """Files beside the store other than the store and its lock."""
    return sorted(p.name for p in db.parent.iterdir() if p.name not in (db.name, f".{db.name}.lock"))


def copy_build(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


# the file a load reads: a table of a build with tables, graph.nt of a build from before them
READ = [pytest.param("tables/MEMBER_OF.parquet", False, id="tables"), pytest.param("graph.nt", True, id="graph.nt")]


def _damageable(src: Path, dst: Path, old: bool) -> Path:
    return without_tables(src, dst) if old else copy_build(src, dst)


@pytest.mark.parametrize("name, old", READ)
def test_a_truncated_graph_file_is_refused_and_the_store_kept(corpus_build, small_build, tmp_path, name, old):
    db = tmp_path / "db" / "graph.lbdb"
    before = loaded(db, small_build)
    bad = _damageable(corpus_build[0], tmp_path / "truncated", old)
    nt = bad / name
    nt.write_bytes(nt.read_bytes()[: nt.stat().st_size // 3])  # what a kill or a full disk leaves
    code, out = load(str(bad), "--db", str(db))
    assert code == 2 and "truncated" in out and out.count("\n") == 1, out
    assert counts(db) == before


@pytest.mark.parametrize("name, old", READ)
def test_a_changed_graph_file_is_refused(small_build, tmp_path, name, old):
    db = tmp_path / "db" / "graph.lbdb"
    bad = _damageable(small_build, tmp_path / "changed", old)
    nt = bad / name
    data = bytearray(nt.read_bytes())
    data[len(data) // 2] ^= 1  # same size, other bytes
    nt.write_bytes(bytes(data))
    code, out = load(str(bad), "--db", str(db))
    assert code == 2 and "checksum" in out, out
    assert not db.exists()


def test_a_folder_without_a_manifest_is_refused_with_what_to_do(small_build, tmp_path):
    db = tmp_path / "db" / "graph.lbdb"
    before = loaded(db, small_build)
    old = copy_build(small_build, tmp_path / "unfinished")
    (old / "manifest.json").unlink()  # a build killed before its last file, or from before manifests
    code, out = load(str(old), "--db", str(db))
    assert code == 2 and "manifest.json" in out and "govkg build" in out, out
    assert counts(db) == before


def _empty_build(tmp_path: Path) -> Path:
    facts = tmp_path / "empty.jsonl"
    facts.write_text("", encoding="utf-8")
    out = tmp_path / "empty-build"
    result = runner.invoke(app, ["build", "--facts", str(facts), "-o", str(out), "--no-load", "--allow-empty",
                                 "--no-shacl"])
    assert result.exit_code == 0, result.output
    return out


def test_an_empty_graph_does_not_empty_the_store_without_allow_empty(small_build, tmp_path):
    db = tmp_path / "db" / "graph.lbdb"
    before = loaded(db, small_build)
    empty = _empty_build(tmp_path)
    code, out = load(str(empty), "--db", str(db))
    assert code == 1 and "--allow-empty" in out and out.count("\n") == 1, out
    assert counts(db) == before
    code, out = load(str(empty), "--db", str(db), "--allow-empty")
    assert code == 0, out
    assert not any(counts(db).values())


def test_a_failed_build_leaves_the_folder_load_reads(small_build, tmp_path):
    db = tmp_path / "db" / "graph.lbdb"
    out = copy_build(small_build, tmp_path / "build")
    facts = tmp_path / "empty.jsonl"
    facts.write_text("", encoding="utf-8")
    failed = runner.invoke(app, ["build", "--facts", str(facts), "-o", str(out), "--no-load"])
    assert failed.exit_code != 0
    assert loaded(db, out) == loaded(tmp_path / "db2" / "graph.lbdb", small_build)


def _start_load(folder: Path, db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([GOVKG, "load", str(folder), "--db", str(db), *extra], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _killed_while_loading(folder: Path, db: Path, mode: str, delay: float) -> bool:
    """Load ``folder`` into ``db`` and SIGKILL the load ``delay`` seconds after it began writing; False if it
    had ended by then (nothing was killed)."""
    proc = _start_load(folder, db, mode)
    _wait_for_staging(proc, db)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)  # nothing, if it has ended and been waited for
    proc.wait()
    return proc.returncode == -signal.SIGKILL


def _wait_for_staging(proc: subprocess.Popen, db: Path) -> None:
    """Until the load has begun writing (its staging file exists)."""
    deadline = time.monotonic() + 120
    while not list(db.parent.glob(db.name + ".loading-*")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.002)


@pytest.mark.parametrize("mode", ["--replace", "--merge"])
@pytest.mark.parametrize("delay", [0.0, 0.3])
def test_a_killed_load_keeps_the_old_graph_openable_and_the_next_load_cleans_up(corpus_build, small_build, tmp_path,
                                                                                 mode, delay):
    db = tmp_path / "db" / "graph.lbdb"
    before = loaded(db, small_build)
    while not _killed_while_loading(corpus_build[0], db, mode, delay):
        # the load ended before the kill (a load from the tables can take under 0.3 s): the old graph back, and
        # the kill sooner, so that it lands in the load
        code, out = load(str(small_build), "--db", str(db), "--replace")
        assert code == 0 and counts(db) == before, out
        assert delay > 0.01, "every load ended before it was killed"
        delay /= 2
    assert counts(db) == before  # whole, and openable read-only
    after = loaded(db, corpus_build[0])
    assert after != before and leftovers(db) == []


def _kill_in_checkpoint(db: Path) -> None:
    """A writer killed mid-checkpoint on the store itself (what an in-place merge left before
    merges went aside): the engine leaves shadow pages and checkpoint locks beside the file."""
    child = ("import sys; from devtools.synthetic import synthetic_graph; from govkg.store.ladybug import LadybugStore; "
             "LadybugStore(sys.argv[1]).load(synthetic_graph(100, seed=5), replace=False)")
    shadow = db.with_name(db.name + ".shadow")
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", child, str(db)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        while proc.poll() is None and not shadow.exists():
            time.sleep(0.001)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return
    pytest.fail("the writer never reached its checkpoint")


def test_a_writer_killed_mid_checkpoint_leaves_a_store_that_opens_read_only(tmp_path):
    db = tmp_path / "db" / "graph.lbdb"
    load_embedded(synthetic_graph(20), db)
    _kill_in_checkpoint(db)
    assert leftovers(db)  # the recovery files the engine wants replayed
    assert counts(db)["Document"] > 0  # read-only open recovers first (govkg.store.ladybug.recover)
    assert leftovers(db) == []


def test_a_full_reload_clears_a_killed_writers_recovery_files(small_build, tmp_path):
    db = tmp_path / "db" / "graph.lbdb"
    load_embedded(synthetic_graph(20), db)
    _kill_in_checkpoint(db)
    assert leftovers(db)
    code, out = load(str(small_build), "--db", str(db))
    assert code == 0, out
    assert leftovers(db) == []
    assert counts(db) == loaded(tmp_path / "db2" / "graph.lbdb", small_build)


def test_two_concurrent_loads_of_one_store(corpus_build, small_build, tmp_path):
    db = tmp_path / "db" / "graph.lbdb"
    loaded(db, small_build)
    first = _start_load(corpus_build[0], db)
    _wait_for_staging(first, db)  # the first is writing
    first.send_signal(signal.SIGSTOP)  # held mid-write, so it cannot end before the second tries
    try:
        code, out = load(str(small_build), "--db", str(db))
    finally:
        first.send_signal(signal.SIGCONT)
    assert code == 1 and "in use by another load" in out and out.count("\n") == 1, out
    assert first.wait(120) == 0, first.communicate()
    assert counts(db) == loaded(tmp_path / "db2" / "graph.lbdb", corpus_build[0])


def test_a_build_and_a_load_of_one_store_do_not_mix(corpus_build, small_build, tmp_path, monkeypatch):
    db = tmp_path / "db" / "graph.lbdb"
    monkeypatch.setenv("GOVKG_DB_PATH", str(db))
    first = _start_load(corpus_build[0], db)
    _wait_for_staging(first, db)
    first.send_signal(signal.SIGSTOP)  # held mid-write (lock taken), so it cannot end before the build's load tries
    try:
        built = runner.invoke(app, ["build", str(next((ROOT / "corpus").glob("000_*.txt"))), "-o",
                                    str(tmp_path / "b"), "--no-shacl"])
    finally:
        first.send_signal(signal.SIGCONT)
    assert built.exit_code == 1 and "in use by another load" in built.output, built.output
    assert first.wait(120) == 0
    assert (tmp_path / "b" / "manifest.json").is_file()  # the build itself is kept; only its load was refused


@pytest.mark.parametrize("delay", [0.0, 1.0])
def test_a_killed_build_leaves_the_previous_build_for_load(small_build, tmp_path, delay):
    db = tmp_path / "db" / "graph.lbdb"
    out = copy_build(small_build, tmp_path / "build")
    proc = subprocess.Popen([GOVKG, "build", str(ROOT / "corpus"), "-o", str(out), "--no-load", "--no-shacl"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    staging = tmp_path / ".build.staging"
    deadline = time.monotonic() + 120
    while not staging.exists():  # the build is writing aside
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert loaded(db, out) == loaded(tmp_path / "db2" / "graph.lbdb", small_build)
