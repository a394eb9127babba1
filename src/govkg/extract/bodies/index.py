"""Bodies (领导小组, 指挥部, 委员会 …) and the people named on them.

Public interface (imported by ``govkg.extract.composition.seats`` / ``govkg.extract.composition.units``):
``BodyMention`` and ``find_bodies(doc)``; ``body_segments(doc)`` gives every passage that
belongs to a body; ``extract(doc)`` gives body and membership facts.

How a body is found: a *declaration* names it — a set-up clause (``成立…领导小组``), a heading
(``(一)抗震救灾指挥部。``), an introduction (``…指挥部(以下简称市防指)…组成人员如下``), a list
title (``…领导小组组成人员名单``), a table row (``综合组⇥组长：…``) or an enumeration
(``下设综合组、扑救组…等9个工作组``). Declarations of one body are merged (``市X`` / ``晋城市X`` /
``X建设工作领导小组`` ~ ``X工作领导小组``). Each declaration opens a *segment* that runs to the next
one; role-labelled lists and composition sentences inside a segment belong to its body.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace

from govkg.extract.bodies.declare import PRIORITY, Decl, declarations
from govkg.extract.bodies.names import OWN_GROUPS, PARENT_SUFFIXES, body_kind, office_name, offices_at, same_body, suffix_of, topic
from govkg.extract.people.lists import parse_lists
from govkg.extract.people.names import ROLE_LABEL
from govkg.extract.people.sentences import composition_sentences
from govkg.extract.prose import Stream, clean_line, prose_stream
from govkg.lexicon import entry
from govkg.text.clean import squeeze
from govkg.text.document import Document
from govkg.text.script import Printed, shadow_of, simplify


@dataclass(frozen=True)
class BodyMention:
    """A body whose existence or composition a document sets out."""

    name: str              # the body's full name as printed (whitespace removed)
    kind: str              # leading_group | headquarters | committee | joint_meeting | task_force | working_group | other
    line: int              # source line where it is named (gold's src.line for the body fact)
    start: int             # first source line of its composition passage (roles / members / units)
    end: int               # last source line of that passage
    parent: str | None     # parent body (e.g. a 工作组 under a 指挥部)
    office_agency: str | None
    aliases: tuple[str, ...] = ()   # other names the same document uses (简称, 市领导小组 …)
    end_line: int | None = None     # where the name ends when it wraps over lines


_NEAR = 12  # lines: a set-up paragraph and the list title that follows it


@dataclass
class _Body:
    decls: list[Decl] = field(default_factory=list)
    parent: str | None = None
    office: str | None = None

    @property
    def main(self) -> Decl:
        """The declaration that names the body: the surest sort of declaration (an introduction, a
        set-up clause …), but in its fullest form printed where the composition is set out — a name
        the main one ends, declared in the next few lines (a news headline's ``未成年人保护工作领导小组``
        yields to the notice's ``山东省未成年人保护工作领导小组``; an annex's restatement much later does not
        rename the body)."""
        best = min(self.decls, key=lambda d: (PRIORITY.get(d.how, 9), d.line))
        fuller = [d for d in self.decls if d.name != best.name and d.name.endswith(best.name)
                  and d.how in ("intro", "setup", "heading", "title") and d.line <= best.line + _NEAR]
        if fuller:
            top = max(len(d.name) for d in fuller)
            return min((d for d in fuller if len(d.name) == top), key=lambda d: d.line)
        return best

    @property
    def name(self) -> str:
        return self.main.name

    @property
    def first(self) -> int:
        return min(d.line for d in self.decls)


def _in_order(short: str, long_: str) -> bool:
    """Every character of ``short`` in ``long_``, in order (县人口普查领导小组 in 县第七次全国人口普查领导小组)."""
    it = iter(long_)
    return all(ch in it for ch in short)


def _title_names_the_body(doc: Document, bodies: list[_Body]) -> list[_Body]:
    """A notice's title often names the body it sets up shorter than the text does (关于成立县人口普查领导小组的
    通知 / 成立县第七次全国人口普查领导小组): a body named only on the title's lines is the one body of its
    sort the text sets up whose name holds the title's, in order; the title's name becomes an alias."""
    title = squeeze(doc.title or "")
    if not title:
        return bodies

    def on_title(d: Decl) -> bool:
        line = squeeze(doc.line(d.line))
        return bool(line) and d.name in title and (line in title or title in line)

    for b in [b for b in bodies if all(on_title(d) for d in b.decls)]:
        sort = suffix_of(b.name)
        hosts = [h for h in bodies if h is not b and not all(on_title(d) for d in h.decls)
                 and suffix_of(h.name) == sort and _in_order(b.name, h.name)]
        if sort and len(hosts) == 1:
            hosts[0].decls += [replace(d, how="title") for d in b.decls]
            bodies.remove(b)
    return bodies


def _merge(decls: list[Decl]) -> list[_Body]:
    bodies: list[_Body] = []
    for d in decls:
        if d.how == "children":
            continue
        for b in bodies:
            if any(same_body(d.name, x.name, loose="title" in (d.how, x.how)) for x in b.decls):
                b.decls.append(d)
                break
        else:
            bodies.append(_Body([d]))
    # an annex list titled with a short name (创卫 for 创建国家卫生城市) lists the one body of its sort
    # that the notice sets up
    for b in [b for b in bodies if all(d.how == "title" for d in b.decls)]:
        sort = suffix_of(b.name)
        hosts = [h for h in bodies if h is not b and h.first < b.first and suffix_of(h.name) == sort
                 and any(d.how in ("setup", "intro") for d in h.decls)]
        if sort and len(hosts) == 1:
            hosts[0].decls += b.decls
            bodies.remove(b)
    return bodies


def _is_chronicle(doc: Document) -> bool:
    """Chronicles and news items only mention bodies and their leaders; they set nothing out."""
    return not doc.number and bool(re.search(r"大事记|动态|要闻|简讯|新闻", doc.title or ""))


def _office(st: Stream, lo: int, hi: int, after: int = -1, body: str = "", under: bool = False) -> str | None:
    """The agency of the first ``办公室设在X`` on lines ``lo``..``hi`` (and past stream index ``after``)
    that is not another sort of body's office (``市指挥部办公室设在…`` is no joint meeting's). A body
    ``under`` another of its sort (前方指挥部 under the 指挥部) has an office only where its own name is
    printed before 办公室: a bare 指挥部办公室 is the parent's."""
    start, stop = st.span(lo, hi)
    own = suffix_of(body)
    for m in offices_at(st.text[start:stop]):
        before = st.text[max(0, start + m.start() - 12):start + m.start()]
        named = suffix_of(before)
        if named and own and not (own.endswith(named) or named.endswith(own)):
            continue  # (专班办公室 is a 工作专班's)
        if under and not before.endswith(body[-max(5, len(own or "") + 2):]):
            continue
        if start + m.start() > after and lo <= st.line_at(start + m.start("a")) <= hi:
            return office_name(m.group("a"))
    return None


def _has_composition(doc: Document, st: Stream, lo: int, hi: int) -> bool:
    """True when lines ``lo``..``hi`` hold a role label, a member-unit list or a composition sentence."""
    for no in range(lo, hi + 1):
        cells = clean_line(doc.line(no)).split("\t")
        if any(ROLE_LABEL.match(c.strip()) for c in cells) or "成员单位" in doc.line(no):
            return True
    start, stop = st.span(lo, hi)
    return bool(composition_sentences(st, lo, hi)) or bool(entry("roles.lead_and_members").find(st.text[start:stop]))


@dataclass
class _Analysis:
    bodies: list[_Body]
    segments: list[tuple[_Body, int, int]]
    stream: Stream


def _segments(bodies: list[_Body], end: int) -> list[tuple[_Body, int, int]]:
    """Each declaration (but an enumeration) opens a segment of its body that runs up to the next."""
    starts = sorted({(d.line, id(b)): (d.line, b) for b in bodies for d in b.decls if d.how != "enum"}.values(),
                    key=lambda x: x[0])
    segments: list[tuple[_Body, int, int]] = []
    for i, (line, b) in enumerate(starts):
        nxt = next((l for l, bb in starts[i + 1:] if l > line), end + 1)
        segments.append((b, line, nxt - 1))
    return segments


def _shows_itself(b: _Body, doc: Document, st: Stream, segments: list[tuple[_Body, int, int]],
                  announced: bool = False) -> bool:
    """A body only headed or titled, or a 委员会/小组 or ad hoc 现场指挥部 only "set up", must show its
    composition near a declaration — unless it is one of the groups a parent announced it sets up
    (``指挥部决定设立9个工作组`` over numbered group headings)."""
    hows = {d.how for d in b.decls}
    if announced and "heading" in hows:
        return True
    weak_setup = (b.name.endswith(("委员会", "小组", "工作组")) and not b.name.endswith("领导小组")) \
        or not re.sub(r"现场|应急|前线|临时|处置", "", topic(b.name))
    if "intro" in hows or "enum" in hows or ("setup" in hows and not weak_setup):
        return True
    return any(_has_composition(doc, st, lo, min(hi, lo + 30)) for bb, lo, hi in segments if bb is b)


def _assign_parents(bodies: list[_Body], decls: list[Decl]) -> None:
    """Parents from enumerations (``指挥部下设…组``), ``下设…N个专项指挥部`` hints, ``X办公室下设Y``, and
    for a headed group the headquarters / leading group set out above it."""
    children_hints = [d for d in decls if d.how == "children"]
    for b in bodies:
        for d in b.decls:
            if d.how == "enum" and d.parent_hint is not None and b.parent is None:
                prior = [x for x in bodies if x is not b and x.first <= d.line and x.name.endswith(PARENT_SUFFIXES)
                         and not any(e.how == "enum" and e.line == d.line for e in x.decls)]  # not a sibling
                hint = d.parent_hint
                named = [x for x in prior if hint and (x.name.endswith(hint) or hint.endswith(x.name[-4:]))]
                suffix = next((sf for sf in PARENT_SUFFIXES if hint and hint.endswith(sf)), None)
                same_kind = [x for x in prior if suffix and x.name.endswith(suffix)]
                pick = named or same_kind or ([] if suffix else prior)
                if pick:
                    b.parent = max(pick, key=lambda x: x.first).name
        if b.parent is None:
            for h in children_hints:
                _, kind = (h.parent_hint or "|").split("|")
                if h.line < b.first and b.name.endswith(kind[-3:]):
                    prior = [x for x in bodies if x is not b and x.first <= h.line]
                    if prior:
                        b.parent = max(prior, key=lambda x: x.first).name
        if b.parent is None:
            b.parent = next((d.parent_hint for d in b.decls if d.how == "setup" and d.parent_hint), None)
        if b.parent is None and b.name.endswith("组") and not b.name.endswith(OWN_GROUPS):
            prior = [x for x in bodies if x.first < b.first and x.name.endswith(PARENT_SUFFIXES)]
            if prior and not any(d.how == "enum" for d in b.decls):
                b.parent = max(prior, key=lambda x: x.first).name


def _assign_offices(bodies: list[_Body], st: Stream, segments: list[tuple[_Body, int, int]]) -> None:
    """``办公室设在X`` after a body's set-up and before the next body that is not one of its groups:
    within 45 lines of its first declaration, or a little past the end of its own passages (a long
    list ends before its office is named)."""
    for b in bodies:
        if b.parent and b.name.endswith("组"):
            continue  # a working group's office is its parent's
        own_end = max([hi for bb, _, hi in segments if bb is b], default=min(d.line for d in b.decls))
        # from each of its declarations in turn: a title that names two bodies declares the second
        # before the first one's passage, where its office is no business of the second's
        for first in sorted(b.decls, key=lambda d: d.line):
            later = [d.line for x in bodies if x is not b and x.parent != b.name for d in x.decls
                     if d.line > first.line and not x.name.endswith("组")]
            hi = min([max(first.line + 45, own_end + 8), *(line - 1 for line in later)])
            under = bool(b.parent) and suffix_of(b.parent or "") == suffix_of(b.name)
            b.office = _office(st, first.line, hi, after=first.pos, body=b.name, under=under)
            if b.office:
                break


def _analyse(doc: Document) -> _Analysis:
    st = prose_stream(doc)
    if _is_chronicle(doc):
        return _Analysis([], [], st)
    decls = declarations(doc, st)
    bodies = _title_names_the_body(doc, _merge(decls))
    segments = _segments(bodies, doc.end)
    announcements = [d.line for d in decls if d.how == "children" and (d.parent_hint or "").split("|")[0]
                     and (d.parent_hint or "").endswith("|组")]
    bodies = [b for b in bodies if _shows_itself(b, doc, st, segments, announced=b.name.endswith("组") and any(
        line < b.first for line in announcements))]
    segments = [sg for sg in segments if sg[0] in bodies]
    _assign_parents(bodies, decls)
    _assign_offices(bodies, st, segments)
    return _Analysis(bodies, segments, st)


_ROLE_SENTENCE = re.compile(rf"(?:担任|兼任|出任|任)(?:{entry('roles.leaders').alternation})|(?:{entry('roles.leaders').alternation})由")


def _composition_line(doc: Document, no: int) -> bool:
    """True for a line holding a role label (in any cell), a member-unit list, an office sentence
    or a sentence that gives a leading role (组长由县委书记担任, 由副县长任副组长)."""
    return _composition_text(doc.line(no))


@lru_cache(maxsize=65536)  # pure; every segment of every body asks about its lines
def _composition_text(raw: str) -> bool:
    cells = [c.strip() for c in clean_line(raw).split("\t")]
    return any(ROLE_LABEL.match(c) for c in cells) or "成员单位" in raw or next(offices_at(simplify(raw)), None) is not None \
        or bool(_ROLE_SENTENCE.search(raw))


def _passage(doc: Document, lo: int, hi: int) -> tuple[int, int, int] | None:
    """Lines ``lo``..``hi`` cut to the composition passage: up to its last labelled line and that
    line's wrapped continuation, with the number of labelled lines (``None`` when there are none)."""
    labelled = [n for n in range(lo, hi + 1) if _composition_line(doc, n)]
    if not labelled:
        return None
    marked = sorted({*labelled, *(m.line for m in parse_lists(doc, lo, hi))})
    end = marked[-1]
    for _ in range(6):  # follow a wrapped label line (成员单位:…、) over blank lines
        if end not in labelled and not re.search(r"[、，,]\s*$", doc.line(end)) \
                or re.search(r"[。；;:：]\s*$", doc.line(end)):
            break
        nxt = next((n for n in range(end + 1, hi + 1) if doc.line(n).strip()), None)
        if nxt is None or doc.line(nxt).lstrip().startswith("#"):
            break
        end = nxt
    return lo, end, len(labelled)


def _mention(b: _Body, segments: list[tuple[_Body, int, int]], doc: Document) -> BodyMention:
    main = b.main
    own = [(lo, hi) for bb, lo, hi in segments if bb is b]
    passages = [p for p in (_passage(doc, lo, hi) for lo, hi in own) if p]
    if passages:  # the first passage that is a list (two labelled lines), not a passing 成员单位
        lo, hi, _ = next((p for p in passages if p[2] >= 2), max(passages, key=lambda p: (p[2], -p[0])))
    else:
        lo, hi = (own or [(main.line, main.line)])[0]
    aliases = tuple(dict.fromkeys([d.name for d in b.decls if d.name != main.name]
                                  + [d.alias for d in b.decls if d.alias]
                                  + [d.former for d in b.decls if d.former and d.former != main.name]))
    enumerated = any(d.how == "enum" for d in b.decls)
    return BodyMention(name=main.name, kind=body_kind(main.name, b.parent or ("enumerated" if enumerated else None), enumerated),
                       line=main.line, start=lo, end=hi,
                       parent=b.parent, office_agency=b.office, aliases=aliases, end_line=main.end_line)


def _printed_mention(m: BodyMention, printed: Printed) -> BodyMention:
    return replace(m, name=printed(m.name, m.line) or m.name, parent=printed(m.parent),
                   office_agency=printed(m.office_agency), aliases=tuple(printed(a) or a for a in m.aliases))


@dataclass(frozen=True, eq=False)
class BodyIndex:
    """The bodies one document sets out and the passages that belong to each: computed once per
    document (:func:`index_bodies`) and handed to every reader that needs them (body and
    membership facts here, the seat and unit walk in ``govkg.extract.composition``)."""

    doc: Document
    shadow: Document          # the document in simplified characters, what the readers match
    printed: Printed         # from the shadow back to the printed characters
    analysis: _Analysis
    by_body: dict[int, BodyMention]  # id(_Body) -> its mention

    @property
    def mentions(self) -> list[BodyMention]:
        """Bodies set out in the document, in order of their first declaration."""
        return [self.by_body[id(b)] for b in sorted(self.analysis.bodies, key=lambda b: b.first)]

    @property
    def segments(self) -> list[tuple[BodyMention, int, int]]:
        """Every passage (first line, last line) that belongs to a body, in document order."""
        return [(self.by_body[id(b)], lo, hi) for b, lo, hi in self.analysis.segments]

    @classmethod
    def empty(cls, doc: Document) -> "BodyIndex":
        """No bodies: what later readers get when finding the bodies failed (the failure is reported)."""
        work, printed = shadow_of(doc)
        return cls(doc, work, printed, _Analysis([], [], prose_stream(work)), {})


def index_bodies(doc: Document) -> BodyIndex:
    """The bodies ``doc`` sets out, read once on its simplified shadow."""
    work, printed = shadow_of(doc)
    an = _analyse(work)
    by_body = {id(b): _printed_mention(_mention(b, an.segments, work), printed) for b in an.bodies}
    return BodyIndex(doc, work, printed, an, by_body)


def find_bodies(doc: Document) -> list[BodyMention]:
    """Bodies set out in ``doc``, in order of their first declaration."""
    return index_bodies(doc).mentions


__all__ = ["BodyMention", "BodyIndex", "index_bodies", "find_bodies"]
