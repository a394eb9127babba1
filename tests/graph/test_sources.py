"""The source texts a build keeps: files in build/sources/, and each document's printed lines on its node."""
from __future__ import annotations

import pytest

from govkg.graph import sources
from govkg.graph.schema import NODES
from tests.support import CORPUS_DIR

pytestmark = pytest.mark.slow
FLOOD = "doc/晋市政办〔2020〕40号"


def test_the_build_writes_the_texts_it_read(corpus_build) -> None:
    out, report = corpus_build
    kept = sources.read(out / sources.SOURCES_DIR)
    assert sorted(kept) == sorted(p.name for p in CORPUS_DIR.glob("*.txt"))
    assert report.outputs["sources"] == str(out / sources.SOURCES_DIR)


def test_each_document_keeps_the_lines_of_its_printing(corpus_graph) -> None:
    doc = next(n for n in corpus_graph.nodes if n.label == "Document" and n.id == FLOOD)
    lines = doc.props["text"].split("\n")
    assert (doc.props["line"], doc.props["end_line"]) == (995, 1666) and len(lines) == 1666 - 995 + 1
    assert lines[0].startswith("晋市政办〔2020〕40号")
    assert lines[1066 - 995].startswith("成员单位:")  # the line the flood body's units cite


def test_the_text_stays_out_of_the_spreadsheets(corpus_build) -> None:
    out, _ = corpus_build
    assert "text" in NODES["Document"].columns and "text" not in NODES["Document"].export_columns
    nodes_csv = (out / "nodes.csv").read_text(encoding="utf-8")
    assert "晋城市防汛抗旱应急预案》已经市人民政府同意" not in nodes_csv


def test_loading_a_build_folder_reads_the_texts_back(corpus_build) -> None:
    from govkg.store import read_built_graph

    out, _ = corpus_build
    doc = next(n for n in read_built_graph(out).nodes if n.label == "Document" and n.id == FLOOD)
    assert doc.props["text"].startswith("晋市政办〔2020〕40号")


def test_only_plain_file_names_are_written(tmp_path) -> None:
    folder = sources.write({"a.txt": "甲", "../evil.txt": "乙", "sub/b.txt": "丙"}, tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
    assert sources.lines_of("1\n2\n3\n4", 2, 3) == "2\n3" and sources.lines_of("1", None, None) is None
