"""Names of bodies: the endings that make one (领导小组, 指挥部, 委员会 …) and the kind each gives, a
name cut out of the clause that prints it, and when two names are one body (市X ~ 晋城市X)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from govkg.extract.agencies import AGENCY_SUFFIX
from govkg.lexicon import entry

SUFFIXES = ("领导小组", "领导组", "工作专班", "专班", "总指挥部", "指挥部", "委员会", "联席会议", "专项办公室",
             "推进组", "评审组", "督导组", "督查组", "指导组", "检查组", "考核组", "巡查组", "工作小组", "小组", "工作组",
             "領導小組", "領導組", "工作專班", "專班", "總指揮部", "指揮部", "委員會", "聯席會議", "工作小組", "小組")


SUFFIX_RE = "|".join(SUFFIXES)


_NAME_CHARS = r"[\u4e00-\u9fff（）()“”\"\d·•]"


NAME_RE = re.compile(rf"{_NAME_CHARS}{{0,40}}?(?:{SUFFIX_RE})")


ANY_SUFFIX = re.compile(SUFFIX_RE)  # without one, NAME_RE cannot match: its lazy scan is skipped


_GROUP_RE = re.compile(r"[\u4e00-\u9fff]{1,12}组$")


_SETUP = re.compile(r"(?:决定|決定)?(?:成立|设立|設立|组建|組建|增设|增設|下设|下設|建立|组成|組成|调整|調整)(?:充实)?(?:了)?")


GENERIC = re.compile(r"相应|各县|各乡|各级|各地|各单位|各部门|县级|乡镇|乡\(镇|县\(市|县（市|村民|社区|参照|各大中型|各企业|"
                      r"视情成立现场|根据需要成立")


# names every county, township or village sets up for itself (县乡两级…, 乡镇…, 镇村…, 村级…); a township's
# own body named from its level (镇森林防灭火领导小组, 乡河长制工作领导小组) is one body, as 县X is a county's
_NOT_BODY_PREFIX = re.compile(r"^(?:县(?:[（(、]|直|级|乡两级|乡镇|区两级|市区)|乡(?:镇|级|村两级|[（(、])|镇(?:级|村|[（(、])|村|区级|"
                              r"县级|社区|居民|村民|各)")


_AGENCY_COMMITTEES = re.compile(r"(?:发展和改革|卫生健康|卫生和计划生育|民族宗教|教育|经济和信息化|住房和城乡建设|"
                                r"管理|纪律检查|人民代表大会常务|居民|村民|编制|工作|保密|国有资产监督管理|"
                                r"监察|政法|党)委员会$")


INTRO = re.compile(r"(?:组成人员如下|设置如下|组成如下|成员如下|人员组成如下|组成人员名单如下|组成人员为|组成人员进行调整|"
                    r"调整如下|組成人員如下|組成如下|成員如下)")


LIST_TITLE = re.compile(r"(?:组成人员名单|组成人员|成员名单|人员名单|名单|成员单位及职责|成员单位职责|成员单位|组成单位|组成部门|"
                         r"指挥机构及职责|机构及职责|主要职责|职责|组成)$")


SHORT_NAME = re.compile(r"[(（]以下简称[“\"]?(?P<alias>[^)）”\"]{2,15})[”\"]?[)）]")


NUMBERING = re.compile(r"^(?:附件\s*\d*\s*[:：]?\s*)?(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|"
                        r"\d+(?:\.\d+)*[、.．]?|第[一二三四五六七八九十]+[章节条部分])?\s*")


KIND_BY_SUFFIX = (("领导小组", "leading_group"), ("领导组", "leading_group"), ("指挥部", "headquarters"),
                  ("委员会", "committee"), ("联席会议", "joint_meeting"), ("专班", "task_force"),
                  ("領導小組", "leading_group"), ("領導組", "leading_group"), ("指揮部", "headquarters"),
                  ("委員會", "committee"), ("聯席會議", "joint_meeting"), ("專班", "task_force"))


def body_kind(name: str, parent: str | None = None, enumerated: bool = False) -> str:
    """The gold ``kind`` for a body name. A group under a parent is a working group, unless it ends
    like a group that stands on its own (督导组, 考核组); one a parent enumerates among its groups
    (下设综合协调组、督查考核组3个工作组) is one whatever its ending."""
    for suffix, kind in KIND_BY_SUFFIX:
        if name.endswith(suffix):
            return kind
    if name.endswith("组") and parent and (enumerated or not name.endswith(OWN_GROUPS)):
        return "working_group"
    return "other"


# a verb that takes the body as its object: 决定对X组成人员进行调整, 同意将X更名为Y (not 对口, 对台 inside a name)
OBJECT_MARKER = r"(?:决定|同意|关于|拟|并|现|特|需|要|研究)(?:将|对)"
_OBJECT = re.compile(OBJECT_MARKER)
_RENAMED = re.compile(f"(?:{entry('roles.renamed').alternation})")


def trim_name(run: str) -> str:
    """Cut a CJK run that ends in a body suffix down to the body's name: after the last set-up verb
    (成立, 调整 …), a renaming verb (更名为) or a verb with its object marker (决定对, 同意将)."""
    s = run
    for m in list(_RENAMED.finditer(s) if "为" in s else ())[-1:]:
        s = s[m.end():]
    for pat in (_OBJECT, _SETUP):
        for m in list(pat.finditer(s))[-1:]:
            s = s[m.end():]
    if "的" in s:  # 成立由市政府分管副市长任组长的X领导组
        s = s[s.rindex("的") + 1:]
    s = re.sub(r"^(?:决定|同意|负责|市政府|市人民政府|进一步|加强|的)+(?=.{4})", "", s)
    return s.strip("“”\"")


# a body's place prefix: 晋城市, 兴业县, 清新区, 恩施州, 市级, 市, 县 … (not 市场, 区域, 县域)
_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}?[市省县区州旗盟](?![场域民直级])|(?:市|县|区|州|省|旗|盟)级?(?![场域民直]))")


def place_stem(name: str) -> str:
    """A body's name without its place prefix, the one test of "the same body up to the place" that
    the body index and the composition walk share (``兴业县抗震救灾指挥部`` ~ ``县抗震救灾指挥部``)."""
    return _PLACE.sub("", name)


def topic(name: str) -> str:
    """What a body name says beyond its place prefix and generic words (``市指挥部`` -> ``''``)."""
    core = place_stem(name)
    for suffix in SUFFIXES:
        if core.endswith(suffix):
            core = core[:-len(suffix)]
            break
    return re.sub(r"^(?:工作|专项|应急)+|(?:工作|专项|应急)+$", "", core)


def good_group(name: str) -> bool:
    """A working group's name: ``综合组``, ``工程调度和技术组`` (not ``工作组`` or a county's group)."""
    return bool(_GROUP_RE.fullmatch(name)) and 3 <= len(name) <= 12 and not GENERIC.search(name) \
        and not _NOT_BODY_PREFIX.match(name) and name not in ("工作组", "小组", "专家组成") and name not in SUFFIXES


# where a body's name holds digits: a quoted event (“8·12”), an ordinal (第19届), a year (2023年), a date (8·12)
_NUMBERED_PARTS = re.compile(r"[“\"][^”\"]*[”\"]|第\d+|\d{4}年|\d{1,2}[·•]\d{1,2}")


def good_name(name: str, set_up: bool = False) -> bool:
    """A body's name. A 委员会 named like a standing agency (发展和改革委员会, 管理委员会) is an agency,
    unless the document sets it up (``set_up``: 决定成立X开发建设管理委员会)."""
    if len(name) < 4 or name in SUFFIXES or _NOT_BODY_PREFIX.match(name) or len(topic(name)) < 2:
        return False
    if re.search(r"\d", _NUMBERED_PARTS.sub("", name)):
        return False  # 9个工作组, 3号…: a count or a number, not part of a name
    if "以下简称" in name or "以下簡稱" in name:  # （以下简称县指挥部）…组成人员如下: a short name, not a body
        return False
    if name.endswith("委员会") and _AGENCY_COMMITTEES.search(name) and not set_up:
        return False
    return not re.search(r"[，,。；;:：、]", name)


def is_body_name(text: str) -> bool:
    """A body's own name (市城市规划委员会, 市河长制工作领导小组（以下简称市河长办）), not an agency's."""
    name = SHORT_NAME.sub("", text).rstrip("。.:：")
    return name.endswith(SUFFIXES) and good_name(name) and not GENERIC.search(name)


def full_name(context: str, short: str) -> str:
    """The fullest body name in ``context`` that ends like ``short`` (``领导小组`` -> ``市X领导小组``)."""
    suffix = next(sf for sf in PARENT_SUFFIXES if short.endswith(sf))
    names = [re.split(r"工作由|由|在|对", trim_name(m.group(0)))[-1] for m in NAME_RE.finditer(context)]
    names = [n for n in names if n.endswith(suffix) and good_name(n)]
    return max(names, key=len) if names else short


def same_body(a: str, b: str, loose: bool = False) -> bool:
    """``市X`` ~ ``晋城市X``; with ``loose`` also ``X建设工作领导小组`` ~ ``X工作领导小组``."""
    if a == b or place_stem(a) == place_stem(b):
        return True
    # 卢林县政务公开工作领导小组 ~ 卢林县政务公开领导小组: the generic 工作 printed or left out
    if "工作" in a + b and place_stem(a).replace("工作", "") == place_stem(b).replace("工作", ""):
        return True
    if (a.endswith(b) or b.endswith(a)) and min(len(a), len(b)) >= 5:
        return True
    if not loose:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) < 4 or len(short) / len(long_) < 0.7:
        return False
    suffix = next((s for s in SUFFIXES if long_.endswith(s)), None)
    if suffix is None or not short.endswith(suffix):
        if not (short.endswith("组") and long_.endswith("组")):
            return False
    it = iter(long_)
    return all(ch in it for ch in short)


def suffix_of(name: str) -> str | None:
    return next((sf for sf in SUFFIXES if name.endswith(sf)), None)


OWN_GROUPS = ("领导组", "领导小组", "推进组", "评审组", "督导组", "督查组", "指导组", "检查组", "考核组", "巡查组",
               "領導組", "領導小組")


PARENT_SUFFIXES = ("指挥部", "领导小组", "领导组", "委员会", "联席会议", "专班", "指揮部", "領導小組", "委員會")


@lru_cache(maxsize=1)
def office_at() -> re.Pattern[str]:
    """办公室设在X (设在 / 设于 a clause after 办公室 too), 下设办公室在X, 办公室设X, 办公室为X (lexicon
    ``roles.office_at``): the agency X, a bracketed alias kept (街道城管办(环保办))."""
    verbs = entry("roles.office_at")
    far = "|".join(w for w in verbs.words if w in ("设在", "设于"))
    return re.compile(rf"办(?:公室|事机构)(?:[^。；;\n]{{0,40}}?(?:{far})|(?P<near>{verbs.alternation}))"
                      r"(?P<a>[^,，。;；、()（）\n]+(?:[(（][^()（）\n]{1,12}[)）])?)")


def offices_at(text: str) -> Iterator[re.Match[str]]:
    """The office sentences of ``text`` (simplified) whose agency reads as one: after 在, 为 or 设 right
    after 办公室 the agency must end like an agency (办公室设主任一名 names none)."""
    for m in office_at().finditer(text):
        if not m.group("near") or AGENCY_SUFFIX.search(office_name(m.group("a"))):
            yield m


# where the agency named after 设在 ends when a sub-heading or the next sentence runs on without a stop
_OFFICE_RUN_ON = re.compile(r"(?<=[局委办厅部院府心室所站队])(?=撤销|承担|负责|作为|具体|主要|领导小组|联席会议|指挥部|办公室)")


def office_name(text: str) -> str:
    """``省民政厅撤销省未成年人保护委员会…`` → ``省民政厅``: the agency an office sentence names."""
    for m in _OFFICE_RUN_ON.finditer(text):
        if text[:m.start()].endswith("政府") and text.startswith("办公室", m.start()):
            continue  # 县政府办公室 is the agency itself
        return text[:m.start()] if m.start() >= 3 else text
    return text
