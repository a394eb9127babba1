"""The build stage end to end: gold facts → graph files; the corpus through the extractors and the CLI."""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from govkg.cli import app
from govkg.graph.build import build, build_from_facts
from tests.support import CORPUS_DIR, GOLD_STEMS, gold_facts

OUTPUTS = ("facts.jsonl", "graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf", "nodes.csv",
           "edges.csv")

needs_gold = pytest.mark.skipif(not GOLD_STEMS, reason="shared gold not available")


@pytest.fixture(scope="module")
def gold_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("gold")
    return build_from_facts(gold_facts(), out), out


@needs_gold
def test_gold_graph_conforms_to_the_shapes(gold_build) -> None:
    report, _ = gold_build
    assert report.conforms, report.shacl_report[:2000]


@needs_gold
def test_gold_build_writes_every_format(gold_build) -> None:
    report, out = gold_build
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    ttl = Graph().parse(out / "graph.ttl")
    assert isomorphic(ttl, report.graph)
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"), report.graph)
    assert isomorphic(Graph().parse(out / "graph.nt", format="nt"), report.graph)
    assert "@context" in json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out / "graph.graphml").getroot()
    assert len(root.findall(".//g:node", ns)) == sum(1 for _ in open(out / "nodes.csv", encoding="utf-8-sig")) - 1
    with open(out / "edges.csv", encoding="utf-8-sig") as fh:
        edges = list(csv.DictReader(fh))
    assert len(edges) == len(report.property_graph.edges)
    assert {e["relation"] for e in edges} >= {"MEMBER_OF", "SEAT_ON", "UNIT_OF", "ASSIGNED", "CITES", "OFFICE_AT"}
    with open(out / "nodes.csv", encoding="utf-8-sig") as fh:
        ids = {n["Id"] for n in csv.DictReader(fh)}
    assert {e["Source"] for e in edges} | {e["Target"] for e in edges} <= ids  # Gephi needs every end


@needs_gold
def test_gexf_reads_in_networkx_with_the_graphmls_nodes_and_edges(gold_build) -> None:
    import networkx as nx

    report, out = gold_build
    gexf = nx.read_gexf(out / "graph.gexf", version="1.3")
    graphml = nx.read_graphml(out / "graph.graphml")
    assert gexf.number_of_nodes() == graphml.number_of_nodes() == len(report.property_graph.nodes)
    assert gexf.number_of_edges() == graphml.number_of_edges() == len(report.property_graph.edges)
    assert set(gexf.nodes) == set(graphml.nodes)
    body = next(n for n, d in gexf.nodes(data=True) if d.get("node_type") == "Body")
    assert gexf.nodes[body]["label"] and "kind" in gexf.nodes[body]
    assert {d["relation"] for _, _, d in gexf.edges(data=True)} >= {"MEMBER_OF", "SEAT_ON", "UNIT_OF", "CITES"}
    assert any(isinstance(d.get("line"), int) for _, _, d in gexf.edges(data=True))


@needs_gold
def test_csv_files_carry_a_byte_order_mark_for_excel(gold_build) -> None:
    _, out = gold_build
    for name in ("nodes.csv", "edges.csv"):
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf" + (b"Id," if name == "nodes.csv" else b"Source,"))


@needs_gold
def test_rebuild_is_byte_identical(gold_build, tmp_path) -> None:
    _, first = gold_build
    build_from_facts(gold_facts(), tmp_path, validate_shacl=False)
    for name in ("graph.nt", "nodes.csv", "edges.csv", "graph.graphml", "graph.gexf"):
        assert (tmp_path / name).read_bytes() == (first / name).read_bytes(), name


@needs_gold
def test_gold_bodies_named_in_several_documents_are_one_node(gold_build) -> None:
    report, _ = gold_build
    bodies = {n.id: n for n in report.property_graph.nodes if n.label == "Body"}
    flood = [b for b in bodies if b.endswith("/防汛抗旱指挥部")]
    assert len(flood) == 1
    established = [e for e in report.property_graph.edges if e.type == "MEMBER_OF" and e.dst == flood[0]]
    assert {e.props["end_date"] for e in established} == {"2020-08-13"}  # the 2019 list, ended by the 2020 one


@pytest.mark.slow
def test_corpus_build_through_the_cli(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    src = sorted(CORPUS_DIR.glob("*.txt"))[0]
    (corpus / src.name).write_bytes(src.read_bytes())
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-load"])
    assert result.exit_code == 0, result.output
    assert "SHACL: conforms" in result.output
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).exists(), name
    facts = (tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert any(json.loads(line)["type"] == "document" for line in facts)


@pytest.mark.slow
def test_build_api_reports_documents(tmp_path) -> None:
    src = sorted(CORPUS_DIR.glob("*.txt"))[0]
    seen: list[tuple[str, str | None]] = []
    report = build(src, tmp_path, on_file=lambda p, err: seen.append((p.name, err)), validate_shacl=False)
    assert report.files_read == 1 and seen == [(src.name, None)] and not report.stage_failures
    assert report.facts == sum(1 for _ in open(Path(report.outputs["facts"]), encoding="utf-8"))


def test_a_missing_corpus_is_an_error_and_writes_nothing(tmp_path) -> None:
    result = CliRunner().invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "--no-load"])
    assert result.exit_code == 2 and not (tmp_path / "out").exists()


@needs_gold
@pytest.mark.slow
def test_rebuild_in_other_processes_is_byte_identical(tmp_path) -> None:
    """Two processes with different hash seeds: nothing may hang on set or dict order."""
    import os
    import subprocess
    import sys

    from tests.support import GOLD_DIR, ROOT
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(GOLD_DIR), "--out", str(out),
                        "--no-shacl", "--no-load"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(out)
    for name in ("graph.nt", "graph.ttl", "graph.jsonld", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
