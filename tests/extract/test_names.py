"""Name / post splitting and personal-name detection (govkg.extract.people.names).

Names here are made up; each table row is a phenomenon of the lists, not a person of a document."""
import pytest

from govkg.extract.people.names import (
    is_person_name,
    split_name_post,
    split_name_then_post,
    split_names,
    split_post_name,
)

NAMES = [
    ("张利锋", True), ("吴 鹏", True), ("上官东亮", True), ("欧阳明", True), ("劉德華", True),
    ("市财政局", False), ("副市长", False), ("有关单位分管负责人", False), ("晋城军分区", False),
    ("组长", False), ("成员", False), ("市长", False), ("张", False), ("综合组", False),
]


@pytest.mark.parametrize("text,expected", NAMES)
def test_is_person_name(text, expected):
    assert is_person_name(text) is expected


# Names the full surname list reads (rare, compound, added modern, traditional) and runs that are posts,
# agencies, places or words although they open with a surname.
FULL_LIST = [
    # rare surnames of the list
    ("回春生", True), ("禚立新", True), ("仉建华", True), ("亓文涛", True), ("逄海波", True), ("区志航", True),
    # common modern surnames added to the list
    ("付小军", True), ("冶国强", True), ("郄志勇", True), ("贠建平", True),
    # compound surnames, with one or two given characters
    ("欧阳明", True), ("司马建国", True), ("诸葛文华", True), ("端木晓", True), ("皇甫丽娜", True),
    # transliterated names
    ("阿不都·热合曼", True), ("买买提·吐尔逊", True), ("市委·常委", False),
    # 及, 和, 为 inside a name are no sentence words
    ("张及第", True), ("王和顺", True), ("李为民", True),
    # traditional forms, read through the simplified shadow and the OpenCC forms of the list
    ("齊建國", True), ("賈曉峰", True), ("宮志明", True), ("歐陽明", True),
    # common words that are also names stay names after a common surname
    ("高兴国", True), ("高山", True), ("张力", True),
    # posts, agencies, places and lists
    ("市委常委", False), ("高新区管委会主任", False), ("李主任", False), ("办公室主任", False), ("成员单位", False),
    ("市财政局", False), ("综合组", False), ("张华等", False), ("张副", False), ("开发区", False),
    ("晋城军分区", False), ("晋城", False), ("广州", False), ("水务", False),
    # words: after a common surname very common ones (通过), after a rare one any (承担, 摩托车)
    ("通过", False), ("建立", False), ("承担", False), ("摩托车", False), ("督促", False),
    # characters mostly of words: 市场 and 国土 are words, 由张华 and 及王强 a word before a name
    ("市场", False), ("国土", False), ("市工业", False), ("由张华", False), ("及王强", False),
]


@pytest.mark.parametrize("text,expected", FULL_LIST)
def test_names_of_the_full_surname_list(text, expected):
    assert is_person_name(text) is expected


NAME_POST = [
    ("张利锋 市委常委、常务副市长", ("张利锋", "市委常委、常务副市长", False)),
    ("祁 砖 山西煤矿安全监察局", ("祁砖", "山西煤矿安全监察局", False)),
    ("林克庆省委常委、常务副省长", ("林克庆", "省委常委、常务副省长", False)),
    ("刘惠祥(市委常委、常务副市长)", ("刘惠祥", "市委常委、常务副市长", False)),
    ("刘惠祥（市委常委、常务副市长）", ("刘惠祥", "市委常委、常务副市长", False)),
    ("李鸿贤(兼)", ("李鸿贤", None, True)),
    ("王 强　市投资促进中心副主任", ("王强", "市投资促进中心副主任", False)),
    ("张三，市发展改革委主任；", ("张三", "市发展改革委主任", False)),
    ("陳大文 市政府副秘書長", ("陳大文", "市政府副秘書長", False)),
    ("市应急管理局主要负责人", None),
    # a second person is no post: 张华，王强（副市长） / 张华　王强（副市长） list two people
    ("张华，王强（副市长）", None),
    ("张华　王强（副市长）", None),
    # 均为 in the bracket says the post is each listed name's; it is not part of the post
    ("王强（均为副市长）", ("王强", "副市长", False)),
    ("有关单位分管负责人", None),
    # a phone number printed after the post is no part of it
    ("苗卫东  县公安局副局长  13807571234", ("苗卫东", "县公安局副局长", False)),
    ("花丽丽 县自然资源局副局长 0571-88881234", ("花丽丽", "县自然资源局副局长", False)),
    ("俞长青 县住建局副局长 联系电话：13807571236", ("俞长青", "县住建局副局长", False)),
]


@pytest.mark.parametrize("text,expected", NAME_POST)
def test_split_name_post(text, expected):
    assert split_name_post(text) == expected


GLUED = [
    # a post that opens with a level or a rank
    ("王宁省政府常务副省长", ("王宁", "省政府常务副省长", False)),
    ("高峰省编办副主任", ("高峰", "省编办副主任", False)),
    ("覃海自治区财政厅厅长", ("覃海", "自治区财政厅厅长", False)),
    # with a place's full name (the split never cuts the place)
    ("刘明远南宁市副市长", ("刘明远", "南宁市副市长", False)),
    ("陈立安徽省财政厅副厅长", ("陈立", "安徽省财政厅副厅长", False)),
    ("黄志国崇左市委副书记", ("黄志国", "崇左市委副书记", False)),
    # with a portfolio: the split that leaves it whole (王力 + 民政厅, not 王力民 + 政厅)
    ("王力民政厅副厅长", ("王力", "民政厅副厅长", False)),
    ("李国华财政厅副厅长", ("李国华", "财政厅副厅长", False)),
    ("林涛教育厅副厅长", ("林涛", "教育厅副厅长", False)),
    ("赵凤华人行南宁中心支行副行长", ("赵凤华", "人行南宁中心支行副行长", False)),
    # an agency has two characters or more before its ending (安监局, not 监局; 林改司, not 改司)
    ("李平安监局副局长", ("李平", "安监局副局长", False)),
    ("杨东林改司副司长", ("杨东", "林改司副司长", False)),
    # an institution named within the first characters of the post
    ("张亚东中科院副院长", ("张亚东", "中科院副院长", False)),
    ("冯晓军长平高速公路公司总经理", ("冯晓军", "长平高速公路公司总经理", False)),
    ("贺明知识产权局副局长", ("贺明", "知识产权局副局长", False)),
    # the Youth League's committee opens a post (团 ends no name)
    ("孙立团省委副书记", ("孙立", "团省委副书记", False)),
    # a padded two-character name glued to its post
    ("李 强柳州市委常委", ("李强", "柳州市委常委", False)),
    ("周 敏自治区民政厅副厅长", ("周敏", "自治区民政厅副厅长", False)),
    # agencies and posts that read as no name and a post
    ("晋城军分区保障处处长", None),
    ("高新区管委会主任", None),
    ("开发区党工委副书记", None),
    ("市气象局局长", None),
    ("市人民政府分管副市长", None),
    ("武警南宁支队支队长", None),
    ("市委常委", None),
]


@pytest.mark.parametrize("text,expected", GLUED)
def test_glued_names_and_posts(text, expected):
    assert split_name_post(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("卢焱群、龙福清", ["卢焱群", "龙福清"]),
    ("张三 李四 王五", ["张三", "李四", "王五"]),
    ("王小明  李 海  赵大勇", ["王小明", "李海", "赵大勇"]),
    ("张华同志、王强同志", ["张华", "王强"]),
    ("市财政局、市教育局", None),
    ("张三", None),
])
def test_split_names(text, expected):
    assert split_names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("市政府副秘书长杨金中", ("杨金中", "市政府副秘书长")),
    ("交警支队支队长张鹏", ("张鹏", "交警支队支队长")),
    ("副市长、市公安局局长王斌权", ("王斌权", "副市长、市公安局局长")),
    ("市长任志忠", ("任志忠", "市长")),
    # 长 ends 秘书长 / 支队长 before it is a surname
    ("副市长兼秘书长李明", ("李明", "副市长兼秘书长")),
    # a fragment ending in a post word's character without the word is no post
    ("七、监督管理", None),
    ("加强监督检查", None),
    ("鲍瑞卿同志", ("鲍瑞卿", None)),
    ("市政府分管副市长", None),
])
def test_split_post_name(text, expected):
    assert split_post_name(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("张三(市应急管理局局长，兼)", ("张三", "市应急管理局局长", True)),
    ("张三（市政府副秘书长，兼市信访局局长）", ("张三", "市政府副秘书长，兼市信访局局长", False)),
    ("田志军 市工信局局长(兼)", ("田志军", "市工信局局长", True)),
])
def test_concurrent_marks(text, expected):
    assert split_name_post(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("刘建国市长", ("刘建国", "市长")),
    ("张华副市长", ("张华", "副市长")),
    ("王强同志", None),
    ("高峰省编办副主任", ("高峰", "省编办副主任")),
    ("晋城军分区保障处处长", None),
    ("开发区党工委副书记", None),
    ("武警晋城支队政治工作处主任", None),
    ("市长刘建国", None),
])
def test_split_name_then_post(text, expected):
    assert split_name_then_post(text) == expected


# Names known by their place in a list (before a whole post, spaced or bracketed), not their form: names of
# minority nationalities and rare surnames the surname list lacks; what is no name stays none there.
SLOT = [
    ("宝音德力格尔  旗委副书记、旗长", ("宝音德力格尔", "旗委副书记、旗长", False)),
    ("格桑顿珠  县政府办公室主任", ("格桑顿珠", "县政府办公室主任", False)),
    ("乌兰图雅  政府副旗长", ("乌兰图雅", "政府副旗长", False)),            # a post printed without its place
    ("竞海明（市政府副市长）", ("竞海明", "市政府副市长", False)),
    ("次旦卓嘎（女，藏族，县委常委）", ("次旦卓嘎", "县委常委", False)),   # sex and nationality are no post
    ("李明（藏族，县委书记）", ("李明", "县委书记", False)),
    ("待定  县政府副县长", None),                                          # a vacancy
    ("县农牧局  局长", None),
    ("分管领导  副县长", None),
    ("张华　王强（副市长）", None),                                        # two names, the post after the last
]


@pytest.mark.parametrize("text,expected", SLOT)
def test_names_by_their_place_in_a_list(text, expected):
    assert split_name_post(text) == expected


@pytest.mark.parametrize("text,expected", [("朝鲁门", True), ("扎西平措", True), ("待定", False), ("县农牧局", False),
                                           ("政府副旗长", False), ("城关镇", False), ("晋城供电", False), ("开发区", False), ("办公室主任", False)])
def test_slot_name(text, expected):
    from govkg.extract.people.names import slot_name

    assert slot_name(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("县公安局（陈晓东）", ("陈晓东", "县公安局", False)),        # a person who sits for the agency
    ("市教育局（林芳）", ("林芳", "市教育局", False)),
    ("张建国同志（县委副书记、县长）", ("张建国", "县委副书记、县长", False)),
    ("县公安局（市级）", None),
])
def test_agency_then_its_member(text, expected):
    assert split_name_post(text) == expected


# People printed one after another without breaks (govkg.extract.people.glued): the run must come apart
# whole into names each followed by a whole post; ministry posts open without a level.
GLUED = [
    ("钱宏达自然资源部部长孙志远国务院副秘书长冯海涛统计局局长",
     (("钱宏达", "自然资源部部长"), ("孙志远", "国务院副秘书长"), ("冯海涛", "统计局局长"))),
    ("郑思远中央宣传部副部长褚卫东外交部党委书记.、副部长",  # a scraping dot left before the 、
     (("郑思远", "中央宣传部副部长"), ("褚卫东", "外交部党委书记、副部长"))),
    ("张三市长李四副市长", (("张三", "市长"), ("李四", "副市长"))),
    ("唐一鸣住房城乡建设部总规划师孙刚总参谋部测绘局副局长",
     (("唐一鸣", "住房城乡建设部总规划师"), ("孙刚", "总参谋部测绘局副局长"))),
    ("韩立平国务院副总理", (("韩立平", "国务院副总理"),)),
    # a transliterated name, its last part of any length
    ("阿不都·热合曼自治区副主席李强自治区人民政府副秘书长",
     (("阿不都·热合曼", "自治区副主席"), ("李强", "自治区人民政府副秘书长"))),
    ("王晓东市政府副秘书长兼市信访局局长", (("王晓东", "市政府副秘书长兼市信访局局长"),)),
    # 董事 + 长: the 长 completes the title, no person 长某 opens after it
    ("李明山河集团董事长", (("李明", "山河集团董事长"),)),
    # posts and agencies alone, a post then a name, a sentence: no people
    ("统计局局长", ()), ("国土资源部部长", ()), ("市财政局局长", ()), ("区规划和自然资源局局长", ()),
    ("市政府副秘书长杨金中", ()), ("市委常委、常务副市长", ()), ("市发改委、市财政局主要负责人", ()),
    ("张三市长李四副市长负责日常工作", ()), ("张三市长李四", ()),
]


@pytest.mark.parametrize("text,expected", GLUED)
def test_split_glued(text, expected):
    from govkg.extract.people.glued import split_glued
    assert split_glued(text) == expected
