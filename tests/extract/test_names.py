"""Name / post splitting and personal-name detection (govkg.extract.people.names)."""
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
]


@pytest.mark.parametrize("text,expected", NAME_POST)
def test_split_name_post(text, expected):
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
    ("晋城军分区保障处处长", None),
    ("武警晋城支队政治工作处主任", None),
    ("市长刘建国", None),
])
def test_split_name_then_post(text, expected):
    assert split_name_then_post(text) == expected
