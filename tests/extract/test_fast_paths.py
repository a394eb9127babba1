"""Fast paths added for throughput must give the answers of the plain reading."""
from __future__ import annotations

import pytest

from govkg.extract.assignments.statements import bracket_groups
from govkg.extract.composition.vocab import CUES, cued
from govkg.text.script import simplify


@pytest.mark.parametrize("text, expected", [
    ("a(b)c", [(2, 3)]),
    ("（甲（乙）丙）丁", [(1, 6)]),          # outermost pair only
    ("(甲] 〔乙）", [(1, 2), (5, 6)]),        # any closer closes
    ("(未闭合", []),
    ("(一(二)", [(3, 4)]),                   # an unclosed opener is skipped, the next one read
    ("无括号", []),
])
def test_bracket_groups(text, expected):
    assert bracket_groups(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("領導小組辦公室", "领导小组办公室"),
    ("领导小组", "领导小组"),
    ("市發展改革委 2024", "市发展改革委 2024"),
    ("", ""),
])
def test_simplify_twice(text, expected):
    assert simplify(text) == expected
    assert simplify(text) == expected  # the memoised answer is the same


@pytest.mark.parametrize("sentence", [
    "市政府决定成立市防汛抗旱指挥部",
    "市安全生产委员会（以下简称市安委会）",
    "市应急管理委员会组成人员如下",
    "下设综合协调组和抢险救援组",
    "组长由市长担任",
    "由市政府分管副市长任召集人",
    "市发改委、市财政局为成员单位",
    "成员单位包括市发改委、市财政局",
    "由市发改委、市财政局等部门组成",
])
def test_cues_never_hide_a_match(sentence):
    matching = [rx for rx in CUES if rx.search(sentence)]
    assert matching  # each example is read by at least one pattern
    for rx in matching:
        assert cued(rx, sentence), rx.pattern


@pytest.mark.parametrize("sentence", ["加强组织领导，确保工作落实", "各单位要高度重视"])
def test_no_cue_no_match(sentence):
    for rx in CUES:
        if not cued(rx, sentence):
            assert rx.search(sentence) is None  # without a cue there is never a match


# -- the 文号 grammar: the tail-first scan gives the matches of the full pattern ----------------------
# Numbers are generated from their parts (issuers, a long list of ministries included, brackets of
# every kind, years, order and announcement tails) and put into running text (lead words, title
# kinds, dates, other numbers), then spaces, line breaks and tabs are sprinkled in and pieces dropped,
# so that matches, near misses and numbers side by side all occur.
_ISSUERS = ("国务院", "晋市政发", "国办发", "交通运输部", "工业和信息化部", "中华人民共和国国务院", "税务总局",
            "国家发展和改革委员会", "住房和城乡建设部", "省政府", "市长", "司法部", "法发", "宁政发", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰")
_JOINT = ("财政部、", "税务总局、", "海关总署、", "公安部 ", "商务部 ", "国家网信办 ", "交通运输部 工业和信息化部 ")
_TAILS = ("〔2020〕3号", "[2018]67号", "(2004)12号", "（2019）18号", "„2009‟3号", "【2021】7号", "〔2022〕40 号",
          "令第708号", "令 294号", "令第十二号", "第708号令", "第 12 号令", "令2016年第55号", "公告2019年第5号",
          "2018年第28号公告", "公告〔2018〕第10号", "公告第5号", "〔2019〕", "第3号", "号")
_TEXT = ("根据", "按照", "按", "的", "和", "及", "以及", "通知", "实施意见", "关于印发方案的通知", "印发", "2019年10月22日",
         "执行", "精神", "文件", "、", "。", "，", "《甲办法》", "(", ")", "号", "令", "年", "第", "12")


def _generated(seed: int, count: int) -> list[str]:
    import random
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(1, 4)):
            parts += [rng.choice(_TEXT) for _ in range(rng.randint(0, 3))]
            if rng.random() < 0.3:
                parts += ["("] + [rng.choice(_JOINT) for _ in range(rng.randint(1, 8))]
            parts += [rng.choice(_ISSUERS), rng.choice(_TAILS)]
        chars = list("".join(parts))
        for _ in range(rng.randint(0, 4)):  # sprinkle whitespace, drop characters
            i = rng.randrange(len(chars) + 1)
            if rng.random() < 0.7:
                chars.insert(i, rng.choice((" ", " ", "  ", "\u3000", "\n", "\t", "    ")))
            elif i < len(chars):
                del chars[i]
        out.append("".join(chars))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_doc_number_fast_path_equals_full_pattern(seed):
    from govkg.text.docnumber import DOC_NUMBER
    for text in _generated(seed, 500):
        fast = [(m.start(), m.end()) for m in DOC_NUMBER.finditer(text)]
        full = [(m.start(), m.end()) for m in DOC_NUMBER.full.finditer(text)]
        assert fast == full, text


def test_generated_strings_hold_numbers_of_every_length():
    from govkg.text.docnumber import DOC_NUMBER
    lengths = [m.end() - m.start() for s in range(8) for t in _generated(s, 500) for m in DOC_NUMBER.full.finditer(t)]
    assert len(lengths) > 2000 and max(lengths) > 48  # beyond the old fixed window of 48


@pytest.mark.parametrize("text", [
    # a joint order whose issuer list is longer than any fixed window of 48 characters
    "《某某办法》(交通运输部 工业和信息化部 公安部 商务部 国家网信办 国家市场监督管理总局 国家标准委令2016年第60号)",
    "《某某办法》(交通运输部　工业和信息化部　公安部　商务部　国家网信办　应急管理部　生态环境部令2019年第3号)",
    # a joint announcement of six issuers
    "依据财政部、税务总局、海关总署、商务部、人民银行、国家发展和改革委员会公告2019年第39号",
])
def test_doc_number_fast_path_on_long_issuer_lists(text):
    from govkg.text.docnumber import DOC_NUMBER
    fast = [m.group() for m in DOC_NUMBER.finditer(text)]
    assert fast == [m.group() for m in DOC_NUMBER.full.finditer(text)] and len(fast) == 1


def test_doc_number_tails_give_the_last_characters():
    from govkg.text.docnumber import DOC_NUMBER
    assert DOC_NUMBER.last_chars == {"号", "令", "告"}  # 号, 号令, 号公告


@pytest.mark.parametrize("line, number", [
    ("国家税务总局2018年第28号公告", "国家税务总局2018年第28号公告"),  # ends in 告: the pre-test lets it through
    ("国务院第708号令", "国务院第708号令"),
    ("珠府〔2021〕35號", "珠府〔2021〕35號"),
    ("关于做好普查工作的通知", None),
    ("", None),
])
def test_number_on_line_pretest_follows_the_tails(line, number):
    from govkg.text.issue import number_on_line
    assert number_on_line(line) == number
