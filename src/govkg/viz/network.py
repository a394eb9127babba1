"""Network pictures from plain node and edge lists, built with pyvis and drawn by vis-network.

The builders know nothing of stores: callers hand in ``VNode``/``VEdge`` lists. pyvis keeps
the nodes, edges and physics options; the page template (ours, not pyvis's, because pyvis's
loads its scripts from CDNs) draws them with the vendored vis-network.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pyvis.network import Network

from govkg.viz.layout import CELL_CHARS, CELL_W, FONT, NARROW_COLUMNS, first_bands, short_label
from govkg.viz.layout import layered as layered_positions
from govkg.viz.palette import legend, role_class, role_legend, style

# the default node budget: beyond it the best connected are kept, the rest folded by type, and the
# page offers to show more (a 60-node body reads well at this size; 200 is a hairball)
MAX_NODES = 80
# edge captions (roles) clutter big pictures; show them only on small ones
MAX_CAPTIONED_EDGES = 80


def node_key(label: str, id_: str) -> str:
    """The key of a node in a picture: ids are unique per label only, so the label is part of it."""
    return f"{label}/{id_}"


@dataclass(frozen=True)
class VNode:
    """A node to draw: its type, entity id, display name and tooltip lines (key, value)."""

    label: str
    id: str
    name: str
    info: tuple[tuple[str, str], ...] = ()
    focus: bool = False

    @property
    def key(self) -> str:
        return node_key(self.label, self.id)


@dataclass(frozen=True)
class VEdge:
    """An edge between two node keys, with the relation type, role and tooltip lines."""

    src: str
    dst: str
    type: str
    role: str = ""
    info: tuple[tuple[str, str], ...] = ()
    weight: int = 1
    former: bool = False  # replaced by a later document (drawn dashed)


@dataclass
class Drawing:
    """What a network page needs: vis-network nodes, edges and options, legend and counts."""

    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    legend: list[dict[str, str]]
    roles: list[dict[str, str]]
    total_nodes: int
    shown_nodes: int
    notes: list[str] = field(default_factory=list)
    layout: str = "force"
    budget: int = MAX_NODES

    def payload(self) -> dict[str, Any]:
        return {"title": self.title, "nodes": self.nodes, "edges": self.edges, "options": self.options,
                "legend": self.legend, "roles": self.roles, "total_nodes": self.total_nodes, "shown_nodes": self.shown_nodes,
                "notes": self.notes, "layout": self.layout, "budget": self.budget}

    def script_json(self) -> str:
        """The payload as JSON that is safe inside a <script> element (no tag can close it)."""
        text = json.dumps(self.payload(), ensure_ascii=False)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def entity_href(label: str, id_: str) -> str:
    """The entity page a node links to (ids may hold '/', so they are percent-encoded whole)."""
    from urllib.parse import quote

    return f"/entity/{quote(id_, safe='')}?label={quote(label)}"


def _aggregate(nodes: list[VNode], edges: list[VEdge], limit: int) -> tuple[list[VNode], list[VEdge], list[str]]:
    """Keep the focus nodes and the best-connected others; fold the rest into one node per type."""
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e.src] += e.weight
        degree[e.dst] += e.weight
    ranked = sorted(nodes, key=lambda n: (not n.focus, -degree[n.key], n.name, n.key))
    kept = ranked[: max(limit - len({n.label for n in ranked[limit:]}), 1)]
    kept_keys = {n.key for n in kept}
    folded = [n for n in ranked if n.key not in kept_keys]
    by_label: dict[str, list[VNode]] = defaultdict(list)
    for n in folded:
        by_label[n.label].append(n)
    group_of: dict[str, str] = {}
    groups: list[VNode] = []
    for label, members in sorted(by_label.items()):
        g = VNode("Group", label, f"其他{style(label).zh} {len(members)} 个",
                  (("合并 aggregated", f"{len(members)} {style(label).en}"),))
        groups.append(g)
        for n in members:
            group_of[n.key] = g.key
    merged: dict[tuple[str, str, str], int] = Counter()
    out_edges: list[VEdge] = []
    for e in edges:
        src, dst = group_of.get(e.src, e.src), group_of.get(e.dst, e.dst)
        if src == e.src and dst == e.dst:
            out_edges.append(e)
        elif src != dst:
            merged[(src, dst, e.type)] += e.weight
    out_edges += [VEdge(s, d, t, info=(("合并边 aggregated edges", str(w)),), weight=w)
                  for (s, d, t), w in sorted(merged.items())]
    note = f"共 {len(nodes)} 个节点，显示联系最多的 {len(kept)} 个，其余按类型合并 (showing {len(kept)} of {len(nodes)} nodes)"
    return kept + groups, out_edges, [note]


def build(title: str, nodes: list[VNode], edges: list[VEdge], *, max_nodes: int = MAX_NODES,
          directed: bool = True, layout: str = "force") -> Drawing:
    """Build a drawing: de-duplicate, keep the ``max_nodes`` best connected (the rest folded by type),
    colour by type, short labels, tooltips and links; ``layout`` "layered" places a body's structure
    in bands (``govkg.viz.layout``), "force" leaves it to physics in the browser."""
    unique: dict[str, VNode] = {}
    for n in nodes:
        if n.key not in unique or n.focus:
            unique[n.key] = n
    nodes = list(unique.values())
    edges = [e for e in edges if e.src in unique and e.dst in unique]
    total = len(nodes)
    notes: list[str] = []
    if total > max_nodes:
        nodes, edges, notes = _aggregate(nodes, edges, max_nodes)
    layered = layout == "layered" and any(n.focus for n in nodes)
    positions: dict[str, tuple[int, int]] = {}
    narrow: dict[str, tuple[int, int]] = {}
    if layered:
        focus = next(n.key for n in nodes if n.focus)
        by_key = {n.key: n for n in nodes}
        bands = first_bands(focus, ((e.src, e.dst, e.type, e.role, by_key[e.dst if e.src == focus else e.src].label)
                                    for e in edges))
        deg = _degree(edges)
        to_focus = [(e.dst if e.src == focus else e.src, e.former) for e in edges if focus in (e.src, e.dst)]
        former = {k for k, f in to_focus if f} - {k for k, f in to_focus if not f}
        order = sorted(by_key, key=lambda k: (bands.get(k, 5), k in former, by_key[k].label, -deg[k], by_key[k].name, k))
        all_bands = {k: bands.get(k, 4 if by_key[k].label == "Agency" else 5) for k in by_key}
        positions = layered_positions(focus, all_bands, order)
        narrow = layered_positions(focus, all_bands, order, NARROW_COLUMNS)

    net = Network(directed=directed, cdn_resources="local")
    degree = _degree(edges)
    for n in nodes:
        s = style(n.label)
        tip = [[style(n.label).zh + " " + style(n.label).en, n.name], *map(list, n.info)]
        extra: dict[str, Any] = {"href": entity_href(n.label, n.id), "entity": n.id} if n.label != "Group" else {}
        if n.key in positions:
            extra["x"], extra["y"] = positions[n.key]
            extra["nx"], extra["ny"] = narrow[n.key]  # the page takes these on a narrow screen
        net.add_node(n.key, label=short_label(n.name, n.label, CELL_CHARS if layered else 14), color=s.color,
                     shape=s.shape, kind=n.label, name=n.name, tip=tip, degree=degree[n.key],
                     borderWidth=4 if n.focus else 1, size=22 if n.focus else min(9 + 2.5 * degree[n.key] ** 0.5, 28),
                     font={"size": (20 if n.focus else FONT) if layered else (30 if n.focus else 22)}, **extra)
    captions = len(edges) <= MAX_CAPTIONED_EDGES
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for e in edges:
        tip = [[e.type, e.role or ""], *map(list, e.info)]
        rc = role_class(e.role) if e.type in ("MEMBER_OF", "SEAT_ON") else None
        colour = {"color": {"color": rc.color, "highlight": rc.color}} if rc else {}
        k = (e.src, e.dst, e.type, e.role)
        seen[k] += 1  # a stable id, so that an expanded neighbourhood merges with what is drawn
        net.add_edge(e.src, e.dst, id="|".join(k) + f"|{seen[k]}", label=e.role if captions and e.role else None,
                     tip=tip, width=min(1 + (e.weight - 1) * 0.5, 8) + (1 if rc and rc.key == "head" else 0),
                     etype=e.type, dashes=e.former, **colour)
    net.barnes_hut(gravity=-3500 if len(nodes) < 100 else -7000, spring_length=130 if len(nodes) < 100 else 170,
                   overlap=0.6)
    options = json.loads(net.options.to_json())
    # fewer layout iterations on big pictures; the page stops physics once stabilised
    options["physics"]["stabilization"] = {"enabled": True, "iterations": 400 if len(nodes) < 200 else 200,
                                           "updateInterval": 25, "fit": True}
    options["physics"]["minVelocity"] = 0.75
    if layered:
        options["physics"]["enabled"] = False
        options["govkg"] = {"narrowWidth": NARROW_COLUMNS * CELL_W + 40}  # read by network.js, not vis
    options["interaction"].update({"hover": True, "tooltipDelay": 120, "navigationButtons": False})
    options["edges"].update({"font": {"size": 11, "align": "middle"}, "smooth": {"enabled": False},
                             "color": {"inherit": False, "color": "#b8c2cc", "opacity": 0.7}})
    # labels stay readable when a big picture is zoomed out to fit (vis hides them below drawThreshold);
    # a white band behind each label keeps it legible where edges cross
    options["nodes"] = {"font": {"face": "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Zen Hei, "
                                         "Microsoft YaHei, PingFang SC, sans-serif",
                                 "background": "rgba(255,255,255,0.85)"},
                        "scaling": {"label": {"enabled": False, "drawThreshold": 3}}}
    vis_nodes, vis_edges, *_ = net.get_network_data()
    for e in vis_edges:
        if e.get("label") is None:
            e.pop("label", None)
    roles = role_legend({e.role for e in edges if e.type in ("MEMBER_OF", "SEAT_ON")})
    return Drawing(title, vis_nodes, vis_edges, options, legend({n.label for n in nodes}), roles,
                   total, len(nodes), notes, layout="layered" if layered else "force", budget=max_nodes)


def _degree(edges: list[VEdge]) -> Counter[str]:
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e.src] += 1
        degree[e.dst] += 1
    return degree
