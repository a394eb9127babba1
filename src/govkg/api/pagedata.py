"""What an entity page says, in the order an official reads it (LittleSis-style): the answer first,
grouped and dated, each row with links to the document lines it rests on.

An agency page: the bodies it sits on (as member unit, through its people, through ex-officio
seats, hosting the office), then its tasks grouped by document. A person page: posts, one row per
post with first and last document, then bodies. A body page: leaders, members, seats, units,
structure, then its history across documents. Rows are current or former as of a date (default:
the latest state, where a row is former once a later document replaced it).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import quote

from govkg.api.graphdata import RELATION_LIMIT, Entity, Relation, entity
from govkg.graph.judgements import JUDGED_EDGES
from govkg.store.base import GraphStore
from govkg.viz.palette import relation_label, role_class


@dataclass(frozen=True)
class Source:
    """A cited line: the document page with that line highlighted (``href`` None when the document is unknown)."""

    doc: str
    file: str | None
    line: int | None
    href: str | None
    original: str | None = None  # the original file at this line's page (govkg.api.originals), and what it says
    original_label: str = ""
    where: str = ""


@dataclass
class Row:
    """One line of a section: the node it is about, how (role, via whom or which post), since when, sources."""

    label: str
    id: str
    name: str
    role: str = ""
    via: tuple[str, str, str] | None = None  # (label, id, name) of the person or post it goes through
    detail: str = ""
    since: str | None = None
    until: str | None = None
    status: str = "current"  # current | former
    sources: list[Source] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Group:
    """Rows under one heading: a way of sitting on bodies, or the tasks of one document."""

    zh: str
    en: str = ""
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    href: str | None = None


@dataclass
class Section:
    key: str
    zh: str
    en: str
    rows: list[Row] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    summary: str = ""
    what: str = "对象 with"  # the column heads of its rows
    via: str = "经由 / 职务 via, post"

    @property
    def size(self) -> int:
        """How many entities the section lists: one agency on a body as member unit and through its
        people is one body, so grouped rows count once per entity (the summary says the same)."""
        if self.groups:
            return len({(r.label, r.id) for g in self.groups for r in g.rows} | {(r.label, r.id) for r in self.rows})
        return len(self.rows)


@dataclass
class Profile:
    """One entity's page: its node and its sections, in reading order."""

    entity: Entity
    sections: list[Section]
    as_of: str | None = None


def document_href(doc_id: str, line: int | None = None, file: str | None = None) -> str:
    """The document page of a node id, with a line to highlight (ids hold '/', so they are encoded whole)."""
    href = f"/document/{quote(doc_id, safe='')}"
    params = [f"line={int(line)}"] if line else []
    if file:
        params.append(f"file={quote(file, safe='')}")
    return href + ("?" + "&".join(params) if params else "") + (f"#L{int(line)}" if line else "")


class _Docs:
    """Document keys (number or title, as edges cite them) → document ids, looked up once per page."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.ids: dict[str, list[tuple[str, str | None]]] = {}

    def want(self, keys: Iterable[str]) -> None:
        missing = sorted({k for k in keys if k and k not in self.ids})
        for k in missing:
            self.ids[k] = []
        if missing:
            rows = self.store.run("MATCH (d:`Document`) WHERE d.name IN $names RETURN d.id AS id, d.name AS name, "
                                  "d.file AS file", {"names": missing})
            for r in rows:
                self.ids[r["name"]].append((r["id"], r["file"]))

    def source(self, props: dict[str, Any]) -> Source | None:
        doc, file, line = props.get("doc"), props.get("file"), props.get("line")
        if not (doc or file):
            return None
        found = self.ids.get(doc or "", [])
        doc_id = next((i for i, f in found if f == file), found[0][0] if found else None)
        return Source(doc or file or "", file, line, document_href(doc_id, line, file) if doc_id else None)


def status(props: dict[str, Any], as_of: str | None) -> str | None:
    """current or former on ``as_of`` (None: the latest state); None when it starts after that date."""
    since, until = props.get("date"), props.get("end_date")
    if as_of is None:
        return "former" if until else "current"
    if since and since > as_of:
        return None
    return "former" if until and until <= as_of else "current"


def _row(r: Relation, docs: _Docs, as_of: str | None, **kw: Any) -> Row | None:
    st = status(r.props, as_of)
    if st is None:
        return None
    src = docs.source(r.props)
    row = Row(r.label, r.id, r.name, role=str(r.props.get("role", "")), since=r.props.get("date"),
              until=r.props.get("end_date") if st == "former" else None, status=st,
              sources=[src] if src else [], **kw)
    if r.type in JUDGED_EDGES:  # what a review judgement names this edge by (docs/review.md); the page has the other end
        row.extra["edge"] = {"edge": r.type, "dir": r.direction, "other": r.id, "role": str(r.props.get("role") or ""),
                             "doc": str(r.props.get("doc") or "")}
    if r.props.get("reviewed"):
        row.extra["reviewed"] = r.props["reviewed"]
    return row


def _ordered(rows: list[Row]) -> list[Row]:
    """Current before former, then newest first, then by name."""
    return sorted(rows, key=lambda r: (r.status != "current", _neg(r.since), r.name, r.id))


def _neg(date: str | None) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else "\U0010ffff"


def _merge(rows: list[Row]) -> list[Row]:
    """One row per (node, role, via, status, since): the sources of repeats are kept together."""
    out: dict[tuple, Row] = {}
    for r in rows:
        k = (r.label, r.id, r.role, r.via, r.status, r.since, r.detail)
        if k in out:
            out[k].sources += [s for s in r.sources if s not in out[k].sources]
        else:
            out[k] = r
    return list(out.values())


def _other(e: Entity, docs: _Docs, shown: set[str], as_of: str | None) -> Section:
    rows = []
    for r in e.relations:
        if r.type in shown:
            continue
        row = _row(r, docs, as_of, detail=relation_label(r.type, r.direction))
        if row is not None:
            rows.append(row)
    return Section("other", "其他关系", "Other relations", _merge(rows), via="关系 relation")


# --- agency --------------------------------------------------------------------------------

def _agency(store: GraphStore, e: Entity, docs: _Docs, as_of: str | None) -> list[Section]:
    p = {"id": e.id}
    people = store.run(
        "MATCH (a:`Agency`)<-[:`POST_IN`]-(p:`Post`)<-[h:`HOLDS`]-(x:`Person`)-[m:`MEMBER_OF`]->(b:`Body`) "
        "WHERE a.id = $id AND h.file = m.file AND h.line = m.line "
        "RETURN b.id AS b_id, b.name AS b_name, x.id AS x_id, x.name AS x_name, m.role AS role, "
        "m.position AS position, m.date AS date, m.end_date AS end_date, m.doc AS doc, m.file AS file, m.line AS line "
        f"LIMIT {RELATION_LIMIT}", p)
    seats = store.run(
        "MATCH (a:`Agency`)<-[:`POST_IN`]-(p:`Post`)-[s:`SEAT_ON`]->(b:`Body`) WHERE a.id = $id "
        "RETURN b.id AS b_id, b.name AS b_name, p.id AS p_id, p.name AS p_name, s.role AS role, s.date AS date, "
        f"s.end_date AS end_date, s.doc AS doc, s.file AS file, s.line AS line LIMIT {RELATION_LIMIT}", p)
    docs.want([r["doc"] for r in people + seats])
    groups: list[Group] = []
    units = [_row(r, docs, as_of) for r in e.relations if r.type == "UNIT_OF" and r.direction == "out"]
    groups.append(Group("作为成员单位", "as member unit", _ordered(_merge([u for u in units if u]))))

    def hop(rows: list[dict], via_label: str, via_id: str, via_name: str) -> list[Row]:
        out = []
        for r in rows:
            rel = Relation("out", "", "Body", r["b_id"], r["b_name"] or r["b_id"], {k: v for k, v in r.items()
                                                                                   if v not in (None, "")})
            row = _row(rel, docs, as_of, via=(via_label, r[via_id], r[via_name] or r[via_id]),
                       detail=str(r.get("position") or ""))
            if row:  # the edge a review judges leaves the person or post, not this agency
                row.extra["edge"] = {"edge": "MEMBER_OF" if via_label == "Person" else "SEAT_ON", "src": r[via_id],
                                     "dst": r["b_id"], "role": str(r.get("role") or ""), "doc": str(r.get("doc") or "")}
                out.append(row)
        return _ordered(_merge(out))

    groups.append(Group("通过本单位人员", "through its people", hop(people, "Person", "x_id", "x_name")))
    groups.append(Group("通过职务（当然席位）", "through ex-officio seats", hop(seats, "Post", "p_id", "p_name")))
    office = [_row(r, docs, None) for r in e.relations if r.type == "OFFICE_AT" and r.direction == "in"]
    groups.append(Group("承担办公室", "hosting the office", _ordered(_merge([o for o in office if o]))))
    bodies = {r.id for g in groups for r in g.rows}
    current = {r.id for g in groups for r in g.rows if r.status == "current"}
    sits = Section("bodies", "所在议事协调机构", "Bodies it sits on", groups=groups,
                   summary=f"共 {len(bodies)} 个议事协调机构，其中现任 {len(current)} 个 "
                           f"({len(bodies)} bodies, {len(current)} current)")

    by_doc: dict[str, list[Row]] = defaultdict(list)
    for r in e.relations:
        if r.type == "ASSIGNED":
            row = _row(r, docs, None)
            if row:
                by_doc[r.props.get("doc") or ""].append(row)
    tasks = Section("tasks", "任务分工", "Tasks, by document",
                    summary=f"{sum(len(v) for v in by_doc.values())} 项任务，{len(by_doc)} 份文件")
    for doc, rows in sorted(by_doc.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        counts = defaultdict(int)
        for row in rows:
            counts[row.role] += 1
        note = "、".join(f"{role} {n}" for role, n in sorted(counts.items()))
        found = docs.ids.get(doc) or []
        tasks.groups.append(Group(doc, "", sorted(rows, key=lambda x: (x.sources[0].line or 0) if x.sources else 0),
                                  note, document_href(found[0][0]) if found else None))
    return [sits, tasks, _other(e, docs, {"UNIT_OF", "OFFICE_AT", "ASSIGNED"}, as_of)]


# --- person --------------------------------------------------------------------------------

def _person(store: GraphStore, e: Entity, docs: _Docs, as_of: str | None) -> list[Section]:
    held: dict[str, list[Relation]] = defaultdict(list)
    for r in e.relations:
        if r.type == "HOLDS" and r.direction == "out" and (as_of is None or (r.props.get("date") or "") <= as_of):
            held[r.id].append(r)
    posts = Section("posts", "职务", "Posts")
    for post_id, rs in held.items():
        rs.sort(key=lambda r: (r.props.get("date") or "", r.props.get("doc") or ""))
        first, last = rs[0], rs[-1]
        row = Row("Post", post_id, first.name, since=first.props.get("date"), until=None,
                  sources=[s for s in (docs.source(first.props), docs.source(last.props)) if s],
                  extra={"first": docs.source(first.props), "last": docs.source(last.props),
                         "first_date": first.props.get("date"), "last_date": last.props.get("date"),
                         "documents": len({r.props.get("doc") for r in rs})})
        posts.rows.append(row)
    posts.rows.sort(key=lambda r: (_neg(r.extra["last_date"]), r.name))
    members = [_row(r, docs, as_of, detail=str(r.props.get("position", "")))
               for r in e.relations if r.type == "MEMBER_OF"]
    bodies = Section("bodies", "所在议事协调机构", "Bodies", _ordered(_merge([m for m in members if m])),
                     what="议事协调机构 body", via="职务 post as printed")
    return [posts, bodies, _other(e, docs, {"HOLDS", "MEMBER_OF"}, as_of)]


# --- body ----------------------------------------------------------------------------------

def _holders(store: GraphStore, body_id: str, docs: _Docs) -> dict[str, list[tuple[str, str, str | None, Source | None]]]:
    """Post id → the people recorded in it (id, name, date, source), newest first."""
    rows = store.run(
        "MATCH (b:`Body`)<-[:`SEAT_ON`]-(p:`Post`)<-[h:`HOLDS`]-(x:`Person`) WHERE b.id = $id "
        "RETURN p.id AS p_id, x.id AS x_id, x.name AS x_name, h.date AS date, h.doc AS doc, h.file AS file, "
        f"h.line AS line LIMIT {RELATION_LIMIT}", {"id": body_id})
    docs.want([r["doc"] for r in rows])
    out: dict[str, list] = defaultdict(list)
    for r in rows:
        out[r["p_id"]].append((r["x_id"], r["x_name"] or r["x_id"], r["date"], docs.source(r)))
    for v in out.values():
        v.sort(key=lambda t: _neg(t[2]))
    return out


def _body(store: GraphStore, e: Entity, docs: _Docs, as_of: str | None) -> list[Section]:
    holders = _holders(store, e.id, docs)
    leaders, members, seats, units = [], [], [], []
    for r in e.relations:
        if r.direction != "in" or r.type not in ("MEMBER_OF", "SEAT_ON", "UNIT_OF"):
            continue
        row = _row(r, docs, as_of, detail=str(r.props.get("position", "")))
        if row is None:
            continue
        if r.type == "SEAT_ON":
            # who held the post, where the documents name one person in it (副市长 has several: none shown)
            day = as_of or row.until or "9999"
            known = [h for h in holders.get(r.id, []) if (h[2] or "") <= day]
            if len({h[0] for h in holders.get(r.id, [])}) == 1 and known:
                row.extra["holder"] = known[0]
            elif len({h[0] for h in known}) > 1:
                row.extra["holders"] = len({h[0] for h in known})
        rc = role_class(row.role) if r.type != "UNIT_OF" else None
        if rc is not None and rc.key in ("head", "deputy"):
            row.extra["rank"] = 0 if rc.key == "head" else 1
            leaders.append(row)
        else:
            {"MEMBER_OF": members, "SEAT_ON": seats, "UNIT_OF": units}[r.type].append(row)
    leaders = sorted(_merge(leaders), key=lambda x: (x.status != "current", x.extra["rank"], _neg(x.since), x.name))
    who, post = "人员或职务 person or post", "职务 / 任职人员 post, held by"
    out = [Section("leaders", "负责人", "Leaders", leaders, what=who, via=post),
           Section("members", "成员", "Members", _ordered(_merge(members)), what="人员 person", via="职务 post"),
           Section("seats", "当然席位（按职务）", "Ex-officio seats", _ordered(_merge(seats)), what="职务 post",
                   via="任职人员 held by"),
           Section("units", "成员单位", "Member units", _ordered(_merge(units)), what="单位 agency", via="")]
    structure = [_row(r, docs, None, detail=relation_label(r.type, r.direction)) for r in e.relations
                 if r.type in ("OFFICE_AT", "PART_OF")]
    out.append(Section("structure", "办公室与上下级", "Office, parent and working groups",
                       _merge([s for s in structure if s]), via="关系 relation"))
    out.append(_history(e, docs))
    out.append(_other(e, docs, {"MEMBER_OF", "SEAT_ON", "UNIT_OF", "OFFICE_AT", "PART_OF", "ESTABLISHED_BY"}, as_of))
    return out


def _history(e: Entity, docs: _Docs) -> Section:
    """Each document that says something of the body: its date, what it sets out, whether it established it."""
    per: dict[str, dict[str, Any]] = {}
    established = {r.props.get("doc") or r.name for r in e.relations if r.type == "ESTABLISHED_BY"}
    names = {"MEMBER_OF": "成员", "SEAT_ON": "当然席位", "UNIT_OF": "成员单位", "OFFICE_AT": "办公室",
             "PART_OF": "上下级"}
    for r in e.relations:
        if r.type not in names and r.type != "ESTABLISHED_BY":
            continue
        doc = r.props.get("doc") or (r.name if r.type == "ESTABLISHED_BY" else "")
        d = per.setdefault(doc, {"date": None, "counts": defaultdict(int), "until": None, "src": None})
        d["date"] = d["date"] or r.props.get("date")
        d["until"] = d["until"] or r.props.get("end_date")
        if r.type in names:
            d["counts"][names[r.type]] += 1
        src = docs.source({**r.props, "doc": doc})
        if src and (d["src"] is None or (src.line or 0) < (d["src"].line or 0)):
            d["src"] = src
    rows = []
    for doc, d in per.items():
        what = "、".join(f"{k} {n}" for k, n in d["counts"].items())
        rows.append(Row("Document", doc, doc, role="设立 established" if doc in established else "",
                        detail=what, since=d["date"], until=d["until"], status="former" if d["until"] else "current",
                        sources=[d["src"]] if d["src"] else []))
    rows.sort(key=lambda r: (r.since or "9999", r.name))
    return Section("history", "沿革（按文件）", "History across documents", rows)


def merged_into(store: GraphStore, entity_id: str) -> tuple[str, str, str] | None:
    """(label, id, name) of the node a review judgement merged ``entity_id`` into (``docs/review.md``), if any."""
    for label in ("Agency", "Body", "Person", "Post"):
        rows = store.run(f"MATCH (n:`{label}`) WHERE n.reviewed CONTAINS $id "
                         "RETURN n.id AS id, n.name AS name, n.reviewed AS reviewed LIMIT 5", {"id": entity_id})
        for r in rows:
            pairs = [line.split(" (by ", 1)[0].removeprefix("same ").split(" ~ ")
                     for line in str(r["reviewed"]).splitlines() if line.startswith("same ")]
            if r["id"] != entity_id and any(entity_id in pair for pair in pairs):
                return label, r["id"], r["name"] or r["id"]
    return None


def profile(store: GraphStore, entity_id: str, label: str | None = None, as_of: str | None = None) -> list[Profile]:
    """The page of each entity with this id (one per label that has it)."""
    out = []
    for e in entity(store, entity_id, label):
        docs = _Docs(store)
        docs.want(r.props.get("doc") for r in e.relations)
        docs.want(r.name for r in e.relations if r.type == "ESTABLISHED_BY")
        if e.label == "Agency":
            sections = _agency(store, e, docs, as_of)
        elif e.label == "Person":
            sections = _person(store, e, docs, as_of)
        elif e.label == "Body":
            sections = _body(store, e, docs, as_of)
        else:
            sections = [_other(e, docs, set(), None)]
        out.append(Profile(e, [s for s in sections if s.size or s.key in ("bodies", "leaders")], as_of))
    return out


# --- document ------------------------------------------------------------------------------

@dataclass
class DocumentPage:
    """A document's printed lines, one highlighted, and the edges the graph draws from that line."""

    id: str
    name: str
    props: dict[str, Any]
    lines: list[tuple[int, str]]
    line: int | None
    cited: list[Row] = field(default_factory=list)
    note: str = ""
    original: dict[str, str] | None = None  # href, label, line_href, where (govkg.api.originals.link_document)


def document_page(store: GraphStore, doc_id: str, line: int | None = None, file: str | None = None) -> DocumentPage | None:
    """The document page of a node id (None when there is no such document)."""
    from govkg.graph.schema import NODES

    cols = ", ".join(f"d.`{c}` AS {c}" for c in NODES["Document"].columns)
    rows = store.run(f"MATCH (d:`Document`) WHERE d.id = $id RETURN {cols} LIMIT 1", {"id": doc_id})
    if not rows:
        return None
    d = rows[0]
    start, text = d.get("line"), d.get("text")
    lines = list(enumerate(text.split("\n"), start=start)) if text and start else []
    note = ""
    if not lines:
        note = ("文件不在语料中，没有原文。Outside the corpus: no text." if d.get("stub")
                else "没有保存原文（构建时没有源文件）。The build kept no text for this document.")
    elif file and file != d.get("file"):
        note = f"所引行在另一份印本 {file}:{line}。The cited line is in another printing ({file})."
        line = None
    elif line and not (lines[0][0] <= line <= lines[-1][0]):
        note = f"第 {line} 行不在本文件范围内。Line {line} is outside this document."
        line = None
    page = DocumentPage(doc_id, d.get("name") or doc_id,
                        {k: v for k, v in d.items() if k not in ("id", "name", "text") and v not in (None, "")},
                        lines, line, note=note)
    if line and d.get("file"):
        page.cited = cited_at(store, d["file"], line)
    return page


def cited_at(store: GraphStore, file: str, line: int) -> list[Row]:
    """Every edge whose source is this line: what the graph takes from it."""
    from govkg.graph.schema import RELS

    out = []
    for rel in RELS.values():
        rows = store.run(f"MATCH (a:`{rel.src}`)-[r:`{rel.type}`]->(b:`{rel.dst}`) WHERE r.file = $file AND r.line = $line "
                         f"RETURN a.id AS a_id, a.name AS a_name, b.id AS b_id, b.name AS b_name"
                         + (", r.role AS role" if "role" in rel.columns else "") + f" LIMIT {RELATION_LIMIT}",
                         {"file": file, "line": int(line)})
        for r in rows:
            out.append(Row(rel.src, r["a_id"], r["a_name"] or r["a_id"], role=str(r.get("role") or ""),
                           via=(rel.dst, r["b_id"], r["b_name"] or r["b_id"]), detail=relation_label(rel.type)))
    return sorted(out, key=lambda r: (r.detail, r.name, r.via or ()))
