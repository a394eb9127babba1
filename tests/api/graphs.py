"""Graphs the API tests load into a real embedded store: the gold facts' graph plus a tiny hand-made one."""
from __future__ import annotations

from pathlib import Path

from govkg.graph.schema import Edge, Node, PropertyGraph

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"

# a name that would run as a script if any page failed to escape document text
EVIL = "<script>alert('x')</script>测试局"


# the tiny document's lines 1-9: line 7 is the source of its memberships, and prints the hostile name
TINY_TEXT = "\n".join(["测试〔2024〕1号", "", "关于成立测试市港航安全工作领导小组的通知", "", "一、组成人员", "",
                        f"组长：李测试（市港渔局局长）；成员单位：{EVIL}、市港渔局", "", "二、办公室设在市港渔局"])


def tiny_graph() -> PropertyGraph:
    """An agency with a hostile name on a body with a person and an ex-officio seat; ids under test/."""
    prov = {"doc": "测试〔2024〕1号", "file": "999_test.txt", "line": 7, "date": "2024-01-02"}
    return PropertyGraph(
        nodes=[
            Node("Agency", "test/evil", {"name": EVIL, "level": "city", "aliases": "测试局"}),
            Node("Agency", "test/transport", {"name": "测试市港航渔政管理局", "level": "city", "aliases": "市港渔局"}),
            Node("Body", "test/group", {"name": "测试市港航安全工作领导小组", "kind": "LeadingGroup"}),
            Node("Person", "test/li", {"name": "李测试"}),
            Node("Post", "test/transport/post/局长", {"name": "市港渔局局长", "title": "局长"}),
            Node("Document", "test/doc", {"name": "测试〔2024〕1号", "number": "测试〔2024〕1号",
                                          "title": "关于成立测试市港航安全工作领导小组的通知", "stub": False,
                                          "file": "999_test.txt", "line": 1, "end_line": 9, "text": TINY_TEXT}),
        ],
        edges=[
            Edge("UNIT_OF", "test/evil", "test/group", prov),
            Edge("UNIT_OF", "test/transport", "test/group", prov),
            Edge("MEMBER_OF", "test/li", "test/group", {**prov, "role": "组长", "position": "市港渔局局长"}),
            Edge("SEAT_ON", "test/transport/post/局长", "test/group", {**prov, "role": "成员"}),
            Edge("POST_IN", "test/transport/post/局长", "test/transport", {}),
            Edge("HOLDS", "test/li", "test/transport/post/局长", {"doc": prov["doc"], "file": prov["file"], "line": 7}),
            Edge("OFFICE_AT", "test/group", "test/transport", {"doc": prov["doc"], "file": prov["file"], "line": 9}),
            Edge("ESTABLISHED_BY", "test/group", "test/doc", {"file": "999_test.txt", "line": 1}),
        ],
    )


def gold_graph() -> PropertyGraph:
    """The property graph of the gold facts (empty when ../shared/gold is not beside the repo)."""
    from govkg.facts import read_facts
    from govkg.graph.pg import property_graph
    from govkg.graph.rdf import graph_from_facts

    from govkg.graph import sources

    if not GOLD.is_dir():
        return PropertyGraph()
    corpus = Path(__file__).resolve().parents[2] / "corpus"  # the texts the gold facts cite, for document pages
    return property_graph(graph_from_facts(read_facts(GOLD)), sources.collect(sorted(corpus.glob("*.txt"))))


def load_test_store(path: Path) -> Path:
    """Write the gold graph and the tiny graph into an embedded store at ``path``."""
    from govkg.store.ladybug import LadybugStore

    store = LadybugStore(path)
    try:
        store.load(gold_graph(), replace=True)
        store.load(tiny_graph(), replace=False)
    finally:
        store.close()
    return path
