"""Rows for the stores: de-duplication, gap filling, load order, and a bad graph refused before anything loads."""
from __future__ import annotations

import pytest

from govkg.graph.schema import NODES, RELS, Edge, Node, PropertyGraph
from govkg.store.rows import TableStream


def _graph() -> PropertyGraph:
    return PropertyGraph(
        nodes=[Node("Agency", "agency/a", {"name": "市财政局", "level": ""}),
               Node("Agency", "agency/a", {"name": "市财政局", "level": "city"}),  # fills the gap
               Node("Body", "body/b", {"name": "领导小组", "kind": "leading_group"})],
        edges=[Edge("UNIT_OF", "agency/a", "body/b", {"doc": "x〔2020〕1号", "file": "f.txt", "line": 3}),
               Edge("UNIT_OF", "agency/a", "body/b", {"doc": "x〔2020〕1号", "file": "f.txt", "line": 3}),  # repeated
               Edge("UNIT_OF", "agency/a", "body/b", {"doc": "x〔2020〕1号", "file": "f.txt", "line": 9}),
               Edge("OFFICE_AT", "body/b", "agency/missing", {"doc": "", "file": "f.txt", "line": 4})],
    )


def test_tables_deduplicate_fill_gaps_and_drop_dangling_edges():
    stream = TableStream(_graph())
    tables = dict(stream)
    assert tables["Agency"] == [("agency/a", "市财政局", "city", None, None, None)]  # aliases, labels, reviewed unset
    # since, until, the document that ended the tie (end_doc) and the review judgements unset
    assert tables["UNIT_OF"] == [("agency/a", "body/b", "x〔2020〕1号", "f.txt", 3, None, None, None, None),
                                     ("agency/a", "body/b", "x〔2020〕1号", "f.txt", 9, None, None, None, None)]
    assert tables["OFFICE_AT"] == [] and stream.dropped_edges == 1


def test_stream_yields_every_node_table_before_relations_largest_first():
    names = [name for name, _ in TableStream(_graph())]
    assert names[:len(NODES)] == list(NODES)
    assert sorted(names[len(NODES):]) == sorted(RELS) and names[len(NODES)] == "UNIT_OF"


@pytest.mark.parametrize("bad", [
    PropertyGraph(nodes=[Node("Agency", "agency/a", {"name": "x"}), Node("Nope", "n/1", {})]),
    PropertyGraph(nodes=[Node("Agency", "agency/a", {"name": "x"})], edges=[Edge("NOPE", "agency/a", "agency/a", {})]),
])
def test_an_unknown_label_or_type_is_refused_before_anything_is_prepared(bad):
    with pytest.raises(ValueError, match="unknown"):
        TableStream(bad)
