"""Names as people type them: search over names and aliases, ranked, and the one match a parameter resolves to.

Chinese agency names are abbreviated by dropping the city and keeping the first character of
each word (市发改委 for 晋城市发展和改革委员会), so besides substrings a query also matches a
name that holds its characters in order (a subsequence), scored by how tightly they sit.
When ``govkg.graph.agencies`` can resolve the query to a canonical agency name, that agency comes first.

Which kind of entity a query is after comes before how well it matches: documents are found by
number and title, everything else by name, and a query shaped like a document number (a bracket,
号, a digit) is after documents while any other query is after agencies, bodies, people and posts.
So ``发改`` finds 市发改委 before 发改能源〔2010〕709号, and ``〔2010〕709`` the document first.
An exact match (and the resolver's agency) is what was asked for whatever its kind.

Names and queries are compared in one form (:func:`normalize`): full-width folded, no spaces,
simplified characters, one bracket form for document numbers (``[2020]``, ``(2020)``, ``【2020】`` →
``〔2020〕``). :meth:`SearchIndex.match` is what a query parameter naming an entity goes through
(``govkg.store.resolve``); its rules of a confident match are in its docstring and ``docs/api.md``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from govkg.graph.names import infer_city, normalize_number, short_city
from govkg.graph.schema import NODES
from govkg.store.base import GraphStore

# rank bands: a better kind of match always beats a worse one
EXACT, RESOLVED, PREFIX, SUBSTRING, ABBREVIATION = 1000.0, 950.0, 800.0, 600.0, 300.0
# added to a match of the kind of entity the query is after (and to exact matches): every such
# match ranks above every other one, whose band scores all lie below this
WANTED_KIND = 1000.0
SEARCHABLE = ("Agency", "Body", "Person", "Document", "Post")

# what only a document number holds among the names searched: its year brackets, 号, the digits
_NUMBER_SHAPE = re.compile(r"[〔〕\[\]［］【】()（）﹝﹞号號\d]")
# the characters by which a place's own documents name it: 市防汛抗旱指挥部, 县应急局
_SELF_PREFIX = ("市", "省", "县", "区")


@dataclass(frozen=True)
class Named:
    """A searchable node: the names it can be found by."""

    label: str
    id: str
    name: str
    aliases: tuple[str, ...] = ()


def split_aliases(value: Any) -> tuple[str, ...]:
    """Aliases as stored (a JSON list, or text joined by | ; 、 or newlines) into a tuple of names."""
    if not value:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v)
    text = str(value).strip()
    if text.startswith("["):
        try:
            return tuple(str(v) for v in json.loads(text) if v)
        except ValueError:
            pass
    return tuple(p.strip() for p in re.split(r"[|;；、\n]", text) if p.strip())


def named_nodes(store: GraphStore) -> list[Named]:
    """Every searchable node with its names: name, aliases, and for documents number and title."""
    out: list[Named] = []
    for lab in SEARCHABLE:
        extra = [c for c in ("aliases", "number", "title") if c in NODES[lab].props]
        cols = ", ".join(f"n.`{c}` AS {c}" for c in ["id", "name", *extra])
        for r in store.run(f"MATCH (n:`{lab}`) RETURN {cols}"):
            names = list(split_aliases(r.get("aliases")))
            names += [r[c] for c in ("number", "title") if r.get(c)]
            out.append(Named(lab, r["id"], r.get("name") or r["id"], tuple(dict.fromkeys(names))))
    return out


def looks_like_doc_number(query: str) -> bool:
    """Whether a query is typed like (part of) a document number: ``〔2020〕``, ``709号``, ``2010``."""
    return bool(_NUMBER_SHAPE.search(unicodedata.normalize("NFKC", query)))


def wants(query: str, label: str) -> bool:
    """Whether nodes with this label are the kind of entity the query is after."""
    return (label == "Document") == looks_like_doc_number(query)


def normalize(text: str) -> str:
    """The form names are compared in: NFKC, no spaces, simplified, lower case, one bracket form of a 文号."""
    return normalize_number(text or "").lower()


def _subsequence_gaps(query: str, name: str) -> int | None:
    """Characters skipped between the first and last matched character, or None if not a subsequence."""
    start = name.find(query[0])
    if start < 0:
        return None
    pos, gaps = start, 0
    for ch in query[1:]:
        nxt = name.find(ch, pos + 1)
        if nxt < 0:
            return None
        gaps += nxt - pos - 1
        pos = nxt
    return gaps


def score(query: str, name: str) -> float | None:
    """How well one normalised name matches a normalised query; None for no match."""
    if not query or not name:
        return None
    if name == query:
        return EXACT
    extra = len(name) - len(query)
    if name.startswith(query):
        return PREFIX - min(extra, 100)
    at = name.find(query)
    if at >= 0:
        return SUBSTRING - min(at * 2 + extra, 200)
    if len(query) >= 2:
        gaps = _subsequence_gaps(query, name)
        # a loose scatter of characters is noise, not an abbreviation
        if gaps is not None and gaps <= 3 * len(query):
            return ABBREVIATION - min(gaps * 5 + extra, 250)
    return None


def _placeless(name: str) -> tuple[str | None, str]:
    """A name apart from the place it starts with: 晋城市防汛抗旱指挥部 → (晋城, 防汛抗旱指挥部);
    市防汛抗旱指挥部 → (None, 防汛抗旱指挥部), the place's own prefix naming no place."""
    from govkg.lexicon.places import place_prefix

    found = place_prefix(name)
    if found and len(name) - len(found[0]) >= 2:
        return short_city(found[0]), name[len(found[0]):]
    if name[:1] in _SELF_PREFIX and len(name) >= 3:
        return None, name[1:]
    return None, name


@dataclass(frozen=True)
class Hit:
    label: str
    id: str
    name: str
    matched: str
    score: float


@dataclass(frozen=True)
class Match:
    """What a typed name resolves to: one node and how, or nothing (with the closest names).

    ``how`` is ``exact`` (a name, alias, number or title), ``resolver`` (the agency resolver's
    canonical name), ``short name`` (the name without its place) or ``only match`` (the one node
    whose name contains the text); ``candidates`` are the equally good nodes when ``ambiguous``,
    else the suggestions of a search."""

    hit: Hit | None
    how: str = ""
    candidates: tuple[Hit, ...] = ()
    ambiguous: bool = False


class SearchIndex:
    """Named nodes with their normalised names, searched in memory (the corpus graph is small)."""

    def __init__(self, named: Iterable[Named], resolver: Callable[[str], str | None] | None = None) -> None:
        self._rows = [(n, [(normalize(s), s) for s in dict.fromkeys((n.name, *n.aliases)) if s]) for n in named]
        self._resolver = resolver
        self._placeless: list[tuple[Named, list[tuple[tuple[str | None, str], str]]]] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def search(self, query: str, *, labels: set[str] | None = None, limit: int = 20) -> list[Hit]:
        """The best matches, best first; ties broken by shorter name, then label and id."""
        q = normalize(query)
        if not q:
            return []
        canonical = normalize(self._resolver(query) or "") if self._resolver else ""
        wanted = {label: wants(query, label) for label in {node.label for node, _ in self._rows}}
        hits: list[Hit] = []
        for node, names in self._rows:
            if labels and node.label not in labels:
                continue
            best: tuple[float, str] | None = None
            for norm, raw in names:
                s = RESOLVED if canonical and norm == canonical and node.label == "Agency" else score(q, norm)
                if s is None:
                    continue
                if s >= RESOLVED or wanted[node.label]:
                    s += WANTED_KIND
                if best is None or s > best[0]:
                    best = (s, raw)
            if best:
                hits.append(Hit(node.label, node.id, node.name, best[1], best[0]))
        hits.sort(key=lambda h: (-h.score, len(h.name), h.label, h.id))
        return hits[:limit]

    def match(self, query: str, labels: set[str] | None = None, suggestions: int = 5) -> Match:
        """The one node ``query`` names, by the first rule that finds any: exact, resolver, short
        name, only match. A rule that finds several nodes makes the answer ambiguous (no later rule
        is tried); none finding any leaves no match, with the best search hits as suggestions.
        A subsequence (abbreviation) hit is never confident on its own: it is only suggested."""
        q = normalize(query)
        rows = [(n, names) for n, names in self._rows if not labels or n.label in labels]
        if not q:
            return Match(None)
        rules: list[tuple[str, Callable[[], list[tuple[Named, str]]]]] = [
            ("exact", lambda: [(n, raw) for n, names in rows for norm, raw in names if norm == q]),
            ("resolver", lambda: self._resolved(query, rows)),
            ("short name", lambda: self._short(q, labels)),
            ("only match", lambda: [(n, raw) for n, names in rows for norm, raw in names if q in norm]),
        ]
        for how, rule in rules:
            found = list({n.id + "\0" + n.label: Hit(n.label, n.id, n.name, raw, EXACT) for n, raw in rule()}.values())
            if len(found) == 1:
                return Match(found[0], how)
            if found:
                found.sort(key=lambda h: (len(h.name), h.label, h.id))
                return Match(None, how, tuple(found[:max(suggestions, 10)]), ambiguous=True)
        near = self.search(query, labels=labels, limit=suggestions) or self.similar(q, rows, suggestions)
        return Match(None, "", tuple(near))

    @staticmethod
    def similar(q: str, rows: list[tuple[Named, list[tuple[str, str]]]], limit: int) -> list[Hit]:
        """Names like ``q`` though no search hit (a typo: 防汛抗汗指挥部): by difflib's ratio, at least 0.6."""
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(q)
        best: dict[tuple[str, str], Hit] = {}
        for n, names in rows:
            for norm, raw in names:
                matcher.set_seq1(norm)
                if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
                    continue
                ratio = matcher.ratio()
                key = (n.label, n.id)
                if ratio >= 0.6 and (key not in best or ratio > best[key].score):
                    best[key] = Hit(n.label, n.id, n.name, raw, ratio)
        return sorted(best.values(), key=lambda h: (-h.score, len(h.name), h.label, h.id))[:limit]

    def _resolved(self, query: str, rows: list[tuple[Named, list[tuple[str, str]]]]) -> list[tuple[Named, str]]:
        if not self._resolver:
            return []
        canonical = normalize(self._resolver(query) or "")
        return [(n, n.name) for n, names in rows if canonical and n.label == "Agency"
                and any(norm == canonical for norm, _ in names)]

    def _short(self, q: str, labels: set[str] | None) -> list[tuple[Named, str]]:
        if self._placeless is None:  # the place index loads on first use (a third of a second)
            self._placeless = [(n, [(_placeless(norm), raw) for norm, raw in names]) for n, names in self._rows]
        place, rest = _placeless(q)
        return [(n, raw) for n, names in self._placeless if not labels or n.label in labels
                for (p, r), raw in names if r == rest and p is not None and (place is None or place == p)]


def resolver_for(named: list[Named]) -> Callable[[str], str | None] | None:
    """A query → canonical agency name function from ``govkg.graph.agencies``, for the city the documents are from."""
    from govkg.graph.agencies import AgencyResolver

    city = infer_city(n.name for n in named if n.label == "Agency")
    if not city:
        return None
    resolver = AgencyResolver()

    def resolve(query: str) -> str | None:
        try:
            agency = resolver.resolve(query, city)
        except Exception:  # noqa: BLE001 - a query the rules cannot parse is just not resolved
            return None
        return getattr(agency, "canonical", None)

    return resolve


def build_index(store: GraphStore) -> SearchIndex:
    """The search index of everything searchable in a store, with the resolver of its city."""
    named = named_nodes(store)
    return SearchIndex(named, resolver_for(named))
