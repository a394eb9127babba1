"""Person identity across documents: two mentions of one name in one city are one person unless the
agencies of their posts keep them apart."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class PersonMention:
    """One printing of a person's name in a body's list, with what it says about them."""

    city: str
    name: str
    date: str | None
    doc: str
    agencies: frozenset[str]  # canonical agencies of the posts printed beside the name


PersonKey = tuple[str, str, frozenset]  # (city, name, agencies of the mention)


_LEADERSHIP = re.compile(r"人民政府$|^中共[^委]*委员会$")


def _agency_clusters(ms: list[PersonMention]) -> list[set[str]]:
    """Agencies linked by being printed together beside the name (transitively), largest first."""
    clusters: list[set[str]] = []
    for agencies in sorted({m.agencies for m in ms if m.agencies}, key=sorted):
        touching = [c for c in clusters if c & agencies]
        clusters = [c for c in clusters if not (c & agencies)] + [set(agencies).union(*touching)]
    return sorted(clusters, key=lambda c: (-sum(1 for m in ms if m.agencies & c), min(c)))


def resolve_people(mentions: Iterable[PersonMention]) -> tuple[dict[PersonKey, str], dict[str, str]]:
    """The person key of every mention, and why each person node stands for its mentions.

    The same name within one city is one person unless the evidence says otherwise: on one
    date the name is printed with posts in unrelated agencies. Agencies are related when
    some mention prints them together (市政府副秘书长、市信访局局长 links the two), and the
    city government and party committee relate to every agency (their leaders hold posts
    across it). Then the mentions are split by cluster of related agencies (mentions with
    no post go to the largest) and the keys become ``name@agency``.
    """
    groups: dict[tuple[str, str], list[PersonMention]] = {}
    for m in mentions:
        groups.setdefault((m.city, m.name), []).append(m)
    keys: dict[PersonKey, str] = {}
    reasons: dict[str, str] = {}
    for (city, name), ms in sorted(groups.items()):
        specific = [PersonMention(m.city, m.name, m.date, m.doc,
                                  frozenset(a for a in m.agencies if not _LEADERSHIP.search(a))) for m in ms]
        clusters = _agency_clusters(specific)
        cluster_of = {a: i for i, c in enumerate(clusters) for a in c}
        conflict = None
        by_date: dict[str, set[int]] = {}
        for m in specific:
            if m.date and m.agencies:
                by_date.setdefault(m.date, set()).add(cluster_of[min(m.agencies)])
        for date, seen in sorted(by_date.items()):
            if len(seen) > 1 and conflict is None:
                a, b = sorted(seen)[:2]
                conflict = (date, min(clusters[a]), min(clusters[b]))
        if conflict is None:
            docs = sorted({m.doc for m in ms})
            for m in ms:
                keys[(city, name, m.agencies)] = name
            reasons[name] = (f"same name in {city}: {len(ms)} mention(s) in {len(docs)} document(s) "
                             f"({', '.join(docs[:5])}{'…' if len(docs) > 5 else ''}); no date on which the name "
                             f"is printed with posts in unrelated agencies")
            continue
        for m, sm in zip(ms, specific):
            home = clusters[cluster_of[min(sm.agencies)]] if sm.agencies else clusters[0]
            key = f"{name}@{min(home)}"
            keys[(city, name, m.agencies)] = key
            reasons[key] = (f"{name} in {city} split: on {conflict[0]} the name is printed with posts in unrelated "
                            f"agencies ({conflict[1]} / {conflict[2]}); this person is the one serving in "
                            f"{', '.join(sorted(home))}")
    return keys, reasons
