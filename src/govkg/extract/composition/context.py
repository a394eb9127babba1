"""What the walk knows as it reads: the bodies seen so far and the one in context, and the seat and
unit candidates it has found, with the rules that pick one per role and body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from govkg.extract.bodies.index import BodyMention
from govkg.extract.bodies.names import place_stem
from govkg.extract.agencies import is_collective
from govkg.extract.composition.spans import Span
from govkg.extract.composition.vocab import (
    ABBR,
    BODY_SUFFIX,
    ESTABLISH,
    GENERIC_BODY,
    MANY_BODIES,
    NAME_CHAR,
    SET_OUT,
    cued,
    is_post,
    strip_verbs,
)
from govkg.text.document import Document
from govkg.text.script import simplify


# the portfolio words a seat's post ends with, cut before the agency is tested (市X局主要负责人或分管负责人)
_POST_WORDS = re.compile(r"(?:主要|分管|常务|指定)?(?:负责人|负责同志|领导同志|领导)(?:或.*)?$")


@dataclass(frozen=True)
class Seat:
    body: int       # index into Walk.bodies
    role: str
    holder: str
    line: int
    end_line: int
    passage: int    # id of the passage (label, sentence or table row) it came from
    sure: bool = False  # a seat the text sets out as such, even beside people holding the same role


@dataclass(frozen=True)
class Unit:
    body: int
    agency: str
    line: int
    end_line: int
    passage: int


@dataclass
class BodyRef:
    """A body as the walk knows it: names seen, and the name to report."""

    names: list[str]
    strong: list[str] = field(default_factory=list)   # names from establishing sentences
    filled_by_person: set[str] = field(default_factory=set)  # roles a named person holds

    @property
    def name(self) -> str:
        return max(self.strong, key=len) if self.strong else self.names[0]


def body_key(name: str) -> str:
    """Names of one body differ by a place prefix (晋城市X / 市X / X, 兴业县X / 县X)."""
    return place_stem(simplify(name))


def generic_setup(before: str) -> bool:
    """The clause sets up a body in every county, village, unit (``各…成立``)."""
    return bool(re.search(r"各[^，,。；;]*?(?:成立|建立|设立|组建)[^，,。；;]*$", before))


def canon_role(role: str) -> str:
    """The role as printed; an office's ``X办主任`` is its ``办公室主任``."""
    s = simplify(role)
    return "办公室主任" if s == "办主任" else ("办公室副主任" if s == "办副主任" else role)


class WalkContext:
    """The state of one walk: bodies, context, candidates (the readers are ``Walk``'s)."""

    def __init__(self, doc: Document, mentions: Sequence[BodyMention] = ()) -> None:
        self.doc = doc
        self.mentions = tuple(mentions)
        self.bodies: list[BodyRef] = []
        self.seats: list[Seat] = []
        self.units: list[Unit] = []
        self.current: int | None = None
        self.skip = False             # the current passage composes every county's body
        self.heading_depth: int | None = None   # outline depth of the last heading
        self.ctx_depth: int | None = None       # … when the current body came into context
        self.top: int | None = None   # the last non-working-group body (an office's HQ)
        self.passage = 0
        self.in_annex = False
        self.pending_label: str | None = None   # a heading that is only a label (二、成员单位)
        # (body, role, passage, printed role of a table row or "") of the last role label
        self._last_label: tuple[int, str, int, str] | None = None

    # -- bodies

    def body(self, name: str, strong: bool = False) -> int:
        """Index of the body called ``name`` (new if unknown)."""
        key = body_key(name)
        for i in range(len(self.bodies) - 1, -1, -1):
            b = self.bodies[i]
            if any(body_key(n) == key for n in b.names):
                if name not in b.names:
                    b.names.append(name)
                if strong and not self.in_annex:
                    b.strong.append(name)
                return i
        self.bodies.append(BodyRef([name], [name] if strong and not self.in_annex else []))
        return len(self.bodies) - 1

    def resolve(self, name: str) -> int | None:
        """A known body by name, alias or a suffix of its name (``专项办公室``)."""
        key = body_key(name)
        for i in range(len(self.bodies) - 1, -1, -1):
            if any(body_key(n) == key for n in self.bodies[i].names):
                return i
        for i in range(len(self.bodies) - 1, -1, -1):
            if any(simplify(n).endswith(simplify(name)) for n in self.bodies[i].names):
                return i
        return None

    def set_current(self, i: int) -> None:
        if i != self.current:
            self.ctx_depth = self.heading_depth  # a later heading this high ends its passage
        self.current, self.skip = i, False
        if not re.search(r"组$", simplify(self.bodies[i].names[0])) or "领导" in self.bodies[i].names[0]:
            self.top = i

    def name_in(self, text: str, strong: bool) -> None:
        """Bodies named in an establishing clause of ``text`` update the context."""
        s = simplify(text)
        for rx, is_strong in ((ESTABLISH, strong), (ABBR, True), (SET_OUT, True)):
            for m in rx.finditer(s) if cued(rx, s) else ():
                name = strip_verbs(text[m.start("name"):m.end("name")])
                if MANY_BODIES.match(simplify(name)) or generic_setup(s[:m.start("name")]):
                    self.current, self.skip = None, True  # what follows composes every county's body
                    continue
                if len(name) < 3 or GENERIC_BODY.match(simplify(name)) or name.endswith("办公室") and "专项" not in name:
                    if GENERIC_BODY.match(simplify(name)) and self.resolve(name) is not None:
                        self.set_current(self.resolve(name))  # type: ignore[arg-type]
                    continue
                i = self.body(name, strong=is_strong)
                if rx is ABBR:
                    self.bodies[i].names.append(text[m.start("abbr"):m.end("abbr")])
                self.set_current(i)

    def context(self, line: int) -> int | None:
        """The body in context; where the walk has none, the body ``find_bodies`` sets out there."""
        if self.current is not None or self.skip:
            return self.current
        covering = [m for m in self.mentions if m.start <= line <= m.end]
        if not covering:
            return None
        m = min(covering, key=lambda m: m.end - m.start)
        self.set_current(self.body(m.name, strong=True))
        return self.current

    def _named_subject(self, sent: Span, at: int) -> int | None:
        """The body named right before ``at`` (``督导组由…``), known or new; None if unnamed."""
        m = re.search(rf"(?:^|[，,:：])?(?P<name>{NAME_CHAR}{{0,40}}?{BODY_SUFFIX})$", sent.simp[:at])
        if not m:
            return None
        name = strip_verbs(sent.text[m.start("name"):at])
        name = name[simplify(name).rfind("的") + 1:]  # 市文明办牵头的督导组 → 督导组
        if MANY_BODIES.match(simplify(name)):
            return None
        i = self.resolve(name)
        if i is None and not GENERIC_BODY.match(simplify(name)):
            i = self.body(name)
        return i

    def _same_sort(self, body: int, before: str) -> bool:
        """``指挥部下设办公室,办公室主任由…``: the clause names the sort of body it speaks of."""
        kinds = re.findall(r"(指挥部|领导小组|委员会|联席会议|专班)", before)
        return not kinds or simplify(self.bodies[body].name).endswith(kinds[-1])

    def _subject_body(self, before: str, line: int) -> int | None:
        """The body a clause speaks of: a name right before it, else the context."""
        m = re.search(rf"(?P<name>{NAME_CHAR}{{2,40}}?{BODY_SUFFIX})$", before)
        if m:
            name = strip_verbs(m.group("name"))
            i = self.resolve(name)
            if i is not None:
                return i
        return self.context(line)

    def _office_holder(self, i: int, before: str) -> int:
        """Whose office a 办公室 sentence in body ``i``'s passage speaks of: a headquarters under another of
        its sort (前方指挥部 under the 指挥部) has one only where its own name stands before 办公室."""
        name = simplify(self.bodies[i].name)
        m = next((m for m in self.mentions if body_key(m.name) == body_key(name) and m.parent), None)
        if m is None or not m.parent or re.search(r"(指挥部|领导小组|委员会|专班)$", simplify(m.parent)) is None \
                or not name.endswith(simplify(m.parent)[-3:]) or re.search(re.escape(name[-5:]) + "办公室", before):
            return i
        parent = self.resolve(m.parent)
        return parent if parent is not None else self.body(m.parent, strong=True)

    def _body_for_role(self, role: str, before: str, line: int) -> int | None:
        if role.startswith("办公室") and self.top is not None:
            return self._office_holder(self.top, before)
        if role.startswith("办公室"):
            # 联席会议办公室设在…，办公室主任由…: the office's own body, also after its passage ended
            kinds = re.findall(r"(领导小组|领导组|指挥部|委员会|联席会议|专班)办公室", before)
            if kinds and self.resolve(kinds[-1]) is not None:
                return self.resolve(kinds[-1])
            # a body the walk could not name itself (县“8·12”…工作专班) but the body index set out
            named = [m for m in self.mentions if kinds and simplify(m.name).endswith(kinds[-1]) and m.line <= line]
            if named:
                return self.body(max(named, key=lambda m: m.line).name, strong=True)
        return self._subject_body(before, line)

    # -- emit

    def _seat(self, body: int, role: str, post: Span, sure: bool = False) -> None:
        post = post.strip()
        if not post.text or not is_post(post.text) or len(post.text) < 2:
            return
        if is_collective(_POST_WORDS.sub("", post.simp)) and not re.search(r"县[(（]市", post.simp):
            return  # 各成员单位分管负责同志 is no one's seat; 县（市、区）政府主要负责同志 is each county's
        self.seats.append(Seat(body, role, post.text, post.line, post.end_line, self.passage, sure))

    def _unit(self, body: int, agency: Span) -> None:
        self.units.append(Unit(body, agency.text, agency.line, agency.end_line, self.passage))

    # -- results

    def final_seats(self) -> list[Seat]:
        first: dict[tuple[str, str], int] = {}
        out, seen = [], set()
        for s in self.seats:
            key = (body_key(self.bodies[s.body].name), simplify(s.role))
            if key[1] in self.bodies[s.body].filled_by_person and not s.sure:
                continue
            if first.setdefault(key, s.passage) != s.passage and not s.sure:
                continue
            k = (key, s.holder)
            if k not in seen:
                seen.add(k)
                out.append(s)
        return out

    def final_units(self) -> list[Unit]:
        first: dict[str, int] = {}
        out, seen = [], set()
        for u in self.units:
            key = body_key(self.bodies[u.body].name)
            if first.setdefault(key, u.passage) != u.passage:
                continue
            k = (key, simplify(u.agency))
            if k not in seen:
                seen.add(k)
                out.append(u)
        return out
