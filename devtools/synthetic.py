"""Synthetic property graphs with the corpus's shape, for tests and benchmarks.

Per document: a few bodies, each with named members (person → post → agency), ex-officio
seats, member units, an office host and the establishing document; tasks assigned to one lead
and several sharing agencies; citations to other documents and to out-of-corpus stubs.
Agencies come from a shared pool, as in a city's gazettes. Deterministic for a given seed.
"""
from __future__ import annotations

import random

from govkg.graph.schema import Edge, Node, PropertyGraph

ROLES = ("组长", "副组长", "成员", "成员", "成员", "成员", "办公室主任")
SEAT_ROLES = ("指挥长", "副指挥长")
TASK_ROLES = ("牵头", "责任", "配合")
KINDS = ("leading_group", "headquarters", "committee", "joint_meeting")


def synthetic_graph(documents: int, *, agencies: int = 300, seed: int = 7) -> PropertyGraph:
    """A graph of ``documents`` documents; about 250 rows (nodes + edges) per document."""
    rnd = random.Random(seed)
    g = PropertyGraph()
    agency_ids = [f"agency/A{i:05d}" for i in range(agencies)]
    for i, a in enumerate(agency_ids):
        g.nodes.append(Node("Agency", a, {"name": f"市第{i}局", "level": "city"}))
        if i >= 10 and i % 10 == 0:
            g.edges.append(Edge("SUB_ORG_OF", a, agency_ids[i // 10], {}))
    for d in range(documents):
        doc = f"document/D{d:07d}"
        f = f"{d // 20:05d}.txt"
        g.nodes.append(Node("Document", doc, {"name": f"关于第{d}号事项的通知", "number": f"市政发〔2020〕{d}号",
                                              "title": f"关于第{d}号事项的通知", "issuer": "市人民政府",
                                              "date": f"2020-{1 + d % 12:02d}-{1 + d % 28:02d}",
                                              "stub": False, "file": f, "line": 1 + d % 500}))
        prov = {"doc": f"市政发〔2020〕{d}号", "file": f}
        for c in range(2):
            if d > 0 and c == 0:
                cited = f"document/D{rnd.randrange(d):07d}"
            else:
                cited = f"document/S{d:07d}-{c}"
                g.nodes.append(Node("Document", cited, {"name": f"省文件{d}-{c}", "title": f"省文件{d}-{c}",
                                                        "stub": True}))
            g.edges.append(Edge("CITES", doc, cited, {"file": f, "line": 10 + c}))
        for b in range(2):
            body = f"body/{d}-{b}"
            g.nodes.append(Node("Body", body, {"name": f"第{d}-{b}工作领导小组", "kind": KINDS[(d + b) % 4]}))
            g.edges.append(Edge("ESTABLISHED_BY", body, doc, {"file": f, "line": 20}))
            g.edges.append(Edge("OFFICE_AT", body, rnd.choice(agency_ids), {**prov, "line": 21}))
            for m in range(15):
                person, post = f"person/P{d}-{b}-{m}", f"post/P{d}-{b}-{m}"
                agency = rnd.choice(agency_ids)
                g.nodes.append(Node("Person", person, {"name": f"人{d}-{b}-{m}"}))
                g.nodes.append(Node("Post", post, {"name": f"局长@{agency}", "title": "局长"}))
                g.edges.append(Edge("HOLDS", person, post, {**prov, "line": 30 + m, "date": "2020-01-01"}))
                g.edges.append(Edge("POST_IN", post, agency, {}))
                g.edges.append(Edge("MEMBER_OF", person, body, {"role": ROLES[m % len(ROLES)], "position": "局长",
                                                                 "concurrent": m % 5 == 0, **prov, "line": 30 + m,
                                                                 "date": "2020-01-01"}))
            for s in range(2):
                post = f"post/S{d}-{b}-{s}"
                g.nodes.append(Node("Post", post, {"name": "主要负责人", "title": "主要负责人"}))
                g.edges.append(Edge("POST_IN", post, rnd.choice(agency_ids), {}))
                g.edges.append(Edge("SEAT_ON", post, body, {"role": SEAT_ROLES[s], **prov, "line": 50 + s}))
            for a in rnd.sample(agency_ids, 10):
                g.edges.append(Edge("UNIT_OF", a, body, {**prov, "line": 60}))
        for t in range(8):
            task = f"task/T{d}-{t}"
            g.nodes.append(Node("Task", task, {"name": f"任务{d}-{t}", "text": f"任务{d}-{t}"}))
            g.edges.append(Edge("IN", task, doc, {}))
            for k, a in enumerate(rnd.sample(agency_ids, 4)):
                g.edges.append(Edge("ASSIGNED", a, task, {"role": TASK_ROLES[min(k, 2)], **prov, "line": 70 + t}))
    return g


ROWS_PER_DOCUMENT = 240  # nodes + edges one synthetic document adds (measured: 100 documents ≈ 24k rows)


def synthetic_graph_of_rows(rows: int, *, seed: int = 7) -> PropertyGraph:
    """A synthetic graph of about ``rows`` nodes + edges."""
    return synthetic_graph(max(1, rows // ROWS_PER_DOCUMENT), agencies=max(30, min(3000, rows // 3000)), seed=seed)
