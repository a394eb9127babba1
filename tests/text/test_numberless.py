"""Documents without a number line: the number from a metadata row or the first line, the title
from the page's heading, the announced document or the attached plan."""
from __future__ import annotations

import pytest

from govkg.text.issue import Issue
from govkg.text.numberless import bracketed_number, find_heading, is_title, leading_number
from govkg.text.segment import segment


@pytest.mark.parametrize("text,expected", [
    ("关于成立县防汛抗旱指挥部的通知", True),
    ("市政府工作报告重点工作责任分解(2023年)", True),
    ("黑龍江省促進經濟穩增長的若干措施", True),
    ("某州人民政府信息公开指南（2023年）", True),
    ("浙江省省长、副省长2024年牵头重点工作公布", False),     # a news headline
    ("山东省未成年人保护工作领导小组组成人员", False),         # a list title, not a document
    ("为做好防汛工作，现通知如下：", False),                   # prose
    ("一、主要职责", False),
])
def test_is_title(text, expected):
    assert is_title(text) is expected


@pytest.mark.parametrize("first,number,title", [
    ("公告国家税务总局公告2018年第58号 国家税务总局关于简化申报有关措施的公告", "国家税务总局公告2018年第58号",
     "关于简化申报有关措施的公告"),
    ("河南省人民政府 关于明确2023年 重点工作责任单位的通知 豫政〔2023〕5号 现将任务分解如下。", "豫政〔2023〕5号",
     "关于明确2023年重点工作责任单位的通知"),
    ("各县人民政府：现将豫政〔2023〕5号转发给你们。", None, None),
])
def test_leading_number(first, number, title):
    got = leading_number(Issue(first + "\n正文。\n"))
    assert (got[1], got[2].title) == (number, title) if number else got is None


@pytest.mark.parametrize("text,title,line", [
    # the page's heading, wrapped over two lines
    ("关于国务院抗震救灾总指挥部\n工作组组成的通知\n（二○○八年五月十八日）\n根据工作需要，决定如下。\n", "关于国务院抗震救灾总指挥部工作组组成的通知", 0),
    # a page-title line: the title, then the site's words
    ("关于成立某某工作组的通知 某某网 (2008年16号)\n根据工作需要，决定如下。\n", "关于成立某某工作组的通知", 0),
    # the notice announces the plan printed after its signature
    ("各乡镇人民政府：\n现将《某县森林火灾应急预案》印发给你们，请认真执行。\n某县人民政府\n2010年11月1日\n某县森林火灾应急预案\n1 总则\n",
     "某县森林火灾应急预案", 4),
    # a news report names the notice it reports
    ("某某网讯 近日，某省人民政府发布关于年重点工作及责任分解的通知。\n通知称，要抓好落实。\n", "关于年重点工作及责任分解的通知", 0),
    # a heading after the signature, with no sentence naming it
    ("各县：\n为加强管理，制定本办法。\n某市交通运输局\n2021年9月7日\n某市车辆动态监督管理办法(试行)\n第一章 总则\n",
     "某市车辆动态监督管理办法(试行)", 4),
    # issued after a long meeting name; a verb inside the next cited title announces nothing
    ("各乡镇：\n《某市议事规则》已经2024年1月5日召开的二届市人民政府第9次常务会议通过，现予印发。\n某市人民政府\n2024年1月9日\n"
     "某市议事规则\n第一条 根据《某省决策程序规定》《某州人民政府关于印发某州工作规则的通知》，制定本规则。\n", "某市议事规则", 4),
    # no heading, no announcement: no title
    ("各市、自治州人民政府：\n为做好淘汰工作，省政府决定成立领导小组。现将组成人员通知如下：\n组长：郝远 副省长\n", None, None),
    # the titles of a table of contents are not the page's
    ("某市人民政府公报2020年第2号\n目录\n市人民政府关于印发某某管理办法的通知\n市人民政府关于成立某某领导小组的通知\n各镇人民政府：\n现提出以下措施。\n", None, None),
])
def test_find_heading(text, title, line):
    issue = Issue(text)
    got = find_heading(issue, len(issue.raw) - 1)
    assert (got.title, got.line) == (title, line) if title else got is None


def test_a_file_without_number_line_is_one_document():
    docs = segment("各县人民政府：\n为做好工作，成立领导小组。\n\n组长：张三\n", "x.txt")
    assert [(d.number, d.doc_title, d.start, d.end) for d in docs] == [(None, None, 1, 4)]


def test_an_empty_file_has_no_document():
    assert segment("\n\n   \n", "x.txt") == []


@pytest.mark.parametrize("text,number,title", [
    # a page's heading with its number in a bracket after it
    ("当前位置：首页 > 政务公开\n\n某市委办公室某市人民政府办公室印发《关于某事的实施意见》的通知(某办发〔2017〕2号)\n\n各县市区：\n正文。\n",
     "某办发〔2017〕2号", "印发关于某事的实施意见的通知"),
    # a cited title with its number is no heading of the page
    ("《某省某事管理办法》(某政发〔2018〕1号)\n各县：\n正文。\n", None, None),
    # below the running text nothing is read
    ("各县人民政府：\n现将有关事项通知如下。\n关于某事的通知(某政发〔2018〕1号)\n", None, None),
])
def test_bracketed_number(text, number, title):
    issue = Issue(text)
    got = bracketed_number(issue, len(issue.raw) - 1)
    assert (got[1], got[2].title) == (number, title) if number else got is None


@pytest.mark.parametrize("text,number,title", [
    # a news report of one document: the issuing body, the verb, the title and its number
    ("某省出台措施支持民营经济\n近日，某省人民政府办公厅印发《关于支持民营经济的若干措施》（某政办发〔2022〕18号），提出20条。\n",
     "某政办发〔2022〕18号", "关于支持民营经济的若干措施"),
    # no full name of a body before the verb: a citation, not the report's document
    ("各县：\n按照省里印发《关于支持民营经济的若干措施》（某政办发〔2022〕18号）的要求。\n", None, None),
    # a page with a heading of its own is about that heading
    ("关于做好某事的通知\n各县：\n某省人民政府办公厅印发《关于支持民营经济的若干措施》（某政办发〔2022〕18号）以来，成效明显。\n",
     None, None),
])
def test_reported_number(text, number, title):
    from govkg.text.numberless import reported_number
    issue = Issue(text)
    got = reported_number(issue, len(issue.raw) - 1)
    assert (got[1], got[2].title) == (number, title) if number else got is None


_HOST = "某政发〔2022〕3号\n某市人民政府关于甲事的通知\n各县：\n{body}\n某市人民政府\n2022年2月10日\n"


@pytest.mark.parametrize("body,after,titles", [
    # a notice after the signature, opened by its heading and its addressee
    ("正文。", "某市人民政府办公室关于调整某某指挥部组成人员的通知\n各县（市、区）人民政府：\n正文。\n",
     ["关于调整某某指挥部组成人员的通知"]),
    # the issuer's name on a line of its own over the heading
    ("正文。", "某市人民政府办公室\n关于调整某某指挥部\n组成人员的通知\n各县（市、区）人民政府：\n正文。\n",
     ["关于调整某某指挥部组成人员的通知"]),
    # a plan the notice issues is the notice's, whatever follows its heading
    ("现将《关于乙事的实施意见》印发给你们。", "关于乙事的实施意见\n各县：\n正文。\n", []),
    # no addressee under the heading: an attached plan
    ("正文。", "关于乙事的实施意见\n为做好乙事，提出如下意见。\n", []),
])
def test_unnumbered_notices(body, after, titles):
    from govkg.text.numberless import unnumbered_notices
    issue = Issue(_HOST.format(body=body) + after)
    assert [t for _, _, t, _ in unnumbered_notices(issue, [(0, 0)])] == titles


@pytest.mark.parametrize("text,issuer", [
    ("某县成立某小组\n5月12日，中共某某县委办公室、某某县人民政府办公室印发了《关于成立某某县某某工作领导小组的通知》。\n",
     "中共某某县委办公室、某某县人民政府办公室"),   # joint issuers, each a full name
    ("某县成立某小组\n近日，某某县人民政府办公室印发了《关于成立某某县某某工作领导小组的通知》。\n", "某某县人民政府办公室"),
    ("某县成立某小组\n日前，县卫健委、某某县人民政府办公室印发了《关于成立某某县某某工作领导小组的通知》。\n",
     "某某县人民政府办公室"),                       # a short name before 、 is no issuer of its own
])
def test_a_reported_notice_names_its_issuers(text, issuer):
    from govkg.text.issue import Issue
    from govkg.text.numberless import find_heading

    issue = Issue(text)
    head = find_heading(issue, len(issue.raw) - 1)
    assert head is not None and head.issuer == issuer
