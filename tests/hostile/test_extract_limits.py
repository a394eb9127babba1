"""Bounded extraction (issue 15 items 3, 6 and 9): a document over 1,000,000 characters, a document that
runs past the time limit (here and on worker processes), and the same gazette under two names. Every run
is the real ``govkg extract`` / ``govkg build`` (a subprocess where a traceback must not appear)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from govkg.extract import citations
from govkg.extract.limits import DocumentTimeout, time_limit
from govkg.extract.pipeline import STAGES, Stage, extract_files, is_timeout
from tests.conftest import ROOT

runner = CliRunner()
GOVKG = str(Path(sys.executable).parent / "govkg")
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
MARK = "本文件用于测试超时"  # a document holding it sleeps in the stages patched below


def _sleeping_document(folder: Path) -> Path:
    p = folder / "009_sleep.txt"
    p.write_text("晋城市人民政府办公室\n关于测试超时的通知\n晋市政办〔2020〕99号\n各县（市、区）人民政府：\n"
                 f"{MARK}。\n晋城市人民政府办公室\n2020年5月6日\n", encoding="utf-8")
    return p


def _sleep_on_mark(doc, out):
    if MARK in doc.text:
        time.sleep(60)
    return []


# ------------------------------------------------------------------ the time limit


def test_time_limit_stops_the_body_and_is_cleared():
    t = time.perf_counter()
    with pytest.raises(DocumentTimeout, match="0.2 s"):
        with time_limit(0.2):
            time.sleep(10)
    assert time.perf_counter() - t < 2
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # the timer was stopped: nothing fires after the body


def test_no_limit_outside_the_main_thread():
    got: list[str] = []
    th = threading.Thread(target=lambda: got.append("ran") if time_limit(0.01).__enter__() is None else None)
    th.start()
    th.join()
    assert got == ["ran"]


def test_a_document_over_the_limit_is_reported_and_the_rest_goes_on(tmp_path):
    slow = _sleeping_document(tmp_path)
    stages = (*STAGES, Stage("sleep", _sleep_on_mark))
    t = time.perf_counter()
    report = extract_files([CORPUS[0], slow, CORPUS[1]], stages=stages, timeout=1)
    assert time.perf_counter() - t < 30
    over = [f for f in report.failures if is_timeout(f)]
    assert [(f.file, f.document, f.stage) for f in over] == [("009_sleep.txt", "晋市政办〔2020〕99号", "sleep")]
    assert str(over[0]).endswith("stage sleep: over the time limit of 1 s per document")
    alone = extract_files([CORPUS[0], CORPUS[1]])
    # the other files' facts are all there, and the slow document's facts of the stages before the limit
    assert [f for f in report.facts if f.src.file != "009_sleep.txt"] == alone.facts
    assert any(f.type == "document" and f.src.file == "009_sleep.txt" for f in report.facts)


@pytest.fixture
def sleeping_citations(monkeypatch):
    """The citations stage sleeps on the marked document; worker processes fork and inherit it."""
    real = citations.extract

    def extract(doc):
        if MARK in doc.text:
            time.sleep(60)
        return real(doc)

    monkeypatch.setattr(citations, "extract", extract)


def test_the_limit_holds_on_worker_processes(tmp_path, sleeping_citations):
    slow = _sleeping_document(tmp_path)
    t = time.perf_counter()
    report = extract_files([CORPUS[0], slow, *CORPUS[1:3]], workers=2, timeout=2)
    assert time.perf_counter() - t < 45
    over = [f for f in report.failures if is_timeout(f)]
    assert [(f.file, f.stage) for f in over] == [("009_sleep.txt", "citations")]
    assert len(report.read) == 4


def test_govkg_extract_timeout_reports_one_line(tmp_path, sleeping_citations):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS[0], folder)
    _sleeping_document(folder)
    out = tmp_path / "facts.jsonl"
    for args, env in ((["--timeout", "1"], {}), ([], {"GOVKG_EXTRACT_TIMEOUT": "1"})):
        result = runner.invoke(app, ["extract", str(folder), "-o", str(out), *args], env=env)
        assert result.exit_code == 0, result.output
        lines = [line for line in result.output.splitlines() if "time limit" in line]
        assert lines == ["error: 009_sleep.txt [晋市政办〔2020〕99号] stage citations: "
                         "over the time limit of 1 s per document"], result.output
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--timeout", "soon"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_govkg_build_timeout_with_workers(tmp_path, sleeping_citations):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS[0], folder)
    _sleeping_document(folder)
    result = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "b"), "--no-load", "--no-shacl",
                                 "--timeout", "2", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "009_sleep.txt [晋市政办〔2020〕99号] stage citations: over the time limit of 2 s per document" \
        in result.output.replace("\n", "")
    # a document cut short is not kept in the extraction cache: the next build extracts it again
    again = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "b"), "--no-load", "--no-shacl",
                                "--timeout", "2"])
    assert "time limit" in again.output and "1 unchanged" in again.output, again.output


# ------------------------------------------------------------------ the same gazette twice


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([GOVKG, *args], capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_the_same_gazette_under_two_names_is_read_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS[0], folder / "a.txt")
    shutil.copy(CORPUS[0], folder / "b.txt")
    shutil.copy(CORPUS[1], folder / "c.txt")
    got = _run("extract", str(folder), "-o", str(tmp_path / "f.jsonl"))
    assert got.returncode == 0, got.stderr
    assert f"note: {folder / 'b.txt'} has the same bytes as {folder / 'a.txt'} (the same gazette): read once" \
        in got.stderr
    assert "2 file(s) read, 0 skipped, 1 duplicate(s) read once" in got.stderr
    assert {json.loads(line)["src"]["file"] for line in (tmp_path / "f.jsonl").open()} == {"a.txt", "c.txt"}
    built = _run("build", str(folder), "-o", str(tmp_path / "b"), "--no-load")
    assert built.returncode == 0, built.stderr  # it failed SHACL: every fact of the gazette twice
    assert "SHACL: conforms" in built.stderr and "read once" in built.stderr.replace("\n", "")
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert sorted(Path(i["path"]).name for i in manifest["inputs"]) == ["a.txt", "c.txt"]


# ------------------------------------------------------------------ a document of any length


def _long_gazette(path: Path, chars: int = 1_100_000) -> None:
    """One notice whose text runs over ``chars`` characters (a few MB): corpus prose without 文号 lines."""
    prose = [line for p in CORPUS for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip() and "〔" not in line and "号" not in line and len(line) > 20]
    parts, n = ["晋城市人民政府办公室\n关于印发超长实施方案的通知\n晋市政办〔2020〕98号\n各县（市、区）人民政府：\n"], 0
    while n < chars:
        for line in prose:
            parts.append(line + "\n")
            n += len(line) + 1
    parts.append("晋城市人民政府办公室\n2020年5月6日\n")
    path.write_text("".join(parts), encoding="utf-8")


def test_a_document_over_a_million_characters_is_extracted_and_built(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    big = folder / "005_long.txt"
    _long_gazette(big)
    assert big.stat().st_size > 2_500_000
    shutil.copy(CORPUS[0], folder)
    shutil.copy(CORPUS[1], folder)
    facts = tmp_path / "f.jsonl"
    t = time.perf_counter()
    got = _run("extract", str(folder), "-o", str(facts))
    seconds = time.perf_counter() - t
    assert got.returncode == 0 and "Traceback" not in got.stderr, got.stderr
    assert "3 file(s) read, 0 skipped" in got.stderr
    rows = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]  # whole lines only
    files = {r["src"]["file"] for r in rows}
    assert files == {"005_long.txt", CORPUS[0].name, CORPUS[1].name}
    longest = max((r for r in rows if r["type"] == "document"), key=lambda r: (r["src"].get("end_line") or 0)
                  - r["src"]["line"])
    assert longest["src"]["file"] == "005_long.txt"
    assert seconds < 10 * big.stat().st_size / 1e6 + 10  # under 10 s per MB
    built = _run("build", str(folder), "-o", str(tmp_path / "b"), "--no-load")
    assert built.returncode == 0 and "Traceback" not in built.stderr, built.stderr
    assert "3 file(s)" in built.stderr


def test_a_failed_write_leaves_the_previous_facts_whole(tmp_path):
    from govkg.facts import read_facts, write_facts

    out = tmp_path / "facts.jsonl"
    report = extract_files([CORPUS[0]])
    write_facts(report.facts, out)
    before = out.read_bytes()

    def broken():
        yield from report.facts[:10]
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_facts(broken(), out)
    assert out.read_bytes() == before and len(read_facts(out)) == len(report.facts)
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]  # no temporary file left
