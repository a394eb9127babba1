"""Seat extraction on tiny composition passages: (text, expected (body, role, holder) set)."""
from __future__ import annotations

import pytest

from govkg.extract.composition.seats import seat_facts
from govkg.extract.composition.spans import make_span
from govkg.extract.composition.split import split_posts
from govkg.extract.composition.walk import Walk
from govkg.text.document import document_from_text


def extract(doc, mentions=()):
    """The walk's own reading: these cases give it no bodies from ``govkg.extract.bodies``
    (``mentions``), unless a case says so."""
    return seat_facts(Walk(doc, mentions))


CASES = [
    # one post per role label
    ("#### 2.1 市森林防火指挥部\n\n组长:市应急管理局主要负责人\n",
     {("市森林防火指挥部", "组长", "市应急管理局主要负责人")}),
    # several posts on one line, wrapped over a blank line
    ("## 2.1 市森林草原防灭火指挥部\n\n指挥长:分管应急管理的副市长、分管规划和\n\n自然资源(林业)的副市长。\n",
     {("市森林草原防灭火指挥部", "指挥长", "分管应急管理的副市长"),
      ("市森林草原防灭火指挥部", "指挥长", "分管规划和自然资源(林业)的副市长")}),
    # one post per line after the label
    ("晋城市防汛抗旱指挥部(以下简称市防指)组成人员如下:\n\n副指挥长:市人民政府分管应急管理和水\n\n务工作的副秘书长\n\n"
     "市应急管理局局长\n\n武警晋城支队支队长\n\n成员单位:市委宣传部、市教育局。\n",
     {("晋城市防汛抗旱指挥部", "副指挥长", "市人民政府分管应急管理和水务工作的副秘书长"),
      ("晋城市防汛抗旱指挥部", "副指挥长", "市应急管理局局长"),
      ("晋城市防汛抗旱指挥部", "副指挥长", "武警晋城支队支队长")}),
    # composition sentences
    ("成立由市长担任组长的市招商引资工作领导小组。\n", {("市招商引资工作领导小组", "组长", "市长")}),
    ("成立市河长制工作联席会议,召集人由市政府分管副市长担任。\n",
     {("市河长制工作联席会议", "召集人", "市政府分管副市长")}),
    ("晋城市人民政府成立晋城市重污染天气应急指挥部(以下简称市指挥部),总指挥由分管生态环境保护工作的副市长担任,"
     "副总指挥由市人民政府协助分管环保工作的副秘书长和市生态环境局局长担任。\n",
     {("晋城市重污染天气应急指挥部", "总指挥", "分管生态环境保护工作的副市长"),
      ("晋城市重污染天气应急指挥部", "副总指挥", "市人民政府协助分管环保工作的副秘书长"),
      ("晋城市重污染天气应急指挥部", "副总指挥", "市生态环境局局长")}),
    # an office director's seat goes to the body whose office it is
    ("## 2.1 市森林防灭火指挥部\n\n市森防指下设办公室,办公室设在市应急管理局,办公室主任由市应急管理局、市规划和自然资源局主要负责人兼任。\n",
     {("市森林防灭火指挥部", "办公室主任", "市应急管理局主要负责人"),
      ("市森林防灭火指挥部", "办公室主任", "市规划和自然资源局主要负责人")}),
    # 分别: one holder per body
    ("## 2.2 市防汛抗旱指挥部\n\n办公室增设防汛会商小组和抗旱会商\n\n小组,组长分别由市水务局分管副局长和市农业农村局分管副局长担任。\n",
     {("防汛会商小组", "组长", "市水务局分管副局长"), ("抗旱会商小组", "组长", "市农业农村局分管副局长")}),
    # a table row: a working group and its cells
    ("综合组\t<p>组 长：市应急管理局主要负责人</p> <p>成员单位：市气象局等单位</p>\n",
     {("综合组", "组长", "市应急管理局主要负责人")}),
    # traditional characters keep their printed form
    ("#### 2.1 市森林防火指揮部\n\n指揮長:分管應急管理的副市長\n", {("市森林防火指揮部", "指揮長", "分管應急管理的副市長")}),
    ("#### 一、市环境保护委员会\n\n主任委员:市长\n\n副主任委员:分管环保工作的副市长\n",
     {("市环境保护委员会", "主任委员", "市长"), ("市环境保护委员会", "副主任委员", "分管环保工作的副市长")}),
    # named people are memberships, not seats
    ("### (一)抗震救灾指挥部。\n\n指 挥 长:张利锋 市委常委、常务副市长\n副指挥长:李子荣 市政府副秘书长\n\n成 员:有关单位分管负责人\n", set()),
    ("成立晋城市智慧停车建设工作领导小组,副市长、市公安局局长王斌权担任组长,市政府副秘书长杨金中担任副组长。\n", set()),
    ("## 领导小组\n\n成立市某某工作领导小组。\n\n副组长:\n\n李子荣 市政府副秘书长\n\n鲍瑞卿 市应急管理局局长\n", set()),
    ("综合组\t<p>组 长：张三 市应急管理局局长</p> <p>成员单位：市气象局</p>\n", set()),
    # a role given ex officio but then filled by a named person: the person wins
    ("成立由市政府分管副市长任组长的市级现代农业产业园创建领导组。\n\n组 长:冯志亮 副市长  \n", set()),
    # collective phrases are not seats
    ("## 指挥部\n\n成员:有关单位分管负责人\n", set()),
    # 成员 listing posts: each a seat; the same role on consecutive lines is one list
    ("#### 一、市安全生产委员会\n\n主任:市长\n\n副主任:分管副市长\n\n副主任:市政府秘书长\n\n成员:市财政局局长、市应急管理局局长\n",
     {("市安全生产委员会", "主任", "市长"), ("市安全生产委员会", "副主任", "分管副市长"),
      ("市安全生产委员会", "副主任", "市政府秘书长"), ("市安全生产委员会", "成员", "市财政局局长"),
      ("市安全生产委员会", "成员", "市应急管理局局长")}),
    # (兼) marks, and 任 without 由
    ("成立市河湖长制工作领导小组,市长任组长,分管副市长任副组长。\n\n办公室主任:市水务局局长(兼)\n",
     {("市河湖长制工作领导小组", "组长", "市长"), ("市河湖长制工作领导小组", "副组长", "分管副市长"),
      ("市河湖长制工作领导小组", "办公室主任", "市水务局局长")}),
    # a role label in a table's first cell
    ("## 市防汛指挥部\n\n指挥长:\t市政府分管副市长\n", {("市防汛指挥部", "指挥长", "市政府分管副市长")}),
    ("## 市防汛指挥部\n\n指挥长:\t张利锋\t市委常委、常务副市长\n", set()),
    ("## 市防汛指挥部\n\n| 职务 | 人员 |\n| --- | --- |\n| 指挥长 | 市政府分管副市长 |\n| 副指挥长 | 市水务局局长、市应急管理局局长 |\n",
     {("市防汛指挥部", "指挥长", "市政府分管副市长"), ("市防汛指挥部", "副指挥长", "市水务局局长"),
      ("市防汛指挥部", "副指挥长", "市应急管理局局长")}),
    ("## 市防汛指挥部\n\n指挥长\t分管应急工作的副市长\n\t分管水务工作的副市长\n副指挥长\t市水务局局长\n副指挥长\t市气象局局长\n",
     {("市防汛指挥部", "指挥长", "分管应急工作的副市长"), ("市防汛指挥部", "指挥长", "分管水务工作的副市长"),
      ("市防汛指挥部", "副指挥长", "市水务局局长"), ("市防汛指挥部", "副指挥长", "市气象局局长")}),
    ("## 市防汛指挥部\n\n指挥长:由市政府分管副市长担任。\n", {("市防汛指挥部", "指挥长", "市政府分管副市长")}),
    # a section at the body's own level ends its passage; a deeper one does not
    ("## 2.1 市森林防火指挥部\n\n### 2.1.1 组成\n\n指挥长:市长\n\n## 2.2 分级应对\n\n组长:县(市、区)长\n",
     {("市森林防火指挥部", "指挥长", "市长")}),
    # the clause names the sort of body: an office director of a 指挥部 is not a 联席会议's
    ("建立市消费促进联席会议制度。\n\n指挥部下设办公室,办公室设在市教育局,办公室主任由市教育局局长担任。\n", set()),
    # every county's body, not one body
    ("成立由市长担任组长的市煤炭保供工作专班。各县（市、区）也要相应成立由县（市、区）长任组长的工作专班。\n",
     {("市煤炭保供工作专班", "组长", "市长")}),
    ("成立市防汛领导小组,组长由市长担任。各县(市、区)要成立相应的领导小组,组长由县(市、区)长担任。\n",
     {("市防汛领导小组", "组长", "市长")}),
    ("## 2.1 市防汛抗旱指挥部\n\n指挥长:市长\n\n## 2.3 县级防汛抗旱指挥部\n\n指挥长:县(市、区)长\n",
     {("市防汛抗旱指挥部", "指挥长", "市长")}),
    # traditional script throughout
    ("設立市防災減災委員會,主任委員由市長擔任。\n", {("市防災減災委員會", "主任委員", "市長")}),
    # a body known only by a generic heading gets no facts of its own naming
    ("2.1 指挥部组成\n\n指挥长：市政府分管教育工作的副市长\n", set()),
    # a line that names a person gives no seat: post in full-width brackets, post glued to the name
    ("成立市优化营商环境工作领导小组。\n\n常务副组长：刘惠祥（市委常委、常务副市长）\n副组长：王晓东市政府副市长\n"
     "　　　　陈　红（市政府副市长）\n办公室主任：市发展改革局局长\n",
     {("市优化营商环境工作领导小组", "办公室主任", "市发展改革局局长")}),
    ("成立省河长制工作联席会议。\n\n召集人：林克庆省委常委、常务副省长\n副召集人：卢焱群、龙福清\n成员：省水利厅厅长\n",
     {("省河长制工作联席会议", "成员", "省水利厅厅长")}),
    ("成立高新区安全生产委员会。\n\n主任：高新区管委会主任\n", {("高新区安全生产委员会", "主任", "高新区管委会主任")}),
    # an office director named in a later section, by the office's own body; 负责同志 is a post
    ("建立省河湖长制工作联席会议制度。\n\n## 一、职责\n\n统筹协调。\n\n## 二、工作规则\n\n"
     "联席会议办公室设在省水利厅，办公室主任由省水利厅分管负责同志兼任。\n",
     {("省河湖长制工作联席会议", "办公室主任", "省水利厅分管负责同志")}),
    # 委员/成员 listing posts that share a tail and a level: a seat each, not member units
    ("现将调整后的区规划委员会组成人员通知如下：\n\n委　　员：区发展改革局、财政局主要负责人\n\n"
     "区规委会办公室设在区财政局，负责日常工作。\n",
     {("区规划委员会", "委员", "区发展改革局主要负责人"), ("区规划委员会", "委员", "区财政局主要负责人")}),
    ("成立省数字经济发展领导小组。\n\n副 组 长：郭宁宁（副省长）　李建成（副省长）\n", set()),
    # an HTML table on one line; a row naming a person gives no seat
    ("成立市城市更新工作领导小组。\n\n<table><tr><td>职务</td><td>组成人员</td></tr><tr><td>组长</td><td>市政府分管副市长</td></tr>"
     "<tr><td>副组长</td><td>张　三 市住房城乡建设局局长</td></tr></table>\n",
     {("市城市更新工作领导小组", "组长", "市政府分管副市长")}),
    # traditional labels; a post ending in 长官 is kept whole
    ("設立澳門防災減災委員會，組成如下：\n\n主任委員：行政長官\n副主任委員：保安司司長、運輸工務司司長\n",
     {("澳門防災減災委員會", "主任委員", "行政長官"), ("澳門防災減災委員會", "副主任委員", "保安司司長"),
      ("澳門防災減災委員會", "副主任委員", "運輸工務司司長")}),
    ("成立市防汛指挥部，指挥长由市长担任，副指挥长由李四副市长担任。\n", {("市防汛指挥部", "指挥长", "市长")}),
    # a surname-like first character (区) does not make a post a person
    ("成立区规划委员会。\n\n区规委会办公室设在区规划和自然资源局，办公室主任由区规划和自然资源局局长兼任。\n",
     {("区规划委员会", "办公室主任", "区规划和自然资源局局长")}),
    # the body named only in the notice's title heading
    ("# 长沙市人民政府办公厅关于调整长沙市食品安全委员会组成人员的通知\n\n现将调整后的组成人员名单通知如下：\n\n主　任：市长\n",
     {("长沙市食品安全委员会", "主任", "市长")}),
    # role labels alone on their lines without a colon; a named person below gives no seat
    ("成立市防汛指挥部。\n\n指挥长\n市长\n副指挥长\n市政府分管副市长\n市水利局局长\n",
     {("市防汛指挥部", "指挥长", "市长"), ("市防汛指挥部", "副指挥长", "市政府分管副市长"),
      ("市防汛指挥部", "副指挥长", "市水利局局长")}),
    ("成立市防汛指挥部。\n\n组长\n张　三　市长\n副组长\n市水利局局长\n", {("市防汛指挥部", "副组长", "市水利局局长")}),
    # 主席 / 副主席, 第一副组长 in prose
    ("成立县文化体育发展委员会，主席由分管文化体育工作的副县长担任，副主席由县政府办公室主任、县体育局局长担任。\n",
     {("县文化体育发展委员会", "主席", "分管文化体育工作的副县长"), ("县文化体育发展委员会", "副主席", "县政府办公室主任"),
      ("县文化体育发展委员会", "副主席", "县体育局局长")}),
    ("成立县乡村振兴工作领导小组，组长由县长担任，第一副组长由县委副书记担任。\n",
     {("县乡村振兴工作领导小组", "组长", "县长"), ("县乡村振兴工作领导小组", "第一副组长", "县委副书记")}),
    ("成立省稳就业工作专班。工作专班由省政府副省长杨兴平任召集人。成员由省发展改革委、教育厅分管负责同志组成。\n",
     {("省稳就业工作专班", "成员", "省发展改革委分管负责同志"), ("省稳就业工作专班", "成员", "省教育厅分管负责同志")}),
    # a portfolio post and a named person share a role: the post is a seat, the person a membership
    ("建立市营商环境工作联席会议。联席会议由市政府分管副市长、市政府秘书长李明任副召集人。\n",
     {("市营商环境工作联席会议", "副召集人", "市政府分管副市长")}),
    ("建立市营商环境工作联席会议。联席会议由市政府秘书长李明任副召集人。\n", set()),
    # a place in brackets inside the body's name, set up in the sentence that gives its seats
    ("市人民政府决定建立中日（天津）健康产业发展合作示范区建设市级联席会议制度，市发展改革委、市商务局主要负责同志担任副召集人。\n",
     {("中日（天津）健康产业发展合作示范区建设市级联席会议", "副召集人", p) for p in ("市发展改革委主要负责同志",
                                                                       "市商务局主要负责同志")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_seats(text: str, expected: set[tuple[str, str, str]]) -> None:
    got = {(f.body, f.role, f.holder) for f in extract(document_from_text(text))}
    assert got == expected


POSTS = [
    ("市人民政府分管应急、规划和自然资源(林业)副秘书长",
     ["市人民政府分管应急副秘书长", "市人民政府分管规划和自然资源(林业)副秘书长"]),
    ("市应急管理局、市水务局、市气象局主要负责人",
     ["市应急管理局主要负责人", "市水务局主要负责人", "市气象局主要负责人"]),
    ("分管应急管理副市长或分管规划和自然资源(林业)副市长", ["分管应急管理副市长或分管规划和自然资源(林业)副市长"]),
    ("县(市、区)人民政府主要领导或分管领导", ["县(市、区)人民政府主要领导或分管领导"]),
    ("市人民政府分管应急管理和水务工作的副市长", ["市人民政府分管应急管理和水务工作的副市长"]),
    ("市应急管理局局长和市水务局局长", ["市应急管理局局长", "市水务局局长"]),
    ("市政府副秘书长(协助分管应急工作)", ["市政府副秘书长(协助分管应急工作)"]),
    ("市委常委、常务副市长", ["市委常委、常务副市长"]),
    ("市委副书记、市长,分管副市长", ["市委副书记、市长", "分管副市长"]),
]


@pytest.mark.parametrize("text,expected", POSTS)
def test_split_posts(text: str, expected: list[str]) -> None:
    assert [p.text for p in split_posts(make_span(text, 1))] == expected


def test_seat_lines_point_at_the_post() -> None:
    doc = document_from_text("## 2.1 市森林草原防灭火指挥部\n\n指挥长:分管应急管理的副市长、分管规划和\n\n自然资源(林业)的副市长。\n")
    got = {f.holder: (f.src.line, f.src.end_line) for f in extract(doc)}
    assert got == {"分管应急管理的副市长": (3, 3), "分管规划和自然资源(林业)的副市长": (3, 5)}


def test_restated_role_in_annex_is_dropped() -> None:
    text = ("## 2.3 前线协调指挥部\n\n市前线协调指挥部设置如下:\n\n指挥长:分管应急管理副市长担任。\n\n附件 2\n\n"
            "## 晋城市前线协调指挥部指挥机构及职责\n\n指挥长\t<p>森林防火指挥长担任。</p>\n")
    got = {(f.body, f.role, f.holder) for f in extract(document_from_text(text))}
    assert got == {("市前线协调指挥部", "指挥长", "分管应急管理副市长")}


def test_body_named_by_find_bodies_where_the_walk_has_none() -> None:
    from govkg.extract.bodies.index import BodyMention

    mention = BodyMention(name="市政务公开工作领导小组", kind="leading_group", line=1, start=1, end=9,
                          parent=None, office_agency=None)
    doc = document_from_text("一、领导小组组成\n\n组长:市政府分管副市长\n\n成员单位:市政府办公室、市司法局\n", title="政务公开")
    got = {(f.body, f.role, f.holder) for f in extract(doc, [mention])}
    assert got == {("市政务公开工作领导小组", "组长", "市政府分管副市长")}


def test_walk_without_context_takes_the_covering_body() -> None:
    from govkg.extract.bodies.index import BodyMention

    mention = BodyMention(name="市政务公开工作领导小组", kind="leading_group", line=1, start=1, end=9,
                          parent=None, office_agency=None)
    doc = document_from_text("为做好政务公开工作,特明确如下:\n\n组长:市政府分管副市长\n", title="政务公开二")
    got = {(f.body, f.role, f.holder) for f in extract(doc, [mention])}
    assert got == {("市政务公开工作领导小组", "组长", "市政府分管副市长")}


def test_an_office_seat_goes_to_the_body_the_office_names() -> None:
    """专班办公室设在…，办公室主任由…兼任 after a working group's list: the 专班's seat, also where only the
    body index could name the 专班 (a quoted event in its name)."""
    from govkg.extract.bodies.index import find_bodies

    doc = document_from_text("成立县“7·20”抢险救援工作专班，下设前方组和后方组。\n一、前方组\n组长：县应急管理局局长\n"
                             "二、后方组\n组长：县财政局局长\n专班办公室设在县应急管理局，办公室主任由县应急管理局分管副局长兼任。\n")
    got = {(f.body, f.role, f.holder) for f in extract(doc, find_bodies(doc))}
    assert got == {("前方组", "组长", "县应急管理局局长"), ("后方组", "组长", "县财政局局长"),
                   ("县“7·20”抢险救援工作专班", "办公室主任", "县应急管理局分管副局长")}
