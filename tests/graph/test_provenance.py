"""Provenance on every edge: each relation kind carries the document, file and line that printed it."""
from __future__ import annotations

import csv

import pytest

from govkg.facts import AssignmentFact, DocumentFact, MembershipFact, SeatFact, Src
from govkg.graph.pg import property_graph
from govkg.graph.rdf import graph_from_facts
from govkg.graph.schema import PROVENANCE, RELS

F = "100_fixture.txt"
D1, D2 = "晋市政办〔2020〕1号", "晋市政办〔2020〕2号"


def test_every_relation_kind_has_the_provenance_columns() -> None:
    assert all(set(PROVENANCE) <= set(r.columns) for r in RELS.values())


def test_edges_implied_by_a_name_cite_its_first_printing() -> None:
    """A post's agency, a sub-unit's parent and a task's document come from a printed name or text:
    their source is its first printing, by file and line."""
    facts = [
        DocumentFact(Src(F, 1, 40), D1, title="甲", issuer="晋城市人民政府办公室", date="2020-01-10"),
        DocumentFact(Src(F, 41, 90), D2, title="乙", issuer="晋城市人民政府办公室", date="2020-02-10"),
        SeatFact(Src(F, 60), D2, body="市安全生产委员会", role="成员", holder="市水务局局长"),
        MembershipFact(Src(F, 20), D1, body="市安全生产委员会", person="王五", role="成员", position="市水务局局长"),
        AssignmentFact(Src(F, 30), D1, agency="市公安局交警支队", role="牵头", task="治理拥堵"),
        AssignmentFact(Src(F, 31), D1, agency="市公安局交警支队", role="牵头", task="治理拥堵"),
    ]
    pg = property_graph(graph_from_facts(facts))
    by_type = {e.type: e for e in pg.edges}
    assert {k: by_type["POST_IN"].props[k] for k in PROVENANCE} == {"doc": D1, "file": F, "line": 20}
    assert {k: by_type["SUB_ORG_OF"].props[k] for k in PROVENANCE} == {"doc": D1, "file": F, "line": 30}
    assert {k: by_type["IN"].props[k] for k in PROVENANCE} == {"doc": D1, "file": F, "line": 30}
    for e in pg.edges:
        assert all(e.props.get(k) not in (None, "") for k in PROVENANCE), e


@pytest.mark.slow
def test_every_edge_of_the_corpus_export_has_document_file_and_line(corpus_build) -> None:
    out, _ = corpus_build
    with open(out / "edges.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 3000
    missing = [(r["relation"], r["Source"], r["Target"]) for r in rows if not (r["doc"] and r["file"] and r["line"])]
    assert not missing, missing[:5]
    assert {r["relation"] for r in rows} == set(RELS)
