"""Canned queries: ``queries/*.cypher``, one per file, each with a header of comment lines.

Header (``//`` lines before the query)::

    // name: bodies_of_agency                      (must equal the file name)
    // description: Bodies an agency sits on …
    // param: agency: agency — the agency, as a person types it  (an entity type: resolved to an id first)
    // param: as_of: date = latest — the day to look at            (latest: the latest state)
    // param: limit: int = 20 — most rows returned  (a default makes it optional)
    // columns: body_id, body, via, role           (the RETURN aliases, in order)
    // order: via, body                            (optional: rows sorted so; -col descending)
    // unordered: held_by                          (optional: list columns sorted, their order meaning nothing)
    // limit: limit                                (optional: the int parameter that cuts the rows once sorted)

Types: ``string``, ``int`` (a row limit, 1 to 10,000), ``date`` (a real day, YYYY-MM-DD), ``bool``,
and the entity types ``agency``, ``body``, ``person``, ``document``, ``post`` and ``node`` (any
label): the query receives the id of the node the typed name resolves to (``govkg.store.resolve``,
which API and CLI call; :func:`run_query` itself takes ids). A date parameter whose default is
``latest`` means the latest state: the store sees the day ``LATEST``, after every dated tie.

The query text follows. Where the two dialects differ, the file holds one variant per
store after ``// variant: neo4j`` and ``// variant: ladybug`` lines, and a ``// why:`` line
says what differs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govkg.errors import QueryError
from govkg.resources import QUERY_DIR

DIALECTS = ("neo4j", "ladybug")
# parameter types → the label of the node an entity type names (None: any label)
ENTITY_LABELS: dict[str, str | None] = {"agency": "Agency", "body": "Body", "person": "Person",
                                        "document": "Document", "post": "Post", "node": None}
TYPES: dict[str, type] = {"string": str, "int": int, "date": str, "bool": bool, **{t: str for t in ENTITY_LABELS}}
# integers are row limits: bounded so a store never sees a negative or absurd LIMIT
INT_MIN, INT_MAX = 1, 10_000
LATEST = "9999-12-31"  # what a store compares for "the latest state": after every dated tie
_PARAM = re.compile(r"^(?P<name>\w+)\s*:\s*(?P<type>\w+)(?:\s*=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<doc>.*))?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_USED = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any = None
    required: bool = True
    doc: str = ""

    @property
    def entity(self) -> bool:
        """Whether the parameter names a node (resolved to its id before the query runs)."""
        return self.type in ENTITY_LABELS

    @property
    def label(self) -> str | None:
        """The label of the node an entity parameter names (None: any)."""
        return ENTITY_LABELS.get(self.type)

    @property
    def latest(self) -> bool:
        """A date parameter that may be ``latest``, the latest state (its default)."""
        return self.type == "date" and self.default == "latest"

    def coerce(self, raw: Any) -> Any:
        """The value as the declared type (strings from the command line are converted)."""
        if self.type == "int":
            try:
                value = int(raw)
            except (TypeError, ValueError):
                raise QueryError(f"parameter {self.name} must be an integer, got {raw!r}") from None
            if not INT_MIN <= value <= INT_MAX:
                raise QueryError(f"parameter {self.name} must be between {INT_MIN} and {INT_MAX}, got {value}")
            return value
        if self.type == "bool":
            if isinstance(raw, bool):
                return raw
            if str(raw).lower() in ("true", "1", "yes"):
                return True
            if str(raw).lower() in ("false", "0", "no"):
                return False
            raise QueryError(f"parameter {self.name} must be true or false, got {raw!r}")
        value = str(raw)
        if self.type == "date" and not (value == "latest" and self.latest) and not _is_date(value):
            latest = " or latest" if self.latest else ""
            raise QueryError(f"parameter {self.name} must be a date YYYY-MM-DD{latest}, got {raw!r}")
        if self.type in ENTITY_LABELS and not value.strip():
            raise QueryError(f"parameter {self.name} must name a {self.type}, got an empty value")
        return value


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    texts: dict[str, str] = field(default_factory=dict)  # dialect → Cypher; "*" for both
    why: str = ""
    order: tuple[str, ...] = ()  # columns to sort rows by after the store answers; "-col" descending
    unordered: tuple[str, ...] = ()  # list columns whose order means nothing: sorted after the store answers
    limit: str | None = None  # the int parameter that cuts the rows after they are sorted here (a UNION's LIMIT)

    def sort(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows in the header's order (missing values last); unchanged without an order line.

        UNION queries cannot ORDER BY the whole union in both dialects, so the order is applied here."""
        out = [{**r, **{c: sorted(r[c], key=_sortable) for c in self.unordered if isinstance(r.get(c), list)}}
               for r in rows]
        for col in reversed(self.order):  # stable sorts, least significant key first
            name, desc = col.lstrip("-"), col.startswith("-")
            present = [r for r in out if r.get(name) is not None]
            missing = [r for r in out if r.get(name) is None]
            present.sort(key=lambda r: _sortable(r[name]), reverse=desc)
            out = present + missing
        return out

    def text(self, dialect: str) -> str:
        """The Cypher to run on a store of this dialect."""
        return self.texts.get(dialect) or self.texts["*"]

    def bind(self, given: dict[str, Any] | None = None) -> dict[str, Any]:
        """Parameters typed and completed with defaults; unknown or missing ones raise QueryError."""
        given = dict(given or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            raise QueryError(f"{self.name}: unknown parameter(s) {', '.join(unknown)}; "
                             f"expected {', '.join(sorted(known)) or 'none'}")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = p.coerce(given[p.name])
            elif p.required:
                raise QueryError(f"{self.name}: missing parameter {p.name} ({p.type})")
            else:
                out[p.name] = p.default
        return out

    def store_params(self, bound: dict[str, Any]) -> dict[str, Any]:
        """Bound parameters as the store compares them: ``latest`` as the day :data:`LATEST`."""
        latest = {p.name for p in self.params if p.latest}
        return {k: LATEST if k in latest and v == "latest" else v for k, v in bound.items()}

    @property
    def entities(self) -> tuple[Param, ...]:
        """The parameters that name a node."""
        return tuple(p for p in self.params if p.entity)


def _is_date(value: str) -> bool:
    import datetime

    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse(text: str, name: str) -> Query:
    """Parse and validate one query file's text; ``name`` is its file stem."""
    header: dict[str, list[str]] = {}
    sections: dict[str, list[str]] = {"*": []}
    current = "*"
    in_header = True
    for line in text.splitlines():
        stripped = line.strip()
        m = re.match(r"^//\s*(\w[\w-]*)\s*:\s*(.*)$", stripped)
        if m and m.group(1) == "variant":
            current = m.group(2).strip()
            if current not in DIALECTS:
                raise QueryError(f"{name}: unknown variant {current!r}; expected one of {', '.join(DIALECTS)}")
            sections[current] = []
            in_header = False
            continue
        if in_header and m:
            header.setdefault(m.group(1), []).append(m.group(2).strip())
            continue
        if in_header and (not stripped or stripped.startswith("//")):
            continue
        in_header = False
        if not stripped.startswith("//"):
            sections[current].append(line)
    for key in ("name", "description", "columns"):
        if key not in header:
            raise QueryError(f"{name}: header has no '// {key}:' line")
    if header["name"][0] != name:
        raise QueryError(f"{name}: header names it {header['name'][0]!r}; must equal the file name")
    params = tuple(_param(name, p) for p in header.get("param", []))
    texts = {k: "\n".join(v).strip() for k, v in sections.items() if "\n".join(v).strip()}
    variants = set(texts) - {"*"}
    if variants and variants != set(DIALECTS):
        raise QueryError(f"{name}: variants must cover {', '.join(DIALECTS)}, found {', '.join(sorted(variants))}")
    if variants and "*" in texts:
        raise QueryError(f"{name}: text outside the variants")
    if not texts:
        raise QueryError(f"{name}: no query text")
    if variants and "why" not in header:
        raise QueryError(f"{name}: has variants but no '// why:' line")
    declared = {p.name for p in params}
    cut = header.get("limit", [None])[0]
    for dialect, body in texts.items():
        used = set(_USED.findall(body))
        if used != declared and used != declared - {cut}:  # the limit line's parameter may be applied here only
            raise QueryError(f"{name} ({dialect}): parameters used {sorted(used)} but declared {sorted(declared)}")
    columns = tuple(c.strip() for c in ",".join(header["columns"]).split(",") if c.strip())  # may run on
    order = tuple(c.strip() for c in header.get("order", [""])[0].split(",") if c.strip())
    unordered = tuple(c.strip() for c in header.get("unordered", [""])[0].split(",") if c.strip())
    unknown = [c for c in (*order, *unordered) if c.lstrip("-") not in columns]
    if unknown:
        raise QueryError(f"{name}: order names {', '.join(unknown)}, which are not among the columns")
    limit = header.get("limit", [None])[0]
    if limit is not None and not any(p.name == limit and p.type == "int" for p in params):
        raise QueryError(f"{name}: limit names {limit!r}, which is not an int parameter")
    if limit is not None and not order:
        raise QueryError(f"{name}: a limit needs an order line (the rows it keeps are the first in that order)")
    return Query(name=name, description=" ".join(header["description"]), params=params, columns=columns,
                 texts=texts, why=" ".join(header.get("why", [])), order=order, unordered=unordered, limit=limit)


def _sortable(value: Any) -> Any:
    # lists (paths) and mixed types compare by their JSON text
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _param(query: str, spec: str) -> Param:
    m = _PARAM.match(spec)
    if not m or m.group("type") not in TYPES:
        raise QueryError(f"{query}: bad parameter line {spec!r}; expected 'name: type [= default] [— doc]' "
                         f"with type one of {', '.join(TYPES)}")
    p = Param(m.group("name"), m.group("type"), doc=(m.group("doc") or "").strip())
    if m.group("default") is not None:
        default = m.group("default").strip()
        if p.type == "date" and default == "latest":
            return Param(p.name, p.type, default, required=False, doc=p.doc)
        return Param(p.name, p.type, p.coerce(default), required=False, doc=p.doc)
    return p


def load_queries(folder: Path = QUERY_DIR) -> dict[str, Query]:
    """Every query in ``folder``, by name; a malformed file raises QueryError."""
    return {p.stem: parse(p.read_text(encoding="utf-8"), p.stem) for p in sorted(folder.glob("*.cypher"))}


def get_query(name: str, folder: Path = QUERY_DIR) -> Query:
    path = folder / f"{name}.cypher"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.cypher")))
        raise QueryError(f"no query named {name!r}; known: {known}")
    return parse(path.read_text(encoding="utf-8"), name)


def run_query(store: Any, query: Query | str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a canned query on a store (its ``dialect`` picks the variant); rows keyed by the
    header's columns, in that order, sorted as its ``order`` line says. Entity parameters are
    ids here (names are resolved by ``govkg.store.resolve``)."""
    q = get_query(query) if isinstance(query, str) else query
    bound = q.bind(params)
    rows = q.sort([{c: r.get(c) for c in q.columns} for r in store.run(q.text(store.dialect), q.store_params(bound))])
    return rows[:bound[q.limit]] if q.limit else rows


def _busiest(graph: Any, label: str, rel_types: tuple[str, ...] = ()) -> str:
    """The id of the ``label`` node with the most edges (of ``rel_types``, or any); ties by id."""
    from collections import Counter

    ids = {n.id for n in graph.nodes if n.label == label}
    degree = Counter(end for e in graph.edges if not rel_types or e.type in rel_types
                     for end in (e.src, e.dst) if end in ids)
    return min(ids, key=lambda i: (-degree[i], i)) if ids else ""


def sample_params(graph: Any) -> dict[str, Any]:
    """Parameters that find something in a PropertyGraph: the busiest node of each kind.

    Deterministic; used by the parity tests and the query benchmark (every parameter name the
    shipped queries use has a value)."""
    person = _busiest(graph, "Person", ("MEMBER_OF",))
    return {"agency": _busiest(graph, "Agency", ("UNIT_OF", "ASSIGNED")),
            "body": _busiest(graph, "Body", ("MEMBER_OF", "SEAT_ON")),
            "person": person, "document": _busiest(graph, "Document", ("CITES",)), "date": "2021-06-30",
            "source": person or _busiest(graph, "Agency"), "target": _busiest(graph, "Agency", ("ASSIGNED",)),
            "node": _busiest(graph, "Body"), "text": "局", "limit": 15, "as_of": "2021-06-30", "former": True}
