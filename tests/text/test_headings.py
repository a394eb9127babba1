"""Headings, issuers and dates of documents read from the lines around them: the issue-level
helpers of ``govkg.text.issue``, ``govkg.text.numberless`` and ``govkg.text.docnumber``."""
from __future__ import annotations

import pytest

from govkg.text.docnumber import issuer_of
from govkg.text.furniture import is_furniture
from govkg.text.issue import Issue, strip_issuer_prefix
from govkg.text.numberless import dateless_signature, named_issuer
from govkg.text.segment import segment


@pytest.mark.parametrize("title,body,orgs", [
    ("某市人民政府关于某事的通知", "关于某事的通知", ["某市人民政府"]),
    ("某省人民政府印发《某方案》的通知", "印发《某方案》的通知", ["某省人民政府"]),
    # a short form is cut off but names no issuer: its place is not printed
    ("县人民政府办公室关于某事的通知", "关于某事的通知", []),
    ("市政府关于某事的通知", "关于某事的通知", []),
    ("县委县政府关于某事的意见", "关于某事的意见", []),
    # no body before 关于
    ("进一步关于某事的说明", "进一步关于某事的说明", []),
    ("关于某事的通知", "关于某事的通知", []),
    # several issuers apart by spaces
    ("甲市民政局 中共甲市委社会工作部 甲市财政局 关于印发某方案的通知", "关于印发某方案的通知",
     ["甲市民政局", "中共甲市委社会工作部", "甲市财政局"]),
    ("关于某某工作组 组成的通知", "关于某某工作组组成的通知", []),
])
def test_strip_issuer_prefix(title, body, orgs):
    assert strip_issuer_prefix(title) == (body, orgs)


@pytest.mark.parametrize("lines,title,date", [
    # a summary line prints title, number and date over a partial heading
    (["某市人民政府办公室关于成立某工作领导小组的通知 某政办函〔2015〕6号 2015年9月14日 发布机关:某市 |",
      "某工作领导小组的通知", "某政办函〔2015〕6号"], "关于成立某工作领导小组的通知", "2015-09-14"),
    # the number and the date glued under the heading: passed over
    (["某市人民政府办公室关于成立某工作领导小组的通知", "某政办函[2003]48号2003年12月16日某省", "某政办函[2003]48号"],
     "关于成立某工作领导小组的通知", "2003-12-16"),
    # a plain heading
    (["某市人民政府办公室关于成立某工作领导小组的通知", "某政办函〔2003〕48号"], "关于成立某工作领导小组的通知", None),
])
def test_heading_above_reads_a_reprinted_number(lines, title, date):
    issue = Issue("\n".join(lines + ["各区县：", "正文。"]))
    n = len(lines) - 1
    head = issue.heading_above(n, issue.clean[n])
    got = head.text if head.text is not None else "".join(issue.clean[t] for t in head.lines)
    assert (strip_issuer_prefix(got)[0], head.date) == (title, date)


def test_heading_below_takes_the_issuer_printed_between_number_and_title():
    issue = Issue("  某政发〔2020〕5号\n\n  某某街道办事处\n\n  关于成立某某工作\n\n  领导小组的通知\n各社区：\n正文。")
    lines, orgs = issue.heading_below(0)
    assert (lines, orgs) == ([4, 6], ["某某街道办事处"])


@pytest.mark.parametrize("lines,date", [
    (["现将有关事项通知如下，请认真执行。", "2014年3月20日"], "2014-03-20"),                 # after the last sentence
    (["附件：1.某某方案", "2.某某清单", "2021年5月12日", "（此件公开发布）"], "2021-05-12"),      # after the attachments
    (["某某局局长：王某某", "", "2017年5月16日"], "2017-05-16"),                             # under the signer
    (["序号", "某项任务。", "市财政局", "2021年6月30日", "2021年12月31日"], None),             # deadline cells of a table
    (["一、工作目标", "2021年6月30日"], None),                                              # under a heading
])
def test_unsigned_date(lines, date):
    issue = Issue("\n".join(lines))
    assert issue.unsigned_date(0, len(lines) - 1) == date


@pytest.mark.parametrize("number,issuer", [
    ("国家税务总局令第41号", "国家税务总局"), ("某省税务局公告2022年第5號", "某省税务局"), ("国务院第708号令", "国务院"),
    ("交通运输部令2016年第55号", "交通运输部"), ("财政部、税务总局公告2019年第39号", "财政部、税务总局"),
    ("某市政发〔2020〕3号", None), ("市长第1号令", None),
])
def test_issuer_of(number, issuer):
    assert issuer_of(number) == issuer


@pytest.mark.parametrize("line,chrome", [
    ("当前位置: 首页 > 政务公开 > 政策文件", True), ("首页>>政府信息公开>>政策", True), ("返回顶部", True),
    ("【打印】【关闭】", True), ("字号：【大 中 小】", True), ("浏览次数：590", True), ("网站支持IPV6 | 无障碍阅读", True),
    ("关于打印本页的通知", False), ("首页", False), ("现将《方案》印发给你们。", False),
])
def test_site_chrome_is_furniture(line, chrome):
    assert is_furniture(line) is chrome


@pytest.mark.parametrize("text,issuer", [
    ("某省成立某工作领导小组\n本报讯 近日，某省人民政府办公厅下发通知，成立某省某工作领导小组。\n", "某省人民政府办公厅"),
    ("某网消息，近日，某省人民政府发布关于年重点工作及责任分解的通知。\n", "某省人民政府"),
    ("日前，中共某某县委调整充实了对台工作领导小组。\n", "中共某某县委"),
    ("记者从某省教育厅获悉，全省将开展某项工作。\n", None),                     # 获悉 issues nothing
    ("国务院决定成立某某领导小组。\n", None),                                  # no full name of a body
    ("为落实《某省人民政府办公厅转发某部关于某事意见的通知》精神，制定本意见。\n", None),  # a verb inside a title
])
def test_named_issuer(text, issuer):
    issue = Issue(text)
    assert named_issuer(issue, len(issue.raw) - 1) == issuer


@pytest.mark.parametrize("text,issuer", [
    ("各镇：\n联席会议不纳入议事协调机构管理。\n\n某市某区人民政府办公室\n", "某市某区人民政府办公室"),
    ("成员单位：\n某某市公安局\n某某市财政局\n", None),                              # a list of units ends the excerpt
    ("各镇：\n请认真执行。\n", None),
])
def test_dateless_signature(text, issuer):
    issue = Issue(text)
    last = max(i for i, c in enumerate(issue.clean) if c)
    assert dateless_signature(issue, last) == issuer


def test_a_numbered_page_takes_the_date_of_its_metadata_rows_when_unsigned():
    text = "发文字号：某政发〔2019〕2号 发文日期：2019-01-07 发布日期：2019-01-16\n标题：某省人民政府关于某事的通知\n\n各市：\n正文。\n"
    (doc,) = segment(text, "p.txt")
    assert (doc.number, doc.title, doc.date) == ("某政发〔2019〕2号", "关于某事的通知", "2019-01-07")


@pytest.mark.parametrize("lines,title", [
    # title / issuer / number, as a law database prints an order
    (["某市人民政府关于修改《某办法》的决定", "", "某市人民政府", "", "某市人民政府令第 18 号"], "关于修改《某办法》的决定"),
    # a short line over the issuer is no title (a table's last cell of the document before)
    (["市财政局", "某市人民政府", "某市人民政府令第 18 号"], None),
])
def test_a_title_over_the_issuer(lines, title):
    issue = Issue("\n".join(lines + ["正文。"]))
    n = len(lines) - 1
    head = issue.heading_above(n, "某市人民政府令第18号")
    got = strip_issuer_prefix("".join(issue.clean[t] for t in head.lines))[0] if head.lines else None
    assert (got, head.orgs) == (title, ["某市人民政府"])


@pytest.mark.parametrize("line,date", [
    ("二OO四年三月八日", "2004-03-08"), ("二0一九年三月一日", "2019-03-01"), ("二○○八年五月十八日", "2008-05-18"),
    ("OOOO年一月一日", None), ("0000年一月一日", None),
])
def test_dates_with_zeros_typed_as_letters(line, date):
    from govkg.text.numerals import parse_date
    assert parse_date(line) == date


def test_a_heading_inside_quotes_over_the_number_is_the_title():
    text = "《某市人民政府办公厅关于印发〈某要点〉的通知》\n某政办发〔2017〕3号\n各区：\n正文。\n"
    (doc,) = segment(text, "q.txt")
    assert (doc.number, doc.title, doc.issuer) == ("某政办发〔2017〕3号", "关于印发〈某要点〉的通知", "某市人民政府办公厅")
