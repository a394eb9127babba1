"""Search over names and aliases: exact, prefix, substring and abbreviation matches, ranked.

Chinese agency names are abbreviated by dropping the city and keeping the first character of
each word (市发改委 for 晋城市发展和改革委员会), so besides substrings a query also matches a
name that holds its characters in order (a subsequence), scored by how tightly they sit.
When ``govkg.graph.agencies`` can resolve the query to a canonical agency name, that agency comes first.

Which kind of entity a query is after comes before how well it matches: documents are found by
number and title, everything else by name, and a query shaped like a document number (a bracket,
号, a digit) is after documents while any other query is after agencies, bodies, people and posts.
So ``发改`` finds 市发改委 before 发改能源〔2010〕709号, and ``〔2010〕709`` the document first.
An exact match (and the resolver's agency) is what was asked for whatever its kind.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable

from govkg.api.graphdata import Named

# rank bands: a better kind of match always beats a worse one
EXACT, RESOLVED, PREFIX, SUBSTRING, ABBREVIATION = 1000.0, 950.0, 800.0, 600.0, 300.0
# added to a match of the kind of entity the query is after (and to exact matches): every such
# match ranks above every other one, whose band scores all lie below this
WANTED_KIND = 1000.0

# what only a document number holds among the names searched: its year brackets, 号, the digits
_NUMBER_SHAPE = re.compile(r"[〔〕\[\]［］【】()（）﹝﹞号號\d]")


def looks_like_doc_number(query: str) -> bool:
    """Whether a query is typed like (part of) a document number: ``〔2020〕``, ``709号``, ``2010``."""
    return bool(_NUMBER_SHAPE.search(unicodedata.normalize("NFKC", query)))


def wants(query: str, label: str) -> bool:
    """Whether nodes with this label are the kind of entity the query is after."""
    return (label == "Document") == looks_like_doc_number(query)


def normalize(text: str) -> str:
    """NFKC (full-width to half-width), no spaces, lower case; simplified characters where OpenCC is present."""
    text = unicodedata.normalize("NFKC", text or "").replace(" ", "").replace("\u3000", "").lower()
    try:  # the resolver's normaliser also maps traditional to simplified characters
        from govkg.graph.names import normalize as resolve_normalize

        return resolve_normalize(text).lower()
    except Exception:  # noqa: BLE001 - the resolver is optional here and may be mid-change
        return text


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


@dataclass(frozen=True)
class Hit:
    label: str
    id: str
    name: str
    matched: str
    score: float


class SearchIndex:
    """Named nodes with their normalised names, searched in memory (the corpus graph is small)."""

    def __init__(self, named: Iterable[Named], resolver: Callable[[str], str | None] | None = None) -> None:
        self._rows = [(n, [(normalize(s), s) for s in dict.fromkeys((n.name, *n.aliases)) if s]) for n in named]
        self._resolver = resolver

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


def resolver_for(named: list[Named]) -> Callable[[str], str | None] | None:
    """A query → canonical agency name function from ``govkg.graph.agencies``, for the city the documents are from."""
    try:
        from govkg.graph.agencies import AgencyResolver
        from govkg.graph.names import infer_city
    except Exception:  # noqa: BLE001 - no resolver yet: the subsequence rule alone
        return None
    issuers = [n.name for n in named if n.label == "Agency"]
    city = infer_city(issuers)
    if not city:
        return None
    resolver = AgencyResolver()

    def resolve(query: str) -> str | None:
        try:
            agency = resolver.resolve(query, city)
        except Exception:  # noqa: BLE001 - a query the rules cannot parse is just not resolved
            return None
        return getattr(agency, "name", None) or getattr(agency, "canonical", None)

    return resolve
