"""The export writers' fast paths give the bytes of the plain ones: XML escaping, and Turtle/JSON-LD written on a
thread beside the rest."""
from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape, quoteattr as sax_quoteattr

import pytest

from govkg.graph import export
from govkg.graph.rdf import graph_from_facts
from tests.graph.test_rdf import fixture_facts

TEXTS = ["", "晋城市人民政府", "plain id:123", "a & b", "<script>alert(1)</script>", 'say "hi"', "it's",
         'both \' and "', "line\nbreak", "tab\there", "cr\rhere", "&amp; already", ">", "\u2028 separator",
         "mixed 领导小组 <b> & 'x' \"y\"\n"]


@pytest.mark.parametrize("text", TEXTS)
def test_escape_and_quoteattr_are_saxutils(text: str) -> None:
    assert export.escape(text) == sax_escape(text)
    assert export.quoteattr(text) == sax_quoteattr(text)


def test_turtle_and_jsonld_on_a_thread_are_the_same_files(tmp_path) -> None:
    graph = graph_from_facts(fixture_facts())
    from govkg.graph.pg import property_graph

    pg = property_graph(graph)
    plain, threaded = tmp_path / "plain", tmp_path / "threaded"
    plain.mkdir(), threaded.mkdir()
    a = export.export_all(graph, pg, plain)
    export.write_nt(graph, threaded)
    b = export.export_all(None, pg, threaded, nt_written=True, streamed=export.start_streamed(threaded))
    assert list(a) == list(b)
    for name in a:
        assert a[name].read_bytes() == b[name].read_bytes(), name


def test_a_failure_on_the_thread_reaches_the_caller(tmp_path) -> None:
    graph = graph_from_facts(fixture_facts())
    from govkg.graph.pg import property_graph

    streamed = export.start_streamed(tmp_path)  # no graph.nt there
    with pytest.raises(OSError):
        export.export_all(None, property_graph(graph), tmp_path, nt_written=True, streamed=streamed)


def _tricky(graph):
    """Subjects whose texts are prefixes of each other, blank nodes, literals with what N-Triples escapes."""
    from rdflib import BNode, Literal, URIRef

    p = URIRef("https://govkg.org/ns#x")
    for s in (URIRef("https://x/a"), URIRef("https://x/a/b"), URIRef("https://x/a-b"), URIRef("https://x/ab"),
              BNode("b1"), BNode("b10"), BNode("b1x"), URIRef("https://x/%E6%99%8B")):
        for o in (Literal("tab\there"), Literal("line\nbreak"), Literal("晋城", lang="zh"), Literal(1), URIRef("https://x/a"),
                  Literal("q\"uote"), Literal(" space"), Literal("")):
            graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("store", ["compact", "rdflib"])
def test_graph_nt_is_the_sorted_ntriples(tmp_path, store) -> None:
    """Both ways of writing graph.nt (a CompactGraph's subjects sorted; any other graph's lines in runs) give
    the bytes of sorting every line."""
    from rdflib import Graph

    graph = _tricky(graph_from_facts(fixture_facts()))
    if store == "rdflib":
        plain = Graph()
        for t in graph:
            plain.add(t)
        graph = plain
    path = export.write_nt(graph, tmp_path, run_lines=50)
    assert path.read_text(encoding="utf-8") == export.sorted_ntriples(graph)
