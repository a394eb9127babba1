"""Role and member-unit lists inside the passages that set out a body's composition.

Shared by ``extractors.seats`` and ``extractors.units``: one walk over a document yields
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
  ``extractors.bodyref`` then gives it the name ``extractors.bodies.find_bodies`` uses;
* a composition restated later (an annex table repeating the main text) is dropped:
  per body, each role and the unit list are taken from the first passage that sets them out.

Matching runs on a simplified-character shadow of the text (same length), so traditional
script matches the same patterns while values keep their printed characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterator

from extractors.agencies import expand_prefixes
from extractors.document import Document
from extractors.posts import EX_OFFICIO, split_name_post, split_names, split_post_name
from extractors.textfix import simplify

# ---------------------------------------------------------------- vocabulary (simplified)

ROLE = r"(?:(?:常务|执行|第一|总)?副?(?:总指挥|指挥长|组长|召集人|主任委员|主任|秘书长|主席)|办公室副?主任)"
UNIT_LABEL = r"(?:成员单位|组成单位|参加单位|成员|委员)"
MEMBER_LABEL = r"(?:成员|委员)"   # lists agencies (units) or posts (seats)
BODY_SUFFIX = (r"(?:领导小组|领导组|工作组|指挥部|委员会|联席会议|工作专班|专班|协调小组|小组|推进组|评审组"
               r"|专项办公室|会商组|[^\W\d_、，,。；：:]组)")
# a post ends like this (市长, 主要负责人, 分管领导, 政委 …)
_POST_ENDINGS = r"(?:长官|长|负责人|负责同志|领导|主任|书记|司令员|司令|政委|委员|主席|经理|专员|成员)"
POST_END = re.compile(_POST_ENDINGS + "$")
# an agency ends like this (局, 委, 办, 中心, 公司, 支队, 政府 …), brackets stripped first
AGENCY_END = re.compile(r"[局委办部厅心团司队区府会院所站馆处科行社署段台关网厂场室间联协校库]$")
PLACEHOLDER = re.compile(r"^(?:其他|其它|当地|本地|属地|县[(（]市[、,，]区[)）]|驻市|借助|依托|邀请|聘请|抽调)|各|有关|相关|以下简称|所在地|发生地|事发")
BODY_PART = re.compile(r"指挥部|领导小组|工作组|专班|联席会议|应急队伍|救援队伍")
LEVEL_PREFIX = re.compile(r"^(?:市|省|中共|中国|国网|国家|武警)")
ITEM_START = re.compile(r"^(?:市|省|县|区|中共|中国|国网|国家|武警|军分区|分管|[^\W\d_]{1,3}[省市县区])")
TERMINAL = "。！？；;：:"
GENERIC_BODY = re.compile(rf"^(?:市|县|区|该|本|前线|现场)?{BODY_SUFFIX}$")

# ---------------------------------------------------------------- text with a line map

@dataclass
class Span:
    """Text (whitespace removed) with the source line of every character."""

    text: str
    lines: list[int]

    @cached_property
    def simp(self) -> str:
        return simplify(self.text)

    def sub(self, a: int, b: int) -> "Span":
        return Span(self.text[a:b], self.lines[a:b])

    def strip(self, chars: str = "、，,。；;：: ") -> "Span":
        a, b = 0, len(self.text)
        while a < b and self.text[a] in chars:
            a += 1
        while b > a and self.text[b - 1] in chars:
            b -= 1
        return self.sub(a, b)

    @property
    def line(self) -> int:
        return self.lines[0] if self.lines else 0

    @property
    def end_line(self) -> int:
        return self.lines[-1] if self.lines else 0

    def __add__(self, other: "Span") -> "Span":
        return Span(self.text + other.text, self.lines + other.lines)


def make_span(text: str, line: int) -> Span:
    """A printed line (or cell) as a span: markup and whitespace dropped, except that a gap
    between two whole agencies or posts (``市发改委  市财政局``) reads as ``、``."""
    text = _span_text(text)
    return Span(text, [line] * len(text))


@lru_cache(maxsize=65536)  # pure; the same line is made a span by several readers
def _span_text(text: str) -> str:
    if re.search(r"\S\s+\S", text.strip()):
        text = _spaced_list(text)
    return clean(text)


def _spaced_list(text: str) -> str:
    tokens = re.split(r"(\s+)", text.strip())
    words = tokens[0::2]
    if len(words) < 2:
        return text
    out = [words[0]]
    for gap, word in zip(tokens[1::2], words[1:]):
        left, right = simplify(clean(re.split(r"[、：:]", out[-1])[-1])), simplify(clean(word))
        whole = lambda t: len(t) >= 3 and (is_agency(t) or bool(POST_END.search(t)))  # noqa: E731
        out.append(("、" if whole(left) and whole(right) and ITEM_START.match(right) else gap) + word)
    return "".join(out)


_TAGS = re.compile(r"</?(?:p|b|strong|br|span|td|tr|i|em)[^>]*>", re.I)


@lru_cache(maxsize=65536)  # pure, and asked again for the same line by several tests of the walk
def clean(text: str) -> str:
    """Drop markup (``**``, HTML tags, heading marks) and all whitespace."""
    text = _TAGS.sub("", text).replace("**", "")
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- candidates

@dataclass(frozen=True)
class Seat:
    body: int       # index into Walk.bodies
    role: str
    holder: str
    line: int
    end_line: int
    passage: int    # id of the passage (label, sentence or table row) it came from


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
    """Names of one body differ by a city prefix (晋城市X / 市X / X)."""
    s = simplify(name)
    s = re.sub(r"^[^\W\d_]{2,3}市(?!场)", "", s)
    return s[1:] if s.startswith("市") else s


# ---------------------------------------------------------------- list splitting

def split_top(span: Span, seps: str) -> list[Span]:
    """Split at separator characters outside brackets."""
    out, depth, a = [], 0, 0
    for i, c in enumerate(span.text):
        if c in "(（〔[【":
            depth += 1
        elif c in ")）〕]】":
            depth = max(0, depth - 1)
        elif c in seps and depth == 0:
            out.append(span.sub(a, i))
            a = i + 1
    out.append(span.sub(a, len(span.text)))
    return [s.strip() for s in out if s.strip().text]


def _is_post(text: str) -> bool:
    """Ends like a post (a trailing bracketed note such as ``(兼)`` or ``(协助分管…)`` aside)."""
    return bool(POST_END.search(_agency_core(text)))


def _agency_core(text: str) -> str:
    return re.sub(r"[(（][^()（）]*[)）]$", "", simplify(text))


def is_agency(text: str) -> bool:
    """An agency name: agency ending, not a placeholder, not a post."""
    core = _agency_core(text)
    return (3 <= len(core) <= 30 and bool(AGENCY_END.search(core)) and not PLACEHOLDER.search(simplify(text))
            and not BODY_PART.search(core)
            and not POST_END.search(core))


_AND = re.compile(r"[和及与]")


def _split_and(item: Span) -> list[Span]:
    """Split ``A和B`` where A is already a whole post (``…局长和市…局长``)."""
    s = item.simp
    for m in _AND.finditer(s):
        left, right = s[:m.start()], s[m.end():]
        if _is_post(left) and ITEM_START.match(right):
            return [item.sub(0, m.start()), *_split_and(item.sub(m.end(), len(s)))]
    return [item]


POST_TAIL = re.compile(r"^(?P<agency>.+?(?:局|委员会|委|办|部|厅|中心|支队|军分区|集团|公司|政府|院))"
                       r"(?P<tail>(?:主要|分管|常务)?(?:负责人|负责同志|领导)|(?:分管|常务)?副?(?:局长|主任|部长|支队长|书记))$")
POST_WORD = re.compile(r"(?P<tail>的?副?(?:秘书长|市长|县长|区长|局长|主任|部长|书记))$")


PARTY_RANK = re.compile(r"^(?:[^\W\d_]{0,4}[省市县区]委(?:常委|副书记|书记|委员)|党组(?:副)?书记|党组成员)$")


def _join_ranks(items: list[Span]) -> list[Span]:
    """``市委常委、常务副市长`` is one person's rank and post: one holder, not two."""
    out: list[Span] = []
    for it in items:
        if out and PARTY_RANK.match(out[-1].simp):
            out[-1] = out[-1] + Span("、", [out[-1].end_line]) + it
        else:
            out.append(it)
    return out


def member_posts(span: Span) -> list[Span] | None:
    """A 成员/委员 list of posts (``A局、B局主要负责人``, ``A局局长、B局局长``): one post per item;
    None for a list of agencies or a collective ``A、B等分管负责人``."""
    items = split_top(span, "、，,;；")
    if not items or not _is_post(items[-1].simp) or "等" in span.simp:
        return None
    posts = split_posts(span)
    return posts if len(posts) >= len(items) else None


def split_posts(span: Span) -> list[Span]:
    """The posts of a holder list: one per ``、``/``,`` item, shared frames and tails spread.

    ``A局、B局主要负责人`` → A局主要负责人, B局主要负责人;
    ``市政府分管X、Y副秘书长`` → 市政府分管X副秘书长, 市政府分管Y副秘书长. ``或`` is never split.
    """
    items: list[Span] = []
    for part in split_top(span, "、，,;；"):
        items.extend(_split_and(part))
    items = _join_ranks(spread_prefixes(items))
    out: list[Span] = []
    i = 0
    while i < len(items):
        it = items[i]
        s = it.simp
        if _is_post(s):
            out.append(it)
            i += 1
            continue
        # a run of bare agencies sharing the tail of the next post: A局、B局主要负责人
        j = i
        while j < len(items) and not _is_post(items[j].simp) and AGENCY_END.search(_agency_core(items[j].text)):
            j += 1
        if j > i and j < len(items):
            m = POST_TAIL.match(items[j].simp)
            if m:
                tail = items[j].text[m.start("tail"):]
                for k in range(i, j):
                    out.append(Span(items[k].text + tail, items[k].lines + [items[k].end_line] * len(tail)))
                out.append(items[j])
                i = j + 1
                continue
        # a frame: 市政府分管X、Y副秘书长
        if "分管" in s and i + 1 < len(items):
            nxt = items[i + 1]
            m = POST_WORD.search(nxt.simp)
            if m and not ITEM_START.match(nxt.simp) and "分管" not in nxt.simp:
                head = it.text[:s.index("分管") + 2]
                tail = nxt.text[m.start("tail"):]
                first = it.text + tail
                out.append(Span(first, it.lines + [it.end_line] * len(tail)))
                second = head + nxt.text
                out.append(Span(second, [nxt.line] * len(head) + nxt.lines))
                i += 2
                continue
        i += 1  # not a post: dropped
    return out


_ETC = re.compile(r"(?<=[局委办部厅心团司队区府会院所站馆处科行社署段台关网厂场室)）])等")
_AND_PLACEHOLDER = re.compile(r"(?:和|及|以及|与|and)(?=各|有关|相关|其他|当地|本地|所在地|属地|县[(（]市)")


def spread_prefixes(items: list[Span]) -> list[Span]:
    """A level printed once for a list (``市发展改革委、教育局`` → 市教育局): ``agencies.expand_prefixes``
    (the one mechanism), run on the simplified shadow; the prefix is copied as printed, on the line
    of the item it is added to."""
    expanded = expand_prefixes([it.simp for it in items])
    out = []
    for it, full in zip(items, expanded):
        added = len(full) - len(it.text)
        if added > 0:
            source = next(o for o in items if o.simp.startswith(full[:added]))
            it = Span(source.text[:added] + it.text, [it.line] * added + it.lines)
        out.append(it)
    return out


# where one agency ends and the next begins in a list printed without separators
_GLUED = re.compile(r"(?<=[局委办厅部心])(?=(?:市|省|县|区)[^\W\d_]{2,})")


def _split_glued(item: Span) -> list[Span]:
    """``市发改委市财政局市教育局`` → three agencies; only where every piece is a whole agency, and
    never after a bare level (``市委市政府督查室`` stays one name)."""
    s = item.simp
    cuts = [m.start() for m in _GLUED.finditer(s)]
    if not cuts:
        return [item]
    bounds = [0, *cuts, len(s)]
    pieces = [item.sub(a, b) for a, b in zip(bounds, bounds[1:])]
    if all(is_agency(p.simp) and len(p.simp) >= 3 and not re.fullmatch(r"[市省县区]委", p.simp) for p in pieces):
        return pieces
    return [item]


def split_agencies(span: Span, posts_to_agencies: bool = True) -> list[Span]:
    """Member units of a list: ``、`` items, cut at ``等…``, placeholders dropped,
    a prefix printed once spread (``市发展改革委、教育局`` → 市教育局)."""
    s = span.simp
    m = _ETC.search(s)
    if m:
        span, s = span.sub(0, m.start()), s[:m.start()]
    items: list[Span] = []
    for part in split_top(span, "、，,;；"):
        ps = part.simp
        m = _AND_PLACEHOLDER.search(ps)
        if m:
            part = part.sub(0, m.start())
        if part.text:
            items.extend(_split_glued(part))
    if not items:
        return []
    out = []
    for it in spread_prefixes(items):
        m = POST_TAIL.match(it.simp)
        if posts_to_agencies and m and is_agency(m.group("agency")):  # 成员单位:市发改委分管负责人 → 市发改委
            it = it.sub(0, m.end("agency"))
        if is_agency(it.text):
            out.append(it)
    return out


# ---------------------------------------------------------------- paragraphs

HEADING = re.compile(r"^\s*(?:#+\s*|\*\*)?\s*(?:第[一二三四五六七八九十]+[章节条]|[一二三四五六七八九十]+、|"
                     r"[(（][一二三四五六七八九十\d]+[)）]|\d+(?:[.．]+\d+)*\s*[.．、]?)\s*(?P<rest>.*)$")
LABEL = re.compile(rf"^(?P<label>{ROLE}|{UNIT_LABEL})[:：]")
_BODY_ROLE_LABEL = re.compile(rf"^(?P<body>[^\W\d_]{{1,8}}?(?:组|小组|指挥部|委员会))(?P<label>{ROLE})[:：]")


_LABEL_NOTE = re.compile(rf"^((?:{ROLE}|{UNIT_LABEL}))[(（][^()（）:：]{{1,12}}[)）](?=[:：])")


@lru_cache(maxsize=65536)
def _label_of(raw: str) -> re.Match[str] | None:
    head = simplify(clean(raw))
    head = _LABEL_NOTE.sub(r"\1", head)  # 成员单位（排名不分先后）：
    return LABEL.match(head) or _BODY_ROLE_LABEL.match(head)


DUTY_LABEL = re.compile(r"^(?:[^\W\d_]{0,12}?(?:职责|职能|任务)|(?:牵头|责任|配合|参与)(?:单位|部门))[:：]")


@dataclass
class Para:
    """One logical paragraph (or one table cell segment) and its kind."""

    span: Span
    kind: str            # "text", "heading", "row"
    cells: list[Span] = field(default_factory=list)
    raw_cells: list[str] | None = None   # a row's cells as printed, where the line holds more than one row


_BARE_LABEL_LINE = re.compile(rf"(?:{ROLE}|成员单位|组成单位|成员)")


@lru_cache(maxsize=65536)
def _breaks_before(raw: str) -> bool:
    st = raw.strip()
    return (not st or "\t" in raw or st.startswith(("#", "**", "|", "<")) or bool(_label_of(raw))
            or bool(_BARE_LABEL_LINE.fullmatch(simplify(clean(raw))))
            or bool(re.match(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)+)", raw))
            or "附件" == clean(raw)[:2] or bool(DUTY_LABEL.match(simplify(clean(raw)))))


def _numbered_title(text: str) -> bool:
    """``2.4.1现场处置组``: a numbered line that is only a title, so nothing joins onto it."""
    m = HEADING.match(text)
    if not m or not m.group("rest") or m.group("rest") == text:
        return False
    rest = simplify(m.group("rest")).rstrip("。.")
    return len(text) <= 15 or bool(re.fullmatch(rf"[^\W\d_]{{1,40}}?{BODY_SUFFIX}", rest))


_ITEM_NUMBER = re.compile(r"^(?:\d+[.．、]|[(（]\d+[)）]|\d+[)）])")


def _numbered_item(piece: Span) -> Span | None:
    """``1.市发改委`` / ``(2)市财政局局长``: one numbered agency or post, without its number."""
    m = _ITEM_NUMBER.match(piece.text)
    if not m:
        return None
    rest = piece.sub(m.end(), len(piece.text)).strip("、，,。；; ")
    return rest if rest.text and _whole_item(rest.simp) else None


def _whole_item(text: str) -> bool:
    """A short line that is one whole post or agency (lists printed one per line)."""
    return len(text) <= 30 and not re.search(r"[，,。；;：:、]", text) and bool(POST_END.search(text) or is_agency(text))


def _bare_label(span: Span) -> bool:
    """``成员单位:`` with its list on the following lines."""
    return span.text[-1] in ":：" and bool(_label_of(span.text)) and len(span.text) <= 8


def cells_of(raw: str) -> list[str] | None:
    """The cells of a table row (tab-separated, or a markdown ``| a | b |`` row); None for text."""
    st = raw.strip()
    if st.startswith("|") and st.endswith("|") and len(st) > 1:
        return st[1:-1].split("|")
    return raw.split("\t") if "\t" in raw else None


_TR = re.compile(r"<tr[^>]*>(.*?)</tr>", re.I | re.S)
_TD = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.I | re.S)


def html_rows(raw: str) -> list[list[str]]:
    """The rows of an HTML table printed on one line (one row or a whole ``<table>``), as cell lists."""
    if "<tr" not in raw.lower():
        return []
    return [_TD.findall(tr) for tr in _TR.findall(raw)]


def paragraphs(doc: Document) -> Iterator[Para]:
    """Logical paragraphs of a document: wrapped lines joined, tables as rows."""
    cur: Span | None = None
    cur_heading = False
    signers = {clean(x) for x in (doc.issuer or "").split("、") if x}  # the signature is no list item
    for lineno, raw in doc.numbered():
        if not raw.strip():
            continue
        rows = html_rows(raw)
        if rows:  # <tr><td>…</td></tr>: each row read like a tab-separated one
            if cur is not None:
                yield Para(cur, "heading" if cur_heading else "text")
                cur = None
            for row in rows:
                cells = [make_span(c, lineno) for c in row]
                if any(c.text for c in cells):
                    yield Para(make_span("".join(row), lineno), "row", cells, raw_cells=row)
            continue
        raw_cells = cells_of(raw)
        if raw_cells is not None:
            if cur is not None:
                yield Para(cur, "heading" if cur_heading else "text")
                cur = None
            if all(re.fullmatch(r"\s*:?-*:?\s*", c) for c in raw_cells):
                continue  # a markdown table's rule line
            cells = [make_span(c, lineno) for c in raw_cells]
            yield Para(make_span("".join(raw_cells), lineno), "row", cells)
            continue
        piece = make_span(raw, lineno)
        if not piece.text:
            continue
        if _BARE_LABEL_LINE.fullmatch(piece.simp):  # a role label alone on its line, without a colon
            piece = Span(piece.text + ":", piece.lines + [lineno])
        if piece.text in signers:
            if cur is not None:
                yield Para(cur, "heading" if cur_heading else "text")
            cur = None
            continue
        item = _numbered_item(piece)
        if cur is not None and item is not None and _label_of(cur.text):
            cur = cur + Span("、", [cur.end_line]) + item  # 成员单位: 1.市发改委 2.市财政局 …
            continue
        is_heading = raw.lstrip().startswith("#") or _numbered_title(piece.text)
        if cur is not None and not cur_heading and not is_heading and (cur.text[-1] not in TERMINAL or _bare_label(cur)) \
                and not _breaks_before(raw):
            prev = simplify(cur.text[-8:])
            complete = bool(POST_END.search(prev) or AGENCY_END.search(prev))
            # a sentence after a list (区规委会办公室设在…，…) is no item of it
            sentence = bool(re.search(r"[，,。；;]", piece.simp.rstrip("，,。；;、")))
            if complete and sentence and len(piece.text) >= 20:
                yield Para(cur, "text")
                cur, cur_heading = piece, is_heading
                continue
            if complete and (ITEM_START.match(piece.simp) or _whole_item(piece.simp)):
                cur = cur + Span("、", [cur.end_line]) + piece
                continue
            if not (complete and len(piece.text) >= 30):  # a long line after a whole item starts anew
                cur = cur + piece
                continue
        if cur is not None:
            yield Para(cur, "heading" if cur_heading else "text")
        cur, cur_heading = piece, is_heading
    if cur is not None:
        yield Para(cur, "heading" if cur_heading else "text")


# ---------------------------------------------------------------- the walk

ESTABLISH = re.compile(rf"(?:成立|设立|组建|建立|增设|下设|设置)(?:了)?(?:由[^，,。；]*?的)?"
                       rf"(?P<name>[^\W\d_“”\"]{{2,40}}?{BODY_SUFFIX})(?:制度|机制)?(?![、\w])")
ABBR = re.compile(rf"(?P<name>[^\W\d_]{{2,40}}?{BODY_SUFFIX})[(（]以下简称(?:“|\")?(?P<abbr>[^)）”\"]+)(?:”|\")?[)）]")
SET_OUT = re.compile(rf"(?P<name>[^\W\d_]{{2,40}}?{BODY_SUFFIX})(?:的)?(?:设置如下|组成人员如下|组成如下|成员如下|由以下人员组成|人员组成如下|组成人员(?:名单)?通知如下|组成人员名单如下)")
NAMES_AND = re.compile(rf"(?:增设|下设|设立|成立)(?P<a>[^\W\d_]{{2,20}}?{BODY_SUFFIX})[和及与](?P<b>[^\W\d_]{{2,20}}?{BODY_SUFFIX})")
_VERBS = re.compile(r"^.*(?:成立|设立|组建|建立|视情|由|调整后的|现将|关于(?:调整|充实|调整充实)?)")
# bodies every county, township or unit sets up for itself: not one body
MANY_BODIES = re.compile(r"^(?:县级|各级|各|相应|相关|有关|乡镇|乡级|村级|县[(（]市|区县|县区)")


def strip_verbs(name: str) -> str:
    """``…成立X`` → ``X`` (matched on the simplified shadow, sliced from the printed name)."""
    m = _VERBS.match(simplify(name))
    return name[m.end():] if m else name

SEAT_SENTENCES = [
    # 组长由市长担任 / 办公室主任由A、B兼任 / 组长分别由A和B担任
    re.compile(rf"(?P<role>{ROLE}|办副?主任)(?P<each>分别)?(?:由|为)(?P<h>[^。；;，,]+?)(?:担任|兼任|出任|任)?(?=[。；;，,]|$)"),
    # 由市长担任组长 / 由市政府分管副市长任召集人
    re.compile(rf"由(?P<h>[^。；;由]+?)(?:担任|兼任|任)(?P<role>{ROLE})"),
    # A局长和B局长兼任办公室主任
    re.compile(rf"(?:^|[，,。；;])(?P<h>[^。；;，,由]+?)(?:担任|兼任|任)(?P<role>{ROLE})"),
]
# 市发改委、市财政局为成员单位
UNIT_AS = re.compile(r"(?:^|[，,。；;：:])(?P<list>[^，,。；;：:]+?)(?:等[^，,。；;]{0,8}?)?为(?:其|该|本)?[^\W\d_]{0,8}?成员单位")
UNIT_SENTENCE = re.compile(rf"{UNIT_LABEL}(?:由|包括|为|[:：])(?P<list>[^。；;]+?)(?:等[^。；;]*?)?(?:组成|构成|。|；|;|$)")
UNIT_COMPOSED = re.compile(r"由(?P<list>[^。；;由]+?)(?:等[^。；;]{0,12})?组成")
PERSON_VALUE = re.compile(r"^\s*(?:\*\*)?\s*(?P<name>[^\W\d_]{1,2}\s?[^\W\d_]{0,2})(?:\s{1,}|\t)\S")


# Words each pattern cannot match without. Testing for them with ``in`` first spares the lazy
# ``[^\W\d_]{2,40}?…`` scans, tried at every position, in the many sentences that hold none of them.
_CUES: dict[re.Pattern[str], tuple[str, ...]] = {
    ESTABLISH: ("成立", "设立", "组建", "建立", "增设", "下设", "设置"),
    ABBR: ("以下简称",),
    SET_OUT: ("如下", "由以下人员组成"),
    NAMES_AND: ("增设", "下设", "设立", "成立"),
    SEAT_SENTENCES[0]: ("由", "为"),
    SEAT_SENTENCES[1]: ("任",),
    SEAT_SENTENCES[2]: ("任",),
    UNIT_AS: ("成员单位",),
    UNIT_SENTENCE: ("成员", "委员", "组成单位", "参加单位"),
    UNIT_COMPOSED: ("组成",),
}


_CUE_RES = {rx: re.compile("|".join(map(re.escape, cues))) for rx, cues in _CUES.items()}


def _cued(rx: re.Pattern[str], s: str) -> bool:
    """False when ``s`` lacks every word ``rx`` needs (then ``rx`` cannot match ``s``)."""
    cue = _CUE_RES.get(rx)
    return cue is None or cue.search(s) is not None


# a place whose name a glued-name reading would take for a person (高新区管委会主任 is no 高新)
_PLACE_HEAD = re.compile(r"^[^\W\d_]{0,4}?(?:高新区|开发区|经开区|新区|园区|示范区|试验区|管委会)")


_GLUED_POST_START = re.compile(r"^(?:省|市|县|区|州|盟|旗|副|常务|中共|党组|[^\W\d_]{2}[省市县])")


def names_person(raw_value: str) -> bool:
    """A value that names a person (a membership), not ``单位  单位`` or a post: ``姓名 职务``,
    ``刘惠祥（市委常委、常务副市长）``, a glued ``王晓东市政府副市长``, ``卢焱群、龙福清``."""
    m = PERSON_VALUE.match(raw_value)
    if m:
        name = simplify(clean(m.group("name")))
        if not (is_agency(name) or POST_END.search(name) or ITEM_START.match(name) and len(name) > 3):
            return True
    text = _TAGS.sub("", raw_value).replace("**", "").strip()
    if not text or _PLACE_HEAD.match(simplify(clean(text))):
        return False
    items = [clean(x) for x in re.split(r"[、，,；;\s]+", re.sub(r"[（(][^（）()]*[）)]", "", text)) if x][:2]
    if len(items) == 2 and all(is_agency(x) for x in items):
        return False  # 晋城军分区、市应急管理局…: a list of agencies, though 晋城 reads like a name
    # 郭宁宁（副省长）　李建成（副省长） and 张华、王强（副市长）: the first of several names
    for part in (text, text.split()[0], re.split(r"[、，,]", text)[0]):
        got = split_name_post(part)
        if got and not POST_END.search(simplify(got[0])) and not is_agency(got[0]):
            # a post glued to the name starts with a level or rank (区规划和自然资源局局长 names no 区规划)
            after = simplify(clean(part))[len(got[0]):]
            if not after or after[0] in "（(" or _GLUED_POST_START.match(after):
                return True
    post_first = split_post_name(re.split(r"[、，,；;]", text)[0])
    return bool(split_names(text) or post_first and post_first[1])


@lru_cache(maxsize=8)
def body_mentions(doc: Document) -> tuple:
    """``extractors.bodies.find_bodies(doc)``, or nothing if it fails (a sibling extractor's
    bug must not cost seats and units their facts)."""
    try:
        from extractors.bodies import find_bodies  # local: bodies may import helpers from here
        return tuple(find_bodies(doc))
    except Exception:  # noqa: BLE001
        return ()


def _generic_setup(before: str) -> bool:
    """The clause sets up a body in every county, village, unit (``各…成立``)."""
    return bool(re.search(r"各[^，,。；;]*?(?:成立|建立|设立|组建)[^，,。；;]*$", before))


def _canon_role(role: str) -> str:
    """The role as printed; an office's ``X办主任`` is its ``办公室主任``."""
    s = simplify(role)
    return "办公室主任" if s == "办主任" else ("办公室副主任" if s == "办副主任" else role)


class Walk:
    """Everything seats and units need from one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
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
        self._run()

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
            for m in rx.finditer(s) if _cued(rx, s) else ():
                name = strip_verbs(text[m.start("name"):m.end("name")])
                if MANY_BODIES.match(simplify(name)) or _generic_setup(s[:m.start("name")]):
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

    # -- passages

    def _run(self) -> None:
        for para in paragraphs(self.doc):
            self.passage += 1
            if para.kind == "row":
                self.pending_label = None
            if para.kind == "row":
                self._row(para)
            elif para.kind == "heading" or (HEADING.match(para.span.text) and len(para.span.text) < 40
                                            and not _label_of(para.span.text) and _is_heading(para.span.text)):
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
        mm = re.match(rf"^(?P<name>[^\W\d_]{{0,40}}?{BODY_SUFFIX})(?:[(（][^)）]*[)）])?(?:$|机构|指挥机构|组成|及其|及|职责|成员)", s)
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
        if pending and not _label_of(span.text):
            simp = span.simp
            # 三、成员单位 over 领导小组成员单位：… or 联席会议由A、B组成 — the paragraph says it itself
            own_label = re.match(rf"^[^，,。；;:：]{{0,12}}?(?:{UNIT_LABEL}|{ROLE})(?:由|包括|为|[:：])", simp)
            if not own_label and not any(rx.search(simp) for rx in (UNIT_SENTENCE, UNIT_COMPOSED, UNIT_AS)):
                span = Span(pending + ":", [span.line] * (len(pending) + 1)) + span
        lab = _label_of(span.text)
        if lab:
            self._label(span, lab)
            return
        # ``（一）综合协调组。组长由…``: a numbered paragraph opening with a body's name sets it up
        m = HEADING.match(span.text)
        if m and m.group("rest") and m.start("rest") > 0:
            head = re.match(rf"[^\W\d_]{{1,20}}?{BODY_SUFFIX}(?=[。．.：:，,])", simplify(m.group("rest")))
            if head and not _VERBS.match(head.group()):  # 一、成立X，…: the sentence sets X up
                cut = m.start("rest") + head.end()
                self._heading(span.sub(0, cut))
                span = span.sub(cut + 1, len(span.text))
        # sentence by sentence, so a body set up earlier in the paragraph is the context later
        for sent in _sentences(span):
            self._sentence(sent)

    def _sentence(self, sent: Span) -> None:
        s = sent.simp
        m2 = NAMES_AND.search(s) if _cued(NAMES_AND, s) else None
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
            for m in rx.finditer(s) if _cued(rx, s) else ():
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if _generic_setup(s[:m.start()]):
                    continue  # 各县…成立由县长任组长的…: every county's body, not one body
                role = _canon_role(sent.text[m.start("role"):m.end("role")])
                h = sent.sub(m.start("h"), m.end("h"))
                h = _trim_holder(h, cut_back=False)
                if not h.text:
                    continue
                taken.append((m.start(), m.end()))
                if not _is_post(h.text) or names_person(h.text):  # 副市长王某 / 李四副市长担任组长: a person
                    body = self._body_for_role(role, s[:m.start()], sent.line)
                    # 市政府分管副市长、秘书长李明任副召集人: a portfolio post listed beside the person
                    seats = [p for p in split_top(h, "、，,;；") if EX_OFFICIO.search(p.simp)
                             and _is_post(p.text) and not names_person(p.text)]
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
        # units
        for rx in (UNIT_SENTENCE, UNIT_COMPOSED, UNIT_AS):
            for m in rx.finditer(s) if _cued(rx, s) else ():
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
                if rx is UNIT_COMPOSED:  # 由A、B组成 says whose members only with a subject: X由A、B组成
                    body = self._named_subject(sent, m.start())
                else:
                    body = self._subject_body(s[:m.start()], sent.line)
                if body is None:
                    continue
                for a in split_agencies(sent.sub(m.start("list"), m.end("list"))):
                    self._unit(body, a)
                break

    def context(self, line: int) -> int | None:
        """The body in context; where the walk has none, the body ``find_bodies`` sets out there."""
        if self.current is not None or self.skip:
            return self.current
        covering = [m for m in body_mentions(self.doc) if m.start <= line <= m.end]
        if not covering:
            return None
        m = min(covering, key=lambda m: m.end - m.start)
        self.set_current(self.body(m.name, strong=True))
        return self.current

    def _named_subject(self, sent: Span, at: int) -> int | None:
        """The body named right before ``at`` (``督导组由…``), known or new; None if unnamed."""
        m = re.search(rf"(?:^|[，,:：])?(?P<name>[^\W\d_]{{0,40}}?{BODY_SUFFIX})$", sent.simp[:at])
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
        m = re.search(rf"(?P<name>[^\W\d_]{{2,40}}?{BODY_SUFFIX})$", before)
        if m:
            name = strip_verbs(m.group("name"))
            i = self.resolve(name)
            if i is not None:
                return i
        return self.context(line)

    def _body_for_role(self, role: str, before: str, line: int) -> int | None:
        if role.startswith("办公室") and self.top is not None:
            return self.top
        if role.startswith("办公室"):
            # 联席会议办公室设在…，办公室主任由…: the office's own body, also after its passage ended
            kinds = re.findall(r"(领导小组|领导组|指挥部|委员会|联席会议|专班)办公室", before)
            if kinds and self.resolve(kinds[-1]) is not None:
                return self.resolve(kinds[-1])
        return self._subject_body(before, line)

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
            posts = member_posts(_trim_holder(_cut_sentence(value))) if member else None
            if posts:  # 委员:A局、B局主要负责人 — a post each
                for p in posts:
                    self._seat(body, label, p)
                return
            agencies = split_agencies(_cut_sentence(value), posts_to_agencies=not member)
            if not agencies and member:
                # 成员:市财政局局长、市教育局局长 — posts, each a seat
                for p in split_posts(_trim_holder(_cut_sentence(value))):
                    self._seat(body, label, p)
                return
            for a in agencies:
                self._unit(body, a)
            return
        role = _canon_role(label)
        if names_person(raw_value):
            self.bodies[body].filled_by_person.add(simplify(role))
            return
        for p in split_posts(_trim_holder(_cut_sentence(value))):
            self._seat(body, role, p)

    def _raw_value(self, span: Span) -> str:
        """The printed first line of a label's value, whitespace kept (to spot 姓名 + 职务)."""
        value = _after_colon(self.doc.line(span.line))
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
            role = _canon_role(first) if not continued else last[3]  # type: ignore[index]
            if last is not None and last[:2] == (body, simplify(role)) and last[2] == self.passage - 1:
                self.passage -= 1  # the same role over several rows is one list
            self._last_label = (body, simplify(role), self.passage, role)
            for seg, printed in _segments(raw_cells[1:], para.span.line)[:1]:
                if _label_of(seg.text) or re.match(r"^主要职责", seg.simp):
                    continue
                if names_person(printed):  # 组长 | 张三 市长: a membership
                    self.bodies[body].filled_by_person.add(simplify(role))
                    continue
                for p in split_posts(_trim_holder(_cut_sentence(seg))):
                    self._seat(body, role, p)
            return
        if re.fullmatch(rf"[^\W\d_]{{1,20}}?{BODY_SUFFIX}", sf) and rest:
            segs = _segments(raw_cells[1:], para.span.line)
            if not any(_label_of(sg.text) for sg, _ in segs):
                return
            i = self.body(first, strong=True)
            self.bodies[i].strong.append(first)
            saved_top = self.top
            self.current = i
            for sg, printed in segs:
                self.passage += 1
                lab = _label_of(sg.text)
                if lab:
                    self._label(sg, lab, _after_colon(printed))
            self.top = saved_top
            return
        # a label inside the first cell (副组长:张三\t职务 …, 成员单位:\t市发改委、…)
        lab = _label_of(first)
        if lab and self.context(para.span.line) is not None:
            span = cells[0]
            if span.text[-1] in ":：" and rest:
                span = span + rest[0]
            self._label(span, lab)
            return
        if re.fullmatch(UNIT_LABEL, sf) and rest and self.context(para.span.line) is not None:
            for seg, _ in _segments(raw_cells[1:], para.span.line)[:1]:
                for a in split_agencies(_cut_sentence(seg)):
                    self._unit(self.current, a)

    # -- emit

    def _seat(self, body: int, role: str, post: Span) -> None:
        post = post.strip()
        if not post.text or not _is_post(post.text) or len(post.text) < 2:
            return
        if PLACEHOLDER.search(post.simp) and not re.search(r"县[(（]市", post.simp):
            return
        self.seats.append(Seat(body, role, post.text, post.line, post.end_line, self.passage))

    def _unit(self, body: int, agency: Span) -> None:
        self.units.append(Unit(body, agency.text, agency.line, agency.end_line, self.passage))

    # -- results

    def final_seats(self) -> list[Seat]:
        first: dict[tuple[str, str], int] = {}
        out, seen = [], set()
        for s in self.seats:
            key = (body_key(self.bodies[s.body].name), simplify(s.role))
            if key[1] in self.bodies[s.body].filled_by_person:
                continue
            if first.setdefault(key, s.passage) != s.passage:
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


_CN = "一二三四五六七八九十"


def heading_depth(text: str) -> int | None:
    """Outline depth of a numbered heading: 第X章 0, 一、 1, (一) 2, 2.1 2, 2.1.1 3, 1. 3, (1) 4."""
    t = text.lstrip("#").strip()
    if re.match(rf"^第[{_CN}]+章", t):
        return 0
    if re.match(rf"^[{_CN}]+、", t):
        return 1
    if re.match(rf"^[(（][{_CN}]+[)）]", t):
        return 2
    m = re.match(r"^(\d+(?:[.．]+\d+)+)", t)
    if m:
        return len(re.findall(r"\d+", m.group(1)))
    if re.match(r"^\d+[.．、]", t):
        return 3
    if re.match(r"^[(（]\d+[)）]", t):
        return 4
    if re.match(r"^\d+(?!\d)", t):
        return 1
    return None


def _is_heading(text: str) -> bool:
    """A numbered short line: a heading, unless it is a sentence (a heading that names a body may end in 。)."""
    m = HEADING.match(text)
    rest = (m.group("rest") if m else text).rstrip("。")
    return text[-1] not in "。；;" or bool(re.fullmatch(rf"[^\W\d_]{{1,40}}?{BODY_SUFFIX}", simplify(rest)))


def _segments(raw_cells: list[str], line: int) -> list[tuple[Span, str]]:
    """Segments of table cells (``<p>`` paragraphs, or runs split by wide gaps), each also
    as printed with its whitespace."""
    segs: list[tuple[Span, str]] = []
    for cell in raw_cells:
        for part in re.split(r"</p>|<br\s*/?>|\s{3,}", cell):
            sp = make_span(part, line)
            if sp.text:
                segs.append((sp, _TAGS.sub("", part).replace("**", "")))
    return segs


def _after_colon(raw: str) -> str:
    m = re.search(r"[:：]", raw)
    return raw[m.end():] if m else ""


_SENTENCE_END = re.compile(r"[。；;]")


def _sentences(span: Span) -> list[Span]:
    out, a = [], 0
    for m in _SENTENCE_END.finditer(span.text):
        out.append(span.sub(a, m.end()))
        a = m.end()
    if a < len(span.text):
        out.append(span.sub(a, len(span.text)))
    return out


def _cut_sentence(value: Span) -> Span:
    for i, c in enumerate(value.text):
        if c in "。；;":
            return value.sub(0, i)
    return value


_HOLDER_CUT = re.compile(r"(?:下设|负责(?!人|同志)|根据|主要职责|职责)")


def _trim_holder(h: Span, cut_back: bool = True) -> Span:
    """Drop trailing verbs and run-on text after the last post (``…县(市、区)长现场指挥部下设…``)."""
    s = h.simp
    m = _HOLDER_CUT.search(s)
    if m:
        h, s = h.sub(0, m.start()), s[:m.start()]
    s2 = re.sub(r"(?:[(（]兼任?[)）]|担任|兼任|出任|(?<!负责)同志)+$", "", s)  # 负责同志 is a post
    h = h.sub(0, len(s2))
    lead = re.match(r"^(?:由|为)", s2)
    if lead:
        h = h.sub(lead.end(), len(h.text))
    h = h.strip()
    s = h.simp
    if not cut_back:
        return h
    # cut back to the last post ending
    last = None
    for mm in re.finditer(_POST_ENDINGS, s):
        last = mm.end()
    if last is not None and last < len(s) and not re.search(r"[、，,和或]", s[last:]):
        h = h.sub(0, last)
    return h


@lru_cache(maxsize=8)
def walk(doc: Document) -> Walk:
    """The (cached) walk of one document, shared by the seat and unit extractors."""
    return Walk(doc)
