"""Role and member-unit lists inside the passages that set out a body's composition.

Shared by ``govkg.extract.composition.seats`` and ``govkg.extract.composition.units``: one walk over a document yields
*seat candidates* (body, role, holder post) and *unit candidates* (body, agency), each tied
to the source line where its key entity is printed.

How the walk works:

* wrapped lines (also across the blank lines that PDF conversion leaves) are joined into
  paragraphs with a map from each character back to its source line; a line that starts
  a new post or agency after a complete one is joined with ``、`` so one-post-per-line
  lists read like ``、`` lists;
* table rows (tab-separated, cells possibly holding ``<p>`` HTML) are read cell by cell;
* the body a passage belongs to is followed through headings and establishing sentences
  (``成立X``, ``X(以下简称Y)``, ``X设置如下``, ``下设X``) and working-group table rows;
  ``govkg.extract.composition.naming`` then gives it the name ``govkg.extract.bodies.index.find_bodies`` uses;
* a composition restated later (an annex table repeating the main text) is dropped:
  per body, each role and the unit list are taken from the first passage that sets them out.

Matching runs on a simplified-character shadow of the text (same length), so traditional
script matches the same patterns while values keep their printed characters.
"""
from __future__ import annotations

import re
from typing import Sequence

from govkg.extract.bodies.index import BodyMention
from govkg.extract.composition.context import WalkContext, canon_role, generic_setup
from govkg.extract.composition.holder import (
    after_colon,
    cell_segments,
    cut_list,
    cut_sentence,
    lists_people,
    names_person,
    sentences,
    trim_holder,
)
from govkg.extract.composition.paragraphs import (
    HEADING,
    Para,
    cells_of,
    heading_depth,
    is_heading,
    label_of,
    paragraphs,
)
from govkg.extract.composition.spans import Span
from govkg.extract.composition.split import member_items, member_posts, split_agencies, split_posts, split_top
from govkg.extract.composition.vocab import (
    BODY_SUFFIX,
    FUTURE_SEAT,
    GENERIC_BODY,
    MANY_BODIES,
    MEMBER_LABEL,
    MEMBERS_ARE,
    NAME_CHAR,
    NAMES_AND,
    OFFICE_CONCURRENT,
    ROLE,
    SEAT_SENTENCES,
    UNIT_AS,
    UNIT_COMPOSED,
    UNIT_LABEL,
    UNIT_LED,
    UNIT_SENTENCE,
    VERBS,
    cued,
    is_agency,
    is_post,
    strip_verbs,
)
from govkg.extract.people.names import EX_OFFICIO
from govkg.text.document import Document
from govkg.text.script import simplify


# a group's units as a bare list after its name: the lead marked (A（牵头）、B), or 由A、B组成 / A、B参加
_LEAD_NOTE = re.compile(r"[(（](?:牵头|组长单位|牵头单位)[)）]$")
_GROUP_LIST = re.compile(r"(?:由)?(?P<list>[^。；;：:，,]+?)(?:等[^。；;，,]{0,12}?)?(?:组成|参加|参与)?[。.]?")


class Walk(WalkContext):
    """Everything seats and units need from one document: run once per document, given the
    bodies ``govkg.extract.bodies`` found in it (``mentions``), and read by both."""

    def __init__(self, doc: Document, mentions: Sequence[BodyMention] = ()) -> None:
        super().__init__(doc, mentions)
        self._run()

    # -- passages

    def _run(self) -> None:
        for para in paragraphs(self.doc):
            self.passage += 1
            if para.kind == "row":
                self.pending_label = None
            if para.kind == "row":
                self._row(para)
            elif para.kind == "heading" or (HEADING.match(para.span.text) and len(para.span.text) < 40
                                            and not label_of(para.span.text) and is_heading(para.span.text)):
                self._heading(para.span)
            else:
                self._text(para.span)

    def _heading(self, span: Span) -> None:
        text = span.text.lstrip("#")
        m = HEADING.match(text)
        rest = m.group("rest") if m else text
        if re.fullmatch(rf"(?:{UNIT_LABEL}|{ROLE})[:：]?", simplify(rest)):
            self.pending_label = rest.rstrip(":：")  # 二、成员单位 — the list is the next paragraph
            return
        depth = heading_depth(text)
        ended = (self.current is not None and depth is not None and self.ctx_depth is not None
                 and depth <= self.ctx_depth)
        self.heading_depth = depth
        if ended:  # a new section at the body's own level: its passage is over
            self.current = self.top = None
        if rest.startswith("附件") or simplify(rest).startswith("附件"):
            self.in_annex = True
            return
        rest = rest.rstrip("。.")
        s = simplify(rest)
        mm = re.match(rf"^(?P<name>{NAME_CHAR}{{0,40}}?{BODY_SUFFIX})(?:[(（][^)）]*[)）])?(?:$|机构|指挥机构|组成|及其|及|职责|成员)", s)
        if not mm:
            return
        name = strip_verbs(rest[:mm.end("name")])  # X关于调整Y委员会组成人员的通知 → Y委员会
        if MANY_BODIES.match(simplify(name)):
            self.current, self.skip = None, True
            return
        if GENERIC_BODY.match(simplify(name)):
            i = self.resolve(name)
            # unknown: kept under its generic name; only find_bodies can name it (see bodyref)
            self.set_current(i if i is not None else self.body(name))
            return
        self.set_current(self.body(name))

    def _text(self, span: Span) -> None:
        if re.fullmatch(r"附件\d*[:：]?", span.simp):
            self.in_annex = True  # what follows restates or details the main text
            return
        pending, self.pending_label = self.pending_label, None
        if pending and not label_of(span.text):
            simp = span.simp
            # 三、成员单位 over 领导小组成员单位：… or 联席会议由A、B组成 — the paragraph says it itself
            own_label = re.match(rf"^[^，,。；;:：]{{0,12}}?(?:{UNIT_LABEL}|{ROLE})(?:由|包括|为|[:：])", simp)
            if not own_label and not any(rx.search(simp) for rx in (UNIT_SENTENCE, UNIT_COMPOSED, UNIT_AS)):
                span = Span(pending + ":", [span.line] * (len(pending) + 1)) + span
        lab = label_of(span.text)
        if lab:
            self._label(span, lab)
            return
        # ``（一）综合协调组。组长由…``: a numbered paragraph opening with a body's name sets it up
        m = HEADING.match(span.text)
        if m and m.group("rest") and m.start("rest") > 0:
            head = re.match(rf"{NAME_CHAR}{{1,20}}?{BODY_SUFFIX}(?=[。．.：:，,])", simplify(m.group("rest")))
            if head and not VERBS.match(head.group()):  # 一、成立X，…: the sentence sets X up
                cut = m.start("rest") + head.end()
                self._heading(span.sub(0, cut))
                span = span.sub(cut + 1, len(span.text))
        elif head := self._group_head(span.simp):
            # ``综合协调组：由A牵头，B参加``: a working group the document set up, named before a colon
            self._heading(span.sub(0, head))
            span = span.sub(head + 1, len(span.text))
            if self._group_list(span):
                return
        # sentence by sentence, so a body set up earlier in the paragraph is the context later
        for sent in sentences(span):
            self._sentence(sent)

    def _group_head(self, simp: str) -> int | None:
        """Where the name ends of a working group found in the document (``find_bodies``) that opens
        ``simp`` before a colon, or None."""
        head = re.match(rf"[^\W\d_]{{2,20}}?组(?=[：:])", simp)
        if head is None:
            return None
        name = head.group()
        if any(m.kind == "working_group" and simplify(m.name) == name for m in self.mentions):
            return head.end()
        return None

    def _group_list(self, span: Span) -> bool:
        """``综合协调组：市应急局（牵头）、市林业局、市公安局。``: after a group's name, a bare list of agencies
        (the lead marked in brackets) is the group's units; True when ``span`` was one."""
        m = _GROUP_LIST.fullmatch(span.simp)
        if m is None or self.current is None or UNIT_LED.search(span.simp):
            return False
        spans = split_agencies(span.sub(m.start("list"), m.end("list")))
        spans = [a.sub(0, n.start()) if (n := _LEAD_NOTE.search(a.simp)) else a for a in spans]
        if not spans or not all(is_agency(a.simp) for a in spans):
            return False
        for a in spans:
            self._unit(self.current, a)
        return True

    def _sentence(self, sent: Span) -> None:
        s = sent.simp
        m2 = NAMES_AND.search(s) if cued(NAMES_AND, s) else None
        pair: list[int] = []
        if m2:
            for g in ("a", "b"):
                name = sent.text[m2.start(g):m2.end(g)]
                pair.append(self.body(name, strong=True))
            for i in pair:
                self.current = i
        else:
            self.name_in(sent.text, strong=False)
        # seats
        taken: list[tuple[int, int]] = []
        for rx in SEAT_SENTENCES:
            for m in rx.finditer(s) if cued(rx, s) else ():
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if generic_setup(s[:m.start()]):
                    continue  # 各县…成立由县长任组长的…: every county's body, not one body
                role = canon_role(sent.text[m.start("role"):m.end("role")])
                h = sent.sub(m.start("h"), m.end("h"))
                h = trim_holder(h, cut_back=False)
                if not h.text:
                    continue
                taken.append((m.start(), m.end()))
                if not is_post(h.text) or names_person(h.text):  # 副市长王某 / 李四副市长担任组长: a person
                    body = self._body_for_role(role, s[:m.start()], sent.line)
                    # 市政府分管副市长、秘书长李明任副召集人: a portfolio post listed beside the person
                    seats = [p for p in split_top(h, "、，,;；") if EX_OFFICIO.search(p.simp)
                             and is_post(p.text) and not names_person(p.text)]
                    if body is not None and seats:
                        for p in seats:
                            self._seat(body, role, p)
                    elif body is not None:
                        self.bodies[body].filled_by_person.add(simplify(role))
                    continue
                posts = split_posts(h)
                if "each" in m.groupdict() and m.group("each") and pair and len(posts) == len(pair):
                    for b, p in zip(pair, posts):
                        self._seat(b, role, p)
                    continue
                body = self._body_for_role(role, s[:m.start()], sent.line)
                if body is None or not self._same_sort(body, s[:m.start()]):
                    continue
                for p in posts:
                    self._seat(body, role, p)
        self._more_sentences(sent, s)
        # units
        for rx in (UNIT_SENTENCE, UNIT_COMPOSED, UNIT_AS):
            for m in rx.finditer(s) if cued(rx, s) else ():
                if rx is UNIT_COMPOSED:
                    lab = re.search(rf"{MEMBER_LABEL}$", s[:m.start()])
                else:
                    lab = re.match(rf"{MEMBER_LABEL}(?=由|包括|为|[:：])", s[m.start():m.end()])
                    lab = re.match(rf"{MEMBER_LABEL}", s[m.start():]) if lab else None
                at = (m.start() if rx is not UNIT_COMPOSED else 0)
                posts = member_posts(sent.sub(m.start("list"), m.end("list"))) if lab else None
                if lab and posts:  # 成员由A、B分管负责同志组成 — a post each, on the body in context
                    a, b = at + lab.start(), at + lab.end()
                    body = self._subject_body(s[:a], sent.line)
                    for p in posts if body is not None else ():
                        self._seat(body, sent.text[a:b], p)
                    break
                if rx is not UNIT_COMPOSED and lists_people(m.group("list")):
                    break  # 成员包括：财政部副部长张三、…: people, read as memberships
                if rx is UNIT_COMPOSED:  # 由A、B组成 says whose members only with a subject: X由A、B组成
                    body = self._named_subject(sent, m.start())
                else:
                    body = self._subject_body(s[:m.start()], sent.line)
                if body is None:
                    continue
                for a in split_agencies(sent.sub(m.start("list"), m.end("list"))):
                    self._unit(body, a)
                break

    def _more_sentences(self, sent: Span, s: str) -> None:
        """Composition sentences the patterns above do not read: a working group's lead and the
        agencies taking part (由A牵头，B、C参加 — all units of the group), a list of posts and agencies
        as members (…主要领导为领导小组成员 — posts are seats, agencies units) and a post that also holds
        the office (县台办主任兼办公室主任)."""
        for m in UNIT_LED.finditer(s) if cued(UNIT_LED, s) else ():
            body = self.context(sent.line)
            if body is None:
                continue
            for a in [*split_agencies(sent.sub(m.start("lead"), m.end("lead"))),
                      *split_agencies(sent.sub(m.start("list"), m.end("list")))]:
                self._unit(body, a)
        for m in MEMBERS_ARE.finditer(s) if cued(MEMBERS_ARE, s) else ():
            body = self._subject_body(s[:m.start("role")], sent.line)
            if body is None:
                continue
            role = sent.text[m.start("role"):m.end("role")]
            start = m.start("list")
            # the list starts after the clause before it that gives a leading role (…任副召集人，A、B为成员)
            for prior in re.finditer(rf"(?:担任|兼任|出任|任){ROLE}[，,]", s[start:m.start("tail")]):
                start = m.start("list") + prior.end()
            for item in member_items(sent.sub(start, m.end("list"))):
                if is_agency(item.simp):
                    self._unit(body, item)
                elif is_post(item.text):
                    self._seat(body, role, item)
        for m in FUTURE_SEAT.finditer(s) if cued(FUTURE_SEAT, s) else ():
            body = self._body_for_role(m.group("role"), s[:m.start()], sent.line)
            if body is not None:
                holder = sent.sub(m.start("x"), m.end("x")) + sent.sub(m.start("tail"), m.end("tail"))
                self._seat(body, canon_role(sent.text[m.start("role"):m.end("role")]), holder, sure=True)
        for m in OFFICE_CONCURRENT.finditer(s) if cued(OFFICE_CONCURRENT, s) else ():
            h = trim_holder(sent.sub(m.start("h"), m.end("h")), cut_back=False)
            body = self._body_for_role(m.group("role"), s[:m.start()], sent.line)
            if body is not None and h.text and is_post(h.text) and not names_person(h.text):
                self._seat(body, canon_role(sent.text[m.start("role"):m.end("role")]), h)

    def _label(self, span: Span, lab: re.Match[str], raw_value: str | None = None) -> None:
        """A ``role:`` or ``成员单位:`` label and its value; ``raw_value`` is the value as printed
        (whitespace kept), by default read from the source line."""
        label = span.text[lab.start("label"):lab.end("label")]
        # where the value starts in the span: after the first colon
        colon = min(i for i in (span.text.find(":"), span.text.find("：")) if i >= 0)
        value = span.sub(colon + 1, len(span.text))
        body = self.context(span.line)
        if lab.groupdict().get("body"):
            i = self.resolve(lab.group("body"))
            body = i if i is not None else body
        if body is None:
            return
        if raw_value is None:
            raw_value = self._raw_value(span)
        # the same role labelled on consecutive lines is one list, not a restatement
        key = (body, simplify(label))
        if self._last_label is not None and self._last_label[:2] == key and self._last_label[2] == self.passage - 1:
            self.passage -= 1
        self._last_label = (*key, self.passage, "")
        if re.fullmatch(UNIT_LABEL, simplify(label)):
            if names_person(raw_value):
                return
            member = bool(re.fullmatch(MEMBER_LABEL, simplify(label)))
            posts = member_posts(trim_holder(cut_sentence(value))) if member else None
            if posts:  # 委员:A局、B局主要负责人 — a post each
                for p in posts:
                    self._seat(body, label, p)
                return
            agencies = split_agencies(cut_list(value), posts_to_agencies=not member)
            if not agencies and member:
                # 成员:市财政局局长、市教育局局长 — posts, each a seat
                for p in split_posts(trim_holder(cut_sentence(value))):
                    self._seat(body, label, p)
                return
            for a in agencies:
                self._unit(body, a)
            return
        role = canon_role(label)
        if names_person(raw_value):
            self.bodies[body].filled_by_person.add(simplify(role))
            return
        for p in split_posts(trim_holder(cut_sentence(value))):
            self._seat(body, role, p)

    def _raw_value(self, span: Span) -> str:
        """The printed first line of a label's value, whitespace kept (to spot 姓名 + 职务)."""
        value = after_colon(self.doc.line(span.line))
        if value.strip() or span.end_line == span.line:
            return value
        for lineno in range(span.line + 1, span.end_line + 1):
            if self.doc.line(lineno).strip():
                return self.doc.line(lineno)  # the label alone on its line: the value follows
        return value

    def _row(self, para: Para) -> None:
        cells = [c for c in para.cells]
        first = cells[0].text if cells else ""
        sf = simplify(first)
        rest = [c for c in cells[1:] if c.text]
        raw_cells = para.raw_cells if para.raw_cells is not None else cells_of(self.doc.line(para.span.line)) or []
        last = self._last_label
        continued = (not sf and rest and last is not None and last[2] == self.passage - 1 and last[3])
        if (re.fullmatch(ROLE, sf) or continued) and rest:
            body = self.context(para.span.line) if not continued else last[0]  # type: ignore[index]
            if body is None:
                return
            role = canon_role(first) if not continued else last[3]  # type: ignore[index]
            if last is not None and last[:2] == (body, simplify(role)) and last[2] == self.passage - 1:
                self.passage -= 1  # the same role over several rows is one list
            self._last_label = (body, simplify(role), self.passage, role)
            for seg, printed in cell_segments(raw_cells[1:], para.span.line)[:1]:
                if label_of(seg.text) or re.match(r"^主要职责", seg.simp):
                    continue
                if names_person(printed):  # 组长 | 张三 市长: a membership
                    self.bodies[body].filled_by_person.add(simplify(role))
                    continue
                for p in split_posts(trim_holder(cut_sentence(seg))):
                    self._seat(body, role, p)
            return
        if re.fullmatch(rf"{NAME_CHAR}{{1,20}}?{BODY_SUFFIX}", sf) and rest:
            segs = cell_segments(raw_cells[1:], para.span.line)
            if not any(label_of(sg.text) for sg, _ in segs):
                return
            i = self.body(first, strong=True)
            self.bodies[i].strong.append(first)
            saved_top = self.top
            self.current = i
            for sg, printed in segs:
                self.passage += 1
                lab = label_of(sg.text)
                if lab:
                    self._label(sg, lab, after_colon(printed))
            self.top = saved_top
            return
        # a label inside the first cell (副组长:张三\t职务 …, 成员单位:\t市发改委、…)
        lab = label_of(first)
        if lab and self.context(para.span.line) is not None:
            span = cells[0]
            if span.text[-1] in ":：" and rest:
                span = span + rest[0]
            self._label(span, lab)
            return
        if re.fullmatch(UNIT_LABEL, sf) and rest and self.context(para.span.line) is not None:
            for seg, _ in cell_segments(raw_cells[1:], para.span.line)[:1]:
                for a in split_agencies(cut_sentence(seg)):
                    self._unit(self.current, a)
