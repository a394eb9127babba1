"""Agency names in printed lists: splitting, placeholder removal, shared-prefix expansion.

Gazettes print agencies as lists (``市发展改革委、市财政局等``, ``市生态环境局,市水务局``,
``市行政审批服务管理局和各相关行政监管部门``). ``split_agencies`` turns such a list into the
specific agency names, as printed; other extractors (assignments, member units) share it.
"""
from __future__ import annotations

import re

from govkg.text.script import simplify

# Separators between list items at bracket depth 0.
_SEPARATORS = set("、,，;；/")
_OPEN, _CLOSE = "(（〔[［<〈【", ")）〕]］>〉】"

# Endings of a complete agency name: a word joined by 和/及/与 is split only after one of these,
# so 市工业和信息化局 / 市住房和城乡建设局 stay whole.
AGENCY_SUFFIX = re.compile(
    r"(?:局|委|办|厅|部|门|署|府|中心|公司|集团|会|院|所|站|段|队|行|关|处|室|社|馆|团|台|校|组|科|司|庭|区|联|协"
    r"|辦|廳|門|會|隊|關|處|館|團|組|聯|協)"
    r"(?:\([^()]*\)|（[^（）]*）)?$"
)
# Leading words of a department name printed without its level prefix (``工业和信息化局`` after
# ``市发展改革局、``): the list's first item lends its prefix to these.
_DEPARTMENT_STEMS = (
    "发展", "发改", "工业", "工信", "教育", "科技", "科学", "公安", "民政", "司法", "财政", "人力", "人社",
    "自然", "规划", "生态", "环保", "环境", "住房", "住建", "城乡", "交通", "水务", "水利", "农业", "农村",
    "商务", "文化", "文旅", "旅游", "卫生", "卫健", "退役", "应急", "审计", "国资", "市场", "统计", "医疗",
    "医保", "林业", "体育", "信访", "扶贫", "乡村", "能源", "大数据", "行政", "审批", "城市", "城管", "园林",
    "机关", "外事", "金融", "粮食", "人防", "档案", "民族", "宗教", "侨务", "编办", "文明", "宣传", "组织",
    "统战", "政法", "网信", "工商", "质监", "食品", "药品", "安监", "气象", "地震", "消防", "税务",
    "供销", "妇联", "团委", "总工会", "残联", "科协", "红十字", "广电", "新闻", "经信", "商务", "口岸",
    "畜牧", "农机", "中小企业", "国土", "物价", "政务", "数据", "营商", "住保", "房管", "招商", "投资",
    "经济", "国家安全", "公积金", "融媒", "邮政", "烟草", "机要", "保密", "接待", "直属", "广播", "公共", "防震",
    "社会", "民营", "人民防空", "信息", "国有", "卫健", "生态环境", "港口", "海洋", "渔业", "侨办", "台办", "外办",
    "警察", "城建", "建设", "民宗", "文广", "教体", "农委", "科工", "环卫", "林草", "自规", "交运",
)
# departments of the party committee: they alone take a 市委 / 县委 prefix
_PARTY_STEMS = ("宣传", "组织", "统战", "政法", "网信", "编办", "机要", "保密", "巡察", "老干部", "党史", "台办", "外办",
                "直属机关", "机关工委", "财经", "深改", "农办", "政研")
# banks and customs offices carry their own names: 农业银行晋城分行 takes no 市
_NOT_DEPARTMENT = re.compile(r"银行|銀行|支行|分行|海关|海關")
_LEVEL_PREFIX = re.compile(r"^((?:中共)?[\u4e00-\u9fff]{0,6}?(?:市委|县委|区委|省委|縣委|區委|[省市县区州旗縣區]))")

# Collective placeholders: not a specific agency.
_PLACEHOLDER = re.compile(
    r"^(?:各|有关|相关|有關|相關|其他|其它|其余|其餘|所属|所屬|属地|屬地|辖区|轄區|全市|全县|全区|全省|涉及)"
    r"|各(?:有关|相关|有關|相關)?(?:部门|单位|部門|單位|成员单位|成員單位|县|縣|乡|鄉|镇|鎮|区|區|市|级|級)"
    r"|^(?:市|县|区|省|縣|區)?直?(?:各|有关|相关|有關|相關|其他)"
    r"|(?:有关|相关|有關|相關|其他|其它)(?:部门|单位|部門|單位)$"
    r"|(?:等|等有关|等相关|等其他)(?:部门|单位|部門|單位)$"
    r"|^(?:部门|单位|部門|單位|成员单位|责任单位|牵头单位|配合单位)$"
    r"|(?:企业|主体)$"
    r"|^(?:县|縣|区|區|市)[(（][^)）]*[)）]"
    r"|^(?:县市区|县区|区县|市县|县市|市区县|縣市區|縣區|區縣)(?:人民)?政府"
)
_TRAILING = re.compile(r"(?:等有关部门|等相关部门|等部门|等单位|等有關部門|等相關部門|等部門|等單位|等)$")
_WS = re.compile(r"\s+")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__")
_JOINERS = re.compile(r"(?:以及|和|及|与|與|同)")


def clean_name(name: str) -> str:
    """An item as printed, without whitespace, markup, list numbering or a trailing 等."""
    name = _WS.sub("", _MARKUP.sub("", name))
    name = name.strip("。.:：、,，;；\"'“”‘’")
    name = _TRAILING.sub("", name)
    return name


def is_placeholder(name: str) -> bool:
    """True for collective placeholders (各县(市、区)人民政府, 有关单位, 市直各部门 …)."""
    return not name or bool(_PLACEHOLDER.search(name))


# ``各县、市、区人民政府``: the separators inside are part of one placeholder, not a list.
_COLLECTIVE_RUN = re.compile(r"各[县市区乡镇縣區鄉鎮](?:[、,，][县市区乡镇縣區鄉鎮]|市区|市區)+")


def _mask(text: str) -> str:
    """``text`` with separators that do not split a list replaced (same length, same offsets)."""
    return _COLLECTIVE_RUN.sub(lambda m: "各" + "丨" * (len(m.group()) - 1), text)


def _split_top(text: str) -> list[tuple[int, int]]:
    """Offsets of the items between separators that are not inside brackets."""
    spans, start, depth = [], 0, 0
    for i, ch in enumerate(_mask(text)):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _SEPARATORS and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _split_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``A和B`` / ``A及B`` only where A is a complete agency name."""
    item = text[start:end]
    for m in _JOINERS.finditer(item):
        left, right = _WS.sub("", item[:m.start()]), _WS.sub("", item[m.end():])
        if left and len(right) >= 2 and AGENCY_SUFFIX.search(left):
            return [(start, start + m.start()), *_split_joined(text, start + m.end(), end)]
    return [(start, end)]


def _split_spaced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``市工信局 晋城铁塔`` (two names a space apart) but not ``市 财政局`` (a spaced name)."""
    item = text[start:end]
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


def split_spans(text: str) -> list[tuple[str, int, int]]:
    """Like ``split_agencies``, with each name's ``start``/``end`` offsets in ``text``.

    Offsets point at the printed characters, so callers can map a name back to its source lines.
    Placeholders are dropped; names are not yet prefix-expanded.
    """
    out: list[tuple[str, int, int]] = []
    for a, b in _split_top(text):
        for c, d in _split_joined(text, a, b):
            for e, f in _split_spaced(text, c, d):
                e, f = _trim(text, e, f)
                name = clean_name(text[e:f])
                if not is_placeholder(name):
                    out.append((name, e, f))
    return out


# 县委办、县政府办、发改局: the party and government offices lend their bare level
_OFFICE_LEVEL = re.compile(r"^([省市县区縣區])(?:委|政府)(?:办|辦)")


def level_prefix(name: str) -> str | None:
    """The level prefix (``市``, ``晋城市``, ``市委``, ``县``) a name lends to bare department names."""
    m = _LEVEL_PREFIX.match(name)
    if m and simplify(name[m.end():]).startswith(_DEPARTMENT_STEMS):
        return m.group(1)
    m = _OFFICE_LEVEL.match(name)
    return m.group(1) if m else None


def expand_prefixes(names: list[str]) -> list[str]:
    """``市发展改革局、工业和信息化局、公安局`` → ``市发展改革局、市工业和信息化局、市公安局``: a level
    printed once lends itself to every bare department after it (traditional script too)."""
    out: list[str] = []
    prefix: str | None = None
    for name in names:
        own = level_prefix(name)
        if own:
            prefix = own
        elif prefix and simplify(name).startswith(_DEPARTMENT_STEMS) and not _NOT_DEPARTMENT.search(name):
            # 市委宣传部、市委统战部、发展改革委: a government department takes 市, not 市委
            party = prefix.endswith("委") and simplify(name).startswith(_PARTY_STEMS)
            name = (prefix if party or not prefix.endswith("委") else prefix[:-1]) + name
        out.append(name)
    return out


def split_agencies(text: str) -> list[str]:
    """Split a printed list of agencies into specific agency names, in printed order.

    Separators ``、,，;；`` and ``和/及/与`` (only after a complete name) split items; collective
    placeholders are dropped; a trailing ``等`` is removed; bare department names take the level
    prefix of the item before them; parentheticals such as ``市规划和自然资源局(林业)`` are kept.
    """
    return expand_prefixes([name for name, _, _ in split_spans(_MARKUP.sub("", text))])
