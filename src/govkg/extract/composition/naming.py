"""The name a seat or unit reports for its body.

``govkg.extract.bodies.index.find_bodies`` is the authority on body names (its body facts are what
seats and units must agree with). Where it knows a body (same name up to the city prefix,
or one of its aliases) its name is used; otherwise the name the walk in
``govkg.extract.composition.walk`` found. A body the walk knows only by a generic heading (``指挥部``)
takes the name of a covering passage's body of the same sort, or gives no facts.
"""
from __future__ import annotations

from typing import Callable

from govkg.extract.composition.context import body_key
from govkg.extract.composition.vocab import GENERIC_BODY
from govkg.extract.composition.walk import Walk
from govkg.text.script import simplify


def body_namer(w: Walk) -> Callable[[int, int], str | None]:
    """``name_of(body index, line)`` for the bodies of one walk; ``None`` for a body known only
    by a generic name (``指挥部``), which no fact should carry."""
    mentions = w.mentions
    by_key: dict[str, str] = {}
    for m in mentions:
        for n in (m.name, *(m.aliases or ())):
            if not GENERIC_BODY.match(simplify(n)):  # 市领导小组 names no one body
                by_key.setdefault(body_key(n), m.name)

    def name_of(i: int, line: int) -> str | None:
        ref = w.bodies[i]
        for n in [ref.name, *ref.names]:
            hit = None if GENERIC_BODY.match(simplify(n)) else by_key.get(body_key(n))
            if hit:
                # the same body: the fuller name printed where its composition is set out wins
                if ref.strong and body_key(hit) == body_key(ref.name) and len(ref.name) > len(hit):
                    return ref.name
                return hit
        if not GENERIC_BODY.match(simplify(ref.name)):
            return ref.name
        # known to us only as 指挥部 / 领导小组: the covering passage's body, if it is of that sort
        suffix = simplify(ref.name)[-2:]
        covering = [m for m in mentions if m.start <= line <= m.end and simplify(m.name).endswith(suffix)]
        return min(covering, key=lambda m: m.end - m.start).name if covering else None

    return name_of
