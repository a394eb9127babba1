"""A rebuild with nothing to change keeps the build folder as it is (``govkg.graph.manifest.unchanged_build``):
the same input files, judgements and rules, and every file as built. Anything else builds again."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from govkg.graph import manifest as manifest_module
from govkg.graph.build import build
from tests.support import CORPUS_DIR

pytestmark = pytest.mark.slow


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The two smallest sample issues in a folder of their own (the tests change it)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for src in sorted(CORPUS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)[:2]:
        shutil.copy(src, folder / src.name)
    return folder


def _stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Each file of the folder with its inode and modification time: what a rewrite changes."""
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(out.rglob("*"))}


def _kept(corpus: Path, out: Path, **kwargs) -> bool:
    before = _stamps(out)
    report = build(corpus, out, keep_unchanged=True, keep_graph=False, **kwargs)
    assert report.refused is None
    if report.unchanged:
        assert _stamps(out) == before and report.graph is None and report.facts > 0
    return report.unchanged is not None


def test_the_cli_keeps_an_unchanged_build_and_says_so(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--no-load"])
    assert first.exit_code == 0 and "kept" not in first.output, first.output
    before = _stamps(out)
    again = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--no-load"])
    assert again.exit_code == 0, again.output
    assert "extracted 0 file(s), 2 unchanged" in again.output and "nothing built or written" in again.output
    assert "SHACL: conforms" in again.output and _stamps(out) == before
    # the summary's counts are the build's, read from its manifest
    assert first.output.split("govkg build")[1].split("extracted")[0] == again.output.split("govkg build")[1].split("extracted")[0]


def test_a_changed_input_file_or_a_new_one_builds_again(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(corpus, out)
    assert _kept(corpus, out)
    victim = sorted(corpus.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not _kept(corpus, out)
    assert _kept(corpus, out)
    shutil.copy(sorted(CORPUS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)[2], corpus / "new.txt")
    assert not _kept(corpus, out)
    (corpus / "new.txt").unlink()
    assert not _kept(corpus, out)


def test_other_rules_other_judgements_or_a_damaged_file_build_again(corpus: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out)
    monkeypatch.setattr(manifest_module, "build_version", lambda: "other rules")
    assert not _kept(corpus, out)
    assert _kept(corpus, out)
    monkeypatch.undo()
    assert not _kept(corpus, out)

    judgements = tmp_path / "judgements.jsonl"
    judgements.write_text("", encoding="utf-8")
    assert not _kept(corpus, out, judgements=judgements)  # the judgements file is one of the inputs
    assert _kept(corpus, out, judgements=judgements)

    with open(out / "graph.nt", "r+b") as fh:  # truncated, as a full disk or a kill would leave it
        fh.truncate(100)
    assert not _kept(corpus, out, judgements=judgements)
    assert (out / "graph.nt").stat().st_size > 100


def test_a_validated_build_is_kept_for_an_unvalidated_one_not_the_other_way(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(corpus, out, validate_shacl=False)
    assert _kept(corpus, out, validate_shacl=False)
    assert not _kept(corpus, out)  # SHACL asked for: validate it
    assert _kept(corpus, out, validate_shacl=False)


def test_a_kept_build_is_loaded_unless_the_store_holds_it(corpus: Path, tmp_path: Path, monkeypatch):
    db = tmp_path / "store" / "graph.lbdb"
    monkeypatch.setenv("GOVKG_DB_PATH", str(db))
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["build", str(corpus), "--out", str(out)]).exit_code == 0
    again = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out)])
    assert again.exit_code == 0 and "holds this build already" in again.output, again.output
    other = tmp_path / "other"
    assert CliRunner().invoke(app, ["build", str(corpus), "--out", str(other), "--no-shacl"]).exit_code == 0
    third = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out)])  # kept, but the store has another
    assert third.exit_code == 0 and "nothing built or written" in third.output, third.output
    assert "holds this build already" not in third.output and "loaded into" in third.output
    from govkg.store.ladybug import LadybugStore

    store = LadybugStore(db, read_only=True)
    try:
        assert store.loaded_build()["manifest"]["loaded_from"] == str(out.resolve())
    finally:
        store.close()
