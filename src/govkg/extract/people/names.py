"""People and their posts as composition lists print them.

Splits ``张 三 市财政局副局长`` / ``林克庆省委常委、常务副省长`` / ``刘惠祥(市委常委、常务副市长)`` into a
person name and a post, recognises role labels (``组 长:``, ``副指挥长：``) and tells a personal
name from a post or an agency: a 2–4 character run that opens with a surname of the full list
(``lexicon/data/surnames.txt``) and reads as no post, agency, place or common word by the lexicon
(``people.*`` entries, the place index of ``govkg.lexicon.places``, and the word and name counts of
``lexicon/data``). A name glued to its post is split where the post opens with a level, a place, a
portfolio or an institution, never inside a place, a zone or an agency's name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Callable, Sequence

from govkg.lexicon import entry
from govkg.lexicon.places import places
from govkg.text.clean import squeeze
from govkg.text.script import simplify


def _load_surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    """The surnames of ``lexicon/data/surnames.txt`` (the npm list ``chinese-surnames``, a few added,
    and their traditional forms): single ones as a set, compound ones longest first."""
    text = files("govkg.lexicon").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return (frozenset(w for w in words if len(w) == 1),
            tuple(sorted((w for w in words if len(w) > 1), key=len, reverse=True)))


def _load_counts(name: str) -> dict[str, int]:
    """A ``word<TAB>count`` file of ``lexicon/data`` (``#`` lines are comments)."""
    text = files("govkg.lexicon").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {w: int(n) for w, n in rows}


# Surnames, single and compound (a structural test of a name's first characters, not a list of people)
SURNAMES, COMPOUND_SURNAMES = _load_surnames()
_GIVEN_USES = _load_counts("given_chars.tsv")   # how often given names use a character (ngender)
_WORDS = _load_counts("words.tsv")              # common words that open with a surname (jieba)
_SURNAME_NAMES = _load_counts("surname_names.tsv")  # how many names of jieba's dictionary a surname opens
# A surname that opens fewer names than this is rare (督, 承, 摩 — characters of words far more often).
_COMMON_SURNAME = 20
# A common word is no name: after a common surname when it is very common (通过, 建立, 保障, while 高山 and
# 张力 stay names), after a rare one when it is a word at all (督促, 承担, 摩托车).
_WORD_AFTER_COMMON = 2000
_WORD_AFTER_RARE = 50
# After a rare surname the given characters are ones names use (回良玉, 祁砖; not 督使用: 使), after a
# surname that is mostly a word's character ones names use often (区志航; not 市工业, 其汛情); after a
# common one any character a name has used (张朱及, 刘阖).
_GIVEN_AFTER_RARE = 100
_GIVEN_AFTER_WORD = 2000
_COMPOUND_SET = frozenset(COMPOUND_SURNAMES)
_COMPOUND_LENGTHS = sorted({len(w) for w in COMPOUND_SURNAMES}, reverse=True)

_NOT_NAME_END = entry("people.not_name_endings").regex
_ROLE_NOTE = re.compile(rf"[（(]\s*(?:{entry('people.role_qualifiers').alternation})\s*[）)]")
_TITLE_WORDS = frozenset(entry("people.title_words").words)
_POST_OPENING = entry("people.post_openings").regex
_WORD_SURNAMES = frozenset(entry("people.word_surnames").words)
_CLAUSE_WORDS = frozenset(entry("people.clause_words").words)
# unanchored, to match at a given position (``pattern.match(text, k)``)
_ZONE = re.compile(f"(?:{entry('people.zones').alternation})")
_AGENCY_HEAD = re.compile(f"(?:{entry('people.agency_heads').alternation})")
_NOT_IN_NAME = entry("people.not_in_name").regex

# A post is complete when it ends with a title word; otherwise a wrapped line continues it.
TITLE_ENDINGS = tuple(sorted(entry("people.post_endings").words, key=len, reverse=True))

# Role labels as printed before a colon, longest first so 副组长 wins over 组长.
ROLES = tuple(sorted(entry("roles.labels").words, key=len, reverse=True))
_ROLE_ALT = "|".join(r"\s*".join(map(re.escape, role)) for role in ROLES)
# a label may repeat the body's short name first: 领导组组长:, 市领导小组办公室主任:
_LABEL_PREFIX = r"(?:[\u4e00-\u9fff]{0,12}?(?:领导小组|领导组|指挥部|委员会|联席会议|专班|領導小組|指揮部|委員會))?"
# a list may number its labels: 1.组长：, 2、副组长：, （3）成员：, ①组长：
ITEM_NUMBER = r"(?:\d{1,2}\s*[.、．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])"
# a note may stand between the role and its colon: 副组长（兼）：, 成员（排名不分先后）：
ROLE_LABEL = re.compile(rf"^[\s*#>]*(?:{ITEM_NUMBER}\s*)?{_LABEL_PREFIX}(?P<role>{_ROLE_ALT})\s*"
                        r"(?P<note>[（(][^()（）:：]{1,12}[)）])?\s*[*]*\s*[:：]\s*[*]*")
ROLE_WORD = re.compile(rf"(?:{'|'.join(map(re.escape, ROLES))})")

# a post named by its portfolio (市政府分管副市长, A局主要负责人): whoever holds it, a seat, never a
# person's own title
EX_OFFICIO = re.compile(r"分管|主要负责|负责同志|负责人")
_PAREN_POST = re.compile(r"^(?P<name>.+?)\s*[（(](?P<post>[^()（）]*)[)）]\s*$")
_CONCURRENT = re.compile(r"^[（(]?\s*兼(?:任)?\s*[)）]?$")
# 张华、王强（均为副市长）: the bracket says the post is each listed name's; the words are not the post's
_EACH_HOLDS = re.compile(r"^(?:均为|均系|均任|都是)")
# Where a post glued after a name may begin: a level or a rank (省委常委, 副市长), a portfolio (民政厅)
_POST_START = entry("people.post_starts").regex
_PORTFOLIO = entry("people.portfolios").regex


def clean_role(label: str) -> str:
    """A role label as the gold writes it: spaces and markup removed."""
    return squeeze(label).strip("*:：")


def _han(s: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _surname_split(s: str) -> tuple[str, str] | None:
    """(surname, given name) of a 2–4 character run: a compound surname (欧阳, 上官) before one or two
    characters, else a single one before one or two; ``None`` when no surname opens it."""
    for n in _COMPOUND_LENGTHS:
        if len(s) - n in (1, 2) and s[:n] in _COMPOUND_SET:
            return s[:n], s[n:]
    if s[0] in SURNAMES and len(s) <= 3:
        return s[0], s[1:]
    return None


def _not_a_name(t: str) -> bool:
    """A run (simplified) that reads as a post, an agency, a place or a list, whatever its first
    character: 市委常委, 综合组, 晋城, 中共党员, 张华等, 张副."""
    if _NOT_NAME_END.search(t) or _POST_OPENING.match(t) or _NOT_IN_NAME.search(t):
        return True
    if t in _TITLE_WORDS or t[1:] in _TITLE_WORDS or t[2:] in _TITLE_WORDS or ROLE_WORD.fullmatch(t):
        return True
    if _PORTFOLIO.fullmatch(t):
        return True  # 水务, 公安: a portfolio, though 水 and 公 are surnames
    # a province or a city (晋城, 山西) names a place; a county's short form may be a name (高平)
    place = places().get(t)
    return place is not None and (not place.short or place.level != "county")


@lru_cache(maxsize=65536)  # pure; asked about the same fragments across every list reader
def is_person_name(s: str) -> bool:
    """True when ``s`` (whitespace removed) reads as a personal name: two to four characters that open
    with a surname (single or compound, the full list of ``lexicon/data/surnames.txt``) and read as no
    post, agency or place (``people.not_name_endings`` …), or a transliterated name (阿不都·热合曼)."""
    s = squeeze(s)
    if "·" in s or "•" in s:
        parts = re.split(r"[·•]", s)
        t = simplify(s)
        return len(s) <= 16 and len(parts) >= 2 and all(p and _han(p) for p in parts) \
            and not (_NOT_NAME_END.search(t) or _POST_OPENING.match(t) or _NOT_IN_NAME.search(t))
    if not 2 <= len(s) <= 4 or not _han(s):
        return False
    t = simplify(s)
    split = _surname_split(s) or _surname_split(t)
    if split is None or _not_a_name(t):
        return False
    surname, given = simplify(split[0]), simplify(split[1])
    uses = min(_GIVEN_USES.get(ch, 0) for ch in given)
    if surname in _WORD_SURNAMES:  # 市场, 国土 are words; 市气象, 市规划 agencies cut short
        return len(given) == 2 and uses >= _GIVEN_AFTER_WORD and not _PORTFOLIO.match(given)
    if surname in _CLAUSE_WORDS:  # 由张华, 及王强: a word before a name
        return len(given) == 2 and uses >= _GIVEN_AFTER_WORD and not is_person_name(given)
    common = len(surname) > 1 or _SURNAME_NAMES.get(surname, 0) >= _COMMON_SURNAME
    bar = _WORD_AFTER_COMMON if common else _WORD_AFTER_RARE
    if _WORDS.get(t, 0) >= bar or not common and len(t) == 3 and _WORDS.get(t[:2], 0) >= bar:
        return False  # 通过, 督促; 督促有 opens with a word after a rare surname (高兴国 is a name)
    return uses >= (1 if common else _GIVEN_AFTER_RARE)


_VACANT = entry("people.vacant").regex
_NATIONALITY = entry("people.ethnic_groups").alternation


@lru_cache(maxsize=16384)  # pure
def slot_name(s: str) -> bool:
    """A personal name known by its place rather than its form: the run a list prints before a
    whole post (``巴特尔吉日嘎拉  县委副书记``, ``竞天明（市政府副市长）``). Names of minority nationalities
    open with no surname of the list and run to seven characters, and rare surnames are missing
    from it; a run of two to seven characters that reads as no post, agency, place, portfolio,
    zone or vacancy (待定) is one there. Callers ask it only in that slot."""
    s = squeeze(s)
    if is_person_name(s):
        return True
    if not 2 <= len(s) <= 7 or not _han(s):
        return False
    t = simplify(s)
    # a place's full name opens no name (乌兰县…), nor a province's or city's short form (晋城供电); a
    # county's short form may (乌兰图雅, 巴彦孟和)
    place = places().place_prefix(t)
    if place and (places().place_prefix(t, short=False) or place[1] != "county"):
        return False
    return not (_not_a_name(t) or _VACANT.search(t) or _PORTFOLIO.match(t)
                or _POST_START.match(t) or _POST_OPENING.match(t) or _ZONE.search(t) or _INSTITUTION.search(t)
                or EX_OFFICIO.search(t) or ROLE_WORD.search(t))


def post_complete(post: str | None) -> bool:
    """True when ``post`` ends with a title word (so the next line is not its continuation)."""
    return bool(post) and simplify(post).endswith(TITLE_ENDINGS)  # type: ignore[arg-type]


_PLACE_START = re.compile(r"^[\u4e00-\u9fff]{2}[省市县区旗州盟]|^[\u4e00-\u9fff]县|^(?:武警|军分区|开发区|高新区|经开区|城区|郊区|矿区|"
                          r"中国|国网|国家|团市委|总工会|妇联|共青团|中石化|中石油)")
_INSTITUTION = entry("people.institution_endings").regex


def _post_start_score(rest: str) -> int:
    """How surely ``rest`` (simplified) begins a post.

    4: a level or rank (省委常委, 副市长) or a place's full name (广州市委常委); 3: a portfolio (民政厅副厅长,
    人行成都分行副行长) or a province's or city's short form (成都分行行长); 2: a run shaped like a place
    (晋城军分区…); 1: an institution early in a complete post; 0: none of these.
    """
    if _POST_START.match(rest):
        return 4
    place = places().place_prefix(rest)
    if place and len(rest) > len(place[0]):
        full = places().get(place[0])
        if full is not None and not full.short:
            return 4
        if place[1] != "county":
            return 3
    if _PORTFOLIO.match(rest):
        return 3
    if _PLACE_START.match(rest):
        return 2
    inst = _INSTITUTION.search(rest[:12])
    # an agency's name has two characters or more before its ending (安监局; 监局 is cut short)
    if inst and inst.start() >= 2 and post_complete(rest):
        return 1
    return 0


def _uncut(t: str) -> Callable[[int], bool]:
    """Whether a name may end after ``k`` characters of ``t``: not when that would cut a place
    (晋城市…, or 柳州市 in 李强柳州市委常委), a zone (开发区…) or an agency before its ending (市气象 +
    局局长)."""
    spans = [(0, len(p[0])) for p in [places().place_prefix(t)] if p]
    spans += [(j, j + len(p[0])) for j in (1, 2, 3) for p in [places().place_prefix(t[j:], short=False)] if p]
    spans += [(m.start(), m.end()) for m in map(_ZONE.match, (t,) * 4, range(4)) if m]
    return lambda k: not (any(a < k < b for a, b in spans) or _AGENCY_HEAD.match(t, k))


@lru_cache(maxsize=16384)  # pure
def _glued_split(s: str, name_len: int | None = None) -> tuple[str, str] | None:
    """``林克庆省委常委`` -> (``林克庆``, ``省委常委``): the name length whose remainder best starts a post
    (``_post_start_score``; ties go to the commonest, three characters). ``张力民政厅副厅长`` is 张力 +
    民政厅副厅长: 民政 opens a post, 政厅 none. ``name_len`` fixes the length (a spaced ``张 勇`` is two)."""
    t = simplify(s)
    uncut = _uncut(t)
    best: tuple[int, int] | None = None
    for k in (name_len,) if name_len else (3, 2, 4):
        if len(s) > k + 1 and uncut(k) and is_person_name(s[:k]):
            score = _post_start_score(t[k:])
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
    text = _ROLE_NOTE.sub("", text).strip()  # 胡建国（常务）: a note on the role, not a post
    if not text:
        return None
    concurrent = False
    m = _PAREN_POST.match(text)
    if m and (is_person_name(m.group("name")) or slot_name(m.group("name")) and post_complete(m.group("post"))
              and not re.search(r"\s", m.group("name").strip())):
        # a nationality before the post is no part of it: 达娃次仁（藏族，市委书记）
        post = re.sub(rf"^(?:女|男)?[，,、]?(?:{_NATIONALITY})[，,、]", "", _EACH_HOLDS.sub("", squeeze(m.group("post"))))
        if _CONCURRENT.match(post):
            return squeeze(m.group("name")), None, True
        if re.search(r"[,，、]兼(?:任)?$", post):  # 张三(市应急管理局局长，兼)
            concurrent, post = True, re.sub(r"[,，、]兼(?:任)?$", "", post)
        return squeeze(m.group("name")), post or None, concurrent
    if m and is_person_name(m.group("post")) and not re.search(r"[（()）、，,]", m.group("name")) \
            and _not_a_name(simplify(squeeze(m.group("name")))) \
            and _INSTITUTION.search(simplify(squeeze(m.group("name")))):
        return squeeze(m.group("post")), squeeze(m.group("name")), False  # 县公安局（陈晓东）: the agency's member
    if re.search(r"[（(]\s*兼\s*[)）]$", text):
        concurrent, text = True, re.sub(r"[（(]\s*兼\s*[)）]$", "", text).strip()
    m = re.match(r"^(?P<name>\S{1,2}\s?\S{0,2})[，,:：]\s*(?P<post>[^，,]+)$", text)
    if m and is_person_name(m.group("name")):
        if _is_person_item(m.group("post")):
            return None  # 张华，王强（副市长）: two people, not a name and its post
        return squeeze(m.group("name")), squeeze(m.group("post")) or None, concurrent
    tokens = text.split()
    if not tokens:
        return None  # a bare （兼）: nothing is left once the mark is taken off
    # a padded two-character name: ``张 三 post`` or ``张　三``
    if len(tokens) >= 2 and len(tokens[0]) == 1 and len(tokens[1]) == 1 and is_person_name(tokens[0] + tokens[1]):
        name, rest = tokens[0] + tokens[1], tokens[2:]
    elif len(tokens) >= 2 and len(tokens[0]) == 1 and len(tokens[1]) == 2 and is_person_name(tokens[0] + tokens[1]) \
            and not is_person_name(tokens[1]):
        name, rest = tokens[0] + tokens[1], tokens[2:]
    elif len(tokens) >= 2 and len(tokens[0]) == 1 and len(tokens[1]) >= 3 and glued \
            and (padded := _glued_split(tokens[0] + tokens[1], 2)):
        name, rest = padded[0], [padded[1], *tokens[2:]]  # ``张 勇广州市委常委``: a padded name, glued on
    elif is_person_name(tokens[0]):
        name, rest = tokens[0], tokens[1:]
    elif len(tokens) >= 2 and slot_name(tokens[0]) \
            and (_post_start_score(simplify(tokens[1])) or _INSTITUTION.search(simplify(tokens[1])[:12])) \
            and post_complete("".join(t for t in tokens[1:] if not _PROSE.search(t)) or None):
        name, rest = tokens[0], tokens[1:]  # 巴特尔吉日嘎拉  县委副书记、县长: the name by its place
    else:
        split = _glued_split(squeeze(tokens[0])) if glued else None
        if not split:
            return None
        name, rest = split[0], [split[1], *tokens[1:]]
    if rest and _is_person_item(rest[0]):
        return None  # 张华　王强（副市长）: names side by side, the post after the last
    kept = []
    for token in rest:
        if _PROSE.search(token) or _PHONE.match(token):
            break  # duty text or a phone number printed in the same row is not part of the post
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
# a phone number a list prints after the post (13807571234, 0571-88881234, （0571）88881234)
_PHONE = re.compile(r"^(?:电话|手机|联系电话)?[:：]?[\d\-－—()（）]{7,20}$")


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
            if _PROSE.search(tokens[i]) or _PHONE.match(tokens[i]):
                break  # duty text or a phone number printed in the same row is not part of anyone's post
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


@lru_cache(maxsize=16384)  # pure
def split_name_then_post(text: str) -> tuple[str, str] | None:
    """``刘建国市长`` -> (``刘建国``, ``市长``): a name glued before a whole post that opens with a level or
    rank word (so ``晋城军分区…`` or ``武警晋城支队…`` never read as a name and a post)."""
    s = squeeze(text).removesuffix("同志")
    t = simplify(s)
    uncut = _uncut(t)
    for k in (3, 2, 4):
        if len(s) > k and uncut(k) and is_person_name(s[:k]) and _POST_START.match(t[k:]) and post_complete(s[k:]):
            return s[:k], s[k:]
    return None


@lru_cache(maxsize=65536)  # pure
def split_post_name(text: str) -> tuple[str, str | None] | None:
    """``市政府副秘书长杨金中`` -> (``杨金中``, ``市政府副秘书长``): a name printed after its post."""
    s = squeeze(text).removesuffix("同志")
    k = _post_name_cut(s[-_CUT_REACH:], len(s) > _CUT_REACH)
    return None if k is None else (s, None) if k == 0 else (s[-k:], s[:-k])


def split_post_name_after(parts: Sequence[str], last: str) -> tuple[str, str | None] | None:
    """:func:`split_post_name` of ``"、".join([*parts, last])``, reading only the end of it: as fast after
    4,000 parts that gave no name as after one (a post printed before a name may run over several)."""
    if not parts:
        return split_post_name(last)
    end, n = [squeeze(last)], len(squeeze(last))
    for part in reversed(parts):
        if n > _CUT_REACH + 2:
            break
        end.append(squeeze(part) + "、")
        n += len(end[-1])
    longer = n > _CUT_REACH + 2  # parts before the ones read: the string is longer than the reach
    window = "".join(reversed(end)).removesuffix("同志")
    k = _post_name_cut(window[-_CUT_REACH:], longer or len(window) > _CUT_REACH)
    return None if k is None else (window, None) if k == 0 else \
        (window[-k:], squeeze("、".join([*parts, last])).removesuffix("同志")[:-k])


def _post_name_cut(end: str, longer: bool) -> int | None:
    """Where a name printed after its post begins, counted from the end of a whitespace-free string whose
    last characters are ``end`` (``longer``: there are more before them): 0 for a name alone, None for
    no name. Every test reads the last characters only (a name is at most 4 of them, the title word
    before it at most ``_POST_WORD_REACH``)."""
    if not longer and is_person_name(end):
        return 0
    for k in (3, 2, 4):
        if len(end) <= k and not longer:
            continue
        name, post = end[-k:], end[:-k]
        if is_person_name(name) and _POST_WORD_END.search(simplify(post[-_POST_WORD_REACH:])) \
                and not (k == 3 and _completes_post(post, name[0]) and is_person_name(name[1:])):
            return k
    return None


_POST_WORD_END = entry("people.post_words").regex
_POST_WORDS = tuple(w for w in (*_TITLE_WORDS, *TITLE_ENDINGS) if len(w) >= 2)
# the end of a string decides split_post_name: a name alone (at most 16, transliterated), or a name (at most
# 4) after a title word (post_words are literal words matched at the end; _POST_WORDS complete a post)
_POST_WORD_REACH = max(len(w) for w in entry("people.post_words").words)
_POST_WORDS_REACH = max(map(len, _POST_WORDS))
_CUT_REACH = max(16, 4 + max(_POST_WORD_REACH, _POST_WORDS_REACH))


def _completes_post(post: str, ch: str) -> bool:
    """True when ``ch`` ends a title word begun in ``post`` (秘书 + 长, 支队 + 长): then ``ch`` is the
    post's, not a surname (交警支队支队长张鹏 is 交警支队支队长 + 张鹏, although 长 is a surname too)."""
    t = simplify(post[-_POST_WORDS_REACH:] + ch)  # a word ends at ch: the characters before it are enough
    return any(t.endswith(w) for w in _POST_WORDS)


# for the reader of people printed without breaks (govkg.extract.people.glued)
post_start_score = _post_start_score
name_may_end = _uncut
completes_post = _completes_post
post_word_end = _POST_WORD_END.search

__all__ = ["EX_OFFICIO", "ROLES", "ROLE_LABEL", "SURNAMES", "is_person_name", "split_name_post", "split_names", "split_people",
           "split_post_name", "split_post_name_after", "split_name_then_post", "post_complete", "clean_role"]
