"""Posts and printed lists as the graph reads them: a position split into posts (市委常委、常务副市长),
a post into its agency and title (市财政局局长 → 市财政局, 局长), a list into agencies, placeholders left out."""
from __future__ import annotations

import re

from govkg.extract.agencies import clean_name, is_collective
from govkg.graph.names import normalize

_POST_SPLIT = re.compile(r"[、，,；;]")


# a post's title is the end of its printed form: 市统计局|局长, 市政府办公室|主任, 市委|常委
_TITLE_CORE = (
    r"(?:(?:常务|专职|主要|分管\S{0,12}?的?)?(?:副|第一)?"
    r"(?:局长|主任委员|主任|书记|部长|常委|市长|县长|区长|秘书长|负责人|支队长|大队长|队长|司令员|司令|政委|"
    r"处长|科长|院长|检察长|主席|董事长|总经理|经理|站长|所长|馆长|社长|台长|行长|调研员|巡视员|委员|组长|会长|"
    r"总监|参谋长|主任科员|领导|执行董事|董事|总编辑|总编|监事长)"
    r"|[一二三四]级(?:调研员|巡视员|主任科员)|部务委员|党组(?:副)?书记|党组成员|党委(?:副)?书记)")


_TITLE = re.compile(rf"(?:党组书记、|党委书记、)?{_TITLE_CORE}(?:或{_TITLE_CORE})?$")




def split_positions(position: str | None) -> list[str]:
    """市委常委、常务副市长 → ['市委常委', '常务副市长']."""
    return [p for p in _POST_SPLIT.split(normalize(position or "")) if p]


def parse_post(text: str) -> tuple[str | None, str]:
    """(agency as printed or None, title): 市统计局局长 → ('市统计局', '局长').

    A title with no agency before it (常务副市长) gets None; the caller decides where it
    belongs, since it knows the city.
    """
    text = normalize(text)
    m = _TITLE.search(text)
    if not m:
        return None, text
    head = text[:m.start()]
    if not head or "分管" in head or "的" in head or len(head) < 2:
        return None, text
    return head, m.group(0)


def posts_of(position: str | None) -> list[tuple[str | None, str, str]]:
    """(agency as printed or None, title, printed part) for each post of a position.

    A title printed without an agency after one with it (市应急管理局党组书记、局长) belongs to
    the same agency, unless it is a government leader's title (市委常委、常务副市长).
    """
    out: list[tuple[str | None, str, str]] = []
    last: str | None = None
    for part in split_positions(position):
        agency, title = parse_post(part)
        if agency is None and last is not None and not LEADER_TITLE.search(title) and "分管" not in title:
            agency, part = last, last + part  # the post as it would print in full
        out.append((agency, title, part))
        last = agency or last
    return out


LEADER_TITLE = re.compile(r"[省市县区州]长|秘书长|主席$")


_LIST_SEP = re.compile(r"[、，,；;]")


def split_agencies(printed: str) -> list[str]:
    """Agency names printed as one list (市审批局、市住建局) → each name; a lone name → [name].

    Separators inside brackets do not split: 各县(市、区)人民政府 stays whole.
    """
    parts, depth, start = [], 0, 0
    text = printed or ""
    for i, ch in enumerate(text):
        if ch in "(（[〔【":
            depth += 1
        elif ch in ")）]〕】":
            depth = max(0, depth - 1)
        elif depth == 0 and _LIST_SEP.match(ch):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def is_placeholder(name: str) -> bool:
    """Collective placeholders (各县(市、区)人民政府, 有关单位) that name no one agency: the extraction's
    test (lexicon ``agencies.placeholders``), so the graph drops what the extractors drop."""
    return is_collective(clean_name(normalize(name)))
