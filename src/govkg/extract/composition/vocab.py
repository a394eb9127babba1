"""The walk's vocabulary (simplified script): role and unit labels, body, post and agency endings,
placeholders, and the sentence shapes that set out a composition (``组长由…担任``, ``成员单位包括…``)."""
from __future__ import annotations

import re

from govkg.extract.agencies import is_collective
from govkg.extract.bodies.names import OBJECT_MARKER
from govkg.lexicon import entry
from govkg.text.script import simplify

ROLE = f"(?:{entry('roles.leaders').alternation})"
UNIT_LABEL = r"(?:成员单位|组成单位|参加单位|成员|委员)"
MEMBER_LABEL = r"(?:成员|委员)"   # lists agencies (units) or posts (seats)
BODY_SUFFIX = (r"(?:领导小组|领导组|工作组|指挥部|委员会|联席会议|工作专班|专班|协调小组|小组|推进组|评审组"
               r"|专项办公室|会商组|[^\W\d_、，,。；：:]组)")
# a post ends like this (市长, 主要负责人, 分管领导, 政委 …)
POST_ENDINGS = r"(?:长官|长|负责人|负责同志|领导|主任|书记|司令员|司令|政委|委员|主席|经理|专员|成员)"
POST_END = re.compile(POST_ENDINGS + "$")
# an agency ends like this (局, 委, 办, 中心, 公司, 支队, 政府 …), brackets stripped first
# the agency endings of the lists (lexicon agencies.endings) and the loose ones, less those that end
# collective words among members (部门, 工作组); 行 only as a bank's (银行, 分行, 支行, 人行), not a verb's (进行, 执行)
AGENCY_END = re.compile("(?:" + "|".join("[银分支人]行" if w == "行" else w
                                         for w in (*entry("agencies.endings").words, *entry("agencies.loose_endings").words)
                                         if w not in ("门", "组", "庭")) + ")$")
BODY_PART = re.compile(r"指挥部|领导小组|工作组|专班|联席会议|应急队伍|救援队伍")
LEVEL_PREFIX = re.compile(r"^(?:市|省|中共|中国|国网|国家|武警)")
# (a place's name before 省市县区, not a word that governs one: 由市…, 在县…)
ITEM_START = re.compile(r"^(?:市|省|县|区|中共|中国|国网|国家|武警|军分区|分管|(?![由在为对向从经据按将把和及与])[^\W\d_]{1,3}[省市县区])")
TERMINAL = "。！？；;：:"
GENERIC_BODY = re.compile(rf"^(?:市|县|区|该|本|前线|现场)?{BODY_SUFFIX}$")


def is_post(text: str) -> bool:
    """Ends like a post (a trailing bracketed note such as ``(兼)`` or ``(协助分管…)`` aside)."""
    return bool(POST_END.search(agency_core(text)))


def agency_core(text: str) -> str:
    return re.sub(r"[(（][^()（）]*[)）]$", "", simplify(text))


def is_agency(text: str) -> bool:
    """An agency name: agency ending, not a placeholder, not a post."""
    core = agency_core(text)
    return (3 <= len(core) <= 30 and bool(AGENCY_END.search(core)) and not is_collective(text)
            and not BODY_PART.search(core)
            and not POST_END.search(core))


# a character of a body's name, or a place in brackets inside it (中日（天津）健康产业…联席会议,
# 中国（河南）自由贸易试验区工作领导小组): what a name ends with is BODY_SUFFIX, never a bracket
NAME_CHAR = r"(?:[^\W\d_]|[(（][^\W\d_]{1,10}[)）])"
ESTABLISH = re.compile(rf"(?:成立|设立|组建|建立|增设|下设|设置)(?:了)?(?:由[^，,。；]*?的)?"
                       rf"(?P<name>{NAME_CHAR}{{2,40}}?{BODY_SUFFIX})(?:制度|机制)?(?![、\w])")
ABBR = re.compile(rf"(?P<name>{NAME_CHAR}{{2,40}}?{BODY_SUFFIX})[(（]以下简称(?:“|\")?(?P<abbr>[^)）”\"]+)(?:”|\")?[)）]")
SET_OUT = re.compile(rf"(?P<name>{NAME_CHAR}{{2,40}}?{BODY_SUFFIX})(?:的)?(?:设置如下|组成人员如下|组成如下|成员如下|由以下人员组成|人员组成如下|组成人员(?:名单)?通知如下|组成人员名单如下)")
NAMES_AND = re.compile(rf"(?:增设|下设|设立|成立)(?P<a>{NAME_CHAR}{{2,20}}?{BODY_SUFFIX})[和及与](?P<b>{NAME_CHAR}{{2,20}}?{BODY_SUFFIX})")
# what stands before a body's name in the clause that names it: a set-up verb, a renaming verb
# (将X更名为Y), a verb with its object marker (决定对X组成人员进行调整); 由 is no verb in 自由 (自由贸易试验区)
VERBS = re.compile(rf"^.*(?:成立|设立|组建|建立|视情|(?<!自)由|调整后的|现将|{OBJECT_MARKER}|{entry('roles.renamed').alternation}"
                   r"|关于(?:调整|充实|调整充实)?)")
# bodies every county, township or unit sets up for itself: not one body
MANY_BODIES = re.compile(r"^(?:县级|各级|各|相应|相关|有关|乡镇|乡级|村级|县[(（]市|区县|县区)")


def strip_verbs(name: str) -> str:
    """``…成立X`` → ``X`` (matched on the simplified shadow, sliced from the printed name)."""
    m = VERBS.match(simplify(name))
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
# 由总参谋部牵头，公安部、地震局参加: a working group's lead and the agencies taking part, all its units
UNIT_LED = entry("roles.lead_and_members").regex
# 市政府分管副秘书长，市委宣传部、…主要领导为领导小组成员 / …20个相关职能部门的分管副职任小组成员: the posts of
# the list are seats, its agencies (whoever leads them) member units
MEMBERS_ARE = re.compile(
    rf"(?:^|[。；;：:])(?P<list>[^。；;：:]+?)(?P<tail>(?:的)?(?:主要领导|主要负责人|主要负责同志|分管负责同志|分管负责人"
    rf"|分管领导|分管副职|负责同志))(?:为|任|担任)(?:该|本)?(?:[^\W\d_]{{0,16}}?{BODY_SUFFIX})?(?P<role>{MEMBER_LABEL})(?!单位)")
# 县台办主任兼办公室主任: a post that also holds the body's office
OFFICE_CONCURRENT = re.compile(r"(?:^|[，,。；;])(?P<h>[^。；;，,由]+?)兼(?P<role>办公室副?主任)")
# 待上海申农投资集团有限公司(暂定名)正式成立后，其主要领导兼任管委会副主任: a seat for whoever will lead a
# body not yet set up
FUTURE_SEAT = re.compile(
    rf"待(?P<x>[^，,。；;]{{2,40}}?)(?:正式)?(?:成立|组建|挂牌|设立)后[，,]其(?P<tail>主要领导|主要负责人|主要负责同志|负责同志|负责人)"
    rf"(?:兼任|担任|出任|任)(?:[^\W\d_]{{0,12}}?(?:管委会|{BODY_SUFFIX}))?(?P<role>{ROLE})")
PERSON_VALUE = re.compile(r"^\s*(?:\*\*)?\s*(?P<name>[^\W\d_]{1,2}\s?[^\W\d_]{0,2})(?:\s{1,}|\t)\S")


# Words each pattern cannot match without. Testing for them with ``in`` first spares the lazy
# ``[^\W\d_]{2,40}?…`` scans, tried at every position, in the many sentences that hold none of them.
CUES: dict[re.Pattern[str], tuple[str, ...]] = {
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
    UNIT_LED: ("牵头",),
    MEMBERS_ARE: ("成员", "委员"),
    OFFICE_CONCURRENT: ("兼",),
    FUTURE_SEAT: ("待",),
}


_CUE_RES = {rx: re.compile("|".join(map(re.escape, cues))) for rx, cues in CUES.items()}


def cued(rx: re.Pattern[str], s: str) -> bool:
    """False when ``s`` lacks every word ``rx`` needs (then ``rx`` cannot match ``s``)."""
    cue = _CUE_RES.get(rx)
    return cue is None or cue.search(s) is not None
