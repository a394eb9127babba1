"""Member-unit extraction on tiny composition passages: (text, expected (body, agency) set)."""
from __future__ import annotations

import pytest

from govkg.extract.composition.spans import make_span
from govkg.extract.composition.split import split_agencies
from govkg.extract.composition.units import unit_facts
from govkg.extract.composition.walk import Walk
from govkg.text.document import document_from_text


def extract(doc, mentions=()):
    """The walk's own reading: these cases give it no bodies from ``govkg.extract.bodies``
    (``mentions``), unless a case says so."""
    return unit_facts(Walk(doc, mentions))


CASES = [
    ("#### 2.1 市森林防火指挥部\n\n成员单位:市委宣传部、市发展和改革委员会、市规划和自然资源局(市林业局)、国网晋城供电公司"
     "等有关单位主要负责人或分管负责人。根据需要可抽调其他单位。\n",
     {("市森林防火指挥部", a) for a in ("市委宣传部", "市发展和改革委员会", "市规划和自然资源局(市林业局)", "国网晋城供电公司")}),
    # a list wrapped over many short lines
    ("## 指挥部组成\n\n成立市校园安全事故应急指挥部。\n\n成员：市委宣传部、市委统战部、市发展改革委、\n\n市教育局、市财政\n\n局、武警晋城支\n\n队、中国移动晋城公司等分管负责\n\n人。\n",
     {("市校园安全事故应急指挥部", a) for a in ("市委宣传部", "市委统战部", "市发展改革委", "市教育局", "市财政局",
                                               "武警晋城支队", "中国移动晋城公司")}),
    # a working group under a headquarters, placeholders dropped
    ("#### 2.4.7 医学救护组\n\n组长:市卫生健康委员会主要负责人\n\n成员单位:市农业农村局、县(市、区)相关部门\n\n职责:负责灾区伤员救治。\n",
     {("医学救护组", "市农业农村局")}),
    # a table row
    ("后勤保障组\t<p>组 长：当地县（市、区）人民政府主要领导或分管领导                      成员单位：市发展和改革委员会、市财政局、"
     "电力、通讯等部门单位和当地县（市、区）人民政府                      主要职责：协调运力。</p>\n",
     {("后勤保障组", "市发展和改革委员会"), ("后勤保障组", "市财政局")}),
    # a composition sentence with one shared 市
    ("成立晋城市智慧停车建设工作领导小组,副市长王斌权担任组长。成员单位由市发展改革委、教育局、城市管理局、公安局交警支队、"
     "市直属机关事务服务中心、国有资本投资运营公司、城区政府、泽州县政府等相关部门组成,负责组织领导。\n",
     {("晋城市智慧停车建设工作领导小组", a) for a in ("市发展改革委", "市教育局", "市城市管理局", "市公安局交警支队",
                                                      "市直属机关事务服务中心", "市国有资本投资运营公司", "城区政府",
                                                      "泽州县政府")}),
    ("领导小组办公室下设国有企业退休人员社会化管理专项办公室。专项办公室成员单位包括市委组织部、市档案局(市档案馆)等部门。\n",
     {("国有企业退休人员社会化管理专项办公室", "市委组织部"), ("国有企业退休人员社会化管理专项办公室", "市档案局(市档案馆)")}),
    # traditional characters
    ("#### 2.1 市森林防火指揮部\n\n成員單位:市教育局、市財政局\n", {("市森林防火指揮部", "市教育局"), ("市森林防火指揮部", "市財政局")}),
    # members who are people, or a collective phrase, give no units
    ("## 领导小组\n\n成立市某某工作领导小组。\n\n成 员:杨跃卿 市发展和改革委员会副主任\n", set()),
    ("## 指挥部\n\n成立市某某指挥部。\n\n成 员:有关单位分管负责人\n\n指挥部主要职责:贯彻落实党中央、国务院、省委的决策部署。\n", set()),
    ("评审组由市招商引资工作领导小组有关成员单位组成。\n", set()),
    ("成立市文明城市创建指挥部。督导组由市文明办、市住建局组成。\n", {("督导组", "市文明办"), ("督导组", "市住建局")}),
    ("成立市文明城市创建指挥部。\n\n22日 由北京大学党工委副书记带队的考察团一行组成代表团来我市考察。\n", set()),
    # a numbered title line, a lead-unit label, a list wrapped mid-name
    ("2.4.2检疫封锁组\n\n牵头单位：市公安局\n\n成员单位：市交通运输局、晋城\n\n海关、长治北车站晋城北货运车间\n\n主要职责：根据灾情。\n",
     {("检疫封锁组", "市交通运输局"), ("检疫封锁组", "晋城海关"), ("检疫封锁组", "长治北车站晋城北货运车间")}),
    # one agency per line after a bare label
    ("#### 2.1 市防汛指挥部\n\n成员单位:\n\n市委宣传部\n\n晋城海关\n\n国网晋城供电公司\n\n职责:负责防汛。\n",
     {("市防汛指挥部", a) for a in ("市委宣传部", "晋城海关", "国网晋城供电公司")}),
    # X为成员单位; a unit label in a table's first cell
    ("成立市文明城市创建指挥部。市委宣传部、市文明办、市住建局等部门为指挥部成员单位。\n",
     {("市文明城市创建指挥部", a) for a in ("市委宣传部", "市文明办", "市住建局")}),
    ("## 市防汛指挥部\n\n成员单位:\t市水务局、市气象局\n", {("市防汛指挥部", "市水务局"), ("市防汛指挥部", "市气象局")}),
    # agencies set apart by spaces, or numbered one per line
    ("## 市防汛指挥部\n\n成员单位:市发改委  市财政局  市妇联\n", {("市防汛指挥部", a) for a in ("市发改委", "市财政局", "市妇联")}),
    ("## 市防汛指挥部\n\n成员单位:\n1.市发改委\n2.市财政局\n3.晋城海关\n\n职责:负责防汛。\n",
     {("市防汛指挥部", a) for a in ("市发改委", "市财政局", "晋城海关")}),
    # a heading that is only the label
    ("## 一、市防汛指挥部\n\n## 二、成员单位\n\n市发改委、市财政局、晋城海关。\n",
     {("市防汛指挥部", a) for a in ("市发改委", "市财政局", "晋城海关")}),
    # a heading that is only the label over a paragraph with its own label
    ("## 一、市营商环境领导小组\n\n## 三、成员单位\n\n领导小组成员单位：市发展改革局、工业和信息化局、公安局。\n",
     {("市营商环境领导小组", a) for a in ("市发展改革局", "市工业和信息化局", "市公安局")}),
    # agencies set apart by full-width spaces after a labelled sentence head
    ("成立省数字经济发展领导小组。\n\n领导小组成员单位：省发展改革委　省工业和信息化厅　省大数据集团\n",
     {("省数字经济发展领导小组", a) for a in ("省发展改革委", "省工业和信息化厅", "省大数据集团")}),
    # a numbered paragraph opening with a working group's name: its leader and units are its own
    ("成立市亚运城市行动指挥部。\n\n（一）综合协调组。组长由市政府秘书长担任，成员单位：市政府办公厅、市财政局。\n\n"
     "（二）城市环境组。组长由市城管局局长担任，成员单位：市城管局、市建委。\n",
     {("综合协调组", "市政府办公厅"), ("综合协调组", "市财政局"), ("城市环境组", "市城管局"), ("城市环境组", "市建委")}),
    ("一、成立县文化体育发展委员会，主席由副县长担任。委员会成员单位为县委宣传部、县教育局。\n",
     {("县文化体育发展委员会", "县委宣传部"), ("县文化体育发展委员会", "县教育局")}),
    ("成立市城市更新工作领导小组。\n\n<table><tr><td>成员单位</td><td>市发展改革委、财政局</td></tr></table>\n",
     {("市城市更新工作领导小组", "市发展改革委"), ("市城市更新工作领导小组", "市财政局")}),
    # a note in brackets between the label and its colon
    ("成立市河长制工作领导小组。\n\n成员单位（排名不分先后）：市委宣传部、市财政局。\n",
     {("市河长制工作领导小组", "市委宣传部"), ("市河长制工作领导小组", "市财政局")}),
    # a list opening with a place-named agency (晋城 reads like a name) is not a person
    ("#### 2.4.1现场处置组\n\n成员单位：晋城军分区、市应急管理局、市水务\n\n局、晋城海关\n",
     {("现场处置组", a) for a in ("晋城军分区", "市应急管理局", "市水务局", "晋城海关")}),
    # a composition sentence under a label heading: 联席会议由A、B组成
    ("建立省河湖长制工作联席会议制度。\n\n## 二、成员单位\n\n联席会议由省水利厅、省发展改革委、经信厅等部门组成。\n",
     {("省河湖长制工作联席会议", a) for a in ("省水利厅", "省发展改革委", "省经信厅")}),
    # parts of the body itself are not member units
    ("指挥体系由晋城市校园安全事故应急指挥部（以下简称市指挥部）、指挥部办公室、应急工作组组成。\n", set()),
    # members listed as people with their posts are memberships, no units (财政部 of 财政部副部长张三)
    ("成立市测试领导小组。领导小组成员包括：财政部副部长张三、水利部副部长李四。\n", set()),
    # a count with 共计 and 家 closes the list of agencies whose heads are members
    ("成立平川县河湖保护领导小组，县水利局、县环保局等共计9家部门单位主要负责同志为成员。\n",
     {("平川县河湖保护领导小组", "县水利局"), ("平川县河湖保护领导小组", "县环保局")}),
    # a placeholder's title closes the list but is shared by no agency: units, no 街道城管科主任 seats
    ("成立街道垃圾分类工作领导小组。\n成员：街道城管科、街道综合执法队、各社区居委会主任\n",
     {("街道垃圾分类工作领导小组", "街道城管科"), ("街道垃圾分类工作领导小组", "街道综合执法队")}),
    # a place in brackets inside the body's name, and the clause wrapped over lines (a PDF's fixed width)
    ("市人民政府决定建立中日（天津）健康产业发展合作示范区建设市级联席会议制度，成员单位包括市发展改革委、市商务局和静海区人民政府。\n",
     {("中日（天津）健康产业发展合作示范区建设市级联席会议", a) for a in ("市发展改革委", "市商务局", "静海区人民政府")}),
    # … and the label cut by the wrap after a word that reads as a whole item (成员 / 单位为…); 由 of 自由 is no verb
    ("为推进自贸试验区建设，省政府决定成立中国\n（河南）自由贸易试验区工作领导小组，成员\n单位为省商务厅、省财政厅、郑州海关。\n",
     {("中国（河南）自由贸易试验区工作领导小组", a) for a in ("省商务厅", "省财政厅", "郑州海关")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_units(text: str, expected: set[tuple[str, str]]) -> None:
    got = {(f.body, f.agency) for f in extract(document_from_text(text))}
    assert got == expected


AGENCIES = [
    ("市发展改革委、教育局、财政局", ["市发展改革委", "市教育局", "市财政局"]),
    # the list's tail (等 with a count, 共计, 家) is cut from the last item
    ("市财政局、市环保局等12个部门", ["市财政局", "市环保局"]),
    ("县财政局、县环保局等共计28家部门单位", ["县财政局", "县环保局"]),
    ("晋中市发展改革委、教育局、财政局", ["晋中市发展改革委", "晋中市教育局", "晋中市财政局"]),
    ("区发改局、教育局、城区街道办", ["区发改局", "区教育局", "城区街道办"]),
    ("市应急管理局、晋城军分区、山西省公路局晋城分局、县(市、区)相关部门", ["市应急管理局", "晋城军分区", "山西省公路局晋城分局"]),
    ("市公安局和当地县（市、区）人民政府", ["市公安局"]),
    ("市发改委分管负责人、市财政局主要负责人", ["市发改委", "市财政局"]),
    ("各县(市、区)人民政府、有关单位、各部门", []),
    # the shared prefix spreads to every bare department after it, also past a prefixed one
    ("市发展改革委、经济和信息化局、公安局、市财政局", ["市发展改革委", "市经济和信息化局", "市公安局", "市财政局"]),
    ("省發展改革委、經濟和信息化廳、公安廳", ["省發展改革委", "省經濟和信息化廳", "省公安廳"]),
    ("市发展改革委、国有资本投资运营公司、农业银行晋城分行", ["市发展改革委", "市国有资本投资运营公司", "农业银行晋城分行"]),
    # a list printed with no separators splits only where every piece is a whole agency
    ("市发改委市财政局市教育局", ["市发改委", "市财政局", "市教育局"]),
    ("市委宣传部市文明办", ["市委宣传部", "市文明办"]),
    ("市委市政府督查室", ["市委市政府督查室"]),
    ("高新区市场监管局、市公安局交警支队", ["高新区市场监管局", "市公安局交警支队"]),
    # 以及 before the last items; towns, street offices and parks among the units
    ("县水务局、县住房和城乡建设局以及茈碧湖镇、邓川镇", ["县水务局", "县住房和城乡建设局", "茈碧湖镇", "邓川镇"]),
    ("市蔬菜产业发展中心、寿光农产品物流园、城关街道", ["市蔬菜产业发展中心", "寿光农产品物流园", "城关街道"]),
]


@pytest.mark.parametrize("text,expected", AGENCIES)
def test_split_agencies(text: str, expected: list[str]) -> None:
    assert [a.text for a in split_agencies(make_span(text, 1))] == expected


def test_restated_units_in_annex_are_dropped() -> None:
    text = ("## 2.2 市防汛抗旱指挥部\n\n成员单位:市委宣传部、市教育局。\n\n附件 4\n\n# 市防汛抗旱指挥部及其办公室、成员单位职责\n\n"
            "成员单位:市委宣传部、张峰水库建设管理局。\n")
    got = {(f.body, f.agency) for f in extract(document_from_text(text))}
    assert got == {("市防汛抗旱指挥部", "市委宣传部"), ("市防汛抗旱指挥部", "市教育局")}


def test_the_signature_is_no_unit() -> None:
    text = "（二）执法监督组\n组长：市公安局分管负责人\n成员单位：市公安局、市城管局\n\n西安市人民政府办公厅\n2021年4月20日\n"
    doc = document_from_text(text, issuer="西安市人民政府办公厅")
    assert {(f.body, f.agency) for f in extract(doc)} == {("执法监督组", "市公安局"), ("执法监督组", "市城管局")}


_GROUPS_SET_UP = "成立市森林防灭火指挥部。\n指挥部下设综合协调组、后勤保障组。\n"


@pytest.mark.parametrize("lines, expected", [
    # a group's name before a colon, then its lead and the agencies taking part
    ("综合协调组：由市应急管理局牵头，市林业局、市公安局参加。\n后勤保障组：由市财政局牵头，市交通运输局参加。\n",
     {("综合协调组", "市应急管理局"), ("综合协调组", "市林业局"), ("综合协调组", "市公安局"),
      ("后勤保障组", "市财政局"), ("后勤保障组", "市交通运输局")}),
    # … or a bare list of them, the lead marked in brackets
    ("综合协调组：市应急管理局（牵头）、市林业局、市公安局。\n后勤保障组：市财政局(牵头)、市交通运输局\n",
     {("综合协调组", "市应急管理局"), ("综合协调组", "市林业局"), ("综合协调组", "市公安局"),
      ("后勤保障组", "市财政局"), ("后勤保障组", "市交通运输局")}),
    # a name the document did not set up as a group opens no group
    ("宣传报道组：市委宣传部（牵头）、市融媒体中心。\n", set()),
    # a group's duties after its name are no list
    ("综合协调组：负责统筹协调火灾扑救工作。\n", set()),
])
def test_a_group_named_before_a_colon(lines: str, expected: set[tuple[str, str]]) -> None:
    from govkg.extract.pipeline import extract_text
    facts = extract_text(_GROUPS_SET_UP + lines, "x.txt").facts
    assert {(f.body, f.agency) for f in facts if f.type == "unit"} == expected
