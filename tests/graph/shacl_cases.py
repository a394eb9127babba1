"""One violating graph per constraint of ``shapes.ttl``, made from a conforming graph.

The cases are read from the shapes file itself, so a constraint added there gets its violating graph
without a new hand-written case: for every node shape, every property shape it uses (its own and the
shared ones) and every constraint of that property shape, the first focus node of the shape is
corrupted so that this one constraint fails: ``sh:minCount`` by removing the values, ``sh:maxCount`` by
adding valid ones, ``sh:datatype``/``sh:class``/``sh:in``/``sh:pattern``/``sh:or`` by putting a value of
the wrong kind in place of the values. A node-level ``sh:or`` of ``sh:minCount`` shapes fails by removing every
path it names.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD

from govkg.facts import Fact
from govkg.graph.judgements import make
from govkg.graph.rdf import graph_from_facts
from govkg.graph.review import apply_judgements
from govkg.resources import SHAPES_PATH

STRAY = URIRef("https://govkg.org/id/stray/untyped")  # a node of no class: fails every sh:class


@dataclass(frozen=True)
class Case:
    """A constraint and how to break it: ``id`` names the node shape, the path and the component."""

    id: str
    focus: URIRef
    path: URIRef | None
    component: str  # the constraint component's local name, e.g. "MinCountConstraintComponent"
    corrupt: Callable[[Graph], None]


def base_graph(facts: list[Fact]) -> Graph:
    """The facts' graph with one applied name fix, so that judgements and ``prov:wasInfluencedBy`` are in it."""
    g = graph_from_facts(facts)
    fix = make("fix", {"entity": "agency/晋城市水务局"}, field="name", value="晋城市水务局（改）",
               by="alice",
               at="2026-01-01T00:00:00Z")
    assert apply_judgements(g, [fix]).applied, "the fix should match an agency of the facts"
    return g


def _valid_values(shapes: Graph, prop: BNode | URIRef, g: Graph, n: int) -> list:
    """``n`` distinct values that satisfy the property shape's value constraints (for ``sh:maxCount``)."""
    datatype, cls = shapes.value(prop, SH.datatype), shapes.value(prop, SH["class"])
    allowed, pattern = shapes.value(prop, SH["in"]), shapes.value(prop, SH.pattern)
    alternatives = shapes.value(prop, SH["or"])
    if alternatives is not None:  # the first alternative's class, e.g. foaf:Person for org:member
        cls = shapes.value(Collection(shapes, alternatives)[0], SH["class"])
    if allowed is not None:
        return list(Collection(shapes, allowed))[:n]
    if pattern is not None:
        return [Literal(v) for v in ("牵头", "责任", "配合")][:n]
    if cls is not None:  # nodes of the class; minted ones when there are too few (they break their own shape too)
        nodes = sorted(g.subjects(RDF.type, cls))[:n]
        for i in range(n - len(nodes)):
            nodes.append(URIRef(f"{STRAY}-{i}"))
            g.add((nodes[-1], RDF.type, cls))
        return nodes
    if datatype == RDF.langString:
        return [Literal(f"值{i}", lang="zh") for i in range(n)]
    if datatype is not None:
        samples = {XSD.date: "2001-01-0{}", XSD.dateTime: "2001-01-0{}T00:00:00Z", XSD.integer: "{}",
                   XSD.boolean: None, XSD.string: "v{}"}
        if datatype == XSD.boolean:
            return [Literal(True), Literal(False)][:n]
        return [Literal(samples[datatype].format(i + 1), datatype=datatype) for i in range(n)]
    return [Literal(f"v{i}") for i in range(n)]


def _wrong_value(shapes: Graph, prop: BNode | URIRef, component: str):
    if component == "DatatypeConstraintComponent":
        datatype = shapes.value(prop, SH.datatype)
        # a string where a string is wanted would pass: an integer then, else a plain string
        return Literal(7) if datatype in (XSD.string, RDF.langString) else Literal("not of the datatype")
    if component in ("InConstraintComponent", "PatternConstraintComponent"):
        return Literal("none of these")
    return STRAY  # sh:class, sh:or of sh:class


def _replace(g: Graph, focus: URIRef, path: URIRef, value) -> None:
    g.remove((focus, path, None))
    g.add((focus, path, value))


def _focus(shapes: Graph, shape: URIRef, g: Graph) -> URIRef:
    cls = shapes.value(shape, SH.targetClass)
    nodes = g.subjects(RDF.type, cls) if cls is not None else g.subjects(shapes.value(shape, SH.targetSubjectsOf))
    found = sorted(set(nodes))
    assert found, f"the base graph has no focus node for {shape}"
    return found[0]


COMPONENTS = {SH.minCount: "MinCountConstraintComponent", SH.maxCount: "MaxCountConstraintComponent",
              SH.datatype: "DatatypeConstraintComponent", SH["class"]: "ClassConstraintComponent",
              SH["in"]: "InConstraintComponent", SH.pattern: "PatternConstraintComponent",
              SH["or"]: "OrConstraintComponent"}


def cases(g: Graph, shapes_path=SHAPES_PATH) -> Iterator[Case]:
    """Every constraint of every node shape of the shapes file, as a way to break ``g`` (which conforms)."""
    shapes = Graph().parse(shapes_path)
    known = set(COMPONENTS) | {SH.path, RDF.type, SH.node, SH.message, SH.name}
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        name = shapes.namespace_manager.normalizeUri(shape)
        focus = _focus(shapes, shape, g)
        node_or = shapes.value(shape, SH["or"])
        if node_or is not None:  # every alternative a one-path sh:minCount shape: remove all their paths
            paths = [shapes.value(alt, SH.path) for alt in Collection(shapes, node_or)]
            yield Case(f"{name}-or", focus, None, "OrConstraintComponent",
                       lambda g, f=focus, ps=paths: [g.remove((f, p, None)) for p in ps] and None)
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            unknown = {p for p in shapes.predicates(prop) if p not in known}
            assert not unknown, f"shacl_cases does not know how to break {unknown} of {name}"
            for constraint, component in COMPONENTS.items():
                value = shapes.value(prop, constraint)
                if value is None or (constraint == SH.minCount and value.toPython() == 0):
                    continue
                case_id = f"{name}-{shapes.namespace_manager.normalizeUri(path)}-{component[:-19]}"
                if constraint == SH.minCount:
                    fix = (lambda g, f=focus, p=path: g.remove((f, p, None)))
                elif constraint == SH.maxCount:
                    limit = value.toPython()

                    def fix(g, f=focus, p=path, pr=prop, limit=limit):
                        kept = set(g.objects(f, p))
                        extra = [v for v in _valid_values(shapes, pr, g, limit + 2) if v not in kept]
                        for v in extra[:limit + 1 - len(kept)]:
                            g.add((f, p, v))
                        assert len(set(g.objects(f, p))) > limit, f"no {limit + 1} valid values for {p}"
                else:  # replaced rather than added, so that sh:maxCount holds and this constraint alone fails
                    fix = partial(_replace, focus=focus, path=path, value=_wrong_value(shapes, prop, component))
                yield Case(case_id, focus, path, component, fix)


def copy(g: Graph) -> Graph:
    """A copy of ``g`` with its prefixes."""
    new = Graph()
    new.namespace_manager = g.namespace_manager
    for t in g:
        new.add(t)
    return new


def broken(g: Graph, case: Case) -> Graph:
    """A copy of ``g`` with the case's corruption."""
    new = copy(g)
    case.corrupt(new)
    return new


__all__ = ["Case", "base_graph", "broken", "cases", "copy", "STRAY"]
