"""Write the graph out: Turtle, sorted N-Triples, JSON-LD with a context, GraphML, GEXF, nodes/edges CSV."""
from __future__ import annotations

import csv
import json
import re
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from govkg.graph.schema import NODES, RELS, PropertyGraph
from govkg.graph.terms import PREFIXES

JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())} | {"@language": "zh"}


def sorted_ntriples(graph: Graph) -> str:
    """N-Triples, one line per triple, sorted: byte-identical for the same graph."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return "".join(sorted(set(line + "\n" for line in text.splitlines() if line.strip())))


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _term(term: Node, prefixes: list[tuple[str, str]], nm) -> str:
    if isinstance(term, URIRef):
        s = str(term)
        for prefix, ns in prefixes:
            if s.startswith(ns) and _LOCAL_NAME.fullmatch(s[len(ns):]):
                return f"{prefix}:{s[len(ns):]}"
        return term.n3()
    if isinstance(term, Literal):
        return term.n3(nm)
    return term.n3()


def turtle(graph: Graph) -> str:
    """Turtle grouped by subject, subjects and predicates sorted: deterministic and much faster than
    rdflib's pretty serializer on graphs of this size (no nesting of blank nodes; we make none)."""
    prefixes = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda t: -len(t[1]))
    nm = graph.namespace_manager
    by_subject: dict[Node, list[tuple[Node, Node]]] = {}
    for s, p, o in graph:
        by_subject.setdefault(s, []).append((p, o))
    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())] + [""]
    for s in sorted(by_subject):
        pos = sorted(by_subject[s], key=lambda po: (po[0] != RDF.type, po))
        parts = []
        for p, group in groupby(pos, key=lambda po: po[0]):
            pred = "a" if p == RDF.type else _term(p, prefixes, nm)
            parts.append(f"    {pred} " + ",\n        ".join(_term(o, prefixes, nm) for _, o in group))
        out.append(_term(s, prefixes, nm) + "\n" + " ;\n".join(parts) + " .\n")
    return "\n".join(out)


def _compact(iri: str, prefixes: list[tuple[str, str]]) -> str:
    for prefix, ns in prefixes:
        if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _jsonld_value(o: Node, prefixes: list[tuple[str, str]]) -> dict:
    if isinstance(o, Literal):
        v: dict = {"@value": str(o)}
        if o.language:
            v["@language"] = o.language
        elif o.datatype is not None:
            v["@type"] = _compact(str(o.datatype), prefixes)
        return v
    return {"@id": str(o) if isinstance(o, URIRef) else f"_:{o}"}


def jsonld(graph: Graph) -> str:
    """JSON-LD with the ``JSONLD_CONTEXT`` prefixes: one object per subject, keys and values sorted.

    Written directly, as ``turtle`` is, because rdflib's serializer orders nodes differently
    from one process to the next; every value is explicit (``@value`` with ``@language`` or
    ``@type``, or ``@id``), so the context's default language changes no literal."""
    prefixes = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda t: -len(t[1]))
    by_subject: dict[Node, dict[str, list]] = {}
    for s, p, o in graph:
        props = by_subject.setdefault(s, {})
        if p == RDF.type:
            props.setdefault("@type", []).append(_compact(str(o), prefixes))
        else:
            props.setdefault(_compact(str(p), prefixes), []).append(_jsonld_value(o, prefixes))
    nodes = []
    for s in sorted(by_subject):
        node: dict = {"@id": str(s) if isinstance(s, URIRef) else f"_:{s}"}
        for key in sorted(by_subject[s]):
            values = sorted(by_subject[s][key], key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return json.dumps({"@context": JSONLD_CONTEXT, "@graph": nodes}, ensure_ascii=False, indent=1) + "\n"


def write_rdf(graph: Graph, out_dir: Path) -> dict[str, Path]:
    """graph.ttl, graph.nt and graph.jsonld in ``out_dir``."""
    out = {"ttl": out_dir / "graph.ttl", "nt": out_dir / "graph.nt", "jsonld": out_dir / "graph.jsonld"}
    out["ttl"].write_text(turtle(graph), encoding="utf-8")
    out["nt"].write_text(sorted_ntriples(graph), encoding="utf-8")
    out["jsonld"].write_text(jsonld(graph), encoding="utf-8")
    return out


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
    node_keys = {"label": "STRING", **{c: t for n in NODES.values() for c, t in n.export_columns.items() if c != "id"}}
    edge_keys = {"type": "STRING", **{c: t for r in RELS.values() for c, t in r.columns.items()}}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for k, t in sorted(node_keys.items()):
        lines.append(f'<key id="n_{k}" for="node" attr.name="{k}" attr.type="{_GRAPHML_TYPES[t]}"/>')
    for k, t in sorted(edge_keys.items()):
        lines.append(f'<key id="e_{k}" for="edge" attr.name="{k}" attr.type="{_GRAPHML_TYPES[t]}"/>')
    lines.append('<graph id="govkg" edgedefault="directed">')
    labels = {}
    for n in pg.nodes:
        labels[n.id] = n.label
        cols = NODES[n.label].export_columns
        data = {"label": n.label, **{k: v for k, v in n.props.items() if k != "id" and k in cols}}
        lines.append(f"<node id={quoteattr(n.label + ':' + n.id)}>" + "".join(
            f'<data key="n_{k}">{escape(_cell(v))}</data>' for k, v in sorted(data.items()) if v is not None)
            + "</node>")
    for i, e in enumerate(pg.edges):
        rel = RELS[e.type]
        data = {"type": e.type, **e.props}
        lines.append(f'<edge id="e{i}" source={quoteattr(rel.src + ":" + e.src)} target={quoteattr(rel.dst + ":" + e.dst)}>'
                     + "".join(f'<data key="e_{k}">{escape(_cell(v))}</data>' for k, v in sorted(data.items())
                               if v is not None) + "</edge>")
    lines += ["</graph>", "</graphml>"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_GEXF_TYPES = {"STRING": "string", "INT64": "long", "BOOLEAN": "boolean"}


def write_gexf(pg: PropertyGraph, path: Path) -> Path:
    """GEXF 1.3 for Gephi: the nodes and edges of ``write_graphml`` (same ids, one attribute per schema
    property), each node labelled with its name and each edge with its relation."""
    node_keys = {"node_type": "STRING", **{c: t for n in NODES.values() for c, t in n.export_columns.items()
                                           if c not in ("id", "name")}}
    edge_keys = {"relation": "STRING", **{c: t for r in RELS.values() for c, t in r.columns.items()}}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
             "<meta><creator>govkg</creator><description>Chinese government bodies, agencies, people and "
             "documents (govkg)</description></meta>",
             '<graph defaultedgetype="directed" mode="static">', '<attributes class="node">']
    lines += [f'<attribute id="n_{k}" title="{k}" type="{_GEXF_TYPES[t]}"/>' for k, t in sorted(node_keys.items())]
    lines += ["</attributes>", '<attributes class="edge">']
    lines += [f'<attribute id="e_{k}" title="{k}" type="{_GEXF_TYPES[t]}"/>' for k, t in sorted(edge_keys.items())]
    lines += ["</attributes>", "<nodes>"]

    def values(prefix: str, data: dict) -> str:
        cells = "".join(f'<attvalue for="{prefix}_{k}" value={quoteattr(_cell(v))}/>' for k, v in sorted(data.items())
                        if v is not None and v != "")
        return f"<attvalues>{cells}</attvalues>" if cells else ""

    for n in pg.nodes:
        cols = NODES[n.label].export_columns
        data = {"node_type": n.label, **{k: v for k, v in n.props.items() if k not in ("id", "name") and k in cols}}
        label = _cell(n.props.get("name")) or n.id
        lines.append(f"<node id={quoteattr(n.label + ':' + n.id)} label={quoteattr(label)}>{values('n', data)}</node>")
    lines.append("</nodes>")
    lines.append("<edges>")
    for i, e in enumerate(pg.edges):
        rel = RELS[e.type]
        data = {"relation": e.type, **{k: v for k, v in e.props.items() if k in rel.columns}}
        lines.append(f'<edge id="e{i}" source={quoteattr(rel.src + ":" + e.src)} target={quoteattr(rel.dst + ":" + e.dst)} '
                     f'label="{e.type}">{values("e", data)}</edge>')
    lines += ["</edges>", "</graph>", "</gexf>"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def export_all(graph: Graph, pg: PropertyGraph, out_dir: str | Path) -> dict[str, Path]:
    """Every export format into ``out_dir``; returns name → path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = write_rdf(graph, out_dir)
    paths.update(write_csv(pg, out_dir))
    paths["graphml"] = write_graphml(pg, out_dir / "graph.graphml")
    paths["gexf"] = write_gexf(pg, out_dir / "graph.gexf")
    return paths


__all__ = ["export_all", "turtle", "jsonld", "write_rdf", "write_csv", "write_graphml", "write_gexf", "sorted_ntriples", "JSONLD_CONTEXT"]
