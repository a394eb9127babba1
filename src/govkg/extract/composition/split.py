"""Splitting the value of a label into posts (seats) or agencies (units): separators outside brackets,
shared prefixes and tails spread, frames rebuilt, placeholders dropped."""
from __future__ import annotations

import re

from govkg.extract.agencies import expand_prefixes, is_collective
from govkg.extract.composition.spans import Span
from govkg.extract.composition.vocab import AGENCY_END, ITEM_START, agency_core, is_agency, is_post


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



_AND = re.compile(r"以及|[和及与]")


def _split_and(item: Span) -> list[Span]:
    """Split ``A和B`` where A is already a whole post (``…局长和市…局长``), or where A is a whole
    agency and B an agency with the tail the list shares (``市商务局和静海区人民政府主要负责同志``)."""
    s = item.simp
    for m in _AND.finditer(s):
        left, right = s[:m.start()], s[m.end():]
        if (is_post(left) or is_agency(left) and POST_TAIL.match(right)) and ITEM_START.match(right):
            return [item.sub(0, m.start()), *_split_and(item.sub(m.end(), len(s)))]
    return [item]


# 省教育厅、团省委等部门、单位分管负责同志: the collective words before a shared tail go, the tail stays
_COLLECTIVE_BEFORE_TAIL = re.compile(r"等(?:有关|相关)?(?:部门|单位)(?:[、和及](?:部门|单位))*(?=(?:主要|分管|常务)?(?:负责人|负责同志|领导))")
# 分管对台工作的副书记、副县长: a frame printed once before a list of titles
_FRAME = re.compile(r"^(?P<head>.*?分管[^、，,]{1,20}?的)(?P<title>[^的]+)$")
_BARE_TITLE = re.compile(r"^(?:常务)?副?(?:书记|市长|县长|区长|州长|省长|主席|主任|秘书长|局长|部长)$")


def _drop_collective(span: Span) -> Span:
    m = _COLLECTIVE_BEFORE_TAIL.search(span.simp)
    return span.sub(0, m.start()) + span.sub(m.end(), len(span.text)) if m else span


POST_TAIL = re.compile(rf"^(?P<agency>.+?(?:委员会|中心|支队|军分区|集团|公司|政府|{AGENCY_END.pattern[:-1]}))"
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
    if not items or not is_post(items[-1].simp) or "等" in span.simp:
        return None
    posts = split_posts(span)
    return posts if len(posts) >= len(items) else None


def split_posts(span: Span) -> list[Span]:
    """The posts of a holder list: one per ``、``/``,`` item, shared frames and tails spread.

    ``A局、B局主要负责人`` → A局主要负责人, B局主要负责人;
    ``市政府分管X、Y副秘书长`` → 市政府分管X副秘书长, 市政府分管Y副秘书长. ``或`` is never split.
    """
    items: list[Span] = []
    for part in split_top(_drop_collective(span), "、，,;；"):
        items.extend(_split_and(part))
    items = _join_ranks(spread_prefixes(items))
    out: list[Span] = []
    i = 0
    while i < len(items):
        it = items[i]
        s = it.simp
        frame = _FRAME.match(s)
        if frame and is_post(s) and i + 1 < len(items) and _BARE_TITLE.match(items[i + 1].simp):
            # 分管对台工作的副书记、副县长 → 分管对台工作的副书记, 分管对台工作的副县长
            head = it.text[:frame.end("head")]
            out.append(it)
            k = i + 1
            while k < len(items) and _BARE_TITLE.match(items[k].simp):
                out.append(Span(head + items[k].text, [items[k].line] * len(head) + items[k].lines))
                k += 1
            i = k
            continue
        if is_post(s):
            out.append(it)
            i += 1
            continue
        # a run of bare agencies sharing the tail of the next post: A局、B局主要负责人
        j = i
        while j < len(items) and not is_post(items[j].simp) and AGENCY_END.search(agency_core(items[j].text)):
            j += 1
        if j > i and j < len(items):
            m = POST_TAIL.match(items[j].simp)
            # 街道城管科、街道执法队、各社区居委会主任: a placeholder's title is its own, shared by no agency
            if m and not is_collective(m.group("agency")):
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


_LEAD_IN = re.compile(r"^(?:另外|此外|同时|并且?|以及)")
_COUNT = re.compile(r"(?:等)?(?:共计|共)?[\d一二三四五六七八九十百两]+[个家][^、，,]{0,10}?(?:部门|单位)$")


def member_items(span: Span) -> list[Span]:
    """The items of a list of members that mixes posts and agencies (市政府分管副秘书长，市委宣传部、…和
    南湖区政府): split at separators and at 和/及 between two agencies, a lead-in word and a count
    (…等20个相关职能部门) dropped, a level printed once spread."""
    m = _LEAD_IN.match(span.simp)
    if m:
        span = span.sub(m.end(), len(span.text))
    m = _COUNT.search(span.simp)
    if m:
        span = span.sub(0, m.start())
    items: list[Span] = []
    for part in split_top(span, "、，,;；"):
        items.extend(split_joined_agencies(part))
    return spread_prefixes(items)


def split_joined_agencies(item: Span) -> list[Span]:
    """``市药监局和静海区人民政府`` → two agencies: split at 和/及/与 where both sides are whole agencies."""
    s = item.simp
    for m in _AND.finditer(s):
        left, right = s[:m.start()], s[m.end():]
        if is_agency(left) and (is_agency(right) or len(split_joined_agencies(item.sub(m.end(), len(s)))) > 1):
            return [item.sub(0, m.start()), *split_joined_agencies(item.sub(m.end(), len(s)))]
    return [item]


_ETC = re.compile(r"(?<=[局委办部厅心团司队区府会院所站馆处科行社署段台关网厂场室)）])等")
_AND_PLACEHOLDER = re.compile(r"(?:和|及|以及|与|and)(?=各|有关|相关|其他|当地|本地|所在地|属地|县[(（]市)")


def _printed_prefix(items: list[Span], prefix: str) -> str:
    """``prefix`` (simplified) as an item prints it: the longest head of it one of them holds, the rest as
    added (县 printed, 县委 lent to 组织部; 平原县 out of 中共平原县委宣传部)."""
    for n in range(len(prefix), 0, -1):
        for o in items:
            at = o.simp.find(prefix[:n])
            if at >= 0:
                return o.text[at:at + n] + prefix[n:]
    return prefix


def spread_prefixes(items: list[Span]) -> list[Span]:
    """A level printed once for a list (``市发展改革委、教育局`` → 市教育局): ``agencies.expand_prefixes``
    (the one mechanism), run on the simplified shadow; the prefix is copied as printed, on the line
    of the item it is added to."""
    expanded = expand_prefixes([it.simp for it in items])
    out = []
    for it, full in zip(items, expanded):
        added = len(full) - len(it.text)
        if added > 0:
            it = Span(_printed_prefix(items, full[:added]) + it.text, [it.line] * added + it.lines)
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
            items.extend(x for glued in _split_glued(part) for x in split_joined_agencies(glued))
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
