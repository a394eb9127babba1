"""A label's value: a person (a membership, left to ``govkg.extract.people``) or posts (seats), and
the value cut to what it holds (trailing verbs, duty text, the next sentence)."""
from __future__ import annotations

import re

from govkg.extract.composition.spans import TAGS, Span, clean, make_span
from govkg.extract.composition.vocab import ITEM_START, PERSON_VALUE, POST_END, POST_ENDINGS, is_agency
from govkg.extract.people.glued import split_glued
from govkg.extract.people.groups import only_people, people
from govkg.extract.people.names import (
    is_person_name,
    post_complete,
    post_start_score,
    split_name_post,
    split_names,
    split_post_name,
)
from govkg.text.script import simplify

# a place whose name a glued-name reading would take for a person (高新区管委会主任 is no 高新)
_PLACE_HEAD = re.compile(r"^[^\W\d_]{0,4}?(?:高新区|开发区|经开区|新区|园区|示范区|试验区|管委会)")


_GLUED_POST_START = re.compile(r"^(?:省|市|县|区|州|盟|旗|副|常务|中共|党组|[^\W\d_]{2}[省市县])")


def _glued_people(raw_value: str) -> bool:
    """People printed without breaks (``钱宏达国土资源部部长孙志远国务院副秘书长``), or one person glued to a post
    that surely opens so (a level, a rank, a portfolio, a place: ``冯海涛统计局局长``); a post alone
    (``统计局局长``) comes apart into no person."""
    text = clean(TAGS.sub("", raw_value).replace("**", ""))
    glued = split_glued(text) if text and len(text) >= 5 else ()
    return len(glued) >= 2 or len(glued) == 1 and post_start_score(simplify(glued[0][1])) >= 2


def lists_people(text: str) -> bool:
    """A list of people with their posts (``市发展改革委副主任孙志刚、省公安厅副厅长钱立新``): memberships the
    people readers take, no agencies or posts of member units or seats."""
    ppl = people(simplify(text))
    return bool(ppl) and only_people(simplify(text), ppl, slack=0)


def names_person(raw_value: str) -> bool:
    """A value that names a person (a membership), not ``单位  单位`` or a post: ``姓名 职务``,
    ``刘惠祥（市委常委、常务副市长）``, a glued ``王晓东市政府副市长``, ``卢焱群、龙福清``."""
    served = re.fullmatch(r"\s*由(?P<who>.+?)(?:同志)?(?:担任|兼任|出任)[。；;]?\s*", raw_value)
    if served and split_post_name(served.group("who")):
        return True  # 组长：由中国残联主席张海迪担任
    if _glued_people(raw_value):
        return True
    m = PERSON_VALUE.match(raw_value)
    if m:
        name = simplify(clean(m.group("name")))
        if not (is_agency(name) or POST_END.search(name) or ITEM_START.match(name) and len(name) > 3):
            return True
    text = TAGS.sub("", raw_value).replace("**", "").strip()
    if not text or _PLACE_HEAD.match(simplify(clean(text))):
        return False
    named = re.fullmatch(r"(?P<name>[^\W\d_]{2,4})[，,](?P<post>[^，,。；;]{2,40})[。；;]?", simplify(clean(text)))
    if named and is_person_name(named.group("name")) and post_complete(named.group("post")) \
            and _GLUED_POST_START.match(named.group("post")):
        return True  # 黄金库，固原市人民政府秘书长: a name and a whole post, though the name ends like an agency
    first = split_name_post(re.split(r"[、，,；;]", text)[0])
    if first and first[1] and simplify(clean(text)).startswith(simplify(first[1])) and is_agency(first[1]):
        return True  # 县公安局（陈晓东）、…: people who sit for their agencies, no units
    items = [clean(x) for x in re.split(r"[、，,；;\s]+", re.sub(r"[（(][^（）()]*[）)]", "", text)) if x][:2]
    if len(items) == 2 and all(is_agency(x) for x in items):
        return False  # 晋城军分区、市应急管理局…: a list of agencies, though 晋城 reads like a name
    # 郭宁宁（副省长）　李建成（副省长） and 张华、王强（副市长）: the first of several names
    for part in (text, text.split()[0], re.split(r"[、，,]", text)[0]):
        got = split_name_post(part)
        if got and not POST_END.search(simplify(got[0])) and not is_agency(got[0]):
            # a post glued to the name starts with a level or rank (区规划和自然资源局局长 names no 区规划)
            after = re.sub(r"^同志", "", simplify(clean(part))[len(got[0]):])  # 张建国同志（县长）
            if not after or after[0] in "（(" or _GLUED_POST_START.match(after):
                return True
            # a post printed apart from the name (巴音毕力格 政府副旗长) is no glued reading
            if re.match(r"\s*" + r"\s?".join(map(re.escape, got[0])) + r"\s+\S", part):
                return True
    tokens = text.split()
    if len(tokens) >= 2 and is_person_name(tokens[-1]) and post_complete("".join(tokens[:-1])):
        return True  # 区委副书记、区长　冯志刚: a whole post, then the name apart
    post_first = split_post_name(re.split(r"[、，,；;]", text)[0]) or split_post_name(clean(text))
    return bool(split_names(text) or post_first and post_first[1])


def cell_segments(raw_cells: list[str], line: int) -> list[tuple[Span, str]]:
    """Segments of table cells (``<p>`` paragraphs, or runs split by wide gaps), each also
    as printed with its whitespace."""
    segs: list[tuple[Span, str]] = []
    for cell in raw_cells:
        for part in re.split(r"</p>|<br\s*/?>|\s{3,}", cell):
            sp = make_span(part, line)
            if sp.text:
                segs.append((sp, TAGS.sub("", part).replace("**", "")))
    return segs


def after_colon(raw: str) -> str:
    m = re.search(r"[:：]", raw)
    return raw[m.end():] if m else ""


_SENTENCE_END = re.compile(r"[。；;]")


def sentences(span: Span) -> list[Span]:
    out, a = [], 0
    for m in _SENTENCE_END.finditer(span.text):
        out.append(span.sub(a, m.end()))
        a = m.end()
    if a < len(span.text):
        out.append(span.sub(a, len(span.text)))
    return out


def cut_sentence(value: Span) -> Span:
    for i, c in enumerate(value.text):
        if c in "。；;":
            return value.sub(0, i)
    return value


def cut_list(value: Span) -> Span:
    """A list's value up to its end: a 。, or a ；that ends the list rather than one group of it
    (``市应急局，市公安局；市住建局，市教育局`` is one list in two groups)."""
    for i, c in enumerate(value.text):
        if c == "。":
            return value.sub(0, i)
        if c in "；;":
            rest = value.simp[i + 1:].lstrip()
            group = re.split(r"[；;。]", rest, maxsplit=1)[0]
            if not (ITEM_START.match(rest) and not re.search(r"[:：]", group) and len(group) <= 120):
                return value.sub(0, i)
    return value


_HOLDER_CUT = re.compile(r"(?:下设|负责(?!人|同志)|根据|主要职责|职责)")


def trim_holder(h: Span, cut_back: bool = True) -> Span:
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
    for mm in re.finditer(POST_ENDINGS, s):
        last = mm.end()
    if last is not None and last < len(s) and not re.search(r"[、，,和或]", s[last:]):
        h = h.sub(0, last)
    return h
