"""RDF → the property graph of ``govkg.graph.schema`` (what the stores load and the CSVs hold).

Node ids are the IRIs' keys below ``https://govkg.org/id/`` (``agency/晋城市财政局``), so an id
read in Neo4j leads back to the RDF node. Output is sorted: the same RDF gives the same
PropertyGraph.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator, Mapping
from urllib.parse import unquote

from rdflib import Graph, URIRef

from govkg.graph.schema import NODES, RELS, Edge, Node, PropertyGraph
from govkg.graph.sources import lines_of
from govkg.graph.terms import (  # rdflib's namespaces (T_…) as terms looked up once
    BODY_CLASS, GOV, ID, T_DCTERMS as DCTERMS, T_FOAF as FOAF, T_ORG as ORG, T_PROV as PROV, T_RDF as RDF,
    T_RDFS as RDFS, T_SKOS as SKOS,
)

KIND_OF_CLASS = {cls: kind for kind, cls in BODY_CLASS.items()}


@lru_cache(maxsize=1 << 17)  # an agency is the end of thousands of edges: decode its IRI once
def node_id(node: URIRef) -> str:
    """The property-graph id of an RDF node: its decoded key below the id namespace."""
    s = str(node)
    return unquote(s[len(ID):]) if s.startswith(ID) else s


def _str(g: Graph, s: URIRef, p: URIRef) -> str | None:
    values = sorted(str(v) for v in g.objects(s, p))
    return values[0] if values else None


def _int(g: Graph, s: URIRef, p: URIRef) -> int | None:
    v = g.value(s, p)
    return int(v) if v is not None else None


def _labels(g: Graph, s: URIRef) -> list[str]:
    return sorted({str(v) for v in g.objects(s, RDFS.label)})


def _doc_key(g: Graph, doc: URIRef | None) -> str | None:
    if doc is None:
        return None
    return _str(g, doc, DCTERMS.identifier) or _str(g, doc, DCTERMS.title) or node_id(doc)


def _provenance(g: Graph, s: URIRef) -> dict[str, Any]:
    return {"doc": _doc_key(g, g.value(s, PROV.wasDerivedFrom)), "file": _str(g, s, GOV.sourceFile),
            "line": _int(g, s, GOV.sourceLine)}


def _reviewed(g: Graph, s: URIRef) -> dict[str, Any]:
    """The judgements that changed this node (``govkg.graph.review``), one line each."""
    lines = sorted(str(g.value(j, RDFS.label) or j) for j in g.objects(s, PROV.wasInfluencedBy))
    return {"reviewed": "\n".join(lines) or None}


def _dated(g: Graph, s: URIRef) -> dict[str, Any]:
    later = g.value(s, GOV.supersededBy)  # the statement whose document ended this one
    return {"date": _str(g, s, GOV.startDate), "end_date": _str(g, s, GOV.endDate),
            "end_doc": _doc_key(g, g.value(later, PROV.wasDerivedFrom)) if later is not None else None}


def _nodes(g: Graph, texts: Mapping[str, str]) -> Iterator[Node]:
    for a in g.subjects(RDF.type, GOV.Agency):
        name = _str(g, a, SKOS.prefLabel) or node_id(a)
        labels = _labels(g, a)
        yield Node("Agency", node_id(a), {"name": name, "level": _str(g, a, GOV.level),
                                          "aliases": "|".join(x for x in labels if x != name),
                                          "labels": "|".join(labels), **_reviewed(g, a)})
    for cls, kind in KIND_OF_CLASS.items():
        for b in g.subjects(RDF.type, cls):
            name = _str(g, b, SKOS.prefLabel) or (_labels(g, b) or [node_id(b)])[0]
            yield Node("Body", node_id(b), {"name": name, "kind": kind,
                                            "aliases": "|".join(x for x in _labels(g, b) if x != name),
                                            **_reviewed(g, b)})
    for p in g.subjects(RDF.type, FOAF.Person):
        yield Node("Person", node_id(p), {"name": _str(g, p, FOAF.name), "merge_reason": _str(g, p, GOV.mergeReason),
                                             **_reviewed(g, p)})
    for p in g.subjects(RDF.type, ORG.Post):
        yield Node("Post", node_id(p), {"name": _str(g, p, RDFS.label), "title": _str(g, p, GOV.title),
                                           **_reviewed(g, p)})
    for d in g.subjects(RDF.type, GOV.Document):
        creator = g.value(d, DCTERMS.creator)
        stub = g.value(d, GOV.stub)
        file, line, end = _str(g, d, GOV.sourceFile), _int(g, d, GOV.sourceLine), _int(g, d, GOV.sourceEndLine)
        yield Node("Document", node_id(d), {
            "name": _str(g, d, DCTERMS.identifier) or _str(g, d, DCTERMS.title) or node_id(d),
            "number": _str(g, d, DCTERMS.identifier), "title": _str(g, d, DCTERMS.title),
            "issuer": _str(g, creator, SKOS.prefLabel) if creator is not None else None,
            "date": _str(g, d, DCTERMS.issued), "stub": bool(stub.toPython()) if stub is not None else False,
            "file": file, "line": line, "end_line": end,
            "text": lines_of(texts[file], line, end) if file in texts else None})
    for t in g.subjects(RDF.type, GOV.Task):
        text = _str(g, t, GOV.text)
        yield Node("Task", node_id(t), {"name": text, "text": text})


def _edges(g: Graph) -> Iterator[Edge]:
    persons = set(g.subjects(RDF.type, FOAF.Person))
    posts = set(g.subjects(RDF.type, ORG.Post))
    for m in g.subjects(RDF.type, ORG.Membership):
        member, body = g.value(m, ORG.member), g.value(m, ORG.organization)
        role = g.value(m, ORG.role)
        props = {"role": _str(g, role, RDFS.label) if role is not None else None, **_provenance(g, m), **_dated(g, m),
                 **_reviewed(g, m)}
        if member in persons:
            concurrent = g.value(m, GOV.concurrent)
            yield Edge("MEMBER_OF", node_id(member), node_id(body), {
                **props, "position": _str(g, m, GOV.position),
                "concurrent": bool(concurrent.toPython()) if concurrent is not None else False})
            for post in g.objects(m, GOV.heldPost):
                yield Edge("HOLDS", node_id(member), node_id(post), {**_provenance(g, m), "date": props["date"]})
        elif member in posts:
            yield Edge("SEAT_ON", node_id(member), node_id(body), props)
        else:
            yield Edge("UNIT_OF", node_id(member), node_id(body), {k: v for k, v in props.items() if k != "role"})
    for st in sorted(g.subjects(RDF.type, GOV.CompositionStatement)):
        body = g.value(st, GOV.statementOf)
        doc = g.value(st, PROV.wasDerivedFrom)
        if g.value(body, GOV.establishedBy) == doc:
            yield Edge("ESTABLISHED_BY", node_id(body), node_id(doc), _provenance(g, st))
    # one OFFICE_AT / PART_OF per document that states it, with that document's provenance
    for st, office in g.subject_objects(GOV.statesOfficeAt):
        yield Edge("OFFICE_AT", node_id(g.value(st, GOV.statementOf)), node_id(office),
                   {**_provenance(g, st), **_dated(g, st)})
    for st, parent in g.subject_objects(GOV.statesPartOf):
        yield Edge("PART_OF", node_id(g.value(st, GOV.statementOf)), node_id(parent), _provenance(g, st))
    for post, agency in g.subject_objects(ORG.postIn):
        yield Edge("POST_IN", node_id(post), node_id(agency), _provenance(g, post))  # where the post is first printed
    for a, parent in g.subject_objects(ORG.subOrganizationOf):
        if (a, RDF.type, GOV.Agency) in g:
            yield Edge("SUB_ORG_OF", node_id(a), node_id(parent), _provenance(g, a))  # the sub-unit's first printing
    for asg in g.subjects(RDF.type, GOV.Assignment):
        yield Edge("ASSIGNED", node_id(g.value(asg, GOV.agency)), node_id(g.value(asg, GOV.task)),
                   {"role": _str(g, asg, GOV.assignmentRole), **_provenance(g, asg), **_reviewed(g, asg)})
    for task, doc in g.subject_objects(DCTERMS.isPartOf):
        yield Edge("IN", node_id(task), node_id(doc), _provenance(g, task))  # the task's first printing
    for c in g.subjects(RDF.type, GOV.Citation):
        yield Edge("CITES", node_id(g.value(c, GOV.citing)), node_id(g.value(c, GOV.cited)), _provenance(g, c))


def _complete(props: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """Every schema column present (None where unknown), nothing else."""
    return {k: props.get(k) for k in columns}


# the schema's columns of each label and relation, and of each relation in the order of their names (an edge's key)
_NODE_COLUMNS = {label: tuple(t.columns) for label, t in NODES.items()}
_EDGE_COLUMNS = {rel: tuple(t.columns) for rel, t in RELS.items()}
_EDGE_SORTED = {rel: tuple(sorted(cols)) for rel, cols in _EDGE_COLUMNS.items()}


def property_graph(graph: Graph, texts: Mapping[str, str] | None = None) -> PropertyGraph:
    """Map a govkg RDF graph to the property graph of ``govkg.graph.schema`` (sorted, deterministic);
    ``texts`` (file name → source text, ``govkg.graph.sources``) gives each document its lines."""
    nodes = {(n.label, n.id): Node(n.label, n.id, _complete({**n.props, "id": n.id}, _NODE_COLUMNS[n.label]))
             for n in _nodes(graph, texts or {})}
    edges = [Edge(e.type, e.src, e.dst, _complete(e.props, _EDGE_COLUMNS[e.type])) for e in _edges(graph)]
    # an edge's key: its values in the order of their columns' names (one relation's are the same names), made
    # after every edge, so that their memory, freed on return, is not spread among the edges' (where it stays taken)
    unique = {(e.type, e.src, e.dst, tuple(str(e.props[k]) for k in _EDGE_SORTED[e.type])): e for e in edges}
    del edges
    return PropertyGraph(nodes=[nodes[k] for k in sorted(nodes)], edges=[unique[k] for k in sorted(unique)])


__all__ = ["property_graph", "node_id"]
