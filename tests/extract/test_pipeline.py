"""The one extraction driver: stage order, typed outputs, failures reported per document."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from govkg.extract import citations, pipeline
from govkg.extract.bodies.index import BodyIndex
from govkg.extract.pipeline import STAGES, Stage, check_stages, extract_document, extract_files, extract_text
from govkg.text.document import document_from_text

TWO_DOCS = """晋城市人民政府办公室
关于成立测试工作领导小组的通知
晋市政办〔2024〕1号
各县（市、区）人民政府：
为做好测试工作，决定成立测试工作领导小组，组成人员如下：
组　长：张三　市长
成　员：市财政局局长
根据《国务院关于开展普查的通知》（国发〔2019〕24号）执行。
晋城市人民政府办公室
2024年1月2日
晋城市人民政府办公室
关于印发测试方案的通知
晋市政办〔2024〕2号
各县（市、区）人民政府：
依据《某某管理办法》（晋政发〔2020〕3号）制定本方案。
晋城市人民政府办公室
2024年2月3日
"""


def _boom(doc, out):
    raise ValueError("boom\nsecond line is not shown")


def test_default_stages_are_in_an_order_that_provides_every_requirement():
    check_stages(STAGES)
    provided = [s.provides for s in STAGES if s.provides]
    assert provided == ["bodies", "people", "walk", "seats", "units"]


@pytest.mark.parametrize("stages,message", [
    ((Stage("seats", _boom, requires=("walk",)),), "requires walk"),
    ((Stage("a", _boom), Stage("a", _boom)), "listed twice"),
    ((Stage("a", _boom, provides="x"), Stage("b", _boom, provides="x")), "provided twice"),
])
def test_check_stages_refuses_a_bad_order(stages, message):
    with pytest.raises(ValueError, match=message):
        check_stages(stages)


def test_a_failing_stage_is_reported_and_the_others_still_give_facts():
    stages = tuple(Stage(s.name, _boom, s.requires, s.provides, s.empty) if s.name == "bodies" else s for s in STAGES)
    doc = document_from_text(TWO_DOCS.split("晋城市人民政府办公室\n关于印发")[0])
    result = extract_document(doc, stages)
    assert [(f.stage, f.reason) for f in result.failures] == [("bodies", "ValueError: boom")]
    assert result.failures[0].document == "测试〔2024〕1号" and result.failures[0].file == "fixture.txt"
    # no body facts; the citations still come out, and the walk, given an empty body index, still
    # reads the seat of the body its own reading found
    types = {f.type for f in result.facts}
    assert "body" not in types and "membership" not in types and {"citation", "seat"} <= types


def test_a_stage_without_an_empty_output_skips_what_requires_it():
    stages = tuple(Stage(s.name, _boom, s.requires, s.provides, None) if s.name == "walk" else s
                   for s in STAGES)
    result = extract_document(document_from_text(TWO_DOCS), stages)
    assert [f.stage for f in result.failures] == ["walk"]  # seats and units are not run, not reported twice
    assert {f.type for f in result.facts} >= {"body", "membership", "citation"}
    assert not {f.type for f in result.facts} & {"seat", "unit"}


def test_one_documents_failure_leaves_the_other_document(monkeypatch):
    real = citations.extract

    def fails_on_first(doc):
        if doc.number == "晋市政办〔2024〕1号":
            raise RuntimeError("bad citation table")
        return real(doc)

    monkeypatch.setattr(citations, "extract", fails_on_first)
    result = extract_text(TWO_DOCS, "issue.txt")
    assert [str(f) for f in result.failures] == [
        "issue.txt [晋市政办〔2024〕1号] stage citations: RuntimeError: bad citation table"]
    cited = [f.cited_number for f in result.facts if f.type == "citation"]
    assert cited == ["晋政发〔2020〕3号"]
    assert [f.doc for f in result.facts if f.type == "document"] == ["晋市政办〔2024〕1号", "晋市政办〔2024〕2号"]


def test_extract_files_reports_unreadable_files_and_goes_on(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(TWO_DOCS, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    seen = []
    report = extract_files([tmp_path / "empty.txt", tmp_path / "missing.txt", good],
                           on_file=lambda p, err: seen.append((p.name, err)))
    assert report.read == [str(good)] and report.documents == 2 and not report.failures
    assert report.failed == {str(tmp_path / "empty.txt"): "empty file", str(tmp_path / "missing.txt"): "no such file"}
    assert seen == [("empty.txt", "empty file"), ("missing.txt", "no such file"), ("good.txt", None)]


def test_empty_body_index_has_no_bodies():
    idx = BodyIndex.empty(document_from_text("组长：张三"))
    assert idx.mentions == [] and idx.segments == []


def test_cli_extract_prints_each_stage_failure_and_strict_fails(tmp_path: Path, monkeypatch):
    src = tmp_path / "issue.txt"
    src.write_text(TWO_DOCS, encoding="utf-8")

    def broken(doc):
        raise KeyError("x")

    monkeypatch.setattr(citations, "extract", broken)
    runner = CliRunner()
    out = tmp_path / "f.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    errors = [line for line in res.output.splitlines() if line.startswith("error:")]
    assert errors == ["error: issue.txt [晋市政办〔2024〕1号] stage citations: KeyError: 'x'",
                      "error: issue.txt [晋市政办〔2024〕2号] stage citations: KeyError: 'x'"]
    assert "2 stage failure(s)" in res.output and out.read_text(encoding="utf-8").count('"type": "body"') == 1
    res = runner.invoke(app, ["extract", str(src), "-o", str(out), "--strict"])
    assert res.exit_code == 1


def test_corpus_paths_expands_folders_in_name_order(tmp_path: Path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in pipeline.corpus_paths(tmp_path, tmp_path / "z.txt")] == ["a.txt", "b.txt", "z.txt"]


SKIPPING = """晋城市人民政府办公室
关于成立测试工作领导小组的通知
晋市政办〔2024〕1号
各县（市、区）人民政府：
为做好测试工作，决定成立测试工作领导小组，组成人员如下：
组　长：张三　市长
成　员：李四　市财政局局长
　　　　　项目一部 市经发局政治处
　　　　　王五　市教育局局长
"""


def test_a_list_item_the_reader_cannot_read_is_reported_and_the_list_goes_on(tmp_path: Path):
    got = extract_text(SKIPPING, "x.txt")
    assert [m.person for m in got.facts if m.type == "membership"] == ["张三", "李四", "王五"]
    assert [str(s) for s in got.skipped] == ["x.txt:8: skipped '项目一部 市经发局政治处' (not read as a person in the 成员 list)"]
    src = tmp_path / "x.txt"
    src.write_text(SKIPPING, encoding="utf-8")
    listing = tmp_path / "skipped.txt"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "f.jsonl"), "--skipped", str(listing)])
    assert res.exit_code == 0 and "1 list item(s) skipped" in res.output
    assert listing.read_text(encoding="utf-8").splitlines() == [str(s) for s in got.skipped]


def test_skipping_outside_a_recording_is_silent():
    from govkg.extract.notes import recording, skipped

    skipped(1, "x", "nobody listens")  # no record open: nothing to fail
    with recording() as notes:
        skipped(3, "  甲乙  ", "why")
    assert [(n.line, n.text) for n in notes] == [(3, "甲乙")]
