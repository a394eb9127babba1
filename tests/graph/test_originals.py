"""A build keeps the PDF, web page and Word files it read in ``originals/`` with where each line of their
text stands (``origins/``), both listed with checksums in the manifest; a text file has none."""
from __future__ import annotations

import json

import pytest

from govkg.facts import read_facts
from govkg.graph.manifest import read_manifest, verify
from govkg.graph.originals import where


@pytest.mark.browser  # the PDF is printed by headless Chromium
def test_originals_are_kept_and_listed_with_their_checksums(published):
    out, _ = published
    manifest = read_manifest(out)
    inputs = {p["path"].rsplit("/", 1)[-1]: p for p in manifest["inputs"]}
    kept = manifest["originals"]
    assert set(kept) == {"jcgb_2020_02.pdf", "zwgk_2020_7.html", "晋市政办_2020_1.docx"}  # not notice.txt
    assert not (out / "originals" / "notice.txt").exists() and (out / "sources" / "notice.txt").is_file()
    for name, entry in kept.items():
        assert entry["path"] == f"originals/{name}" and entry["format"] == name.rsplit(".", 1)[1]
        # the bytes published: the input's checksum, and the manifest's entry for the file
        assert entry["sha256"] == inputs[name]["sha256"] == manifest["files"][entry["path"]]["sha256"]
        assert entry["origins"] in manifest["files"]
    verify(out)  # every file, originals and their line maps too, as the build wrote them


@pytest.mark.browser
def test_each_cited_line_has_its_origin_in_the_line_map(published):
    out, _ = published
    facts = [f for f in read_facts(out / "facts.jsonl") if f.src.origin is not None]
    assert {f.src.file for f in facts} >= {"jcgb_2020_02.pdf", "zwgk_2020_7.html"}
    maps = {name: json.loads((out / "origins" / f"{name}.json").read_text(encoding="utf-8"))
            for name in {f.src.file for f in facts}}
    for f in facts:
        assert maps[f.src.file][f.src.line - 1] == f.src.origin.to_dict(), (f.src, f.type)
    pdf = [f for f in facts if f.src.file.endswith(".pdf")]
    assert max(f.src.origin.page for f in pdf) == 3
    assert where({"page": 2, "line": 7}, "pdf") == "第 2 页第 7 行 page 2, line 7"
    assert where({"paragraph": 17}, "docx") == "第 17 段 paragraph 17"


def test_a_text_build_writes_no_originals(tmp_path):
    from govkg.graph.build import build
    from tests.text.formats.pages import excerpt

    (tmp_path / "notice.txt").write_text(excerpt("000", 181, 262), encoding="utf-8")
    report = build(tmp_path / "notice.txt", tmp_path / "out", validate_shacl=False, incremental=False)
    assert report.facts and "originals" not in report.outputs
    manifest = read_manifest(tmp_path / "out")
    assert "originals" not in manifest and not any(k.startswith(("originals/", "origins/")) for k in manifest["files"])


@pytest.mark.browser
def test_a_rebuild_from_the_extraction_cache_keeps_the_same_originals_and_line_maps(published, tmp_path):
    from govkg.graph.build import build

    out, _ = published
    corpus = out.parent / "corpus"
    again = build(corpus, tmp_path / "again", validate_shacl=False)  # its own cache: everything extracted
    cached = build(corpus, tmp_path / "again", validate_shacl=False)  # now from that cache: nothing read again
    assert again.files_cached == 0 and cached.files_cached == cached.files_read == 4
    for folder in ("originals", "origins", "sources"):
        names = sorted(p.name for p in (out / folder).iterdir())
        assert names == sorted(p.name for p in (tmp_path / "again" / folder).iterdir()), folder
        for name in names:
            assert (out / folder / name).read_bytes() == (tmp_path / "again" / folder / name).read_bytes(), name
    assert read_manifest(tmp_path / "again")["originals"].keys() == read_manifest(out)["originals"].keys()
