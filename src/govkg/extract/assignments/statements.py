"""Responsibility statements: a bracket or labelled clause read into agencies and the role each is
given — by a label (``责任单位:``), by the role word closing a run of agencies (``A、B牵头,C配合``), or by
a role in brackets after a name (``市发展改革委(牵头)``) — and the "first listed leads" rule."""
from __future__ import annotations

import re

from govkg.extract.agencies import AGENCY_SUFFIX, clean_name, expand_prefixes, is_placeholder, split_spans
from govkg.extract.assignments.text import Mention

LEAD, RESP, COOP = "牵头", "责任", "配合"


# ``责任单位:`` and its kin; traditional forms are accepted as printed.
LABEL = re.compile(
    r"【?\s*(?P<label>(?:主要)?(?:责任|責任|牵头|牽頭|配合|协办|協辦|主办|主辦|参与|參與|主责|主責)"
    r"(?:单位|單位|部门|部門|处室|處室)?)\s*(?:】\s*[:：]?|[:：])"
)


# any other ``word:`` (完成时限:, 工作要求:) ends a labelled list
_OTHER_LABEL = re.compile(r"(?<=[,，;；\s])[\u4e00-\u9fff]{2,8}[:：]")


_LABEL_ROLE = {"责任": RESP, "責任": RESP, "主责": RESP, "主責": RESP, "牵头": LEAD, "牽頭": LEAD, "主办": LEAD, "主辦": LEAD,
               "配合": COOP, "协办": COOP, "協辦": COOP, "参与": COOP, "參與": COOP}


HEADER = re.compile(r"^(?:主要)?(?:责任|責任|牵头|牽頭|配合|协办|協辦|主办|主辦|参与|參與)(?:单位|單位|部门|部門)(?:[(（][^)）]{0,8}[)）])?$")


# What may follow an agency name inside a responsibility statement; it sets the role.
TAIL = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位|部門|單位)?)?"
    r"(?:按照?|根据|依|依据|按照各自)?(?:职责|職責|职能|分工|属地)?(?:分工|分别|分別)?(?:共同|具体|具體)?"
    r"(?:牵头|牽頭|负责|負責|配合|协助|協助|协同|協同|参与|參與|落实|落實|建设管理|承担|承擔|主责|负总责|負總責|主办|主辦|协办|協辦)"
)


# what may follow the role word: ``负责具体落实``, ``牵头负责``, ``负责实施``
_TAIL_REST = re.compile(r"(?:(?:具体|具體|分别|分別|共同|组织|組織)?(?:落实|落實|实施|實施|推进|推進|负责|負責|配合|工作))*[。.]?$")


_LEAD_WORD = re.compile(r"牵头|牽頭|主办|主辦")


_COOP_WORD = re.compile(r"配合|协助|協助|协同|協同|参与|參與|协办|協辦")


_RESP_WORD = re.compile(r"负责|負責|落实|落實|承担|承擔|主责|建设管理|责任|責任")


# ``排第一位的为牵头单位``, ``列第一位者为牵头单位``, ``列在任务分工首位的为牵头单位``
FIRST_IS_LEAD = re.compile(r"(?:排|列|位)[^,，。;；)）]{0,10}?(?:第一位|首位|第一)[^,，。;；)）]{0,6}?(?:牵头|牽頭)")


OPENERS, CLOSERS = "(（〔[［【", ")）〕]］】"


_MAX_GROUP = 600  # characters: a bracket that does not close within this is not a statement


_OPENER = re.compile("[" + re.escape(OPENERS) + "]")


_BRACKET = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")


_PROSE = re.compile(r"[的由对将要在把从向于了是對將從於“”《》\"]|^[按经请如經請]|\d")


NUMBERING = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|"
    r"\d+(?:\.\d+)*[、.．](?!\d)|第[一二三四五六七八九十百\d]+[条项])\s*"
)


HEADING = re.compile(r"^\s*(?:#+\s|\*\*|[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、|\d+[、.．](?!\d))")


MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|#+\s*")


BARE_HEADING = re.compile(r"^\s*#+\s")


TASK_MAX = 30


def looks_like_agency(name: str, labelled: bool = False) -> bool:
    """A plausible agency name: short, no prose words, an agency ending unless a label vouches for it."""
    if not 2 <= len(name) <= 30 or _PROSE.search(name):
        return False
    return labelled or bool(AGENCY_SUFFIX.search(name))


def _role_of(tail: str) -> str:
    """The role a phrase sets: its first role word decides (``牵头负责`` leads, ``负责配合`` is 责任)."""
    lead, coop, resp = (_LEAD_WORD.search(tail), _COOP_WORD.search(tail), _RESP_WORD.search(tail))
    found = [(m.start(), role) for m, role in ((lead, LEAD), (coop, COOP), (resp, RESP)) if m]
    return min(found)[1] if found else RESP


def _split_tail(segment: str) -> tuple[int, str | None]:
    """Where the agency part of ``segment`` ends, and the role its tail sets (None without a tail).

    The tail starts right after a complete agency name (``市园林绿化服务中心建设管理``); failing
    that, a role phrase that ends the segment is the tail (``侯马车务段参与``)."""
    last = None
    for m in TAIL.finditer(segment):
        head = segment[:m.start()].rstrip()
        if not _TAIL_REST.match(segment, m.end()):
            continue
        if head and (AGENCY_SUFFIX.search(head) or head.endswith(("等", "府")) or is_placeholder(clean_name(head))):
            return m.start(), _role_of(segment[m.start():])
        last = m
    if last is not None and last.start() > 0 and _TAIL_REST.match(segment, last.end()):
        return last.start(), _role_of(segment[last.start():])
    return len(segment), None


def _split_top_level(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` between ``separators`` that stand outside any bracket."""
    out, depth, a = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS + "<〈":
            depth += 1
        elif ch in CLOSERS + ">〉" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            out.append((a, i))
            a = i + 1
    out.append((a, end))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at top-level clause ends (。;；) and labels."""
    # a label starts a clause of its own: ``牵头单位:A 配合单位:B``
    result = []
    for a, b in _split_top_level(text, start, end, "。;；"):
        cuts = [m.start() for m in LABEL.finditer(text, a, b)]
        cuts += [m.start() for m in _OTHER_LABEL.finditer(text, a, b)]
        cuts.sort()
        bounds = [a, *[c for c in cuts if c > a], b]
        result.extend(zip(bounds, bounds[1:]))
    return result


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level comma pieces of a clause (bracketed parts stay whole)."""
    return _split_top_level(text, start, end, ",，")


def parse_statement(text: str, start: int, end: int, labelled: bool = False) -> list[Mention]:
    """Agencies and roles of one responsibility statement ``text[start:end]``.

    Roles come from a label (``责任单位:``) or from the word that closes a run of agencies
    (``A、B牵头,C配合``); agencies with neither are not assignments.
    """
    mentions: list[Mention] = []
    for c0, c1 in _clauses(text, start, end):
        if FIRST_IS_LEAD.search(re.sub(r"\s", "", text[c0:c1])):
            continue  # the rule itself, not a statement
        label_role: str | None = None
        m = LABEL.match(text, c0) or LABEL.match(text, _skip_space(text, c0, c1))
        if m:
            label_role = role_of_label(m.group("label"))
            c0 = m.end()
        pending: list[tuple[str, int, int]] = []
        for s0, s1 in _segments(text, c0, c1):
            s0 = _skip_space(text, s0, s1)
            if text.startswith("由", s0):  # ``(由市财政局牵头,…)``
                s0 += 1
            seg = text[s0:s1]
            keep = [k for k, ch in enumerate(seg) if not ch.isspace()]  # tails may wrap across lines
            cut, role = _split_tail("".join(seg[k] for k in keep))
            cut = keep[cut] if cut < len(keep) else len(seg)
            names = [(n, s0 + a, s0 + b) for n, a, b in split_spans(seg[:cut])]
            vouched = labelled or label_role is not None
            names = [x for x in names if looks_like_agency(x[0], vouched)]
            pending.extend(names)
            if role is not None:
                mentions.extend(mention(n, a, b, role) for n, a, b in pending)
                pending = []
        if label_role is not None:
            mentions.extend(mention(n, a, b, label_role) for n, a, b in pending)
    return expanded(mentions)


def role_of_label(label: str) -> str:
    """``主要责任单位`` → 责任, ``牽頭單位`` → 牵头."""
    label = label.removeprefix("主要")
    return _LABEL_ROLE[label[:2]]


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a] in " \t\r\n\u3000*":
        a += 1
    return a


_INLINE_ROLE = re.compile(r"^(?P<name>.+?)[(（][^()（）]{0,8}?(?P<role>牵头|牽頭|主办|主辦|配合|协办|協辦|负责|負責|责任|責任)"
                          r"[^()（）]{0,6}[)）]$")


def mention(name: str, start: int, end: int, role: str) -> Mention:
    """A mention; a role printed after the name (``市发展改革委(牵头)``) overrides the statement's."""
    m = _INLINE_ROLE.match(name)
    if m:
        name, role = m.group("name"), _role_of(m.group("role"))
    return Mention(name, start, end, role, role == LEAD)


def expanded(mentions: list[Mention]) -> list[Mention]:
    """Bare department names take the level prefix of the statement's earlier names."""
    names = expand_prefixes([m.name for m in mentions])
    return [Mention(n, m.start, m.end, m.role, m.explicit_lead) for n, m in zip(names, mentions)]


def apply_first_is_lead(mentions: list[Mention]) -> list[Mention]:
    """Under a ``排第一位的为牵头单位`` rule the first agency of a statement leads, unless one is named lead."""
    if not mentions or any(m.explicit_lead for m in mentions):
        return mentions
    first = mentions[0]
    return [Mention(first.name, first.start, first.end, LEAD, True), *mentions[1:]]


def bracket_groups(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Content offsets of the outermost bracket pairs in ``text[start:end]`` (any of
    ( （ 〔 [ ［ 【, closed by any closer)."""
    groups, i, n = [], start, len(text) if end is None else end
    # jump from bracket to bracket with the regex engine rather than walking every character
    while (m := _OPENER.search(text, i, n)) is not None:
        i = m.start()
        depth, close = 0, None
        for b in _BRACKET.finditer(text, i, min(n, i + _MAX_GROUP)):
            depth += 1 if b.group() in OPENERS else -1
            if depth == 0:
                close = b.start()
                break
        if close is not None:
            groups.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return groups


def bare_list_closing_task(text: str, a: int, b: int) -> bool:
    """``…。(市发展改革委、市财政局)``: a bracket of agency names only, right after a sentence."""
    before = text[max(0, a - 3):a - 1].rstrip()
    if not before.endswith(("。", ";", "；")):
        return False
    names = split_spans(text[a:b])
    return bool(names) and all(looks_like_agency(n) for n, _, _ in names)


def is_statement(content: str) -> bool:
    content = re.sub(r"\s", "", content)
    return bool(LABEL.search(content) or TAIL.search(content))
