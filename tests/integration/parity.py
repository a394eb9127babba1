"""Helpers of the parity tests: order-normalised rows and fixed parameters drawn from a graph."""
from __future__ import annotations

import json
from collections import Counter

from kg.schema import PropertyGraph


def normalised(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


def busiest(graph: PropertyGraph, label: str, rel_types: tuple[str, ...] = ()) -> str:
    """The id of the ``label`` node with the most edges (of ``rel_types``, or any); ties by id."""
    ids = {n.id for n in graph.nodes if n.label == label}
    degree = Counter(end for e in graph.edges if not rel_types or e.type in rel_types
                     for end in (e.src, e.dst) if end in ids)
    return min(ids, key=lambda i: (-degree[i], i)) if ids else ""


def params_for(graph: PropertyGraph) -> dict[str, object]:
    """Fixed parameters that find something: the busiest node of each kind."""
    people = sorted({n.id for n in graph.nodes if n.label == "Person"})
    agency = busiest(graph, "Agency", ("UNIT_OF", "ASSIGNED"))
    return {"agency": agency, "body": busiest(graph, "Body", ("MEMBER_OF", "SEAT_ON")),
            "person": busiest(graph, "Person", ("MEMBER_OF",)), "document": busiest(graph, "Document", ("CITES",)),
            "date": "2021-06-30", "source": busiest(graph, "Person", ("MEMBER_OF",)) or people[0] if people else agency,
            "target": busiest(graph, "Agency", ("ASSIGNED",)), "node": busiest(graph, "Body"), "text": "局",
            "limit": 15}
