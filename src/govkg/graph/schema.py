"""The property-graph schema as data: one definition of each node label and relation.

It drives the store DDL (LadybugDB tables, Neo4j constraints), the COPY headers, the CSV
exports and the RDF → property-graph mapping, so that none of them keeps its own copy.
Every node has a string primary key ``id`` and a display ``name``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# property type names as both stores spell them (LadybugDB DDL; Neo4j is schemaless)
STRING, INT, BOOL = "STRING", "INT64", "BOOLEAN"

# provenance every relation carries: the document, and the file and line that printed it
PROVENANCE = {"doc": STRING, "file": STRING, "line": INT}
# what review judgements changed here (govkg.graph.review): each judgement in one line, None when none did
REVIEWED = {"reviewed": STRING}
# since (date) and until (end_date: the date of the document that set the body out again, end_doc)
DATED = {"date": STRING, "end_date": STRING, "end_doc": STRING}


@dataclass(frozen=True)
class NodeType:
    label: str
    props: dict[str, str] = field(default_factory=dict)  # besides id and name
    bulk: tuple[str, ...] = ()  # properties the stores keep but spreadsheets (CSV, GraphML) leave out

    @property
    def columns(self) -> dict[str, str]:
        return {"id": STRING, "name": STRING, **self.props}

    @property
    def export_columns(self) -> dict[str, str]:
        return {k: v for k, v in self.columns.items() if k not in self.bulk}


@dataclass(frozen=True)
class RelType:
    type: str
    src: str
    dst: str
    props: dict[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> dict[str, str]:
        return dict(self.props)


NODES: dict[str, NodeType] = {n.label: n for n in (
    NodeType("Agency", {"level": STRING, "aliases": STRING, "labels": STRING, **REVIEWED}),
    NodeType("Body", {"kind": STRING, "aliases": STRING, **REVIEWED}),
    NodeType("Person", {"merge_reason": STRING, **REVIEWED}),
    NodeType("Post", {"title": STRING, **REVIEWED}),
    # text: the lines of its printing (line to end_line of file), for the document page
    NodeType("Document", {"number": STRING, "title": STRING, "issuer": STRING, "date": STRING,
                          "stub": BOOL, "file": STRING, "line": INT, "end_line": INT, "text": STRING},
             bulk=("text",)),
    NodeType("Task", {"text": STRING}),
)}

RELS: dict[str, RelType] = {r.type: r for r in (
    RelType("MEMBER_OF", "Person", "Body", {"role": STRING, "position": STRING, "concurrent": BOOL,
                                            **PROVENANCE, **DATED, **REVIEWED}),
    RelType("SEAT_ON", "Post", "Body", {"role": STRING, **PROVENANCE, **DATED, **REVIEWED}),
    RelType("UNIT_OF", "Agency", "Body", {**PROVENANCE, **DATED, **REVIEWED}),
    RelType("OFFICE_AT", "Body", "Agency", {**PROVENANCE, **DATED}),
    RelType("PART_OF", "Body", "Body", PROVENANCE),
    RelType("HOLDS", "Person", "Post", {**PROVENANCE, "date": STRING}),
    RelType("POST_IN", "Post", "Agency", PROVENANCE),
    RelType("SUB_ORG_OF", "Agency", "Agency", PROVENANCE),
    RelType("ASSIGNED", "Agency", "Task", {"role": STRING, **PROVENANCE, **REVIEWED}),
    RelType("IN", "Task", "Document", PROVENANCE),
    RelType("CITES", "Document", "Document", PROVENANCE),
    RelType("ESTABLISHED_BY", "Body", "Document", PROVENANCE),
)}


@dataclass(frozen=True)
class Node:
    label: str
    id: str
    props: dict[str, Any]


@dataclass(frozen=True)
class Edge:
    type: str
    src: str
    dst: str
    props: dict[str, Any]


@dataclass
class PropertyGraph:
    """Nodes and edges ready for a store; ids are unique per label, edges may repeat."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for n in self.nodes:
            out[n.label] = out.get(n.label, 0) + 1
        for e in self.edges:
            out[e.type] = out.get(e.type, 0) + 1
        return out
