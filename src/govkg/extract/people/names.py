"""People and their posts as composition lists print them.

Splits ``张 三 市财政局副局长`` / ``林克庆省委常委、常务副省长`` / ``刘惠祥(市委常委、常务副市长)`` into a
person name and a post, recognises role labels (``组 长:``, ``副指挥长：``) and tells a personal
name from a post or an agency by structure: a 2–4 character run that starts with a surname and holds
none of the characters agencies and posts are built from.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govkg.text.clean import squeeze

# Common single-character surnames (the first character of most Chinese personal names) and
# compound surnames; a structural test, not a list of people.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车"
    "项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区"
    "郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍"
    "辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣"
    "信展阴昝智幸奉植衡富尧闭由郗鄂么占毋续阎畅贠郄苌钮綦郦暴弓"
    # traditional forms of common surnames
    "劉陳楊黃趙吳週孫馬鄭謝韓馮鄧蕭葉蘇魏呂盧薛閆雷龍陶賀顧龔萬錢嚴戴湯溫莊聶魯嶽殷歐耿關蘭焦柳紀梅"
)
COMPOUND_SURNAMES = ("欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯",
                     "司徒", "端木", "申屠", "长孙", "宇文", "歐陽", "司馬", "諸葛")

# Characters that mark a run as a post or an agency rather than a person's given name.
_NOT_IN_NAME = set("市省县区局委办部厅处室府党镇乡村街道司院所站组的由为在及或等各负责单位兼任担副"
                   "縣區廳辦黨鄉鎮組負責單擔為")

# A post is complete when it ends with a title word; otherwise a wrapped line continues it.
TITLE_ENDINGS = ("长", "任", "记", "员", "经理", "席", "委", "编", "官", "师", "监", "令", "事", "书", "干部",
                 "专员", "总", "助理", "主管", "代表", "長", "記", "員", "編", "師", "監", "書", "幹部", "總")

# Role labels as printed before a colon, longest first so 副组长 wins over 组长.
ROLES = (
    "第一副组长", "常务副组长", "执行副组长", "副组长", "组长",
    "常务副总指挥", "副总指挥", "总指挥", "第一指挥长", "常务副指挥长", "副指挥长", "指挥长",
    "常务副主任委员", "副主任委员", "主任委员", "常务副主任", "办公室副主任", "办公室主任", "副主任", "主任",
    "副召集人", "召集人", "常务副主席", "副主席", "主席", "副秘书长", "秘书长",
    "成员", "委员", "组员", "顾问", "联络员", "副团长", "团长",
    # traditional forms, kept as printed
    "常務副組長", "副組長", "組長", "常務副總指揮", "副總指揮", "總指揮", "副指揮長", "指揮長",
    "副主任委員", "主任委員", "辦公室副主任", "辦公室主任", "副召集人", "成員", "委員", "組員",
)
_ROLE_ALT = "|".join(r"\s*".join(map(re.escape, role)) for role in ROLES)
# a label may repeat the body's short name first: 领导组组长:, 市领导小组办公室主任:
_LABEL_PREFIX = r"(?:[\u4e00-\u9fff]{0,12}?(?:领导小组|领导组|指挥部|委员会|联席会议|专班|領導小組|指揮部|委員會))?"
ROLE_LABEL = re.compile(rf"^[\s*#>]*{_LABEL_PREFIX}(?P<role>{_ROLE_ALT})\s*[*]*\s*[:：]\s*[*]*")
ROLE_WORD = re.compile(rf"(?:{'|'.join(map(re.escape, ROLES))})")

# a post named by its portfolio (市政府分管副市长, A局主要负责人): whoever holds it, a seat, never a
# person's own title
EX_OFFICIO = re.compile(r"分管|主要负责|负责同志|负责人")
_PAREN_POST = re.compile(r"^(?P<name>.+?)\s*[（(](?P<post>[^()（）]*)[)）]\s*$")
_CONCURRENT = re.compile(r"^[（(]?\s*兼(?:任)?\s*[)）]?$")
# 张华、王强（均为副市长）: the bracket says the post is each listed name's; the words are not the post's
_EACH_HOLDS = re.compile(r"^(?:均为|均系|均任|都是)")
# Where a post glued after a name may begin.
_POST_START = re.compile(r"^(?:市|省|县|區|区|縣|自治区|州|副|常务|常務|中共|党组|黨組|国务院|國務院)")


# Title words that would otherwise pass as names (董事长 starts with the surname 董).
TITLE_WORDS = set("董事长 秘书长 理事长 会长 社长 行长 院长 校长 所长 处长 科长 厅长 部长 局长 司令员 政委 主任 主席 书记 "
                  "委员 经理 总监 干事 常委 常务 党组 成员 组员 顾问 调研员 巡视员 专员 总编 主编 站长 队长 支队长 大队长 "
                  "董事長 秘書長 理事長 會長 局長 處長 主席 書記 委員 經理 常務 黨組 成員".split())


def clean_role(label: str) -> str:
    """A role label as the gold writes it: spaces and markup removed."""
    return squeeze(label).strip("*:：")


@lru_cache(maxsize=65536)  # pure; asked about the same fragments across every list reader
def is_person_name(s: str) -> bool:
    """True when ``s`` (whitespace removed) reads as a Chinese personal name of 2–4 characters."""
    s = squeeze(s)
    if "·" in s or "•" in s:  # transliterated names: 阿不都·热合曼
        parts = re.split(r"[·•]", s)
        return len(s) <= 12 and len(parts) >= 2 and all(p and all("\u4e00" <= ch <= "\u9fff" for ch in p) for p in parts) \
            and not any(ch in _NOT_IN_NAME for ch in s)
    if not 2 <= len(s) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in s):
        return False
    if s.startswith(COMPOUND_SURNAMES):
        given = s[2:]
        if not 1 <= len(given) <= 2:
            return False
    elif s[0] in SURNAMES:
        given = s[1:]
        if len(given) > 2:
            return False
    else:
        return False
    if s in TITLE_WORDS or s[1:] in TITLE_WORDS or s[2:] in TITLE_WORDS:
        return False
    return all(ch not in _NOT_IN_NAME for ch in given) and not ROLE_WORD.fullmatch(s)


def post_complete(post: str | None) -> bool:
    """True when ``post`` ends with a title word (so the next line is not its continuation)."""
    return bool(post) and post.endswith(TITLE_ENDINGS)  # type: ignore[union-attr]


_PLACE_START = re.compile(r"^[\u4e00-\u9fff]{2}[省市县区旗州盟]|^[\u4e00-\u9fff]县|^(?:武警|军分区|开发区|高新区|经开区|城区|郊区|矿区|"
                          r"中国|国网|国家|团市委|总工会|妇联|共青团|中石化|中石油)")
_INSTITUTION = re.compile(r"军分区|支队|分局|公司|集团|局|委|办|中心|政府|学校|医院|大学|学院|协会|银行")


def _post_start_score(rest: str) -> int:
    """How surely ``rest`` begins a post: 3 a level or rank word, 2 a place or institution, 1 a post-like run."""
    if _POST_START.match(rest):
        return 3
    if _PLACE_START.match(rest):
        return 2
    if _INSTITUTION.search(rest[:8]) and post_complete(rest):
        return 1
    return 0


def _glued_split(s: str) -> tuple[str, str] | None:
    """``林克庆省委常委`` -> (``林克庆``, ``省委常委``): the name length whose remainder best starts a post
    (ties go to the commonest, three characters)."""
    best: tuple[int, int] | None = None
    for k in (3, 2, 4):
        if len(s) > k + 1 and is_person_name(s[:k]):
            score = _post_start_score(s[k:])
            if score and (best is None or score > best[0]):
                best = (score, k)
    return (s[:best[1]], s[best[1]:]) if best else None


@lru_cache(maxsize=65536)  # pure; list readers of bodies and seats ask about the same cells
def split_name_post(text: str, glued: bool = True) -> tuple[str, str | None, bool] | None:
    """``NAME POST`` as a list prints it -> (name, post or None, concurrent).

    Handles padded names (``祁 砖 山西煤矿…``), posts in brackets (``刘惠祥(市委常委)``),
    ``(兼)`` marks and names glued to their posts. ``None`` when the text does not start with a name.
    """
    text = re.sub(r"\s*(?:—+|－+|-{2,})\s*", " ", text.strip().rstrip("。;；,，"))
    # 同志 and a bracketed sex or nationality (张三（女，回族）) are not part of name or post
    text = re.sub(r"同志(?=\s|$|[（(，,])|[（(]\s*(?:女|男)?[，,、]?\s*(?:[\u4e00-\u9fff]{1,4}族)?\s*[）)]", "", text).strip()
    if not text:
        return None
    concurrent = False
    m = _PAREN_POST.match(text)
    if m and is_person_name(m.group("name")):
        post = _EACH_HOLDS.sub("", squeeze(m.group("post")))
        if _CONCURRENT.match(post):
            return squeeze(m.group("name")), None, True
        if re.search(r"[,，、]兼(?:任)?$", post):  # 张三(市应急管理局局长，兼)
            concurrent, post = True, re.sub(r"[,，、]兼(?:任)?$", "", post)
        return squeeze(m.group("name")), post or None, concurrent
    if re.search(r"[（(]\s*兼\s*[)）]$", text):
        concurrent, text = True, re.sub(r"[（(]\s*兼\s*[)）]$", "", text).strip()
    m = re.match(r"^(?P<name>\S{1,2}\s?\S{0,2})[，,:：]\s*(?P<post>[^，,]+)$", text)
    if m and is_person_name(m.group("name")):
        if _is_person_item(m.group("post")):
            return None  # 张华，王强（副市长）: two people, not a name and its post
        return squeeze(m.group("name")), squeeze(m.group("post")) or None, concurrent
    tokens = text.split()
    # a padded two-character name: ``张 三 post`` or ``张　三``
    if len(tokens) >= 2 and len(tokens[0]) == 1 and len(tokens[1]) == 1 and is_person_name(tokens[0] + tokens[1]):
        name, rest = tokens[0] + tokens[1], tokens[2:]
    elif len(tokens) >= 2 and len(tokens[0]) == 1 and len(tokens[1]) == 2 and is_person_name(tokens[0] + tokens[1]) \
            and not is_person_name(tokens[1]):
        name, rest = tokens[0] + tokens[1], tokens[2:]
    elif is_person_name(tokens[0]):
        name, rest = tokens[0], tokens[1:]
    else:
        split = _glued_split(squeeze(tokens[0])) if glued else None
        if not split:
            return None
        name, rest = split[0], [split[1], *tokens[1:]]
    if rest and _is_person_item(rest[0]):
        return None  # 张华　王强（副市长）: names side by side, the post after the last
    kept = []
    for token in rest:
        if _PROSE.search(token):
            break  # duty text printed in the same row is not part of the post
        kept.append(token)
    post = squeeze("".join(kept)) or None
    return name, post, concurrent


def _is_person_item(text: str) -> bool:
    """``王强（副市长）``: a person with a bracketed post, as a list item (no post starts so)."""
    m = _PAREN_POST.match(text.strip())
    return bool(m) and is_person_name(m.group("name"))


def _name_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """A person name starting at ``tokens[i]`` (a padded ``张 三`` spans two tokens): (name, tokens used)."""
    if i + 1 < len(tokens) and len(tokens[i]) == 1 and len(tokens[i + 1]) <= 2 and is_person_name(tokens[i] + tokens[i + 1]) \
            and not is_person_name(tokens[i + 1]):
        return tokens[i] + tokens[i + 1], 2
    if is_person_name(tokens[i]):
        return squeeze(tokens[i]), 1
    return None


_PROSE = re.compile(r"[。：:；;]|^.{31,}$")


def split_people(text: str) -> list[tuple[str, str | None, bool]] | None:
    """``王五 市财政局局长 赵六 市教育局局长``: several name/post pairs on one line, or ``None``."""
    tokens = text.split()
    # 郭宁宁（副省长）　李建成（副省长）: each token a name with its post in brackets
    bracketed = [_PAREN_POST.match(t) for t in tokens]
    if len(tokens) >= 2 and all(m and is_person_name(m.group("name")) for m in bracketed):
        return [p for p in map(split_name_post, tokens) if p]
    out: list[tuple[str, str | None, bool]] = []
    i = 0
    while i < len(tokens):
        got = _name_at(tokens, i)
        if got is None:
            if not out:
                return None
            if _PROSE.search(tokens[i]):
                break  # duty text printed in the same row is not part of anyone's post
            name, post, conc = out[-1]
            out[-1] = (name, (post or "") + tokens[i], conc)
            i += 1
            continue
        out.append((got[0], None, False))
        i += got[1]
    # a name may stand without a post when the next name follows at once (a table's empty cell)
    return out if len(out) >= 2 and out[-1][1] and all(p or i + 1 < len(out) for i, (_, p, _) in enumerate(out)) \
        else None


def split_names(text: str) -> list[str] | None:
    """``卢焱群、龙福清`` or ``张三 李四 王五`` -> the names (``同志`` after a name dropped), or ``None``
    if any item is not a name."""
    text = text.strip().rstrip("。;；,，")
    parts = [p for p in re.split(r"[、,，;；]|\s{2,}|\t", text) if p.strip()]
    if len(parts) == 1 and " " in text.strip():
        parts = text.split()
    if len(parts) < 2:
        return None
    names = [squeeze(p).removesuffix("同志") for p in parts]
    return names if all(is_person_name(n) for n in names) else None


def split_name_then_post(text: str) -> tuple[str, str] | None:
    """``刘建国市长`` -> (``刘建国``, ``市长``): a name glued before a whole post that opens with a level or
    rank word (so ``晋城军分区…`` or ``武警晋城支队…`` never read as a name and a post)."""
    s = squeeze(text).removesuffix("同志")
    for k in (3, 2, 4):
        if len(s) > k and is_person_name(s[:k]) and _POST_START.match(s[k:]) and post_complete(s[k:]):
            return s[:k], s[k:]
    return None


@lru_cache(maxsize=65536)  # pure
def split_post_name(text: str) -> tuple[str, str | None] | None:
    """``市政府副秘书长杨金中`` -> (``杨金中``, ``市政府副秘书长``): a name printed after its post."""
    s = squeeze(text).removesuffix("同志")
    if is_person_name(s):
        return s, None
    for k in (3, 2, 4):
        if len(s) <= k:
            continue
        name, post = s[-k:], s[:-k]
        if is_person_name(name) and post_complete(post) and not (k == 3 and post_complete(post + name[0])
                                                                  and is_person_name(name[1:]) and name[0] not in SURNAMES):
            return name, post
    return None


__all__ = ["EX_OFFICIO", "ROLES", "ROLE_LABEL", "SURNAMES", "is_person_name", "split_name_post", "split_names", "split_people",
           "split_post_name", "split_name_then_post", "post_complete", "clean_role"]
