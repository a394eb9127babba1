"""All-or-nothing builds: written aside, switched in whole, never replaced by an empty, failed or killed build."""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from govkg.errors import BuildRefused, Busy, IncompleteBuild
from govkg.graph import buildfolder
from govkg.graph.manifest import MANIFEST, read_manifest, verify
from govkg.locking import exclusive
from tests.support import GOLD_DIR, GOLD_STEMS, ROOT

needs_gold = pytest.mark.skipif(not GOLD_STEMS, reason="shared gold not available")
GOLD_FILE = GOLD_DIR / f"{GOLD_STEMS[0]}.jsonl" if GOLD_STEMS else None


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", *args, "--no-load", "--no-shacl"])
    return result.exit_code, result.output


@pytest.fixture
def good(tmp_path) -> Path:
    """A good build of one gold issue's facts in tmp_path/out."""
    out = tmp_path / "out"
    code, output = _build("--facts", str(GOLD_FILE), "--out", str(out))
    assert code == 0, output
    return out


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_gold
def test_the_manifest_lists_every_output_with_its_checksum_and_the_inputs(good) -> None:
    manifest = verify(good)
    files = set(manifest["files"])
    assert {"facts.jsonl", "graph.nt", "graph.ttl", "graph.jsonld", "graph.graphml", "nodes.csv", "edges.csv"} <= files
    assert MANIFEST not in files
    assert [Path(i["path"]).name for i in manifest["inputs"]] == [GOLD_FILE.name]
    assert manifest["facts"] == sum(1 for _ in open(good / "facts.jsonl", encoding="utf-8"))
    assert manifest["counts"]["Body"] > 0 and manifest["classes"] and manifest["govkg_version"]
    assert manifest["built_at"].endswith("Z")
    assert manifest["format"] == "govkg-build/2" and "graph.gexf" in files
    assert sum(manifest["predicates"].values()) == manifest["triples"]
    assert manifest["predicates"]["org:member"] == manifest["classes"]["org:Membership"]


@needs_gold
def test_a_version_1_manifest_is_still_read(good, tmp_path) -> None:
    import json
    import shutil

    old = tmp_path / "old"
    shutil.copytree(good, old)
    manifest = json.loads((old / MANIFEST).read_text(encoding="utf-8"))
    manifest["format"] = "govkg-build/1"
    del manifest["predicates"]
    (old / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert verify(old, ["graph.nt"])["format"] == "govkg-build/1"
    manifest["format"] = "govkg-build/9"
    (old / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IncompleteBuild, match="govkg-build/1 or govkg-build/2"):
        read_manifest(old)


@needs_gold
@pytest.mark.parametrize("damage", ["truncate", "change", "remove"])
def test_a_damaged_output_fails_verification_in_one_line(good, damage) -> None:
    nt = good / "graph.nt"
    data = nt.read_bytes()
    if damage == "truncate":
        nt.write_bytes(data[: len(data) // 9])
    elif damage == "change":
        nt.write_bytes(data.replace(b"<", b"[", 1))
    else:
        nt.unlink()
    with pytest.raises(IncompleteBuild) as err:
        verify(good)
    assert "graph.nt" in str(err.value) and "\n" not in str(err.value)


def test_a_folder_without_a_manifest_is_no_build(tmp_path) -> None:
    (tmp_path / "graph.nt").write_text("", encoding="utf-8")
    with pytest.raises(IncompleteBuild, match="no manifest.json"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(IncompleteBuild, match="cannot be read"):
        read_manifest(tmp_path)


@needs_gold
@pytest.mark.parametrize("content", [b"", b"\n\n", b'{"type": "note"}\n'])
def test_a_build_from_no_facts_keeps_the_previous_build(good, tmp_path, content) -> None:
    before = _snapshot(good)
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(content)
    code, output = _build("--facts", str(empty), "--out", str(good))
    assert code == 1 and "no facts" in output and "unchanged" in output, output
    assert _snapshot(good) == before
    code, output = _build("--facts", str(empty), "--out", str(good), "--allow-empty")
    assert code == 0, output
    assert verify(good)["facts"] == 0


@needs_gold
def test_a_build_that_reads_nothing_keeps_the_previous_build(good, tmp_path) -> None:
    before = _snapshot(good)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    code, output = _build(str(corpus), "--out", str(good))
    assert code == 1 and "Traceback" not in output, output
    assert _snapshot(good) == before


@needs_gold
@pytest.mark.parametrize("content,why", [(b"{not json\n", "not JSON"), (b"\xff\xfe\x00binary", "not UTF-8"),
                                         (b'{"type": "body", "doc": 1}\n', "not a valid body fact"),
                                         (b"[1, 2]\n", "not a fact")])
def test_bad_facts_are_a_one_line_error(good, tmp_path, content, why) -> None:
    before = _snapshot(good)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content)
    code, output = _build("--facts", str(bad), "--out", str(good))
    assert code == 2 and why in output and "Traceback" not in output, output
    assert _snapshot(good) == before


def test_a_folder_of_other_files_is_never_replaced(tmp_path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"important")
    with pytest.raises(BuildRefused, match="thesis.docx"):
        buildfolder.check_replaceable(mine)
    if GOLD_FILE:
        code, output = _build("--facts", str(GOLD_FILE), "--out", str(mine))
        assert code == 1 and "choose an empty folder" in output, output
        assert (mine / "thesis.docx").read_bytes() == b"important"


@needs_gold
def test_a_build_while_another_holds_the_folder_is_refused(good) -> None:
    before = _snapshot(good)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from govkg.locking import exclusive\n"
        f"with exclusive({str(good)!r}):\n    print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "held"
        code, output = _build("--facts", str(GOLD_FILE), "--out", str(good))
        assert code == 1 and "in use by another build" in output and str(holder.pid) in output, output
        with pytest.raises(Busy):
            with exclusive(good):
                pass
    finally:
        holder.kill()
        holder.wait()
    assert _snapshot(good) == before
    with exclusive(good):  # the kernel released the dead holder's lock
        pass


@needs_gold
def test_a_switch_interrupted_by_a_kill_is_undone(good) -> None:
    before = _snapshot(good)
    aside = good.parent / f".{good.name}.old"
    os.rename(good, aside)  # killed between "old aside" and "new in"
    buildfolder.recover(good)
    assert _snapshot(good) == before and not aside.exists()


@needs_gold
def test_a_killed_build_leaves_the_previous_build_and_no_lock(good) -> None:
    """kill -9 in the middle of writing the exports: the old build is served as it was, and the next build runs."""
    before = _snapshot(good)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    script = ("import sys, time\nfrom govkg.graph import export\nreal = export.write_graphml\n"
              "def slow(*a, **k):\n    p = real(*a, **k); print('writing', flush=True); time.sleep(60); return p\n"
              "export.write_graphml = slow\nfrom govkg.cli import app\n"
              f"app(['build', '--facts', {str(GOLD_FILE)!r}, '--out', {str(good)!r}, '--no-load', '--no-shacl'])")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        assert proc.stdout.readline().strip() == "writing"
        assert buildfolder.staging_path(good).is_dir()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert _snapshot(good) == before
    code, output = _build("--facts", str(GOLD_FILE), "--out", str(good))
    assert code == 0, output
    assert not buildfolder.staging_path(good).exists()
    assert _snapshot(good)["graph.nt"] == before["graph.nt"]


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as a full disk fails
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@needs_gold
def test_a_build_that_cannot_write_its_files_is_one_line_and_keeps_the_previous_build(good) -> None:
    before = _snapshot(good)
    proc = subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(GOLD_FILE), "--out", str(good),
                           "--no-load", "--no-shacl"], cwd=ROOT, capture_output=True, text=True,
                          preexec_fn=_limit_file_size, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "cannot write the build" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert _snapshot(good) == before
    assert not buildfolder.staging_path(good).exists()


@needs_gold
def test_a_refused_build_is_kept_for_inspection_and_a_good_one_clears_it(good, tmp_path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    _build("--facts", str(empty), "--out", str(good))
    kept = buildfolder.rejected_path(good)
    assert json.loads((kept / MANIFEST).read_text(encoding="utf-8"))["facts"] == 0
    code, _ = _build("--facts", str(GOLD_FILE), "--out", str(good))
    assert code == 0 and not kept.exists()
