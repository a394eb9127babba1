"""Run-on lines are cut before numbered items and role labels; pieces keep their source line."""
from __future__ import annotations

import pytest

from govkg.extract.pipeline import extract_text
from govkg.text.runon import MIN_LENGTH, cut
from govkg.text.segment import segment

PAD = "为做好各项工作，各单位要高度重视，加强组织领导，明确责任分工，细化工作措施，确保按期完成。" * 2


@pytest.mark.parametrize("line,pieces", [
    # a document on one line: items after spaces, sentence ends and closing brackets
    (PAD + " 一、加快发展 （一）促进消费。 1.扩大消费。（市商务局负责） 2.稳定投资。（市发改委负责）",
     [PAD + " ", "一、加快发展 ", "（一）促进消费。 ", "1.扩大消费。（市商务局负责） ", "2.稳定投资。（市发改委负责）"]),
    # a composition list on one line: cut before each role label, not inside 领导小组组长
    ("组长:张高丽国务院副总理副组长:姜大明国土资源部部长成员:" + "某某某局局长、" * 12 + "领导小组组长:例外",
     ["组长:张高丽国务院副总理", "副组长:姜大明国土资源部部长", "成员:" + "某某某局局长、" * 12 + "领导小组组长:例外"]),
    # a lead-in's colon before a section number; the next section number after the line's last one,
    # wherever it stands (副局长三、工作机构), but no number that does not come next (第三、 or 一、二级)
    ("现将有关事项通知如下：一、主要职责统筹全市一、二级响应工作。二、组成人员组长：甲某市长副组长：乙某副市长成员：" + "某某局局长" * 12
     + "三、工作机构办公室设在市某局，按一、二级响应处置，第三、四季度开展工作。",
     ["现将有关事项通知如下：", "一、主要职责统筹全市一、二级响应工作。", "二、组成人员", "组长：甲某市长", "副组长：乙某副市长",
      "成员：" + "某某局局长" * 12, "三、工作机构办公室设在市某局，按一、二级响应处置，第三、四季度开展工作。"]),
    # a numbered heading glued to the role label whose value is on the next line, at any length
    ("二、指揮部成員總指揮:", ["二、指揮部成員", "總指揮:"]),
    ("（二）领导小组组成人员组长：", ["（二）领导小组组成人员", "组长："]),
])
def test_cut(line, pieces):
    assert cut(line) == pieces and "".join(pieces) == line


@pytest.mark.parametrize("line", [
    "一、主要职责 二、组成人员",                       # short: an ordinary line
    "为推进“十四五”规划实施，现将2023年1月至12月的工作安排如下" * 3,   # long, but no item or label to cut at
    "组长:张三 " + "某" * (MIN_LENGTH + 5),            # one role label only
    "按照国发〔2018〕42号文件的要求" * 10,             # 42号 is no item
    "二、领导小组组长：",                              # the label continues the body's name
    "三、工作要求：",                                  # no role label
    "组长：",                                          # a label alone, no heading
])
def test_no_cut(line):
    assert cut(line) == [line]


def test_a_cut_document_maps_its_lines_back_to_the_file():
    text = "标题行\n" + "某某县人民政府关于下达任务的通知 某政发〔2023〕9号 " + PAD + " 一、新增就业。（责任单位：县人社局） 二、改造小区。（责任单位：县住建局）\n末行文字。"
    [doc] = segment(text, "x.txt")
    assert doc.source_lines is not None and len(doc.lines) > 3
    assert {doc.source_line(n) for n in range(doc.start, doc.end + 1)} == {1, 2, 3}
    facts = extract_text(text, "x.txt").facts
    asg = sorted((f.agency, f.src.line, f.src.end_line) for f in facts if f.type == "assignment")
    assert asg == [("县人社局", 2, None), ("县住建局", 2, None)]
    assert [(f.src.line, f.src.end_line) for f in facts if f.type == "document"] == [(2, 3)]
