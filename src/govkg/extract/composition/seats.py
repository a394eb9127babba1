"""Ex-officio seats: a role on a body filled by whoever holds a post.

``组长:市应急管理局主要负责人``, ``由市长担任组长``, ``办公室主任由A局、B局主要负责人兼任``
give one ``seat`` fact per post (lists split, shared tails and frames spread; ``或`` kept whole).
A named person is a membership (``govkg.extract.bodies.index``), and a role a named person fills is
not also a seat. Collective phrases (``成员:有关单位分管负责人``) are not seats.
"""
from __future__ import annotations

from govkg.extract.composition.naming import body_namer
from govkg.extract.composition.walk import Walk
from govkg.facts import Fact, SeatFact, Src


def seat_facts(w: Walk) -> list[Fact]:
    """Seat facts of the document a walk read."""
    doc = w.doc
    name_of = body_namer(w)
    out: list[Fact] = []
    for s in w.final_seats():
        body = name_of(s.body, s.line)
        if body:
            out.append(SeatFact(src=Src(doc.file, s.line, s.end_line), doc=doc.doc_key, body=body,
                                role=s.role, holder=s.holder, doc_title=doc.doc_title))
    return out
