"""The build's property-graph tables give back the very graph the build made, and the graph graph.nt gives."""
from __future__ import annotations

import pytest

from govkg.graph.schema import NODES, RELS, PropertyGraph
from govkg.graph.tables import has_tables, read_tables, write_tables
from govkg.store import read_built_graph


def test_the_corpus_tables_are_the_built_graph(corpus_build) -> None:
    out, report = corpus_build
    assert has_tables(out)
    back = read_tables(out)
    assert back.nodes == report.property_graph.nodes and back.edges == report.property_graph.edges
    from_rdf = read_built_graph(out)  # what a load made before the tables: the same graph
    assert back.nodes == from_rdf.nodes and back.edges == from_rdf.edges


def test_an_empty_graph_has_every_table(tmp_path) -> None:
    write_tables(PropertyGraph(), tmp_path)
    assert has_tables(tmp_path)
    assert read_tables(tmp_path) == PropertyGraph()
    assert {p.stem for p in (tmp_path / "tables").glob("*.parquet")} == set(NODES) | set(RELS)


def test_a_missing_table_is_no_tables(corpus_build, tmp_path) -> None:
    write_tables(corpus_build[1].property_graph, tmp_path)
    (tmp_path / "tables" / "Body.parquet").unlink()
    assert not has_tables(tmp_path)
    with pytest.raises(FileNotFoundError):
        read_tables(tmp_path)
