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
from collections import Counter
from dataclasses import dataclass, field, replace

from govkg.extract.prose import Stream, clean_line, heading_text, prose_stream
from govkg.extract.people.lists import Member, composition_sentences, parse_lists
from govkg.text.document import Document
from govkg.extract.people.names import ROLE_LABEL, squeeze
from govkg.text.script import simplify
from govkg.facts import BodyFact, Fact, MembershipFact, Src


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


# ---------------------------------------------------------------------------------------------
# names of bodies

_SUFFIXES = ("领导小组", "领导组", "工作专班", "专班", "总指挥部", "指挥部", "委员会", "联席会议", "专项办公室",
             "推进组", "评审组", "督导组", "督查组", "指导组", "检查组", "考核组", "巡查组", "工作小组", "小组", "工作组",
             "領導小組", "領導組", "工作專班", "專班", "總指揮部", "指揮部", "委員會", "聯席會議", "工作小組", "小組")
_SUFFIX_RE = "|".join(_SUFFIXES)
_NAME_CHARS = r"[\u4e00-\u9fff（）()“”\"]"
_NAME_RE = re.compile(rf"{_NAME_CHARS}{{0,40}}?(?:{_SUFFIX_RE})")
_ANY_SUFFIX = re.compile(_SUFFIX_RE)  # without one, _NAME_RE cannot match: its lazy scan is skipped
_GROUP_RE = re.compile(r"[\u4e00-\u9fff]{1,12}组$")
_SETUP = re.compile(r"(?:决定|決定)?(?:成立|设立|設立|组建|組建|增设|增設|下设|下設|建立|组成|組成|调整|調整)(?:充实|了)?")
_GENERIC = re.compile(r"相应|各县|各乡|各级|各地|各单位|各部门|县级|乡镇|乡\(镇|县\(市|县（市|村民|社区|参照|各大中型|各企业|"
                      r"视情成立现场|根据需要成立")
_NOT_BODY_PREFIX = re.compile(r"^(?:县|乡|镇|村|区级|县级|乡级|社区|居民|村民|各)")
_AGENCY_COMMITTEES = re.compile(r"(?:发展和改革|卫生健康|卫生和计划生育|民族宗教|教育|经济和信息化|住房和城乡建设|"
                                r"管理|纪律检查|人民代表大会常务|居民|村民|编制|工作|保密|国有资产监督管理|"
                                r"监察|政法|党)委员会$")
_INTRO = re.compile(r"(?:组成人员如下|设置如下|组成如下|成员如下|人员组成如下|组成人员名单如下|组成人员为|组成人员进行调整|"
                    r"调整如下|組成人員如下|組成如下|成員如下)")
_LIST_TITLE = re.compile(r"(?:组成人员名单|组成人员|成员名单|人员名单|名单|成员单位及职责|成员单位职责|成员单位|"
                         r"指挥机构及职责|机构及职责|主要职责|职责|组成)$")
_SHORT_NAME = re.compile(r"[(（]以下简称[“\"]?(?P<alias>[^)）”\"]{2,15})[”\"]?[)）]")
_NUMBERING = re.compile(r"^(?:附件\s*\d*\s*[:：]?\s*)?(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|"
                        r"\d+(?:\.\d+)*[、.．]?|第[一二三四五六七八九十]+[章节条部分])?\s*")

KIND_BY_SUFFIX = (("领导小组", "leading_group"), ("领导组", "leading_group"), ("指挥部", "headquarters"),
                  ("委员会", "committee"), ("联席会议", "joint_meeting"), ("专班", "task_force"),
                  ("領導小組", "leading_group"), ("領導組", "leading_group"), ("指揮部", "headquarters"),
                  ("委員會", "committee"), ("聯席會議", "joint_meeting"), ("專班", "task_force"))


def body_kind(name: str, parent: str | None = None) -> str:
    """The gold ``kind`` for a body name."""
    for suffix, kind in KIND_BY_SUFFIX:
        if name.endswith(suffix):
            return kind
    if name.endswith("组") and parent and not name.endswith(_OWN_GROUPS):
        return "working_group"
    return "other"


def _trim_name(run: str) -> str:
    """Cut a CJK run that ends in a body suffix down to the body's name."""
    s = run
    for m in list(_SETUP.finditer(s))[-1:]:
        s = s[m.end():]
    if "的" in s:  # 成立由市政府分管副市长任组长的X领导组
        s = s[s.rindex("的") + 1:]
    s = re.sub(r"^(?:决定|同意|负责|市政府|市人民政府|进一步|加强|的)+(?=.{4})", "", s)
    return s.strip("“”\"")


_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{2}[市省县]|市级|市|省)")  # 晋城市, 太原市, 市级, 市


def _topic(name: str) -> str:
    """What a body name says beyond its place prefix and generic words (``市指挥部`` -> ``''``)."""
    core = _PLACE.sub("", name)
    for suffix in _SUFFIXES:
        if core.endswith(suffix):
            core = core[:-len(suffix)]
            break
    return re.sub(r"^(?:工作|专项|应急)+|(?:工作|专项|应急)+$", "", core)


def _good_group(name: str) -> bool:
    """A working group's name: ``综合组``, ``工程调度和技术组`` (not ``工作组`` or a county's group)."""
    return bool(_GROUP_RE.fullmatch(name)) and 3 <= len(name) <= 12 and not _GENERIC.search(name) \
        and not _NOT_BODY_PREFIX.match(name) and name not in ("工作组", "小组", "专家组成")


def _good_name(name: str) -> bool:
    if len(name) < 4 or name in _SUFFIXES or _NOT_BODY_PREFIX.match(name) or len(_topic(name)) < 2:
        return False
    if "以下简称" in name or "以下簡稱" in name:  # （以下简称县指挥部）…组成人员如下: a short name, not a body
        return False
    if name.endswith("委员会") and _AGENCY_COMMITTEES.search(name):
        return False
    return not re.search(r"[，,。；;:：、]", name)


# ---------------------------------------------------------------------------------------------
# declarations

_PRIORITY = {"intro": 0, "setup": 1, "heading": 2, "row": 3, "title": 4, "enum": 5}


@dataclass
class _Decl:
    name: str
    line: int
    how: str
    end_line: int | None = None
    alias: str | None = None
    parent_hint: str | None = None  # text naming the parent (``指挥部``, ``总指挥部``)
    pos: int = -1                   # where the name stands in the prose stream (-1: start of its line)



def _layout_decls(doc: Document) -> list[_Decl]:
    """Bodies named by headings, list titles and table rows."""
    decls: list[_Decl] = []
    for no, raw in doc.numbered():
        text = heading_text(raw)
        if text:
            core = squeeze(_NUMBERING.sub("", squeeze(text), count=1)).rstrip("。.:：")
            core = _trim_name(core) if core.endswith(_SUFFIXES) else re.sub(r"^(?:成立|设立|组建)", "", core)
            how = "heading"
            title = _LIST_TITLE.search(core)
            if title and not core.endswith(_SUFFIXES):
                core, how = core[:title.start()], "title"
            core = core.removeprefix("附件").lstrip("0123456789:：")
            if core.endswith(_SUFFIXES) and _good_name(core) and not _GENERIC.search(core):
                decls.append(_Decl(core, no, how))
            elif how == "heading" and _good_group(core):
                decls.append(_Decl(core, no, how))
            continue
        # a table row naming a group in its first cell and setting out its leader or units in the next
        cells = [c.strip() for c in clean_line(raw).split("\t")]
        if len(cells) >= 2 and cells[0]:
            first = squeeze(cells[0])
            rest = "\n".join(cells[1:])
            if (_good_group(first) or first.endswith(_SUFFIXES) and _good_name(first)) \
                    and re.search(r"(?:^|\n|\s)(?:组\s*长|指挥长|成员单位|召集人)\s*[:：]", rest):
                decls.append(_Decl(first, no, "row"))
    return decls


_SETUP_BEFORE = re.compile(r"(?:成立|设立|設立|组建|組建|增设|增設|下设|下設|建立|调整|調整|充实)(?:了)?(?:[由以][^。]*?的)?$")
_MODIFIED = re.compile(r"(?:代表|机制|制度|会议|模式|职责|章程)")


def _prose_decls(st: Stream) -> list[_Decl]:
    """Bodies named by set-up clauses (``成立X``) and introductions (``X…组成人员如下``)."""
    decls: list[_Decl] = []
    text = st.text
    generic: set[str] = set()  # names first met as bodies every county sets up
    for clause in re.finditer(r"[^\n。；;!！?？]+", text):
        c, base = clause.group(0), clause.start()
        for m in _NAME_RE.finditer(c) if _ANY_SUFFIX.search(c) else ():
            name = _trim_name(m.group(0))
            if not _good_name(name):
                continue
            start = base + m.end() - len(name)
            before, after = c[:m.end() - len(name)], c[m.end():]
            setup = _SETUP_BEFORE.search(before)
            ahead = text[base + m.end():base + m.end() + 80].split("\n")[0]
            intro = _INTRO.search(ahead[:60]) or re.match(r"由[^,，。]{0,60}组成", after)
            modifier = _MODIFIED.match(after)
            if modifier and modifier.group(0) == "制度" and name.endswith(("联席会议", "聯席會議")):
                modifier = None  # 建立…联席会议制度 sets up the joint meeting
            if not (setup or intro) or modifier:
                continue  # a mention, or the name only modifies what follows (建立家长委员会代表参与…机制)
            if _GENERIC.search(re.split(r"[,，]", before)[-1]) or _GENERIC.search(name) \
                    or re.search(r"[,，]要[^,，]*$", before) or name in generic:
                generic.add(name)
                continue
            first, last = st.line_at(start), st.line_at(base + m.end() - 1)
            hint = None
            sub = re.search(r"([\u4e00-\u9fff]{2,30}?)(?:办公室)?(?:下设|增设)$", before)
            if setup and sub and sub.group(1).endswith(_PARENT_SUFFIXES):
                hint = _full_name(text[max(0, start - 300):start], sub.group(1))
            alias = _SHORT_NAME.match(after)
            decls.append(_Decl(name, first, "intro" if intro and not setup else "setup",
                               end_line=last if last != first else None,
                               alias=alias.group("alias") if alias else None, pos=start, parent_hint=hint))
        decls += _enumerated(st, c, base)
    return decls


def _enumerated(st: Stream, c: str, base: int) -> list[_Decl]:
    """Groups a clause sets up in one go: ``下设综合组、扑救组…等9个工作组``, ``下设5个工作组：A、B和C``,
    ``增设防汛会商小组和抗旱会商小组``; ``下设…等17个专项指挥部`` leaves a hint for later headings."""
    decls: list[_Decl] = []
    if "下设" not in c and "增设" not in c:
        return decls  # both patterns need one of them
    for m in re.finditer(r"(?P<subj>[\u4e00-\u9fff]{0,20}?)(?:下设|增设)[\d一二三四五六七八九十两]+个[\u4e00-\u9fff]{0,4}组[:：]"
                         r"(?P<items>[\u4e00-\u9fff、和及]+)", c):
        for g in (i for i in re.split(r"[、和及]", m.group("items")) if i.endswith("组") and 3 <= len(i) <= 12):
            pos = base + m.start("items") + m.group("items").index(g)
            decls.append(_Decl(g, st.line_at(pos), "enum", parent_hint=m.group("subj") or "办公室"))
    for m in re.finditer(r"(?P<subj>[\u4e00-\u9fff]{0,20}?)(?:下设|增设)(?P<items>[\u4e00-\u9fff、和及]+?)"
                         r"(?:等?[\d一二三四五六七八九十两]+个(?:专项)?(?:应急)?(?P<kind>工作组|小组|组|指挥部|专项应急指挥部)|$|[,，])", c):
        items = [i for i in re.split(r"[、和及]", m.group("items")) if i]
        subj = m.group("subj")
        groups = [i for i in items if i.endswith("组") and 3 <= len(i) <= 12 and not _GENERIC.search(i)]
        if len(groups) == len(items) and groups:
            for g in groups:
                pos = base + m.start("items") + m.group("items").index(g)
                decls.append(_Decl(g, st.line_at(pos), "enum", parent_hint=subj or "办公室"))
        elif m.group("kind"):
            decls.append(_Decl("", st.line_at(base + m.start()), "children",
                               parent_hint=(subj or "") + "|" + m.group("kind")))
    return decls


def _declarations(doc: Document, st: Stream) -> list[_Decl]:
    """Every place ``doc`` names a body it sets out, in line order."""
    decls = _layout_decls(doc) + _prose_decls(st)
    if doc.title and not any(d.how in ("setup", "intro") for d in decls):
        # 关于成立（调整）X领导小组的通知 names the body only in its title
        m = re.search(r"(?:成立|调整|調整|设立|組建|组建)(?:充实)?(?P<name>.+?(?:" + _SUFFIX_RE + "))", squeeze(doc.title))
        if m and _good_name(_trim_name(m.group("name"))):
            decls.append(_Decl(_trim_name(m.group("name")), doc.start, "setup"))
    return sorted(decls, key=lambda d: (d.line, _PRIORITY.get(d.how, 9)))


def _full_name(context: str, short: str) -> str:
    """The fullest body name in ``context`` that ends like ``short`` (``领导小组`` -> ``市X领导小组``)."""
    suffix = next(sf for sf in _PARENT_SUFFIXES if short.endswith(sf))
    names = [re.split(r"工作由|由|在|对", _trim_name(m.group(0)))[-1] for m in _NAME_RE.finditer(context)]
    names = [n for n in names if n.endswith(suffix) and _good_name(n)]
    return max(names, key=len) if names else short


def _same_body(a: str, b: str, loose: bool = False) -> bool:
    """``市X`` ~ ``晋城市X``; with ``loose`` also ``X建设工作领导小组`` ~ ``X工作领导小组``."""
    if a == b or _PLACE.sub("", a) == _PLACE.sub("", b):
        return True
    if (a.endswith(b) or b.endswith(a)) and min(len(a), len(b)) >= 5:
        return True
    if not loose:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) < 4 or len(short) / len(long_) < 0.7:
        return False
    suffix = next((s for s in _SUFFIXES if long_.endswith(s)), None)
    if suffix is None or not short.endswith(suffix):
        if not (short.endswith("组") and long_.endswith("组")):
            return False
    it = iter(long_)
    return all(ch in it for ch in short)


@dataclass
class _Body:
    decls: list[_Decl] = field(default_factory=list)
    parent: str | None = None
    office: str | None = None

    @property
    def main(self) -> _Decl:
        return min(self.decls, key=lambda d: (_PRIORITY.get(d.how, 9), d.line))

    @property
    def name(self) -> str:
        return self.main.name

    @property
    def first(self) -> int:
        return min(d.line for d in self.decls)


def _merge(decls: list[_Decl]) -> list[_Body]:
    bodies: list[_Body] = []
    for d in decls:
        if d.how == "children":
            continue
        for b in bodies:
            if any(_same_body(d.name, x.name, loose="title" in (d.how, x.how)) for x in b.decls):
                b.decls.append(d)
                break
        else:
            bodies.append(_Body([d]))
    # an annex list titled with a short name (创卫 for 创建国家卫生城市) lists the one body of its sort
    # that the notice sets up
    for b in [b for b in bodies if all(d.how == "title" for d in b.decls)]:
        sort = _suffix(b.name)
        hosts = [h for h in bodies if h is not b and h.first < b.first and _suffix(h.name) == sort
                 and any(d.how in ("setup", "intro") for d in h.decls)]
        if sort and len(hosts) == 1:
            hosts[0].decls += b.decls
            bodies.remove(b)
    return bodies


def _suffix(name: str) -> str | None:
    return next((sf for sf in _SUFFIXES if name.endswith(sf)), None)


# ---------------------------------------------------------------------------------------------
# putting it together

def _is_chronicle(doc: Document) -> bool:
    """Chronicles and news items only mention bodies and their leaders; they set nothing out."""
    return not doc.number and bool(re.search(r"大事记|动态|要闻|简讯|新闻", doc.title or ""))


def _office(st: Stream, lo: int, hi: int, after: int = -1) -> str | None:
    """The agency of the first ``办公室设在X`` on lines ``lo``..``hi`` (and past stream index ``after``)."""
    start, stop = st.span(lo, hi)
    for m in re.finditer(r"办(?:公室|事机构)[^。；;\n]{0,40}?设在(?P<a>[^,，。;；、)）\n]+)", st.text[start:stop]):
        if start + m.start() > after and lo <= st.line_at(start + m.start("a")) <= hi:
            return m.group("a")
    return None


_OWN_GROUPS = ("领导组", "领导小组", "推进组", "评审组", "督导组", "督查组", "指导组", "检查组", "考核组", "巡查组",
               "領導組", "領導小組")
_PARENT_SUFFIXES = ("指挥部", "领导小组", "领导组", "委员会", "联席会议", "专班", "指揮部", "領導小組", "委員會")


def _has_composition(doc: Document, st: Stream, lo: int, hi: int) -> bool:
    """True when lines ``lo``..``hi`` hold a role label, a member-unit list or a composition sentence."""
    for no in range(lo, hi + 1):
        cells = clean_line(doc.line(no)).split("\t")
        if any(ROLE_LABEL.match(c.strip()) for c in cells) or "成员单位" in doc.line(no):
            return True
    return bool(composition_sentences(st, lo, hi))


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


def _shows_itself(b: _Body, doc: Document, st: Stream, segments: list[tuple[_Body, int, int]]) -> bool:
    """A body only headed or titled, or a 委员会/小组 or ad hoc 现场指挥部 only "set up", must show its
    composition near a declaration."""
    hows = {d.how for d in b.decls}
    weak_setup = (b.name.endswith(("委员会", "小组", "工作组")) and not b.name.endswith("领导小组")) \
        or not re.sub(r"现场|应急|前线|临时|处置", "", _topic(b.name))
    if "intro" in hows or "enum" in hows or ("setup" in hows and not weak_setup):
        return True
    return any(_has_composition(doc, st, lo, min(hi, lo + 30)) for bb, lo, hi in segments if bb is b)


def _assign_parents(bodies: list[_Body], decls: list[_Decl]) -> None:
    """Parents from enumerations (``指挥部下设…组``), ``下设…N个专项指挥部`` hints, ``X办公室下设Y``, and
    for a headed group the headquarters / leading group set out above it."""
    children_hints = [d for d in decls if d.how == "children"]
    for b in bodies:
        for d in b.decls:
            if d.how == "enum" and d.parent_hint is not None and b.parent is None:
                prior = [x for x in bodies if x is not b and x.first <= d.line
                         and x.name.endswith(("指挥部", "领导小组", "领导组", "委员会"))]
                hint = d.parent_hint
                named = [x for x in prior if hint and (x.name.endswith(hint) or hint.endswith(x.name[-4:]))]
                suffix = next((sf for sf in _PARENT_SUFFIXES if hint and hint.endswith(sf)), None)
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
        if b.parent is None and b.name.endswith("组") and not b.name.endswith(_OWN_GROUPS):
            prior = [x for x in bodies if x.first < b.first and x.name.endswith(_PARENT_SUFFIXES)]
            if prior and not any(d.how == "enum" for d in b.decls):
                b.parent = max(prior, key=lambda x: x.first).name


def _assign_offices(bodies: list[_Body], st: Stream) -> None:
    """``办公室设在X`` after a body's set-up and before the next body that is not one of its groups."""
    for b in bodies:
        if b.parent and b.name.endswith("组"):
            continue  # a working group's office is its parent's
        first = min(b.decls, key=lambda d: d.line)
        later = [d.line for x in bodies if x is not b for d in x.decls
                 if d.line > first.line and not x.name.endswith("组")]
        hi = min([first.line + 45, *(line - 1 for line in later)])
        b.office = _office(st, first.line, hi, after=first.pos)


def _analyse(doc: Document) -> _Analysis:
    st = prose_stream(doc)
    if _is_chronicle(doc):
        return _Analysis([], [], st)
    decls = _declarations(doc, st)
    bodies = _merge(decls)
    segments = _segments(bodies, doc.end)
    bodies = [b for b in bodies if _shows_itself(b, doc, st, segments)]
    segments = [sg for sg in segments if sg[0] in bodies]
    _assign_parents(bodies, decls)
    _assign_offices(bodies, st)
    return _Analysis(bodies, segments, st)


def _composition_line(doc: Document, no: int) -> bool:
    """True for a line holding a role label (in any cell), a member-unit list or an office sentence."""
    raw = doc.line(no)
    cells = [c.strip() for c in clean_line(raw).split("\t")]
    return any(ROLE_LABEL.match(c) for c in cells) or "成员单位" in raw or ("办公室" in raw and "设在" in raw)


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
                                  + [d.alias for d in b.decls if d.alias]))
    enumerated = any(d.how == "enum" for d in b.decls)
    return BodyMention(name=main.name, kind=body_kind(main.name, b.parent or ("enumerated" if enumerated else None)),
                       line=main.line, start=lo, end=hi,
                       parent=b.parent, office_agency=b.office, aliases=aliases, end_line=main.end_line)


class _Printed:
    """Maps a string found in the simplified shadow of a document back to the printed characters."""

    def __init__(self, doc: Document, shadow: Document) -> None:
        self.doc, self.shadow = doc, shadow
        votes: dict[str, Counter[str]] = {}
        if doc.text != shadow.text:  # most documents are printed in simplified characters already
            for a, b in zip(doc.text, shadow.text):
                if a != b:
                    votes.setdefault(b, Counter())[a] += 1
        self.back = {b: c.most_common(1)[0][0] for b, c in votes.items()}

    def __call__(self, value: str | None, line: int | None = None) -> str | None:
        if not value or not self.back:
            return value
        if line is not None and self.doc.start <= line <= self.doc.end:
            for no in range(line, min(line + 3, self.doc.end + 1)):
                orig = "".join(squeeze(self.doc.line(n)) for n in range(line, no + 1))
                simp = "".join(squeeze(self.shadow.line(n)) for n in range(line, no + 1))
                i = simp.find(value)
                if i >= 0 and len(orig) == len(simp):
                    return orig[i:i + len(value)]
        return "".join(self.back.get(ch, ch) for ch in value)


def _shadow(doc: Document) -> tuple[Document, _Printed]:
    """The document in simplified characters (same length, char by char) for analysis, and the way back."""
    shadow = replace(doc, lines=tuple(simplify(l) for l in doc.lines), title=simplify(doc.title or ""))
    return shadow, _Printed(doc, shadow)


def _printed_mention(m: BodyMention, printed: _Printed) -> BodyMention:
    return replace(m, name=printed(m.name, m.line) or m.name, parent=printed(m.parent),
                   office_agency=printed(m.office_agency), aliases=tuple(printed(a) or a for a in m.aliases))


@dataclass(frozen=True, eq=False)
class BodyIndex:
    """The bodies one document sets out and the passages that belong to each: computed once per
    document (:func:`index_bodies`) and handed to every reader that needs them (body and
    membership facts here, the seat and unit walk in ``govkg.extract.composition``)."""

    doc: Document
    shadow: Document          # the document in simplified characters, what the readers match
    printed: _Printed         # from the shadow back to the printed characters
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
        work, printed = _shadow(doc)
        return cls(doc, work, printed, _Analysis([], [], prose_stream(work)), {})


def index_bodies(doc: Document) -> BodyIndex:
    """The bodies ``doc`` sets out, read once on its simplified shadow."""
    work, printed = _shadow(doc)
    an = _analyse(work)
    by_body = {id(b): _printed_mention(_mention(b, an.segments, work), printed) for b in an.bodies}
    return BodyIndex(doc, work, printed, an, by_body)


def find_bodies(doc: Document) -> list[BodyMention]:
    """Bodies set out in ``doc``, in order of their first declaration."""
    return index_bodies(doc).mentions


def body_facts(index: BodyIndex) -> list[Fact]:
    """Body and membership facts of the document behind ``index``."""
    doc, work, printed, an, mentions = index.doc, index.shadow, index.printed, index.analysis, index.by_body
    facts: list[Fact] = []
    title = doc.doc_title
    for b in sorted(an.bodies, key=lambda b: b.first):
        m = mentions[id(b)]
        facts.append(BodyFact(src=Src(doc.file, m.line, m.end_line), doc=doc.doc_key, body=m.name, kind=m.kind,
                              parent_body=m.parent, office_agency=m.office_agency, aliases=m.aliases,
                              doc_title=title))
        members: list[Member] = []
        for bb, lo, hi in an.segments:
            if bb is b:
                members += parse_lists(work, lo, hi)
        for bb, lo, hi in an.segments:
            if bb is b:
                members += composition_sentences(an.stream, lo, hi)
        seen: dict[tuple[str, str], Member] = {}
        for mem in members:
            key = (mem.name, mem.role)
            if key not in seen or (seen[key].post is None and mem.post):
                seen[key] = mem
        for mem in seen.values():
            facts.append(MembershipFact(src=Src(doc.file, mem.line), doc=doc.doc_key, body=m.name,
                                        person=printed(mem.name, mem.line) or mem.name,
                                        role=printed(mem.role, mem.line) or mem.role,
                                        position=printed(mem.post, mem.line) or None, concurrent=mem.concurrent,
                                        doc_title=title))
    return facts


def extract(doc: Document) -> list[Fact]:
    """Body and membership facts found in ``doc`` (bodies indexed here, for callers without a pipeline)."""
    return body_facts(index_bodies(doc))


__all__ = ["BodyMention", "BodyIndex", "index_bodies", "find_bodies", "body_facts", "body_kind", "extract"]
