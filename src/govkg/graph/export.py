"""Write the graph out: Turtle, sorted N-Triples, JSON-LD with a context, GraphML, GEXF, nodes/edges CSV."""
from __future__ import annotations

import contextlib
import csv
import heapq
import json
import re
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator
from xml.sax.saxutils import escape as _sax_escape, quoteattr as _sax_quoteattr

from rdflib import Graph, Literal
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from govkg.graph.memory import CompactMemory
from govkg.graph.schema import NODES, RELS, PropertyGraph
from govkg.graph.terms import PREFIXES

_PREFIX_IRIS = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
JSONLD_CONTEXT = _PREFIX_IRIS | {"@language": "zh"}


# What xml.sax.saxutils changes in a text or an attribute: most names and ids hold none of it, and are written as
# they are (a million calls at 16x: the escapers' replace chains cost more than the rest of GraphML and GEXF)
_XML_SPECIAL = re.compile(r'[&<>"\n\r\t]')


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape``, the same text, at once when nothing in it needs escaping."""
    return _sax_escape(text) if _XML_SPECIAL.search(text) else text


def quoteattr(text: str) -> str:
    """``xml.sax.saxutils.quoteattr``, the same text, at once when nothing in it needs escaping."""
    return _sax_quoteattr(text) if _XML_SPECIAL.search(text) else f'"{text}"'


RUN_LINES = 200_000  # graph.nt is sorted in runs of this many lines, merged from files (bounded memory)
_TERM_CACHE = 1 << 16  # terms whose text is kept while the lines are made


def _nt_term(term: Node) -> str:
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


def _term_text() -> Callable[[Node], str]:
    """A term's N-Triples text (rdflib's own line format: ``_nt_row``'s), made once while it recurs: a node is the
    subject of several triples, next to each other, and the object of many; a predicate of thousands. The cache is
    emptied when full, so it stays small."""
    texts: dict[Node, str] = {}

    def text(term: Node) -> str:
        got = texts.get(term)
        if got is None:
            if len(texts) >= _TERM_CACHE:
                texts.clear()
            got = texts[term] = _nt_term(term)
        return got

    return text


def _lines(graph: Graph) -> Iterator[str]:
    """The graph's N-Triples lines in the store's order."""
    text = _term_text()
    for s, p, o in graph:
        yield f"{text(s)} {text(p)} {text(o)} .\n"


def sorted_ntriples(graph: Graph) -> str:
    """N-Triples, one line per triple, sorted: byte-identical for the same graph."""
    return "".join(sorted(set(_lines(graph))))


def write_turtle(nt: Path, path: Path) -> Path:
    """Turtle of a sorted N-Triples file, written by pyoxigraph as it reads (nothing held per subject):
    sorted lines keep each subject's triples together, so the output is grouped and deterministic."""
    import pyoxigraph as ox

    ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES), str(path), ox.RdfFormat.TURTLE,
                 prefixes=_PREFIX_IRIS)
    return path


def write_jsonld(nt: Path, path: Path) -> Path:
    """JSON-LD of a sorted N-Triples file: ``JSONLD_CONTEXT`` and an ``@graph`` of one object per subject
    in expanded form (full IRIs, every value explicit, so the context's default language changes no
    literal), streamed by pyoxigraph."""
    import pyoxigraph as ox

    with open(path, "wb") as fh:
        fh.write(b'{"@context": ' + json.dumps(JSONLD_CONTEXT, ensure_ascii=False).encode() + b',\n"@graph": ')
        ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES), fh, ox.RdfFormat.JSON_LD)
        fh.write(b"}\n")
    return path


def write_nt(graph: Graph, out_dir: Path, run_lines: int = RUN_LINES) -> Path:
    """graph.nt in ``out_dir``: :func:`sorted_ntriples`, byte for byte, with at most ``run_lines`` lines in memory
    (a subject's lines at a time on a :class:`~govkg.graph.memory.CompactGraph`, which sorts its subjects instead)."""
    path = out_dir / "graph.nt"
    if isinstance(graph.store, CompactMemory):
        return _write_lines(path, _by_subject(graph.store))
    with tempfile.TemporaryDirectory(prefix=".nt-runs-", dir=out_dir) as tmp, contextlib.ExitStack() as runs:
        # The lines are sorted in runs written aside (in ``out_dir``, removed after) and merged, each line once:
        # all of them at once would be a second copy of the graph in memory, larger than the graph.
        chunk: list[str] = []
        sorted_runs = []
        for line in _lines(graph):
            chunk.append(line)
            if len(chunk) >= run_lines:
                run = Path(tmp) / f"{len(sorted_runs)}.nt"
                _write_lines(run, sorted(set(chunk)))
                sorted_runs.append(runs.enter_context(open(run, encoding="utf-8", newline="")))
                chunk = []
        last = sorted(set(chunk))
        del chunk
        previous = None
        with open(path, "w", encoding="utf-8", newline="") as fh:
            for line in heapq.merge(last, *sorted_runs):
                if line != previous:
                    fh.write(line)
                    previous = line
    return path


def _by_subject(store: CompactMemory) -> Iterator[str]:
    """The store's N-Triples lines sorted, each once: its subjects in the order of their text, and each subject's
    lines sorted. The same order as sorting every line: a line is its subject's text, a space and the rest, and no
    subject's text is another's followed by a space or anything below it (an IRI ends with ``>``, a blank node's
    label holds no such character, and a literal's control characters are escaped)."""
    text = _term_text()
    for s in sorted(store._spo, key=_nt_term):  # a subject's text is not kept: each is made twice only
        subject = _nt_term(s)
        yield from sorted({f"{subject} {text(p)} {text(o)} .\n" for p, o in store.predicate_objects_of(s)})


def _write_lines(path: Path, lines: Iterable[str]) -> Path:
    """A UTF-8 text file of ``lines`` (each with its newline), written as they come."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.writelines(lines)
    return path


def write_rdf(graph: Graph | None, out_dir: Path, *, nt_written: bool = False) -> dict[str, Path]:
    """graph.nt (sorted) in ``out_dir`` unless ``nt_written`` (by :func:`write_nt`), then graph.ttl and
    graph.jsonld streamed from it."""
    if not nt_written:
        assert graph is not None
        write_nt(graph, out_dir)
    return _streamed(out_dir)


def _streamed(out_dir: Path) -> dict[str, Path]:
    out = {"ttl": out_dir / "graph.ttl", "nt": out_dir / "graph.nt", "jsonld": out_dir / "graph.jsonld"}
    write_turtle(out["nt"], out["ttl"])
    write_jsonld(out["nt"], out["jsonld"])
    return out


def start_streamed(out_dir: Path) -> Future:
    """graph.ttl and graph.jsonld from ``out_dir``'s graph.nt on a thread of their own, while the caller goes on:
    pyoxigraph holds no GIL while it reads and writes. Its result is :func:`write_rdf`'s; pass it to
    :func:`export_all`."""
    pool = ThreadPoolExecutor(1, thread_name_prefix="govkg-rdf-export")
    future = pool.submit(_streamed, Path(out_dir))
    pool.shutdown(wait=False)  # the thread ends with its one task
    return future


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(pg: PropertyGraph, out_dir: Path) -> dict[str, Path]:
    """nodes.csv and edges.csv as Gephi's spreadsheet import reads them (Id, Label; Source,
    Target, Type, Label), then the node type or relation and every schema property. UTF-8 with a
    byte-order mark, so Excel opens the Chinese text as such (without it, as mojibake); read them
    with ``encoding="utf-8-sig"``."""
    node_cols = sorted({c for n in NODES.values() for c in n.export_columns} - {"id", "name"})
    edge_cols = sorted({c for r in RELS.values() for c in r.columns})
    nodes_path, edges_path = out_dir / "nodes.csv", out_dir / "edges.csv"
    with open(nodes_path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Id", "Label", "node_type", *node_cols])
        for n in pg.nodes:
            cols = NODES[n.label].export_columns
            w.writerow([n.id, _cell(n.props.get("name")), n.label,
                        *(_cell(n.props.get(c)) if c in cols else "" for c in node_cols)])
    with open(edges_path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Source", "Target", "Type", "Label", "relation", *edge_cols])
        for e in pg.edges:
            w.writerow([e.src, e.dst, "Directed", e.type, e.type, *(_cell(e.props.get(c)) for c in edge_cols)])
    return {"nodes": nodes_path, "edges": edges_path}


_GRAPHML_TYPES = {"STRING": "string", "INT64": "long", "BOOLEAN": "boolean"}


def write_graphml(pg: PropertyGraph, path: Path) -> Path:
    """GraphML for Gephi/yEd: one key per property of the schema, node ids prefixed by label."""
    return _write_lines(path, (line + "\n" for line in _graphml(pg)))


def _graphml(pg: PropertyGraph) -> Iterator[str]:
    """GraphML's lines, one at a time: the whole text held (and joined) would be two copies of the graph."""
    node_keys = {"label": "STRING", **{c: t for n in NODES.values() for c, t in n.export_columns.items() if c != "id"}}
    edge_keys = {"type": "STRING", **{c: t for r in RELS.values() for c, t in r.columns.items()}}
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    for k, t in sorted(node_keys.items()):
        yield f'<key id="n_{k}" for="node" attr.name="{k}" attr.type="{_GRAPHML_TYPES[t]}"/>'
    for k, t in sorted(edge_keys.items()):
        yield f'<key id="e_{k}" for="edge" attr.name="{k}" attr.type="{_GRAPHML_TYPES[t]}"/>'
    yield '<graph id="govkg" edgedefault="directed">'
    for n in pg.nodes:
        cols = NODES[n.label].export_columns
        data = {"label": n.label, **{k: v for k, v in n.props.items() if k != "id" and k in cols}}
        yield (f"<node id={quoteattr(n.label + ':' + n.id)}>" + "".join(
            f'<data key="n_{k}">{escape(_cell(v))}</data>' for k, v in sorted(data.items()) if v is not None)
            + "</node>")
    for i, e in enumerate(pg.edges):
        rel = RELS[e.type]
        data = {"type": e.type, **e.props}
        yield (f'<edge id="e{i}" source={quoteattr(rel.src + ":" + e.src)} target={quoteattr(rel.dst + ":" + e.dst)}>'
               + "".join(f'<data key="e_{k}">{escape(_cell(v))}</data>' for k, v in sorted(data.items())
                         if v is not None) + "</edge>")
    yield "</graph>"
    yield "</graphml>"


_GEXF_TYPES = {"STRING": "string", "INT64": "long", "BOOLEAN": "boolean"}


def write_gexf(pg: PropertyGraph, path: Path) -> Path:
    """GEXF 1.3 for Gephi: the nodes and edges of ``write_graphml`` (same ids, one attribute per schema
    property), each node labelled with its name and each edge with its relation."""
    return _write_lines(path, (line + "\n" for line in _gexf(pg)))


def _gexf(pg: PropertyGraph) -> Iterator[str]:
    """GEXF's lines, one at a time (as :func:`_graphml`)."""
    node_keys = {"node_type": "STRING", **{c: t for n in NODES.values() for c, t in n.export_columns.items()
                                           if c not in ("id", "name")}}
    edge_keys = {"relation": "STRING", **{c: t for r in RELS.values() for c, t in r.columns.items()}}
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield ('<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">')
    yield ("<meta><creator>govkg</creator><description>Chinese government bodies, agencies, people and "
           "documents (govkg)</description></meta>")
    yield '<graph defaultedgetype="directed" mode="static">'
    yield '<attributes class="node">'
    for k, t in sorted(node_keys.items()):
        yield f'<attribute id="n_{k}" title="{k}" type="{_GEXF_TYPES[t]}"/>'
    yield "</attributes>"
    yield '<attributes class="edge">'
    for k, t in sorted(edge_keys.items()):
        yield f'<attribute id="e_{k}" title="{k}" type="{_GEXF_TYPES[t]}"/>'
    yield "</attributes>"
    yield "<nodes>"

    def values(prefix: str, data: dict) -> str:
        cells = "".join(f'<attvalue for="{prefix}_{k}" value={quoteattr(_cell(v))}/>' for k, v in sorted(data.items())
                        if v is not None and v != "")
        return f"<attvalues>{cells}</attvalues>" if cells else ""

    for n in pg.nodes:
        cols = NODES[n.label].export_columns
        data = {"node_type": n.label, **{k: v for k, v in n.props.items() if k not in ("id", "name") and k in cols}}
        label = _cell(n.props.get("name")) or n.id
        yield f"<node id={quoteattr(n.label + ':' + n.id)} label={quoteattr(label)}>{values('n', data)}</node>"
    yield "</nodes>"
    yield "<edges>"
    for i, e in enumerate(pg.edges):
        rel = RELS[e.type]
        data = {"relation": e.type, **{k: v for k, v in e.props.items() if k in rel.columns}}
        yield (f'<edge id="e{i}" source={quoteattr(rel.src + ":" + e.src)} target={quoteattr(rel.dst + ":" + e.dst)} '
               f'label="{e.type}">{values("e", data)}</edge>')
    yield "</edges>"
    yield "</graph>"
    yield "</gexf>"


def export_all(graph: Graph | None, pg: PropertyGraph, out_dir: str | Path, *, nt_written: bool = False,
               streamed: Future | None = None) -> dict[str, Path]:
    """Every export format into ``out_dir`` (graph.nt already there if ``nt_written``; graph.ttl and graph.jsonld
    being written by ``streamed``, :func:`start_streamed`'s, if given); returns name → path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if streamed is None:
        streamed = Future()
        streamed.set_result(write_rdf(graph, out_dir, nt_written=nt_written))
    paths = write_csv(pg, out_dir)
    paths["graphml"] = write_graphml(pg, out_dir / "graph.graphml")
    paths["gexf"] = write_gexf(pg, out_dir / "graph.gexf")
    return {**streamed.result(), **paths}


__all__ = ["export_all", "write_nt", "write_turtle", "write_jsonld", "write_rdf", "write_csv", "write_graphml", "write_gexf", "sorted_ntriples", "JSONLD_CONTEXT"]
