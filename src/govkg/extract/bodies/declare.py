"""Declarations: the places a document names a body it sets out — a set-up clause (成立…领导小组), a
heading, an introduction (…组成人员如下), a list title, a table row or an enumeration (下设综合组、…)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.bodies.names import (
    ANY_SUFFIX,
    GENERIC,
    INTRO,
    LIST_TITLE,
    NAME_RE,
    NUMBERING,
    PARENT_SUFFIXES,
    SHORT_NAME,
    SUFFIX_RE,
    SUFFIXES,
    full_name,
    good_group,
    good_name,
    trim_name,
)
from govkg.extract.prose import Stream, clean_line, heading_text
from govkg.lexicon import entry
from govkg.text.clean import squeeze
from govkg.text.document import Document

PARENT_RE = "|".join(PARENT_SUFFIXES)
PRIORITY = {"intro": 0, "setup": 1, "heading": 2, "row": 3, "title": 4, "enum": 5, "generic": 6}


@dataclass
class Decl:
    name: str
    line: int
    how: str
    end_line: int | None = None
    alias: str | None = None
    parent_hint: str | None = None  # text naming the parent (``指挥部``, ``总指挥部``)
    pos: int = -1                   # where the name stands in the prose stream (-1: start of its line)
    former: str | None = None       # the name it had before (将X更名为Y: X)


def _layout_decls(doc: Document) -> list[Decl]:
    """Bodies named by headings, list titles and table rows."""
    decls: list[Decl] = []
    for no, raw in doc.numbered():
        text = heading_text(raw)
        if text:
            core = squeeze(NUMBERING.sub("", squeeze(text), count=1)).rstrip("。.:：")
            short = SHORT_NAME.search(core)  # 市河长制工作领导小组（以下简称市河长办）
            alias = short.group("alias") if short else None
            core = SHORT_NAME.sub("", core) if short else core
            core = trim_name(core) if core.endswith(SUFFIXES) else re.sub(r"^(?:成立|设立|组建)", "", core)
            how = "heading"
            title = LIST_TITLE.search(core)
            if title and not core.endswith(SUFFIXES):
                core, how = core[:title.start()], "title"
            core = core.removeprefix("附件").lstrip("0123456789:：")
            if core.endswith(SUFFIXES) and good_name(core) and not GENERIC.search(core):
                decls.append(Decl(core, no, how, alias=alias))
            elif _GENERIC_NAME.fullmatch(core):
                decls.append(Decl(core, no, "generic"))  # 一、领导小组组成人员: named nowhere else, perhaps
            elif how == "heading" and good_group(core):
                decls.append(Decl(core, no, how))
            continue
        # a table row naming a group in its first cell and setting out its leader or units in the next
        cells = [c.strip() for c in clean_line(raw).split("\t")]
        if len(cells) >= 2 and cells[0]:
            first = squeeze(cells[0])
            rest = "\n".join(cells[1:])
            if (good_group(first) or first.endswith(SUFFIXES) and good_name(first)) \
                    and re.search(r"(?:^|\n|\s)(?:组\s*长|指挥长|成员单位|召集人)\s*[:：]", rest):
                decls.append(Decl(first, no, "row"))
    return decls


_SETUP_BEFORE = re.compile(r"(?:成立|设立|設立|组建|組建|增设|增設|下设|下設|建立|调整|調整|充实)(?:了)?(?:[由以][^。]*?的)?$")


# 将X更名为Y: the old name stands before the verb, the new one after it
_RENAMED_BEFORE = entry("roles.renamed").regex
_RENAMED_AFTER = re.compile(f"(?:{entry('roles.renamed').alternation})")
# 决定对X组成人员进行相应调整: a verb takes the body as its object, and what follows changes its composition
_OBJECT_BEFORE = re.compile(r"对$")
_CHANGED = entry("roles.changed_composition").regex


_MODIFIED = re.compile(r"(?:代表|机制|制度|会议|模式|职责|章程)")


def _led_by(after: str) -> re.Match[str] | None:
    """``…领导小组由县委书记任组长``: the text right after a body's name says who holds one of its roles."""
    if not after.startswith("由"):
        return None
    return re.match(rf"由[^。；;]{{1,40}}?(?:担任|兼任|出任|任)(?:{entry('roles.leaders').alternation})", after)


def _after_list_heading(doc: Document, st: Stream, start: int, n: int) -> bool:
    """A name run on from a numbered heading that titles a list (一、组成单位, （二）组成人员) into the
    line after it: the prose joins the open heading to its paragraph, but no name spans them."""
    first, last = st.line_at(start), st.line_at(start + n - 1)
    if first == last:
        return False
    head = heading_text(doc.line(first))
    return bool(head) and bool(LIST_TITLE.search(squeeze(NUMBERING.sub("", squeeze(head), count=1))))


def _prose_decls(st: Stream, doc: Document | None = None) -> list[Decl]:
    """Bodies named by set-up clauses (``成立X``) and introductions (``X…组成人员如下``)."""
    decls: list[Decl] = []
    text = st.text
    generic: set[str] = set()  # names first met as bodies every county sets up
    for clause in re.finditer(r"[^\n。；;!！?？]+", text):
        c, base = clause.group(0), clause.start()
        former: str | None = None  # 将X更名为Y: X, an alias of the body Y
        for m in NAME_RE.finditer(c) if ANY_SUFFIX.search(c) else ():
            name = trim_name(m.group(0))
            after = c[m.end():]
            changed = _CHANGED.match(SHORT_NAME.sub("", after, count=1))
            if name[:1] in ("对", "将") and (changed or _RENAMED_AFTER.match(after)):
                name = name[1:]  # 二、对X组成人员作如下调整: the object marker opens the clause
            before = c[:m.end() - len(name)]
            setup = _SETUP_BEFORE.search(before) or _RENAMED_BEFORE.search(before) \
                or (_OBJECT_BEFORE.search(before) and changed)
            if not good_name(name, set_up=bool(setup) or bool(_RENAMED_AFTER.match(after))):
                continue
            if _RENAMED_AFTER.match(after):
                former = name  # the old name: the body is the one it becomes
                continue
            start = base + m.end() - len(name)
            if doc is not None and _after_list_heading(doc, st, start, len(name)):
                continue  # 一、组成单位 / 联席会议由A、B组成: the heading is no part of a name
            ahead = text[base + m.end():base + m.end() + 80].split("\n")[0]
            # 组成人员如下 / 由A、B组成 / 由县委书记任组长: the sentence sets the body's composition out
            intro = INTRO.search(ahead[:60]) or re.match(r"由[^,，。]{0,60}组成", after) \
                or (not before.strip() and _led_by(after))  # the body opens its sentence
            modifier = _MODIFIED.match(after)
            if modifier and modifier.group(0) == "制度" and name.endswith(("联席会议", "聯席會議")):
                modifier = None  # 建立…联席会议制度 sets up the joint meeting
            if not (setup or intro) or modifier:
                continue  # a mention, or the name only modifies what follows (建立家长委员会代表参与…机制)
            if GENERIC.search(re.split(r"[,，]", before)[-1]) or GENERIC.search(name) \
                    or re.search(r"[,，]要[^,，]*$", before) or name in generic:
                generic.add(name)
                continue
            first, last = st.line_at(start), st.line_at(base + m.end() - 1)
            hint = None
            sub = re.search(r"([\u4e00-\u9fff]{2,30}?)(?:办公室)?(?:下设|增设)$", before)
            if setup and sub and sub.group(1).endswith(PARENT_SUFFIXES):
                hint = full_name(text[max(0, start - 300):start], sub.group(1))
            alias = SHORT_NAME.match(after)
            renamed = former if _RENAMED_BEFORE.search(before) else None
            decls.append(Decl(name, first, "intro" if intro and not setup else "setup",
                               end_line=last if last != first else None,
                               alias=alias.group("alias") if alias else None, pos=start, parent_hint=hint,
                               former=renamed))
        decls += _enumerated(st, c, base)
    return decls


def _enumerated(st: Stream, c: str, base: int) -> list[Decl]:
    """Groups a clause sets up in one go: ``下设综合组、扑救组…等9个工作组``, ``下设5个工作组：A、B和C``,
    ``增设防汛会商小组和抗旱会商小组``; ``下设…等17个专项指挥部`` leaves a hint for later headings."""
    decls: list[Decl] = []
    announces = "个" in c and ("设立" in c or "下设" in c or "成立" in c or "组建" in c)  # the pattern's own words
    for m in re.finditer(rf"(?P<subj>[\u4e00-\u9fff（）()]{{2,30}}?(?:{PARENT_RE}))(?:决定|研究决定)?(?:设立|下设|成立|组建)"
                         r"(?P<n>[\d一二三四五六七八九十两]+)个(?:专项)?(?:工作)?(?:小组|组)", c) if announces else ():
        # 国务院抗震救灾总指挥部决定设立9个工作组: the subject is the groups' parent, a body of its own
        subj = trim_name(m.group("subj"))
        if good_name(subj):
            pos = base + m.start("subj") + m.group("subj").index(subj)
            decls.append(Decl(subj, st.line_at(pos), "setup", pos=pos))
            decls.append(Decl("", st.line_at(base + m.start()), "children", parent_hint=subj + "|组"))
    if "下设" not in c and "增设" not in c:
        return decls  # the patterns below need one of them
    for m in re.finditer(r"(?P<subj>[\u4e00-\u9fff]{0,20}?)(?:下设|增设)[\d一二三四五六七八九十两]+个[\u4e00-\u9fff]{0,4}组[:：]"
                         r"(?P<items>[\u4e00-\u9fff、和及]+)", c):
        for g in (i for i in re.split(r"[、和及]", m.group("items")) if i.endswith("组") and 3 <= len(i) <= 12):
            pos = base + m.start("items") + m.group("items").index(g)
            decls.append(Decl(g, st.line_at(pos), "enum", parent_hint=m.group("subj") or "办公室"))
    for m in re.finditer(r"(?P<subj>[\u4e00-\u9fff]{0,20}?)(?:下设|增设)(?P<items>[\u4e00-\u9fff、和及]+?)"
                         r"(?:等?[\d一二三四五六七八九十两]+个(?:专项)?(?:应急)?(?P<kind>工作组|小组|组|指挥部|专项应急指挥部)|$|[,，])", c):
        items = [i for i in re.split(r"[、和及]", m.group("items")) if i]
        subj = m.group("subj")
        groups = [i for i in items if i.endswith("组") and 3 <= len(i) <= 12 and not GENERIC.search(i)]
        if not groups and len(items) >= 2 and not m.group("kind"):
            # 下设前方指挥部和后方指挥部: headquarters under the one the clause sets up
            groups = [i for i in items if i.endswith(("指挥部", "指揮部")) and good_name(i) and not GENERIC.search(i)]
        if len(groups) == len(items) and groups:
            for g in groups:
                pos = base + m.start("items") + m.group("items").index(g)
                decls.append(Decl(g, st.line_at(pos), "enum", parent_hint=subj or "办公室"))
        elif m.group("kind"):
            decls.append(Decl("", st.line_at(base + m.start()), "children",
                               parent_hint=(subj or "") + "|" + m.group("kind")))
    return decls


def declarations(doc: Document, st: Stream) -> list[Decl]:
    """Every place ``doc`` names a body it sets out, in line order."""
    decls = _layout_decls(doc) + _prose_decls(st, doc)
    if doc.title and not any(d.how in ("setup", "intro") for d in decls):
        # 关于成立（调整）X领导小组的通知 names the body only in its title
        m = re.search(r"(?:成立|调整|調整|设立|組建|组建)(?:充实)?(?P<name>.+?(?:" + SUFFIX_RE + "))", squeeze(doc.title))
        if m and good_name(trim_name(m.group("name"))):
            decls.append(Decl(trim_name(m.group("name")), doc.start, "setup"))
    generic = [d for d in decls if d.how == "generic"]
    decls = [d for d in decls if d.how != "generic"]
    if generic and not decls:
        # a plan that sets out its body only under a generic heading (一、领导小组组成人员) names it so: the
        # body is the one the plan sets up, under the name printed (领导小组); where any body is named,
        # such a heading is that body's list (or one of several), not a body of its own
        decls = [generic[0]]
    return sorted(decls, key=lambda d: (d.line, PRIORITY.get(d.how, 9)))


# the bare name of a body a plan sets up for itself: 领导小组, 工作领导小组, 指挥部, 工作专班 …
_GENERIC_NAME = re.compile(r"(?:工作)?(?:领导小组|领导组|指挥部|工作专班|专班|联席会议|領導小組|指揮部|工作專班|聯席會議)")
