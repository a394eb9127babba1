"""A canned query asked the way a person asks it: entity parameters by name, resolved before the query runs.

A parameter whose type names an entity (``agency``, ``body``, ``person``, ``document``, ``post``,
``node``: see ``govkg.queries``) takes what a person types — a node's id, its full or short name,
an alias, traditional characters, a 文号 in any bracket form — and becomes the id of the one node
it names, by the rules of :meth:`govkg.store.search.SearchIndex.match`. The answer says which
node each name resolved to and how. When nothing matches, or several nodes match equally well,
:class:`NoMatch` is raised with the closest names; the API answers it with 404 and the CLI with
an ``error:`` line, both offering them as "did you mean".
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from govkg.errors import QueryError
from govkg.graph.schema import NODES
from govkg.queries import Param, Query, run_query
from govkg.store.base import GraphStore
from govkg.store.search import SEARCHABLE, Hit, SearchIndex, build_index


@dataclass(frozen=True)
class Resolved:
    """One entity parameter: what was typed, the node it names, and the rule that decided."""

    input: str
    label: str
    id: str
    name: str
    how: str  # id, exact, resolver, short name, only match
    matched: str = ""  # the name or alias that matched

    def line(self, param: str) -> str:
        """``agency: 市发改委 → 晋城市发展和改革委员会 [agency/…] (resolver)``, for the CLI."""
        return f"{param}: {self.input} → {self.name} [{self.id}] ({self.how})"


@dataclass(frozen=True)
class Suggestion:
    label: str
    id: str
    name: str
    matched: str


class NoMatch(QueryError):
    """An entity parameter that names no node, or several equally well; with the closest names."""

    def __init__(self, param: Param, value: str, suggestions: list[Suggestion], ambiguous: bool) -> None:
        self.param, self.value, self.suggestions, self.ambiguous = param.name, value, suggestions, ambiguous
        kind = param.type if param.label else "node"
        what = (f"{value!r} names several {kind} nodes equally well" if ambiguous
                else f"no {kind} matches {value!r}")
        hint = "; did you mean: " + ", ".join(f"{s.name} [{s.id}]" for s in suggestions) if suggestions else ""
        super().__init__(f"{param.name}: {what}{hint}")

    def body(self) -> dict[str, Any]:
        """The documented no-match answer (``docs/api.md``): detail, parameter, value, ambiguous, did_you_mean."""
        return {"detail": str(self), "parameter": self.param, "value": self.value, "ambiguous": self.ambiguous,
                "did_you_mean": [asdict(s) for s in self.suggestions]}


@dataclass
class Answer:
    """A canned query's rows, the parameters as given (typed), and how each entity parameter resolved."""

    query: Query
    params: dict[str, Any]
    rows: list[dict[str, Any]]
    resolved: dict[str, Resolved] = field(default_factory=dict)


NodeIds = dict[str, tuple[tuple[str, str], ...]]  # node id → its (label, name) pairs, in NODES order


def node_ids(store: GraphStore) -> NodeIds:
    """Every node's id with its label and name, read once: the API keeps one per served graph, so
    an id parameter is resolved in memory instead of by a store query (up to one per label)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for lab in NODES:
        for r in store.run(f"MATCH (n:`{lab}`) RETURN n.id AS id, n.name AS name"):
            found.setdefault(r["id"], []).append((lab, r.get("name") or r["id"]))
    return {k: tuple(v) for k, v in found.items()}


def _by_id(store: GraphStore, value: str, label: str | None, ids: NodeIds | None = None) -> Resolved | None:
    """The node whose id is ``value`` (of ``label``, or of the first label in NODES that has it):
    ids need no search index; with ``ids`` (:func:`node_ids`) no store query either."""
    if ids is not None:
        for lab, name in ids.get(value, ()):
            if label is None or lab == label:
                return Resolved(value, lab, value, name, "id", value)
        return None
    for lab in [label] if label else list(NODES):
        rows = store.run(f"MATCH (n:`{lab}`) WHERE n.id = $id RETURN n.name AS name LIMIT 1", {"id": value})
        if rows:
            return Resolved(value, lab, value, rows[0].get("name") or value, "id", value)
    return None


def resolve(store: GraphStore, param: Param, value: str, index: Callable[[], SearchIndex],
            ids: NodeIds | None = None) -> Resolved:
    """The node an entity parameter's value names; :class:`NoMatch` if none or several."""
    found = _by_id(store, value, param.label, ids)
    if found:
        return found
    labels = {param.label} if param.label else set(SEARCHABLE)
    m = index().match(value, labels)
    if m.hit is not None:
        return Resolved(value, m.hit.label, m.hit.id, m.hit.name, m.how, m.hit.matched)
    raise NoMatch(param, value, [_suggestion(h) for h in m.candidates], m.ambiguous)


def _suggestion(h: Hit) -> Suggestion:
    return Suggestion(h.label, h.id, h.name, h.matched)


def answer(store: GraphStore, query: Query, given: dict[str, Any],
           index: Callable[[], SearchIndex] | None = None, ids: Callable[[], NodeIds] | None = None) -> Answer:
    """Bind ``given`` (QueryError when malformed), resolve its entity parameters (NoMatch), run the query.

    ``index`` gives the search index (the API keeps one per served graph); by default it is built
    from the store, once, and only if some value is not an id. ``ids`` gives the served graph's
    :func:`node_ids` (the API's); without it ids are looked up in the store."""
    bound = query.bind(given)
    built: list[SearchIndex] = []

    def lazy() -> SearchIndex:
        if not built:
            built.append(index() if index else build_index(store))
        return built[0]

    known = ids() if ids and query.entities else None
    resolved = {p.name: resolve(store, p, bound[p.name], lazy, known) for p in query.entities}
    ids = {**bound, **{name: r.id for name, r in resolved.items()}}
    return Answer(query, bound, run_query(store, query, ids), resolved)
