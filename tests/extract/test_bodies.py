"""Bodies and memberships on small fixtures of list layouts seen across city gazettes."""
import pytest

from govkg.extract.bodies.facts import extract
from govkg.extract.bodies.index import find_bodies
from govkg.facts import BodyFact, MembershipFact
from govkg.text.document import document_from_text


def members(text: str) -> set[tuple]:
    doc = document_from_text(text)
    return {(f.body, f.person, f.role, f.position, f.concurrent) for f in extract(doc) if isinstance(f, MembershipFact)}


def bodies(text: str) -> list[tuple[str, str]]:
    return [(b.name, b.kind) for b in find_bodies(document_from_text(text))]


LG = "为加强组织领导，市政府决定成立晋城市测试工作领导小组。"

CASES = [
    # label alone on its line, names below
    ("label-alone", LG + "\n组  长：\n张三  市长\n副组长：\n李四  副市长\n成  员：\n王五  市财政局局长\n赵 六  市教育局局长",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False),
      ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False), ("晋城市测试工作领导小组", "赵六", "成员", "市教育局局长", False)}),
    # several names on one line
    ("names-one-line", "市政府决定成立市测试委员会。\n主任:王小明\n副主任:卢焱群、龙福清",
     {("市测试委员会", "王小明", "主任", None, False), ("市测试委员会", "卢焱群", "副主任", None, False),
      ("市测试委员会", "龙福清", "副主任", None, False)}),
    # posts in brackets and names glued to posts
    ("brackets-glued", "省政府决定成立省测试领导小组。\n组长：刘惠祥(市委常委、常务副市长)\n副组长：林克庆省委常委、常务副省长",
     {("省测试领导小组", "刘惠祥", "组长", "市委常委、常务副市长", False),
      ("省测试领导小组", "林克庆", "副组长", "省委常委、常务副省长", False)}),
    # posts wrapped over lines
    ("wrapped-post", LG + "\n组长:杨德培 市纪委副书记、\n市监委副主任\n成员:祁 砖 山西煤矿安全监察局\n晋城监察分局局长",
     {("晋城市测试工作领导小组", "杨德培", "组长", "市纪委副书记、市监委副主任", False),
      ("晋城市测试工作领导小组", "祁砖", "成员", "山西煤矿安全监察局晋城监察分局局长", False)}),
    # composition in prose
    ("prose", "建立市测试联席会议制度。联席会议由副市长张三任召集人，市政府副秘书长李四任副召集人。办公室主任由王五兼任。",
     {("市测试联席会议", "张三", "召集人", "副市长", False), ("市测试联席会议", "李四", "副召集人", "市政府副秘书长", False),
      ("市测试联席会议", "王五", "办公室主任", None, True)}),
    ("prose-by", "市政府成立市测试指挥部，总指挥由市委常委、常务副市长张三担任，鲍瑞卿和毕明荣同志兼任办公室主任。",
     {("市测试指挥部", "张三", "总指挥", "市委常委、常务副市长", False), ("市测试指挥部", "鲍瑞卿", "办公室主任", None, True),
      ("市测试指挥部", "毕明荣", "办公室主任", None, True)}),
    # two-column table whose columns arrive interleaved: read column by column
    ("two-column", LG + "\n附件\n## 晋城市测试工作领导小组组成人员名单\n"
     "组 长:张三\t市长\t刘一\t市教育局副局长\n副组长:李四\t市政府副秘书长\t陈二\t市司法局副局长\n"
     "成 员:王五\t市财政局局长\t孙七\t市民政局副局长\n\t\t周八\t市人社局副局长",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "市政府副秘书长", False),
      ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False), ("晋城市测试工作领导小组", "刘一", "成员", "市教育局副局长", False),
      ("晋城市测试工作领导小组", "陈二", "成员", "市司法局副局长", False), ("晋城市测试工作领导小组", "孙七", "成员", "市民政局副局长", False),
      ("晋城市测试工作领导小组", "周八", "成员", "市人社局副局长", False)}),
    # HTML table fragments, one row per <tr>, role in its own cell
    ("html", LG + "\n<table><tr><td>组长</td><td>张三</td><td>市长</td></tr><tr><td>副组长</td><td>李四</td><td>副市长</td></tr>"
     "<tr><td>成员</td><td>王五</td><td>市财政局局长</td></tr></table>",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False),
      ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False)}),
    # roles of committees and headquarters, traditional characters kept as printed
    ("traditional", "市政府決定成立市測試領導小組。\n組長：陳大文 市長\n副組長：黃小明 副市長",
     {("市測試領導小組", "陳大文", "組長", "市長", False), ("市測試領導小組", "黃小明", "副組長", "副市長", False)}),
    # a whole list on one line, names and posts separated by spaces only
    ("one-line-list", LG + "\n成员：王五 市财政局局长 赵六 市教育局局长 孙七 市民政局副局长",
     {("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False), ("晋城市测试工作领导小组", "赵六", "成员", "市教育局局长", False),
      ("晋城市测试工作领导小组", "孙七", "成员", "市民政局副局长", False)}),
    # ex-officio seats and member units are not memberships
    ("seats-not-people", LG + "\n组长：市应急管理局主要负责人\n成员单位：市财政局、市教育局\n成员：有关单位分管负责人", set()),
    ("first-deputy", LG + "\n组长：张三 市长\n第一副组长：李四 市委副书记\n常务副组长：王五 常务副市长",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "第一副组长", "市委副书记", False),
      ("晋城市测试工作领导小组", "王五", "常务副组长", "常务副市长", False)}),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_memberships(name, text, expected):
    assert members(text) == expected


BODY_CASES = [
    ("setup", LG + "\n组长：张三 市长", [("晋城市测试工作领导小组", "leading_group")]),
    ("heading", "### (一)抗震救灾指挥部。\n指挥长:张三 市长", [("抗震救灾指挥部", "headquarters")]),
    ("intro", "晋城市防汛抗旱指挥部(以下简称市防指)承担全市防汛抗旱工作。组成人员如下:\n指挥长:市政府分管副市长",
     [("晋城市防汛抗旱指挥部", "headquarters")]),
    ("generic-county", "各县(市、区)人民政府要在3月底前设立相应的普查领导小组及其办公室。", []),
    ("mention-only", "市水污染防治领导小组要加强督导。", []),
    ("modifier", "建立家长委员会代表参与学校食品安全监督机制。", []),
    ("enumerated-groups", "市政府成立市测试指挥部。指挥部下设综合组、保障组等2个工作组。",
     [("市测试指挥部", "headquarters"), ("综合组", "working_group"), ("保障组", "working_group")]),
    ("alias-from-title", LG + "\n附件\n## 晋城市测试领导小组名单\n组长：张三 市长", [("晋城市测试工作领导小组", "leading_group")]),
]


@pytest.mark.parametrize("name,text,expected", BODY_CASES, ids=[c[0] for c in BODY_CASES])
def test_bodies(name, text, expected):
    assert bodies(text) == expected


def test_body_fact_carries_office_and_aliases():
    text = ("市政府成立城市道路交通综合治理工作领导小组(以下简称市领导小组)。\n组长:王斌权 副市长\n"
            "市领导小组下设办公室,办公室设在市公安局交警支队,办公室主任由张鹏兼任。")
    facts = [f for f in extract(document_from_text(text)) if isinstance(f, BodyFact)]
    assert [(f.body, f.office_agency, f.aliases) for f in facts] == [
        ("城市道路交通综合治理工作领导小组", "市公安局交警支队", ("市领导小组",))]


def test_chronicle_mentions_are_not_memberships():
    doc = document_from_text("市委书记、市脱贫攻坚领导小组组长张志川出席会议。", number=None, title="晋城市人民政府8月大事记")
    assert extract(doc) == []


MORE_CASES = [
    ("paren-list", LG + "\n成员：张三(市财政局局长)、李四（市委常委、市教育局局长）",
     {("晋城市测试工作领导小组", "张三", "成员", "市财政局局长", False),
      ("晋城市测试工作领导小组", "李四", "成员", "市委常委、市教育局局长", False)}),
    ("post-name-list", LG + "\n副组长：市政府副秘书长李四、市财政局局长王五",
     {("晋城市测试工作领导小组", "李四", "副组长", "市政府副秘书长", False),
      ("晋城市测试工作领导小组", "王五", "副组长", "市财政局局长", False)}),
    ("post-then-name", LG + "\n组长：市委副书记、市长  张三",
     {("晋城市测试工作领导小组", "张三", "组长", "市委副书记、市长", False)}),
    ("name-comma-post", LG + "\n组长：张三，市长；\n副组长：李四，副市长。",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False)}),
    ("surname-he", "市政府成立市测试指挥部。\n指挥部下设办公室，和全忠同志兼任办公室主任。",
     {("市测试指挥部", "和全忠", "办公室主任", None, True)}),
    # the post printed before a list of names is each name's
    ("deputies-in-prose", "市政府成立市测试领导小组，由市长张三任组长，副市长李四、王五任副组长。",
     {("市测试领导小组", "张三", "组长", "市长", False), ("市测试领导小组", "李四", "副组长", "副市长", False),
      ("市测试领导小组", "王五", "副组长", "副市长", False)}),
    ("tab-role-cells", LG + "\n职务\t姓名\t单位及职务\n组长\t张三\t市长\n\t李四\t副市长\n成员\t王五\t市财政局局长",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "组长", "副市长", False),
      ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False)}),
]


@pytest.mark.parametrize("name,text,expected", MORE_CASES, ids=[c[0] for c in MORE_CASES])
def test_more_layouts(name, text, expected):
    assert members(text) == expected


EXTRA_CASES = [
    ("labels-on-one-line", LG + "\n组长：张三；副组长：李四、王五；成员：赵六",
     {("晋城市测试工作领导小组", "张三", "组长", None, False), ("晋城市测试工作领导小组", "李四", "副组长", None, False),
      ("晋城市测试工作领导小组", "王五", "副组长", None, False), ("晋城市测试工作领导小组", "赵六", "成员", None, False)}),
    ("comrade-and-sex", LG + "\n组长：张三同志 市长\n副组长：李四（女） 副市长",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False)}),
    ("markdown-table", LG + "\n| 职务 | 姓名 | 单位及职务 |\n|---|---|---|\n| 组长 | 张三 | 市长 |\n| 成员 | 王五 | 市财政局局长 |",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False)}),
]


@pytest.mark.parametrize("name,text,expected", EXTRA_CASES, ids=[c[0] for c in EXTRA_CASES])
def test_extra_layouts(name, text, expected):
    assert members(text) == expected


def test_body_named_only_in_the_title():
    doc = document_from_text("经市政府研究，决定成立领导小组。组成人员如下：\n组长：张三 市长",
                             title="关于成立晋城市测试工作领导小组的通知")
    assert [(b.name, b.kind) for b in find_bodies(doc)] == [("晋城市测试工作领导小组", "leading_group")]
    assert {(f.body, f.person) for f in extract(doc) if isinstance(f, MembershipFact)} == {("晋城市测试工作领导小组", "张三")}


WRAP_CASES = [
    ("two-labels-spaced", LG + "\n组长：张三 市长    副组长：李四 副市长",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False)}),
    ("bracket-wrapped", LG + "\n成员：张三(市财政局局长)、李四(市教\n育局局长)、王五(市民政局局长)",
     {("晋城市测试工作领导小组", "张三", "成员", "市财政局局长", False), ("晋城市测试工作领导小组", "李四", "成员", "市教育局局长", False),
      ("晋城市测试工作领导小组", "王五", "成员", "市民政局局长", False)}),
]


@pytest.mark.parametrize("name,text,expected", WRAP_CASES, ids=[c[0] for c in WRAP_CASES])
def test_wrapped_and_spaced(name, text, expected):
    assert members(text) == expected


def test_post_on_the_line_after_the_name():
    text = LG + "\n副组长:\n刘同兴\n晋城军分区副司令员\n胡锐武警晋城支队支队长"
    assert members(text) == {("晋城市测试工作领导小组", "刘同兴", "副组长", "晋城军分区副司令员", False),
                             ("晋城市测试工作领导小组", "胡锐", "副组长", "武警晋城支队支队长", False)}


def test_annex_title_with_a_short_name_lists_the_body_set_up():
    text = "市政府决定成立晋城市创建国家卫生城市工作领导小组。\n附件\n## 晋城市创卫工作领导小组成员名单\n组长：张三 市长"
    assert members(text) == {("晋城市创建国家卫生城市工作领导小组", "张三", "组长", "市长", False)}
    assert [b.aliases for b in find_bodies(document_from_text(text))] == [("晋城市创卫工作领导小组",)]


def test_bare_role_words_numbered_rows_and_dashes():
    text = LG + "\n组长\n张三——市长\n成员\n1. 王五 市财政局局长\n2. 赵六 市教育局局长"
    assert members(text) == {("晋城市测试工作领导小组", "张三", "组长", "市长", False),
                             ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False),
                             ("晋城市测试工作领导小组", "赵六", "成员", "市教育局局长", False)}


@pytest.mark.parametrize("text,expected", [
    ("成立以市长张三为组长、副市长李四为副组长的晋城市测试工作领导小组。",
     {("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False)}),
    (LG + "\n组长：由副市长张三同志担任\n办公室主任：由李四同志兼任",
     {("晋城市测试工作领导小组", "张三", "组长", "副市长", False), ("晋城市测试工作领导小组", "李四", "办公室主任", None, True)}),
    (LG + "各成员单位主要负责人为成员。", set()),
    # adjustments: a successor takes the role the one named before leaves
    (LG + "\n王强同志不再担任副组长，由副市长赵明同志接任。",
     {("晋城市测试工作领导小组", "赵明", "副组长", "副市长", False)}),
    (LG + "\n由市财政局局长钱立同志接替孙伟同志任成员；李华同志不再担任成员。",
     {("晋城市测试工作领导小组", "钱立", "成员", "市财政局局长", False)}),
    (LG + "\n陈刚同志接替周明同志担任办公室主任。",
     {("晋城市测试工作领导小组", "陈刚", "办公室主任", None, False)}),
    (LG + "\n吴敏同志不再担任办公室主任，由郑浩同志兼任。",
     {("晋城市测试工作领导小组", "郑浩", "办公室主任", None, True)}),
])
def test_composition_sentences(text, expected):
    assert members(text) == expected


NOTICE = """各县（区）人民政府，市直各有关单位：
为进一步加强创建工作，经市政府研究，决定成立长治市创建全国文明城市工作领导小组。现将有关事项通知如下：
一、领导小组组成人员
组  长：王  强  市委常委、常务副市长
副组长：李  明  市政府副市长
        张小红（女）  市政府副秘书长
成  员：刘  伟  市发展改革委主任
        陈  刚  市财政局局长
二、领导小组办公室
领导小组下设办公室，办公室设在市文明办，刘伟同志兼任办公室主任。
## 长治市安全生产委员会组成人员
主  任：赵  六  市长
副主任：孙  七  常务副市长
委  员：周  八  市应急管理局局长"""


def test_a_notice_of_another_city():
    body = "长治市创建全国文明城市工作领导小组"
    committee = "长治市安全生产委员会"
    assert bodies(NOTICE) == [(body, "leading_group"), (committee, "committee")]
    assert members(NOTICE) == {
        (body, "王强", "组长", "市委常委、常务副市长", False), (body, "李明", "副组长", "市政府副市长", False),
        (body, "张小红", "副组长", "市政府副秘书长", False), (body, "刘伟", "成员", "市发展改革委主任", False),
        (body, "陈刚", "成员", "市财政局局长", False), (body, "刘伟", "办公室主任", None, True),
        (committee, "赵六", "主任", "市长", False), (committee, "孙七", "副主任", "常务副市长", False),
        (committee, "周八", "委员", "市应急管理局局长", False)}
    assert [b.office_agency for b in find_bodies(document_from_text(NOTICE))] == ["市文明办", None]


def test_office_list_under_the_body():
    text = (LG + "\n组长：张三 市长\n三、领导小组办公室\n领导小组下设办公室，办公室设在市财政局。\n"
            "主  任：李四  市财政局局长\n副主任：王五  市财政局副局长")
    assert members(text) == {("晋城市测试工作领导小组", "张三", "组长", "市长", False),
                             ("晋城市测试工作领导小组", "李四", "办公室主任", "市财政局局长", False),
                             ("晋城市测试工作领导小组", "王五", "办公室副主任", "市财政局副局长", False)}


def test_a_supervision_group_set_up():
    assert bodies("市政府决定成立市环境保护督导组。\n组长：张三 市长") == [("市环境保护督导组", "other")]


@pytest.mark.parametrize("text,expected", [
    ("经研究，决定调整充实晋城市测试工作领导小组。\n组长：张三 市长", [("晋城市测试工作领导小组", "leading_group")]),
    ("市政府成立了晋城市测试工作专班（以下简称“专班”）。", [("晋城市测试工作专班", "task_force")]),
    ("各县(市、区)要成立相应的工作专班。", []),
])
def test_set_up_wordings(text, expected):
    assert bodies(text) == expected


def test_role_in_the_last_cell():
    text = LG + "\n姓名\t单位职务\t小组职务\n张三\t市长\t组长\n李四\t副市长\t副组长\n王五\t市财政局局长\t成员"
    assert members(text) == {("晋城市测试工作领导小组", "张三", "组长", "市长", False),
                             ("晋城市测试工作领导小组", "李四", "副组长", "副市长", False),
                             ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False)}


def test_two_column_table_as_spaced_text():
    text = (LG + "\n组  长：张三  市长  刘一  市教育局副局长\n副组长：李四  市政府副秘书长  陈二  市司法局副局长\n"
            "成  员：王五  市财政局局长  孙七  市民政局副局长\n                  周八  市人社局副局长")
    assert members(text) == {
        ("晋城市测试工作领导小组", "张三", "组长", "市长", False), ("晋城市测试工作领导小组", "李四", "副组长", "市政府副秘书长", False),
        ("晋城市测试工作领导小组", "王五", "成员", "市财政局局长", False), ("晋城市测试工作领导小组", "刘一", "成员", "市教育局副局长", False),
        ("晋城市测试工作领导小组", "陈二", "成员", "市司法局副局长", False), ("晋城市测试工作领导小组", "孙七", "成员", "市民政局副局长", False),
        ("晋城市测试工作领导小组", "周八", "成员", "市人社局副局长", False)}


def test_post_first_items_separated_by_commas():
    text = LG + "\n成员：市委办公室副主任 张三、市政府办公室副主任 李四"
    assert members(text) == {("晋城市测试工作领导小组", "张三", "成员", "市委办公室副主任", False),
                             ("晋城市测试工作领导小组", "李四", "成员", "市政府办公室副主任", False)}


def test_a_short_name_before_an_introduction_is_no_body_of_its_own():
    text = "县政府决定成立仁寿县森林草原防灭火指挥部（以下简称县指挥部），组成人员如下：\n总指挥：赵永刚　县长"
    assert bodies(text) == [("仁寿县森林草原防灭火指挥部", "headquarters")]


def test_executive_deputy_chair_of_a_committee():
    text = "市政府决定成立市测试委员会。\n主任委员：王宁　区长\n常务副主任委员：李志军　区委常委、常务副区长"
    assert ("市测试委员会", "李志军", "常务副主任委员", "区委常委、常务副区长", False) in members(text)


def test_one_line_lists_of_people():
    text = ("市政府决定成立市测试领导小组。\n副组长：郭宁宁（副省长）　李建成（副省长）\n"
            "成　员：吴　青　省政府副秘书长　　陈　华　省发展改革委主任　　黄　磊　省工业和信息化厅厅长")
    got = members(text)
    assert {(p, r, pos) for _, p, r, pos, _ in got} == {
        ("郭宁宁", "副组长", "副省长"), ("李建成", "副组长", "副省长"), ("吴青", "成员", "省政府副秘书长"),
        ("陈华", "成员", "省发展改革委主任"), ("黄磊", "成员", "省工业和信息化厅厅长")}


@pytest.mark.parametrize("name,expected", [
    ("县乡村振兴工作联席会议", True),     # a county body: 县 is its level, 乡村 its topic
    ("县抗震救灾指挥部", True),
    ("县乡两级防汛指挥部", False),        # every county and township sets one up: no one body
    ("县级河长制工作领导小组", False),
    ("县（市、区）防汛指挥部", False),
    ("乡镇应急管理工作领导小组", False),
    ("镇森林防灭火领导小组", True),       # a township's own body, named from its level
    ("乡河长制工作领导小组", True),
    ("镇村两级防汛指挥部", False),
    ("镇级应急指挥部", False),
    ("村级防汛工作领导小组", False),
])
def test_a_body_named_from_the_county_level(name, expected):
    from govkg.extract.bodies.names import good_name

    assert good_name(name, set_up=True) is expected


def body_facts_of(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.body, f.aliases) for f in extract(document_from_text(text)) if isinstance(f, BodyFact)]


@pytest.mark.parametrize("text,expected", [
    # a changed composition declares the body, after the verb and its object marker
    ("县政府决定对东山县防汛指挥部组成人员进行相应调整，调整后的名单如下：\n指挥长：张三 县长",
     [("东山县防汛指挥部", ())]),
    ("市政府决定对市测试委员会（以下简称市测委）组成人员作如下调整：\n主任：张三 市长",
     [("市测试委员会", ("市测委",))]),
    ("二、对南江县全民健身领导小组成员进行调整。\n组长：张三 县长", [("南江县全民健身领导小组", ())]),
    # renamed: one body under its new name, the old one an alias
    ("决定将北岭县防汛指挥部更名为北岭县防汛抗旱指挥部，并对指挥部组成人员进行调整。\n总指挥：张三 县长",
     [("北岭县防汛抗旱指挥部", ("北岭县防汛指挥部",))]),
    # traditional script; a committee named like a standing agency is still renamed
    ("決定將東港縣老齡工作委員會更名為東港縣老齡工作領導小組，並對其組成人員進行調整：\n組長：黃志明　副縣長",
     [("東港縣老齡工作領導小組", ("東港縣老齡工作委員會",))]),
    # 对 inside a name is no object marker
    ("县委决定成立县委对台工作领导小组。\n组长：张三 县委书记", [("县委对台工作领导小组", ())]),
])
def test_changed_and_renamed_bodies(text, expected):
    assert body_facts_of(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("市政府决定成立市测试领导小组。副组长分别为副市长张华、市政府秘书长王强。",
     {("市测试领导小组", "张华", "副组长", "副市长", False), ("市测试领导小组", "王强", "副组长", "市政府秘书长", False)}),
    ("市政府决定成立市测试领导小组。领导小组成员包括：市财政局局长李明、市教育局副局长、市体育局副局长赵亮。",
     {("市测试领导小组", "李明", "成员", "市财政局局长", False),
      ("市测试领导小组", "赵亮", "成员", "市教育局副局长、市体育局副局长", False)}),
    ("市政府决定成立市测试领导小组。组长由国务院副总理韩正担任。",
     {("市测试领导小组", "韩正", "组长", "国务院副总理", False)}),
    # a role word followed by posts, not people: no membership (the walk reads the seats)
    ("市政府决定成立市测试领导小组。成员为各成员单位分管负责同志。", set()),
])
def test_role_then_its_people(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize("name,parent,enumerated,expected", [
    ("督查考核组", "市测试指挥部", True, "working_group"),   # enumerated among the parent's groups
    ("督查考核组", "市测试指挥部", False, "other"),          # a group of its own sort, not enumerated
    ("综合协调组", "市测试指挥部", False, "working_group"),
    ("市环境保护督导组", None, False, "other"),
])
def test_body_kind(name, parent, enumerated, expected):
    from govkg.extract.bodies.names import body_kind

    assert body_kind(name, parent, enumerated) == expected


@pytest.mark.parametrize("a,b,expected", [
    ("卢林县政务公开工作领导小组", "卢林县政务公开领导小组", True),   # 工作 printed or left out
    ("县政务公开工作领导小组", "卢林县政务公开领导小组", True),
    ("县森林防火指挥部", "县森林草原防灭火指挥部", False),
    ("县工作督查领导小组", "县督查领导小组", True),
    ("县安全生产委员会", "县食品安全委员会", False),
])
def test_same_body(a, b, expected):
    from govkg.extract.bodies.names import same_body

    assert same_body(a, b) is expected


@pytest.mark.parametrize("text,expected", [
    ("县政府办公室", "县政府办公室"),                       # the government's office is the agency itself
    ("省民政厅承担领导小组日常工作", "省民政厅"),
    ("市应急管理局办公室主任由张三兼任", "市应急管理局"),
])
def test_office_agency(text, expected):
    from govkg.extract.bodies.names import office_name

    assert office_name(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("领导小组办公室设在县民政局，承担日常工作。", "县民政局"),
    ("领导小组下设办公室，设在县民政局。", "县民政局"),          # 设在 a clause after 办公室
    ("领导小组下设办公室在县委宣传部，办公室主任由李华兼任。", "县委宣传部"),
    ("指挥部办公室设县应急管理局，负责日常工作。", "县应急管理局"),
    ("办公室设于市商务局。", "市商务局"),
    ("下设普查工作办公室为街道城管办（环保办），由王敏兼任主任。", "街道城管办（环保办）"),
    ("领导小组办公室挂靠县农业农村局。", "县农业农村局"),
    # right after 办公室, 在 / 为 / 设 must lead to an agency
    ("办公室设主任一名，由县民政局局长兼任。", None),
    ("办公室在领导小组领导下开展工作。", None),
    ("办公室为领导小组的日常办事机构。", None),
])
def test_office_sentences(text, expected):
    from govkg.extract.bodies.names import office_name, offices_at

    got = next(offices_at(text), None)
    assert (office_name(got.group("a")) if got else None) == expected


def test_news_lead_with_set_up_roles():
    text = ("平川县成立河湖保护领导小组\n5月2日，县委印发通知，成立以县委书记张华任组长，县长李强任第一副组长，"
            "县水利局、县环保局等共计9家部门单位主要负责同志为成员的平川县河湖保护领导小组。")
    assert members(text) == {("平川县河湖保护领导小组", "张华", "组长", "县委书记", False),
                             ("平川县河湖保护领导小组", "李强", "第一副组长", "县长", False)}


@pytest.mark.parametrize("text,expected", [
    # named nowhere else: the body under the generic name printed
    ("某县2023年秋粮收购工作方案\n一、领导小组组成人员\n组长：丁明  副县长\n成员：县粮食局、县财政局主要负责人。",
     [("领导小组", "leading_group")]),
    ("某县防汛应急预案\n2.1 指挥部\n指挥长：县长\n副指挥长：县应急管理局局长",
     [("指挥部", "headquarters")]),
    # a body named elsewhere: the generic heading is its list, no body of its own
    ("为加强领导，决定成立某县秋粮收购工作领导小组。\n一、领导小组组成人员\n组长：丁明  副县长",
     [("某县秋粮收购工作领导小组", "leading_group")]),
    # a generic heading over prose: no composition, no body
    ("某县方案\n（一）成立领导小组\n各乡镇要高度重视，确保各项任务落到实处。", []),
])
def test_a_body_set_out_under_a_generic_heading(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a list heading joined to its paragraph in the prose names no body (单位联席会议, 人员领导小组)
    ("经县政府同意，建立某县河湖保护联席会议制度。\n一、组成单位\n联席会议由县水利局、县环保局组成。",
     [("某县河湖保护联席会议", "joint_meeting")]),
    ("为加强领导，成立某县秋粮收购工作领导小组。\n（二）组成人员\n领导小组由县长任组长，副县长任副组长。",
     [("某县秋粮收购工作领导小组", "leading_group")]),
])
def test_a_list_heading_runs_into_no_body_name(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize("title,text,expected", [
    # the title's shorter name is an alias of the one body of its sort the text sets up
    ("关于成立县人口普查领导小组的通知", "关于成立县人口普查领导小组的通知\n县政府决定成立县第七次全国人口普查领导小组，组成人员如下：\n组长：唐建平  副县长",
     [("县第七次全国人口普查领导小组", ("县人口普查领导小组",))]),
    # two bodies of the sort set up: the title's is neither's alias unless its name is one of theirs
    ("关于成立县防汛指挥部的通知", "关于成立县防汛指挥部的通知\n成立县东片防汛指挥部和县西片防汛指挥部。\n"
     "一、县东片防汛指挥部\n指挥长：县长\n二、县西片防汛指挥部\n指挥长：副县长",
     [("县防汛指挥部", ()), ("县东片防汛指挥部", ()), ("县西片防汛指挥部", ())]),
])
def test_a_title_names_the_body_shorter(title, text, expected):
    doc = document_from_text(text, title=title)
    assert [(f.body, f.aliases) for f in extract(doc) if isinstance(f, BodyFact)] == expected


def test_headquarters_under_a_headquarters():
    text = ("县政府决定成立县防汛指挥部，下设城区指挥部和库区指挥部。\n一、城区指挥部\n指挥长：县长\n二、库区指挥部\n"
            "指挥长：副县长\n指挥部办公室设在县水利局。")
    got = [(b.name, b.kind, b.parent, b.office_agency) for b in find_bodies(document_from_text(text))]
    assert got == [("县防汛指挥部", "headquarters", None, "县水利局"),
                   ("城区指挥部", "headquarters", "县防汛指挥部", None),
                   ("库区指挥部", "headquarters", "县防汛指挥部", None)]
