"""Builds on several processes, on a real Dask cluster, and incremental builds: the same bytes as a serial fresh build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from govkg.extract import cache as cache_module, fanout
from govkg.graph import buildfolder
from govkg.graph.build import build
from tests.support import smallest_issues

OUTPUTS = ("facts.jsonl", "graph.nt", "graph.ttl", "graph.jsonld", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Three of the sample issues (the smaller ones) in a folder of their own."""
    return smallest_issues(tmp_path_factory.mktemp("corpus"), 3)


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial") / "out"
    report = build(corpus, out, validate_shacl=False, workers=1, incremental=False)
    assert report.files_read == 3 and report.files_cached == 0
    return out


def _same(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_two_workers_write_the_same_bytes(corpus, serial, tmp_path) -> None:
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-load", "--no-shacl",
                                      "--workers", "2", "--fresh"])
    assert result.exit_code == 0, result.output
    _same(serial, tmp_path / "out")


def test_a_build_on_a_real_dask_cluster_writes_the_same_bytes(corpus, serial, tmp_path, dask_cluster) -> None:
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-load", "--no-shacl",
                                      "--cluster", dask_cluster, "--fresh"])
    assert result.exit_code == 0, result.output
    _same(serial, tmp_path / "out")


def test_an_unreachable_cluster_is_a_one_line_error(corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(fanout, "CONNECT_TIMEOUT_S", 1.0)  # refused at once; Dask retries until the timeout
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-load",
                                      "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output, result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_an_unchanged_rebuild_extracts_nothing_and_a_changed_file_only_itself(corpus, serial, tmp_path) -> None:
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    out = tmp_path / "out"
    first = build(work, out, validate_shacl=False)
    assert first.files_cached == 0
    again = CliRunner().invoke(app, ["build", str(work), "--out", str(out), "--no-load", "--no-shacl"])
    assert again.exit_code == 0 and "extracted 0 file(s), 3 unchanged" in again.output, again.output
    _same(serial, out)

    victim = sorted(work.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # changed bytes, same facts
    changed = build(work, out, validate_shacl=False)
    assert (changed.files_read, changed.files_cached) == (3, 2)
    _same(serial, out)

    victim.unlink()  # a file gone: its facts leave the graph
    smaller = build(work, out, validate_shacl=False)
    assert (smaller.files_read, smaller.files_cached) == (2, 2)
    facts = (out / "facts.jsonl").read_text(encoding="utf-8")
    assert victim.name not in facts and victim.name in (serial / "facts.jsonl").read_text(encoding="utf-8")
    assert len(list(buildfolder.cache_path(out).glob("*.jsonl"))) == 2  # the gone file's entry is pruned


def test_a_fresh_build_refills_the_cache_for_the_next(corpus, serial, tmp_path) -> None:
    out = tmp_path / "out"
    fresh = build(corpus, out, validate_shacl=False, incremental=False)
    assert fresh.files_cached == 0
    assert build(corpus, out, validate_shacl=False, incremental=False).files_cached == 0  # fresh again: no reuse
    assert build(corpus, out, validate_shacl=False).files_cached == 3
    _same(serial, out)


def test_an_unchanged_rebuild_reads_no_file_again(corpus, serial, tmp_path, monkeypatch) -> None:
    """The document pages' texts come with the remembered facts: no file is read (a PDF parsed, a scan
    OCR'd) a second time, and the texts are the same."""
    from govkg.extract import pipeline
    from govkg.text import read

    out = tmp_path / "out"
    build(corpus, out, validate_shacl=False)
    reads: list[str] = []
    original = read.read_source

    def counted(path, *args, **kwargs):
        reads.append(str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "read_source", counted)
    monkeypatch.setattr(read, "read_source", counted)
    again = build(corpus, out, validate_shacl=False)
    assert again.files_cached == 3 and reads == []
    for src in sorted((serial / "sources").iterdir()):
        assert (out / "sources" / src.name).read_bytes() == src.read_bytes(), src.name
    assert sorted(p.name for p in (out / "sources").iterdir()) == sorted(p.name for p in (serial / "sources").iterdir())


def test_new_rules_or_a_damaged_entry_extract_again(corpus, serial, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    build(corpus, out, validate_shacl=False)
    entry = sorted(buildfolder.cache_path(out).glob("*.jsonl"))[0]
    entry.write_text("{half an entry", encoding="utf-8")
    assert build(corpus, out, validate_shacl=False).files_cached == 2
    _same(serial, out)
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "other rules")
    assert build(corpus, out, validate_shacl=False).files_cached == 0
    _same(serial, out)


def test_the_extractor_version_follows_the_rules() -> None:
    version = cache_module.extractor_version()
    assert len(version) == 16 and version == cache_module.extractor_version()
