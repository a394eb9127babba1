"""One composition per document: bodies, people, seats and units, reconciled.

Two line readers look at a composition passage: the lists and sentences of people
(``govkg.extract.people``, giving body and membership facts through ``bodies/facts.py``) and the
walk (``composition/walk.py``, giving seats and member units). They share the lexicon and the body
index; :func:`compose` is where their readings meet, so that one printed item is one fact:

* a seat on a line where a person was read in the same role on the same body, whose holder is that
  person's post (``总召集人:黄金库,市政府秘书长`` read also as the seat 市政府秘书长), is the person's
  post, not a seat;
* a member unit that is the name of a person read on its line (``成员:王金库``) is no agency.

What is dropped is noted (``govkg.extract.notes``), so ``govkg extract --skipped`` shows it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from govkg.extract.notes import skipped
from govkg.facts import BodyFact, Fact, MembershipFact, SeatFact, UnitFact
from govkg.text.script import simplify


@dataclass(frozen=True)
class Composition:
    """The composition facts of one document, in reading order within each kind."""

    bodies: tuple[BodyFact, ...] = ()
    members: tuple[MembershipFact, ...] = ()
    seats: tuple[SeatFact, ...] = ()
    units: tuple[UnitFact, ...] = ()

    def facts(self) -> list[Fact]:
        """Every fact, bodies with their members first (the order the readers gave)."""
        return [*self.bodies, *self.members, *self.seats, *self.units]


def _same_post(position: str | None, holder: str) -> bool:
    if not position:
        return False
    p, h = simplify(position), simplify(holder)
    # whole posts only: 县委常委、副县长 holds 副县长, 副县长 does not hold 县长
    return h in p.split("、") or len(p) >= 4 and h.endswith(p) and h[:-len(p)] in ("市", "县", "区", "省", "")


def compose(people: Sequence[Fact], seats: Sequence[Fact], units: Sequence[Fact]) -> Composition:
    """The composition of a document from the people readers' facts (bodies, memberships) and the
    walk's seats and units, with the readings of one item by both readers made one."""
    bodies = tuple(f for f in people if isinstance(f, BodyFact))
    members = tuple(f for f in people if isinstance(f, MembershipFact))
    by_line: dict[tuple[str, int], list[MembershipFact]] = {}
    for m in members:
        by_line.setdefault((m.body, m.src.line), []).append(m)
    kept_seats: list[SeatFact] = []
    for s in seats:
        assert isinstance(s, SeatFact)
        person = next((m for m in by_line.get((s.body, s.src.line), ())
                       if m.role == s.role and _same_post(m.position, s.holder)), None)
        if person is not None:
            skipped(s.src.line, s.holder, f"the post of {person.person}, not a seat")
            continue
        kept_seats.append(s)
    kept_units: list[UnitFact] = []
    for u in units:
        assert isinstance(u, UnitFact)
        if any(m.person == u.agency for m in by_line.get((u.body, u.src.line), ())):
            skipped(u.src.line, u.agency, "a person's name, not a member unit")
            continue
        kept_units.append(u)
    return Composition(bodies, members, tuple(kept_seats), tuple(kept_units))


__all__ = ["Composition", "compose"]
