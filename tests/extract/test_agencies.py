"""Splitting printed agency lists into specific agency names."""
import pytest

from govkg.extract.agencies import is_bare_department, is_placeholder, split_agencies

SPLITS = [
    ("市发展改革局、工业和信息化局、公安局", ["市发展改革局", "市工业和信息化局", "市公安局"]),
    ("市工业和信息化局、市住房和城乡建设局", ["市工业和信息化局", "市住房和城乡建设局"]),
    ("市行政审批服务管理局和各相关行政监管部门、市委编办、各县(市、区)人民政府",
     ["市行政审批服务管理局", "市委编办"]),
    ("市农业农村局、市科技局、市财政局等", ["市农业农村局", "市科技局", "市财政局"]),
    ("市规划和自然资源局(林业)、各县<市、区>人民政府", ["市规划和自然资源局(林业)"]),
    ("市生态环境局,市水务局", ["市生态环境局", "市水务局"]),
    ("市 财政局、有关单位、相关部门、各有关部门", ["市财政局"]),
    ("城区政府、泽州县政府、晋城海关", ["城区政府", "泽州县政府", "晋城海关"]),
    ("市委宣传部、组织部", ["市委宣传部", "市委组织部"]),
    ("区发展改革局；财政局", ["区发展改革局", "区财政局"]),
    ("市市场监管局、市食安委各成员单位", ["市市场监管局"]),
    ("市财政局、农业银行晋城分行", ["市财政局", "农业银行晋城分行"]),
    ("市工信局 晋城铁塔", ["市工信局", "晋城铁塔"]),
    ("市行政审批服务管理局和各县、市、区人民政府", ["市行政审批服务管理局"]),
    ("各縣(市、區)人民政府、有關單位、縣財政局", ["縣財政局"]),
    # a 市委 department lends 市委 only to party departments; party and government offices lend their level
    ("市委宣传部、市委统战部、发展改革委、网信办", ["市委宣传部", "市委统战部", "市发展改革委", "市委网信办"]),
    ("县委办、县政府办、发改局、财政局", ["县委办", "县政府办", "县发改局", "县财政局"]),
    ("市消防局、警察局、衛生局、建设银行晋城分行", ["市消防局", "市警察局", "市衛生局", "建设银行晋城分行"]),
    # placeholders whose separators are part of them (wide convention 3)
    ("省發改委、鐵路辦、哈爾濱鐵路局、相關市、縣政府", ["省發改委", "省鐵路辦", "哈爾濱鐵路局"]),
    ("省工业和信息化委、地税局,各州、市人民政府", ["省工业和信息化委", "省地税局"]),
    # bare places before a name share its level and ending (wide convention 4)
    ("哈爾濱機場擴建指揮部、哈爾濱、黑河、綏芬河市政府、省農墾總局",
     ["哈爾濱機場擴建指揮部", "哈爾濱市政府", "黑河市政府", "綏芬河市政府", "省農墾總局"]),
    ("东城、西城区教育局", ["东城区教育局", "西城区教育局"]),
    ("发改、工信、晋城市政府", ["发改", "工信", "晋城市政府"]),  # abbreviations of departments are no places
    ("教育、卫生部门", ["教育", "卫生部门"]),  # no level in the last name: nothing is distributed
    # names that start with their own place, banks and customs keep their names
    ("省商务厅、财政厅、地方金融监管局、人行郑州中心支行、河南银保监局",
     ["省商务厅", "省财政厅", "省地方金融监管局", "人行郑州中心支行", "河南银保监局"]),
    ("市經貿委、國土房管局、規劃局、黃埔區政府、南沙區政府",
     ["市經貿委", "市國土房管局", "市規劃局", "黃埔區政府", "南沙區政府"]),
    ("市建委、外經貿局", ["市建委", "市外經貿局"]),
    ("市生态环境局会同市水务局", ["市生态环境局", "市水务局"]),
    ("区司法局等有关部门", ["区司法局"]),
    # a placeholder a line wrap cuts is still one placeholder
    ("省发改委、哈尔滨铁路局、相\n关市、县政府", ["省发改委", "哈尔滨铁路局"]),
    ("省发改委、各县、\n市、区人民政府", ["省发改委"]),
]


@pytest.mark.parametrize("text,expected", SPLITS)
def test_split_agencies(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


@pytest.mark.parametrize("name,expected", [
    ("各县(市、区)人民政府", True), ("各县(市、区)", True), ("有关单位", True), ("各部门", True),
    ("相关部门", True), ("市直各部门", True), ("相关区县政府", True), ("市财政局", False),
    ("开发区管委会", False), ("县(市、区)人民政府", True), ("区县政府", True), ("县市区人民政府", True),
    ("高平市人民政府", False), ("城区政府", False), ("泽州县政府", False),
    # wide convention 3
    ("各镇人民政府", True), ("各州、市人民政府", True), ("相關市、縣政府", True), ("区政府有关部门", True),
    ("区级相关部门", True), ("各街道办事处", True), ("各街道(功能区)", True), ("省政府各部门", True),
    ("各直属机构", True), ("各县、市、区政府", True), ("具体任务均涉及相关市(州)人民政府", True),
    ("街道环委会成员单位负责人", True), ("区司法局", False), ("市应急管理局", False), ("嘉鱼经济开发区", False),
    ("丽水开发区管委会", False), ("市場監管局", False),
])
def test_is_placeholder(name: str, expected: bool) -> None:
    assert is_placeholder(name) is expected


@pytest.mark.parametrize("name,expected", [
    ("财政局", True),              # a stem of the lexicon
    ("公安局", True),              # a stem, though 公安 is also a county's short name
    ("农牧局", True),              # by rule: a short stem, a department ending, no place or level
    ("监察局", True),
    ("政务服务中心", True),
    ("哈尔滨铁路局", False),        # a place of its own
    ("团市委", False),              # a level of its own
    ("国家统计局", False),
    ("农业银行晋城分行", False),
    ("武警支队", False),            # no department ending
    ("局", False),
])
def test_is_bare_department(name: str, expected: bool) -> None:
    assert is_bare_department(name) is expected


@pytest.mark.parametrize("text,expected", [
    ("市编办、发改委、农牧局、监察局", ["市编办", "市发改委", "市农牧局", "市监察局"]),
    ("市发展改革委、城市管理局、交通局", ["市发展改革委", "市城市管理局", "市交通局"]),  # 城市 is no place + 市
    ("县财政局、供电公司、哈尔滨铁路局", ["县财政局", "供电公司", "哈尔滨铁路局"]),
    ("市财政局、市场监管局", ["市财政局", "市市场监管局"]),  # 市场 is a stem, not a level
])
def test_a_level_printed_once_goes_to_each_bare_department(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


PLACEHOLDER_PROBES = [
    ("各县(市、区)人民政府", True), ("有关单位", True), ("市直各部门", True), ("当地政府", True),
    ("驻市部队", True), ("事发地人民政府", True), ("灾害发生地人民政府", True), ("市政府各部门", True),
    ("晋城各通信分公司", True), ("邀请市人大代表", True),
    ("市财政局", False), ("区司法局", False), ("南沙区政府", False), ("市场监管局", False),
]


@pytest.mark.parametrize("name,collective", PLACEHOLDER_PROBES)
def test_one_placeholder_test_for_lists_walk_and_graph(name: str, collective: bool) -> None:
    """The agency lists, the composition walk and the graph drop the same items (one lexicon entry)."""
    from govkg.extract.agencies import is_collective
    from govkg.extract.composition.vocab import is_agency
    from govkg.graph.posts import is_placeholder as graph_placeholder

    assert is_collective(name) is collective
    assert graph_placeholder(name) is collective
    assert is_agency(name) is not collective
