"""Network pictures from plain node/edge lists: de-duplication, aggregation, styling, safe embedding."""
import json

import pytest

from govkg.viz.network import VEdge, VNode, build, node_key
from govkg.viz.palette import STYLES


def star(n: int) -> tuple[list[VNode], list[VEdge]]:
    hub = VNode("Body", "b", "某某工作领导小组", focus=True)
    people = [VNode("Person", f"p{i}", f"人员{i}") for i in range(n)]
    return [hub, *people], [VEdge(p.key, hub.key, "MEMBER_OF", "成员") for p in people]


def test_nodes_are_coloured_by_type_and_link_to_their_page():
    d = build("t", *star(2))
    body = next(n for n in d.nodes if n["kind"] == "Body")
    assert body["color"] == STYLES["Body"].color
    assert body["href"].startswith("/entity/b?label=Body")
    assert {item["label"] for item in d.legend} == {"Body", "Person"}


def test_duplicates_and_dangling_edges_are_dropped():
    nodes, edges = star(3)
    d = build("t", nodes + nodes[1:], edges + [VEdge(node_key("Person", "ghost"), nodes[0].key, "MEMBER_OF")])
    assert (len(d.nodes), len(d.edges)) == (4, 3)


@pytest.mark.parametrize("size, limit, shown", [(10, 500, 11), (600, 500, 500), (50, 20, 20)])
def test_big_pictures_are_aggregated(size, limit, shown):
    d = build("t", *star(size), max_nodes=limit)
    assert d.total_nodes == size + 1
    assert d.shown_nodes == shown == len(d.nodes)
    if shown < size + 1:
        assert any(n["kind"] == "Group" for n in d.nodes) and d.notes
        assert any(n["id"] == node_key("Body", "b") for n in d.nodes)  # the focus node is always kept


def test_tooltips_carry_role_and_source_line():
    hub = VNode("Body", "b", "组")
    p = VNode("Person", "p", "甲")
    d = build("t", [hub, p], [VEdge(p.key, hub.key, "MEMBER_OF", "组长", (("来源 source", "000.txt:12"),))])
    assert ["来源 source", "000.txt:12"] in d.edges[0]["tip"]
    assert d.edges[0]["label"] == "组长"


def test_script_json_cannot_close_the_script_element():
    d = build("t", [VNode("Agency", "x", "</script><script>alert(1)</script>")], [])
    text = d.script_json()
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["nodes"][0]["label"].startswith("</script>")


@pytest.mark.parametrize("role, key", [
    ("组长", "head"), ("指挥长", "head"), ("召集人", "head"), ("副组长", "deputy"), ("常务副指挥长", "deputy"),
    ("成员", "member"), ("成员单位", "member"), ("办公室主任", "office"), ("联络员", "office"), ("", None),
])
def test_roles_are_classed_for_edge_colours(role, key):
    from govkg.viz.palette import role_class

    assert (role_class(role).key if role_class(role) else None) == key


def test_membership_edges_are_coloured_by_role_with_a_legend():
    hub = VNode("Body", "b", "组")
    a, b = VNode("Person", "a", "甲"), VNode("Person", "b", "乙")
    d = build("t", [hub, a, b], [VEdge(a.key, hub.key, "MEMBER_OF", "组长"), VEdge(b.key, hub.key, "MEMBER_OF", "成员")])
    colours = {e["label"]: e["color"]["color"] for e in d.edges}
    assert colours["组长"] != colours["成员"]
    assert [r["key"] for r in d.roles] == ["head", "member"]


@pytest.mark.parametrize("weights, limit, k", [
    ([1, 1, 2, 3], 10, 1),        # few links: all kept
    ([1, 1, 1, 2, 2, 3], 3, 2),   # keep the 3 heaviest: weight ≥ 2 would be 3 links
    ([5, 5, 5, 5], 2, 6),         # ties at the cut: none of them (never more than the limit)
])
def test_link_threshold_keeps_at_most_the_limit(weights, limit, k):
    from govkg.api.routers.viz import threshold

    edges = [VEdge("a", "b", "CO_MEMBER", weight=w) for w in weights]
    assert threshold(edges, limit) == k
    assert sum(w >= k for w in weights) <= limit


def test_a_body_is_drawn_in_layers_whose_labels_cannot_overlap():
    """Heads, deputies, members, then agencies, each band a grid of cells wider than any label."""
    from govkg.viz.layout import CELL_CHARS, CELL_W, FONT, ROW_H

    hub = VNode("Body", "b", "晋城市防汛抗旱指挥部", focus=True)
    people = [VNode("Person", f"p{i}", f"人员{i}") for i in range(30)]
    units = [VNode("Agency", f"a{i}", f"晋城市某某很长很长的名字管理服务中心{i}") for i in range(33)]
    edges = ([VEdge(people[0].key, hub.key, "MEMBER_OF", "指挥长"), VEdge(people[1].key, hub.key, "MEMBER_OF", "副指挥长")]
             + [VEdge(p.key, hub.key, "MEMBER_OF", "成员") for p in people[2:]]
             + [VEdge(a.key, hub.key, "UNIT_OF") for a in units])
    d = build("t", [hub, *people, *units], edges, layout="layered")
    assert d.layout == "layered" and d.options["physics"]["enabled"] is False
    at = {n["id"]: (n["x"], n["y"]) for n in d.nodes}
    ys = [at[k.key][1] for k in (hub, people[0], people[1], people[2], units[0])]
    assert ys == sorted(ys) and len(set(ys)) == 5  # one band below the other
    for n in d.nodes:
        assert len(n["label"]) <= CELL_CHARS and len(n["label"]) * FONT < CELL_W
    cells = sorted(at.values())
    for (x1, y1), (x2, y2) in zip(cells, cells[1:]):
        assert abs(x1 - x2) >= CELL_W or abs(y1 - y2) >= ROW_H
    narrow = {(n["nx"], n["ny"]) for n in d.nodes}
    assert len({x for x, _ in narrow}) <= 3  # two columns and the centre


@pytest.mark.parametrize("name, label, short", [
    ("晋城市财政局", "Agency", "市财政局"), ("中共晋城市委宣传部", "Agency", "市委宣传部"),
    ("防汛抗旱指挥部 / 现场指挥部 / 综合协调组", "Body", "综合协调组"), ("城区人民政府", "Agency", "城区人民政府"),
    ("市级现代农业产业园创建领导组", "Body", "市级现代农业产业园创建领…"), ("晋城市", "Person", "晋城市"),
])
def test_labels_are_short(name, label, short):
    from govkg.viz.layout import short_label

    assert short_label(name, label, 13) == short


def test_edge_ids_are_stable_and_former_edges_dashed():
    hub, p = VNode("Body", "b", "组", focus=True), VNode("Person", "p", "甲")
    edges = [VEdge(p.key, hub.key, "MEMBER_OF", "成员", former=True), VEdge(p.key, hub.key, "MEMBER_OF", "成员")]
    a, b = build("t", [hub, p], edges), build("t", [p, hub], edges)
    assert [e["id"] for e in a.edges] == [e["id"] for e in b.edges] and len({e["id"] for e in a.edges}) == 2
    assert [e["dashes"] for e in a.edges] == [True, False]


def test_the_default_budget_keeps_a_sixty_node_body_whole_and_folds_a_bigger_one():
    from govkg.viz.network import MAX_NODES

    assert build("t", *star(61)).shown_nodes == 62
    d = build("t", *star(300))
    assert d.shown_nodes == MAX_NODES < d.total_nodes and d.budget == MAX_NODES
