"""People on a body: a post printed before a list of names is each name's."""
import pytest

from govkg.extract.bodies.facts import extract
from govkg.extract.people.groups import people
from govkg.facts import MembershipFact
from govkg.text.document import document_from_text

LG = "为加强组织领导，市政府决定成立市测试工作领导小组。"
B = "市测试工作领导小组"


def members(text: str) -> set[tuple]:
    doc = document_from_text(text)
    return {(f.person, f.role, f.position, f.concurrent) for f in extract(doc)
            if isinstance(f, MembershipFact) and f.body == B}


# (text, expected [(name, post)])
PEOPLE = [
    ("副市长张华、王强", [("张华", "副市长"), ("王强", "副市长")]),
    ("副市长张华、王强同志", [("张华", "副市长"), ("王强", "副市长")]),
    ("副市长张华同志、王强同志", [("张华", "副市长"), ("王强", "副市长")]),
    ("副市长张华和王强", [("张华", "副市长"), ("王强", "副市长")]),
    # a portfolio post before a person is a seat listed beside him, not his post
    ("市政府分管副市长、市政府秘书长李明", [("李明", "市政府秘书长")]),
    ("市委常委、常务副市长张三", [("张三", "市委常委、常务副市长")]),
    # each name with its own post: nothing is shared
    ("市政府秘书长李明、市发改委主任赵刚", [("李明", "市政府秘书长"), ("赵刚", "市发改委主任")]),
    # a shared post runs until the next post
    ("副市长张华、王强、市政府秘书长李明、刘洋",
     [("张华", "副市长"), ("王强", "副市长"), ("李明", "市政府秘书长"), ("刘洋", "市政府秘书长")]),
    # a comma sets groups apart as 、 does
    ("副市长张华、王强，市政府秘书长李明", [("张华", "副市长"), ("王强", "副市长"), ("李明", "市政府秘书长")]),
    # a post glued after the names: the name's, and each bare name's before it
    ("刘建国市长", [("刘建国", "市长")]),
    ("张华、王强副市长", [("张华", "副市长"), ("王强", "副市长")]),
    # a place or unit after a name is no post glued to it
    ("张科、晋城军分区保障处处长", [("张科", None)]),
    # a post in brackets after a name is that name's alone
    ("张华(副市长)、王强", [("张华", "副市长"), ("王强", None)]),
    # ... and after a list of names, each name's since the last post
    ("张华、王强（副市长）", [("张华", "副市长"), ("王强", "副市长")]),
    ("张华、王强(副市长)、李明", [("张华", "副市长"), ("王强", "副市长"), ("李明", None)]),
    ("李明（市政府秘书长）、张华、王强（副市长）",
     [("李明", "市政府秘书长"), ("张华", "副市长"), ("王强", "副市长")]),
    ("张华、王强（均为副市长）", [("张华", "副市长"), ("王强", "副市长")]),
    # names without posts stay without
    ("张华、王强", [("张华", None), ("王强", None)]),
]


@pytest.mark.parametrize("text,expected", PEOPLE)
def test_people(text, expected):
    assert people(text) == expected


MEMBERS = [
    ("prose-shared-post", LG + "组长由市长张三担任，副市长张华、王强任副组长。",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-shared-post-tongzhi", LG + "组长由市长张三担任，副市长张华、王强同志任副组长。",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-own-posts", LG + "组长由市长张三担任，市政府秘书长李明、市发改委主任赵刚任副组长。",
     {("张三", "组长", "市长", False), ("李明", "副组长", "市政府秘书长", False),
      ("赵刚", "副组长", "市发改委主任", False)}),
    ("prose-by-shared", LG + "副组长由副市长张华、王强担任。",
     {("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-as-shared", LG + "以市长张三为组长，副市长张华、王强为副组长。",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-concurrent-shared", LG + "领导小组办公室设在市财政局，市政府副秘书长刘洋、陈静兼任办公室主任。",
     {("刘洋", "办公室主任", "市政府副秘书长", True), ("陈静", "办公室主任", "市政府副秘书长", True)}),
    # groups set apart by a comma share the role the last group's clause names
    ("prose-comma-groups", LG + "副市长张华、王强，市政府秘书长李明任副组长。",
     {("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "副组长", "市政府秘书长", False)}),
    # a clause before that is not a bare list of people gives no one the role
    ("prose-clause-not-list", LG + "组长由市长张三担任，成员另行通知，市政府秘书长李明任副组长。",
     {("张三", "组长", "市长", False), ("李明", "副组长", "市政府秘书长", False)}),
    ("list-shared-post", LG + "\n组长：市长张三\n副组长：副市长张华、王强同志",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("list-tongzhi-each", LG + "\n组长：张三\n副组长：副市长张华同志、王强同志",
     {("张三", "组长", None, False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("list-comma-groups", LG + "\n组长：张三\n副组长：副市长张华、王强，市政府秘书长李明",
     {("张三", "组长", None, False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "副组长", "市政府秘书长", False)}),
    ("list-post-then-spaced-names", LG + "\n组长：张三\n副组长：副市长　张华　王强",
     {("张三", "组长", None, False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("list-names-then-post", LG + "\n组长：张三 市长\n副组长：张华、王强　副市长\n成员：李明 市财政局局长",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "成员", "市财政局局长", False)}),
    ("prose-by-comma-groups", LG + "副组长由市委常委、副市长张华，副市长王强、李明担任。",
     {("张华", "副组长", "市委常委、副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "副组长", "副市长", False)}),
    # a comma inside 由…担任 that sets apart more than people is not a list
    ("prose-by-comma-not-list", LG + "组长由市长张三负责召集，副市长李明担任。",
     set()),
    # 分别: the people take the roles in turn, a group sharing a post takes one role
    ("prose-in-turn", LG + "由副市长张华、王强同志分别任第一副组长、副组长。",
     {("张华", "第一副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-in-turn-groups", LG + "由市长刘建国、副市长张华、王强分别担任组长、副组长。",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-roles-in-turn", LG + "组长、副组长分别由市长刘建国、副市长张华担任。",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False)}),
    ("prose-in-turn-no-pairing", LG + "由市长刘建国、副市长张华、市政府秘书长李明分别担任组长、副组长。", set()),
    # more people than roles: those left over take a last role many hold (成员), else no one pairs
    ("prose-in-turn-surplus-members", LG + "由张三、李四、王五、赵六分别任组长、副组长、成员。",
     {("张三", "组长", None, False), ("李四", "副组长", None, False), ("王五", "成员", None, False),
      ("赵六", "成员", None, False)}),
    ("prose-in-turn-surplus-groups", LG + "由市长刘建国、副市长张华、王强、市财政局局长李明、市教育局局长赵刚分别担任"
     "组长、副组长、成员。",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "成员", "市财政局局长", False), ("赵刚", "成员", "市教育局局长", False)}),
    ("prose-roles-in-turn-surplus", LG + "组长、委员分别由张三、李四、王五担任。",
     {("张三", "组长", None, False), ("李四", "委员", None, False), ("王五", "委员", None, False)}),
    ("prose-in-turn-surplus-not-plural", LG + "由张三、李四、王五分别担任组长、副组长。", set()),
    ("prose-in-turn-fewer-people", LG + "由张三、李四分别担任组长、副组长、成员。", set()),
    # tables: several people in one cell, a post before them or in the next cell
    ("table-post-first-cells", LG + "\n组长\t市长张三\n副组长\t副市长张华、王强\n成员\t市财政局局长李明",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "成员", "市财政局局长", False)}),
    ("html-names-cell-post-cell", LG + "\n<table><tr><td>组长</td><td>张三</td><td>市长</td></tr>"
     "<tr><td>副组长</td><td>张华、王强</td><td>副市长</td></tr></table>",
     {("张三", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("table-seats-not-people", LG + "\n组长\t市应急管理局主要负责人\n成员\t市财政局、市教育局分管负责人", set()),
    ("prose-name-then-post", LG + "刘建国市长任组长，张华、王强副市长任副组长。",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    # a post in brackets after a list of names is each name's; after one name, that name's alone
    ("prose-bracket-after-list", LG + "刘建国（市长）任组长，张华、王强（副市长）任副组长。",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-by-bracket-after-list", LG + "副组长由张华、王强（副市长）担任。",
     {("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("list-bracket-after-list", LG + "\n组长：刘建国（市长）\n副组长：张华、王强（副市长）\n成员：李明（市财政局局长）、赵刚",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False),
      ("李明", "成员", "市财政局局长", False), ("赵刚", "成员", None, False)}),
    # a name with a bracket of its own (兼, 女) does not share the next person's post
    ("list-bracket-own-mark", LG + "\n成员：张三（兼）、李四（市财政局局长）",
     {("张三", "成员", None, True), ("李四", "成员", "市财政局局长", False)}),
    ("list-bracket-after-list-comma", LG + "\n副组长：张华，王强（副市长）",
     {("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("list-bracket-after-spaced-names", LG + "\n组长：刘建国\n副组长：张华　王强（副市长）",
     {("刘建国", "组长", None, False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    # a bracket that qualifies the role (常务, 执行) is no post
    ("list-bracket-role-note", LG + "\n副组长：胡建国（常务）、邱明",
     {("胡建国", "副组长", None, False), ("邱明", "副组长", None, False)}),
    ("list-bracket-each-holds", LG + "\n副组长：张华、王强（均为副市长）",
     {("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("prose-in-turn-bracket-after-list", LG + "张华、王强（副市长）分别任组长、副组长。",
     {("张华", "组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("table-bracket-after-list", LG + "\n组长\t刘建国（市长）\n副组长\t张华、王强（副市长）",
     {("刘建国", "组长", "市长", False), ("张华", "副组长", "副市长", False), ("王强", "副组长", "副市长", False)}),
    ("list-own-posts", LG + "\n组长：张三\n成员：市财政局局长李明、市教育局局长赵刚",
     {("张三", "组长", None, False), ("李明", "成员", "市财政局局长", False), ("赵刚", "成员", "市教育局局长", False)}),
    # a portfolio post listed beside a person is a seat, the person a member with his own post
    ("list-seat-beside-person", LG + "\n组长：张三\n副组长：市政府分管副市长、市政府秘书长李明",
     {("张三", "组长", None, False), ("李明", "副组长", "市政府秘书长", False)}),
    ("prose-seat-beside-person", LG + "由市政府分管副市长、市政府秘书长李明任副组长。",
     {("李明", "副组长", "市政府秘书长", False)}),
    # the signature (an issuer's full name over the date) ends the list, whatever the place
    ("list-ends-at-signature", LG + "\n组长：张三　市长\n成员：李明　市财政局局长\n广源市人民政府\n2020年3月2日",
     {("张三", "组长", "市长", False), ("李明", "成员", "市财政局局长", False)}),
    ("list-ends-at-joint-signature", LG + "\n成员：李明　市财政局局长\n广源市人民政府办公室\n广源市财政局\n2020年3月2日",
     {("李明", "成员", "市财政局局长", False)}),
]


@pytest.mark.parametrize("name,text,expected", MEMBERS, ids=[c[0] for c in MEMBERS])
def test_memberships(name, text, expected):
    assert members(text) == expected


LIST_LAYOUTS = [
    # numbered labels
    ("numbered-labels", LG + "\n1.组长：张三（市长）\n2、副组长：李四（副市长）\n（3）成员：王五（市财政局局长）",
     {("张三", "组长", "市长", False), ("李四", "副组长", "副市长", False), ("王五", "成员", "市财政局局长", False)}),
    # name（post）、name（post）、placeholder: the placeholder is no one
    ("bracketed-list-placeholder-tail", LG + "\n成员：王五（市财政局局长）、赵六（市教育局局长）、各县区分管负责同志",
     {("王五", "成员", "市财政局局长", False), ("赵六", "成员", "市教育局局长", False)}),
    # labels on one line set apart by ；, a second person of a role after the next ；
    ("labels-one-line-semicolons", LG + "\n召集人：张三，副市长；副召集人：李四，市政府副秘书长；王五，市商务局局长。",
     {("张三", "召集人", "副市长", False), ("李四", "副召集人", "市政府副秘书长", False),
      ("王五", "副召集人", "市商务局局长", False)}),
    # a name comma post line stays one person (广源 opens the post, no name)
    ("name-comma-post-with-place", LG + "\n组长：李金库，广源市人民政府副秘书长。",
     {("李金库", "组长", "广源市人民政府副秘书长", False)}),
    # several name, post entries of one role on a line, set apart by ； (the list going on on the next line)
    ("entries-one-line-semicolons", LG + "\n副组长：王晓东，县委常委、副县长；李明霞，县政府副县长；\n"
     "成　员：张国庆，县政府办公室主任；马文才，县发改局局长；\n　　　　刘建华，县财政局局长；周丽，县民政局局长。",
     {("王晓东", "副组长", "县委常委、副县长", False), ("李明霞", "副组长", "县政府副县长", False),
      ("张国庆", "成员", "县政府办公室主任", False), ("马文才", "成员", "县发改局局长", False),
      ("刘建华", "成员", "县财政局局长", False), ("周丽", "成员", "县民政局局长", False)}),
    # a 工作专班's leaders
    ("task-force-leaders", LG + "\n专 班 长：孙立伟　区委副书记、区长\n常务副专班长：何　敏　区委常委、常务副区长\n副专班长：赵东升　区政府副区长",
     {("孙立伟", "专班长", "区委副书记、区长", False), ("何敏", "常务副专班长", "区委常委、常务副区长", False),
      ("赵东升", "副专班长", "区政府副区长", False)}),
    # first and full-time leaders; a note between the role and its colon ((兼) makes the holder concurrent)
    ("first-and-full-time-leaders", LG + "\n第一组长：庞建设  市委书记\n专职副组长：景春  市乡村振兴局局长\n"
     "副组长（兼）：詹华  市政协副主席\n副组长（常务）：卢明  副市长",
     {("庞建设", "第一组长", "市委书记", False), ("景春", "专职副组长", "市乡村振兴局局长", False),
      ("詹华", "副组长", "市政协副主席", True), ("卢明", "副组长", "副市长", False)}),
]


@pytest.mark.parametrize("name,text,expected", LIST_LAYOUTS, ids=[c[0] for c in LIST_LAYOUTS])
def test_list_layouts(name, text, expected):
    assert members(text) == expected


@pytest.mark.parametrize("value,expected", [
    ("区委副书记、区长　冯志刚", True),     # a whole post, then the name apart: a person, no seat
    ("巴音毕力格 政府副旗长", True),        # a name by its place, the post apart
    ("区委副书记、区长", False),
    ("县公安局（陈晓东）、县教育局（林芳）", True),   # people sitting for their agencies: no units
    ("张建国同志（县委副书记、县长）", True),
    ("县委常委、政法委书记李文", True),
    ("县公安局、县教育局", False),
    ("市应急管理局 主要负责人", False),
])
def test_names_person(value, expected):
    from govkg.extract.composition.holder import names_person

    assert names_person(value) is expected
