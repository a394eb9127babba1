"""Agency names in printed lists: splitting, placeholder removal, shared-prefix expansion.

Gazettes print agencies as lists (``市发展改革委、市财政局等``, ``市生态环境局,市水务局``,
``市行政审批服务管理局和各相关行政监管部门``). ``split_agencies`` turns such a list into the
specific agency names, as printed; other extractors (assignments, member units) share it.
"""
from __future__ import annotations

import re

from govkg.lexicon import entry
from govkg.lexicon.places import place_prefix
from govkg.text.script import simplify

# Separators between list items at bracket depth 0.
_SEPARATORS = set("、,，;；/")
_OPEN, _CLOSE = "(（〔[［<〈【", ")）〕]］>〉】"

# Endings of a complete agency name, with an optional bracketed alias (县发改局(粮食局)); read on the
# simplified shadow (``simplify`` first).
AGENCY_SUFFIX = re.compile(rf"(?:{entry('agencies.endings').alternation})(?:\([^()]*\)|（[^（）]*）)?$")
_DEPARTMENT = entry("agencies.department_stems")
_DEPARTMENT_END = entry("agencies.department_endings").regex
# a name that carries a level or a scope of its own (团市委, 高新区管委, 国家统计局) lends and takes none
_OWN_SCOPE = re.compile(r"[省市县区州盟旗乡镇]|中共|国家|中国|全国|[0-9０-９]")
_PARTY = entry("agencies.party_stems")
_OWN_NAME = entry("agencies.own_name")
_PLACEHOLDER = entry("agencies.placeholders")
_NOT_AGENCY_CUE = entry("agencies.not_agency_cues")
_LEVEL_PREFIX = re.compile(r"^((?:中共)?[\u4e00-\u9fff]{0,6}?(?:市委|县委|区委|省委|[省市县区州旗]))")
_TRAILING = entry("agencies.list_tail").regex
_WS = re.compile(r"\s+")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__")
_JOINERS = re.compile(r"(?:以及|会同|和|及|与|同)")


def clean_name(name: str) -> str:
    """An item as printed, without whitespace, markup, list numbering or a trailing 等."""
    name = _WS.sub("", _MARKUP.sub("", name))
    name = name.strip("。.:：、,，;；\"'“”‘’")
    cut = _TRAILING.search(simplify(name))
    return name[:cut.start()] if cut else name


def is_placeholder(name: str) -> bool:
    """True for collective placeholders (各县(市、区)人民政府, 有关单位, 市直各部门 …): the lexicon's
    ``agencies.placeholders``, on the simplified shadow."""
    return not name or _PLACEHOLDER.test(simplify(name))


def is_collective(name: str) -> bool:
    """A placeholder, or an item a cue word makes no agency (``邀请市人大代表``); simplified or printed."""
    return is_placeholder(name) or _NOT_AGENCY_CUE.test(simplify(name))


# ``各县、市、区人民政府``, ``相关市、县政府``: the separators inside are part of one placeholder, not a list
# (also where a line wrap cuts it: ``相`` / ``关市、县政府``).
_COLLECTIVE_RUN = re.compile(r"(?:各|有\s*关|相\s*关)\s*[县市区州乡镇旗](?:\s*[、,，]\s*[县市区州乡镇旗]|\s*市\s*区)+")


def _mask(text: str) -> str:
    """``text`` (simplified) with separators that do not split a list replaced (same length, same offsets)."""
    return _COLLECTIVE_RUN.sub(lambda m: m.group()[:2] + "丨" * (len(m.group()) - 2), text)


def _split_top(text: str) -> list[tuple[int, int]]:
    """Offsets of the items between separators that are not inside brackets."""
    spans, start, depth = [], 0, 0
    for i, ch in enumerate(_mask(simplify(text))):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _SEPARATORS and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _depth(text: str, i: int) -> int:
    """How many brackets are open at ``text[i]``."""
    depth = 0
    for ch in text[:i]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth


def _split_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``A和B`` / ``A及B`` only where A is a complete agency name."""
    item = simplify(text[start:end])
    for m in _JOINERS.finditer(item):
        if _depth(item, m.start()):
            continue  # 市财政局(协同责任): inside a bracket nothing is joined
        left, right = _WS.sub("", item[:m.start()]), _WS.sub("", item[m.end():])
        if left and len(right) >= 2 and AGENCY_SUFFIX.search(left):
            return [(start, start + m.start()), *_split_joined(text, start + m.end(), end)]
    return [(start, end)]


def _split_spaced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``市工信局 晋城铁塔`` (two names a space apart) but not ``市 财政局`` (a spaced name)."""
    item = simplify(text[start:end])
    for m in re.finditer(r"[ \t\u3000]+", item):
        left, right = _WS.sub("", item[:m.start()]), _WS.sub("", item[m.end():])
        if len(left) >= 3 and len(right) >= 2 and AGENCY_SUFFIX.search(left):
            return [(start, start + m.start()), *_split_spaced(text, start + m.end(), end)]
    return [(start, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start..end`` past whitespace, markup and punctuation at both ends."""
    junk = set(" \t\r\n\u3000*_。.:：、,，;；\"'“”‘’")
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


# ``哈尔滨、黑河、绥芬河市政府``: bare places before a name whose level and ending they share
_BARE_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_PLACE_AND_TAIL = re.compile(r"[\u4e00-\u9fff]{2,4}?(?=[市县区州旗盟][\u4e00-\u9fff]{1,8}$)")


def _bare_place(simp: str) -> bool:
    """A place name alone in a list (黑河, 东城), not a department abbreviation (发改, 工信)."""
    return bool(_BARE_PLACE.fullmatch(simp)) and not AGENCY_SUFFIX.search(simp) and not _DEPARTMENT.test(simp)


def _distribute_suffixes(items: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Bare place names printed before a name of the same kind take its level and ending
    (``东城、西城区教育局`` → 东城区教育局, 西城区教育局): they name no agency alone."""
    out = list(items)
    for k in range(len(out) - 1, 0, -1):
        name = simplify(out[k][0])
        m = _PLACE_AND_TAIL.match(name)
        if not m or not AGENCY_SUFFIX.search(name):
            continue
        tail = out[k][0][m.end():]
        j = k - 1
        while j >= 0 and _bare_place(simplify(out[j][0])):
            bare, a, b = out[j]
            out[j] = (bare + tail, a, b)
            j -= 1
    # ``涪城区、游仙区、安州区政府``: places printed with their level before one whose government they share
    for k in range(len(out) - 1, 0, -1):
        m = _LEVEL_AND_GOVERNMENT.match(simplify(out[k][0]))
        if not m:
            continue
        tail = out[k][0][m.end("place"):]
        j = k - 1
        while j >= 0 and (p := _PLACE_WITH_LEVEL.fullmatch(simplify(out[j][0]))) and p.group("level") == m.group("level"):
            bare, a, b = out[j]
            out[j] = (bare + tail, a, b)
            j -= 1
    return out


_LEVEL_AND_GOVERNMENT = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,4}?(?P<level>[县区旗]))(?:人民政府|政府|管委会|管理委员会)$")
_PLACE_WITH_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,4}?(?P<level>[县区旗])")


def split_spans(text: str) -> list[tuple[str, int, int]]:
    """Like ``split_agencies``, with each name's ``start``/``end`` offsets in ``text``.

    Offsets point at the printed characters, so callers can map a name back to its source lines.
    Placeholders are dropped; shared endings are distributed (``哈尔滨、黑河市政府``); names are not
    yet prefix-expanded.
    """
    out: list[tuple[str, int, int]] = []
    for a, b in _split_top(text):
        for c, d in _split_joined(text, a, b):
            for e, f in _split_spaced(text, c, d):
                e, f = _trim(text, e, f)
                name = clean_name(text[e:f])
                if not is_placeholder(name):
                    out.append((name, e, f))
    return _distribute_suffixes(out)


_PARTY_LEVEL = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{0,6}?(?:省委|市委|州委|县委|区委|旗委|盟委)(?=[\u4e00-\u9fff]{2})")
# 县委办、县政府办、发改局: the party and government offices lend their bare level
_OFFICE_LEVEL = re.compile(r"^([省市县区])(?:委|政府)办")


def is_bare_department(name: str) -> bool:
    """A department printed without its level (``财政局``, ``农牧局``, ``政务服务中心``; simplified): a stem
    of the lexicon's ``department_stems``, or by rule a short name ending like a department with no
    level, place or scope of its own (not ``哈尔滨铁路局``, ``团市委``, ``农业银行晋城分行``)."""
    if _OWN_NAME.test(name):
        return False
    if _DEPARTMENT.test(name):
        return True
    end = _DEPARTMENT_END.search(name)
    return bool(end) and 2 <= end.start() <= 6 and not _OWN_SCOPE.search(name) and place_prefix(name) is None


def level_prefix(name: str) -> str | None:
    """The level prefix (``市``, ``晋城市``, ``市委``, ``县``) a name lends to bare department names,
    as printed."""
    simp = simplify(name)
    m = None if _DEPARTMENT.test(simp) else _LEVEL_PREFIX.match(simp)  # 市场监管局 is bare: no 市 + 场监管局
    if m:
        rest, lead = simp[m.end():], re.sub(r"^中共|(?:市委|县委|区委|省委|[省市县区州旗])$", "", m.group(1))
        # 城市管理局 is no 城 + 市: a prefix longer than its level is a place the lexicon knows, or the
        # department after it must be one of the stems
        if _DEPARTMENT.test(rest) and not _OWN_NAME.test(rest) or (not lead or place_prefix(m.group(1))) \
                and is_bare_department(rest):
            return name[:m.end()]
    m = _OFFICE_LEVEL.match(simp)
    if m:
        return name[:m.end(1)]
    # 县委督查室, 县委办公室: a name that opens with the party committee lends it, whatever its office
    m = _PARTY_LEVEL.match(simp)
    return name[:m.end()] if m and AGENCY_SUFFIX.search(simp[m.end():]) else None


def expand_prefixes(names: list[str]) -> list[str]:
    """``市发展改革局、工业和信息化局、公安局`` → ``市发展改革局、市工业和信息化局、市公安局``: a level
    printed once lends itself to every bare department after it (traditional script too)."""
    out: list[str] = []
    prefix: str | None = None
    for name in names:
        own = level_prefix(name)
        simp = simplify(name)
        if own:
            prefix = own
        elif prefix and is_bare_department(simp):
            out.append(_prefixed(prefix, name, simp))
            continue
        out.append(name)
    return out


def _prefixed(prefix: str, name: str, simp: str) -> str:
    """``name`` with the level ``prefix`` lent by a name before it, by the kind of department it is:
    a party department (``agencies.party_stems``) takes the party committee (县委督查室、组织部 → 县委组织部),
    a government one the level alone (市委宣传部、发展改革委 → 市发展改革委; 中共平原县委宣传部、财政局 →
    平原县财政局). A party department named 部 (组织部, 宣传部, 统战部) belongs to the committee, never to
    the government: after a level alone (县政府办、组织部) it takes the committee too (县委组织部); others
    print either way (县编办, 县台办) and take the level as printed."""
    party_prefix = simplify(prefix).endswith("委")
    party = _PARTY.test(simp)
    if party and party_prefix:
        return prefix + name
    if party_prefix:
        level = prefix[:-1]
        return (level[2:] if simplify(level).startswith("中共") else level) + name
    if party and simp.endswith("部") and re.search(r"[省市州县区旗盟]$", simplify(prefix)):
        return prefix + "委" + name
    return prefix + name


def split_agencies(text: str) -> list[str]:
    """Split a printed list of agencies into specific agency names, in printed order.

    Separators ``、,，;；`` and ``和/及/与`` (only after a complete name) split items; collective
    placeholders are dropped; a trailing ``等`` is removed; bare department names take the level
    prefix of the item before them; parentheticals such as ``市规划和自然资源局(林业)`` are kept.
    """
    return expand_prefixes([name for name, _, _ in split_spans(_MARKUP.sub("", text))])
