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
