"""What the API and pages read from a store, as parameterised Cypher generated from ``govkg.graph.schema``.

Only labels and relation types from the schema are ever put into query text (both are
checked against it); every value travels as a parameter. The Cypher is the subset that
Neo4j and LadybugDB both accept: labelled patterns, scalar properties, backticked names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govkg.errors import UnknownLabel
from govkg.graph.schema import NODES, RELS
from govkg.store.base import GraphStore
from govkg.viz.network import VEdge, VNode, node_key

# how many neighbours of one kind an entity page lists at most
RELATION_LIMIT = 2000


def check_label(label: str) -> str:
    if label not in NODES:
        raise UnknownLabel(f"unknown label {label!r}; expected one of {', '.join(NODES)}")
    return label


def _cols(var: str, names: list[str], prefix: str = "") -> str:
    return ", ".join(f"{var}.`{c}` AS {prefix}{c}" for c in names)


@dataclass
class Relation:
    """One edge seen from an entity: direction, type, the node at the other end and the edge's properties."""

    direction: str  # "out" or "in"
    type: str
    label: str
    id: str
    name: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Entity:
    label: str
    id: str
    name: str
    props: dict[str, Any]
    relations: list[Relation] = field(default_factory=list)


def find_nodes(store: GraphStore, entity_id: str, label: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Every (label, properties) whose node has this id (ids are unique per label only)."""
    labels = [check_label(label)] if label else list(NODES)
    found = []
    for lab in labels:
        cols = [c for c in NODES[lab].columns if c not in NODES[lab].bulk]  # a document's text only on its page
        rows = store.run(f"MATCH (n:`{lab}`) WHERE n.id = $id RETURN {_cols('n', cols)} LIMIT 1",
                         {"id": entity_id})
        if rows:
            found.append((lab, rows[0]))
    return found


def relations(store: GraphStore, label: str, entity_id: str, limit: int = RELATION_LIMIT) -> list[Relation]:
    """All relations of one node, both directions, with each edge's role, date and provenance."""
    check_label(label)
    out: list[Relation] = []
    for rel in RELS.values():
        props = list(rel.columns)
        for direction, here, there in (("out", rel.src, rel.dst), ("in", rel.dst, rel.src)):
            if here != label:
                continue
            pattern = (f"(n:`{label}`)-[r:`{rel.type}`]->(m:`{there}`)" if direction == "out"
                       else f"(n:`{label}`)<-[r:`{rel.type}`]-(m:`{there}`)")
            ret = ", ".join(["m.id AS m_id", "m.name AS m_name"] + ([_cols("r", props, "r_")] if props else []))
            rows = store.run(f"MATCH {pattern} WHERE n.id = $id RETURN {ret} LIMIT {int(limit)}",
                             {"id": entity_id})
            for row in rows:
                out.append(Relation(direction, rel.type, there, row["m_id"], row["m_name"] or row["m_id"],
                                    {p: row[f"r_{p}"] for p in props if row.get(f"r_{p}") not in (None, "")}))
    out.sort(key=lambda r: (r.type, r.direction, str(r.props.get("role", "")), r.name or "", r.id))
    return out


def entity(store: GraphStore, entity_id: str, label: str | None = None) -> list[Entity]:
    """The entities with this id (one per label that has it), each with all its relations."""
    return [Entity(lab, entity_id, props.get("name") or entity_id,
                   {k: v for k, v in props.items() if k not in ("id", "name") and v not in (None, "")},
                   relations(store, lab, entity_id))
            for lab, props in find_nodes(store, entity_id, label)]


def headline(store: GraphStore) -> dict[str, int]:
    """Node and relation counts for the home page."""
    return dict(store.counts())


# --- network pictures ---------------------------------------------------------------------

def _info(props: dict[str, Any], *keys: str) -> tuple[tuple[str, str], ...]:
    names = {"role": "角色 role", "position": "职务 post", "date": "日期 date", "end_date": "止 until",
             "doc": "文件 document", "file": "来源 source", "line": "行 line", "title": "职务 post",
             "level": "级别 level", "kind": "类型 kind", "number": "文号 number"}
    if "number" in keys:  # a document's title is its title, not a post
        names["title"] = "标题 title"
    out = [(names.get(k, k), str(props[k])) for k in keys if props.get(k) not in (None, "")]
    if props.get("file") and props.get("line") not in (None, ""):
        out = [p for p in out if p[0] not in (names["file"], names["line"])]
        out.append((names["file"], f"{props['file']}:{props['line']}"))
    return tuple(out)


PROV = ("role", "position", "date", "end_date", "doc", "file", "line")


def _neighbours(store: GraphStore, label: str, entity_id: str,
                skip: frozenset[str] = frozenset()) -> tuple[list[VNode], list[VEdge]]:
    """The focus node and its direct relations (but those of types in ``skip``) as picture nodes and edges."""
    found = find_nodes(store, entity_id, label)
    if not found:
        raise LookupError(f"no {label} with id {entity_id!r}")
    props = found[0][1]
    focus = VNode(label, entity_id, props.get("name") or entity_id, _info(props, "level", "kind", "number"), True)
    nodes, edges = [focus], []
    for r in relations(store, label, entity_id):
        if r.type in skip:
            continue
        # the node tooltip repeats its relation to the focus: role, post and source line
        nodes.append(VNode(r.label, r.id, r.name, _info(r.props, *PROV)))
        src, dst = (focus.key, node_key(r.label, r.id)) if r.direction == "out" else (node_key(r.label, r.id), focus.key)
        edges.append(VEdge(src, dst, r.type, str(r.props.get("role", "")), _info(r.props, *PROV),
                           former=bool(r.props.get("end_date"))))
    return nodes, edges


def neighbourhood(store: GraphStore, label: str, entity_id: str) -> tuple[list[VNode], list[VEdge]]:
    """One node and its direct relations, to expand a picture (an agency's tasks left out, as in its picture)."""
    return _neighbours(store, check_label(label), entity_id,
                       skip=frozenset({"ASSIGNED"}) if label == "Agency" else frozenset())


def agency_network(store: GraphStore, agency_id: str) -> tuple[list[VNode], list[VEdge]]:
    """An agency's bodies (as member unit, through its posts, as office host) and the agencies it co-serves with."""
    # tasks have their own list on the entity page; in the picture they would drown the bodies
    nodes, edges = _neighbours(store, "Agency", agency_id, skip=frozenset({"ASSIGNED"}))
    p = {"id": agency_id}
    for row in store.run(
            "MATCH (a:`Agency`)-[:`UNIT_OF`]->(b:`Body`)<-[r:`UNIT_OF`]-(c:`Agency`) WHERE a.id = $id AND c.id <> a.id "
            "RETURN b.id AS b_id, c.id AS c_id, c.name AS c_name, r.doc AS doc, r.file AS file, r.line AS line "
            f"LIMIT {RELATION_LIMIT}", p):
        nodes.append(VNode("Agency", row["c_id"], row["c_name"] or row["c_id"]))
        edges.append(VEdge(node_key("Agency", row["c_id"]), node_key("Body", row["b_id"]), "UNIT_OF",
                           info=_info(row, "doc", "file", "line")))
    for row in store.run(
            "MATCH (a:`Agency`)<-[:`POST_IN`]-(p:`Post`)-[r:`SEAT_ON`]->(b:`Body`) WHERE a.id = $id "
            "RETURN p.id AS p_id, p.name AS p_name, b.id AS b_id, b.name AS b_name, r.role AS role, "
            f"r.date AS date, r.end_date AS end_date, r.doc AS doc, r.file AS file, r.line AS line LIMIT {RELATION_LIMIT}", p):
        nodes += [VNode("Body", row["b_id"], row["b_name"] or row["b_id"]),
                  VNode("Post", row["p_id"], row["p_name"] or row["p_id"])]
        edges.append(VEdge(node_key("Post", row["p_id"]), node_key("Body", row["b_id"]), "SEAT_ON",
                           row["role"] or "", _info(row, *PROV), former=bool(row["end_date"])))
    for row in store.run(
            "MATCH (a:`Agency`)<-[:`POST_IN`]-(p:`Post`)<-[:`HOLDS`]-(x:`Person`)-[r:`MEMBER_OF`]->(b:`Body`) "
            "WHERE a.id = $id RETURN p.id AS p_id, x.id AS x_id, x.name AS x_name, b.id AS b_id, b.name AS b_name, "
            "r.role AS role, r.position AS position, r.date AS date, r.end_date AS end_date, "
            "r.doc AS doc, r.file AS file, r.line AS line "
            f"LIMIT {RELATION_LIMIT}", p):
        nodes += [VNode("Body", row["b_id"], row["b_name"] or row["b_id"]),
                  VNode("Person", row["x_id"], row["x_name"] or row["x_id"])]
        edges += [VEdge(node_key("Person", row["x_id"]), node_key("Post", row["p_id"]), "HOLDS"),
                  VEdge(node_key("Person", row["x_id"]), node_key("Body", row["b_id"]), "MEMBER_OF",
                        row["role"] or "", _info(row, *PROV), former=bool(row["end_date"]))]
    return nodes, edges


def _post_agencies(store: GraphStore, pattern: str, node_id: str,
                   nodes: list[VNode], edges: list[VEdge]) -> None:
    """Add the agency of every post that ``pattern`` (binding ``p:Post`` to the node ``$id``) reaches."""
    for row in store.run(
            f"MATCH {pattern}-[:`POST_IN`]->(a:`Agency`) "
            f"RETURN p.id AS p_id, a.id AS a_id, a.name AS a_name LIMIT {RELATION_LIMIT}", {"id": node_id}):
        nodes.append(VNode("Agency", row["a_id"], row["a_name"] or row["a_id"]))
        edges.append(VEdge(node_key("Post", row["p_id"]), node_key("Agency", row["a_id"]), "POST_IN"))


def body_network(store: GraphStore, body_id: str) -> tuple[list[VNode], list[VEdge]]:
    """A body's composition: people and ex-officio posts by role, member units, host office, documents."""
    nodes, edges = _neighbours(store, "Body", body_id)
    _post_agencies(store, "(b:`Body` {id: $id})<-[:`SEAT_ON`]-(p:`Post`)", body_id, nodes, edges)
    return nodes, edges


def person_network(store: GraphStore, person_id: str) -> tuple[list[VNode], list[VEdge]]:
    """A person's memberships and posts, with the agency of each post."""
    nodes, edges = _neighbours(store, "Person", person_id)
    _post_agencies(store, "(x:`Person` {id: $id})-[:`HOLDS`]->(p:`Post`)", person_id, nodes, edges)
    return nodes, edges


def comembership_network(store: GraphStore, min_shared: int = 1) -> tuple[list[VNode], list[VEdge]]:
    """Agencies linked by the number of bodies on which both are member units."""
    rows = store.run(
        "MATCH (a:`Agency`)-[:`UNIT_OF`]->(b:`Body`)<-[:`UNIT_OF`]-(c:`Agency`) WHERE a.id < c.id "
        "RETURN a.id AS a_id, a.name AS a_name, c.id AS c_id, c.name AS c_name, count(DISTINCT b) AS shared")
    nodes: list[VNode] = []
    edges: list[VEdge] = []
    for r in rows:
        if int(r["shared"]) < min_shared:
            continue
        nodes += [VNode("Agency", r["a_id"], r["a_name"] or r["a_id"]), VNode("Agency", r["c_id"], r["c_name"] or r["c_id"])]
        edges.append(VEdge(node_key("Agency", r["a_id"]), node_key("Agency", r["c_id"]), "CO_MEMBER",
                           str(r["shared"]), (("共同参与 shared bodies", str(r["shared"])),), int(r["shared"])))
    return nodes, edges


def citation_network(store: GraphStore) -> tuple[list[VNode], list[VEdge]]:
    """Documents and the documents they cite (stubs included)."""
    rows = store.run(
        "MATCH (d:`Document`)-[r:`CITES`]->(e:`Document`) RETURN d.id AS d_id, d.name AS d_name, d.number AS d_number, "
        "d.title AS d_title, e.id AS e_id, e.name AS e_name, e.number AS e_number, e.title AS e_title, e.stub AS e_stub, "
        "r.file AS file, r.line AS line")
    nodes: list[VNode] = []
    edges: list[VEdge] = []
    for r in rows:
        nodes.append(VNode("Document", r["d_id"], r["d_name"] or r["d_id"],
                           _info({"number": r["d_number"], "title": r["d_title"]}, "number", "title")))
        stub = (("外部文件 outside the corpus", "是 yes"),) if r.get("e_stub") else ()
        nodes.append(VNode("Document", r["e_id"], r["e_name"] or r["e_id"],
                           _info({"number": r["e_number"], "title": r["e_title"]}, "number", "title") + stub))
        edges.append(VEdge(node_key("Document", r["d_id"]), node_key("Document", r["e_id"]), "CITES",
                           info=_info(r, "file", "line")))
    return nodes, edges
