"""Where the people readers and the walk meet: one printed item, one fact."""
from __future__ import annotations

import pytest

from govkg.extract.composition.reader import compose
from govkg.extract.notes import recording
from govkg.facts import BodyFact, MembershipFact, SeatFact, Src, UnitFact

B = "县河湖治理工作联席会议"


def _m(person, role, position, line=5):
    return MembershipFact(src=Src("f.txt", line), doc="D", body=B, person=person, role=role, position=position)


def _s(role, holder, line=5):
    return SeatFact(src=Src("f.txt", line), doc="D", body=B, role=role, holder=holder)


def _u(agency, line=6):
    return UnitFact(src=Src("f.txt", line), doc="D", body=B, agency=agency)


@pytest.mark.parametrize("name,members,seats,kept", [
    # the walk read the person's post as a seat: the person's reading wins
    ("post-of-the-person", [_m("黄金库", "总召集人", "县人民政府秘书长")], [_s("总召集人", "县人民政府秘书长")], []),
    ("post-ends-the-position", [_m("李强", "组长", "县委常委、副县长")], [_s("组长", "副县长")], []),
    # a seat in another role, on another line or with another post stays
    ("other-role", [_m("李强", "组长", "副县长")], [_s("副组长", "副县长")], [_s("副组长", "副县长")]),
    ("other-line", [_m("李强", "组长", "副县长")], [_s("组长", "副县长", line=7)], [_s("组长", "副县长", line=7)]),
    ("other-post", [_m("李强", "组长", "副县长")], [_s("组长", "县水利局局长")], [_s("组长", "县水利局局长")]),
    ("not-a-word-inside", [_m("李强", "组长", "副县长")], [_s("组长", "县长")], [_s("组长", "县长")]),
    ("no-position", [_m("李强", "组长", None)], [_s("组长", "县长")], [_s("组长", "县长")]),
])
def test_a_seat_is_dropped_only_where_a_person_holds_that_post(name, members, seats, kept):
    got = compose([BodyFact(src=Src("f.txt", 1), doc="D", body=B), *members], seats, [])
    assert list(got.seats) == kept and list(got.members) == members and len(got.bodies) == 1


def test_a_unit_that_is_a_person_read_on_its_line_is_dropped_and_noted():
    with recording() as notes:
        got = compose([_m("王金库", "成员", None, line=6)], [], [_u("王金库"), _u("县水利局")])
    assert [u.agency for u in got.units] == ["县水利局"]
    assert [(n.line, n.text) for n in notes] == [(6, "王金库")]


def test_facts_come_bodies_members_seats_units():
    body = BodyFact(src=Src("f.txt", 1), doc="D", body=B)
    got = compose([body, _m("李强", "组长", "副县长")], [_s("副组长", "县水利局局长")], [_u("县水利局")]).facts()
    assert [f.type for f in got] == ["body", "membership", "seat", "unit"]
