"""SHACL validation of a built graph, and what it holds per class."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from govkg.resources import SHAPES_PATH


def validate(graph: Graph, shapes_path: Path = SHAPES_PATH) -> tuple[bool, str]:
    """SHACL-validate a graph against the package's ``data/ontology/shapes.ttl``. Nodes carry their superclass types
    (a leading group is also a govkg:Body), so no ontology or inference is needed."""
    from pyshacl import validate as shacl

    shapes = Graph().parse(shapes_path)
    conforms, _, text = shacl(graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    return bool(conforms), str(text)


def class_counts(graph: Graph) -> dict[str, int]:
    counts = Counter(graph.namespace_manager.normalizeUri(o) for o in graph.objects(None, RDF.type))
    return dict(sorted(counts.items()))


__all__ = ["validate", "class_counts"]
