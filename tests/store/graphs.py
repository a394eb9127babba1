"""Small property graphs for store tests: hand-made tricky values, and the synthetic shape."""
from __future__ import annotations

from govkg.graph.schema import Edge, Node, PropertyGraph

TRICKY_NAMES = [
    "市财政局",
    'name with "quotes", a comma',
    "two\nlines",
    "back\\slash",
    "tab\there",
]


def tricky_graph() -> PropertyGraph:
    """Agencies with awkward names, one body, repeated and dangling edges."""
    g = PropertyGraph()
    for i, name in enumerate(TRICKY_NAMES):
        g.nodes.append(Node("Agency", f"agency/{i}", {"name": name, "level": "city" if i % 2 else "", "aliases": None}))
    g.nodes.append(Node("Body", "body/lg", {"name": "领导小组", "kind": "leading_group"}))
    g.nodes.append(Node("Person", "person/张三", {"name": "张三"}))
    g.nodes.append(Node("Document", "document/1", {"name": "通知", "number": "市政发〔2020〕1号", "stub": False,
                                                   "line": 3, "date": "2020-01-02"}))
    for i in range(len(TRICKY_NAMES)):
        g.edges.append(Edge("UNIT_OF", f"agency/{i}", "body/lg", {"doc": "市政发〔2020〕1号", "file": "a.txt", "line": 10 + i}))
    # the same edge twice (stored once), a second edge with other properties (stored too)
    member = {"role": "组长", "position": "市长", "concurrent": True, "doc": "市政发〔2020〕1号", "file": "a.txt", "line": 5}
    g.edges += [Edge("MEMBER_OF", "person/张三", "body/lg", member),
                Edge("MEMBER_OF", "person/张三", "body/lg", dict(member)),
                Edge("MEMBER_OF", "person/张三", "body/lg", {**member, "role": "成员", "concurrent": False})]
    g.edges.append(Edge("ESTABLISHED_BY", "body/lg", "document/1", {"file": "a.txt", "line": 1}))
    g.edges.append(Edge("OFFICE_AT", "body/lg", "agency/missing", {}))  # dangling: dropped by both stores
    return g


TRICKY_COUNTS = {"Agency": len(TRICKY_NAMES), "Body": 1, "Person": 1, "Document": 1,
                 "UNIT_OF": len(TRICKY_NAMES), "MEMBER_OF": 2, "ESTABLISHED_BY": 1, "OFFICE_AT": 0}
