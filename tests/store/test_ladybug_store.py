"""The embedded LadybugDB store: bulk load, verified counts, idempotence, values that survive the COPY,
and a failed load that loses nothing."""
from __future__ import annotations

import pytest

from devtools.synthetic import synthetic_graph
from govkg.errors import StoreError
from govkg.graph.schema import Node, PropertyGraph
from govkg.store import load_embedded
from govkg.store.ladybug import LadybugStore
from tests.store.graphs import TRICKY_COUNTS, TRICKY_NAMES, tricky_graph


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def test_load_reports_deduplicated_counts(ladybug_store):
    report = ladybug_store.load(tricky_graph())
    assert nonzero(report.counts) == nonzero(TRICKY_COUNTS)
    assert ladybug_store.counts() == report.counts


@pytest.mark.parametrize("replace", [True, False])
def test_loading_twice_gives_the_same_counts(ladybug_store, replace):
    g = synthetic_graph(3, agencies=12)
    first = ladybug_store.load(g)
    second = ladybug_store.load(g, replace=replace)
    assert second.counts == first.counts


def test_replace_drops_what_the_new_graph_lacks(ladybug_store):
    ladybug_store.load(synthetic_graph(3, agencies=12))
    ladybug_store.load(tricky_graph())
    assert nonzero(ladybug_store.counts()) == nonzero(TRICKY_COUNTS)


@pytest.mark.parametrize("name", TRICKY_NAMES)
def test_awkward_strings_survive_the_copy(ladybug_store, name):
    ladybug_store.load(tricky_graph())
    rows = ladybug_store.run("MATCH (a:Agency) WHERE a.name = $name RETURN a.id AS id", {"name": name})
    assert len(rows) == 1


def test_empty_strings_and_types_come_back_plain(ladybug_store):
    ladybug_store.load(tricky_graph())
    rows = ladybug_store.run("MATCH (a:Agency {id: 'agency/0'}) RETURN a.level AS level")
    assert rows == [{"level": None}]
    rows = ladybug_store.run("MATCH (d:Document) RETURN d.stub AS stub, d.line AS line")
    assert rows == [{"stub": False, "line": 3}]


def test_a_bad_query_is_a_store_error(ladybug_store):
    with pytest.raises(StoreError, match="embedded query failed"):
        ladybug_store.run("MATCH (n:NoSuchLabel) RETURN n")


def test_read_only_open_of_a_missing_graph_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="govkg build"):
        LadybugStore(tmp_path / "none.lbdb", read_only=True)


def test_a_read_only_store_answers_queries(tmp_path):
    path = tmp_path / "g.lbdb"
    writer = LadybugStore(path)
    writer.load(tricky_graph())
    writer.close()
    reader = LadybugStore(path, read_only=True)
    try:
        assert reader.counts()["Agency"] == len(TRICKY_NAMES)
    finally:
        reader.close()


def _graph_with_a_bad_line() -> PropertyGraph:
    g = tricky_graph()
    doc = next(n for n in g.nodes if n.label == "Document")
    g.nodes[g.nodes.index(doc)] = Node("Document", doc.id, {**doc.props, "line": "three"})
    return g


def test_a_value_of_the_wrong_type_is_a_store_error_naming_the_table(ladybug_store):
    with pytest.raises(StoreError, match="Document"):
        ladybug_store.load(_graph_with_a_bad_line())


def test_a_failed_embedded_load_keeps_the_previous_graph(tmp_path):
    path = tmp_path / "g.lbdb"
    first = load_embedded(tricky_graph(), path)
    with pytest.raises(StoreError):
        load_embedded(_graph_with_a_bad_line(), path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".g.lbdb.lock") == ["g.lbdb"]  # no staging file left behind
    reader = LadybugStore(path, read_only=True)
    try:
        assert reader.counts() == first.counts
    finally:
        reader.close()


def test_an_embedded_reload_replaces_the_graph(tmp_path):
    path = tmp_path / "g.lbdb"
    load_embedded(synthetic_graph(3, agencies=12), path)
    report = load_embedded(tricky_graph(), path)
    assert nonzero(report.counts) == nonzero(TRICKY_COUNTS)
    reader = LadybugStore(path, read_only=True)
    try:
        assert reader.counts() == report.counts
    finally:
        reader.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".g.lbdb.lock") == ["g.lbdb"]


def test_a_graph_of_unknown_labels_is_refused_and_the_loaded_graph_kept(ladybug_store):
    loaded = ladybug_store.load(tricky_graph()).counts
    bad = PropertyGraph(nodes=[Node("Agency", "agency/x", {"name": "x"}), Node("NoSuchLabel", "n/1", {})])
    with pytest.raises(ValueError, match="unknown node label"):
        ladybug_store.load(bad)
    assert ladybug_store.counts() == loaded
